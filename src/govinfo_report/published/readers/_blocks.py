"""What every reader produces before interpretation: paragraphs and grids (private).

The text, HTML and .docx readers differ only in how they find paragraphs and table cells;
they all hand a sequence of :class:`Para` and :class:`Grid` blocks to
:func:`govinfo_report.published.readers._interpret.interpret`, which knows the format.
"""

from __future__ import annotations

from typing import Any

import attrs

from govinfo_report.published.record import Source

__all__ = ["Block", "Grid", "Para", "TextCell", "new_cell", "new_para"]


# No ``__weakref__`` slot (nothing refers to blocks weakly): so that the unfrozen twins below
# share the classes' layout.
@attrs.frozen(kw_only=True, weakref_slot=False)
class Para:
    """A paragraph: its text (whitespace squashed), where it was found, its style id.

    ``outside`` marks text a reader found outside the page's article (menus, footers):
    kept as furniture, never read as the report's.
    """

    text: str
    source: Source
    style: str | None = None
    outside: bool = False


@attrs.frozen(kw_only=True, weakref_slot=False)
class TextCell:
    """One cell of a grid as printed (a merged cell appears once, at its anchor).

    ``rows`` is how many grid rows the cell spans (``rowspan``, ``w:vMerge``).
    """

    text: str
    source: Source
    rows: int = 1


@attrs.frozen(kw_only=True)
class Grid:
    """A table (or a run of table lines of a text) as rows of cells, in reading order.

    ``outside`` marks a table found outside the page's article (a sidebar's) that looks
    like one of the report's: its figures are noted, never read as the report's.
    """

    rows: tuple[tuple[TextCell, ...], ...]
    outside: bool = False


Block = Para | Grid


# A web page gives a thousand paragraphs and cells; a frozen attrs class sets each field
# through ``object.__setattr__`` (half a microsecond a block). The readers' hot paths make
# them as an object of an unfrozen class of the same layout, whose fields are set by plain
# assignment, then switched to the frozen class (Python allows ``__class__`` assignment
# between classes of the same slots): the same object as the constructor's, a quarter of
# the cost. The blocks have no validators or converters, so nothing is skipped
# (tests/readers/test_blocks.py compares the two ways on any values).
_ParaTwin: Any = type("_UnfrozenPara", (), {"__slots__": vars(Para)["__slots__"]})
_CellTwin: Any = type("_UnfrozenTextCell", (), {"__slots__": vars(TextCell)["__slots__"]})
_new = object.__new__


def new_para(text: str, source: Source, style: str | None = None) -> Para:
    """``Para(text=text, source=source, style=style)``, without the frozen class's setter calls."""
    para = _new(_ParaTwin)
    para.text = text
    para.source = source
    para.style = style
    para.outside = False
    para.__class__ = Para
    return para  # type: ignore[no-any-return]


def new_cell(text: str, source: Source, rows: int = 1) -> TextCell:
    """``TextCell(text=text, source=source, rows=rows)``, made as :func:`new_para` makes."""
    cell = _new(_CellTwin)
    cell.text = text
    cell.source = source
    cell.rows = rows
    cell.__class__ = TextCell
    return cell  # type: ignore[no-any-return]
