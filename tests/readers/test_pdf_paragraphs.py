"""PDF narrative: a section heading set flush left right after a paragraph's full last line.

Offices that do not indent their headings (WPS's default heading styles, many templates)
print ``二、主动公开政府信息情况`` at the left margin; when the paragraph before it happens
to end in a full line, neither an indent nor a short last line says a paragraph ends.
The heading must still be a heading, never the end of that paragraph. Drawn with
:mod:`.pdfbuild`; a font with a predefined CJK CMap (no ToUnicode, as older print drivers
and iText write) is read too.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.published.readers import read_pdf

from .pdfbuild import Canvas, document, stream

TITLE = "某县教育局2024年政府信息公开工作年度报告"
FULL = "本局坚持以公开为常态、不公开为例外，持续深化政务公开工作，按时完"  # 32 characters
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]
LEFT, SIZE, LINES = 72.0, 14.0, 32


def _page(full_lines: int, indent: bool) -> bytes:  # noqa: FBT001 - drawn
    """Title, then each heading at the left margin (or indented) after a paragraph of
    ``full_lines`` full lines, its first indented by two characters."""
    canvas = Canvas()
    top = 60.0
    canvas.text(120, top, TITLE, size=18)
    top += 40
    for heading in HEADINGS:
        canvas.text(LEFT + (2 * SIZE if indent else 0), top, heading, size=SIZE)
        top += SIZE * 1.5
        for i in range(full_lines):
            text = FULL[2:] + "成。" if i == 0 else FULL
            canvas.text(LEFT + (2 * SIZE if i == 0 else 0), top, text[:LINES], size=SIZE)
            top += SIZE * 1.5
    return canvas.pdf()


@settings(max_examples=10, deadline=None)
@given(full_lines=st.integers(1, 4), indent=st.booleans())
def test_a_heading_after_a_full_last_line_is_a_heading(full_lines: int, indent: bool) -> None:  # noqa: FBT001 - drawn
    record = read_pdf(_page(full_lines, indent), name="flush.pdf")
    assert [s.heading for s in record.sections] == HEADINGS
    assert (record.organ, record.year) == ("某县教育局", 2024)
    for section in record.sections:
        assert all("、" not in p[:3] for p in section.opening)


def test_a_predefined_cjk_cmap_without_tounicode() -> None:
    """STSong-Light with UniGB-UCS2-H, no ToUnicode: the text is read, flush-left headings
    included."""
    lines = [TITLE, *HEADINGS]
    content = b"\n".join(
        b"BT /F1 12 Tf 1 0 0 1 72 %d Tm <%s> Tj ET"
        % (780 - 20 * i, text.encode("utf-16-be").hex().upper().encode())
        for i, text in enumerate(lines)
    )
    data = document(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            (
                b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                b"/DescendantFonts [4 0 R] >>"
            ),
            (
                b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
                b"<< /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor "
                b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
                b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 "
                b"/CapHeight 700 /StemV 80 >> /DW 1000 >>"
            ),
            (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>"
            ),
            stream(content),
        ]
    )
    record = read_pdf(data, name="stsong.pdf")
    assert (record.title, record.organ, record.year) == (TITLE, "某县教育局", 2024)
    assert [s.heading for s in record.sections] == HEADINGS
