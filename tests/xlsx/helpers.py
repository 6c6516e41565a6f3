"""Filling the workbook as a clerk would, with openpyxl (shared by the .xlsx tests)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import openpyxl

from govinfo_report import labels
from govinfo_report.formats.xlsx.layout import IDENTITY_SHEET, sheet_of, sheets_of

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from openpyxl.workbook.workbook import Workbook

    from govinfo_report.cells import CellKey


def address(key: CellKey, edition: str = "2021") -> tuple[str, str]:
    """The sheet and A1 reference of a table cell in a workbook of ``edition``."""
    sheet = sheet_of(edition)[key]
    return sheet, sheets_of(edition)[sheet].address[key]


def edit(data: bytes, change: Callable[[Workbook], None]) -> bytes:
    """The workbook ``data`` after ``change`` (openpyxl keeps merges, styles, validation)."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fill(
    data: bytes, values: Mapping[CellKey, Any], edition: str = "2021", **identity: Any
) -> bytes:
    """Type ``values`` into their cells and ``identity`` (label -> value) on 基本信息, in a
    workbook of ``edition``."""

    def change(wb: Workbook) -> None:
        for key, value in values.items():
            if key[0] == "other_matters":  # the fee figures stand on 基本信息
                _identity_value(wb, {labels.FEE_LABELS[key[-1]]: value})
                continue
            sheet, ref = address(key, edition)
            wb[sheet][ref] = value
        _identity_value(wb, identity)

    return edit(data, change)


def _identity_value(wb: Workbook, values: Mapping[str, Any]) -> None:
    ws = wb[IDENTITY_SHEET]
    for row in ws.iter_rows(min_col=1, max_col=2):
        label, cell = row
        if isinstance(label.value, str) and label.value in values:
            cell.value = values[label.value]
