"""The supervisor's workbook (汇总表): the total in the national layout, each unit, each finding.

:func:`summary_bytes` / :func:`write_summary` write what ``govinfo-report aggregate UNITS…
-o 汇总.xlsx`` writes: every sheet of the filled workbook for the total (so the total reads
back with :func:`~govinfo_report.read_xlsx` like any report), then

- ``各单位``: one row per unit with its key figures — 一, 二, 三（七）, 四 of Table 三 (their
  总计), the three 总计 of Table 四 and every figure of Table 二 — and its number of
  findings, and a 合计 row (formulas) under them;
- ``问题清单``: every finding of every unit: unit, rule, place, expected, found, message in
  Chinese.

Column headings are the official labels, row label and column label joined by ``／``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, cast

import attrs
from openpyxl.styles import Alignment, Font

from govinfo_report._io import atomic_write
from govinfo_report.cells import CellKey, any_cell, cell_value, cells_of
from govinfo_report.findings import Finding
from govinfo_report.formats.xlsx.layout import column_letter
from govinfo_report.formats.xlsx.writer import (
    build_workbook,
    cell_at,
    set_number,
    set_text,
    style_cell,
)
from govinfo_report.model import EDITIONS, AnnualReport

if TYPE_CHECKING:
    import os
    import pathlib
    from collections.abc import Iterable, Sequence

    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


__all__ = [
    "FINDINGS_SHEET",
    "KEY_FIGURES",
    "UNITS_SHEET",
    "Unit",
    "key_figures",
    "summary_bytes",
    "write_summary",
]

#: The sheet of each unit's key figures, and the sheet of every finding.
UNITS_SHEET: Final = "各单位"
FINDINGS_SHEET: Final = "问题清单"

_SHARED_FIGURES: Final[tuple[CellKey, ...]] = (
    ("requests", "new", "total"),
    ("requests", "carried_over", "total"),
    ("requests", "results", "total", "total"),
    ("requests", "carried_forward", "total"),
    ("appeals", "reconsideration", "total"),
    ("appeals", "direct_litigation", "total"),
    ("appeals", "litigation_after_reconsideration", "total"),
)
_KEY_FIGURES: Final = {
    edition: (*_SHARED_FIGURES, *(c.key for c in cells_of(edition) if c.key[0] == "proactive"))
    for edition in EDITIONS
}
#: The key figures of each unit, in column order (the 2021 edition; see :func:`key_figures`).
KEY_FIGURES: Final[tuple[CellKey, ...]] = _KEY_FIGURES["2021"]


def key_figures(edition: str) -> tuple[CellKey, ...]:
    """The key figures of each unit in a summary of ``edition``.

    Tables 三 and 四's totals, then every cell of that edition's Table 二.
    """
    return _KEY_FIGURES[edition]


_FINDING_HEADER: Final = ("单位", "规则", "位置", "应为", "实际", "说明")


@attrs.frozen(kw_only=True)
class Unit:
    """One unit of the summary: where it came from, its report (if read), its findings."""

    source: str
    report: AnnualReport | None
    findings: tuple[Finding, ...] = ()

    @property
    def name(self) -> str:
        """The unit's organ, or its file when it could not be read."""
        return self.report.organ if self.report is not None else self.source


def heading(key: CellKey) -> str:
    """A key figure's column heading: its official row and column labels.

    >>> heading(("requests", "new", "total"))
    '一、本年新收政府信息公开申请数量／总计'
    """
    cell = any_cell(key)
    return f"{cell.row_label}／{cell.column}"


def _units_sheet(ws: Worksheet, units: Sequence[Unit], edition: str) -> None:
    figures = key_figures(edition)
    headers = ("单位", "文件", *(heading(k) for k in figures), "问题数")
    for col, text in enumerate(headers, start=1):
        cell = cell_at(ws, row=1, column=col)
        set_text(cell, text)
        style_cell(cell, "label")
        ws.column_dimensions[column_letter(col)].width = 24 if col <= 2 else 14  # noqa: PLR2004
    ws.row_dimensions[1].height = 75
    for row, unit in enumerate(units, start=2):
        set_text(cell_at(ws, row=row, column=1), unit.name)
        set_text(cell_at(ws, row=row, column=2), unit.source)
        if unit.report is not None and unit.report.edition == edition:
            for col, key in enumerate(figures, start=3):
                set_number(cell_at(ws, row=row, column=col), cell_value(unit.report, key))
        set_number(cell_at(ws, row=row, column=len(headers)), len(unit.findings))
    last = len(units) + 1
    total_row = last + 1
    label = cell_at(ws, row=total_row, column=1, value="合计")
    label.font = Font(bold=True)
    for col in range(3, len(headers) + 1):
        letter = column_letter(col)
        cell = cell_at(
            ws, row=total_row, column=col, value=f"=SUM({letter}2:{letter}{max(last, 2)})"
        )
        style_cell(cell, "total")
    ws.freeze_panes = "C2"


def _findings_sheet(ws: Worksheet, units: Sequence[Unit]) -> None:
    for col, (text, width) in enumerate(
        zip(_FINDING_HEADER, (24, 12, 50, 10, 10, 80), strict=True), 1
    ):
        style_cell(cell_at(ws, row=1, column=col, value=text), "label")
        ws.column_dimensions[column_letter(col)].width = width
    row = 1
    for unit in units:
        for finding in unit.findings:
            row += 1
            values = (
                unit.name,
                finding.code,
                finding.place.describe("zh"),
                "" if finding.expected is None else str(finding.expected),
                "" if finding.found is None else str(finding.found),
                finding.message_zh,
            )
            for col, text in enumerate(values, start=1):
                cell = cell_at(ws, row=row, column=col)
                set_text(cell, text)
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "A2"
    if row > 1:
        ws.auto_filter.ref = f"A1:F{row}"


def summary_bytes(total: AnnualReport, units: Iterable[Unit]) -> bytes:
    """The supervisor's workbook: the total (national layout), each unit, every finding."""
    if not isinstance(cast("object", total), AnnualReport):  # callers may be untyped
        msg = f"expected an AnnualReport, got {type(total).__name__}"
        raise TypeError(msg)
    listed = list(units)

    def extra(wb: Workbook) -> None:
        _units_sheet(wb.create_sheet(UNITS_SHEET), listed, total.edition)
        _findings_sheet(wb.create_sheet(FINDINGS_SHEET), listed)

    return build_workbook(total, total.organ, total.year, extra)


def write_summary(
    total: AnnualReport,
    units: Iterable[Unit],
    path: str | os.PathLike[str],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> pathlib.Path:
    """Write the supervisor's workbook to ``path``, atomically; never over an input."""
    return atomic_write(path, summary_bytes(total, units), protect=protect)
