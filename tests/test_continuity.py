"""Year to year: X-CARRY, X-STOCK, X-JUMP and series (format section 6)."""

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from govinfo_report import AnnualReport, Severity, load
from govinfo_report.findings import Finding
from govinfo_report.many.aggregate import MismatchError
from govinfo_report.many.continuity import continuity, jumps, series
from govinfo_report.model import (
    ApplicantCounts,
    DocumentCounts,
    HandlingResults,
    ProactiveDisclosure,
    Requests,
)

SERIES = Path(__file__).parent / "data" / "series"
ORGAN = "某市自然资源和规划局"


def _report(
    year: int,
    *,
    carried_over: ApplicantCounts | None = None,
    carried_forward: ApplicantCounts | None = None,
    new: int = 20,
    normative: DocumentCounts | None = None,
) -> AnnualReport:
    """A balanced report: what was carried over is handled, ``new`` more are handled."""
    over = carried_over or ApplicantCounts()
    forward = carried_forward or ApplicantCounts()
    fresh = ApplicantCounts(natural_person=new)
    return AnnualReport(
        organ=ORGAN,
        year=year,
        proactive=ProactiveDisclosure(
            regulations=DocumentCounts(issued=1, repealed=0, in_force=3 + year - 2022),
            normative_documents=normative or DocumentCounts(issued=5, repealed=2, in_force=40),
            licensing=100,
        ),
        requests=Requests(
            new=fresh + forward,
            carried_over=over,
            results=HandlingResults(disclosed=fresh + over),
            carried_forward=forward,
        ),
    )


def _licensing(year: int, value: int) -> AnnualReport:
    report = _report(year)
    assert isinstance(report.proactive, ProactiveDisclosure)
    return attrs.evolve(report, proactive=attrs.evolve(report.proactive, licensing=value))


LAST = _report(
    2022,
    carried_forward=ApplicantCounts(natural_person=3, legal_service_agency=1),
    normative=DocumentCounts(issued=4, repealed=1, in_force=37),
)
SOUND = _report(
    2023,
    carried_over=ApplicantCounts(natural_person=3, legal_service_agency=1),
)


def _carry(**columns: int) -> Callable[[AnnualReport], AnnualReport]:
    def change(report: AnnualReport) -> AnnualReport:
        over = attrs.evolve(report.requests.carried_over, **columns)
        return _report(2023, carried_over=over)

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda r: r, []),
        (
            _carry(natural_person=2),
            [("X-CARRY", "二、上年结转政府信息公开申请数量", "自然人", 3, 2)],
        ),
        (
            _carry(natural_person=4, other=1),
            [
                ("X-CARRY", "二、上年结转政府信息公开申请数量", "自然人", 3, 4),
                ("X-CARRY", "二、上年结转政府信息公开申请数量", "其他", 0, 1),
            ],
        ),
        (
            # Moving one application between columns keeps the total but not the columns.
            _carry(legal_service_agency=0, commercial_enterprise=1),
            [
                ("X-CARRY", "二、上年结转政府信息公开申请数量", "商业企业", 0, 1),
                ("X-CARRY", "二、上年结转政府信息公开申请数量", "法律服务机构", 1, 0),
            ],
        ),
        (
            lambda r: attrs.evolve(
                r,
                proactive=attrs.evolve(
                    r.proactive,
                    normative_documents=DocumentCounts(issued=5, repealed=2, in_force=41),
                ),
            ),
            [("X-STOCK", "第二十条第（一）项/行政规范性文件", "现行有效件数", 40, 41)],
        ),
        (
            lambda r: attrs.evolve(
                r,
                proactive=attrs.evolve(
                    r.proactive, regulations=DocumentCounts(issued=1, repealed=1, in_force=4)
                ),
            ),
            [("X-STOCK", "第二十条第（一）项/规章", "现行有效件数", 3, 4)],
        ),
    ],
)
def test_continuity(
    change: Callable[[AnnualReport], AnnualReport], expected: list[tuple[object, ...]]
) -> None:
    found = continuity(LAST, change(SOUND))
    assert [(f.code, f.place.row, f.place.column, f.expected, f.found) for f in found] == expected
    assert all(f.severity is Severity.WARNING for f in found)


def test_carry_finding_names_both_cells() -> None:
    (finding,) = continuity(LAST, _carry(natural_person=2)(SOUND))
    assert finding.place.path == "$.requests.carried_over.natural_person"
    assert finding.place.table == "三"
    assert finding.cells == (
        "$.requests.carried_forward.natural_person",
        "$.requests.carried_over.natural_person",
    )
    assert "上年报告的“四、结转下年度继续办理” 3，实际为 2" in finding.message_zh


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (20, 20, []),
        (20, 100, []),  # exactly fivefold is not more than fivefold
        (20, 101, [("X-JUMP", 20, 101, "up 5.0-fold")]),
        (100, 19, [("X-JUMP", 100, 19, "down 5.3-fold")]),
        (0, 9, []),  # below the floor
        (0, 10, [("X-JUMP", 0, 10, "from zero")]),
        (12, 0, [("X-JUMP", 12, 0, "down to zero")]),
    ],
)
def test_jumps_in_new_requests(before: int, after: int, expected: list[tuple[object, ...]]) -> None:
    found = jumps(_report(2022, new=before), _report(2023, new=after))
    assert [
        (f.code, f.expected, f.found, f.message_en.split(", ")[-1].split(" [")[0]) for f in found
    ] == expected
    assert all(f.severity is Severity.INFO for f in found)
    assert all(f.place.row == "一、本年新收政府信息公开申请数量" for f in found)


def test_jump_factor_and_floor_are_parameters() -> None:
    before, after = _licensing(2022, 10), _licensing(2023, 25)
    assert jumps(before, after) == []
    found = jumps(before, after, factor=2)
    assert [(f.place.row, f.expected, f.found) for f in found] == [
        ("第二十条第（五）项/行政许可", 10, 25)
    ]
    assert jumps(_licensing(2022, 1), _licensing(2023, 8), floor=5) != []


@pytest.mark.parametrize(
    ("previous", "current", "message"),
    [
        (LAST, attrs.evolve(SOUND, organ="某县教育局"), "not reports of one organ"),
        (LAST, attrs.evolve(SOUND, year=2024), "2022 and 2024 are not consecutive years"),
        (SOUND, LAST, "2023 and 2022 are not consecutive years"),
        (LAST, LAST, "2022 and 2022 are not consecutive years"),
    ],
)
def test_continuity_refuses(previous: AnnualReport, current: AnnualReport, message: str) -> None:
    with pytest.raises(MismatchError, match=message):
        continuity(previous, current)


# --- Series ---------------------------------------------------------------------------


def _summary(result: dict[str, list[tuple[int, Finding]]]) -> dict[str, list[tuple[object, ...]]]:
    out: dict[str, list[tuple[object, ...]]] = {}
    for organ, items in result.items():
        out[organ] = [(year, f.code, f.place.column, f.expected, f.found) for year, f in items]
    return out


def test_published_series_breaks_are_caught_by_name() -> None:
    reports = [load(SERIES / f"{year}.json") for year in (2023, 2021, 2022)]  # any order
    assert _summary(series(reports)) == {
        ORGAN: [
            (2022, "X-STOCK", "现行有效件数", 41, 39),
            (2023, "X-CARRY", "自然人", 13, 12),
        ]
    }
    (_, stock), (_, carry) = series(reports)[ORGAN]
    assert stock.place.row == "第二十条第（一）项/行政规范性文件"
    assert carry.place.row == "二、上年结转政府信息公开申请数量"


def test_series_groups_orders_and_notes_gaps_and_duplicates() -> None:
    other = attrs.evolve(LAST, organ="某县教育局")
    reports = [
        SOUND,
        other,
        attrs.evolve(other, year=2025),
        LAST,
        LAST,  # the same report twice: ignored
        attrs.evolve(LAST, proactive=ProactiveDisclosure()),  # another 2022 report
    ]
    result = series(reports)
    assert _summary(result) == {
        ORGAN: [(2022, "X-SERIES", None, None, 2022)],
        "某县教育局": [(2025, "X-SERIES", None, 2023, 2025)],
    }
    (_, gap) = result["某县教育局"][0]
    assert gap.message_en == "$.year: no report for 2023, 2024 [X-SERIES]"
    assert gap.severity is Severity.INFO


def test_series_of_one_report_is_empty() -> None:
    assert series([SOUND]) == {ORGAN: []}
    assert series([]) == {}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: continuity(None, SOUND),  # type: ignore[arg-type]
            "continuity() argument previous must be an AnnualReport, not NoneType",
        ),
        (
            lambda: continuity(LAST, {}),  # type: ignore[arg-type]
            "continuity() argument current must be an AnnualReport, not dict",
        ),
        (
            lambda: jumps(LAST, "2023"),  # type: ignore[arg-type]
            "jumps() argument current must be an AnnualReport, not str",
        ),
        (
            lambda: series([LAST, None]),  # type: ignore[list-item]
            "series() argument reports[1] must be an AnnualReport, not NoneType",
        ),
        (
            lambda: series(None),  # type: ignore[arg-type]
            "series() argument reports must be an iterable of AnnualReport, not NoneType",
        ),
    ],
)
def test_type_errors_name_the_parameter(call: Callable[[], object], message: str) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert message in str(info.value)
