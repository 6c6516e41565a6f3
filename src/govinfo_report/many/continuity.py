"""Year to year: the cross-year rules of the format (section 6) along an organ's reports.

:func:`continuity` compares one organ's reports of two consecutive years:

* X-CARRY (warning): this year's ``二、上年结转政府信息公开申请数量`` equals last year's
  ``四、结转下年度继续办理``, per applicant column (the 总计 column follows from them);
* X-STOCK (warning): this year's ``现行有效件数`` equals last year's plus
  ``本年制发件数`` minus ``本年废止件数``, for 规章 and 行政规范性文件;
* X-JUMP (note): a key figure growing or shrinking more than ``factor`` times (by default
  fivefold, once the larger value reaches ``floor``).

F-FEES, the rule within one report, is part of :func:`govinfo_report.check`.
:func:`series` groups many reports by organ, orders each organ's by year, and runs
:func:`continuity` along each series, noting gaps and duplicate years (X-SERIES).

>>> from govinfo_report import AnnualReport
>>> from govinfo_report.model import ApplicantCounts, Requests
>>> forward = ApplicantCounts(natural_person=2)
>>> y2022 = AnnualReport(organ="某县教育局", year=2022,
...                      requests=Requests(new=forward, carried_forward=forward))
>>> y2023 = AnnualReport(organ="某县教育局", year=2023)
>>> [(f.code, f.place.row, f.place.column, f.expected, f.found)
...  for f in continuity(y2022, y2023)]
[('X-CARRY', '二、上年结转政府信息公开申请数量', '自然人', 2, 0)]
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TYPE_CHECKING, Final

from govinfo_report.cells import CELL_BY_KEY, CellKey, cell_by_key, cell_value
from govinfo_report.errors import MismatchError
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.labels import APPLICANT_COLUMNS
from govinfo_report.many._guards import require_report, require_reports
from govinfo_report.many._organ import organ_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from govinfo_report.model import AnnualReport

__all__ = ["JUMP_CELLS", "continuity", "jumps", "series"]

_LEAF_COLUMNS: Final = tuple(c for c in APPLICANT_COLUMNS if c != "total")

#: The key figures watched for year-to-year jumps (X-JUMP): new requests, decisions on
#: licensing, punishment and coercion, and reconsiderations.
JUMP_CELLS: Final[tuple[CellKey, ...]] = (
    ("requests", "new", "total"),
    ("proactive", "licensing"),
    ("proactive", "punishment"),
    ("proactive", "coercion"),
    ("appeals", "reconsideration", "total"),
)


def _check_pair(previous: AnnualReport, current: AnnualReport) -> None:
    if organ_key(previous.organ) != organ_key(current.organ):
        raise MismatchError(
            None,
            current.organ,
            f"不是同一机关的报告：“{previous.organ}”与“{current.organ}”",
            f'not reports of one organ: "{previous.organ}" and "{current.organ}"',
        )
    if current.year != previous.year + 1:
        raise MismatchError(
            None,
            current.organ,
            f"{current.organ}：{previous.year} 年度与 {current.year} 年度不是相邻年度",
            f"{current.organ}: {previous.year} and {current.year} are not consecutive years",
        )


def _carry(previous: AnnualReport, current: AnnualReport) -> Iterable[Finding]:
    for column in _LEAF_COLUMNS:
        before = ("requests", "carried_forward", column)
        now = ("requests", "carried_over", column)
        expected, found = cell_value(previous, before), cell_value(current, now)
        if expected != found:
            cell = CELL_BY_KEY[now]
            yield make_finding(
                "X-CARRY",
                cell.place,
                expected=expected,
                found=found,
                cells=(CELL_BY_KEY[before].path, cell.path),
            )


def _stock(previous: AnnualReport, current: AnnualReport) -> Iterable[Finding]:
    if previous.edition != "2021" or current.edition != "2021":
        return  # the 2019 edition's Table A has no 现行有效件数
    for row in ("regulations", "normative_documents"):
        last = getattr(previous.proactive, row)
        this = getattr(current.proactive, row)
        expected = last.in_force + this.issued - this.repealed
        if expected != this.in_force:
            cell = CELL_BY_KEY[("proactive", row, "in_force")]
            yield make_finding(
                "X-STOCK",
                cell.place,
                expected=expected,
                found=this.in_force,
                cells=(
                    cell.path,
                    CELL_BY_KEY[("proactive", row, "issued")].path,
                    CELL_BY_KEY[("proactive", row, "repealed")].path,
                ),
            )


def jumps(
    previous: AnnualReport,
    current: AnnualReport,
    *,
    factor: float = 5,
    floor: int = 10,
    keys: Sequence[CellKey] = JUMP_CELLS,
) -> list[Finding]:
    """Notes (X-JUMP) on key figures that grew or shrank more than ``factor`` times.

    A change is noted only when the larger of the two values is at least ``floor``, so
    that 1 → 6 is not news. From or to zero counts as a jump once the other value reaches
    ``floor``. Anything but two reports raises :class:`TypeError`.
    """
    require_report(previous, "jumps", "previous")
    require_report(current, "jumps", "current")
    findings = []
    shared = cell_by_key(previous.edition).keys() & cell_by_key(current.edition).keys()
    for key in keys:
        if key not in shared:
            continue  # not a cell of both reports' editions (the 2019 Table A differs)
        before, now = cell_value(previous, key), cell_value(current, key)
        low, high = min(before, now), max(before, now)
        if high < floor or float(high) <= float(low) * factor:
            continue
        grew = now > before
        if low:
            ratio = f"{high / low:.1f}"
            detail = (
                f"为上年的 {ratio} 倍" if grew else f"上年为本年的 {ratio} 倍",
                f"up {ratio}-fold" if grew else f"down {ratio}-fold",
            )
        else:
            detail = ("上年为零", "from zero") if grew else ("本年为零", "down to zero")
        cell = CELL_BY_KEY[key]
        findings.append(
            make_finding(
                "X-JUMP", cell.place, expected=before, found=now, detail=detail, cells=(cell.path,)
            )
        )
    return findings


def continuity(
    previous: AnnualReport, current: AnnualReport, *, factor: float = 5, floor: int = 10
) -> list[Finding]:
    """The cross-year findings for one organ's reports of two consecutive years.

    X-CARRY and X-STOCK (warnings, with expected and found values, placed at this year's
    cell) and X-JUMP notes (see :func:`jumps`). Across a change of edition (2020's report in
    the 2019 format, 2021's in the 2021 format) only what the two share is compared — the
    carry-over and the key figures of both — and an X-SERIES note says what was skipped
    (X-STOCK, and the jumps of Table 二's figures the 2019 format does not have). Raises
    :class:`~govinfo_report.many.aggregate.MismatchError` when the two are not one organ's
    reports of consecutive years, and :class:`TypeError` when either is not a report.
    """
    require_report(previous, "continuity", "previous")
    require_report(current, "continuity", "current")
    _check_pair(previous, current)
    return [
        *_edition_change(previous, current),
        *_carry(previous, current),
        *_stock(previous, current),
        *jumps(previous, current, factor=factor, floor=floor),
    ]


def _edition_change(previous: AnnualReport, current: AnnualReport) -> Iterable[Finding]:
    """An X-SERIES note when the two reports follow different editions of the format."""
    if previous.edition == current.edition:
        return
    zh = (
        f"{previous.year} 年度按 {previous.edition} 版格式、{current.year} 年度按 "
        f"{current.edition} 版格式，只比较两版共有的数据（上年结转、两版都有的主要数据），"
        "不核对现行有效件数（X-STOCK）及第二部分中两版不同的数据"
    )
    en = (
        f"{previous.year} follows the {previous.edition} format and {current.year} the "
        f"{current.edition} format: only what both share is compared (the carry-over and "
        "the key figures of both); 现行有效件数 (X-STOCK) and the Table 二 figures the "
        "editions do not share are not"
    )
    yield make_finding(
        "X-SERIES",
        Place(path="$.edition"),
        expected=previous.edition,
        found=current.edition,
        detail=(zh, en),
    )


def _note(detail: tuple[str, str], expected: int | None, found: int) -> Finding:
    return make_finding(
        "X-SERIES", Place(path="$.year"), expected=expected, found=found, detail=detail
    )


def series(
    reports: Iterable[AnnualReport], *, factor: float = 5, floor: int = 10
) -> dict[str, list[tuple[int, Finding]]]:
    """Continuity along each organ's series: ``{organ: [(year, finding), ...]}``.

    Reports are grouped by organ (every organ appears, under its name as first written,
    with an empty list when its series is continuous; spaces, invisible marks and
    full-width forms do not part two names, see :func:`~govinfo_report.many._organ.organ_key`)
    and ordered by year; :func:`continuity` runs on each pair of
    consecutive years, and ``year`` is that of the later report. A gap in the years and a
    second report for a year are noted (X-SERIES, the second report is left out).
    Anything in ``reports`` but a report raises :class:`TypeError`.
    """
    by_organ: dict[str, dict[int, AnnualReport]] = defaultdict(dict)
    names: dict[str, str] = {}  # the organ's key: its name as first written
    out: dict[str, list[tuple[int, Finding]]] = {}
    for report in require_reports(reports, "series", "reports"):
        key = organ_key(report.organ)
        organ = names.setdefault(key, report.organ)
        out.setdefault(organ, [])
        years = by_organ[key]
        if report.year in years:
            if years[report.year] != report:
                out[organ].append(
                    (
                        report.year,
                        _note(
                            (
                                f"{report.year} 年度有两份不同的报告，只比较第一份",
                                (
                                    f"two different reports for {report.year}; "
                                    "only the first is compared"
                                ),
                            ),
                            None,
                            report.year,
                        ),
                    )
                )
            continue
        years[report.year] = report
    for key, years in by_organ.items():
        ordered = sorted(years)
        found = out[names[key]]
        for before, now in itertools.pairwise(ordered):
            if now != before + 1:
                missing = "、".join(str(y) for y in range(before + 1, now))
                found.append(
                    (
                        now,
                        _note(
                            (
                                f"缺少 {missing} 年度的报告",
                                f"no report for {missing.replace('、', ', ')}",
                            ),
                            before + 1,
                            now,
                        ),
                    )
                )
                continue
            found.extend(
                (now, f) for f in continuity(years[before], years[now], factor=factor, floor=floor)
            )
        found.sort(key=lambda item: item[0])
    return out
