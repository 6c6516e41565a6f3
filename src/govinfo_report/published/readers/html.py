"""Reading a report from its web page (``read_html``).

Why one module: finding the article, turning tables into grids and keeping their spans is
one traversal of one tree.

Most reports are published as web pages exported from Word: paragraphs in ``<p
class=MsoNormal>`` with nested ``<span>``/``<font>``, ``&nbsp;`` and ``<o:p>`` noise; tables
with ``colspan``/``rowspan`` (rebuilt here into their grid, absurd spans clamped), extra grid
columns, empty spacer rows and headers written one character per line; all inside a site's
navigation. The report's article is the smallest element holding its title, its section
headings and its tables; what lies outside it (menus, footers) is not part of the report.

Parsing uses lxml's HTML parser with no network access, no entity expansion beyond HTML's
own and no huge-tree mode.

>>> page = '''<html><head><meta charset="gbk"></head><body>
... <div class=nav><a href=/>首页</a> &gt; 年度报告</div>
... <div class=article><h1>某局2023年政府信息公开工作年度报告</h1>
... <p class=MsoNormal><b><span>二、主动公开政府信息情况<o:p></o:p></span></b></p>
... <table border=1><tr><td colspan=4>第二十条第（一）项</td></tr>
... <tr><td>规章</td><td>2</td><td>&nbsp;</td><td>5</td></tr></table></div></body></html>'''
>>> record = read_html(page.encode("gbk"))
>>> record.organ, [(c.raw, c.number, c.source.ref) for c in record.cells]
('某局', [('2', 2, 'T1R2C2'), ('', 0, 'T1R2C3'), ('5', 5, 'T1R2C4')])
"""

from __future__ import annotations

import bisect
import html.entities
import os
import re
import string
from typing import TYPE_CHECKING, Final

import attrs
from lxml import etree

from govinfo_report._io import read_bytes
from govinfo_report.errors import ReadError
from govinfo_report.published.readers import _own_html
from govinfo_report.published.readers._blocks import Grid, Para, TextCell, new_cell, new_para
from govinfo_report.published.readers._css import CSS_SPACE, hide_by_style_sheets
from govinfo_report.published.readers._decode import STRICT_UTF8, decode_utf8
from govinfo_report.published.readers._interpret import interpret, match_section
from govinfo_report.published.readers._limits import (
    MAX_GRID_AREA,
    MAX_TABLE_CELLS,
    check_elements,
    check_text,
    refuse_file_name,
    table_too_large,
)
from govinfo_report.published.readers._normal import squash
from govinfo_report.published.readers._page import metadata_fields, title_identity
from govinfo_report.published.record import PublishedReport, Source

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from govinfo_report.published.readers._blocks import Block

__all__ = ["read_html"]

_MAX_COLSPAN: Final = 64
_MAX_ROWSPAN: Final = 512
_MAX_ROWS: Final = 5000
_BLOCKS: Final = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "blockquote",
        "pre",
        "center",
        "address",
        "form",
        "hr",
        "br",
        "caption",
        "figure",
        "figcaption",
        "main",
        "tr",
        "td",
        "th",
    ]
)
_SKIP: Final = frozenset({"script", "style", "noscript", "template", "head", "title", "select"})
_TABLE_MARKS: Final = ("规章", "本年新收", "行政复议", "予以公开")
_XML_DECL: Final = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def read_html(
    source: str | bytes | os.PathLike[str], *, name: str | None = None
) -> PublishedReport:
    """Read a report from a web page: ``source`` is the markup (str or bytes) or a path."""
    if isinstance(source, os.PathLike):
        name = name or os.fspath(source)
        source = read_bytes(source)
    if isinstance(source, bytes):
        text, codec = decode_utf8(source, markup=True)
        # Bytes that decoded as strict UTF-8 (no BOM) are the text's own UTF-8 encoding:
        # given to the parser as they are, instead of encoding the text again.
        utf8 = source if codec == STRICT_UTF8 else None
    else:
        text, utf8 = source, None
        refuse_file_name(text, name or "<html>")
    name = name or "<html>"
    check_text(text, name)
    utf8 = _utf8(text) if utf8 is None else utf8
    squeezed = _squeezed(text, utf8)
    # Perhaps a page this library wrote, with its data: the id is looked for in the squeezed
    # page (a third of the page's length), and only where it is there, in the text.
    own = _DATA_ID in squeezed and _own_html.DATA_ID in text
    head: dict[str, str] = {}
    blocks, identity = _own_html.take_colophon(
        html_blocks(text, name, utf8=utf8, squeezed=squeezed, head=head)
    )
    record = interpret(blocks, source=name, fmt="html", identity=identity)
    if head:
        record = _with_head_metadata(record, head)
    data = None
    if own:
        data = _own_html.embedded_data(_parse(text, name, utf8))
    if data is not None:
        return _own_html.reconcile(record, data, identity)
    if identity is not None:
        record = attrs.evolve(record, preface=_own_html.printed_preface(identity, record.preface))
    return record


def _html_parser(encoding: str | None = None) -> etree.HTMLParser:
    # lxml's plain HTML parser: the same tree as ``lxml.html``'s, without its Python-level
    # element class lookup (a call for every element touched).
    return etree.HTMLParser(
        encoding=encoding,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
    )


def _parse(
    text: str, name: str, utf8: bytes | None = None, *, openings: int | None = None
) -> etree._Element:
    """The page's root element; ``utf8``, when given, is ``text`` encoded in UTF-8.

    ``openings``, when given, is at least the number of ``<`` in ``text`` (counted on the
    squeezed page, shorter: see :func:`check_elements`).
    """
    declared = _XML_DECL.match(text)
    if declared is not None:
        text, utf8 = text[declared.end() :], None
    # libxml2 reads UTF-8 natively: a third faster than from a str, and the same tree. A str
    # with an encoding declaration (refused by lxml) or lone surrogates is given as it is.
    # NUL characters are dropped; in UTF-8 a NUL byte is only ever the NUL character, and
    # dropping bytes is several times faster than dropping characters from the str.
    source: str | bytes
    head = text[:5]
    if head == "<?xml" or ("\x00" in head and text.replace("\x00", "").startswith("<?xml")):
        source = text.replace("\x00", "")
    else:
        try:
            source = (text.encode("utf-8") if utf8 is None else utf8).replace(b"\x00", b"")
        except UnicodeEncodeError:
            source = text.replace("\x00", "")
    parser = _html_parser("utf-8" if isinstance(source, bytes) else None)
    try:
        root = etree.fromstring(source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise _unparsable(name, str(exc)) from None
    if root is None:  # what lxml.html.document_fromstring reports
        raise _unparsable(name, "Document is empty")
    # libxml2 stops at 256 levels of nesting (250 unclosed <font> reach it) and, recovering,
    # silently drops the rest of the page: say so instead of reading half a page.
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise ReadError(
            name,
            "网页元素嵌套过深（超过 255 层，如大量未闭合的标签），无法完整读取",
            "the page is nested too deeply (more than 255 levels, such as unclosed tags); "
            "it cannot be read whole",
        )
    if openings is None:
        openings = source.count(b"<") if isinstance(source, bytes) else source.count("<")
    check_elements(root, name, openings=openings)
    return root


def _unparsable(name: str, why: str) -> ReadError:
    return ReadError(name, f"无法解析网页（{why}）", f"the page cannot be parsed ({why})")


def _tag(el: etree._Element) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def _rows_of(table: etree._Element, *, hiding: bool = False) -> list[etree._Element]:
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot") and not (hiding and is_hidden(child)):
            rows.extend(c for c in child if _tag(c) == "tr")
    if hiding:
        rows = [row for row in rows if not is_hidden(row)]
    return rows[:_MAX_ROWS]


#: What in a page may hide an element, squeezed (:func:`squeeze`): the page's UTF-8 bytes
#: with ASCII letters lowered, white space and every non-ASCII byte dropped, in one
#: ``bytes.translate``. The words of the first test (``display\s*:\s*none``,
#: ``visibility\s*:\s*(?:hidden|collapse)``, ``\bhidden\b``, ``(?:font-size|height)\s*:\s*0``,
#: ``mso-hide``, ignoring case: tests/readers/test_hiding_test.py) are ASCII letters, ``:``,
#: ``-``, ``0`` and white space (ASCII, or non-ASCII: bytes of 0x80 and above), so there
#: each becomes one of these words; ``İ``, ``ı`` and ``ſ``, which that test's case folding
#: matched as ``i`` and ``s``, are marked (``\x01``).
_DROPPED: Final = bytes(b for b in range(128) if re.fullmatch(r"\s", chr(b))) + bytes(
    range(0x80, 0x100)
)
_HIDING_WORDS: Final = (
    b"display:none",
    b"visibility:collapse",
    b"hidden",
    b"font-size:0",
    b"height:0",
    b"mso-hide",
)
#: The first bytes of İ, ı and ſ in UTF-8 (and of nothing a Chinese page is made of).
_OTHER_FOLD_LEADS: Final = (b"\xc4", b"\xc5")
#: The squeeze: ASCII letters lowered, the lead bytes above as \x01, white space and every
#: other non-ASCII byte dropped.
_SQUEEZE: Final = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ" + b"".join(_OTHER_FOLD_LEADS),
    b"abcdefghijklmnopqrstuvwxyz" + b"\x01" * len(_OTHER_FOLD_LEADS),
)
#: NUL is dropped too: the parser is given the page without it (:func:`_parse`), so that
#: ``display:\x00none`` is ``display:none`` there.
_SQUEEZE_DROPPED: Final = b"\x00" + bytes(
    b for b in _DROPPED if bytes((b,)) not in _OTHER_FOLD_LEADS
)
#: This library's data id as it is in the squeezed page (:func:`read_html`).
_DATA_ID: Final = _own_html.DATA_ID.encode("ascii")


def squeeze(utf8: bytes) -> bytes:
    r"""A page's UTF-8 bytes squeezed for the quick tests of :func:`read_html`.

    ASCII letters lowered, the lead bytes of ``İ``, ``ı`` and ``ſ`` as ``\x01``, NUL, white
    space and every other non-ASCII byte dropped, in one ``bytes.translate`` (a third of the
    page's length). What it keeps as it is, it keeps in order, so an ASCII word without
    white space or upper-case letters (this library's data id) is in the squeezed page
    wherever it is in the page, and the squeezed page has every ``<`` of the page. The
    converse does not hold: dropping white space joins words (``aria- hidden``).
    """
    return utf8.translate(_SQUEEZE, _SQUEEZE_DROPPED)


def _squeezed(text: str, utf8: bytes | None) -> bytes:
    """:func:`squeeze` of ``text``, ``utf8`` its UTF-8 (None: it has lone surrogates).

    A lone surrogate is three bytes of 0x80 and above in ``surrogatepass`` UTF-8, dropped
    as every non-ASCII byte is: the squeezed page is the same as without it.
    """
    return squeeze(text.encode("utf-8", "surrogatepass") if utf8 is None else utf8)


def _may_hide_squeezed(squeezed: bytes) -> bool:
    r"""Whether a page may hide elements, from its squeezed bytes alone (``_HIDING_WORDS``).

    A page with a word, or with ``İ``, ``ı`` or ``ſ`` (``\x01``), is not searched again:
    its hidden elements are found (:func:`hidden_elements`), which says exactly which are
    (a site's page nearly always has a word). A character reference may spell a word in an
    attribute (``display&#58;none``, ``display&colon;none``, which a browser hides): a page
    with one of ``_REFERENCES`` is looked at too. A NUL is dropped by the squeeze as by the
    parser.
    """
    return (
        b"\x01" in squeezed
        or any(word in squeezed for word in _HIDING_WORDS)
        or _has_references(squeezed)
    )


#: The character references that may spell part of a hiding declaration, as they begin in
#: the squeezed page: numeric ones, and the named ones (HTML5's, which the parser decodes)
#: whose characters include an ASCII letter or digit, ``:``, ``-`` or CSS white space
#: (``&colon;``, ``&Tab;``, ``&NewLine;``, ``&fjlig;``), taken from Python's table and
#: looked for without their ``;``. One search: its first byte, a literal, is looked for as
#: fast as ``bytes.count`` looks (a search a name would pass over the page each time).
_REFERENCES: Final = re.compile(
    b"&(?:#|"
    + b"|".join(
        sorted(
            {
                re.escape(name.rstrip(";").lower().encode("ascii"))
                for name, chars in html.entities.html5.items()
                if any(c in string.ascii_letters + string.digits + ":-" + CSS_SPACE for c in chars)
            }
        )
    )
    + b")"
)


def _has_references(squeezed: bytes) -> bool:
    """Whether the squeezed page has one of ``_REFERENCES`` (a style may be spelled by them).

    A reference is ASCII without white space, so it is in the squeezed page wherever it is in
    the page (in lower case: ``&Tab;`` as ``&tab;``). Without one, a style attribute's value
    is its text on the page, but for NUL and white space (dropped by the squeeze as by it).
    """
    return _REFERENCES.search(squeezed) is not None


# A style attribute is read as a browser reads CSS: white space is CSS's (space, tab, line
# breaks, form feed; not a no-break or an ideographic space) and case is ASCII's (``ſ`` is
# not ``s``). The quick tests before (``_may_hide_squeezed``, ``hidden_elements``) take any Unicode
# white space and case folding: they find a superset.
_S: Final = f"[{CSS_SPACE}]"  # in a pattern
_HIDDEN_STYLE: Final = re.compile(
    rf"display{_S}*:{_S}*none|visibility{_S}*:{_S}*(?:hidden|collapse)|mso-hide{_S}*:{_S}*all"
    rf"|(?:^|[;{CSS_SPACE}])font-size{_S}*:{_S}*0(?:px|pt|em|rem|%)?{_S}*(?:!important{_S}*)?"
    r"(?=;|$)",
    re.IGNORECASE | re.ASCII,
)
_ZERO_SIZE: Final = re.compile(
    rf"(?:^|[;{CSS_SPACE}])(width|height){_S}*:{_S}*0(?:px|pt|em|rem|%)?"
    rf"{_S}*(?:!important{_S}*)?(?=;|$)",
    re.IGNORECASE | re.ASCII,
)


def is_hidden(el: etree._Element) -> bool:
    """Whether a person does not see ``el`` (by its attributes; see :mod:`._css`).

    What the page's style sheets hide has been marked ``hidden`` beforehand.

    Hidden: ``hidden``, ``aria-hidden="true"``, or a style of ``display:none``,
    ``visibility:hidden``, Word's ``mso-hide:all``, a zero font size, or both a zero width
    and a zero height.
    """
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.get("style")
    if not style:
        return False
    if _HIDDEN_STYLE.search(style):
        return True
    return {m.lower() for m in _ZERO_SIZE.findall(style)} == {"width", "height"}


#: What a style that may hide has, squeezed (see :func:`squeeze`): each declaration of
#: ``_HIDDEN_STYLE`` and ``_ZERO_SIZE`` without white space, anchors and units (a zero size
#: needs a zero height), so that every style they match has one of these.
_HIDING_DECLARATIONS: Final = (
    b"display:none",
    b"visibility:hidden",
    b"visibility:collapse",
    b"mso-hide:all",
    b"font-size:0",
    b"height:0",
)
#: The attributes that hide, by the names looked for (a pass over the page each).
_WITH_HIDING_ATTRIBUTES: Final = {
    names: etree.XPath("|".join(f"//@{name}" for name in sorted(names)))
    for names in (
        frozenset({"hidden", "aria-hidden"}),
        frozenset({"hidden"}),
        frozenset({"aria-hidden"}),
    )
}
_HIDING_ATTRIBUTES: Final = frozenset({"hidden", "aria-hidden"})
_STYLES: Final = etree.XPath("//@style")
#: The same values as plain strings (no link to their element: half the cost).
_STYLE_VALUES: Final = etree.XPath("//@style", smart_strings=False)
#: Between the styles joined (a character no squeeze drops; a style holding it is looked at
#: as every style is).
_BETWEEN: Final = "\x02"


def hidden_elements(
    root: etree._Element,
    *,
    attributes: frozenset[str] = _HIDING_ATTRIBUTES,
    styles: bool = True,
) -> set[etree._Element]:
    """The elements of ``root`` that :func:`is_hidden` says are hidden, found at once.

    A page that may hide (:func:`_may_hide_squeezed`) was walked asking :func:`is_hidden` of every
    element, and looking through each block's descendants: a real site's page nearly
    always may (``<input type=hidden>``, ``overflow:hidden`` in its style sheet), and was
    read two and a half times slower than one that may not. Here the candidates are found
    first, and :func:`is_hidden` decides for each: the elements with a ``hidden`` or
    ``aria-hidden`` attribute (by XPath, in C; ``attributes``: the names looked for, fewer
    where the page's text has not the others and no style sheet marked an element), and
    those whose style may hide (:func:`_hidden_by_style`; ``styles=False``: no style
    attribute has a hiding declaration, :func:`_declared_outside_sheets`).
    tests/readers/test_hidden_elements.py proves the set equal to asking every element, and
    the walk with it equal to the walk asking each element, on any markup.
    """
    hidden: set[etree._Element] = set()
    names = attributes & _HIDING_ATTRIBUTES
    if names:
        for attribute in _WITH_HIDING_ATTRIBUTES[names](root):
            el = attribute.getparent()
            if el is not None and is_hidden(el):
                hidden.add(el)
    if styles:
        hidden |= _hidden_by_style(root)
    return hidden


def _hidden_by_style(root: etree._Element) -> set[etree._Element]:
    """The elements :func:`is_hidden` says their style attribute hides.

    Those whose style, squeezed, has one of ``_HIDING_DECLARATIONS`` are asked: all the
    page's style attributes (as parsed, with their character references) are joined by
    ``_BETWEEN`` and squeezed at once (a match of :func:`is_hidden`'s patterns is ASCII
    alone, so the squeeze keeps it whole; a style holding ``_BETWEEN`` makes every styled
    element a candidate).
    """
    values: list[str] = _STYLE_VALUES(root)
    joined = _BETWEEN.join(values)
    squeezed = squeeze(joined.encode("utf-8", "surrogatepass"))
    found: Iterable[int]
    if joined.count(_BETWEEN) != len(values) - 1:
        found = range(len(values))
    elif not any(word in squeezed for word in _HIDING_DECLARATIONS):
        return set()
    else:
        # Where each style ends in the squeezed text, and so which style each find is in.
        ends = [m.start() for m in re.finditer(b"\x02", squeezed)]
        found = set()
        for word in _HIDING_DECLARATIONS:
            at = squeezed.find(word)
            while at >= 0:
                found.add(bisect.bisect_right(ends, at))
                at = squeezed.find(word, at + 1)
    styles: list[etree._ElementUnicodeResult] = _STYLES(root)  # the same, with their elements
    hidden = set()
    for k in found:
        el = styles[k].getparent()
        if el is not None and is_hidden(el):
            hidden.add(el)
    return hidden


def _declared_outside_sheets(squeezed: bytes, sheets: list[str]) -> bool:
    """Whether a hiding declaration may be in a style attribute of the page squeezed.

    ``sheets``: the text of each ``<style>`` element, as parsed. A style that
    :func:`is_hidden` says hides has one of ``_HIDING_DECLARATIONS`` squeezed, and, without
    ``_REFERENCES`` on the page (the caller's test), its text is on the page, squeezed the
    same: so the page has that declaration once more than its style sheets have, each
    counted in its own sheet (a style element's text is the page's text between its tags,
    raw, ending at a ``<``, which no declaration holds). None of the declarations overlaps
    itself, so ``bytes.count`` counts every one. Where each declaration is as often on the
    page as in its style sheets (a site whose sheet hides its pop-up), no style attribute is
    looked at; a declaration in a script, a comment or the text makes them all looked at.
    tests/readers/test_hidden_elements.py compares the blocks read with those read asking
    every element.
    """
    present = [word for word in _HIDING_DECLARATIONS if word in squeezed]
    if not present:
        return False
    inside = squeeze("<".join(sheets).encode("utf-8", "surrogatepass"))
    return any(squeezed.count(word) != inside.count(word) for word in present)


def _hiding_attributes(squeezed: bytes) -> frozenset[str]:
    """The hiding attributes the squeezed page may have (an attribute's name is ASCII).

    A name is on the page as it is, so in the squeezed page; the converse does not hold (the
    squeeze drops white space: ``x=aria- hidden`` is ``aria-hidden`` there, and the
    attribute named ``hidden`` is no part of it), so only a name's absence is relied on.
    """
    if b"hidden" not in squeezed:
        return frozenset()
    return _HIDING_ATTRIBUTES if b"aria-hidden" in squeezed else frozenset({"hidden"})


def _above(elements: set[etree._Element]) -> set[etree._Element]:
    """Every element that has one of ``elements`` inside (their ancestors)."""
    out: set[etree._Element] = set()
    for el in elements:
        node = el.getparent()
        while node is not None and node not in out:
            out.add(node)
            node = node.getparent()
    return out


_DIGITS: Final = re.compile(r"\d+")
#: What makes an element's text more than the text of everything in it (see _cell_text).
_NOT_PLAIN: Final[tuple[str | Callable[..., etree._Element], ...]] = (
    etree.Comment,
    etree.PI,
    etree.Entity,
    *sorted(_SKIP),
)


def _text(el: etree._Element) -> str:
    """All the text in ``el`` (not its tail), in one call to lxml."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _span(el: etree._Element, attr: str, limit: int) -> int:
    raw = el.get(attr)
    return 1 if raw is None else _span_of(raw, limit)


def _span_of(raw: str, limit: int) -> int:
    """The span an attribute's value ``raw`` gives, within ``0..limit`` (see :func:`_span`)."""
    raw = raw.strip()
    match = _DIGITS.match(raw)
    if match is None:
        return 1
    digits = match[0].lstrip("0") or "0"
    if len(digits) > len(str(limit)):  # never int() of thousands of digits
        return limit
    return max(0, min(int(digits), limit))


#: Sources are immutable values: the same places recur from page to page (a report's tables
#: have the same cells), so they are made once and shared (bounded: forgotten when full).
_SOURCES: Final[dict[tuple[int, int, int], Source]] = {}
_PARAGRAPHS: Final[dict[int, Source]] = {}
_MAX_SOURCES: Final = 1 << 16


def _cell_source(table: int, row: int, column: int) -> Source:
    key = (table, row, column)
    source = _SOURCES.get(key)
    if source is None:
        if len(_SOURCES) >= _MAX_SOURCES:
            _SOURCES.clear()
        source = _SOURCES[key] = Source(table=table, row=row, column=column)
    return source


def _paragraph_source(n: int) -> Source:
    source = _PARAGRAPHS.get(n)
    if source is None:
        if len(_PARAGRAPHS) >= _MAX_SOURCES:
            _PARAGRAPHS.clear()
        source = _PARAGRAPHS[n] = Source(paragraph=n)
    return source


def _grid(table: etree._Element, index: int, name: str = "<html>", *, hiding: bool = False) -> Grid:
    """The anchors of ``table``'s grid, row by row (colspan/rowspan rebuilt).

    ``hiding``: the page may hide elements; hidden rows, cells and text are left out.
    """
    rows = _rows_of(table, hiding=hiding)
    n_rows = len(rows)
    # Without script/style/... (or comments) inside, a cell's text is all its text: lxml's
    # text serialisation gives it in one call, the same as :func:`_cell_text`.
    plain = not hiding and next(table.iter(*_NOT_PLAIN), None) is None
    taken: dict[tuple[int, int], bool] = {}
    out: list[tuple[TextCell, ...]] = []
    count = 0
    for r, tr in enumerate(rows):
        col = 0
        cells: list[TextCell] = []
        for td in tr:
            tag = td.tag
            # libxml2 gives tag names in lower case: "td" at once (a comment's is no str).
            if tag != "td" and (not isinstance(tag, str) or tag.lower() not in ("td", "th")):
                continue
            if hiding and is_hidden(td):
                continue
            if taken:
                while taken.get((r, col)):
                    col += 1
            raw = td.get("colspan")
            colspan = 1 if raw is None else _span_of(raw, _MAX_COLSPAN) or 1
            raw = td.get("rowspan")
            rowspan = 1 if raw is None else _span_of(raw, _MAX_ROWSPAN)
            if rowspan != 1:
                if rowspan == 0:  # HTML: to the end of the table section
                    rowspan = n_rows - r
                rowspan = max(1, min(rowspan, n_rows - r))
                _claim(taken, (r, col, rowspan, colspan), name, index)
            text = squash(_text(td) if plain else "".join(_cell_text(td, hiding=hiding)))
            source = _SOURCES.get((index, r + 1, col + 1)) or _cell_source(index, r + 1, col + 1)
            cells.append(new_cell(text, source, rowspan))
            col += colspan
            count += 1
            if count > MAX_TABLE_CELLS:
                raise table_too_large(
                    name,
                    index,
                    (f"超过 {MAX_TABLE_CELLS} 个单元格", f"more than {MAX_TABLE_CELLS} cells"),
                )
        out.append(tuple(cells))
    return Grid(rows=tuple(out))


def _claim(
    taken: dict[tuple[int, int], bool], span: tuple[int, int, int, int], name: str, index: int
) -> None:
    """Mark the rows below a cell that its ``rowspan`` covers, within ``MAX_GRID_AREA``."""
    r, col, rowspan, colspan = span
    if len(taken) + (rowspan - 1) * colspan > MAX_GRID_AREA:
        raise table_too_large(
            name,
            index,
            (
                f"的合并单元格覆盖超过 {MAX_GRID_AREA} 个位置",
                f"spans covering more than {MAX_GRID_AREA} grid positions",
            ),
        )
    for dr in range(1, rowspan):
        for dc in range(colspan):
            taken[(r + dr, col + dc)] = True


def _cell_text(el: etree._Element, *, hiding: bool = False) -> list[str]:
    parts: list[str] = []
    if _tag(el) in _SKIP or (hiding and is_hidden(el)):
        return parts
    if el.text:
        parts.append(el.text)
    for child in el:
        parts.extend(_cell_text(child, hiding=hiding))
        if child.tail:
            parts.append(child.tail)
    return parts


_OPENS: Final = _BLOCKS | {"table", "body"}
_STRUCTURE: Final = _OPENS | _SKIP


def _inline_only(el: etree._Element, *, hiding: bool = False) -> bool:
    """True when ``el`` holds only text and inline elements (no block, table, script...).

    ``hiding``: a hidden element inside counts as structure (its text is not read).
    """
    inner = el.iter()
    next(inner)  # ``el`` itself (``iter`` is faster than ``iterdescendants``)
    for desc in inner:
        tag = desc.tag
        if not isinstance(tag, str) or tag.lower() in _STRUCTURE:
            return False
        if hiding and is_hidden(desc):
            return False
    return True


_INLINE, _BLOCK, _LEAF = 0, 1, 2  # what an element started: nothing, a block, no descent


class _Walker:
    """The page's paragraphs and innermost tables in reading order, with their elements.

    Text is gathered until a block element opens or closes; then it is one paragraph, owned
    by the innermost open block element. An innermost table is one grid; script, style and
    the like are not read (their tails are).
    """

    def __init__(self, name: str = "<html>") -> None:
        self.name = name
        self.hiding = False  # whether the page may hide elements (then each is looked at)
        #: The hidden elements, when known (``hiding`` is then false), and those above them.
        self.hidden: set[etree._Element] = set()
        self.above_hidden: set[etree._Element] = set()
        self.blocks: list[tuple[Block, etree._Element]] = []
        #: The tag (lower case, "" for none) of each block's element, as ``_tag`` gives it.
        self.tags: list[str] = []
        self.buf: list[str] = []
        self.stack: list[etree._Element] = []
        self.stack_tags: list[str] = []
        #: The elements with structure inside (see :func:`_structured`), when known.
        self.structured: set[etree._Element] | None = None
        self.tables = 0
        self.paragraphs = 0
        #: For each block element the walk opened and closed: the blocks made while it was
        #: open, as ``blocks[start:end]`` (see :func:`_inside_each`).
        self.spans: dict[etree._Element, tuple[int, int]] = {}

    def flush(self) -> None:
        buf = self.buf
        if not buf:
            return
        self.buf = []
        if self.stack:
            self.paragraph("".join(buf), self.stack[-1], self.stack_tags[-1])

    def paragraph(self, joined: str, owner: etree._Element, tag: str) -> None:
        """A paragraph of ``joined`` (unless it is only whitespace), owned by ``owner``."""
        if joined.isspace():  # squashed to nothing (``\s`` is ``str.isspace``)
            return
        text = squash(joined)
        if text:
            self.paragraphs += 1
            para = new_para(text, _paragraph_source(self.paragraphs))
            self.blocks.append((para, owner))
            self.tags.append(tag)

    def walk(self, root: etree._Element) -> None:  # noqa: C901, PLR0912, PLR0915 - one loop over events
        """Read ``root`` and everything in it (not its tail), without recursion."""
        buf = self.buf
        stack = self.stack
        stack_tags = self.stack_tags
        structured = self.structured
        hiding = self.hiding
        hidden = self.hidden
        # A cell's descendants and a table's rows and cells are looked at one by one when
        # the page may hide and either is not known, or something inside is hidden.
        inner_hiding = hiding or bool(hidden)
        above_hidden = self.above_hidden
        spans = self.spans
        blocks = self.blocks
        tags = self.tags
        opened: list[int] = []  # where each block element on the stack began in ``blocks``
        started: list[int] = []
        events = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        for event, el in events:
            if event == "end":
                if started.pop() == _BLOCK:
                    self.flush()
                    buf = self.buf
                    spans[stack.pop()] = (opened.pop(), len(self.blocks))
                    stack_tags.pop()
                if started and el.tail:  # the root's tail is not part of it
                    buf.append(el.tail)
                continue
            if event != "start":  # a comment or processing instruction (if the parser kept it)
                if el.text:
                    buf.append(el.text)
                if el.tail:
                    buf.append(el.tail)
                continue
            tag = el.tag
            tag = tag.lower() if isinstance(tag, str) else ""
            if tag in _SKIP or (hidden and el in hidden) or (hiding and is_hidden(el)):
                events.skip_subtree()
                started.append(_LEAF)
                continue
            if tag == "table" and next(el.iterdescendants("table"), None) is None:
                self.flush()
                buf = self.buf
                self.tables += 1
                grid = _grid(el, self.tables, self.name, hiding=hiding or el in above_hidden)
                self.blocks.append((grid, el))
                self.tags.append(tag)
                events.skip_subtree()
                started.append(_LEAF)
                continue
            if tag in _OPENS:
                if tag != "table" and (
                    el not in structured
                    if structured is not None and tag not in _CELLS
                    else _inline_only(el, hiding=inner_hiding)
                ):
                    # Only text and inline markup inside (a Word paragraph): its text at
                    # once, a paragraph of its own, as if it had been opened and closed.
                    if buf:
                        if len(buf) == 1 and buf[0].isspace():  # between two paragraphs
                            buf.clear()  # what ``flush`` makes of it: nothing
                        else:
                            self.flush()
                            buf = self.buf
                    text = _text(el)
                    if text and not text.isspace():  # ``paragraph``, inline (most blocks)
                        self.paragraphs += 1
                        n = self.paragraphs
                        source = _PARAGRAPHS.get(n) or _paragraph_source(n)
                        blocks.append((new_para(squash(text), source), el))
                        tags.append(tag)
                    events.skip_subtree()
                    started.append(_LEAF)
                    continue
                if buf:
                    self.flush()
                    buf = self.buf
                stack.append(el)
                stack_tags.append(tag)
                opened.append(len(self.blocks))
                started.append(_BLOCK)
            else:
                started.append(_INLINE)
            if el.text:
                buf.append(el.text)


def _is_title(text: str) -> bool:
    """A report's title, in any of the forms real titles take (:func:`._page.title_identity`)."""
    return len(text) <= 120 and title_identity(text) is not None  # noqa: PLR2004


def _utf8(text: str) -> bytes | None:
    """``text`` in UTF-8, once for the parser and the hiding test (None: lone surrogates)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # the parser takes the str
        return None


def _walker(root: etree._Element, text: str, name: str, *, may: bool, squeezed: bytes) -> _Walker:
    """The walker of ``root``: whether it may hide elements, which, and what has structure.

    ``may``: whether the page may hide (:func:`_may_hide_squeezed`); ``squeezed``: the page
    squeezed (:func:`squeeze`).
    """
    walker = _Walker(name)
    kelvin = _KELVIN in text
    sheets = [el.text or "" for el in root.iter("style")]
    marked = hide_by_style_sheets(root, name, kelvin=kelvin, sheets=sheets)  # marked ``hidden``
    walker.hiding = may or marked
    if not kelvin:
        if walker.hiding:  # the hidden elements found at once, not asked of each element
            # An attribute named hidden or aria-hidden is in the squeezed page as it is.
            attributes = _HIDING_ATTRIBUTES if marked else _hiding_attributes(squeezed)
            styles = _has_references(squeezed) or _declared_outside_sheets(squeezed, sheets)
            walker.hidden = hidden_elements(root, attributes=attributes, styles=styles)
            walker.above_hidden = _above(walker.hidden)
            walker.hiding = False
        walker.structured = _structured(root)
        walker.structured |= walker.above_hidden
    return walker


def _walked(root: etree._Element, text: str, name: str, *, may: bool, squeezed: bytes) -> _Walker:
    """The walker of ``root`` (see :func:`_walker`), having walked it."""
    walker = _walker(root, text, name, may=may, squeezed=squeezed)
    walker.stack.append(root)
    walker.stack_tags.append(_tag(root))
    walker.walk(root)
    walker.flush()
    return walker


def _walked_for_report(
    root: etree._Element, text: str, name: str, squeezed: bytes
) -> tuple[_Walker, tuple[list[etree._Element], int | None, bool]]:
    """The walker of ``root``, having walked it, and the marks of the report (``_marks``).

    Where nothing marks a report but in ``<noscript>`` (a page whose script writes the
    article, not in the saved page, and gives it there to readers without scripts), the
    page is walked again reading ``<noscript>``.
    """
    may = _may_hide_squeezed(squeezed)
    walker = _walked(root, text, name, may=may, squeezed=squeezed)
    marks = _marks(walker.blocks)
    if not marks[0] and b"<noscript" in squeezed:
        for el in root.iter("noscript"):
            el.tag = "div"
        walker = _walked(root, text, name, may=may, squeezed=squeezed)
        marks = _marks(walker.blocks)
    return walker, marks


def html_blocks(
    text: str,
    name: str = "<html>",
    *,
    utf8: bytes | None = None,
    squeezed: bytes | None = None,
    head: dict[str, str] | None = None,
) -> list[Block]:
    """The paragraphs and tables of the report's article on the page.

    ``utf8``, when given, is ``text`` encoded in UTF-8 (the page's own bytes); ``squeezed``,
    when given, is :func:`squeeze` of it; ``head``, when given, receives the page's
    metadata tags (:func:`_head_tags`).
    """
    utf8 = _utf8(text) if utf8 is None else utf8
    if squeezed is None:
        squeezed = _squeezed(text, utf8)
    # The squeezed page has the page's every < (and is a third of its length to count them).
    root = _parse(text, name, utf8, openings=squeezed.count(b"<"))
    if head is not None:
        head.update(_head_tags(root))
    walker, (marks, first_heading, repeated) = _walked_for_report(root, text, name, squeezed)
    pairs = walker.blocks
    tags = walker.tags
    sections = list(marks)  # the headings (and tables), without the title
    if first_heading is not None:
        title = next(
            (
                el
                for block, el in reversed(pairs[:first_heading])
                if isinstance(block, Para) and _is_title(block.text)
            ),
            None,
        )
        if title is not None:
            marks.append(title)
    if not marks:
        return _own_html.mark_elements([block for block, _ in pairs], tags)
    copies = _copies(pairs, sections, walker.spans) if repeated else None
    if copies is None:
        within = _inside_each(pairs, _common_ancestor(marks), walker.spans)
    else:
        others, in_others = copies
        marks = [el for el in marks if el not in others]
        within = _inside_each(pairs, _common_ancestor(marks), walker.spans)
        within = [w and not c for w, c in zip(within, in_others, strict=True)]
    marked = _own_html.mark_elements([block for block, _ in pairs], tags, within)
    blocks: list[Block] = []
    for i, (block, is_inside) in enumerate(zip(marked, within, strict=True)):
        if is_inside:
            blocks.append(block)
        elif (
            isinstance(block, Grid)
            and _looks_like_report_table(block)
            and not (copies and copies[1][i])
        ):
            blocks.append(Grid(rows=block.rows, outside=True))
        else:
            blocks.extend(_outside(block))
    return blocks


#: The Kelvin sign: the one character outside ASCII whose ``str.lower`` is ASCII (``k``). A
#: tag name holding it is compared by ``_tag`` as "k" (``blocKquote``), which libxml2, which
#: lowers only ASCII in tag names, does not do: such a page is walked the first way.
_KELVIN: Final = "\u212a"
_STRUCTURE_TAGS: Final[tuple[str | Callable[..., etree._Element], ...]] = (
    etree.Comment,
    etree.PI,
    etree.Entity,
    *sorted(_STRUCTURE),
)


#: Table cells: the walk asks :func:`_inline_only` of a cell, not :func:`_structured`.
_CELLS: Final = frozenset({"td", "th"})


def _structured(root: etree._Element) -> set[etree._Element]:
    """The elements of ``root`` that are not inline-only (``_inline_only`` false, not hiding).

    Table cells (``_CELLS``) are left out: the walk asks :func:`_inline_only` of a cell. It
    meets cells only outside innermost tables (a layout table, a cell astray), rarely, while
    a Word table's every cell holds a paragraph: marking them, a Python object kept alive a
    cell, cost more than the answers save (and as many more objects for the garbage
    collector to look at while the page is read).

    One pass over what counts as structure (blocks, tables, skipped elements, comments...),
    marking the ancestors of each: instead of looking through each block element's
    descendants (a Python object for every one). What is inside a cell marks nothing: an
    element above the cell is marked by the cell itself (``td`` and ``th`` are structure),
    or by a cell above it. libxml2's HTML parser gives tag names in lower case (ASCII), so
    the names of ``_STRUCTURE`` find every element ``_tag`` puts there (but see
    ``_KELVIN``); tests/readers/test_html_walk.py proves it equal to ``_inline_only`` on
    any markup. The elements are kept alive by the set, so the walk meets the same objects.
    """
    out: set[etree._Element] = set()
    cells = _CELLS
    for el in root.iter(*_STRUCTURE_TAGS):
        node = el.getparent()
        if node is None or node in out or node.tag in cells:
            continue
        while node is not None and node not in out:
            out.add(node)
            node = node.getparent()
    return out


#: The metadata tags government sites put in every article page's head (政府网站发展指引,
#: 国办发〔2017〕47号: ``ArticleTitle``, ``PubDate``, ``ContentSource``...), as the lines
#: of :func:`._page.metadata_fields` that say the same.
_HEAD_TAGS: Final = {"pubdate": "发布时间", "contentsource": "来源"}


def _head_tags(root: etree._Element) -> dict[str, str]:
    """The page's metadata tags (``<meta name=PubDate content=…>``), as metadata lines."""
    head = root.find("head")
    if head is None:
        return {}
    out: dict[str, str] = {}
    for meta in head.iterchildren("meta"):
        key = _HEAD_TAGS.get((meta.get("name") or "").strip().lower())
        content = squash(meta.get("content") or "")
        if key is not None and content and key not in out:
            out[key] = content
    return out


def _with_head_metadata(record: PublishedReport, head: dict[str, str]) -> PublishedReport:
    """``record`` with what its page's metadata tags say where its lines say nothing.

    A site writes the publisher and the date in its info line, often by script (then not
    in the saved page), and always in its head's tags: a line printed wins.
    """
    found: dict[str, object] = {}
    for key, value in head.items():
        found |= metadata_fields(f"{key}：{value}")
    metadata = record.metadata
    missing = {k: v for k, v in found.items() if getattr(metadata, k) is None}
    if not missing:
        return record
    filled = attrs.evolve(metadata, **missing)  # type: ignore[arg-type]  # fields of the class
    return attrs.evolve(record, metadata=filled)


def _marks(
    pairs: list[tuple[Block, etree._Element]],
) -> tuple[list[etree._Element], int | None, bool]:
    """The elements that mark the article, where the first heading is, whether one repeats.

    Where among ``pairs`` the first heading is; whether a section's heading is printed
    twice (:func:`_copies`).
    With enough headings they alone mark it, so that a sidebar's table matching the
    labels cannot widen the article to the whole page; with fewer, the tables that look
    like the report's mark it too.
    """
    marks: list[etree._Element] = []
    tables: list[etree._Element] = []
    headings: set[str] = set()
    repeated = False
    first_heading = None
    for i, (block, el) in enumerate(pairs):
        if isinstance(block, Grid):
            if _looks_like_report_table(block):
                tables.append(el)
            continue
        section = match_section(block.text)
        if section is not None:
            marks.append(el)
            repeated = repeated or section[0] in headings
            headings.add(section[0])
            first_heading = i if first_heading is None else first_heading
    if len(headings) < _HEADINGS_ENOUGH:
        marks.extend(tables)
    return marks, first_heading, repeated


def _copies(
    pairs: list[tuple[Block, etree._Element]],
    sections: list[etree._Element],
    spans: dict[etree._Element, tuple[int, int]],
) -> tuple[set[etree._Element], list[bool]] | None:
    """Copies of the report: the marks in all but the one read, the blocks in them.

    Responsive templates print an article twice, for computers and for phones, and hide
    one by a class of an outside style sheet (``d-none d-md-block``, ``pc-only``): each
    copy is one element under the elements holding the section headings (``sections``,
    the marks but the title), holding its headings. Two or more such elements hold the
    same report where their text (paragraphs of ``_COPY_TEXT`` characters or more, from
    the first heading's element to the last) is the same, and so are their tables, or
    all but one copy have none (a phone's copy without the tables). The copy with the
    tables (the first of equals) is the report, the others the page's; None where the
    copies differ (two reports: refused by the interpreter). Only for a page whose
    section headings repeat.
    """
    groups = _copy_groups(sections)
    if len(groups) > _MAX_COPIES:  # more than a page prints: no copies (each is looked at)
        return None
    copies = [found for found in groups.values() if len(found) >= _HEADINGS_ENOUGH]
    if len(copies) < 2:  # noqa: PLR2004 - a copy and another
        return None
    printed = [
        _copy_print([block for (block, _), is_in in zip(pairs, inside, strict=True) if is_in])
        for inside in (_inside_each(pairs, _common_ancestor(found), spans) for found in copies)
    ]
    texts = {text for text, _ in printed}
    tables = {grids for _, grids in printed if grids}
    if len(texts) != 1 or len(tables) > 1 or not next(iter(texts)):
        return None
    kept = max(range(len(copies)), key=lambda n: (len(printed[n][1]), -n))
    others: set[etree._Element] = set()
    in_others = [False] * len(pairs)
    for child, found in groups.items():
        if found is not copies[kept]:
            others.update(found)
            inside = _inside_each(pairs, child, spans)
            in_others = [a or b for a, b in zip(in_others, inside, strict=True)]
    return others, in_others


#: The most elements holding section headings that :func:`_copies` looks at as copies (a
#: page prints an article for computers and for phones, perhaps for printing): each copy
#: is compared block by block.
_MAX_COPIES: Final = 4
#: The shortest paragraph compared between copies of the report (:func:`_copies`): shorter
#: ones are a copy's own (a placeholder for its tables, a button).
_COPY_TEXT: Final = 15


def _copy_print(blocks: list[Block]) -> tuple[tuple[str, ...], tuple[object, ...]]:
    """What a copy of the report prints: its longer paragraphs, and its tables' cells."""
    texts = tuple(b.text for b in blocks if isinstance(b, Para) and len(b.text) >= _COPY_TEXT)
    grids = tuple(
        tuple(tuple(c.text for c in row) for row in b.rows) for b in blocks if isinstance(b, Grid)
    )
    return texts, grids


def _copy_groups(sections: list[etree._Element]) -> dict[etree._Element, list[etree._Element]]:
    """The marks ``sections`` by the child of their common ancestor that holds each."""
    base = _common_ancestor(sections)
    groups: dict[etree._Element, list[etree._Element]] = {}
    for mark in sections:
        node = mark
        parent = node.getparent()
        while parent is not None and parent is not base:
            node, parent = parent, parent.getparent()
        if parent is None:  # the common ancestor itself: no copies
            return {}
        groups.setdefault(node, []).append(mark)
    return groups


#: How many distinct section headings locate the article without the help of tables.
_HEADINGS_ENOUGH: Final = 2


def _looks_like_report_table(grid: Grid) -> bool:
    """Whether ``grid`` holds a label of one of the report's tables (a quick test)."""
    return any(m in c.text for row in grid.rows for c in row for m in _TABLE_MARKS)


def _outside(block: Block) -> list[Block]:
    """The text of ``block``, outside the article, marked as the page's.

    A table outside the article (a layout table, a CMS's metadata table) gives one
    paragraph a row.
    """
    if isinstance(block, Para):
        return [Para(text=block.text, source=block.source, outside=True)]
    out: list[Block] = []
    for row in block.rows:
        text = " ".join(c.text for c in row if c.text)
        if text:
            out.append(Para(text=text, source=row[0].source, outside=True))
    return out


def _common_ancestor(elements: list[etree._Element]) -> etree._Element:
    def chain(el: etree._Element) -> list[etree._Element]:
        out = [el]
        parent = el.getparent()
        while parent is not None:
            out.append(parent)
            parent = parent.getparent()
        return out[::-1]

    chains = [chain(el) for el in elements]
    common = chains[0][0]
    for level in zip(*chains, strict=False):
        if all(el is level[0] for el in level):
            common = level[0]
        else:
            break
    return common


def _inside_each(
    pairs: list[tuple[Block, etree._Element]],
    article: etree._Element,
    spans: dict[etree._Element, tuple[int, int]],
) -> list[bool]:
    """Whether each block's element is ``article`` or inside it.

    When the walk opened and closed ``article`` as a block element, the blocks made while it
    was open are exactly those: each was made from ``article``'s own text or from an element
    the walk met inside it (document order), and every block before or after from an element
    outside it (text before it is flushed before it opens, its own last text before it
    closes). Else (an inline element, or the page's root) each element is looked up by its
    ancestry. tests/readers/test_html_walk.py compares both with the first way on any markup.
    """
    span = spans.get(article)
    if span is None:
        inside = _within(article)
        return [inside(el) for _, el in pairs]  # each element tested once
    start, end = span
    return [False] * start + [True] * (end - start) + [False] * (len(pairs) - end)


def _within(article: etree._Element) -> Callable[[etree._Element], bool]:
    """A test of whether an element is ``article`` or inside it (answers remembered)."""
    known: dict[etree._Element, bool] = {article: True}

    def inside(el: etree._Element) -> bool:
        chain = []
        node: etree._Element | None = el
        while node is not None and node not in known:
            chain.append(node)
            node = node.getparent()
        answer = node is not None and known[node]
        for seen in chain:
            known[seen] = answer
        return answer

    return inside
