"""Writing small PDFs by hand, for what LibreOffice cannot be made to produce (not a test module).

WPS, print drivers and broken producers write things "save as PDF" from LibreOffice never
does: fonts whose ToUnicode maps ideographs to Kangxi radicals or to nothing, text rotated
in table headers, numbers in a larger font than their labels, tables without rules, and the
hostile files a reader must survive. :func:`document` assembles objects into a PDF with a
correct cross-reference table; :class:`Canvas` draws text (one CID font, Identity-H, whose
ToUnicode is given) and rules on pages.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


def document(objects: Sequence[bytes], *, trailer: bytes = b"", xref: bool = True) -> bytes:
    """A PDF of ``objects`` (object ``n`` is ``objects[n - 1]``; object 1 is the catalog)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % (start if xref else 999999)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, compress: bool = True) -> bytes:
    """A stream object's body."""
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _cmap(unicode_of: Mapping[int, str]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Custom def /CMapType 2 def",
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    items = sorted(unicode_of.items())
    for start in range(0, len(items), 100):
        chunk = items[start : start + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        lines.extend(
            b"<%04X> <%s>" % (code, text.encode("utf-16-be").hex().upper().encode())
            for code, text in chunk
        )
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(lines)


@attrs.define
class Canvas:
    """Pages of text and rules, in points from the top-left corner (as readers report them).

    Every character is drawn as the glyph whose code is its code point; the font's ToUnicode
    maps each code to the character itself, unless ``unicode_of`` says otherwise (a Kangxi
    radical for 一, a Private Use code, or nothing at all with ``None``).
    """

    width: float = 595.3
    height: float = 841.9
    unicode_of: dict[str, str | None] = attrs.Factory(dict)
    pages: list[list[bytes]] = attrs.Factory(lambda: [[]])
    used: set[str] = attrs.Factory(set)
    current: int = -1  # the page drawn on (the last by default)

    def new_page(self) -> None:
        self.pages.append([])

    def text(self, x: float, top: float, text: str, *, size: float = 12.0, rotate: int = 0) -> None:
        """``text`` from ``(x, top)``, left to right (``rotate=90``: bottom to top).

        Ideographs are one em wide, ASCII characters half an em.
        """
        self.used.update(text)
        codes = "".join(f"{ord(c):04X}" for c in text)
        baseline = self.height - top - size * 0.88
        if rotate == 90:
            matrix = b"0 1 -1 0 %.2f %.2f" % (x + size * 0.88, self.height - top - size)
        else:
            matrix = b"1 0 0 1 %.2f %.2f" % (x, baseline)
        self.pages[self.current].append(
            b"BT /F1 %.2f Tf %s Tm <%s> Tj ET" % (size, matrix, codes.encode())
        )

    def line(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A rule from ``(x0, top)`` to ``(x1, bottom)`` (horizontal or vertical)."""
        self.pages[self.current].append(
            b"0.5 w %.2f %.2f m %.2f %.2f l S" % (x0, self.height - top, x1, self.height - bottom)
        )

    def image(self) -> None:
        """A full-page image (what a scanner produces)."""
        self.pages[self.current].append(b"q 500 0 0 700 40 60 cm /Im1 Do Q")

    def pdf(self) -> bytes:
        mapping: dict[int, str] = {}
        for char in self.used:
            target = self.unicode_of.get(char, char)
            if target is not None:
                mapping[ord(char)] = target
        n_pages = len(self.pages)
        # 1 catalog, 2 pages, 3 font, 4 descendant, 5 ToUnicode, 6 image, then page/content
        objects: list[bytes] = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % (7 + 2 * i) for i in range(n_pages)), n_pages),
            (
                b"<< /Type /Font /Subtype /Type0 /BaseFont /Made /Encoding /Identity-H "
                b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
            ),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Made /DW 1000 "
            b"/W [32 [%s]] "
            % b" ".join([b"500"] * 95)
            + b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor << /Type /FontDescriptor /FontName /Made /Flags 4 "
            b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
            b"/CapHeight 700 /StemV 80 >> >>",
            stream(_cmap(mapping)),
            stream(
                b"\x80" * 16,
                b" /Type /XObject /Subtype /Image /Width 4 /Height 4 "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8",
            ),
        ]
        for content in self.pages:
            page_no = len(objects) + 1
            objects.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.1f %.1f] /Contents %d 0 R "
                b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> >>"
                % (self.width, self.height, page_no + 1)
            )
            objects.append(stream(b"\n".join(content)))
        return document(objects)
