"""The report as an Excel workbook (.xlsx): a blank one to fill in, or a filled one.

Why one module: the workbook is one template (sheets, merges, formulas, validation,
protection) laid out against one cell map, which the reader reads back.

:func:`template_bytes` / :func:`write_template` give the workbook a clerk fills in (what
``govinfo-report new`` writes); :func:`xlsx_bytes` / :func:`write_xlsx` give a report as a
filled workbook. Both have the same sheets (:mod:`govinfo_report.formats.xlsx.layout`):

- ``基本信息``: the identity (organ, year, title, where published, contact, date) and the
  fee figures of section 六;
- ``表二``, ``表三``, ``表四``: the three tables in the national layout, every label and
  merge as in the format; under Table 三 a check row shows, per column, whether
  一 + 二 = 三（七） + 四 (``相符`` / ``不相符``, a formula);
- ``正文``: the narrative, one paragraph a row (部分, 类型, 文字).

Label cells are locked (the sheets are protected without a password, so a clerk who must
change a label can lift the protection); input cells are yellow, unlocked, and validated
(whole numbers 0 to :data:`~govinfo_report.formats.xlsx.layout.MAX_COUNT` for counts,
decimals ≥ 0 for amounts, with a Chinese prompt and error message). Every total the format
prints is a formula (blue), so the clerk sees it update; the workbook asks to be
recalculated when opened. Amounts are written with the digits their ``Decimal`` has.

Importing this module imports openpyxl; ``import govinfo_report`` alone does not. The same
report always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from typing import TYPE_CHECKING, Final, cast

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from govinfo_report import labels
from govinfo_report._io import atomic_write
from govinfo_report.cells import CELL_BY_KEY, any_cell, cell_value
from govinfo_report.formats.xlsx.layout import (
    CHECK_FALSE,
    CHECK_TRUE,
    FEE_NOTES,
    FEES_HEADING,
    IDENTITY_FIELDS,
    IDENTITY_SHEET,
    MAX_COUNT,
    NARRATIVE_HEADER,
    NARRATIVE_KINDS,
    NARRATIVE_SHEET,
    SheetLayout,
    Spec,
    sheets_of,
)
from govinfo_report.model import AnnualReport, edition_for

if TYPE_CHECKING:
    import os
    import pathlib
    from collections.abc import Callable, Iterable, Iterator
    from decimal import Decimal

    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "build_workbook",
    "cell_at",
    "rows_bytes",
    "set_number",
    "set_text",
    "style_cell",
    "template_bytes",
    "write_template",
    "write_xlsx",
    "xlsx_bytes",
]

_FONT: Final = "宋体"
_THIN: Final = Side(style="thin", color="808080")
_BORDER: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT_FILL: Final = PatternFill("solid", fgColor="FFF2CC")
_TOTAL_FILL: Final = PatternFill("solid", fgColor="DDEBF7")
_LABEL_FILL: Final = PatternFill("solid", fgColor="F2F2F2")
_UNLOCKED: Final = Protection(locked=False)
_ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)

_INSTRUCTIONS: Final = (
    "填写说明：黄色格子由填报人填写，没有的填 0 或留空；蓝色格子是公式，自动计算，请勿改动。"
    "表二、表三、表四是年报的三张统计表，表三下方的“校验”行显示勾稽关系是否相符；"
    "“正文”工作表填写第一、五、六部分的文字。填完保存后，可用 govinfo-report check 检查。"
)

_COUNT_PROMPT: Final = ("填写件数", f"请填写 0 至 {MAX_COUNT} 之间的整数；没有请填 0 或留空。")
_COUNT_ERROR: Final = (
    "不是有效的件数",
    f"件数应为 0 至 {MAX_COUNT} 之间的整数，不能有小数、文字或负数。",
)
_AMOUNT_PROMPT: Final = ("填写金额", "请填写不小于 0 的数字，可有小数；没有请填 0 或留空。")
_AMOUNT_ERROR: Final = ("不是有效的金额", "金额应为不小于 0 的数字，不能有文字或负数。")
_SIGNED_PROMPT: Final = (
    "填写增减数",
    "比上一年增加填正数，减少填负数（如 -3）；没有变化请填 0 或留空。",
)
_SIGNED_ERROR: Final = (
    "不是有效的增减数",
    f"增减数应为 -{MAX_COUNT} 至 {MAX_COUNT} 之间的整数，不能有小数或文字。",
)
#: The number format of a signed count (本年增/减): its sign always shown, ``+3``, ``-3``, ``0``.
SIGNED_FORMAT: Final = "+0;-0;0"

#: The note of the 2019 edition's workbook, under the instructions.
_EDITION_2019_NOTE: Final = (
    "本工作簿按 2019 年版格式（国办公开办函〔2019〕60号）排版，适用于 2019 年度和 2020 年度的年报；"
    "表二的“本年增/减”比上一年减少时填负数。"
)


def _validation(kind: str) -> DataValidation:
    if kind == "count":
        (title, prompt), (etitle, error) = _COUNT_PROMPT, _COUNT_ERROR
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2=str(MAX_COUNT))
    elif kind == "signed":
        (title, prompt), (etitle, error) = _SIGNED_PROMPT, _SIGNED_ERROR
        dv = DataValidation(
            type="whole", operator="between", formula1=str(-MAX_COUNT), formula2=str(MAX_COUNT)
        )
    else:
        (title, prompt), (etitle, error) = _AMOUNT_PROMPT, _AMOUNT_ERROR
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    dv.allow_blank = True
    dv.showInputMessage = True
    dv.showErrorMessage = True
    dv.promptTitle, dv.prompt = title, prompt
    dv.errorTitle, dv.error = etitle, error
    dv.errorStyle = "stop"
    return dv


def style_cell(cell: Cell, role: str) -> None:
    """Font, alignment, border, fill and lock of a cell of ``role`` (label, input, total …)."""
    size = 14 if role == "title" else 10.5
    cell.font = Font(name=_FONT, size=size, bold=role in ("title", "total"))
    horizontal = "left" if role in ("label_left", "note") else "center"
    cell.alignment = Alignment(
        horizontal=horizontal,
        vertical="center",
        wrap_text=role != "title",
        text_rotation=255 if role == "vertical" else 0,
    )
    if role != "title":
        cell.border = _BORDER
    if role == "input":
        cell.fill = _INPUT_FILL
        cell.protection = _UNLOCKED
    elif role == "total":
        cell.fill = _TOTAL_FILL
    elif role in ("label", "label_left", "vertical", "check"):
        cell.fill = _LABEL_FILL


def cell_at(ws: Worksheet, *, row: int, column: int, value: str | float | None = None) -> Cell:
    """The cell at ``row``, ``column`` (never inside a merge: we write anchors only)."""
    cell = cast("Cell", ws.cell(row=row, column=column))
    if value is not None:
        cell.value = value
    return cell


def set_text(cell: Cell, text: str) -> None:
    """A text value, kept as text even when it starts with ``=`` (not a formula)."""
    cell.value = text
    if text:
        cell.data_type = "s"


def set_number(cell: Cell, value: int | Decimal) -> None:
    """A number with every digit it has: openpyxl would print it as ``%.16g`` of a float."""
    cell.value = str(value) if isinstance(value, int) else format(value, "f")
    cell.data_type = "n"


def _table_sheet(ws: Worksheet, layout: SheetLayout, report: AnnualReport | None) -> None:
    validations = {kind: _validation(kind) for kind in ("count", "amount", "signed")}
    for width_index, width in enumerate(layout.column_widths, start=1):
        ws.column_dimensions[_letter(width_index)].width = width
    for spec in layout.specs:
        _write_spec(ws, layout, spec, report=report, validations=validations)
    for dv in validations.values():
        if dv.sqref:
            ws.add_data_validation(dv)
    _heights(ws, layout)
    checks = [s.ref for s in layout.specs if s.role == "check" and s.text.startswith("=")]
    if checks:
        where = f"{checks[0]}:{checks[-1]}"
        red, green = Font(name=_FONT, color="C00000", bold=True), Font(name=_FONT, color="006100")
        ws.conditional_formatting.add(
            where,
            CellIsRule(operator="equal", formula=[f'"{CHECK_FALSE}"'], font=red),  # type: ignore[no-untyped-call]  # untyped in types-openpyxl
        )
        ws.conditional_formatting.add(
            where,
            CellIsRule(operator="equal", formula=[f'"{CHECK_TRUE}"'], font=green),  # type: ignore[no-untyped-call]  # untyped in types-openpyxl
        )
    ws.protection.sheet = True  # no password: protection guards labels from slips only
    _page(ws, landscape=layout.width > 4, one_page=True)  # noqa: PLR2004 - Table 二 has 4 columns


def _page(ws: Worksheet, *, landscape: bool, one_page: bool) -> None:
    """A4, as wide as the page; a table on one page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True


def _write_spec(
    ws: Worksheet,
    layout: SheetLayout,
    spec: Spec,
    *,
    report: AnnualReport | None,
    validations: dict[str, DataValidation],
) -> None:
    cell = cell_at(ws, row=spec.row, column=spec.col)
    if spec.key is not None:
        _write_value(cell, layout, spec, report=report, validations=validations)
    elif spec.text.startswith("="):
        cell.value = spec.text
        style_cell(cell, spec.role)
    else:
        set_text(cell, spec.text)
        style_cell(cell, spec.role)
    if spec.merge is not None:
        ws.merge_cells(spec.merge)
        # Borders of a merged range are drawn from each of its cells.
        for row in ws[spec.merge]:
            for other in row:
                if spec.role != "title":
                    other.border = _BORDER


def _write_value(
    cell: Cell,
    layout: SheetLayout,
    spec: Spec,
    *,
    report: AnnualReport | None,
    validations: dict[str, DataValidation],
) -> None:
    """A table cell: its total's formula, or the report's value (none in a blank workbook).

    Validated by its kind; a signed count always shows its sign.
    """
    assert spec.key is not None  # noqa: S101 - only called for a table cell
    formula = layout.formulas.get(spec.key)
    if formula is not None:
        cell.value = "=" + formula
    elif report is not None:
        set_number(cell, cell_value(report, spec.key))
    kind = any_cell(spec.key).kind
    if spec.role == "input":
        validations[kind].add(spec.merge or spec.ref)
    style_cell(cell, spec.role)
    if kind == "signed":
        cell.number_format = SIGNED_FORMAT


def _heights(ws: Worksheet, layout: SheetLayout) -> None:
    """Row heights for wrapped labels (Excel does not size rows of a generated file)."""
    per_row: dict[int, float] = {}
    for spec in layout.specs:
        label = spec.text and not spec.text.startswith("=")
        if spec.role in ("label", "label_left", "check") and label and spec.rowspan == 1:
            width = sum(layout.column_widths[spec.col - 1 : spec.col - 1 + spec.colspan])
            chars_per_line = max(1.0, width / 2.1)  # a CJK character is about two widths
            lines = math.ceil(len(spec.text) / chars_per_line)
            per_row[spec.row] = max(per_row.get(spec.row, 15.0), 15.0 * lines)
        if spec.role == "vertical":
            per_row[spec.row] = max(
                per_row.get(spec.row, 15.0), 16.0 * len(spec.text) / spec.rowspan
            )
        if spec.role == "title":
            per_row[spec.row] = 24.0
    for row, height in per_row.items():
        ws.row_dimensions[row].height = height


def _letter(col: int) -> str:
    from govinfo_report.formats.xlsx.layout import column_letter  # noqa: PLC0415 - one helper

    return column_letter(col)


def _identity_values(report: AnnualReport | None, organ: str, year: int) -> dict[str, object]:
    if report is None:
        return {"organ": organ, "year": year}
    pub, contact = report.publication, report.contact
    return {
        "organ": report.organ,
        "year": report.year,
        "title": report.title,
        "site_name": pub.site_name if pub else None,
        "url": pub.url if pub else None,
        "address": contact.address if contact else None,
        "postcode": contact.postcode if contact else None,
        "telephone": contact.telephone if contact else None,
        "date": report.date.isoformat() if report.date else None,
    }


def _identity_sheet(
    ws: Worksheet, report: AnnualReport | None, organ: str, year: int, edition: str
) -> None:
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 50
    title = cell_at(ws, row=1, column=1, value=IDENTITY_SHEET)
    style_cell(title, "title")
    ws.merge_cells("A1:C1")
    note = cell_at(ws, row=2, column=1)
    set_text(note, _INSTRUCTIONS if edition == "2021" else _INSTRUCTIONS + _EDITION_2019_NOTE)
    style_cell(note, "note")
    ws.merge_cells("A2:C2")
    ws.row_dimensions[2].height = 48 if edition == "2021" else 64
    for col, text in enumerate(("项目", "内容", "说明"), start=1):
        style_cell(cell_at(ws, row=3, column=col, value=text), "label")
    values = _identity_values(report, organ, year)
    row = 4
    for label, field, hint in IDENTITY_FIELDS:
        style_cell(cell_at(ws, row=row, column=1, value=label), "label")
        cell = cell_at(ws, row=row, column=2)
        value = values.get(field)
        if isinstance(value, str):
            set_text(cell, value)
        elif isinstance(value, int):
            set_number(cell, value)
        cell.number_format = "0" if field == "year" else "@"  # the date stays text
        style_cell(cell, "input")
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        style_cell(cell_at(ws, row=row, column=3, value=hint), "note")
        row += 1
    row += 1
    heading = cell_at(ws, row=row, column=1, value=FEES_HEADING)
    style_cell(heading, "label_left")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    counts, amounts = _validation("count"), _validation("amount")
    for field, label in labels.FEE_LABELS.items():
        row += 1
        key = ("other_matters", "fees", field)
        style_cell(cell_at(ws, row=row, column=1, value=label), "label")
        cell = cell_at(ws, row=row, column=2)
        if report is not None:
            set_number(cell, cell_value(report, key))
        style_cell(cell, "input")
        (counts if CELL_BY_KEY[key].kind == "count" else amounts).add(cell.coordinate)
        style_cell(cell_at(ws, row=row, column=3, value=FEE_NOTES[field]), "note")
    ws.add_data_validation(counts)
    ws.add_data_validation(amounts)
    ws.protection.sheet = True
    _page(ws, landscape=False, one_page=True)


_NARRATIVE: Final = ("overview", "problems", "other_matters")


def _narrative_rows(report: AnnualReport | None) -> Iterator[tuple[str, str, str]]:
    kinds = NARRATIVE_KINDS
    if report is None:
        for section in _NARRATIVE:
            yield labels.SECTIONS[section].full, kinds["opening"], ""
        return
    if report.preface is not None:
        # One row a paragraph; an empty preface (nothing printed) is one empty row.
        for text in report.preface or ("",):
            yield "", kinds["preface"], text
    for section in _NARRATIVE:
        heading = labels.SECTIONS[section].full
        narrative = getattr(report, section)
        for text in narrative.opening:
            yield heading, kinds["opening"], text
        for part in narrative.parts:
            yield heading, kinds["title"], part.title
            for text in part.paragraphs:
                yield heading, kinds["paragraph"], text


def _narrative_sheet(ws: Worksheet, report: AnnualReport | None) -> None:
    for col, (text, width) in enumerate(zip(NARRATIVE_HEADER, (26, 10, 90), strict=True), 1):
        style_cell(cell_at(ws, row=1, column=col, value=text), "label")
        ws.column_dimensions[_letter(col)].width = width
    row = 1
    for row, (section, kind, text) in enumerate(_narrative_rows(report), start=2):
        set_text(cell_at(ws, row=row, column=1), section)
        set_text(cell_at(ws, row=row, column=2), kind)
        set_text(cell_at(ws, row=row, column=3), text)
        for col in (1, 2, 3):
            cell = cell_at(ws, row=row, column=col)
            cell.font = Font(name=_FONT, size=10.5)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    sections = ",".join(labels.SECTIONS[s].full for s in _NARRATIVE)
    dv_section = DataValidation(type="list", formula1=f'"{sections}"', allow_blank=True)
    dv_kind = DataValidation(
        type="list", formula1='"{}"'.format(",".join(NARRATIVE_KINDS.values())), allow_blank=True
    )
    last = max(row, 2) + 500
    dv_section.add(f"A2:A{last}")
    dv_kind.add(f"B2:B{last}")
    ws.add_data_validation(dv_section)
    ws.add_data_validation(dv_kind)
    ws.freeze_panes = "A2"
    _page(ws, landscape=False, one_page=False)


def build_workbook(
    report: AnnualReport | None,
    organ: str,
    year: int,
    extra: Callable[[Workbook], None] | None = None,
    *,
    edition: str | None = None,
) -> bytes:
    """The workbook's bytes; ``extra`` adds sheets (the supervisor's summary).

    The layout is the ``edition``'s: the report's, or for a blank workbook the one given
    (by default the year's).
    """
    if report is not None:
        edition = report.edition
    elif edition is None:
        edition = edition_for(year)
    wb = Workbook()
    first = cast("Worksheet", wb.active)
    first.title = IDENTITY_SHEET
    _identity_sheet(first, report, organ, year, edition)
    for layout in sheets_of(edition).values():
        _table_sheet(wb.create_sheet(layout.name), layout, report)
    _narrative_sheet(wb.create_sheet(NARRATIVE_SHEET), report)
    if extra is not None:
        extra(wb)
    when = report.date if report is not None and report.date else dt.date(year + 1, 1, 1)
    stamp = dt.datetime(when.year, when.month, when.day)  # noqa: DTZ001 - written as UTC
    props = wb.properties
    props.creator = organ
    props.lastModifiedBy = organ
    props.title = report.title if report is not None else f"{organ}{year}年政府信息公开工作年度报告"
    props.language = "zh-CN"
    props.created = stamp
    wb.calculation.fullCalcOnLoad = True  # no cached values: Excel and WPS compute on open
    buffer = io.BytesIO()
    wb.save(buffer)
    return _deterministic(buffer.getvalue(), stamp)


_MODIFIED: Final = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _deterministic(data: bytes, stamp: dt.datetime) -> bytes:
    """Re-zip with fixed timestamps and order; the modified time is the report's date."""
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    core = parts.get("docProps/core.xml")
    if core is not None:
        parts["docProps/core.xml"] = _MODIFIED.sub(rb"\g<1>" + when + rb"\g<2>", core)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, parts[name], compresslevel=6)
    return out.getvalue()


def _checked(report: object) -> AnnualReport:
    if not isinstance(report, AnnualReport):
        msg = f"expected an AnnualReport, got {type(report).__name__}"
        raise TypeError(msg)
    return report


def xlsx_bytes(report: AnnualReport) -> bytes:
    """The report as the bytes of a filled workbook; the same report gives the same bytes."""
    report = _checked(report)
    return build_workbook(report, report.organ, report.year)


def template_bytes(organ: str, year: int, edition: str | None = None) -> bytes:
    """The bytes of a blank workbook to fill in, for ``organ``'s report on ``year``.

    Its layout is that of ``edition`` (``"2019"`` or ``"2021"``), by default the year's
    (:func:`~govinfo_report.model.edition_for`: 2019 and 2020 have the 2019 edition).
    Raises :class:`~govinfo_report.ReportError` when the organ is empty, the year is not
    one the format applies to or the edition is unknown (the checks of
    :class:`~govinfo_report.AnnualReport`).
    """
    # validates all three
    report = (
        AnnualReport(organ=organ, year=year)
        if edition is None
        else AnnualReport(organ=organ, year=year, edition=edition)
    )
    return build_workbook(None, report.organ, report.year, edition=report.edition)


def write_xlsx(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> pathlib.Path:
    """Write the report to ``path`` as a filled workbook, atomically; return the path.

    ``protect`` names input files that must never be overwritten: naming one as ``path``
    raises :class:`~govinfo_report.errors.WriteError`.
    """
    return atomic_write(path, xlsx_bytes(report), protect=protect)


def write_template(
    path: str | os.PathLike[str],
    *,
    organ: str,
    year: int,
    edition: str | None = None,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> pathlib.Path:
    """Write the blank workbook for ``organ`` and ``year`` to ``path``, atomically.

    Its layout is that of ``edition``, by default the year's.
    """
    return atomic_write(path, template_bytes(organ, year, edition), protect=protect)


_WHOLE: Final = re.compile(r"-?[0-9]{1,15}")


def rows_bytes(rows: list[list[str]], *, sheet: str = "数据") -> bytes:
    """A workbook of one sheet holding ``rows`` (the first a header), for tables of results.

    Whole numbers become numbers (so Excel can sum them); everything else stays text.
    """
    wb = Workbook()
    ws = cast("Worksheet", wb.active)
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            cell = cell_at(ws, row=r, column=c)
            if r > 1 and _WHOLE.fullmatch(text):
                set_number(cell, int(text))
            else:
                set_text(cell, text)
            if r == 1:
                cell.font = Font(name=_FONT, bold=True)
    if rows:
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    wb.save(buffer)
    return _deterministic(buffer.getvalue(), dt.datetime(2000, 1, 1))  # noqa: DTZ001 - fixed
