"""Aggregation (汇总): sums, refusals, streaming inputs."""

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govinfo_report import AnnualReport, ReadError, ReportError, dumps
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.many.aggregate import (
    SUMMED_CELLS,
    Aggregator,
    MismatchError,
    aggregate,
    iter_reports,
    report_from_cells,
)
from govinfo_report.model import (
    ApplicantCounts,
    DocumentCounts,
    Narrative,
    OtherMatters,
    ProactiveDisclosure,
    ProcessingFees,
    Requests,
)

ORGAN = "某县"


def unit(organ: str, year: int = 2023, *, n: int = 1, fees: str = "0") -> AnnualReport:
    row = ApplicantCounts(natural_person=n, other=1)
    return AnnualReport(
        organ=organ,
        year=year,
        overview=Narrative(opening=(f"{organ}的总体情况。",)),
        proactive=ProactiveDisclosure(
            regulations=DocumentCounts(issued=1, in_force=n), licensing=n, fees=Decimal(fees)
        ),
        requests=Requests(new=row, carried_forward=row),
        other_matters=OtherMatters(
            fees=ProcessingFees(notices=n, notices_amount=Decimal(fees), collected=Decimal(0))
        ),
    )


def test_summed_cells_are_every_fillable_cell() -> None:
    assert len(SUMMED_CELLS) == len([c for c in CELLS if not c.computed])
    assert {c.table for c in SUMMED_CELLS} == {"二", "三", "四", "六"}


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (("requests", "new", "natural_person"), 6),
        (("requests", "new", "total"), 9),
        (("requests", "results", "total", "total"), 0),
        (("requests", "carried_forward", "other"), 3),
        (("proactive", "regulations", "issued"), 3),
        (("proactive", "regulations", "in_force"), 6),
        (("proactive", "licensing"), 6),
        (("proactive", "fees"), Decimal("3.555")),
        (("other_matters", "fees", "notices"), 6),
        (("other_matters", "fees", "notices_amount"), Decimal("3.555")),
    ],
)
def test_aggregate_sums_every_cell(key: tuple[str, ...], expected: object) -> None:
    units = [
        unit("甲镇", n=1, fees="1.5"),
        unit("乙镇", n=2, fees="2.05"),
        unit("丙镇", n=3, fees="0.005"),
    ]
    total = aggregate(units, organ=ORGAN)
    assert cell_value(total, key) == expected
    assert type(cell_value(total, key)) is type(expected)


def test_total_is_a_fresh_report_with_empty_narrative() -> None:
    total = aggregate([unit("甲镇"), unit("乙镇")], organ=ORGAN)
    assert (total.organ, total.year, total.edition) == (ORGAN, 2023, "2021")
    assert total.title == "某县2023年政府信息公开工作年度报告"
    assert total.overview == Narrative()
    assert total.preface is None


def test_amounts_keep_their_precision() -> None:
    total = aggregate([unit("甲镇", fees="0.10"), unit("乙镇", fees="0.20")], organ=ORGAN)
    assert str(total.proactive.fees) == "0.30"


@pytest.mark.parametrize(
    ("reports", "year", "expected"),
    [
        (
            [unit("甲镇"), unit("乙镇", 2022)],
            None,
            (
                2,
                "乙镇",
                "第 2 份报告（乙镇）是 2022 年度的，应为 2023 年度",
                "report 2 (乙镇) is for 2022, not 2023",
            ),
        ),
        (
            [unit("甲镇", 2022)],
            2023,
            (
                1,
                "甲镇",
                "第 1 份报告（甲镇）是 2022 年度的，应为 2023 年度",
                "report 1 (甲镇) is for 2022, not 2023",
            ),
        ),
        (
            [],
            None,
            (
                None,
                ORGAN,
                "没有可汇总的报告，且未指定年度",
                "there are no reports to sum and no year was given",
            ),
        ),
    ],
)
def test_aggregate_refuses(
    reports: list[AnnualReport], year: int | None, expected: tuple[object, ...]
) -> None:
    with pytest.raises(MismatchError) as info:
        aggregate(iter(reports), organ=ORGAN, year=year)
    err = info.value
    assert (err.index, err.organ, err.message("zh"), err.message("en")) == expected
    assert isinstance(err, ValueError)


def test_empty_with_year_is_all_zero() -> None:
    assert aggregate([], organ=ORGAN, year=2024) == AnnualReport(organ=ORGAN, year=2024)


def test_other_edition_refused_and_sum_unchanged() -> None:
    acc = Aggregator(edition="2019")
    with pytest.raises(MismatchError, match="2019"):
        acc.add(unit("甲镇"))
    assert acc.count == 0


def test_not_a_report_refused() -> None:
    acc = Aggregator()
    with pytest.raises(TypeError, match="argument report must be an AnnualReport, not dict"):
        acc.add({"organ": "甲镇"})  # type: ignore[arg-type]
    assert (acc.count, acc.offered) == (0, 0)


@pytest.mark.parametrize(
    ("reports", "message"),
    [
        ([{}], "aggregate() argument reports[0] must be an AnnualReport, not dict"),
        (
            [unit("甲镇"), None],
            "aggregate() argument reports[1] must be an AnnualReport, not NoneType",
        ),
        (None, "aggregate() argument reports must be an iterable of AnnualReport, not NoneType"),
        (unit("甲镇"), "must be an iterable of AnnualReport, not AnnualReport"),
    ],
)
def test_aggregate_type_errors_name_the_parameter(reports: object, message: str) -> None:
    with pytest.raises(TypeError) as info:
        aggregate(reports, organ=ORGAN)  # type: ignore[arg-type]
    assert message in str(info.value)
    assert "的参数 reports" in str(info.value)


@pytest.mark.parametrize(
    ("name", "sources"),
    [("a.json", ["a.json"]), ("A.JSON", ["A.JSON"]), ("b.Json", ["b.Json"]),
     ("c.JSONL", ["c.JSONL:1"]), ("d.txt", []), ("e.json.bak", []), (".hidden.json", [])],
)  # fmt: skip
def test_iter_reports_suffixes_in_any_case(tmp_path: Path, name: str, sources: list[str]) -> None:
    (tmp_path / name).write_text(dumps(unit("甲镇")).replace("\n", ""), encoding="utf-8")
    assert [Path(i.source).name for i in iter_reports(tmp_path) if i.report] == sources


def test_amounts_are_bounded_so_sums_stay_exact() -> None:
    acc = Aggregator()
    acc.add(unit("甲镇", fees="0.0001"))
    with pytest.raises(ReportError):  # beyond the bound of an amount: cannot be made
        attrs.evolve(unit("乙镇"), proactive=ProactiveDisclosure(fees=Decimal("1E+300")))
    acc.add(unit("乙镇", fees="9" * 18 + ".9999999999"))
    assert acc.count == 2
    # exact, beyond the 28 digits of Python's default decimal context
    assert acc.sums[("proactive", "fees")] == Decimal("1000000000000000000.0000999999")


def test_report_from_cells_is_checked() -> None:
    with pytest.raises(ReportError) as info:
        report_from_cells({("proactive", "licensing"): -1}, organ=ORGAN, year=2023)
    assert [f.code for f in info.value.findings] == ["A-NONNEG"]


def test_bad_organ_is_refused() -> None:
    with pytest.raises(ReportError):
        aggregate([unit("甲镇")], organ="某\n县")


# --- Streaming inputs ----------------------------------------------------------------


def test_iter_reports_folder_recursive_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.json").write_text(dumps(unit("乙镇")), encoding="utf-8")
    (tmp_path / "1.json").write_text(dumps(unit("甲镇")), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a report", encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("{", encoding="utf-8")
    items = list(iter_reports(tmp_path))
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == [
        "1.json",
        "b/2.json",
    ]
    assert [i.report.organ for i in items if i.report] == ["甲镇", "乙镇"]


def test_iter_reports_jsonl_errors_per_line(tmp_path: Path) -> None:
    path = tmp_path / "units.jsonl"
    lines = [
        dumps(unit("甲镇"), indent=None),
        "{not json\n",
        "\n",
        dumps(unit("乙镇"), indent=None).replace('"licensing": 1', '"licensing": -1'),
        dumps(unit("丙镇"), indent=None),
    ]
    path.write_text("".join(lines), encoding="utf-8")
    items = list(iter_reports(path))
    assert [i.source for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5)]
    assert [i.report.organ if i.report else type(i.error).__name__ for i in items] == [
        "甲镇",
        "ReadError",
        "ReportError",
        "丙镇",
    ]
    bad = items[2].error
    assert isinstance(bad, ReportError)
    assert [(f.code, f.place.path) for f in bad.findings] == [("A-NONNEG", "$.proactive.licensing")]


def test_iter_reports_unreadable_file(tmp_path: Path) -> None:
    items = list(iter_reports(tmp_path / "missing.json"))
    assert len(items) == 1
    assert isinstance(items[0].error, ReadError)
    items = list(iter_reports(tmp_path / "missing.jsonl"))
    assert isinstance(items[0].error, ReadError)


def test_aggregate_streams_from_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "units.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(50):
            f.write(dumps(unit(f"第{i}镇", n=i), indent=None))
    total = aggregate((i.report for i in iter_reports(path) if i.report), organ=ORGAN)
    assert total.proactive.licensing == sum(range(50))
    assert total.requests.new.other == 50
