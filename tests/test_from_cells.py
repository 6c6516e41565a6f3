"""``from_cells``: the one builder of a report from cell values (keys, paths, every problem)."""

from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from govinfo_report import AnnualReport, ReportError, from_cells
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.model import Narrative, OtherMatters, Part
from govinfo_report.testing import reports

ORGAN = "某县教育局"


@given(reports())
def test_every_cell_of_a_report_gives_the_report_back(report: AnnualReport) -> None:
    """Printed totals included: they agree with their sums, so they are accepted."""
    cells = {c.key: cell_value(report, c.key) for c in CELLS}
    six = report.other_matters
    rebuilt = from_cells(
        cells,
        organ=report.organ,
        year=report.year,
        title=report.title,
        preface=report.preface,
        publication=report.publication,
        contact=report.contact,
        date=report.date,
        overview=report.overview,
        problems=report.problems,
        other_matters=Narrative(opening=six.opening, parts=six.parts),
    )
    assert rebuilt == report


@pytest.mark.parametrize(
    "key",
    [
        ("appeals", "direct_litigation", "pending"),
        "appeals.direct_litigation.pending",
        "$.appeals.direct_litigation.pending",
    ],
)
def test_a_cell_by_key_or_path(key: tuple[str, ...] | str) -> None:
    report = from_cells({key: 4}, organ=ORGAN, year=2023)
    assert report.appeals.direct_litigation.pending == 4
    assert report.appeals.direct_litigation.total == 4


@pytest.mark.parametrize(
    ("cells", "year", "expected"),
    [
        ({"proactive.licensing": True}, 2023, [("A-NONNEG", "$.proactive.licensing")]),
        ({"proactive.licensing": 1.0}, 2023, [("A-NONNEG", "$.proactive.licensing")]),
        ({"proactive.licensing": "1"}, 2023, [("A-NONNEG", "$.proactive.licensing")]),
        ({"proactive.fees": float("nan")}, 2023, [("A-NONNEG", "$.proactive.fees")]),
        ({"proactive.fees": Decimal("NaN")}, 2023, [("A-NONNEG", "$.proactive.fees")]),
        ({"proactive.fees": Decimal(-1)}, 2023, [("A-NONNEG", "$.proactive.fees")]),
        ({"proactive.licence": 1}, 2023, [("S-UNKNOWN", "$.proactive.licence")]),
        ({("proactive",): 1}, 2023, [("S-UNKNOWN", "$.proactive")]),
        ({3: 1}, 2023, [("S-UNKNOWN", "$[3]")]),
        (
            {"proactive.licensing": 1, ("proactive", "licensing"): 2},
            2023,
            [("S-VALUE", "$.proactive.licensing")],
        ),
        (
            {"appeals.reconsideration.total": 1},
            2023,
            [("C-TOTAL", "$.appeals.reconsideration.total")],
        ),
        ({"requests.new.total": -1}, 2023, [("A-NONNEG", "$.requests.new.total")]),
        (
            {"requests.new.natural_person": 1},
            2023,
            [("B-BALANCE", "$.requests.*.natural_person"), ("B-BALANCE", "$.requests.*.total")],
        ),
        (
            {"proactive.licensing": -1, "appeals.reconsideration.upheld": "x"},
            1999,
            [
                ("S-VALUE", "$.year"),
                ("A-NONNEG", "$.proactive.licensing"),
                ("A-NONNEG", "$.appeals.reconsideration.upheld"),
            ],
        ),
    ],
)
def test_every_problem_at_once(
    cells: dict[object, object], year: int, expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ReportError) as info:
        from_cells(cells, organ=ORGAN, year=year)  # type: ignore[arg-type]  # bad keys on purpose
    found = [(f.code, f.place.path) for f in info.value.findings]
    assert found == expected
    for f in info.value.findings:
        assert f.message_zh
        assert f.message_en


def test_a_cells_findings_carry_the_official_labels() -> None:
    with pytest.raises(ReportError) as info:
        from_cells({"requests.results.withheld.state_secret.other": -2}, organ=ORGAN, year=2023)
    (finding,) = info.value.findings
    assert (finding.place.table, finding.place.row, finding.place.column) == (
        "三",
        "三、本年度办理结果/（三）不予公开/1.属于国家秘密",
        "其他",
    )


def test_the_narrative_of_section_six_joins_the_fee_cells() -> None:
    six = Narrative(opening=("无。",), parts=(Part(title="其他", paragraphs=("文字。",)),))
    report = from_cells(
        {"other_matters.fees.notices": 2, "other_matters.fees.notices_amount": Decimal(30)},
        organ=ORGAN,
        year=2023,
        other_matters=six,
    )
    assert report.other_matters == OtherMatters(
        opening=six.opening,
        parts=six.parts,
        fees=attrs.evolve(report.other_matters.fees, notices=2, notices_amount=Decimal(30)),
    )
