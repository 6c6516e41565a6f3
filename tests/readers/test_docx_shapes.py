"""A .docx in the shapes Word and WPS give it: layout tables, text boxes, other part names.

Each test builds the national template filled in (:mod:`tests.readers.wordfile`), reshapes
it as an office does, and checks that what is read is what the plain document reads.
"""

from __future__ import annotations

import base64
import copy
import io
import quopri
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from govinfo_report.errors import ReadError
from govinfo_report.formats.json.codec import load
from govinfo_report.published.readers import read, read_docx, read_html
from govinfo_report.testing import reports

from . import wordhtml
from .wordfile import filled, paragraph, set_text, w

if TYPE_CHECKING:
    from collections.abc import Callable

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


def _frame(rows: list[list[list[etree._Element]]]) -> etree._Element:
    """A borderless table laying out paragraphs: ``rows`` of cells, each cell's paragraphs."""
    tbl = etree.Element(w("tbl"))
    borders = etree.SubElement(etree.SubElement(tbl, w("tblPr")), w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, w(side), {w("val"): "nil"})
    grid = etree.SubElement(tbl, w("tblGrid"))
    for _ in rows[0]:
        etree.SubElement(grid, w("gridCol"), {w("w"): "4500"})
    for row in rows:
        tr = etree.SubElement(tbl, w("tr"))
        for cell in row:
            tc = etree.SubElement(tr, w("tc"))
            tc.extend(cell or [paragraph("")])
    return tbl


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_a_title_or_a_signature_set_in_a_borderless_table_is_read(report: AnnualReport) -> None:
    """A title in a one-cell table, a signature in a table beside an empty cell or one line
    a row: tables without two written cells in a row frame text, read as its paragraphs."""
    plain = read_docx(filled(report).docx())
    for shape in ("title", "stacked", "beside"):
        doc = filled(report)
        if shape == "title":
            title = _title_paragraph(doc)
            title.addprevious(_frame([[[paragraph("".join(title.itertext()))]]]))
            doc.body.remove(title)
        else:
            organ, date = doc.body.findall(w("p"))[-2:]
            rows = (
                [[[paragraph(report.organ)]], [[paragraph("2024年1月26日")]]]
                if shape == "stacked"
                else [[[], [paragraph(report.organ), paragraph("2024年1月26日")]]]
            )
            organ.addprevious(_frame(rows))
            doc.body.remove(organ)
            doc.body.remove(date)
        assert summary(read_docx(doc.docx())) == summary(plain), shape


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
    box = f"<w:txbxContent><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:txbxContent>"
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


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_a_title_in_a_text_box_is_read_once(report: AnnualReport) -> None:
    """A shape's text is in the document twice (DrawingML and its VML fallback): the
    record is the one of the title typed in its paragraph."""
    plain = summary(read_docx(filled(report).docx()))
    for shape in ("drawing", "vml"):
        doc = filled(report)
        p = _title_paragraph(doc)
        title = "".join(p.itertext())
        for child in list(p):
            if child.tag == w("r"):
                p.remove(child)
        p.append(_box_run(title, shape))
        assert summary(read_docx(doc.docx())) == plain, shape


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


# --- the package: where the document is, Strict Open XML ----------------------------------

_TRANSITIONAL = (
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
)
_STRICT = (
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships",
)


def _repacked(data: bytes, change: Callable[[dict[str, bytes]], None]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    change(parts)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return buf.getvalue()


def _strict(parts: dict[str, bytes]) -> None:
    """As Word saves "Strict Open XML Document": the strict namespaces everywhere."""
    for name in ("word/document.xml", "word/styles.xml", "_rels/.rels"):
        for old, new in zip(_TRANSITIONAL, _STRICT, strict=True):
            parts[name] = parts[name].replace(old, new)
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    )


def _moved(target: str) -> Callable[[dict[str, bytes]], None]:
    """The main part renamed ``word/document2.xml``, the package's relationship ``target``."""

    def change(parts: dict[str, bytes]) -> None:
        parts["word/document2.xml"] = parts.pop("word/document.xml")
        parts["word/_rels/document2.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"/word/document.xml", b"/word/document2.xml"
        )
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(
            b'Target="word/document.xml"', f'Target="{target}"'.encode()
        )

    return change


@pytest.mark.parametrize(
    "change",
    [
        _strict,
        _moved("word/document2.xml"),
        _moved("/word/document2.xml"),
        _moved("./Word/document2.xml"),
    ],
    ids=["strict", "document2", "absolute", "dot-and-case"],
)
def test_the_package_s_document_is_read_where_it_is(
    change: Callable[[dict[str, bytes]], None],
) -> None:
    plain = filled(CITY).docx()
    record = read_docx(_repacked(plain, change))
    assert summary(record) == summary(read_docx(plain))
    assert len(record.cells) == len(read_docx(plain).cells) > 0


def test_a_hidden_style_is_found_through_the_document_s_own_relationships() -> None:
    """Styles are the part the document's relationships name (here word/styles2.xml)."""
    hidden_style = (
        b'<w:style w:type="paragraph" w:styleId="Secret"><w:name w:val="Secret"/>'
        b"<w:rPr><w:vanish/></w:rPr></w:style></w:styles>"
    )
    doc = filled(CITY)
    note = paragraph("二〇二二年度的旧数据：收到申请999件。")
    ppr = etree.SubElement(note, w("pPr"))
    etree.SubElement(ppr, w("pStyle"), {w("val"): "Secret"})
    note.insert(0, ppr)
    doc.body.insert(0, note)

    def change(parts: dict[str, bytes]) -> None:
        _moved("word/document2.xml")(parts)
        styles = parts.pop("word/styles.xml").replace(b"</w:styles>", hidden_style)
        parts["word/styles2.xml"] = styles
        rels = "word/_rels/document2.xml.rels"
        parts[rels] = parts[rels].replace(b'Target="styles.xml"', b'Target="styles2.xml"')

    record = read_docx(_repacked(doc.docx(), change))
    assert "999" not in str(record.to_dict())


def test_no_main_document_is_named_in_the_error() -> None:
    def change(parts: dict[str, bytes]) -> None:
        _moved("word/document2.xml")(parts)
        del parts["word/document2.xml"]

    with pytest.raises(ReadError) as info:
        read_docx(_repacked(filled(CITY).docx(), change))
    assert "no word/document.xml" in info.value.reason_en


# --- what Word and WPS save besides a .docx, under a .doc or .docx name ---------------------


def _flat_opc(data: bytes) -> bytes:
    """The .docx as Word's "Word XML Document" (Flat OPC) writes it: one XML package."""
    pkg = "http://schemas.microsoft.com/office/2006/xmlPackage"
    root = etree.Element(f"{{{pkg}}}package", nsmap={"pkg": pkg})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            part = etree.SubElement(
                root,
                f"{{{pkg}}}part",
                {f"{{{pkg}}}name": f"/{name}", f"{{{pkg}}}contentType": "application/xml"},
            )
            etree.SubElement(part, f"{{{pkg}}}xmlData").append(etree.fromstring(archive.read(name)))
    etree.SubElement(
        etree.SubElement(root, f"{{{pkg}}}part", {f"{{{pkg}}}name": "/word/media/image1.png"}),
        f"{{{pkg}}}binaryData",
    ).text = "iVBORw0KGgo="
    return (
        b'<?xml version="1.0" standalone="yes"?>\n'
        b'<?mso-application progid="Word.Document"?>\n' + etree.tostring(root)
    )


def _mht(page: str, transfer: str) -> bytes:
    """A page saved by Word as a single-file web page (.mht), in GB2312 as Word writes it."""
    html = page.encode("gb18030")
    body = quopri.encodestring(html) if transfer == "quoted-printable" else base64.encodebytes(html)
    boundary = b"----=_NextPart_01DA4F1E.5C3B2A10"
    return (
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; boundary="' + boundary + b'"\r\n\r\n'
        b"This document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
        b"--" + boundary + b"\r\nContent-Location: file:///C:/D2F1A0B3/report.htm\r\n"
        b"Content-Transfer-Encoding: " + transfer.encode() + b"\r\n"
        b'Content-Type: text/html; charset="gb2312"\r\n\r\n' + body + b"\r\n"
        b"--" + boundary + b"\r\nContent-Location: file:///C:/D2F1A0B3/report.files/filelist.xml"
        b'\r\nContent-Type: text/xml; charset="utf-8"\r\n\r\n<xml/>\r\n--' + boundary + b"--\r\n"
    )


def test_a_word_xml_document_is_read_as_the_docx_it_holds(tmp_path: Path) -> None:
    data = filled(CITY).docx()
    path = tmp_path / "report.doc"
    path.write_bytes(_flat_opc(data))
    assert summary(read(path)) == summary(read_docx(data))


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
def test_a_single_file_web_page_is_read_as_its_page(tmp_path: Path, transfer: str) -> None:
    page = wordhtml.render(CITY)
    path = tmp_path / "report.doc"
    path.write_bytes(_mht(page, transfer))
    record = read(path)
    assert summary(record) == summary(read_html(page))
    assert len(record.cells) > 100


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (rb"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}\f0 x\par}", "RTF"),
        (
            (
                b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
                b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">'
                b"<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:wordDocument>"
            ),
            "Word 2003 XML",
        ),
        (b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nx\r\n", "single-file web page"),
        (
            b"MIME-Version: 1.0\r\n"
            + b"".join(
                b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i)
                for i in range(3000)
            )
            + b"Content-Type: text/html\r\n\r\n<p>x</p>\r\n",
            "nested too deeply",
        ),
    ],
    ids=["rtf", "word2003", "mht-without-page", "mht-nested"],
)
def test_what_cannot_be_read_says_what_to_do(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        read(path)
    assert words in info.value.reason_en
    assert "report JSON" not in info.value.reason_en


# --- tracked changes ----------------------------------------------------------------------


def test_a_row_deleted_with_changes_tracked_is_not_read() -> None:
    """The clerk replaced a row of Table 三 with changes tracked: Word shows the old row
    struck out (``w:trPr/w:del``) above the new one; only the new one is the report's."""
    doc = filled(CITY)
    key = ("requests", "results", "disclosed", "natural_person")
    row = doc.cells[key].getparent()
    assert row is not None
    old = copy.deepcopy(row)
    for cell in old.iter(w("tc")):
        text = "".join(cell.itertext())
        if text.isdigit():
            set_text(cell, str(int(text) + 5))
    pr = old.find(w("trPr"))
    if pr is None:
        pr = etree.Element(w("trPr"))
        old.insert(0, pr)
    etree.SubElement(pr, w("del"), {w("id"): "9", w("author"): "clerk"})
    new_pr = row.find(w("trPr"))
    if new_pr is None:
        new_pr = etree.Element(w("trPr"))
        row.insert(0, new_pr)
    etree.SubElement(new_pr, w("ins"), {w("id"): "10", w("author"): "clerk"})
    row.addprevious(old)
    record = read_docx(doc.docx())
    assert summary(record) == summary(read_docx(filled(CITY).docx()))


def test_a_cell_deleted_with_changes_tracked_is_gone_from_the_grid() -> None:
    doc = filled(CITY)
    key = ("requests", "results", "disclosed", "commercial_enterprise")
    cell = doc.cells[key]
    ghost = copy.deepcopy(cell)
    set_text(ghost, "77")
    pr = ghost.find(w("tcPr"))
    if pr is None:
        pr = etree.Element(w("tcPr"))
        ghost.insert(0, pr)
    etree.SubElement(pr, w("cellDel"), {w("id"): "11", w("author"): "clerk"})
    cell.addprevious(ghost)
    record = read_docx(doc.docx())
    assert summary(record) == summary(read_docx(filled(CITY).docx()))


def test_a_non_breaking_hyphen_is_a_hyphen() -> None:
    doc = filled(CITY)
    end = doc.body.find(w("sectPr"))
    assert end is not None
    contact = etree.fromstring(
        f'<w:p xmlns:w="{w("")[1:-1]}"><w:r><w:t>联系电话：0000</w:t><w:noBreakHyphen/>'
        "<w:t>12345678</w:t></w:r></w:p>"
    )
    doc.body.findall(w("p"))[3].addnext(contact)
    record = read_docx(doc.docx())
    assert "联系电话：0000-12345678" in str(record.to_dict())


# --- alternative-format chunks: a web page inside the .docx ---------------------------------


def _chunked(page: bytes, part: str, content_type: str, *, before: str = "") -> bytes:
    """A "Word" file as web systems export it (html-docx-js, docx4j): a body holding only
    ``w:altChunk``, naming a web page Word converts when it opens the document."""
    ns = (
        f'xmlns:w="{w("")[1:-1]}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    )
    lead = f"<w:p><w:r><w:t>{before}</w:t></w:r></w:p>" if before else ""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{lead}'
        '<w:altChunk r:id="htmlChunk"/><w:sectPr/></w:body></w:document>'
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/word/document.xml" ContentType="'
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
            f'"/><Override PartName="/{part}" ContentType="{content_type}"/></Types>'
        ).encode(),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ).encode(),
        "word/_rels/document.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="htmlChunk" Type="{rel}/aFChunk" '
            f'Target="/{part}"/></Relationships>'
        ).encode(),
        "word/document.xml": document.encode(),
        part: page,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("part", "content_type", "shape"),
    [
        ("word/afchunk.mht", "message/rfc822", "mht"),
        ("word/chunk1.html", "text/html", "html"),
    ],
)
def test_a_web_page_inside_a_docx_is_read(part: str, content_type: str, shape: str) -> None:
    page = wordhtml.render(CITY)
    data = _mht(page, "quoted-printable") if shape == "mht" else page.encode("gb18030")
    record = read_docx(_chunked(data, part, content_type))
    expected = read_html(page)
    assert [(c.key, c.raw) for c in record.cells] == [(c.key, c.raw) for c in expected.cells]
    assert len(record.cells) > 100
    assert (record.title, record.organ, record.year) == (expected.title, CITY.organ, CITY.year)
    assert [s.key for s in record.sections] == [s.key for s in expected.sections]


@pytest.mark.parametrize(
    ("char", "font", "printed"), [("2014", "宋体", "—"), ("FF0F", "宋体", "／")]
)
def test_a_symbol_inserted_in_a_unicode_font_is_its_character(
    char: str, font: str, printed: str
) -> None:
    """Insert > Symbol writes ``w:sym``: a — or ／ in the empty cells reads as typed; a
    symbol font's private code (a Wingdings tick) is no text."""
    typed, inserted = filled(CITY), filled(CITY)
    zero = [key for key, cell in typed.cells.items() if "".join(cell.itertext()) == "0"]
    assert zero
    for key in zero:
        set_text(typed.cells[key], printed)
        p = inserted.cells[key].find(w("p"))
        assert p is not None
        for run in p.findall(w("r")):
            p.remove(run)
        run = etree.SubElement(p, w("r"))
        etree.SubElement(run, w("sym"), {w("font"): font, w("char"): char})
        etree.SubElement(run, w("sym"), {w("font"): "Wingdings", w("char"): "F0FC"})
    assert summary(read_docx(inserted.docx())) == summary(read_docx(typed.docx()))


def test_a_table_split_anywhere_with_its_figures_left_blank_is_still_a_table() -> None:
    """Clerks leave zero cells empty. Split over a page at any row (the last rows of Table
    三 alone: labels beside empty cells), each part is read as the table it is, never as
    text framed by a table."""
    figures = ("requests", "proactive", "appeals")

    def blank() -> Filled:
        doc = filled(CITY)
        for key, cell in doc.cells.items():
            if key[0] in figures:
                set_text(cell, "")
        return doc

    whole = summary(read_docx(blank().docx()))
    for t, count in enumerate(len(tbl.findall(w("tr"))) for tbl in blank().body.iter(w("tbl"))):
        for at in range(2, count):
            doc = blank()
            first = doc.body.findall(w("tbl"))[t]
            second = copy.deepcopy(first)
            for row in second.findall(w("tr")):
                second.remove(row)
            second.extend(first.findall(w("tr"))[at:])
            gap = paragraph("")
            first.addnext(gap)
            gap.addnext(second)
            assert summary(read_docx(doc.docx())) == whole, (t, at)


def test_an_opendocument_file_says_what_it_is(tmp_path: Path) -> None:
    """An .odt (as WPS and LibreOffice save it) under a .docx name: its first entry,
    stored, is ``mimetype``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    path = tmp_path / "report.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReadError) as info:
        read(path)
    assert "OpenDocument" in info.value.reason_en
