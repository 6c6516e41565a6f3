"""Reading filled workbooks: slips, damage and hostile files give findings or ReadError."""

from __future__ import annotations

import datetime as dt
import io
import pathlib
import re
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from openpyxl.styles import Font

from govinfo_report import ReadError, audit, loads, read
from govinfo_report.formats.xlsx.layout import IDENTITY_SHEET, NARRATIVE_SHEET
from govinfo_report.formats.xlsx.writer import template_bytes, xlsx_bytes
from govinfo_report.published.readers import read_xlsx
from govinfo_report.published.readers.xlsx import MAX_CELLS

from .helpers import (
    address,
    edit,
    fill,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from openpyxl.workbook.workbook import Workbook

EXAMPLE = loads(
    (pathlib.Path(__file__).parents[2] / "examples" / "city-department-2023.json").read_text(
        encoding="utf-8"
    )
)
FILLED = xlsx_bytes(EXAMPLE)
TEMPLATE = template_bytes("某县教育局", 2025)
NEW = ("requests", "new", "natural_person")
NEW_TOTAL = ("requests", "new", "total")
NEW_TOTAL_PLACE = (
    "第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“总计”列"
)


def _codes(data: bytes) -> list[tuple[str, str]]:
    record = read_xlsx(data)
    return [(f.code, f.place.describe()) for f in (*record.findings, *audit(record))]


def test_filled_template_reads_as_typed() -> None:
    data = fill(
        TEMPLATE,
        {NEW: 5, ("requests", "results", "disclosed", "natural_person"): 5},
        标题=None,
    )
    record = read_xlsx(data)
    report = record.to_report()
    assert report.organ == "某县教育局"
    assert report.year == 2025
    assert report.requests.new.total == 5
    cell = record.cell(NEW)
    assert cell is not None
    assert (cell.raw, cell.value, cell.source.ref) == ("5", 5, "表三!D6")
    blank = record.cell(("requests", "new", "other"))
    assert blank is not None
    assert (blank.raw, blank.blank) == ("", True)


def _set(sheet: str, ref: str, value: str | int) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        wb[sheet][ref] = value

    return change


def _date_in(key: tuple[str, ...]) -> Callable[[Workbook], None]:
    sheet, ref = address(key)

    def change(wb: Workbook) -> None:
        wb[sheet][ref] = dt.datetime(2025, 3, 4)  # noqa: DTZ001 - what Excel makes of "3-4"
        wb[sheet][ref].number_format = "yyyy/m/d"

    return change


def _unmerge(wb: Workbook) -> None:
    wb["表三"].unmerge_cells("A8:A29")


def _insert_rows(wb: Workbook) -> None:
    # A clerk inserts two rows above the table: labels, merges and formulas move; openpyxl
    # (unlike Excel) moves neither merges nor formulas, so the test moves them as Excel would.
    ws = wb["表三"]
    merges = [str(m) for m in ws.merged_cells.ranges]
    for m in merges:
        ws.unmerge_cells(m)
    ws.insert_rows(2, amount=2)
    for m in merges:
        ws.merge_cells(m if m.startswith("A1:") else _shift(m, 2))
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.value = _shift(cell.value, 2)


def _shift(ref: str, rows: int) -> str:
    return re.sub(r"(\d+)", lambda m: str(int(m[1]) + rows), ref)


def _extra_row(wb: Workbook) -> None:
    ws = wb["表四"]
    ws["A8"] = "备注：本年无行政诉讼"


def _rename(wb: Workbook) -> None:
    wb["表四"].title = "Sheet3"


def _drop_identity(wb: Workbook) -> None:
    del wb[IDENTITY_SHEET]


def _bold_total(wb: Workbook) -> None:
    wb["表三"]["J6"].font = Font(bold=False)  # a style change is no finding


CASES = [
    # (id, change, expected (code, place) findings)
    (
        "overwritten-total",
        _set("表三", "J6", 999),
        [
            (
                "B-ROWTOTAL",
                "第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“总计”列",
            ),
            ("B-BALANCE", "第三部分（收到和处理政府信息公开申请情况）表格“总计”列"),
        ],
    ),
    (
        "text-in-number-cell",
        _set("表三", "D6", "若干"),
        [
            (
                "A-NONNEG",
                "第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“自然人”列",
            )
        ],
    ),
    (
        "date-made-of-number",
        _date_in(NEW),
        [
            (
                "R-SHEET",
                "第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“自然人”列",
            ),
            (
                "A-NONNEG",
                "第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“自然人”列",
            ),
        ],
    ),
    (
        "formula-in-input",
        _set("表三", "D6", "=200+71"),
        [
            (
                "R-SHEET",
                "第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“自然人”列",
            ),
            (
                "A-NONNEG",
                "第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“自然人”列",
            ),
        ],
    ),
    ("changed-merges", _unmerge, [("R-SHEET", "工作表“表三”")]),
    ("moved-table", _insert_rows, [("R-SHEET", "工作表“表三”")]),
    ("extra-row", _extra_row, [("R-UNREAD", "表四!A8")]),
    ("unknown-sheet", _rename, [("R-SHEET", "工作表“Sheet3”")]),
    (
        "no-identity-sheet",
        _drop_identity,
        [
            ("R-SHEET", "工作表“基本信息”"),
            ("R-MISSING", "发文机关"),
            ("R-MISSING", "年度"),
            # （六）2 closes applications for unpaid fees; no fee notice is stated
            ("F-FEES", "第六部分（其他需要报告的事项）“信息处理费”行“发出收费通知的件数”列"),
        ],
    ),
    (
        "year-in-words",
        _set(IDENTITY_SHEET, "B5", "二〇二三年"),
        [("R-SHEET", "工作表“基本信息”的 B5 单元格"), ("R-MISSING", "年度")],
    ),
    (
        "date-in-words",
        _set(IDENTITY_SHEET, "B12", "明年一月"),
        [("R-SHEET", "工作表“基本信息”的 B12 单元格")],
    ),
    ("style-changed", _bold_total, []),
    # A total's formula changed: the sheet shows a wrong total, the figures are right.
    (
        "total-formula-wrong-range",
        _set("表三", "J6", "=SUM(D6:H6)"),
        [("R-SHEET", NEW_TOTAL_PLACE)],
    ),
    ("total-formula-constant", _set("表三", "J6", "=5"), [("R-SHEET", NEW_TOTAL_PLACE)]),
    (
        "total-formula-other-sheet",
        _set("表三", "J6", "=SUM(表二!D6:I6)"),
        [("R-SHEET", NEW_TOTAL_PLACE)],
    ),
    ("total-formula-minus", _set("表三", "J6", "=SUM(D6:I6)-D6"), [("R-SHEET", NEW_TOTAL_PLACE)]),
    (
        "handled-total-formula",
        _set("表三", "D29", "=SUM(D8:D27)"),
        [
            (
                "R-SHEET",
                "第三部分（收到和处理政府信息公开申请情况）表格“三、本年度办理结果/（七）总计”行“自然人”列",
            )
        ],
    ),
    (
        "appeal-total-formula",
        _set("表四", "E6", "=A6+B6+C6"),
        [("R-SHEET", "第四部分（政府信息公开行政复议、行政诉讼情况）表格“行政复议”行“总计”列")],
    ),
    # The same sum written another way is no finding.
    ("total-formula-as-plus", _set("表三", "J6", "=D6+E6+F6+G6+H6+$I$6"), []),
    ("total-formula-with-sheet", _set("表三", "J6", "=sum('表三'!D6:I6)"), []),
]


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_damage_gives_findings(
    change: Callable[[Workbook], None], expected: list[tuple[str, str]]
) -> None:
    assert _codes(edit(FILLED, change)) == expected


def test_moved_table_still_read() -> None:
    record = read_xlsx(edit(FILLED, _insert_rows))
    cell = record.cell(NEW)
    assert cell is not None
    assert (cell.value, cell.source.ref) == (271, "表三!D8")


def test_date_cell_read_as_date() -> None:
    def change(wb: Workbook) -> None:
        wb[IDENTITY_SHEET]["B12"] = dt.datetime(2024, 1, 20)  # noqa: DTZ001 - Excel: no zone
        wb[IDENTITY_SHEET]["B12"].number_format = "yyyy年m月d日"

    assert read_xlsx(edit(FILLED, change)).date == dt.date(2024, 1, 20)


@pytest.mark.parametrize(
    ("text", "date"),
    [("2024-01-20", dt.date(2024, 1, 20)), ("2024年1月5日", dt.date(2024, 1, 5))],
)
def test_date_as_text(text: str, date: dt.date) -> None:
    assert read_xlsx(edit(FILLED, _set(IDENTITY_SHEET, "B12", text))).date == date


def test_line_breaks_in_a_cell_are_paragraphs() -> None:
    def change(wb: Workbook) -> None:
        ws = wb[NARRATIVE_SHEET]
        ws.append(["五、存在的主要问题及改进情况", "段落", "第一段\n\n第二段"])

    record = read_xlsx(edit(FILLED, change))
    problems = record.section("problems")
    assert problems is not None
    assert problems.parts[-1].paragraphs[-2:] == ("第一段", "第二段")


def test_fee_amounts_kept_as_typed() -> None:
    data = fill(TEMPLATE, {("other_matters", "fees", "collected"): 12.5})
    cell = read_xlsx(data).cell(("other_matters", "fees", "collected"))
    assert cell is not None
    assert cell.value == Decimal("12.5")


def test_read_recognises_a_workbook_by_content(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "年报（最终版）.dat"
    path.write_bytes(FILLED)
    assert read(path).to_report() == EXAMPLE
    assert read(path).format == "xlsx"


# --- hostile files ---------------------------------------------------------------------


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _with(extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(FILLED)) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    entries.update(replace or {})
    entries.update(extra)
    return _zip(entries)


_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _huge_sheet() -> bytes:
    cells = "".join(f'<c r="A{i}"><v>1</v></c>' for i in range(1, MAX_CELLS + 2))
    return f"<worksheet {_MAIN}><sheetData><row>{cells}</row></sheetData></worksheet>".encode()


_XXE = (
    '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<worksheet {_MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is>'
    "</c></row></sheetData></worksheet>"
).encode()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04 not really a zip", "not a valid .xlsx"),
        (_with({"xl/externalLinks/externalLink1.xml": b"<externalLink/>"}), "external links"),
        (_with({"xl/vbaProject.bin": b"\0" * 10}), "macro"),
        (
            _with({}, {"[Content_Types].xml": b"<Types>macroEnabled.main+xml</Types>"}),
            "macro",
        ),
        (_with({}, {"xl/worksheets/sheet3.xml": b"<worksheet"}), "cannot be parsed"),
        (_with({}, {"xl/worksheets/sheet3.xml": _huge_sheet()}), "cells"),
        (_with({}, {"xl/worksheets/sheet3.xml": b"\0" * (20 * 1024 * 1024)}), "compression"),
        (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook"}), "parsed"),
    ],
    ids=["not-zip", "external-links", "vba", "xlsm", "bad-xml", "huge-sheet", "zip-bomb", "bad-wb"],
)
def test_hostile_refused(data: bytes, words: str) -> None:
    with pytest.raises(ReadError) as info:
        read_xlsx(data)
    assert words in info.value.reason_en


def test_entities_never_expanded() -> None:
    record = read_xlsx(_with({}, {"xl/worksheets/sheet4.xml": _XXE}))
    assert "root:" not in repr(record)


def test_a_changed_total_formula_names_the_formula_it_should_be() -> None:
    record = read_xlsx(edit(FILLED, _set("表三", "J6", "=5")))
    (finding,) = (f for f in record.findings if f.code == "R-SHEET")
    assert (finding.expected, finding.found) == ("=SUM(D6:I6)", "=5")
    assert "应为 =SUM(D6:I6)，实为 =5" in finding.message_zh
    assert "$." not in finding.message_zh
    # The tool computes the total from the figures, never from the formula.
    assert record.to_report().requests.new.total == EXAMPLE.requests.new.total


def test_a_moved_table_checks_its_moved_formulas() -> None:
    def moved_then_changed(wb: Workbook) -> None:
        _insert_rows(wb)
        wb["表三"]["J8"] = "=SUM(D6:I6)"  # still the old place: sums the wrong cells

    codes = _codes(edit(FILLED, moved_then_changed))
    assert ("R-SHEET", NEW_TOTAL_PLACE) in codes
