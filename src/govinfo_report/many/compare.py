"""Comparing reports cell by cell: two years of one organ, two organs of one year.

:func:`compare` lists every printed cell (Tables A, B, C and the fee figures, totals
included) whose value differs, with its table, row and column by official label, both
values and the change; a :class:`Comparison` prints as a text table (Chinese or English),
CSV or JSON. :func:`compare_total` checks a published total against the sum of its units'
reports.

>>> from govinfo_report import AnnualReport
>>> from govinfo_report.model import ProactiveDisclosure
>>> a = AnnualReport(organ="某县教育局", year=2022)
>>> b = AnnualReport(organ="某县教育局", year=2023, proactive=ProactiveDisclosure(licensing=7))
>>> result = compare(a, b)
>>> [(d.row, d.column, d.a, d.b, d.change) for d in result.differences]
[('第二十条第（五）项/行政许可', '本年处理决定数量', 0, 7, 7)]
>>> print(result.to_text("en"))
table  row                      column  某县教育局 2022  某县教育局 2023  change
二     第二十条第（五）项/行政许可  本年处理决定数量  0                7                +7
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from govinfo_report import _json
from govinfo_report.cells import CellKey, cell_value, cells_of
from govinfo_report.errors import MismatchError
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.many._guards import require_report, require_reports
from govinfo_report.many._organ import organ_key
from govinfo_report.many.aggregate import Aggregator

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable

    from govinfo_report.model import AnnualReport

__all__ = [
    "UNITS_SUM",
    "Comparison",
    "Difference",
    "TotalComparison",
    "against_expected",
    "compare",
    "compare_total",
    "units_findings",
]


@attrs.frozen(kw_only=True)
class Difference:
    """One cell whose value differs: where it is, by official label, and both values."""

    key: CellKey
    table: str
    row: str
    column: str
    a: int | Decimal
    b: int | Decimal
    computed: bool = False

    @property
    def change(self) -> int | Decimal:
        """``b - a``."""
        return self.b - self.a

    @property
    def path(self) -> str:
        """The JSON path of the cell."""
        return "$." + ".".join(self.key)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; amounts become decimal strings."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # the layout below


_json.register(
    Difference,
    lambda d: {
        "path": d.path,
        "table": d.table,
        "row": d.row,
        "column": d.column,
        "a": d.a,
        "b": d.b,
        "change": d.change,
        "computed": d.computed,
    },
)


def _signed(value: int | Decimal) -> str:
    return f"+{value}" if value > 0 else str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


_HEADERS = {
    "zh": ("表", "行", "列", "变化"),
    "en": ("table", "row", "column", "change"),
}


@attrs.frozen(kw_only=True)
class Comparison:
    """The cells in which report ``b`` differs from report ``a``, in reading order.

    ``a`` and ``b`` name the two reports (``organ year``); ``a_en``, when set, is the
    English name of ``a`` for :meth:`to_text` (the sum of units has a name in each language).
    """

    a: str
    b: str
    differences: tuple[Difference, ...] = ()
    a_en: str | None = None

    def __bool__(self) -> bool:
        """Whether any cell differs."""
        return bool(self.differences)

    def to_text(self, lang: str = "zh") -> str:
        """A text table, headers in Chinese (``zh``) or English (``en``), labels official."""
        a = self.a_en if lang == "en" and self.a_en is not None else self.a
        if not self.differences:
            return (
                f"{a} and {self.b}: every cell is the same"
                if lang == "en"
                else f"{a}与{self.b}：各单元格数值相同"
            )
        table, row, column, change = _HEADERS["en" if lang == "en" else "zh"]
        rows = [(table, row, column, a, self.b, change)]
        rows.extend(
            (d.table, d.row, d.column, str(d.a), str(d.b), _signed(d.change))
            for d in self.differences
        )
        widths = [max(_width(r[i]) for r in rows) for i in range(6)]
        lines = []
        for r in rows:
            cells = [_pad(text, widths[i]) for i, text in enumerate(r[:-1])]
            lines.append("  ".join([*cells, r[-1]]))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: both names and the differences."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # the layout below

    def to_json(self, *, indent: int | None = 2) -> str:
        """The comparison as JSON text (Chinese unescaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"

    def to_csv(self) -> str:
        """The comparison as CSV: one differing cell a row."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["path", "table", "row", "column", "a", "b", "change", "computed"])
        for d in self.differences:
            writer.writerow(
                [d.path, d.table, d.row, d.column, d.a, d.b, d.change, str(d.computed).lower()]
            )
        return out.getvalue()


_json.register(Comparison, lambda c: {"a": c.a, "b": c.b, "differences": c.differences})


def _name(report: AnnualReport) -> str:
    return f"{report.organ} {report.year}"


def _differences(a: AnnualReport, b: AnnualReport) -> tuple[Difference, ...]:
    found = []
    for cell in cells_of(a.edition):  # both reports follow it
        x, y = cell_value(a, cell.key), cell_value(b, cell.key)
        if x != y:
            found.append(
                Difference(
                    key=cell.key,
                    table=cell.table,
                    row=cell.row_label,
                    column=cell.column,
                    a=x,
                    b=y,
                    computed=cell.computed,
                )
            )
    return tuple(found)


def compare(a: AnnualReport, b: AnnualReport) -> Comparison:
    """The cells in which ``b`` differs from ``a`` (``change`` is ``b - a``).

    Meant for two years of one organ or two organs of one year; any two reports of one
    edition can be compared. Raises :class:`~govinfo_report.many.aggregate.MismatchError` for
    reports of different editions, whose cells do not correspond, and :class:`TypeError`
    when ``a`` or ``b`` is not a report.
    """
    require_report(a, "compare", "a")
    require_report(b, "compare", "b")
    if a.edition != b.edition:
        raise MismatchError(
            2,
            b.organ,
            f"两份报告的格式版本不同（{a.edition}、{b.edition}），无法逐格比较",
            f"the reports follow different editions ({a.edition}, {b.edition}); "
            "their cells do not correspond",
        )
    name_a, name_b = _name(a), _name(b)
    if name_a == name_b:
        name_a, name_b = f"A: {name_a}", f"B: {name_b}"
    return Comparison(a=name_a, b=name_b, differences=_differences(a, b))


@attrs.frozen(kw_only=True)
class TotalComparison:
    """A published total against the sum of its units' reports.

    ``comparison`` has the sum of the units as ``a`` and the published total as ``b``;
    ``units`` the organs summed, ``missing`` the expected units without a report,
    ``unexpected`` the units summed that were not expected, ``duplicates`` the units
    summed more than once. ``findings`` holds them as warnings: X-TOTAL for each fillable
    cell that differs, X-UNITS for the units.
    """

    comparison: Comparison
    units: tuple[str, ...]
    missing: tuple[str, ...] = ()
    unexpected: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def agrees(self) -> bool:
        """Whether the published total is the sum of exactly the expected units."""
        return not self.findings


def _units_finding(kind: str, names: tuple[str, ...]) -> Finding:
    listed = "、".join(names)
    listed_en = ", ".join(names)
    detail = {
        "missing": (f"缺少以下单位的报告：{listed}", f"no report from these units: {listed_en}"),
        "unexpected": (
            f"以下单位不在应汇总的单位之列：{listed}",
            f"these units are not among the expected ones: {listed_en}",
        ),
        "duplicates": (
            f"以下单位的报告被重复汇总：{listed}",
            f"these units were summed more than once: {listed_en}",
        ),
    }[kind]
    return make_finding("X-UNITS", Place(path="$"), found=len(names), detail=detail)


def against_expected(
    expected_units: Iterable[str], summed: Iterable[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The expected units without a report, and the units ``summed`` not expected.

    Names are matched on :func:`~govinfo_report.many._organ.organ_key` (a space, an
    invisible mark or a full-width bracket does not make another organ); each is given as
    first written, the missing sorted, the unexpected in the order of ``summed``.
    """
    expected: dict[str, str] = {}  # organ_key: the name as listed
    for name in expected_units:
        expected.setdefault(organ_key(name), name)
    seen: dict[str, str] = {}
    for name in summed:
        seen.setdefault(organ_key(name), name)
    missing = tuple(sorted(name for k, name in expected.items() if k not in seen))
    unexpected = tuple(name for k, name in seen.items() if k not in expected)
    return missing, unexpected


def units_findings(missing: tuple[str, ...], unexpected: tuple[str, ...]) -> tuple[Finding, ...]:
    """X-UNITS warnings for the ``missing`` and ``unexpected`` units (none for none)."""
    return tuple(
        _units_finding(kind, group)
        for kind, group in (("missing", missing), ("unexpected", unexpected))
        if group
    )


#: The name of the sum of the units in a :class:`TotalComparison`, in Chinese and English.
UNITS_SUM: Final = ("各单位之和", "sum of units")


def compare_total(
    published_total: AnnualReport,
    units: Iterable[AnnualReport],
    expected_units: Collection[str] | None = None,
    *,
    on_refused: Callable[[AnnualReport, MismatchError], None] | None = None,
) -> TotalComparison:
    """Compare ``published_total`` with the sum of ``units`` (of its year), cell by cell.

    ``expected_units``, when given, names the organs whose reports the total should sum.
    Names are matched, and units counted, on
    :func:`~govinfo_report.many._organ.organ_key`: a space, an invisible mark (a byte-order
    mark, a zero-width space) or a full-width bracket does not make another organ. A unit's
    report of another year or edition raises
    :class:`~govinfo_report.many.aggregate.MismatchError`; given ``on_refused``, it is passed
    there instead (with the error) and left out, and the comparison goes on without it.
    Anything but a report raises :class:`TypeError`.
    """
    require_report(published_total, "compare_total", "published_total")
    acc = Aggregator(year=published_total.year, edition=published_total.edition)
    seen: Counter[str] = Counter()  # by organ_key
    spelled: dict[str, str] = {}  # organ_key: the name as first written
    for unit in require_reports(units, "compare_total", "units"):
        try:
            acc.add(unit)
        except MismatchError as exc:
            if on_refused is None:
                raise
            on_refused(unit, exc)
            continue
        key = organ_key(unit.organ)
        spelled.setdefault(key, unit.organ)
        seen[key] += 1
    summed = acc.result(organ=published_total.organ, year=published_total.year)
    comparison = Comparison(
        a=UNITS_SUM[0],
        b=f"{_name(published_total)}",
        differences=_differences(summed, published_total),
        a_en=UNITS_SUM[1],
    )
    keys = sorted(seen, key=spelled.__getitem__)
    names = tuple(spelled[k] for k in keys)
    missing, unexpected = (
        against_expected(expected_units, names) if expected_units is not None else ((), ())
    )
    duplicates = tuple(spelled[k] for k in keys if seen[k] > 1)
    findings = [
        make_finding(
            "X-TOTAL",
            Place(path=d.path, table=d.table, row=d.row, column=d.column),
            expected=d.a,
            found=d.b,
            cells=(d.path,),
        )
        for d in comparison.differences
        if not d.computed
    ]
    for kind, group in (
        ("missing", missing),
        ("unexpected", unexpected),
        ("duplicates", duplicates),
    ):
        if group:
            findings.append(_units_finding(kind, group))
    return TotalComparison(
        comparison=comparison,
        units=names,
        missing=missing,
        unexpected=unexpected,
        duplicates=duplicates,
        findings=tuple(findings),
    )
