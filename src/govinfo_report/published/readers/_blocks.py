"""What every reader produces before interpretation: paragraphs and grids (private).

The text, HTML and .docx readers differ only in how they find paragraphs and table cells;
they all hand a sequence of :class:`Para` and :class:`Grid` blocks to
:func:`govinfo_report.published.readers._interpret.interpret`, which knows the format.
"""

from __future__ import annotations

import attrs

from govinfo_report.published.record import Source

__all__ = ["Block", "Grid", "Para", "TextCell"]


@attrs.frozen(kw_only=True)
class Para:
    """A paragraph: its text (whitespace squashed), where it was found, its style id.

    ``outside`` marks text a reader found outside the page's article (menus, footers):
    kept as furniture, never read as the report's.
    """

    text: str
    source: Source
    style: str | None = None
    outside: bool = False


@attrs.frozen(kw_only=True)
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
