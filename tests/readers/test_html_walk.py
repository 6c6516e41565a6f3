# ruff: noqa: SLF001 - compares the reader with its own first walk, helpers and all
"""The page walk gives the blocks the first, plain walk gave.

:func:`html_blocks` parses UTF-8 bytes with lxml's plain parser, walks with ``iterwalk``,
takes an inline-only paragraph's or a cell's text in one call, finds the inline-only
elements by one pass over the page's structure, tests membership of the article by ancestry
(once a block) and marks heading elements by the tags the walk noted. The reference below is
the walk as first written (``lxml.html``, recursion, text piece by piece, the article's
descendants as a set, each element's tag asked again); both must give the same blocks on
Word-export pages and on any markup (tags in any case, the Kelvin sign in a tag name).
"""

from __future__ import annotations

import codecs
import importlib.util
import re
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, html

from govinfo_report.errors import ReadError
from govinfo_report.formats.json.codec import loads
from govinfo_report.published.readers import html as reader
from govinfo_report.published.readers._blocks import Grid, Para, TextCell
from govinfo_report.published.readers._decode import decode
from govinfo_report.published.readers._interpret import (
    HEADING_ELEMENT,
    PARAGRAPH_ELEMENT,
    PART,
    interpret,
    match_section,
)
from govinfo_report.published.record import Source

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_report.published.readers._blocks import Block

_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _cell_text(el: etree._Element) -> list[str]:
    parts: list[str] = []
    if _tag(el) in reader._SKIP:
        return parts
    if el.text:
        parts.append(el.text)
    for child in el:
        parts.extend(_cell_text(child))
        if child.tail:
            parts.append(child.tail)
    return parts


def _grid(table: etree._Element, index: int) -> Grid:
    rows = reader._rows_of(table)
    taken: dict[tuple[int, int], bool] = {}
    out = []
    for r, tr in enumerate(rows):
        col = 0
        cells = []
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            while taken.get((r, col)):
                col += 1
            colspan = reader._span(td, "colspan", reader._MAX_COLSPAN) or 1
            rowspan = reader._span(td, "rowspan", reader._MAX_ROWSPAN)
            if rowspan == 0:
                rowspan = len(rows) - r
            rowspan = max(1, min(rowspan, len(rows) - r))
            text = _squash("".join(_cell_text(td)))
            source = Source(table=index, row=r + 1, column=col + 1)
            cells.append(TextCell(text=text, source=source, rows=rowspan))
            for dr in range(1, rowspan):
                for dc in range(colspan):
                    taken[(r + dr, col + dc)] = True
            col += colspan
        out.append(tuple(cells))
    return Grid(rows=tuple(out))


class _Walker:
    def __init__(self, root: etree._Element) -> None:
        self.blocks: list[tuple[Block, etree._Element]] = []
        self.buf: list[str] = []
        self.stack = [root]
        self.tables = 0
        self.paragraphs = 0

    def flush(self) -> None:
        text = _squash("".join(self.buf))
        self.buf = []
        if text and self.stack:
            self.paragraphs += 1
            self.blocks.append(
                (Para(text=text, source=Source(paragraph=self.paragraphs)), self.stack[-1])
            )

    def walk(self, el: etree._Element) -> None:
        tag = _tag(el)
        if tag in reader._SKIP:
            return
        if tag == "table" and not el.xpath(".//table"):
            self.flush()
            self.tables += 1
            self.blocks.append((_grid(el, self.tables), el))
            return
        block = tag in reader._BLOCKS or tag in {"table", "body"}
        if block:
            self.flush()
            self.stack.append(el)
        if el.text:
            self.buf.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.buf.append(child.tail)
        if block:
            self.flush()
            self.stack.pop()


def _mark_elements(
    pairs: list[tuple[Block, etree._Element]],
    inside: Callable[[etree._Element], bool] | None = None,
) -> list[Block]:
    """Heading elements (and, beside them, ``<p>``) marked: the first way, element by element."""
    tags = [
        _tag(el) if isinstance(b, Para) and (inside is None or inside(el)) else ""
        for b, el in pairs
    ]
    headed = any(
        tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        and isinstance(b, Para)
        and PART.match(b.text) is not None
        for (b, _), tag in zip(pairs, tags, strict=True)
    )
    out: list[Block] = []
    for (block, _), tag in zip(pairs, tags, strict=True):
        if isinstance(block, Para) and block.style is None:
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                out.append(attrs.evolve(block, style=HEADING_ELEMENT))
                continue
            if headed and tag == "p":
                out.append(attrs.evolve(block, style=PARAGRAPH_ELEMENT))
                continue
        out.append(block)
    return out


def _reference_marks(
    root: etree._Element,
) -> tuple[list[tuple[Block, etree._Element]], list[etree._Element], int | None]:
    walker = _Walker(root)
    walker.walk(root)
    walker.flush()
    pairs = walker.blocks
    marks = []
    first_heading = None
    for i, (block, el) in enumerate(pairs):
        if isinstance(block, Grid):
            if any(m in c.text for row in block.rows for c in row for m in reader._TABLE_MARKS):
                marks.append(el)
        elif match_section(block.text) is not None:
            marks.append(el)
            first_heading = i if first_heading is None else first_heading
    return pairs, marks, first_heading


def _reference_blocks(text: str) -> list[Block] | str:  # noqa: C901 - the first walk, as written
    parser = html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True
    )
    text = reader._XML_DECL.sub("", text).replace("\x00", "")
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        return f"error: {exc}"
    pairs, marks, first_heading = _reference_marks(root)
    if not marks and "<noscript" in text.lower():  # the report only in <noscript>: read it
        for hidden in root.iter("noscript"):
            hidden.tag = "div"
        pairs, marks, first_heading = _reference_marks(root)
    if first_heading is not None:
        title = next(
            (
                el
                for block, el in reversed(pairs[:first_heading])
                if isinstance(block, Para) and reader._is_title(block.text)
            ),
            None,
        )
        if title is not None:
            marks.append(title)
    # Heading elements (and, beside them, <p>) are marked as the walker's last step.
    if not marks:
        return _mark_elements(pairs)
    inside = set(reader._common_ancestor(marks).iter())
    out: list[Block] = []
    marked = _mark_elements(pairs, lambda el: el in inside)
    for b, (_, el) in zip(marked, pairs, strict=True):
        if el in inside:
            out.append(b)
        elif isinstance(b, Para):  # outside the article: kept, marked as the page's
            out.append(Para(text=b.text, source=b.source, outside=True))
        else:
            for row in b.rows:
                text = " ".join(c.text for c in row if c.text)
                if text:
                    out.append(Para(text=text, source=row[0].source, outside=True))
    return out


def _blocks(text: str) -> list[Block] | str:
    try:
        return reader.html_blocks(text)
    except ReadError as exc:
        return f"error: {str(exc).split('（', 1)[1].rsplit('）', 1)[0]}"


def _wordhtml() -> object:
    path = Path(__file__).parent / "wordhtml.py"
    spec = importlib.util.spec_from_file_location("wordhtml", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_word_pages_walk_as_before() -> None:
    helper = _wordhtml()
    root = Path(__file__).parents[2]
    report = loads((root / "examples/city-department-2023.json").read_text(encoding="utf-8"))
    for variants in (False, True):
        for nav in (False, True):
            page = helper.render(report, variants=variants, nav=nav)  # type: ignore[attr-defined]
            assert _blocks(page) == _reference_blocks(page)
    for path in (root / "tests/data/published").glob("*.html"):
        page = path.read_bytes().decode("gb18030")
        assert _blocks(page) == _reference_blocks(page)


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<span>",
        "</span>",
        "<b>",
        "</b>",
        "<o:p></o:p>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<tbody>",
        "<td colspan=2>",
        "<td rowspan=0>",
        "<td rowspan='3x'>",
        "<br>",
        "<hr>",
        "<li>",
        "<script>规章 1</script>",
        "<style>p{}</style>",
        "<!-- 规章 -->",
        "<?pi x?>",
        "<noscript><table><tr><td>规章</td><td>1</td></tr></table></noscript>",
        "<title>t</title>",
        "<select><option>3</select>",
        "<template><p>x</p></template>",
        "<h1>某局2023年政府信息公开工作年度报告</h1>",
        "<h2>（一）主动公开</h2>",
        "（二）依申请公开",
        "<P>",
        "</P>",
        "<DIV>",
        "<Td>",
        "<TABLE>",
        "<Span>",
        "<bloc\u212aquote>",
        "<\u212a>",
        "<O:P>",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "规章",
        "本年新收",
        "行政复议",
        "1",
        "/",
        "—",
        " ",
        "\n",
        "\u3000",
        "&nbsp;",
        "<?xml version='1.0'?>",
        "\ufeff",
        "\x00",
        "\ud800",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40))
def test_any_markup_walks_as_before(pieces: list[str]) -> None:
    page = "".join(pieces)
    assert _blocks(page) == _reference_blocks(page)


def _read_as_before(data: bytes) -> object:
    """``read_html`` of bytes as first written: decode, then parse the text."""
    try:
        text, _ = decode(data, markup=True)
        return interpret(reader.html_blocks(text), source="<html>", fmt="html")
    except ReadError as exc:
        return f"error: {exc}"


def _read(data: bytes) -> object:
    try:
        return reader.read_html(data)
    except ReadError as exc:
        return f"error: {exc}"


def test_utf8_pages_read_as_before() -> None:
    """Strict UTF-8 bytes are parsed as they are: the same record as from their text."""
    root = Path(__file__).parents[2]
    for path in (root / "tests/data/published").glob("*.html"):
        page = path.read_bytes().decode("gb18030")
        for data in (
            page.encode("utf-8"),
            codecs.BOM_UTF8 + page.encode("utf-8"),
            page.encode("gb18030"),
            b"\x00<?xml version='1.0'?>" + page.encode("utf-8"),
        ):
            assert _read(data) == _read_as_before(data)


_DECLARATIONS = st.sampled_from(
    [
        "",
        "<meta charset=utf-8>",
        "<meta charset=gbk>",
        "<?xml version='1.0' encoding='gbk'?>",
        "\x00<?xml version='1.0'?>",
        "<\x00?xml?>",
        "\ufeff",
    ]
)


@given(
    _DECLARATIONS,
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30),
    st.sampled_from(["utf-8", "gb18030", "utf-16"]),
)
def test_any_page_bytes_read_as_before(declared: str, pieces: list[str], codec: str) -> None:
    errors = "replace" if codec == "gb18030" else "surrogatepass"  # lone surrogates too
    data = (declared + "".join(pieces)).encode(codec, errors=errors)
    assert _read(data) == _read_as_before(data)


@given(st.binary(max_size=300))
def test_any_bytes_read_as_before(data: bytes) -> None:
    assert _read(data) == _read_as_before(data)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), min_size=1, max_size=60))
def test_blocks_inside_by_span_as_by_ancestry(pieces: list[str]) -> None:
    """For every element the walk opened and closed: its blocks by span, as by ancestry."""
    page = "".join(pieces).replace("\ud800", "").replace("\x00", "")
    try:
        root = reader._parse(page, "<html>")
    except ReadError:
        return
    walker = reader._Walker()
    walker.structured = None if reader._KELVIN in page else reader._structured(root)
    walker.stack.append(root)
    walker.stack_tags.append(reader._tag(root))
    walker.walk(root)
    walker.flush()
    pairs = walker.blocks
    for article in [*walker.spans, root, *(el for _, el in pairs)]:
        inside = reader._within(article)
        assert reader._inside_each(pairs, article, walker.spans) == [inside(el) for _, el in pairs]


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), min_size=1, max_size=60))
def test_structured_is_not_inline_only(pieces: list[str]) -> None:
    """Every element but a cell is marked exactly when ``_inline_only`` says it is not."""
    page = "".join(pieces).replace("\ud800", "").replace("\x00", "")
    if reader._KELVIN in page:  # walked the first way (see _KELVIN)
        return
    try:
        root = reader._parse(page, "<html>")
    except ReadError:
        return
    structured = reader._structured(root)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag not in reader._CELLS:
            assert (el in structured) == (not reader._inline_only(el)), el.tag


def test_cells_inside_and_around_tables_walk_as_before() -> None:
    """Layout tables (a table in a cell), cells astray and cells in cells: as first walked."""
    for page in (
        "<table><tr><td><p>a</p><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>",
        "<div><td><p>a</p><p>b</p></td><th>c<div>d</div></th></div>",
        "<table><tr><td><td><p>x</p></td></td></tr></table><p>y</p>",
        "<table><tr><td>a<table><tr><td><div><p>b</p></div></td></tr></table></td></tr></table>",
        "<body><td>only text <b>and bold</b></td><td><span>s</span><p>p</p></td></body>",
    ):
        assert _blocks(page) == _reference_blocks(page), page
