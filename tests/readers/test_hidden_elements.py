# ruff: noqa: SLF001 - compares the reader with its own first way
"""The hidden elements found at once are those found by asking each element.

A page that may hide elements was first walked asking :func:`is_hidden` of every element
(and looking through each block's descendants for a hidden one). :func:`hidden_elements`
finds them at once: the elements with a ``hidden`` or ``aria-hidden`` attribute, and the
styled elements whose style, in lower case, has a declaration that may hide. Both must give
the same set, and the walk with the set the same blocks, on any markup: styles in any case,
with any white space, with ``İ``, ``ı``, ``ſ`` and the Kelvin sign, written with character
references, zero sizes and fonts, style sheets, hidden cells, rows and tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.errors import ReadError
from govinfo_report.published.readers import _css as css_module
from govinfo_report.published.readers import html as reader
from govinfo_report.published.readers._css import hide_by_style_sheets

if TYPE_CHECKING:
    from lxml import etree

    from govinfo_report.published.readers._blocks import Block

_STYLES = [
    "display:none",
    "DISPLAY : NONE",
    "Display:\u3000None",
    "display:\xa0none",
    "di\u017fplay:none",
    "d\u0130splay:none",
    "d\u0131splay:none",
    "display&#58;none",
    "visibility:hidden",
    "VISIBILITY:Collapse",
    "visibility:visible",
    "mso-hide:all",
    "MSO-HIDE : ALL",
    "font-size:0",
    "font-size:0px",
    "font-size: 0pt !important",
    "font-size:10.5pt",
    "font-size:0.5em",
    "width:0;height:0",
    "HEIGHT:0px; width : 0",
    "height:0",
    "line-height:28.0pt",
    "margin:0cm",
    "overflow:hidden",
    "color:red",
    "",
]
_ATTRIBUTES = st.one_of(
    st.sampled_from(_STYLES).map(lambda style: f" style='{style}'"),
    st.sampled_from(
        [
            "",
            " hidden",
            " HIDDEN",
            " aria-hidden=true",
            " aria-hidden=' TRUE '",
            " aria-hidden=false",
            " type=hidden",
            " class=hidden",
        ]
    ),
)
_TAGS = st.sampled_from(["p", "div", "span", "td", "tr", "table", "b", "li", "h2", "o:p"])
_TEXT = st.sampled_from(["规章", "1", "二、主动公开政府信息情况", "本年新收", "行政复议", " ", "x"])


@st.composite
def _element(draw: st.DrawFn) -> str:
    tag = draw(_TAGS)
    attributes = "".join(draw(st.lists(_ATTRIBUTES, max_size=2)))
    return draw(st.sampled_from([f"<{tag}{attributes}>", f"</{tag}>"]))


_PIECES = st.one_of(
    _element(),
    _TEXT,
    st.sampled_from(
        [
            "<style>.ad{display:none} #x > td {visibility:hidden} p.h {DISPLAY:none}</style>",
            "<p class=ad>decoy</p>",
            "<table><tr id=x><td>规章</td><td>1</td></tr></table>",
            "<input type=hidden name=webid value=1>",
            "<style>.box{overflow:hidden}</style>",
            "<table><tr><td style='display:none'>规章</td><td>3</td></tr></table>",
            "<table><tr hidden><td>规章</td><td>4</td></tr><tr><td>5</td></tr></table>",
            "<div><p>a<span style='font-size:0'>b</span>c</p></div>",
            "<bloc\u212aquote style='display:none'>k</bloc\u212aquote>",
            "<!-- 规章 -->",
            "<script>var s = 'display:none';</script>",
        ]
    ),
    st.text(max_size=4),
)


def _root(pieces: list[str]) -> etree._Element | None:
    page = "".join(pieces).replace("\ud800", "").replace("\x00", "")
    try:
        root = reader._parse(page, "<html>")
    except ReadError:
        return None
    hide_by_style_sheets(root, "<html>")
    return root


@given(st.lists(_PIECES, min_size=1, max_size=40))
def test_hidden_elements_are_those_is_hidden_names(pieces: list[str]) -> None:
    root = _root(pieces)
    if root is None:
        return
    asked = {el for el in root.iter() if isinstance(el.tag, str) and reader.is_hidden(el)}
    assert reader.hidden_elements(root) == asked
    if not any(el.get("hidden") is not None or el.get("aria-hidden") is not None for el in asked):
        assert reader.hidden_elements(root, attributes=frozenset()) == asked


def _first_walker(
    root: etree._Element,
    text: str,
    name: str,
    *,
    may: bool,
    squeezed: bytes | None = None,  # noqa: ARG001 - the first way had no use for it
) -> reader._Walker:
    """The walker as first set up: a page that may hide asks each element."""
    walker = reader._Walker(name)
    walker.hiding = may
    if hide_by_style_sheets(root, name):
        walker.hiding = True
    if not walker.hiding and reader._KELVIN not in text:
        walker.structured = reader._structured(root)
    return walker


def _blocks(page: str) -> list[Block] | str:
    try:
        return reader.html_blocks(page)
    except ReadError as exc:
        return f"error: {exc}"


def _read_as_with(pieces: list[str], walker: object) -> None:
    """The page of ``pieces`` gives the same blocks as with ``walker`` setting up the walk."""
    page = "<html><body>" + "".join(pieces)
    found = _blocks(page)
    with mock.patch.object(reader, "_walker", walker):
        assert found == _blocks(page)


@given(st.lists(_PIECES, min_size=1, max_size=40))
def test_pages_that_may_hide_walk_as_first(pieces: list[str]) -> None:
    _read_as_with(pieces, _first_walker)


def test_a_site_page_with_hidden_inputs_reads_its_hidden_cells_as_before() -> None:
    page = (
        "<html><head><style>.nav{overflow:hidden}.pop{display:none}</style></head><body>"
        "<form><input type=hidden name=webid value=3></form><div class=pop>弹窗 规章 9</div>"
        "<div class=article><h1>某局2023年政府信息公开工作年度报告</h1>"
        "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>2</td>"
        "<td style='DISPLAY : none'>7</td><td>5</td></tr>"
        "<tr style='visibility:hidden'><td>规范性文件</td><td>8</td></tr></table></div>"
        "</body></html>"
    )
    assert reader._may_hide_squeezed(reader.squeeze(page.encode()))
    found = _blocks(page)
    with mock.patch.object(reader, "_walker", _first_walker):
        assert found == _blocks(page)
    assert isinstance(found, list)
    texts = [c.text for b in found if hasattr(b, "rows") for row in b.rows for c in row]
    assert "7" not in texts
    assert "8" not in texts
    assert "弹窗 规章 9" not in [getattr(b, "text", None) for b in found]


# Style sheets: the elements a rule is keyed to, found by XPath, as asking every element.

_SELECTORS = st.sampled_from(
    [
        *("p", "div", "td", "li", "span", "*", ".a", ".B", "p.a", "#x", "#X", "div > p"),
        *("div .a", "tr td", ".a.b", "bloc\u212aquote", "P", "table#x td", ".\u0130", "o:p"),
        *("blockquote", "li.a", "#x.a"),
    ]
)
_DECLARATIONS = st.sampled_from(
    ["display:none", "display:block", "visibility:hidden", "visibility:visible", "color:red"]
)
_MARKED = st.sampled_from(
    [
        "<p class=a>",
        "<p class='A b'>",
        "<div class=B>",
        "<div id=x>",
        "<span id=X class=a>",
        "<li class=' a '>",
        "<td class=a>",
        "<table id=x><tr><td>规章</td><td>1</td></tr></table>",
        "<bloc\u212aquote>k</bloc\u212aquote>",
        "<p class=\u0130>",
        "<p class=\u0131>",
        "<p id=''>",
        "</p>",
        "</div>",
        "<ul><li>",
        "text",
    ]
)


@st.composite
def _sheet_page(draw: st.DrawFn) -> str:
    rules = draw(
        st.lists(st.tuples(st.lists(_SELECTORS, min_size=1, max_size=2), _DECLARATIONS), max_size=4)
    )
    css = "".join(f"{', '.join(selectors)} {{{declaration}}}" for selectors, declaration in rules)
    body = "".join(draw(st.lists(_MARKED, max_size=20)))
    return f"<html><head><style>{css}</style></head><body>{body}</body></html>"


def _marked(page: str) -> tuple[bool | str, list[str]]:
    try:
        root = reader._parse(page, "<html>")
        hid = hide_by_style_sheets(root, "<html>", kelvin=reader._KELVIN in page)
    except ReadError as exc:
        return str(exc), []
    return hid, [
        root.getroottree().getpath(el) for el in root.iter() if el.get("hidden") is not None
    ]


@given(_sheet_page())
def test_style_sheets_hide_what_asking_every_element_hides(page: str) -> None:
    found = _marked(page)
    every = css_module._every_element
    with mock.patch.object(css_module, "_candidates", lambda root, _, **__: every(root)):
        assert found == _marked(page)


def test_a_style_spelled_with_character_references_hides_as_in_a_browser() -> None:
    """``display&#58;none`` is ``display:none`` to a browser: the decoy row is not read.

    So are HTML5's named references (``&colon;``, ``&Tab;``), which the parser decodes, and
    a NUL character, which it is given the page without: each once read a hidden row on a
    page without another hiding word.
    """
    hidings: tuple[str, ...] = ("display&#58;none", "&#100;isplay:none", "display:&#x20;none")
    hidings += ("display&colon;none", "DISPLAY:&Tab;NONE", "display:&NewLine;none")
    hidings += ("display:\x00none", "visibility&colon;hidden", "height&colon;0;width:0")
    for hiding in hidings:
        page = (
            "<html><body><h1>某局2023年政府信息公开工作年度报告</h1>"
            "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>2</td></tr>"
            f"<tr style='{hiding}'><td>规章</td><td>9</td></tr></table></body></html>"
        )
        found = _blocks(page)
        assert isinstance(found, list)
        texts = [c.text for b in found if hasattr(b, "rows") for row in b.rows for c in row]
        assert "2" in texts
        assert "9" not in texts, hiding


def test_styles_are_read_as_a_browser_reads_css() -> None:
    """CSS white space and ASCII case: what a browser hides, and only that."""
    from lxml import etree  # noqa: PLC0415 - only here

    hides = ["DISPLAY:\tNONE", "display :\nnone", "Visibility: Collapse", "font-size:0;x:y"]
    shows = ["display:\u3000none", "display:\xa0none", "di\u017fplay:none", "d\u0131splay:none"]
    shows += ["display:\u2003none", "font-size:\xa00", "visibility:hidde\u212a"]
    for style, hidden in [(s, True) for s in hides] + [(s, False) for s in shows]:
        el = etree.Element("p", style=style)
        assert reader.is_hidden(el) is hidden, style
    for css, hidden in (
        ("div p{display:none}", True),
        ("div\u3000p{display:none}", False),
        (".a{display:\u3000none}", False),
        (".a{DISPLAY:NONE}", True),
        (".a{di\u017fplay:none}", False),
    ):
        page = f"<html><head><style>{css}</style></head><body><div><p class=a>x</p></div>"
        root = reader._parse(page + "</body></html>", "<html>")
        assert hide_by_style_sheets(root, "<html>") is hidden, css


def test_a_style_sheet_keying_many_values_asks_every_element_in_one_pass() -> None:
    """Past ``_MAX_PATHS`` keyed values the union is not built (a pass over the page each)."""
    n = css_module._MAX_PATHS + 1
    css = "".join(f".c{i}{{display:none}}" for i in range(n))
    page = f"<html><head><style>{css}</style></head><body>"
    page += "".join(f"<p class=c{i}>x</p>" for i in range(n)) + "<p>shown</p></body></html>"
    root = reader._parse(page, "<html>")
    rules = css_module._rules(css, "<html>")
    index = css_module._index(rules)
    assert css_module._candidates(root, index) == css_module._every_element(root)
    assert hide_by_style_sheets(root, "<html>")
    shown = [el.text for el in root.iter("p") if el.get("hidden") is None]
    assert shown == ["shown"]


# The quick tests against the truth: whatever they let the reader skip, asking every element
# whether it is hidden must give the same blocks. Character references the parser decodes
# (numeric, and HTML5's named ones, ``&colon;`` and ``&Tab;`` among them), NUL characters
# (dropped before parsing), hiding words in style sheets, scripts, comments and text, and
# style elements in any context.

_TRUTH_PIECES = st.one_of(
    st.sampled_from(
        [
            *(f"<p style='{s}'>规章 {n}</p>" for n, s in enumerate(_STYLES)),
            "<p style='display:\x00none'>规章 a</p>",
            "<p style='display&colon;none'>规章 b</p>",
            "<p style='DISPLAY&Colon;NONE'>规章 c</p>",
            "<p style='display:&Tab;none'>规章 d</p>",
            "<p style='display:&NewLine;none'>规章 e</p>",
            "<p style='display&#58;none'>规章 f</p>",
            "<p style='visibility:&#x68;idden'>规章 g</p>",
            "<p style='font-size:&#48;'>规章 h</p>",
            "<p style='width:0;&Tab;height:0'>规章 i</p>",
            "<p style='height&colon;0;width:0'>规章 j</p>",
            "<p style='display:&nbsp;none'>规章 k</p>",
            "<p hid\x00den>规章 l</p>",
            "<p aria-hid\x00den=true>规章 m</p>",
            "<p aria-hidden=true>规章 n</p>",
            "<p hidden>规章 o</p>",
            "<p x=aria- hidden>规章 q</p>",
            "<p x='aria-'\thidden>规章 r</p>",
            "<p class=a>规章 p</p>",
            "<input type=hidden name=x value=1>",
            "<style>.a{display:none}</style>",
            "<style>.b{overflow:hidden;height:0}</style>",
            "<style>p{color:red}/* display:none */</style>",
            "<style>display:</style><style>none</style>",
            "<style>.z{visibility:hidden}</style>",
            "<svg><style>.y{display:none}</style></svg>",
            "<script>s.style='display:none'</script>",
            "<!-- display:none -->",
            "<title>display:none</title>",
            "<textarea>display&colon;none</textarea>",
            "display:none",
            "&amp;colon;",
            "&nbsp;",
            "<div>",
            "</div>",
            "<table><tr><td>规章</td><td style='display&colon;none'>7</td></tr></table>",
        ]
    ),
    _TEXT,
)


def _asking_walker(
    root: etree._Element,
    text: str,
    name: str,
    *,
    may: bool,  # noqa: ARG001 - the truth asks every element whatever the quick test says
    squeezed: bytes | None = None,  # noqa: ARG001
) -> reader._Walker:
    return _first_walker(root, text, name, may=True)


@given(st.lists(_TRUTH_PIECES, min_size=1, max_size=12))
def test_no_quick_test_lets_a_hidden_element_be_read(pieces: list[str]) -> None:
    _read_as_with(pieces, _asking_walker)


def test_the_hiding_attributes_looked_for_include_those_on_the_page() -> None:
    for page, names in (
        ("<p>x</p>", set()),
        ("<input type=hidden>", {"hidden"}),
        ("<p aria-hidden=true>", {"aria-hidden", "hidden"}),
        ("<p ARIA-HIDDEN=true hidden>", {"aria-hidden", "hidden"}),
        ("<p aria-hidden=true><p hid\x00den>", {"aria-hidden", "hidden"}),
        ("<p x=aria- hidden>", {"aria-hidden", "hidden"}),  # aria-hidden once squeezed
    ):
        squeezed = reader.squeeze(page.encode())
        assert reader._hiding_attributes(squeezed) == names, page
        root = reader._parse(page.replace("\x00", ""), "<html>")
        present = {a for el in root.iter() for a in el.attrib if a in ("hidden", "aria-hidden")}
        assert present <= names, page
