"""Bounds on what a reader takes in, so that any input costs bounded time and memory.

A published report is a few hundred KB of text with a few thousand elements; these bounds
are two orders of magnitude above that, and far below what would exhaust a machine (a
10 MB page of nothing but ``<td>`` once cost 1.6 GB).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

from govinfo_report.errors import ReadError

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "MAX_CHARS",
    "MAX_ELEMENTS",
    "MAX_GRID_AREA",
    "MAX_LINES",
    "MAX_ROW_CELLS",
    "MAX_TABLE_CELLS",
    "check_elements",
    "check_text",
    "refuse_file_name",
    "table_too_large",
]

#: Characters of a page or a text (after decoding).
MAX_CHARS: Final = 8_000_000
#: Lines of a flattened text.
MAX_LINES: Final = 100_000
#: Elements of a parsed web page.
MAX_ELEMENTS: Final = 200_000
#: Cells of one table row (the format's widest row has 9; a flattened text may run a few
#: rows together).
MAX_ROW_CELLS: Final = 256
#: Cells of one table (the three tables of the format have about 250 together; Word and
#: web pages add spacer cells, at most doubling that).
MAX_TABLE_CELLS: Final = 5_000
#: Grid positions one table's row and column spans may cover (HTML ``rowspan``/``colspan``).
MAX_GRID_AREA: Final = 100_000


def _too_large(name: str, what_zh: str, what_en: str) -> ReadError:
    return ReadError(
        name,
        f"{what_zh}，远超任何一份年度报告，拒绝读取",
        f"{what_en}, far more than any annual report; refused",
    )


def check_text(text: str, name: str, *, lines: bool = False) -> None:
    """Refuse a text of more than ``MAX_CHARS`` characters (or ``MAX_LINES`` lines)."""
    if len(text) > MAX_CHARS:
        raise _too_large(name, f"超过 {MAX_CHARS} 个字符", f"more than {MAX_CHARS} characters")
    if lines and text.count("\n") > MAX_LINES:
        raise _too_large(name, f"超过 {MAX_LINES} 行", f"more than {MAX_LINES} lines")


def table_too_large(name: str, table: int, what: tuple[str, str]) -> ReadError:
    """The error for a table past one of the bounds above (``what``: the bound, zh and en)."""
    return _too_large(name, f"第 {table} 个表格{what[0]}", f"table {table} has {what[1]}")


def refuse_file_name(text: str, name: str) -> None:
    """Refuse a ``str`` that names an existing file: content was expected, not a path.

    ``read_text`` and ``read_html`` take the content as a ``str`` and a path as a
    ``pathlib.Path``; a one-line ``str`` that is an existing file's name was meant as a
    path, and reading it as a report would say "no report found" about the wrong thing.
    """
    if "\n" in text or len(text) > 4096:  # noqa: PLR2004 - longer than any path
        return
    try:
        is_file = os.path.isfile(text)  # noqa: PTH113 - a str is what is being tested
    except (OSError, ValueError):
        return
    if is_file:
        raise ReadError(
            name,
            f"“{text}”是文件名而不是内容：请传入 pathlib.Path(...)，或用 read() 读取文件",
            f'"{text}" is a file name, not content: pass pathlib.Path(...), or use read()',
        )


#: What ``root.iter()`` yields of a parsed web page (elements, comments, processing
#: instructions; the HTML parser keeps no entity references), counted by libxml2 without
#: making a Python object for each (a tenth of the cost).
_NODES: Final = (
    "count(descendant-or-self::*) + count(descendant::comment())"
    " + count(descendant::processing-instruction())"
)


#: A parsed page has at most this many nodes per ``<`` of its markup, plus ``_IMPLIED``: every
#: element, comment and instruction libxml2 makes opens with a ``<``, except the ``html``,
#: ``body`` and ``p`` it implies around text, which a ``<`` must close before they are
#: implied again (tests/readers/test_element_count.py: any markup; two a ``<`` and two more
#: is the most found).
_NODES_PER_OPENING: Final = 3
_IMPLIED: Final = 16


def check_elements(root: etree._Element, name: str, *, openings: int | None = None) -> None:
    """Refuse a parsed page of more than ``MAX_ELEMENTS`` elements.

    ``openings``, when given, is the number of ``<`` in the markup parsed: a page with too few
    of them to reach the bound is not counted (a tenth of the cost of reading a long page).
    """
    if openings is not None and openings * _NODES_PER_OPENING + _IMPLIED <= MAX_ELEMENTS:
        return
    if root.xpath(_NODES) > MAX_ELEMENTS:
        raise _too_large(
            name, f"超过 {MAX_ELEMENTS} 个网页元素", f"more than {MAX_ELEMENTS} page elements"
        )
