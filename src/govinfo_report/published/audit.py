r"""Auditing a report as published (审核): every single-report rule, on the stated cells.

:func:`audit` compares the cells as printed — the stated totals included — with the
format's rules (section 6 of ``docs/format-2021.md``): each 总计 column (B-ROWTOTAL), the
（七）总计 row (B-HANDLED), the 勾稽关系 (B-BALANCE), Table C's totals (C-TOTAL), values
that are not counts or amounts (A-NONNEG), the fee figures (F-FEES, warnings), and the
tables, rows and cells the report does not print, and the organ and year when they cannot
be found (R-MISSING). What reading itself noticed
(loose labels, text not understood) is in ``record.findings``.

>>> from govinfo_report.published.readers import read_text
>>> record = read_text("二、主动公开政府信息情况\n\t规章\t1\t-2\t3")
>>> [(f.code, f.place.column, f.found) for f in audit(record) if f.code != "R-MISSING"]
[('A-NONNEG', '本年废止件数', -2)]
>>> [f.place.path for f in audit(record) if f.code == "R-MISSING" and not f.place.row]
['$.organ', '$.year', '$.requests', '$.appeals']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from govinfo_report import labels
from govinfo_report.cells import CELL_BY_KEY, Cell, CellKey
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.published.record import REQUIRED_CELLS, missing_identity
from govinfo_report.rules.catalogue import check_cell, evaluate, fee_findings

if TYPE_CHECKING:
    from decimal import Decimal

    from govinfo_report.published.record import PublishedReport

__all__ = ["audit"]

_NOT_NUMBER: Final = ("非负整数或金额（表格中的文字）", "a number (the table prints words)")


def audit(record: PublishedReport) -> list[Finding]:
    """Every finding of the single-report rules on ``record``, in print order.

    Blanks count as 0. A rule involving a cell that is missing or not a number is not
    applied (the cell's own finding says why).
    """
    findings: list[Finding] = []
    if record.organ is None:
        findings.append(missing_identity("organ", ("发文机关", "the organ")))
    if record.year is None:
        findings.append(missing_identity("year", ("年度", "the year")))
    values: dict[CellKey, int | Decimal] = {}
    for published in record.cells:
        cell = CELL_BY_KEY[published.key]
        number = published.number
        if number is None:
            findings.append(
                make_finding("A-NONNEG", cell.place, found=published.raw, detail=_NOT_NUMBER)
            )
            continue
        value, finding = check_cell(cell, number)
        if finding is not None:
            findings.append(finding)
        elif value is not None:
            values[published.key] = value
    findings.extend(_missing(record))
    findings.extend(evaluate(values))
    findings.extend(fee_findings(values))
    return findings


def _missing(record: PublishedReport) -> list[Finding]:
    """R-MISSING: a whole table, a whole row, or single cells, whichever is smallest."""
    present = {c.key for c in record.cells}
    by_table: dict[str, list[Cell]] = {}
    for cell in REQUIRED_CELLS:
        by_table.setdefault(cell.table, []).append(cell)
    findings = []
    for table, cells in by_table.items():
        absent = [c for c in cells if c.key not in present]
        if not absent:
            continue
        if len(absent) == len(cells):
            section = next(k for k, t in labels.TABLES.items() if t == table)
            findings.append(
                make_finding(
                    "R-MISSING",
                    Place(path=f"$.{section}", table=table),
                    detail=("未找到该表格", "the table was not found"),
                )
            )
            continue
        rows: dict[tuple[str, ...], list[Cell]] = {}
        for cell in cells:
            rows.setdefault(cell.row, []).append(cell)
        for row, row_cells in rows.items():
            missing = [c for c in row_cells if c.key not in present]
            if not missing:
                continue
            if len(missing) == len(row_cells) and len(row_cells) > 1:
                path = "$." + ".".join(row_cells[0].key[:-1])
                findings.append(
                    make_finding(
                        "R-MISSING",
                        Place(path=path, table=table, row="/".join(row)),
                        detail=("未找到该行", "the row was not found"),
                        cells=tuple(c.path for c in row_cells),
                    )
                )
                continue
            findings.extend(
                make_finding(
                    "R-MISSING",
                    cell.place,
                    detail=("未找到该单元格", "the cell was not found"),
                    cells=(cell.path,),
                )
                for cell in missing
            )
    return findings
