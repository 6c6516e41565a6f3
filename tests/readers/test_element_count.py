# ruff: noqa: SLF001 - compares the count with the reader's own parser and bound
"""The page's elements are counted as ``root.iter()`` counts them.

:func:`check_elements` counts the nodes of a parsed page with one XPath expression instead
of iterating them in Python; the reference is the iteration as first written. Both must
agree on any markup, parsed as the reader parses it and with comments and processing
instructions kept, and the bound must fall on the same element.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from govinfo_report.errors import ReadError
from govinfo_report.published.readers import _limits
from govinfo_report.published.readers import html as reader
from govinfo_report.published.readers._limits import MAX_ELEMENTS, check_elements

_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<span>",
        "<br>",
        "<!-- note -->",
        "<?php echo 1 ?>",
        "<?xml version='1.0'?>",
        "&nbsp;",
        "&amp;",
        "&unknown;",
        "&#x4e2d;",
        "<script>x<y</script>",
        "<style>p{}</style>",
        "<![CDATA[x]]>",
        "<!DOCTYPE html>",
        "<html>",
        "<body>",
        "</body>",
        "text",
        "中文",
    ]
)
_KEEPING = etree.HTMLParser(remove_comments=False, remove_pis=False, recover=True)


def _roots(markup: str) -> list[etree._Element]:
    roots = []
    for parser in (reader._html_parser(), _KEEPING):
        root = etree.fromstring(markup, parser=parser)
        if root is not None:
            roots.append(root)
    return roots


@given(st.lists(st.one_of(_PIECES, st.text(max_size=4)), min_size=1, max_size=40))
def test_nodes_counted_as_iter_counts_them(pieces: list[str]) -> None:
    for root in _roots("".join(pieces)):
        assert root.xpath(_limits._NODES) == sum(1 for _ in root.iter())


def test_comments_and_instructions_are_counted() -> None:
    (_, root) = _roots("<div><!-- a --><?pi b?><p>c</p></div>")
    # html, body, div, the comment, the instruction, p
    assert sum(1 for _ in root.iter()) == root.xpath(_limits._NODES) == 6


def test_the_bound_falls_on_the_same_element() -> None:
    def page(n: int) -> etree._Element:
        # html, body and a div around n - 3 spans: n elements in all
        root = etree.fromstring(
            "<div>" + "<span></span>" * (n - 3) + "</div>", reader._html_parser()
        )
        assert sum(1 for _ in root.iter()) == n
        return root

    check_elements(page(MAX_ELEMENTS), "<html>")
    with pytest.raises(ReadError, match="page elements"):
        check_elements(page(MAX_ELEMENTS + 1), "<html>")


_HOSTILE = st.sampled_from(
    [
        "</html>a",
        "</body>a",
        "</head>a",
        "</p>",
        "<td>a",
        "</html><p>a",
        "<",
        "<<",
        "</",
        "<x",
        "</x>",
        "<p/>",
        "<html>",
        "<head>",
        "<title>",
        "<frameset>",
        "<option>",
        "<dd>",
        "<li>",
        "&lt;p&gt;",
        "\U000f8581",
    ]
)


@given(st.lists(st.one_of(_PIECES, _HOSTILE, st.text(max_size=3)), max_size=40))
def test_nodes_are_bounded_by_the_markups_openings(pieces: list[str]) -> None:
    """The bound that lets a page with few ``<`` go uncounted holds on any markup."""
    markup = "".join(pieces)
    for root in _roots(markup):
        nodes = sum(1 for _ in root.iter())
        assert nodes <= markup.count("<") * _limits._NODES_PER_OPENING + _limits._IMPLIED


def test_a_page_with_few_openings_is_not_counted_and_one_with_many_is() -> None:
    root = etree.fromstring("<div>" + "<span></span>" * 10 + "</div>", reader._html_parser())
    check_elements(root, "<html>", openings=21)  # within the bound: not counted
    big = "<div>" + "<span></span>" * (MAX_ELEMENTS - 2) + "</div>"
    with pytest.raises(ReadError, match="page elements"):
        check_elements(
            etree.fromstring(big, reader._html_parser()), "<html>", openings=big.count("<")
        )
    with pytest.raises(ReadError, match="page elements"):
        reader.html_blocks(big)
