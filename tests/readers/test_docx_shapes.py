"""A .docx in the shapes Word and WPS give it: layout tables, text boxes, other part names.

Each test builds the national template filled in (:mod:`tests.readers.wordfile`), reshapes
it as an office does, and checks that what is read is what the plain document reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from lxml import etree

from govinfo_report.formats.json.codec import load
from govinfo_report.published.readers import read_docx
from govinfo_report.testing import reports

from .wordfile import filled, paragraph, w

if TYPE_CHECKING:
    from govinfo_report import AnnualReport
    from govinfo_report.published.record import PublishedReport

    from .wordfile import Filled

CITY = load(Path(__file__).parents[2] / "examples" / "city-department-2023.json")


def summary(record: PublishedReport) -> object:
    """What a record says, without where it was found."""
    return (
        record.title,
        record.organ,
        record.year,
        record.date,
        [
            (s.key, s.heading, s.opening, [(p.title, p.paragraphs) for p in s.parts])
            for s in record.sections
        ],
        [(c.key, c.raw, c.value) for c in record.cells],
        sorted((f.code, f.place.path) for f in record.findings),
    )


# --- layout tables --------------------------------------------------------------------------


def _layout(doc: Filled, shape: str) -> None:
    """The body's content moved into a layout table: one cell, or one row per block."""
    body = doc.body
    blocks = [el for el in body if el.tag != w("sectPr")]
    outer = etree.Element(w("tbl"))
    pr = etree.SubElement(outer, w("tblPr"))
    etree.SubElement(pr, w("tblW"), {w("w"): "5000", w("type"): "pct"})
    etree.SubElement(etree.SubElement(outer, w("tblGrid")), w("gridCol"), {w("w"): "9000"})
    cell = None
    for block in blocks:
        if cell is None or shape == "rows":
            cell = etree.SubElement(etree.SubElement(outer, w("tr")), w("tc"))
        cell.append(block)
        if shape == "rows" and block.tag == w("tbl"):
            cell.append(paragraph(""))  # a cell ends with a paragraph
    assert cell is not None
    if cell[-1].tag == w("tbl"):
        cell.append(paragraph(""))
    body.insert(0, outer)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_a_report_inside_a_layout_table_reads_as_without_it(report: AnnualReport) -> None:
    """WPS templates set the whole report in one cell of a borderless table: its headings,
    paragraphs, tables and signature are read in document order, as without the table."""
    plain = read_docx(filled(report).docx())
    for shape in ("one cell", "rows"):
        doc = filled(report)
        _layout(doc, shape)
        assert summary(read_docx(doc.docx())) == summary(plain), shape


def test_paragraphs_after_a_table_in_a_layout_cell_stay_after_it() -> None:
    doc = filled(CITY)
    body = doc.body
    tables = body.findall(w("tbl"))
    tables[-1].addnext(paragraph("注：本表数据截至2023年12月31日。"))
    _layout(doc, "one cell")
    record = read_docx(doc.docx())
    appeals = next(s for s in record.sections if s.key == "appeals")
    assert "注：本表数据截至2023年12月31日。" in appeals.opening


# --- text boxes -----------------------------------------------------------------------------

_NS = (
    f'xmlns:w="{w("")[1:-1]}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box_run(text: str, shape: str) -> etree._Element:
    """A run holding a text box as Word 2010+ writes it (DrawingML, VML fallback) or VML."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    vml = f"<w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
    drawing = (
        '<w:drawing><wp:anchor><wp:extent cx="5400000" cy="720000"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing>"
    )
    inner = (
        vml
        if shape == "vml"
        else (
            '<mc:AlternateContent><mc:Choice Requires="wps">'
            f"{drawing}</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>"
        )
    )
    return etree.fromstring(f"<w:r {_NS}>{inner}</w:r>")


def _title_paragraph(doc: Filled) -> etree._Element:
    return next(p for p in doc.body.iter(w("p")) if "".join(p.itertext()).endswith("年度报告"))


def test_a_title_in_a_text_box_is_read_once() -> None:
    """A shape's text is in the document twice (DrawingML and its VML fallback): one title."""
    title = f"{CITY.organ}{CITY.year}年政府信息公开工作年度报告"
    for shape in ("drawing", "vml"):
        doc = filled(CITY)
        p = _title_paragraph(doc)
        for child in list(p):
            if child.tag == w("r"):
                p.remove(child)
        p.append(_box_run(title, shape))
        record = read_docx(doc.docx())
        assert (record.title, record.organ, record.year) == (title, CITY.organ, CITY.year)


def test_a_text_box_anchored_in_a_heading_is_a_paragraph_of_its_own() -> None:
    """Word anchors a floating box in the nearest paragraph, here the first heading: the
    box's text comes before the heading's, and the heading stays a heading."""
    title = f"{CITY.organ}{CITY.year}年政府信息公开工作年度报告"
    doc = filled(CITY)
    old = _title_paragraph(doc)
    old.getparent().remove(old)  # type: ignore[union-attr]
    heading = next(p for p in doc.body.iter(w("p")) if "".join(p.itertext()) == "一、总体情况")
    heading.insert(1, _box_run(title, "drawing"))
    record = read_docx(doc.docx())
    assert record.title == title
    first = record.sections[0]
    assert (first.key, first.heading) == ("overview", "一、总体情况")


def test_a_number_in_a_text_box_in_a_cell_is_read_once() -> None:
    doc = filled(CITY)
    key = ("requests", "new", "natural_person")
    cell = doc.cells[key]
    value = "".join(cell.itertext())
    p = cell.find(w("p"))
    assert p is not None
    for child in list(p):
        if child.tag == w("r"):
            p.remove(child)
    p.append(_box_run(value, "drawing"))
    record = read_docx(doc.docx())
    found = record.cell(key)
    assert found is not None
    assert found.raw == value
