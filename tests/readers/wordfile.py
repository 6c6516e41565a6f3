"""A report filled into the national Word template by hand, as clerks do (not a test module).

:func:`filled` opens ``tests/data/national-template.docx`` (the blank template offices
start from: its headings, placeholders and the three tables with their merges) and writes
a report into it: the title over the template's, each data cell's value as the clerk types
it (0 as printed), a sentence in place of each （文字描述） placeholder, and the organ and
the date at the end. The result keeps the template's own XML (its styles, ``w:vMerge`` and
``w:gridSpan``, its empty paragraphs), so that tests can reshape it the ways Word and WPS
do (text boxes, layout tables, other part names) and compare what is read.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from govinfo_report.cells import CellKey, cell_value
from govinfo_report.published.readers._interpret import interpret
from govinfo_report.published.readers.docx import _Walker

if TYPE_CHECKING:
    from govinfo_report import AnnualReport

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "national-template.docx"
DOCUMENT = "word/document.xml"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@attrs.frozen
class Filled:
    """The template's parts (``document`` replaces word/document.xml) and its data cells."""

    parts: dict[str, bytes]
    document: etree._Element
    cells: dict[CellKey, etree._Element]

    @property
    def body(self) -> etree._Element:
        found = self.document.find(w("body"))
        assert found is not None
        return found

    def docx(self, *, part: str = DOCUMENT) -> bytes:
        """The .docx: the parts, with the document written as ``part``."""
        parts = dict(self.parts)
        parts.pop(DOCUMENT, None)
        parts[part] = etree.tostring(
            self.document, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        return buf.getvalue()


def set_text(el: etree._Element, text: str) -> None:
    """Paragraph or cell ``el`` holds ``text`` in one run (its properties kept)."""
    p = el if el.tag == w("p") else el.find(w("p"))
    assert p is not None
    if el.tag == w("tc"):
        for extra in el.findall(w("p"))[1:]:
            el.remove(extra)
    for child in list(p):
        if child.tag != w("pPr"):
            p.remove(child)
    run = etree.SubElement(p, w("r"))
    etree.SubElement(run, w("t")).text = text


def paragraph(text: str) -> etree._Element:
    p = etree.Element(w("p"))
    set_text(p, text)
    return p


def _shown(value: int | Decimal) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def filled(report: AnnualReport, *, date: str = "2024年1月26日") -> Filled:
    """``report`` written into the national template as a clerk fills it in."""
    with zipfile.ZipFile(TEMPLATE) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if not n.endswith("/")}
    document = etree.fromstring(parts[DOCUMENT])
    body = document.find(w("body"))
    assert body is not None
    cells = _fill_tables(body, report)
    title = f"{report.organ}{report.year}年政府信息公开工作年度报告"
    for p in body.findall(w("p")):
        text = "".join(p.itertext())
        if text == "政府信息公开工作年度报告格式模板":
            set_text(p, title)
        elif text == "（文字描述）":
            set_text(p, "本年度，本机关认真贯彻落实政府信息公开条例，扎实推进政务公开工作。")
        elif text.startswith("（文字描述，"):
            set_text(p, "本年度未收取信息处理费。")
    end = body.find(w("sectPr"))
    assert end is not None
    for text in (report.organ, date):
        end.addprevious(paragraph(text))
    return Filled(parts=parts, document=document, cells=cells)


def _fill_tables(body: etree._Element, report: AnnualReport) -> dict[CellKey, etree._Element]:
    """Each data cell of the template's tables set to the report's value; the cells by key."""
    blank = interpret(_Walker().blocks_of(body), source="template", fmt="docx")
    where = {(c.source.table, c.source.row, c.source.column): c.key for c in blank.cells}
    cells: dict[CellKey, etree._Element] = {}
    for t, tbl in enumerate(body.findall(w("tbl")), start=1):
        open_at: dict[int, bool] = {}
        for r, tr in enumerate(tbl.findall(w("tr")), start=1):
            col = 0
            for tc in tr.findall(w("tc")):
                span_el = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
                span = 1 if span_el is None else int(span_el.get(w("val"), "1"))
                merge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
                state = None if merge is None else merge.get(w("val"), "continue")
                if not (state == "continue" and open_at.get(col)):
                    open_at[col] = state == "restart"
                    key = where.get((t, r, col + 1))
                    if key is not None:
                        set_text(tc, _shown(cell_value(report, key)))
                        cells[key] = tc
                col += span
    return cells


def level(ilvl: int, fmt: str, text: str, *, start: int = 1) -> str:
    """A ``w:lvl`` of a list as Word writes it (with an indent Word adds, not read)."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>'
    )


def with_numbering(doc: Filled, lists: dict[int, str], nums: dict[int, str] | None = None) -> None:
    """The document given a numbering part: ``lists`` maps each ``w:abstractNumId`` to its
    levels' XML; ``nums`` maps each ``w:numId`` to the ``w:num``'s content (by default,
    numId n uses abstractNum n)."""
    nums = nums or {n: f'<w:abstractNumId w:val="{n}"/>' for n in lists}
    xml = (
        f'<w:numbering xmlns:w="{W}">'
        + "".join(
            f'<w:abstractNum w:abstractNumId="{n}"><w:multiLevelType w:val="multilevel"/>'
            f"{levels}</w:abstractNum>"
            for n, levels in lists.items()
        )
        + "".join(f'<w:num w:numId="{n}">{body}</w:num>' for n, body in nums.items())
        + "</w:numbering>"
    )
    doc.parts["word/numbering.xml"] = xml.encode()
    rels = "word/_rels/document.xml.rels"
    doc.parts[rels] = doc.parts[rels].replace(
        b"</Relationships>",
        b'<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    )
    doc.parts["[Content_Types].xml"] = doc.parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/numbering.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    )


def numbered(p: etree._Element, num_id: int, ilvl: int = 0) -> None:
    """Paragraph ``p`` made an item of list ``num_id`` at level ``ilvl`` (``w:numPr``)."""
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    numpr = etree.Element(w("numPr"))
    etree.SubElement(numpr, w("ilvl"), {w("val"): str(ilvl)})
    etree.SubElement(numpr, w("numId"), {w("val"): str(num_id)})
    style = ppr.find(w("pStyle"))
    if style is None:
        ppr.insert(0, numpr)
    else:
        style.addnext(numpr)
