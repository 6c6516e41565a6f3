"""Our .docx, changed as offices change it, saved as PDF by LibreOffice, reads cell for cell.

The variants of issue 14: a long narrative pushing Table 三 over a page break (at several
places), Table 四's headers rotated
(``btLr``: Chinese laid on its side) instead of stacked, and the official fonts replaced by
a font the machine does not have (LibreOffice substitutes, as a reader's machine does).

Header rows repeated on the next page are tested on drawn layouts (``test_pdf_layouts``):
LibreOffice 7.4 repeats only the first of Table 三's three header rows and lets the text of
the note cell spanning them run into the first data row, a rendering no office publishes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import attrs
import pytest
from lxml import etree

from govinfo_report import labels
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.formats.json.codec import load
from govinfo_report.model import AnnualReport, Part
from govinfo_report.published.readers import read_pdf

from .pdfs import needs_soffice, pdf_of

pytestmark = [pytest.mark.slow, needs_soffice]

REPORT = load(Path(__file__).parents[2] / "examples" / "city-department-2023.json")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FILLER = "本机关坚持以公开为常态、不公开为例外，持续深化政务公开工作，按时完成年度各项任务。"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _longer(report: AnnualReport, paragraphs: int) -> AnnualReport:
    """``report`` with ``paragraphs`` more paragraphs in section 一 (pushing the tables on)."""
    extra = Part(title="其他工作", paragraphs=tuple(_FILLER * 2 for _ in range(paragraphs)))
    overview = attrs.evolve(report.overview, parts=(*report.overview.parts, extra))
    return attrs.evolve(report, overview=overview)


def _edited(docx: bytes, edit: object) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    edit(root)  # type: ignore[operator]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif info.filename == "word/styles.xml" and edit is _no_such_font:
                data = data.replace(b'w:eastAsia="', b'w:eastAsia="NoSuchFont').replace(
                    b'w:ascii="', b'w:ascii="NoSuchFont'
                )
            target.writestr(info, data)
    return out.getvalue()


def _tables(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(_w("tbl")))


def _breakable(root: etree._Element) -> None:
    """Tables as a clerk's document has them: rows may break across pages, nothing is kept
    with the next row (this library's writer keeps a table shorter than a page whole)."""
    for table in _tables(root):
        for tag in ("keepNext", "cantSplit"):
            for el in list(table.iter(_w(tag))):
                el.getparent().remove(el)  # type: ignore[union-attr]


def _rotate_appeal_headers(root: etree._Element) -> None:
    """Table 四's column headers rotated (btLr) instead of stacked (tbRl)."""
    for direction in _tables(root)[2].iter(_w("textDirection")):
        direction.set(_w("val"), "btLr")


def _no_such_font(root: etree._Element) -> None:
    """Every run's fonts replaced by a font no machine has (styles too, in ``_edited``)."""
    for fonts in root.iter(_w("rFonts")):
        for key in list(fonts.attrib):
            fonts.set(key, "NoSuchFont")


def _as_is(root: etree._Element) -> None:
    del root


VARIANTS = {
    "Table 三 over a page break (a)": (_longer(REPORT, 3), _breakable),
    "Table 三 over a page break (b)": (_longer(REPORT, 6), _breakable),
    "Table 三 over a page break (c)": (_longer(REPORT, 4), _breakable),
    "Table 四 headers rotated": (REPORT, _rotate_appeal_headers),
    "fonts substituted": (_longer(REPORT, 5), _no_such_font),
}


@pytest.mark.parametrize(("report", "edit"), VARIANTS.values(), ids=VARIANTS.keys())
def test_variant_reads_cell_for_cell(report: AnnualReport, edit: object) -> None:
    record = read_pdf(pdf_of(_edited(docx_bytes(report), edit)), name="variant.pdf")
    found = {c.key: c.number for c in record.cells}
    wrong = {
        c.path: (found.get(c.key), cell_value(report, c.key))
        for c in CELLS
        if c.table != "六" and found.get(c.key) != cell_value(report, c.key)
    }
    assert wrong == {}
    assert [u.text for u in record.unread] == []
    assert record.to_report().requests == report.requests


def test_the_break_really_falls_inside_table_three() -> None:
    """The page-break variants do split Table 三 (else they would test nothing)."""
    split = 0
    for name, (report, edit) in VARIANTS.items():
        if "page break" not in name:
            continue
        record = read_pdf(pdf_of(_edited(docx_bytes(report), edit)))
        pages = {c.source.page for c in record.cells if c.cell.table == labels.TABLES["requests"]}
        split += len(pages) > 1
    assert split == 3  # all three
