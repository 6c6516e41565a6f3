"""Reading a report from an Excel workbook (``read_xlsx``), safely.

Why one module: reading a workbook safely (zip checks, shared strings, styles, the
template's cell map) is one bounded pass over its XML.

The workbook is the one ``govinfo-report new`` writes (:mod:`govinfo_report.formats.xlsx`),
filled in by a clerk in Excel, WPS or LibreOffice — or any workbook holding the tables. Its
XML is read directly (no spreadsheet library): sheets, shared strings, number formats,
formulas and merges.

- The table sheets (and any sheet not known) are handed, row by row, to the one
  label-matching interpreter every reader uses, so a moved table, an inserted row or a
  renamed sheet is still read by its labels; what cannot be placed is kept (R-UNREAD).
- Cached formula values are never used: a total holding a formula is recorded as blank,
  and :func:`~govinfo_report.published.audit.audit` computes it; a total a clerk typed
  over is kept as typed, and compared; a total whose formula no longer sums its own cells
  (where the table was read) is an R-SHEET finding. A formula in a cell to fill in, a number Excel
  turned into a date, merges that differ from the template, an unknown sheet, identity
  values of the wrong kind: R-SHEET findings, named by official label where there is one.
- ``基本信息`` gives the identity and section 六's fee figures; ``正文`` the narrative.

Untrusted files are refused within the bounds of .docx (zip checks before inflating, XML
without DTDs, entities or network), plus: macro-enabled workbooks (.xlsm), workbooks with
external links, and more than :data:`MAX_CELLS` cells.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_report import labels
from govinfo_report._io import read_bytes
from govinfo_report.cells import CELL_BY_KEY, CellKey, any_cell, cells_of
from govinfo_report.errors import ReadError
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.formats.xlsx.layout import (
    BALANCE_LABEL,
    IDENTITY_FIELDS,
    IDENTITY_SHEET,
    NARRATIVE_HEADER,
    NARRATIVE_KINDS,
    NARRATIVE_SHEET,
    sheets_of,
    sum_arguments,
    total_terms,
)
from govinfo_report.model import EDITIONS, Contact, Publication
from govinfo_report.published.readers._blocks import Grid, Para, TextCell
from govinfo_report.published.readers._interpret import interpret, match_section
from govinfo_report.published.readers._normal import compact, is_blank, parse_value
from govinfo_report.published.readers._zip import open_zip, parse_xml, read_part
from govinfo_report.published.record import (
    PublishedCell,
    PublishedPart,
    PublishedReport,
    PublishedSection,
    Source,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lxml import etree

    from govinfo_report.published.readers._blocks import Block

__all__ = ["MAX_CELLS", "MAX_SHEETS", "is_workbook", "read_xlsx"]

#: Most cells (with a value or a style) a workbook may have; the template has about 700.
MAX_CELLS: Final = 200_000
#: Most sheets a workbook may have.
MAX_SHEETS: Final = 100
_MAX_SHEET_BYTES: Final = 32 * 1024 * 1024

_KIND: Final = (".xlsx", "Excel 工作簿", "an Excel workbook")
_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships"


def _m(tag: str) -> str:
    return f"{{{_MAIN}}}{tag}"


_C, _V, _F, _IS, _T, _R, _RPH, _SI = (
    _m("c"),
    _m("v"),
    _m("f"),
    _m("is"),
    _m("t"),
    _m("r"),
    _m("rPh"),
    _m("si"),
)
_REF: Final = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")


@attrs.frozen(kw_only=True)
class _Cell:
    text: str
    formula: str | None = None
    date: dt.date | None = None
    number: bool = False


@attrs.frozen(kw_only=True)
class _Sheet:
    name: str
    cells: dict[tuple[int, int], _Cell]
    merges: tuple[str, ...]


def is_workbook(data: bytes) -> bool:
    """True when ``data`` is a zip holding ``xl/workbook.xml`` (an .xlsx or .xlsm)."""
    import io  # noqa: PLC0415 - only when sniffing a zip
    import zipfile  # noqa: PLC0415

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


def read_xlsx(
    source: bytes | str | os.PathLike[str], *, name: str | None = None
) -> PublishedReport:
    """Read a report from an .xlsx workbook: ``source`` is its bytes or a path."""
    if isinstance(source, bytes):
        data = source
        name = name or "<xlsx>"
    else:
        name = name or os.fspath(source)
        data = read_bytes(source)
    sheets = _Workbook(data, name).sheets
    findings: list[Finding] = []
    by_name = {s.name: s for s in sheets}
    identity_sheet = by_name.get(IDENTITY_SHEET)
    narrative_sheet = by_name.get(NARRATIVE_SHEET)
    blocks: list[Block] = [
        block
        for sheet in sheets
        if sheet.name not in (IDENTITY_SHEET, NARRATIVE_SHEET)
        for block in _blocks(sheet)
    ]
    identity: dict[str, object] = {}
    fee_cells: list[PublishedCell] = []
    if identity_sheet is not None:
        identity, fee_cells = _identity(identity_sheet, findings)
    else:
        findings.append(
            _sheet_finding(
                IDENTITY_SHEET,
                ("缺少该工作表（机关名称、年度等）", "the sheet is missing (organ, year …)"),
            )
        )
    # The edition is the one the tables' labels say (Table 二's headers and rows): the
    # interpreter tells it, and the sheets are compared with that edition's template.
    record = interpret(blocks, source=name, fmt="xlsx", identity=identity)
    findings[:0] = _sheet_findings(sheets, record.edition)
    lookup = {(s.name, r, c): cell for s in sheets for (r, c), cell in s.cells.items()}
    cells = [_checked_cell(pc, lookup, findings) for pc in record.cells]
    cells.extend(_checked_cell(pc, lookup, findings) for pc in fee_cells)
    findings.extend(_total_formulas(record.cells, lookup, record.edition))
    narrative: list[PublishedSection] = []
    preface = None
    if narrative_sheet is not None:
        narrative, preface = _narrative(narrative_sheet, findings)
    sections = {s.key: s for s in record.sections}
    sections.update({s.key: s for s in narrative})
    order = list(labels.SECTIONS)
    cell_order = _print_order(record.edition)
    return attrs.evolve(
        record,
        preface=preface,
        sections=tuple(sorted(sections.values(), key=lambda s: order.index(s.key))),
        cells=tuple(sorted(cells, key=lambda c: cell_order[c.key])),
        findings=(*record.findings, *findings),
    )


def _sheet_findings(sheets: Iterable[_Sheet], edition: str) -> Iterator[Finding]:
    """R-SHEET for each table sheet not in the template of ``edition``, or not merged as there."""
    for sheet in sheets:
        if sheet.name in (IDENTITY_SHEET, NARRATIVE_SHEET):
            continue
        layout = sheets_of(edition).get(sheet.name)
        if layout is None:
            yield _sheet_finding(
                sheet.name,
                (
                    "不是填报模板中的工作表，已按表格标签识别其内容",
                    "not a sheet of the template; its content was read by its labels",
                ),
            )
        elif set(sheet.merges) != layout.merges:
            yield _merges_finding(sheet.name, set(sheet.merges), layout.merges)


def _print_order(edition: str) -> dict[CellKey, int]:
    """Each cell's place in the print order of ``edition``.

    A cell of the other edition (a workbook with tables of both, R-EDITION) comes after them.
    """
    order: dict[CellKey, int] = {}
    for cells in (cells_of(edition), *(cells_of(e) for e in EDITIONS)):
        for cell in cells:
            order.setdefault(cell.key, len(order))
    return order


# --- the package ----------------------------------------------------------------------------


class _Workbook:
    """The sheets of a workbook, read from its parts within bounds."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        archive, names = open_zip(data, name, _KIND, ("[Content_Types].xml", "xl/workbook.xml"))
        with archive:
            types = read_part(archive, "[Content_Types].xml", name)
            if b"macroEnabled" in types or "xl/vbaProject.bin" in names:
                raise ReadError(
                    name,
                    "拒绝读取含宏的工作簿（.xlsm）",
                    "refusing a macro-enabled workbook (.xlsm)",
                )
            if any(n.startswith("xl/externalLinks/") for n in names):
                raise ReadError(
                    name,
                    "拒绝读取链接了其他文件的工作簿（外部链接）：请在 Excel 中“断开链接”后另存",
                    "refusing a workbook with external links: break the links and save again",
                )
            workbook = parse_xml(read_part(archive, "xl/workbook.xml", name), name, "workbook.xml")
            rels = self._rels(archive, names)
            self.strings = self._strings(archive, names)
            self.dates = self._date_styles(archive, names)
            pr = workbook.find(_m("workbookPr"))
            self.date1904 = pr is not None and pr.get("date1904") in ("1", "true")
            entries = workbook.findall(f"{_m('sheets')}/{_m('sheet')}")
            if len(entries) > MAX_SHEETS:
                raise ReadError(
                    name, f"工作表过多（{len(entries)}）", f"too many sheets ({len(entries)})"
                )
            self.count = 0
            self.sheets: list[_Sheet] = []
            for entry in entries:
                target = rels.get(entry.get(f"{{{_REL}}}id") or "")
                if target is None or target not in names:
                    continue  # a chart sheet or a dangling entry: nothing to read
                root = parse_xml(read_part(archive, target, name, _MAX_SHEET_BYTES), name, target)
                self.sheets.append(self._sheet(entry.get("name") or "", root))

    def _rels(self, archive: object, names: frozenset[str]) -> dict[str, str]:
        part = "xl/_rels/workbook.xml.rels"
        if part not in names:
            return {}
        root = parse_xml(read_part(archive, part, self.name), self.name, part)  # type: ignore[arg-type]  # a ZipFile
        out = {}
        for rel in root.iter(f"{{{_PKG_REL}}}Relationship"):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                continue
            target = target.lstrip("/") if target.startswith("/") else "xl/" + target
            out[rel.get("Id") or ""] = os.path.normpath(target).replace(os.sep, "/")
        return out

    def _strings(self, archive: object, names: frozenset[str]) -> list[str]:
        part = "xl/sharedStrings.xml"
        if part not in names:
            return []
        root = parse_xml(read_part(archive, part, self.name), self.name, part)  # type: ignore[arg-type]  # a ZipFile
        return [_rich_text(si) for si in root.iter(_SI)]

    def _date_styles(self, archive: object, names: frozenset[str]) -> frozenset[int]:
        """The indexes of cell formats that show a number as a date."""
        part = "xl/styles.xml"
        if part not in names:
            return frozenset()
        root = parse_xml(read_part(archive, part, self.name), self.name, part)  # type: ignore[arg-type]  # a ZipFile
        custom = {
            _int(fmt.get("numFmtId")): fmt.get("formatCode") or ""
            for fmt in root.iter(_m("numFmt"))
        }
        xfs = root.find(_m("cellXfs"))
        found = set()
        for index, xf in enumerate(xfs if xfs is not None else ()):
            fmt = _int(xf.get("numFmtId"))
            if fmt in _DATE_FORMATS or (fmt in custom and _is_date_code(custom[fmt])):
                found.add(index)
        return frozenset(found)

    def _sheet(self, name: str, root: etree._Element) -> _Sheet:
        cells: dict[tuple[int, int], _Cell] = {}
        data = root.find(_m("sheetData"))
        row_number = 0
        for row in data if data is not None else ():
            row_number = _int(row.get("r")) or row_number + 1
            col = 0
            for c in row:
                if c.tag != _C:
                    continue
                self.count += 1
                if self.count > MAX_CELLS:
                    raise ReadError(
                        self.name,
                        f"单元格超过 {MAX_CELLS} 个，远超任何一份年度报告，拒绝读取",
                        f"more than {MAX_CELLS} cells, far more than any annual report; refused",
                    )
                ref = _REF.fullmatch(c.get("r") or "")
                col = _column(ref[1]) if ref else col + 1
                r = int(ref[2]) if ref else row_number
                cells[(r, col)] = self._cell(c)
        merges = tuple(m.get("ref") or "" for m in root.iter(_m("mergeCell")) if m.get("ref"))
        return _Sheet(name=name, cells=cells, merges=merges)

    def _cell(self, c: etree._Element) -> _Cell:  # noqa: PLR0911 - one return per cell type
        kind = c.get("t") or "n"
        f = c.find(_F)
        formula = None if f is None else (f.text or "")
        v = c.find(_V)
        raw = "" if v is None else (v.text or "")
        if kind == "s":
            index = _int(raw)
            text = self.strings[index] if 0 <= index < len(self.strings) else ""
            return _Cell(text=text, formula=formula)
        if kind == "inlineStr":
            node = c.find(_IS)
            return _Cell(text="" if node is None else _rich_text(node), formula=formula)
        if kind == "n" and raw:
            style = _int(c.get("s"))
            if style in self.dates:
                date = _serial_date(raw, date1904=self.date1904)
                if date is not None:
                    return _Cell(text=date.isoformat(), formula=formula, date=date)
            return _Cell(text=_number_text(raw), formula=formula, number=True)
        if kind == "d" and raw:
            try:
                date = dt.date.fromisoformat(raw[:10])
            except ValueError:
                return _Cell(text=raw, formula=formula)
            return _Cell(text=date.isoformat(), formula=formula, date=date)
        if kind == "b":
            return _Cell(text="TRUE" if raw == "1" else "FALSE", formula=formula)
        return _Cell(text=raw, formula=formula)  # e (an error such as #VALUE!), str


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return -1


def _column(letters: str) -> int:
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return col


def _rich_text(node: etree._Element) -> str:
    """The text of a string item: its runs, without phonetic guides."""
    parts = []
    for el in node.iter(_T):
        if any(a.tag == _RPH for a in el.iterancestors()):
            continue
        parts.append(el.text or "")
    return "".join(parts)


# Built-in number formats that show a date: 14-22 (dates and times), 27-36 and 50-58 (the
# East Asian date formats of Chinese, Japanese and Korean Excel), 45-47 (times).
_DATE_FORMATS: Final = frozenset((*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)))
_QUOTED: Final = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _is_date_code(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return any(ch in bare for ch in "ydh年月日") or ("m" in bare and "s" in bare)


def _serial_date(raw: str, *, date1904: bool) -> dt.date | None:
    try:
        serial = float(raw)
    except ValueError:
        return None
    if not 0 < serial < 2_958_466:  # noqa: PLR2004 - Excel's last day, 9999-12-31
        return None
    days = int(serial)
    if date1904:
        return dt.date(1904, 1, 1) + dt.timedelta(days=days)
    # Excel counts a 29 February 1900 that never was: serials from 61 on are one day late.
    base = dt.date(1899, 12, 30) if days >= 61 else dt.date(1899, 12, 31)  # noqa: PLR2004
    return base + dt.timedelta(days=days)


def _number_text(raw: str) -> str:
    """A stored number as it reads: ``3``, ``12.5`` (never an exponent)."""
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return raw
    if not value.is_finite() or abs(value.adjusted()) > 30:  # noqa: PLR2004 - no report has these
        return raw
    if value == value.to_integral_value():
        return str(int(value))
    return format(value, "f")


# --- table sheets -----------------------------------------------------------------------------


def _blocks(sheet: _Sheet) -> list[Block]:
    """Paragraphs (a row holding only a section heading) and grids, in reading order."""
    covered = _covered(sheet.merges)
    blocks: list[Block] = []
    rows: list[tuple[TextCell, ...]] = []
    by_row: dict[int, list[int]] = {}
    for r, c in sorted(sheet.cells):
        by_row.setdefault(r, []).append(c)
    for r, cols in by_row.items():
        row = tuple(
            TextCell(
                text="" if sheet.cells[(r, c)].formula is not None else sheet.cells[(r, c)].text,
                source=Source(sheet=sheet.name, row=r, column=c),
            )
            for c in cols
            if (r, c) not in covered
        )
        filled = [cell for cell in row if cell.text.strip()]
        if any(cell.text == BALANCE_LABEL for cell in filled):
            continue  # the template's balance check row
        if len(filled) == 1 and match_section(filled[0].text) is not None:
            if rows:
                blocks.append(Grid(rows=tuple(rows)))
                rows = []
            blocks.append(Para(text=filled[0].text.strip(), source=filled[0].source))
            continue
        rows.append(row)
    if rows:
        blocks.append(Grid(rows=tuple(rows)))
    return blocks


def _covered(merges: tuple[str, ...]) -> set[tuple[int, int]]:
    """The cells of merged ranges other than their top-left one (bounded by MAX_CELLS)."""
    covered: set[tuple[int, int]] = set()
    for ref in merges:
        bounds = _range(ref)
        if bounds is None:
            continue
        (r0, c0), (r1, c1) = bounds
        if (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_CELLS:
            continue  # a merge over a whole column holds no cells we read
        covered.update(
            (r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)
        )
    return covered


def _range(ref: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    parts = ref.split(":")
    matches = [_REF.fullmatch(p) for p in parts]
    if len(parts) != 2 or not all(matches):  # noqa: PLR2004 - a range has two ends
        return None
    (a, b) = (m for m in matches if m is not None)
    r0, r1 = sorted((int(a[2]), int(b[2])))
    c0, c1 = sorted((_column(a[1]), _column(b[1])))
    return (r0, c0), (r1, c1)


def _sheet_finding(sheet: str, detail: tuple[str, str]) -> Finding:
    return make_finding("R-SHEET", Place(path=f"工作表“{sheet}”"), detail=detail)


def _merges_finding(sheet: str, found: set[str], expected: frozenset[str]) -> Finding:
    gone, new = sorted(expected - found), sorted(found - expected)
    zh = "合并单元格与模板不同（是否插入、删除了行或列，或取消了合并？）"
    en = "merged cells differ from the template (rows or columns inserted or deleted?)"
    if gone:
        zh += f"；模板中合并而此处未合并：{'、'.join(gone[:5])}"
        en += f"; merged in the template, not here: {', '.join(gone[:5])}"
    if new:
        zh += f"；此处新增的合并：{'、'.join(new[:5])}"
        en += f"; merged here only: {', '.join(new[:5])}"
    zh += "。已按标签读取数据，请核对。"
    en += ". The figures were read by their labels; please check them."
    return _sheet_finding(sheet, (zh, en))


def _checked_cell(
    published: PublishedCell,
    lookup: dict[tuple[str, int, int], _Cell],
    findings: list[Finding],
) -> PublishedCell:
    """The cell with what only the workbook knows: formulas and dates."""
    src = published.source
    found = lookup.get((src.sheet or "", src.row or 0, src.column or 0))
    if found is None:
        return published
    meta = any_cell(published.key)
    if found.formula is not None and not meta.computed:
        findings.append(
            make_finding(
                "R-SHEET",
                meta.place,
                found="=" + found.formula,
                detail=(
                    f"应直接填写数字，不要填公式（={found.formula}），本工具不采用公式的缓存结果",
                    (
                        f"type the number, not a formula (={found.formula}); "
                        "cached results are not used"
                    ),
                ),
            )
        )
        return attrs.evolve(published, raw="=" + found.formula, value=None, blank=False)
    if found.date is not None:
        findings.append(
            make_finding(
                "R-SHEET",
                meta.place,
                found=found.date.isoformat(),
                detail=(
                    (
                        f"Excel 把输入变成了日期（{found.date.isoformat()}）：请把单元格格式改为"
                        "“常规”后重新填写数字"
                    ),
                    (
                        f"Excel turned the input into a date ({found.date.isoformat()}): set the "
                        "cell's format to General and type the number again"
                    ),
                ),
            )
        )
    return published


#: A reference in a formula: an optional sheet (``表三!``, ``'表 三'!``), then ``$D$6``.
_FORMULA_REF: Final = re.compile(
    r"(?:(?:'(?P<quoted>[^']+)'|(?P<sheet>[^\s!'(),+:=]+))!)?"
    r"\$?(?P<col>[A-Z]{1,3})\$?(?P<row>[0-9]{1,7})"
)
_SUM_CALL: Final = re.compile(r"SUM\((?P<args>[^()]*)\)")


def _formula_cells(formula: str, sheet: str) -> list[tuple[int, int]] | None:
    """The cells a plain sum in ``sheet`` adds (``SUM`` of cells and ranges, ``+`` of cells).

    ``None`` for any other formula: a constant, ``-``, another function or another sheet.
    """
    terms = formula.strip().lstrip("=").replace(" ", "").upper().split("+")
    cells: list[tuple[int, int]] = []
    for term in terms:
        call = _SUM_CALL.fullmatch(term)
        for arg in call["args"].split(",") if call else [term]:
            ends = [_FORMULA_REF.fullmatch(part) for part in arg.split(":")]
            if not 1 <= len(ends) <= 2 or not all(ends) or (len(ends) == 2 and not call):  # noqa: PLR2004 - a range has two ends
                return None
            found = [m for m in ends if m is not None]
            if any((m["quoted"] or m["sheet"] or sheet).upper() != sheet.upper() for m in found):
                return None
            rows = sorted(int(m["row"]) for m in found)
            cols = sorted(_column(m["col"]) for m in found)
            if (rows[-1] - rows[0] + 1) * (cols[-1] - cols[0] + 1) > MAX_CELLS:
                return None
            cells.extend(
                (r, c) for r in range(rows[0], rows[-1] + 1) for c in range(cols[0], cols[-1] + 1)
            )
    return cells


def _total_formulas(
    cells: Iterable[PublishedCell], lookup: dict[tuple[str, int, int], _Cell], edition: str
) -> Iterator[Finding]:
    """An R-SHEET finding for each total whose formula no longer sums its own cells.

    A clerk who overwrote a total's formula with a number is caught by the audit (the
    stated total is compared); a formula changed to sum the wrong cells, or to a constant
    (``=5``), shows the clerk a wrong total while the figures are right, so it is compared
    with the sum of the cells where the table was read (a moved table moves its formulas).
    The tool never uses the formula's result either way: the total is computed.
    """
    where = {
        pc.key: (pc.source.sheet or "", pc.source.row or 0, pc.source.column or 0) for pc in cells
    }
    for key, terms in total_terms(edition).items():
        place = where.get(key)
        found = None if place is None else lookup.get(place)
        if place is None or found is None or found.formula is None:
            continue
        term_places = [where.get(k) for k in terms]
        if any(t is None or t[0] != place[0] for t in term_places):
            continue  # a term not read, or read elsewhere: nothing to compare with
        expected = sorted((t[1], t[2]) for t in term_places if t is not None)
        summed = _formula_cells(found.formula, place[0])
        if summed is not None and sorted(summed) == expected:
            continue
        formula = f"=SUM({sum_arguments(expected)})"
        yield make_finding(
            "R-SHEET",
            any_cell(key).place,
            expected=formula,
            found="=" + found.formula,
            detail=(
                (
                    f"合计的公式被改动（应为 {formula}，实为 ={found.formula}），表格中显示的"
                    "合计可能不对；本工具不采用公式的结果，按各项数字计算合计"
                ),
                (
                    f"the total's formula was changed (should be {formula}, is "
                    f"={found.formula}), so the total the sheet shows may be wrong; the tool "
                    "never uses a formula's result and computes the total from the figures"
                ),
            ),
        )


# --- identity and fees ------------------------------------------------------------------------

_IDENTITY_LABELS: Final = {compact(label): field for label, field, _ in IDENTITY_FIELDS}
_FEE_LABELS: Final = {compact(label): field for field, label in labels.FEE_LABELS.items()}
_LINE_BREAKS: Final = re.compile(r"\s+")
_CN_DATE: Final = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _one_line(text: str) -> str:
    """A one-paragraph value: line breaks and tabs (Alt+Enter in a cell) become one space."""
    return _LINE_BREAKS.sub(" ", text).strip()


def _identity(  # noqa: C901 - one branch per identity field
    sheet: _Sheet, findings: list[Finding]
) -> tuple[dict[str, object], list[PublishedCell]]:
    values: dict[str, _Cell] = {}
    where: dict[str, tuple[int, int]] = {}
    fees: list[PublishedCell] = []
    for (r, c), cell in sorted(sheet.cells.items()):
        if c != 1:
            continue
        label = compact(cell.text)
        value = sheet.cells.get((r, 2), _Cell(text=""))
        if label in _IDENTITY_LABELS:
            values[_IDENTITY_LABELS[label]] = value
            where[_IDENTITY_LABELS[label]] = (r, 2)
        elif label in _FEE_LABELS:
            fees.append(
                _fee_cell(_FEE_LABELS[label], value, Source(sheet=sheet.name, row=r, column=2))
            )

    def text(field: str) -> str | None:
        cell = values.get(field)
        return _one_line(cell.text) or None if cell is not None else None

    def bad(field: str, zh: str, en: str) -> None:
        r, c = where[field]
        place = Place(path=Source(sheet=sheet.name, row=r, column=c).describe("zh"))
        findings.append(make_finding("R-SHEET", place, found=values[field].text, detail=(zh, en)))

    year = None
    raw_year = text("year")
    if raw_year is not None:
        if re.fullmatch(r"\d{4}", raw_year.removesuffix("年")):
            year = int(raw_year.removesuffix("年"))
        else:
            bad("year", "年度应为四位数字年份", "the year must be four digits")
    date = None
    date_cell = values.get("date")
    if date_cell is not None and date_cell.text.strip():
        date = date_cell.date or _parse_date(date_cell.text)
        if date is None:
            bad(
                "date", "成文日期应写作 2026-01-20 或 2026年1月20日", "write the date as 2026-01-20"
            )
    identity: dict[str, object] = {
        "organ": text("organ"),
        "year": year,
        "title": text("title"),
        "date": date,
        "publication": _pair(Publication, site_name=text("site_name"), url=text("url")),
        "contact": _pair(
            Contact,
            address=text("address"),
            postcode=text("postcode"),
            telephone=text("telephone"),
        ),
    }
    return identity, fees


def _pair(cls: type[Publication | Contact], **fields: str | None) -> Publication | Contact | None:
    if not any(fields.values()):
        return None
    return cls(**{k: v or "" for k, v in fields.items()})


def _parse_date(text: str) -> dt.date | None:
    match = _CN_DATE.fullmatch(text.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _fee_cell(field: str, cell: _Cell, source: Source) -> PublishedCell:
    key: CellKey = ("other_matters", "fees", field)
    raw = cell.text
    value = parse_value(raw)
    if CELL_BY_KEY[key].kind == "amount" and isinstance(value, int):
        value = Decimal(value)
    return PublishedCell(
        key=key, raw=raw, value=value, blank=value is None and is_blank(raw), source=source
    )


# --- narrative ------------------------------------------------------------------------------

_KIND_OF: Final = {v: k for k, v in NARRATIVE_KINDS.items()}
_NARRATIVE: Final = ("overview", "problems", "other_matters")


@attrs.define
class _Draft:
    key: str
    source: Source
    opening: list[str] = attrs.Factory(list)
    parts: list[tuple[str, Source, list[str]]] = attrs.Factory(list)


def _lines(text: str) -> list[str]:
    """A cell's paragraphs: Alt+Enter in a cell starts a new one; empty lines are dropped."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _narrative(  # noqa: C901, PLR0912 - one pass over the rows
    sheet: _Sheet, findings: list[Finding]
) -> tuple[list[PublishedSection], tuple[str, ...] | None]:
    rows: dict[int, dict[int, str]] = {}
    for (r, c), cell in sheet.cells.items():
        if c <= 3:  # noqa: PLR2004 - the three columns of the sheet
            rows.setdefault(r, {})[c] = cell.text
    drafts: dict[str, _Draft] = {}
    preface: list[str] | None = None
    section: str | None = None
    for r in sorted(rows):
        heading, kind_text, text = (rows[r].get(c, "") for c in (1, 2, 3))
        if (heading, kind_text, text) == NARRATIVE_HEADER:
            continue
        source = Source(sheet=sheet.name, row=r, column=3)
        kind = _KIND_OF.get(kind_text.strip())
        if kind == "preface":
            preface = [*(preface or []), *_lines(text)] if text.strip() else (preface or [])
            continue
        if not text.strip():
            continue
        if heading.strip():
            match = match_section(heading)
            if match is None or match[0] not in _NARRATIVE:
                findings.append(
                    make_finding(
                        "R-SHEET",
                        Place(path=source.describe("zh")),
                        found=heading,
                        detail=(
                            (
                                "“部分”应为 一、总体情况、五、存在的主要问题及改进情况 或 "
                                "六、其他需要报告的事项，本行未读取"
                            ),
                            "the section must be 一, 五 or 六; the row was not read",
                        ),
                    )
                )
                continue
            section = match[0]
        if section is None:
            continue
        draft = drafts.setdefault(section, _Draft(key=section, source=source))
        if kind == "title":
            draft.parts.append((_one_line(text), source, []))
        elif kind == "paragraph" and draft.parts:
            draft.parts[-1][2].extend(_lines(text))
        elif kind in ("opening", "paragraph", None) and not draft.parts:
            draft.opening.extend(_lines(text))
        else:
            draft.parts[-1][2].extend(_lines(text))
    sections = [
        PublishedSection(
            key=d.key,
            heading=labels.SECTIONS[d.key].full,
            source=d.source,
            opening=tuple(d.opening),
            parts=tuple(
                PublishedPart(heading=title, title=title, paragraphs=tuple(paras), source=src)
                for title, src, paras in d.parts
            ),
        )
        for d in drafts.values()
    ]
    return sections, None if preface is None else tuple(preface)
