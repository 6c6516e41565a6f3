"""Reading a report from a PDF (``read_pdf``), cell for cell, from the page's own geometry.

Why one module: the page's geometry (ruling lines, glyphs placed in cells, lines into
paragraphs) is one pass over pdfplumber's objects, the only module that loads it.

A PDF has no paragraphs and no tables, only glyphs at positions and the lines drawn between
them. Flat page text interleaves a label wrapped inside its cell with the numbers of the row
and puts a number printed in a larger font before its label, so the page is never read line
by line. Instead:

* **Tables** are rebuilt from their ruling lines and cell rectangles (pdfplumber's lattice
  finder): the distinct cell edges give the table's grid, a cell spanning several grid columns
  or rows is a merged cell, and every glyph is placed in the cell that contains its centre.
  The grid goes to the same label matching as the web page and .docx readers
  (:func:`~govinfo_report.published.readers._interpret.interpret`). A table split over pages
  is joined into one grid (repeated header rows are headers, a label cut by the page break is
  joined by the interpreter). A table printed without rules (borders off) is rebuilt from
  its text: columns from the x-ranges of its lowest header cells, rows from the y-ranges of
  its row labels, every glyph placed by position, and an R-GRID note says so.
* **Narrative** comes from the glyphs outside tables, joined into lines by vertical overlap
  and into paragraphs by their first-line indent (GB/T 9704's two characters) and their
  short last line; page numbers (``- 3 -``, ``— 3 —``, ``第3页``) and running headers and
  footers repeated on most pages are dropped.
* **What a PDF cannot say** is said: glyphs without a Unicode mapping (no ToUnicode, Private
  Use Area) make their cell R-UNREAD instead of a guessed value; a scanned PDF (no text
  layer) is refused as a scan (there is no OCR here); an encrypted PDF is opened with the
  empty user password or refused.

Untrusted files: the size of every compressed stream is measured before pdfminer inflates
anything (a stream bomb is refused), the objects, pages and page content are bounded, and
parse errors of a broken file become a :class:`~govinfo_report.ReadError`. Actions
(JavaScript, launch, links) are never looked at.
"""

from __future__ import annotations

import bisect
import io
import os
import re
import time
import unicodedata
import zlib
from collections import Counter
from typing import TYPE_CHECKING, Any, Final

import attrs

from govinfo_report import labels
from govinfo_report._io import read_bytes
from govinfo_report.cells import cell_by_key
from govinfo_report.errors import ReadError
from govinfo_report.findings import Place, make_finding
from govinfo_report.published.readers._blocks import Grid, Para, TextCell
from govinfo_report.published.readers._interpret import interpret, is_row_label, match_section
from govinfo_report.published.readers._normal import compact, is_value, squash
from govinfo_report.published.record import PublishedReport, Source, Unread

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from govinfo_report.model import Contact, Publication
    from govinfo_report.published.readers._blocks import Block

__all__ = [
    "MAX_OBJECTS",
    "MAX_PAGES",
    "MAX_PAGE_CONTENT",
    "MAX_SECONDS",
    "MAX_STREAM",
    "MAX_STREAMS_TOTAL",
    "read_pdf",
]

#: Most pages a report may have (they run to 5-20).
MAX_PAGES: Final = 500
#: Most indirect objects (a report PDF has a few hundred).
MAX_OBJECTS: Final = 100_000
#: Most bytes one stream may inflate to.
MAX_STREAM: Final = 64 * 1024 * 1024
#: Most bytes all streams together may inflate to.
MAX_STREAMS_TOTAL: Final = 160 * 1024 * 1024
#: Most bytes of drawing instructions one page may have (a dense page has ~100 KB).
MAX_PAGE_CONTENT: Final = 4 * 1024 * 1024
#: Most seconds reading may take, in all.
MAX_SECONDS: Final = 120.0

_INSTALL_ZH: Final = "读取 PDF 需要 pdfplumber：pip install 'govinfo-report[pdf]'"
_INSTALL_EN: Final = "reading PDFs needs pdfplumber: pip install 'govinfo-report[pdf]'"

_UNMAPPED: Final = "\ufffd"
_CID: Final = re.compile(r"^\(cid:\d+\)$")


def read_pdf(source: bytes | str | os.PathLike[str], *, name: str | None = None) -> PublishedReport:
    """Read a report from a PDF: ``source`` is its bytes or a path."""
    if isinstance(source, bytes):
        data = source
        name = name or "<pdf>"
    else:
        name = name or os.fspath(source)
        data = read_bytes(source)
    if b"%PDF-" not in data[:1024]:
        raise ReadError(name, "不是 PDF 文件（没有 %PDF- 文件头）", "not a PDF (no %PDF- header)")
    check_streams(data, name)
    pages = _Document(data, name).pages()
    layout = _Layout(pages)
    record = interpret(layout.blocks(), source=name, fmt="pdf")
    return _generated_opening(_unmapped_cells(_borderless_notes(record, layout.borderless)))


# --- bounds -------------------------------------------------------------------------------

_STREAM: Final = re.compile(rb"stream\r?\n")
_CHUNK: Final = 1024 * 1024


def check_streams(data: bytes, name: str) -> None:
    """Refuse a PDF whose compressed streams would inflate beyond the bounds.

    Every ``stream`` keyword is tried as the start of a zlib stream and inflated in chunks
    that are counted and dropped, so the check costs bounded memory whatever the file says
    about its lengths (a broken or lying ``/Length`` does not matter).
    """
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        if data[start : start + 1] not in (b"x", b"h", b"X", b"("):
            # zlib streams start with 0x78 ("x") or 0x68/0x58/0x28 for small windows
            continue
        inflater = zlib.decompressobj()
        size = 0
        chunk = data[start : start + _CHUNK]
        offset = start + len(chunk)
        try:
            while True:
                out = inflater.decompress(chunk, _CHUNK)
                size += len(out)
                while inflater.unconsumed_tail and size <= MAX_STREAM:
                    out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                    size += len(out)
                if size > MAX_STREAM or inflater.eof or offset >= len(data):
                    break
                chunk = data[offset : offset + _CHUNK]
                offset += len(chunk)
        except zlib.error:
            pass  # not zlib data, or corrupt: pdfminer will see what it can
        if size > MAX_STREAM:
            raise _bomb(
                name,
                f"一个数据流解压后超过 {MAX_STREAM} 字节",
                f"a stream inflates beyond {MAX_STREAM} bytes",
            )
        total += size
        if total > MAX_STREAMS_TOTAL:
            raise _bomb(
                name,
                f"数据流解压后共超过 {MAX_STREAMS_TOTAL} 字节",
                f"the streams inflate beyond {MAX_STREAMS_TOTAL} bytes in all",
            )


#: Arrays or dictionaries nested 500 deep in the file's plain text: no producer writes them.
_DEEP: Final = re.compile(rb"(?:\[\s*){500}|(?:<<\s*){500}")
_STARTXREF: Final = re.compile(rb"startxref\s+\d+")


def _page_count(pdf: Any) -> int:  # noqa: ANN401 - pdfplumber's PDF
    """The page count the page tree's root declares (0 when it declares none)."""
    from pdfminer.pdftypes import resolve1  # noqa: PLC0415 - optional dependency

    catalog = pdf.doc.catalog
    pages = resolve1(catalog.get("Pages")) if isinstance(catalog, dict) else None
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    return count if isinstance(count, int) and count > 0 else 0


def _close(pdf: Any) -> None:  # noqa: ANN401 - pdfplumber's PDF
    """Close ``pdf`` without pdfplumber's ``close``, which first loads every page."""
    if hasattr(pdf, "_pages"):
        pdf.close()
    else:
        pdf.flush_cache()


def _without_xref(data: bytes) -> bytes:
    """``data`` with its ``startxref`` pointing nowhere, so pdfminer scans for objects."""
    return _STARTXREF.sub(b"startxref 0", data)


def _refuse(name: str, zh: str, en: str) -> ReadError:
    return ReadError(name, zh, en)


def _bomb(name: str, zh: str, en: str) -> ReadError:
    return ReadError(name, f"{zh}，疑似压缩炸弹，拒绝读取", f"{en} (a compression bomb?); refused")


# --- the document: pages of glyphs, rules and tables ----------------------------------------


@attrs.frozen(kw_only=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool
    rising: bool  # rotated text read bottom to top


@attrs.frozen(kw_only=True)
class _Cell:
    row: int
    col: int
    bbox: tuple[float, float, float, float]


@attrs.frozen(kw_only=True)
class _Table:
    bbox: tuple[float, float, float, float]
    cells: tuple[_Cell, ...]
    texts: tuple[str, ...]  # the text of each cell, in the order of ``cells``
    xs: tuple[float, ...]  # the grid's column edges
    ruled: bool = True


@attrs.frozen(kw_only=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    chars: tuple[_Char, ...] = attrs.field(default=(), eq=False, repr=False)


@attrs.frozen(kw_only=True)
class _Page:
    number: int
    width: float
    height: float
    tables: tuple[_Table, ...]
    lines: tuple[_Line, ...]


def _pdfplumber() -> Any:  # noqa: ANN401 - the optional module
    try:
        import pdfplumber  # noqa: PLC0415 - optional dependency, loaded only for PDFs
    except ImportError:
        return None
    return pdfplumber


# Kangxi radicals, CJK radicals and CJK compatibility ideographs: fonts whose ToUnicode maps
# a glyph to one of these (WPS does, for 一 二 八 …) print the ordinary ideograph.
_COMPAT_RANGES: Final = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))


def _normal_char(text: str) -> str:
    """One glyph's text: compatibility ideographs as the ideograph, unmapped as U+FFFD."""
    if len(text) != 1:
        return _UNMAPPED if _CID.match(text) else text
    code = ord(text)
    if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:  # noqa: PLR2004 - Private Use Areas
        return _UNMAPPED
    for low, high in _COMPAT_RANGES:
        if low <= code <= high:
            return unicodedata.normalize("NFKC", text)
    return text


class _Document:
    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.name = name

    def pages(self) -> list[_Page]:  # noqa: C901, PLR0912 - one refusal per way a PDF fails
        plumber = _pdfplumber()
        if plumber is None:
            raise _refuse(self.name, _INSTALL_ZH, _INSTALL_EN)
        from pdfminer.pdfdocument import PDFPasswordIncorrect  # noqa: PLC0415 - optional

        started = time.monotonic()
        if _DEEP.search(self.data):
            raise _refuse(self.name, "PDF 结构嵌套过深", "the PDF's structure is nested too deeply")
        try:
            pdf = plumber.open(io.BytesIO(self.data), password="")
            if not _page_count(pdf) and b" obj" in self.data:
                # a cross-reference table pointing nowhere: let pdfminer find the objects
                _close(pdf)
                pdf = plumber.open(io.BytesIO(_without_xref(self.data)), password="")
        except Exception as exc:  # noqa: BLE001 - any parse failure of an untrusted file
            raise self._open_failure(exc, PDFPasswordIncorrect) from None
        try:
            self._check_objects(pdf)
            pages: list[_Page] = []
            any_image = False
            try:
                count = _page_count(pdf)
                if count <= MAX_PAGES:
                    count = len(pdf.pages)
            except RecursionError:
                raise _refuse(
                    self.name, "PDF 页面树嵌套过深", "the PDF's page tree is nested too deeply"
                ) from None
            except Exception as exc:  # noqa: BLE001 - any parse failure of an untrusted file
                raise self._broken(exc) from None
            if count > MAX_PAGES:
                raise _refuse(
                    self.name,
                    f"PDF 有 {count} 页，超过 {MAX_PAGES} 页的上限，远超任何一份年度报告",
                    f"the PDF has {count} pages, more than the limit of {MAX_PAGES}",
                )
            for number, page in enumerate(pdf.pages, start=1):
                self._check_content(page, number)
                try:
                    pages.append(_read_as_text_runs(plumber, page, number))
                    any_image = any_image or bool(page.images)
                except RecursionError:
                    raise _refuse(
                        self.name,
                        f"第 {number} 页结构嵌套过深",
                        f"page {number} is nested too deeply",
                    ) from None
                except Exception as exc:  # noqa: BLE001 - any parse failure of an untrusted file
                    raise self._broken(exc, number) from None
                finally:
                    page.close()
                if time.monotonic() - started > MAX_SECONDS:
                    raise _refuse(
                        self.name,
                        f"读取超过 {MAX_SECONDS:.0f} 秒仍未完成，拒绝读取",
                        f"reading took more than {MAX_SECONDS:.0f} seconds; refused",
                    )
        finally:
            _close(pdf)
        if not any(p.lines or p.tables for p in pages):
            if any_image:
                raise _refuse(
                    self.name,
                    "这是扫描件：PDF 只有图像，没有文字层；本工具不做文字识别（OCR），"
                    "请向发布机关索取文字版，或用 OCR 软件转换后再读",
                    "this is a scan: the PDF has images but no text layer; this tool does not "
                    "do OCR: ask for the text version, or convert it with OCR software first",
                )
            raise _refuse(self.name, "PDF 中没有文字", "the PDF contains no text")
        return pages

    def _open_failure(self, exc: Exception, password: type[Exception]) -> ReadError:
        """The refusal for a PDF pdfplumber cannot open (it wraps pdfminer's errors)."""
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(cause, password):
            return _refuse(
                self.name,
                "PDF 已加密，需要密码才能打开（用户密码不为空）",
                "the PDF is encrypted and needs a password (its user password is not empty)",
            )
        if isinstance(cause, RecursionError):
            return _refuse(
                self.name, "PDF 结构嵌套过深", "the PDF's structure is nested too deeply"
            )
        return self._broken(cause)

    def _broken(self, exc: BaseException, page: int | None = None) -> ReadError:
        where_zh = f"第 {page} 页" if page else "PDF"
        where_en = f"page {page}" if page else "the PDF"
        detail = squash(str(exc))[:200] or type(exc).__name__
        return _refuse(
            self.name,
            f"{where_zh}已损坏或无法解析（{detail}）",
            f"{where_en} is corrupt or cannot be parsed ({detail})",
        )

    def _check_objects(self, pdf: Any) -> None:  # noqa: ANN401 - pdfplumber's PDF
        count = 0
        for xref in pdf.doc.xrefs:
            count += sum(1 for _ in xref.get_objids())
        if count > MAX_OBJECTS:
            raise _refuse(
                self.name,
                f"PDF 有 {count} 个对象，超过 {MAX_OBJECTS} 个的上限",
                f"the PDF has {count} objects, more than the limit of {MAX_OBJECTS}",
            )

    def _check_content(self, page: Any, number: int) -> None:  # noqa: ANN401 - pdfplumber's Page
        try:
            streams = page.page_obj.contents
            size = sum(len(s.get_data()) for s in streams)
        except RecursionError:
            raise _refuse(
                self.name, f"第 {number} 页结构嵌套过深", f"page {number} is nested too deeply"
            ) from None
        except Exception as exc:  # noqa: BLE001 - any parse failure of an untrusted file
            raise self._broken(exc, number) from None
        if size > MAX_PAGE_CONTENT:
            raise _refuse(
                self.name,
                f"第 {number} 页的绘制指令超过 {MAX_PAGE_CONTENT} 字节",
                f"page {number} has more than {MAX_PAGE_CONTENT} bytes of drawing instructions",
            )


def _sideways(page: Any) -> bool:  # noqa: ANN401 - pdfplumber's Page
    """Whether most of a rotated page's text runs other than left to right as displayed.

    A page's ``/Rotate`` turns its text with it: a page set to be shown sideways or upside
    down (a scanner's or a merging tool's setting; a person turns the page to read it)
    gives glyphs running down, up or right to left. Text drawn turned on a page rotated
    back upright (a print driver's landscape page) runs left to right: read as shown.
    """
    chars = [c for c in page.chars if c["text"].strip()]
    normal = sum(
        1 for c in chars if c.get("upright", True) and float((c.get("matrix") or (1,))[0]) > 0
    )
    return 2 * normal < len(chars)


def _read_as_text_runs(plumber: Any, page: Any, number: int) -> _Page:  # noqa: ANN401 - pdfplumber's
    """:func:`_read_page` of ``page``, without its ``/Rotate`` where that turns its text."""
    if not (page.rotation and _sideways(page)):
        return _read_page(page, number)
    page.page_obj.attrs = {**page.page_obj.attrs, "Rotate": 0}
    page.page_obj.rotate = 0
    unrotated = plumber.page.Page(
        page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop
    )
    try:
        return _read_page(unrotated, number)
    finally:
        unrotated.close()


def _chars(page: Any) -> list[_Char]:  # noqa: ANN401 - pdfplumber's Page
    chars = []
    for c in page.chars:
        text = _normal_char(c["text"])
        if not text.strip():
            text = " "  # an explicit space glyph: kept as a word break
        matrix = c.get("matrix") or (1, 0, 0, 1, 0, 0)
        chars.append(
            _Char(
                text=text,
                x0=float(c["x0"]),
                x1=float(c["x1"]),
                top=float(c["top"]),
                bottom=float(c["bottom"]),
                size=float(c.get("size") or (c["bottom"] - c["top"])),
                upright=bool(c.get("upright", True)),
                rising=float(matrix[1]) > 0,
            )
        )
    return chars


def _read_page(page: Any, number: int) -> _Page:  # noqa: ANN401 - pdfplumber's Page
    chars = _chars(page)
    found = page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
    tables: list[_Table] = []
    placed: set[int] = set()
    for table in found:
        built = _grid(table.cells)
        if built is None or len(built[1]) <= 2:  # noqa: PLR2004 - one column: framed text
            continue
        cells, xs, ys = built
        bbox: tuple[float, float, float, float] = tuple(float(v) for v in table.bbox)  # type: ignore[assignment]
        buckets: list[list[_Char]] = [[] for _ in cells]
        stray: list[_Char] = []
        for i, ch in enumerate(chars):
            if i in placed:
                continue
            cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
            if not (bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]):
                continue
            placed.add(i)
            for k, cell in enumerate(cells):
                x0, top, x1, bottom = cell.bbox
                if x0 <= cx <= x1 and top <= cy <= bottom:
                    buckets[k].append(ch)
                    break
            else:
                stray.append(ch)
        texts = [_cell_text(b) for b in buckets]
        # Glyphs inside the table but in no closed cell (a rule the producer left out):
        # each run of them is a cell of the grid row and column it stands in.
        for run in _runs(stray):
            x0, top = run[0].x0, min(c.top for c in run)
            middle = (top + max(c.bottom for c in run)) / 2
            row = max(0, bisect.bisect_right(ys, middle) - 1)
            cells.append(
                _Cell(
                    row=min(row, len(ys) - 2),
                    col=max(0, bisect.bisect_right(xs, x0 + 1.0) - 1),
                    bbox=(x0, top, max(c.x1 for c in run), max(c.bottom for c in run)),
                )
            )
            texts.append(_cell_text(run))
        order = sorted(
            range(len(cells)), key=lambda k: (cells[k].row, cells[k].col, cells[k].bbox[0])
        )
        tables.append(
            _Table(
                bbox=bbox,
                cells=tuple(cells[k] for k in order),
                texts=tuple(texts[k] for k in order),
                xs=xs,
            )
        )
    rest = [ch for i, ch in enumerate(chars) if i not in placed]
    return _Page(
        number=number,
        width=float(page.width),
        height=float(page.height),
        tables=tuple(tables),
        lines=tuple(_lines(rest)),
    )


def _snap(values: Iterable[float], tolerance: float = 2.0) -> list[float]:
    edges: list[float] = []
    for v in sorted(values):
        if not edges or v - edges[-1] > tolerance:
            edges.append(v)
    return edges


def _index(edges: list[float], v: float) -> int:
    i = bisect.bisect_left(edges, v - 2.0)
    return min(i, len(edges) - 1)


def _grid(
    bboxes: Sequence[tuple[float, float, float, float]],
) -> tuple[list[_Cell], tuple[float, ...], list[float]] | None:
    """The cells of a ruled table at their grid positions, the column and row edges."""
    if not bboxes:
        return None
    xs = _snap(v for b in bboxes for v in (b[0], b[2]))
    ys = _snap(v for b in bboxes for v in (b[1], b[3]))
    cells = [
        _Cell(row=_index(ys, b[1]), col=_index(xs, b[0]), bbox=tuple(float(v) for v in b))  # type: ignore[arg-type]
        for b in bboxes
    ]
    cells.sort(key=lambda c: (c.row, c.col))
    return cells, tuple(xs), ys


def _runs(chars: list[_Char]) -> list[list[_Char]]:
    """Glyphs split into lines, and lines at gaps wider than a glyph: one run per cell."""
    runs: list[list[_Char]] = []
    for line in _overlap_lines(chars):
        run: list[_Char] = []
        for ch in line:
            if run and ch.x0 - run[-1].x1 > max(ch.size, run[-1].size):
                runs.append(run)
                run = []
            run.append(ch)
        if run:
            runs.append(run)
    return [r for r in runs if any(c.text != " " for c in r)]


def _overlap_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Upright glyphs grouped into lines: a glyph whose middle lies within a line joins it."""
    lines: list[tuple[float, float, list[_Char]]] = []
    for ch in sorted(chars, key=lambda c: (c.top, c.x0)):
        middle = (ch.top + ch.bottom) / 2
        for i, (top, bottom, members) in enumerate(lines):
            if top <= middle <= bottom or (
                (members[0].top + members[0].bottom) / 2 >= ch.top
                and (members[0].top + members[0].bottom) / 2 <= ch.bottom
            ):
                members.append(ch)
                lines[i] = (min(top, ch.top), max(bottom, ch.bottom), members)
                break
        else:
            lines.append((ch.top, ch.bottom, [ch]))
    lines.sort(key=lambda line: line[0])
    return [sorted(members, key=lambda c: c.x0) for _, _, members in lines]


def _latin(text: str) -> bool:
    return text.isascii() and not text.isspace()


def _join_chars(chars: Sequence[_Char]) -> str:
    """The glyphs of one line as text.

    Space glyphs are kept; between two Latin glyphs a gap wider than a third of a glyph is a
    word break too (producers often draw no space glyph). Justified Chinese lines spread
    their glyphs apart: gaps between ideographs are never spaces.
    """
    out: list[str] = []
    previous: _Char | None = None
    for ch in chars:
        if (
            previous is not None
            and _latin(ch.text)
            and _latin(previous.text)
            and ch.x0 - previous.x1 > max(ch.size, previous.size) / 3
        ):
            out.append(" ")
        out.append(ch.text)
        previous = ch
    return squash("".join(out))


def _cell_text(chars: list[_Char]) -> str:
    """A cell's text: its lines joined (a label wrapped in its cell is one label)."""
    if not chars:
        return ""
    upright = [c for c in chars if c.upright]
    rotated = [c for c in chars if not c.upright]
    parts = [_join_chars(line) for line in _overlap_lines(upright)]
    if rotated:
        # rotated text: columns of glyphs, read up (rising) or down
        columns: dict[int, list[_Char]] = {}
        for ch in rotated:
            columns.setdefault(round(ch.x0 / max(ch.size, 1.0)), []).append(ch)
        rising = sum(c.rising for c in rotated) * 2 > len(rotated)
        for key in sorted(columns, reverse=not rising):
            column = sorted(columns[key], key=lambda c: c.top, reverse=rising)
            parts.append("".join(c.text for c in column))
    return squash(_join_lines(parts))


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _join_lines(parts: Sequence[str]) -> str:
    """Lines of one paragraph or cell joined as they were before wrapping.

    Chinese text wraps anywhere and a line end is no space; a space glyph ending a line is
    kept (see :func:`_lines`), so Latin words wrapped at a space stay apart.
    """
    return "".join(parts)


def _trimmed(line: list[_Char]) -> list[_Char]:
    start, end = 0, len(line)
    while start < end and line[start].text == " ":
        start += 1
    while end > start and line[end - 1].text == " ":
        end -= 1
    return line[start:end]


def _lines(chars: list[_Char]) -> list[_Line]:
    lines = []
    for line in _overlap_lines([c for c in chars if c.upright]):
        members = _trimmed(line)
        if not members:
            continue
        lines.append(
            _Line(
                text=_join_chars(members) + (" " if line[-1].text == " " else ""),
                x0=members[0].x0,
                x1=max(c.x1 for c in members),
                top=min(c.top for c in members),
                bottom=max(c.bottom for c in members),
                size=Counter(round(c.size, 1) for c in members).most_common(1)[0][0],
                chars=tuple(members),
            )
        )
    rotated = [c for c in chars if not c.upright and c.text != " "]
    if rotated:
        # rotated text outside tables (a stamp, a margin note): kept as one line to report
        lines.append(
            _Line(
                text="".join(c.text for c in rotated),
                x0=min(c.x0 for c in rotated),
                x1=max(c.x1 for c in rotated),
                top=min(c.top for c in rotated),
                bottom=max(c.bottom for c in rotated),
                size=rotated[0].size,
                chars=tuple(rotated),
            )
        )
        lines.sort(key=lambda line: line.top)
    return lines


# --- layout: pages into blocks ------------------------------------------------------------

_PAGE_NUMBER: Final = re.compile(
    r"^(?:[-—–－―‒_~·•\s]*\d{1,4}[-—–－―‒_~·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_PART_START: Final = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]")
_DIGITS: Final = re.compile(r"[\d.,\s]+")
#: A line of figures only (compacted): digits, signs, decimal points, separators.
_FIGURES: Final = re.compile(r"[\d.,、+\-−]+")
_MARGIN: Final = 0.12  # running headers and footers stand in the top and bottom 12%


class _Layout:
    def __init__(self, pages: list[_Page]) -> None:
        self.pages = pages
        self.furniture = self._running(pages)
        body = [line for page in pages for line in page.lines if not self._dropped(page, line)]
        # the left edge of the text block: where wrapped lines start (first lines are
        # indented, titles centred, signatures set right, so not the commonest start)
        starts = sorted(line.x0 for line in body)
        self.left = starts[len(starts) // 20] if starts else 0.0
        tables = [t.bbox for page in pages for t in page.tables]
        if tables:  # tables span the text block: its edges when no line wraps
            self.left = min(self.left, *(b[0] for b in tables))
        # the right edge of the text block: where most full lines end (not the commonest end,
        # which is a short line's in a document of short lines)
        ends = sorted(line.x1 for line in body)
        self.right = ends[(len(ends) * 9) // 10] if ends else 0.0
        if tables:
            self.right = max(self.right, *(b[2] for b in tables))
        self.size = _mode(round(line.size) for line in body) if body else 0.0
        self.tables = 0
        #: the tables rebuilt without rules: their section and where they begin
        self.borderless: list[tuple[str, Source]] = []

    @staticmethod
    def _running(pages: list[_Page]) -> set[str]:
        """Texts (digits as ``#``) at the top or bottom of at least half the pages.

        Figures alone are not running text: a table's row of figures may stand at the edge
        of two pages of three (``0 0 0 0 0 0 0``); page numbers are dropped by their form.
        """
        if len(pages) < 2:  # noqa: PLR2004 - one page has no running header
            return set()
        counts: Counter[str] = Counter()
        for page in pages:
            seen = set()
            for line in page.lines:
                if line.top < page.height * _MARGIN or line.bottom > page.height * (1 - _MARGIN):
                    text = compact(line.text)
                    if not _FIGURES.fullmatch(text):
                        seen.add(re.sub(r"\d+", "#", text))
            counts.update(seen)
        return {text for text, n in counts.items() if n * 2 >= len(pages) and n >= 2}  # noqa: PLR2004

    def _dropped(self, page: _Page, line: _Line) -> bool:
        """A page number or running header or footer: a line in the top or bottom margin."""
        edge = line.top < page.height * _MARGIN or line.bottom > page.height * (1 - _MARGIN)
        if not edge:
            return False
        text = compact(line.text)
        return bool(_PAGE_NUMBER.match(text)) or re.sub(r"\d+", "#", text) in self.furniture

    def blocks(self) -> list[Block]:  # noqa: C901, PLR0915 - one pass over the page items
        blocks: list[Block] = []
        pending: list[tuple[_Page, _Table]] = []  # parts of one table split over pages
        para: list[tuple[_Page, int, _Line]] = []
        # the lines of a table's section while no ruled table has come: a table without rules?
        waiting: list[tuple[_Page, int, _Line]] | None = None
        section = ""

        def flush_para() -> None:
            if para:
                blocks.append(self._para(para))
                para.clear()

        def flush_table() -> None:
            if pending:
                blocks.append(self._table(pending))
                pending.clear()

        def add_line(entry: tuple[_Page, int, _Line]) -> None:
            line = entry[2]
            if para and self._starts_paragraph(para[-1][2], line):
                flush_para()
            para.append(entry)
            if self._is_heading(line):
                flush_para()

        def flush_waiting() -> None:
            nonlocal waiting
            lines, waiting = waiting or [], None
            if not lines:
                return
            if len(lines) > _MOST_TABLE_LINES:
                for entry in lines:
                    add_line(entry)
                return
            self.tables += 1
            built = _Borderless(lines).build(self.tables)
            if built is None:
                self.tables -= 1
                for entry in lines:
                    add_line(entry)
                return
            before, grid, after = built
            for entry in before:
                add_line(entry)
            flush_para()
            blocks.append(grid)
            first = grid.rows[0][0].source
            self.borderless.append((section, Source(page=first.page, x=first.x, y=first.y)))
            for entry in after:
                add_line(entry)

        for page in self.pages:
            items: list[tuple[float, int, _Table | _Line]] = [
                (t.bbox[1], 0, t) for t in page.tables
            ]
            body = [line for line in page.lines if not self._dropped(page, line)]
            items += [(line.top, 1, line) for line in body]
            items.sort(key=lambda item: (item[0], item[1]))
            for n, (_, _, item) in enumerate(items):
                if isinstance(item, _Table):
                    for entry in waiting or []:  # a ruled table: the lines were text
                        add_line(entry)
                    waiting = None
                    flush_para()
                    if pending and not (n == 0 and self._continues(pending[-1], page)):
                        flush_table()
                    pending.append((page, item))
                    continue
                flush_table()
                entry = (page, page.lines.index(item) + 1, item)
                heading = match_section(item.text) if self._is_heading(item) else None
                if heading is not None:
                    flush_waiting()
                if waiting is not None:
                    waiting.append(entry)
                    continue
                add_line(entry)
                if heading is not None and heading[0] in labels.TABLES:
                    section = heading[0]
                    waiting = []
        flush_waiting()
        flush_para()
        flush_table()
        return blocks

    def _continues(self, previous: tuple[_Page, _Table], page: _Page) -> bool:
        """True when the table at the top of ``page`` continues the table of the page before."""
        before_page, before = previous
        if page.number != before_page.number + 1:
            return False
        after_before = [
            line
            for line in before_page.lines
            if line.top > before.bbox[3] and not self._dropped(before_page, line)
        ]
        return not after_before

    def _starts_paragraph(self, previous: _Line, line: _Line) -> bool:
        size = max(line.size, 1.0)
        if (
            line.size == previous.size
            and line.size > self.size * 1.15  # a title, larger than the text
            and line.top - previous.bottom < line.size
        ):
            return False  # a title printed over two or three lines
        if self._is_heading(line):  # a heading set flush left after a full last line
            return True
        if line.x0 - self.left >= 0.9 * size:  # a first-line indent, a centred or right line
            return True
        if previous.x1 < self.right - 2.5 * size:  # the short last line of a paragraph
            return True
        if self._is_heading(previous):
            return True
        gap = line.top - previous.bottom
        return gap > 1.8 * size  # a blank line between

    def _is_heading(self, line: _Line) -> bool:
        text = line.text
        if line.x1 >= self.right - 2.5 * max(line.size, 1.0):
            return False  # a full line is the start of a paragraph
        return match_section(text) is not None

    def _para(self, lines: list[tuple[_Page, int, _Line]]) -> Para:
        page, line_no, first = lines[0]
        text = _join_lines([line.text for _, _, line in lines])
        return Para(
            text=squash(text),
            source=Source(page=page.number, line=line_no, x=round(first.x0), y=round(first.top)),
        )

    def _table(self, parts: list[tuple[_Page, _Table]]) -> Grid:
        """One grid from a table's parts on consecutive pages.

        A cell cut by the page break (a merged label ``（四）无`` / ``法提供``, a wrapped
        label ``1.本机关不掌握相关政府信`` / ``息``) prints its text in two cells at the
        same horizontal place: the bottom one of the first part and the top one of the next.
        They are joined when together they make a row label and the second alone does not.
        """
        self.tables += 1
        entries: list[list[Any]] = []  # [grid row, cell, text, page], in reading order
        offset = 0
        previous: _Table | None = None
        first = _row_texts(parts[0][1])
        for page, table in parts:
            texts = _row_texts(table)
            top_row = min(texts)
            if previous is not None:
                # header rows repeated at the top of the page: known text, not read twice
                while top_row in texts and texts[top_row] == first.get(top_row - min(texts)):
                    top_row += 1
            for cell, text in zip(table.cells, table.texts, strict=True):
                if previous is not None and cell.row < top_row:
                    continue
                if previous is not None and cell.row == top_row and text:
                    joined = self._cut(entries, previous, cell, text)
                    if joined:
                        continue
                entries.append([offset + cell.row, cell, text, page])
            offset += max(c.row for c in table.cells) + 1
            previous = table
        rows: dict[int, list[TextCell]] = {}
        for row, cell, text, page in entries:
            rows.setdefault(row, []).append(
                TextCell(
                    text=text,
                    source=Source(
                        page=page.number,
                        table=self.tables,
                        row=row + 1,
                        column=cell.col + 1,
                        x=round(cell.bbox[0]),
                        y=round(cell.bbox[1]),
                    ),
                )
            )
        return Grid(rows=tuple(tuple(rows[r]) for r in sorted(rows)))

    @staticmethod
    def _cut(entries: list[list[Any]], previous: _Table, cell: _Cell, text: str) -> bool:
        """Join ``text`` to the cell of ``previous`` it continues, if it does (see above)."""
        bottom = previous.bbox[3]
        x0, _, x1, _ = cell.bbox
        for entry in reversed(entries):
            before: _Cell = entry[1]
            if abs(before.bbox[3] - bottom) > 2.0:  # noqa: PLR2004 - points
                continue
            if abs(before.bbox[0] - x0) > 2.0 or abs(before.bbox[2] - x1) > 2.0:  # noqa: PLR2004
                continue
            first: str = entry[2]
            # (a numeral such as 三 may stand for a value: the joined label decides)
            if not first or _DIGITS.fullmatch(first) or is_value(text):
                return False
            joined = first + text
            if not is_row_label(joined) or (
                is_row_label(text) and not is_row_label(joined, exact=True)
            ):
                return False
            entry[2] = joined
            return True
        return False


def _row_texts(table: _Table) -> dict[int, tuple[str, ...]]:
    rows: dict[int, list[str]] = {}
    for cell, text in zip(table.cells, table.texts, strict=True):
        rows.setdefault(cell.row, []).append(compact(text))
    return {r: tuple(texts) for r, texts in rows.items()}


def _mode(values: Iterable[int]) -> float:
    counts = Counter(values)
    return float(counts.most_common(1)[0][0]) if counts else 0.0


# --- tables without rules -------------------------------------------------------------------

#: A run of digits: a table's figure (ASCII or full-width digits, decimals, separators; a
#: sign before the 2019 edition's 本年增/减).
_FIGURE: Final = re.compile(r"^[-－−+＋]?[0-9０-９][0-9０-９.,，．]*$")
#: The number a row label starts with: ``1.``, ``1、``, ``（三）``, ``三、``.
_NUMBERED: Final = re.compile(
    r"^(?:[0-9０-９]{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)
_GAP: Final = 0.4  # a gap wider than this many glyphs parts two cells' texts on one line
_TOUCH: Final = 0.5  # points two boxes must share to be one above the other
#: The longest label text a wrapped line is joined to (the longest official label has 37).
_LONGEST_LABEL: Final = 120
#: The most lines a table without rules may have (Table 三 has about a hundred): more are
#: text, so that label matching stays bounded on a hostile file.
_MOST_TABLE_LINES: Final = 2000
#: Table 二's group labels of both editions (``第二十条第（九）项`` is the 2019 edition's):
#: a row of their own across the table, so a header line wherever it is centred.
_GROUP_LABELS: Final = frozenset(
    compact(group.full)
    for group in (*labels.PROACTIVE_GROUPS.values(), *labels.PROACTIVE_GROUPS_2019.values())
)


def _row_forms() -> frozenset[str]:
    """The row labels of Tables 二 and 三 of both editions, numbered ``1.`` or ``1、``."""
    rows = (
        *labels.PROACTIVE_ROWS.values(),
        *labels.PROACTIVE_ROWS_2019.values(),
        *labels.REQUEST_ROWS.values(),
        *labels.RESULT_GROUPS.values(),
        *(label for items in labels.RESULT_ITEMS.values() for label in items.values()),
    )
    forms: set[str] = set()
    for label in rows:
        numbers = {label.number, label.number.replace(".", "、")}
        forms |= {compact(n + t) for n in numbers for t in (label.text, *label.variants)}
    return frozenset(forms)


_ROW_FORMS: Final = _row_forms()


def _label_start(text: str) -> bool:
    """True when ``text`` is the first line of a row label wrapped in its cell (行政事业性收)."""
    key = compact(text)
    return len(key) >= 2 and any(f.startswith(key) and f != key for f in _ROW_FORMS)  # noqa: PLR2004


@attrs.frozen(kw_only=True)
class _Run:
    """Glyphs of one line standing together: one cell's line of text."""

    chars: tuple[_Char, ...]
    part: int  # which page of the table

    @property
    def text(self) -> str:
        return _join_chars(self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)


def _split(chars: Sequence[_Char], part: int) -> list[_Run]:
    """The glyphs of one line (left to right) split at gaps wider than :data:`_GAP` glyphs."""
    runs: list[_Run] = []
    run: list[_Char] = []
    for ch in sorted((c for c in chars if c.text != " "), key=lambda c: c.x0):
        if run and ch.x0 - run[-1].x1 > _GAP * max(ch.size, run[-1].size):
            runs.append(_Run(chars=tuple(run), part=part))
            run = []
        run.append(ch)
    if run:
        runs.append(_Run(chars=tuple(run), part=part))
    return runs


#: A sign standing alone (``－ 3``: a space typed after it).
_SIGN: Final = re.compile(r"[-－−+＋]")


def _signed(runs: list[_Run]) -> list[_Run]:
    """The runs of one line, a sign standing alone joined to the figure it stands before."""
    out: list[_Run] = []
    for run in runs:
        before = out[-1] if out else None
        if (
            before is not None
            and _SIGN.fullmatch(before.text)
            and run.x0 - before.x1 < 1.5 * max(run.size, before.size)
        ):
            out[-1] = _Run(chars=(*before.chars, *run.chars), part=run.part)
        else:
            out.append(run)
    return out


@attrs.define
class _Label:
    """A label cell: its runs stacked in one column (a label wrapped over several lines)."""

    runs: list[_Run]
    column: int

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def first(self) -> _Run:
        return self.runs[0]


def _continues(label: _Label, run: _Run) -> bool:
    """True when ``run`` is the next line of ``label`` (wrapped in its cell), not a new label.

    Lines of one cell and the next row's label are equally far apart in a table without
    rules, so the words decide: a numbered line starts a label; a line joins a label that is
    not yet whole, or that it makes whole.
    """
    last = label.runs[-1]
    if run.part == last.part and run.top - last.bottom > 0.9 * max(run.size, last.size):
        return False  # a gap: another cell
    if run.part != last.part and run.part != last.part + 1:
        return False
    text = run.text
    if _NUMBERED.match(compact(text)) or len(label.text) > _LONGEST_LABEL:
        return False
    joined = label.text + text
    if is_row_label(joined, exact=True):
        return True
    return not is_row_label(label.text, exact=True) and not is_row_label(text, exact=True)


def _checked(
    columns: list[tuple[float, float]], figures: list[_Char], part: int
) -> list[tuple[float, float]]:
    """The header band's columns, or the figures' own where the headers are shifted.

    A header band shifted by a cell (the note cell one column narrower, an empty header cell
    at the end) puts each header over its neighbour's figures, the first over the labels.
    The figures' own columns are their x-ranges, overlapping from row to row. When they are
    more than the headers' columns, or as many but not each inside its header's, they are
    taken: they are where the cells are. A column left wholly blank makes them fewer: then
    the headers' columns stand.
    """
    spans = sorted(
        [run.x0, run.x1] for line in _overlap_lines(figures) for run in _signed(_split(line, part))
    )
    own: list[list[float]] = []
    for x0, x1 in spans:
        if own and x0 <= own[-1][1] + _TOUCH:
            own[-1][1] = max(own[-1][1], x1)
        else:
            own.append([x0, x1])
    if len(own) < len(columns):
        return columns
    if len(own) > len(columns):  # figures where no header stands (it lies over the labels)
        return [(x0, x1) for x0, x1 in own]
    edges = [(columns[i][1] + columns[i + 1][0]) / 2 for i in range(len(columns) - 1)]
    inside = all(bisect.bisect_right(edges, (x0 + x1) / 2) == k for k, (x0, x1) in enumerate(own))
    return columns if inside else [(x0, x1) for x0, x1 in own]


@attrs.define
class _Segment:
    """Rows under one header band: the band's lines, its columns, the body's lines."""

    part: int
    page: _Page
    header: list[_Line]
    columns: list[tuple[float, float]]
    body: list[_Line] = attrs.Factory(list)
    #: header boxes of a band the page break cut, above this page's (their y moved up)
    carried: list[tuple[float, float, float, float]] = attrs.Factory(list)


class _Borderless:
    """One table printed without rules, rebuilt from its header band and its row labels.

    Columns are the x-ranges of the header band's lowest cells (a header with no other
    header under it); rows are the y-ranges of the row labels (a label with no other label
    to its right), a label wrapped over several lines being one label. Every glyph is then
    placed by position: a figure in the row and column it stands in, blank where nothing
    stands, so a blank cell never shifts the columns.
    """

    def __init__(self, lines: list[tuple[_Page, int, _Line]]) -> None:
        self.lines = lines
        self.parts: list[_Page] = []
        for page, _, _ in lines:
            if page not in self.parts:
                self.parts.append(page)
        self.split: dict[int, float] = {}  # per part: where the figures' columns begin

    def build(
        self, table: int
    ) -> tuple[list[tuple[_Page, int, _Line]], Grid, list[tuple[_Page, int, _Line]]] | None:
        """The lines before the table, its grid, the lines after; ``None``: no table here."""
        split: float | None = None
        for part, page in enumerate(self.parts):
            figures = [
                r.x0
                for p, _, line in self.lines
                if p is page
                for r in _split(line.chars, part)
                if _FIGURE.match(r.text)
            ]
            split = min(figures, default=split)
            if split is not None:
                self.split[part] = split
        for part in reversed(range(len(self.parts))):  # a page of headers only: the next's
            if part not in self.split and part + 1 in self.split:
                self.split[part] = self.split[part + 1]
        kinds = [
            self._kind(line, self.split.get(self.parts.index(page))) for page, _, line in self.lines
        ]
        if "V" not in kinds:
            return None
        start = min(i for i, k in enumerate(kinds) if k in "HV")
        end = max(i for i, k in enumerate(kinds) if k == "V") + 1
        while (
            end < len(self.lines)
            and kinds[end] == "L"
            and self.lines[end][0] is self.lines[end - 1][0]
            and self.lines[end][2].top - self.lines[end - 1][2].bottom
            < 0.9 * self.lines[end][2].size
        ):
            end += 1
        segments = self._segments(start, end, kinds)
        if not segments or not any(s.columns for s in segments):
            return None
        grid = self._grid(segments, table)
        if grid is None:
            return None
        return self.lines[:start], grid, self.lines[end:]

    def _kind(self, line: _Line, split: float | None) -> str:
        """``V`` a line with figures, ``H`` a header line, ``L`` a line of labels or text."""
        if split is None:
            return "L"
        if line.chars and not any(c.upright for c in line.chars):
            return "H"  # rotated headers
        if compact(line.text) in _GROUP_LABELS:
            return "H"  # 第二十条第（五）项: it may start left of the figures
        tolerance = 0.5 * max(line.size, 1.0)
        runs = _split(line.chars, 0)
        if any(_FIGURE.match(r.text) and r.x1 > split - tolerance for r in runs):
            return "V"
        if any(r.x0 >= split - tolerance for r in runs):
            return "H"
        return "L"

    def _segments(self, start: int, end: int, kinds: list[str]) -> list[_Segment]:
        segments: list[_Segment] = []
        current: _Segment | None = None
        in_header = False
        for i in range(start, end):
            page, _, line = self.lines[i]
            part = self.parts.index(page)
            kind = kinds[i]
            header = kind == "H" or (
                kind == "L"
                and in_header
                and not is_row_label(line.text)
                and not _label_start(line.text)
            )
            if current is None or current.page is not page or (header and not in_header):
                previous = current
                current = _Segment(
                    part=part, page=page, header=[], columns=previous.columns if previous else []
                )
                if previous is not None and previous.page is not page and not previous.body:
                    # a header band cut by the page break: its upper rows count too
                    shift = previous.page.height
                    current.carried = [
                        (b[0], b[1] - shift, b[2], b[3] - shift) for b in self._boxes(previous)
                    ]
                segments.append(current)
            if header:
                current.header.append(line)
            else:
                if in_header:
                    current.columns = self._columns(current) or current.columns
                current.body.append(line)
            in_header = header
        if current is not None and in_header:
            current.columns = self._columns(current) or current.columns
        return segments

    def _boxes(self, segment: _Segment) -> list[tuple[float, float, float, float]]:
        """The band's header texts right of the labels, as boxes (x0, top, x1, bottom)."""
        split = self.split[segment.part]
        boxes: list[tuple[float, float, float, float]] = [*segment.carried]
        for line in segment.header:
            upright = [c for c in line.chars if c.upright]
            boxes += [(r.x0, r.top, r.x1, r.bottom) for r in _split(upright, segment.part)]
            boxes += [(c.x0, c.top, c.x1, c.bottom) for c in line.chars if not c.upright]
        return [b for b in boxes if (b[0] + b[2]) / 2 >= split - 2.0]

    def _columns(self, segment: _Segment) -> list[tuple[float, float]]:
        """The figures' columns: the x-ranges of the band's lowest header cells."""
        boxes = self._boxes(segment)
        leaves = [
            b
            for b in boxes
            if not any(
                o is not b and o[1] >= b[3] - 1.0 and min(o[2], b[2]) - max(o[0], b[0]) > _TOUCH
                for o in boxes
            )
        ]
        leaves.sort(key=lambda b: (b[0] + b[2]) / 2)
        columns: list[tuple[float, float]] = []
        for b in leaves:  # a leaf's glyphs on several lines (rotated text): one column
            if columns and b[0] < columns[-1][1] - 0.5:
                columns[-1] = (min(columns[-1][0], b[0]), max(columns[-1][1], b[2]))
            else:
                columns.append((b[0], b[2]))
        return columns

    def _labels(self, segments: list[_Segment]) -> list[_Label]:
        """Every label cell, its lines joined, in the order of the table."""
        runs: list[_Run] = []
        for segment in segments:
            split = self.split[segment.part]
            for line in segment.body:
                upright = [c for c in line.chars if c.upright and (c.x0 + c.x1) / 2 < split]
                runs += _split(upright, segment.part)
        edges: list[float] = []
        counts = Counter(round(r.x0) for r in runs)
        for x in sorted(counts):
            shared = counts[x] + counts.get(x - 1, 0) + counts.get(x + 1, 0) >= 2  # noqa: PLR2004
            if shared and (not edges or x - edges[-1] > 1.5):  # noqa: PLR2004 - points
                edges.append(x)
        labels_: list[_Label] = []
        open_: dict[int, _Label] = {}
        for run in sorted(runs, key=lambda r: (r.part, r.top, r.x0)):
            column = max(0, bisect.bisect_right(edges, run.x0 + 1.5) - 1)
            label = open_.get(column)
            if label is not None and _continues(label, run):
                label.runs.append(run)
                continue
            label = _Label(runs=[run], column=column)
            open_[column] = label
            labels_.append(label)
        return labels_

    def _grid(self, segments: list[_Segment], table: int) -> Grid | None:
        labels_ = self._labels(segments)
        rows: list[list[TextCell]] = []
        for segment in segments:
            page = segment.page
            for line in segment.header:
                upright = [c for c in line.chars if c.upright]
                cells = [(r.x0, r.top, r.text) for r in _split(upright, segment.part)]
                rotated = [c for c in line.chars if not c.upright]
                columns: dict[int, list[_Char]] = {}
                for ch in rotated:
                    columns.setdefault(round(ch.x0 / max(ch.size, 1.0)), []).append(ch)
                cells += [
                    (min(c.x0 for c in g), min(c.top for c in g), _cell_text(g))
                    for g in columns.values()
                ]
                rows.append(
                    [
                        self._cell(page, table, len(rows), (x, y), text)
                        for x, y, text in sorted(cells)
                    ]
                )
            if segment.columns and segment.body:
                rows += self._body(segment, labels_, table, len(rows))
        if not rows:
            return None
        numbered = [
            tuple(
                attrs.evolve(c, source=attrs.evolve(c.source, column=k + 1))
                for k, c in enumerate(row)
            )
            for row in rows
        ]
        return Grid(rows=tuple(numbered))

    def _body(  # noqa: C901 - rows, columns and labels of one band, in one place
        self, segment: _Segment, labels_: list[_Label], table: int, first_row: int
    ) -> list[list[TextCell]]:
        page, part = segment.page, segment.part
        split = self.split[part]
        top = min(line.top for line in segment.body)
        bottom = max(line.bottom for line in segment.body)
        mine = [
            lb
            for lb in labels_
            if lb.first.part == part and top - 0.5 <= lb.first.top <= bottom + 0.5
        ]

        def extent(lb: _Label) -> tuple[float, float]:
            pieces = [r for r in lb.runs if r.part == part]
            return min(r.top for r in pieces), max(r.bottom for r in pieces)

        def merged(lb: _Label) -> bool:
            """A label over several rows, with labels to its right beside it.

            Or just above and just below it: a one-line group label centred between two of
            its items.
            """
            top, bottom = extent(lb)
            middle, reach = (top + bottom) / 2, (bottom - top) / 2 + 2.5 * lb.first.size
            right = [extent(o) for o in mine if o.first.x0 > lb.first.x0 + 2.0]
            if any(min(b, bottom) - max(t, top) > 1.0 for t, b in right):
                return True
            above = any(b <= middle and middle - b <= reach for _, b in right)
            return above and any(t >= middle and t - middle <= reach for t, _ in right)

        leaves = [lb for lb in mine if not merged(lb)]
        figures = [
            c
            for line in segment.body
            for c in line.chars
            if c.upright and c.text != " " and (c.x0 + c.x1) / 2 >= split
        ]
        bands: list[tuple[float, float]]
        if leaves:
            leaves.sort(key=lambda lb: extent(lb)[0])
            bands = [extent(lb) for lb in leaves]
        else:  # no row labels (Table 四): each line of figures is a row
            bands = [
                (min(c.top for c in ln), max(c.bottom for c in ln))
                for ln in _overlap_lines(figures)
            ]
        if not bands:
            return []
        cuts = [(bands[i][1] + bands[i + 1][0]) / 2 for i in range(len(bands) - 1)]
        columns = _checked(segment.columns, figures, part)
        edges = [(columns[i][1] + columns[i + 1][0]) / 2 for i in range(len(columns) - 1)]
        placed: dict[tuple[int, int], list[_Char]] = {}
        # a figure as a whole, by its middle: a wide number reaches past its header's range
        for run in (r for line in _overlap_lines(figures) for r in _signed(_split(line, part))):
            row = bisect.bisect_right(cuts, (run.top + run.bottom) / 2)
            column = bisect.bisect_right(edges, (run.x0 + run.x1) / 2)
            placed.setdefault((row, column), []).extend(run.chars)
        at: dict[int, list[_Label]] = {}
        for lb in mine:
            if lb in leaves:
                r = leaves.index(lb)
            else:  # a merged label: in the row where its text begins
                r = min(bisect.bisect_right(cuts, lb.first.top), len(bands) - 1)
            at.setdefault(r, []).append(lb)
        out: list[list[TextCell]] = []
        for r, (band_top, _) in enumerate(bands):
            number = first_row + r
            cells = [
                (lb.first.x0, self._cell(page, table, number, (lb.first.x0, lb.first.top), lb.text))
                for lb in at.get(r, [])
            ]
            for k, (x0, _) in enumerate(columns):
                chars = placed.get((r, k), [])
                y = min((c.top for c in chars), default=band_top)
                cell = self._cell(page, table, number, (x0, y), _cell_text(chars))
                cells.append((max(x0, split), cell))
            cells.sort(key=lambda item: item[0])
            out.append([c for _, c in cells])
        return out

    @staticmethod
    def _cell(page: _Page, table: int, row: int, at: tuple[float, float], text: str) -> TextCell:
        return TextCell(
            text=text,
            source=Source(
                page=page.number, table=table, row=row + 1, x=round(at[0]), y=round(at[1])
            ),
        )


# --- after interpretation -------------------------------------------------------------------


def _borderless_notes(
    record: PublishedReport, tables: Sequence[tuple[str, Source]]
) -> PublishedReport:
    """An R-GRID note for each table rebuilt without rules, where it was read from."""
    if not tables:
        return record
    notes = [
        make_finding(
            "R-GRID",
            Place(path=f"$.{section}", table=labels.TABLES[section]),
            detail=(
                f"（{source.describe('zh')}起）",
                f" (from {source.describe('en')})",
            ),
        )
        for section, source in tables
    ]
    return attrs.evolve(record, findings=(*record.findings, *notes))


def _unmapped_cells(record: PublishedReport) -> PublishedReport:
    """Cells whose glyphs carry no text become R-UNREAD, never a value."""
    bad = [c for c in record.cells if _UNMAPPED in c.raw]
    if not bad:
        return record
    findings = list(record.findings)
    unread = list(record.unread)
    cells = cell_by_key(record.edition)  # the labels of the edition read
    for cell in bad:
        meta = cells.get(cell.key, cell.cell)
        place = Place(path=meta.path, table=meta.table, row=meta.row_label, column=meta.column)
        findings.append(
            make_finding(
                "R-UNREAD",
                place,
                found=cell.raw,
                detail=(
                    "（PDF 中此处没有文字：字形没有 Unicode 映射）",
                    " (the PDF carries no text here: its glyphs have no Unicode mapping)",
                ),
            )
        )
        unread.append(Unread(text=cell.raw, source=cell.source))
    return attrs.evolve(
        record,
        cells=tuple(c for c in record.cells if c not in bad),
        unread=tuple(unread),
        findings=tuple(findings),
    )


_SITE: Final = re.compile(r"本报告电子版可在(?P<where>.*?)查阅或下载。")
_CONTACT: Final = re.compile(r"如对本报告有任何疑问，请与(?P<organ>.*?)联系（(?P<details>.*)）。$")
_HUNG: Final = str.maketrans("", "", "，、。")


def _generated_opening(record: PublishedReport) -> PublishedReport:
    """Where the report is published and the contact, from an opening this library wrote.

    A .docx written by :mod:`govinfo_report.formats.docx.writer` carries its identity in a
    document property that "save as PDF" drops; when the report had no preface of its own,
    the writer generated the opening paragraph from the identity. When the one opening
    paragraph read is exactly what the writer generates for the site and contact it names
    (compared without ``，、。``, which some producers do not draw at a line's end), the
    record gets that site and contact and no preface, as the .docx reader gives.
    """
    if record.preface is None or len(record.preface) != 1:
        return record
    text = record.preface[0]
    if record.organ is None or record.year is None or not text.startswith("本报告根据"):
        return record
    from govinfo_report.formats.docx.writer import opening  # noqa: PLC0415 - rare path
    from govinfo_report.model import AnnualReport  # noqa: PLC0415 - rare path

    for publication in _publications(text):
        for contact in _contacts(text):
            candidate = AnnualReport(
                organ=record.organ, year=record.year, publication=publication, contact=contact
            )
            if opening(candidate).translate(_HUNG) == text.translate(_HUNG):
                return attrs.evolve(record, preface=None, publication=publication, contact=contact)
    return record


def _publications(text: str) -> list[Publication | None]:
    """The sites ``text`` may name, as the writer prints them (the last match wins)."""
    from govinfo_report.model import Publication  # noqa: PLC0415 - rare path

    found: list[Publication | None] = [None]
    match = _SITE.search(text)
    if match is None:
        return found
    where = match["where"]
    if where.startswith("“") and "”（" in where and where.endswith("）"):
        site, _, url = where[1:-1].rpartition("”（")
        found.append(Publication(site_name=site, url=url))
    if where.startswith("“") and where.endswith("”"):
        found.append(Publication(site_name=where[1:-1], url=""))
    found.append(Publication(site_name="", url=where))
    return found


def _contacts(text: str) -> list[Contact | None]:
    """The contacts ``text`` may name, as the writer prints them."""
    from govinfo_report.model import Contact  # noqa: PLC0415 - rare path

    found: list[Contact | None] = [None]
    match = _CONTACT.search(text)
    if match is None:
        return found
    fields = {"地址": "address", "邮编": "postcode", "电话": "telephone"}
    values = dict.fromkeys(fields.values(), "")
    rest = match["details"]
    for label in reversed(fields):
        head, sep, value = rest.rpartition(f"{label}：")
        if sep:
            values[fields[label]] = value
            rest = head.removesuffix("，")
    found.append(Contact(**values))
    return found
