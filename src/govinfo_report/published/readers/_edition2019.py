"""Tables 二 and 三 of the 2019 edition, read by their exact labels (private).

For a document that says it follows the 2019 edition (国办公开办函〔2019〕60号): the .docx
this library writes names its edition in its identity property. Each row of the 2019
Table 二 and Table 三 is found by its official row label (the last label of the row, as
:func:`govinfo_report.cells.cells_of` gives it), and its values are the cells after the
label, in column order. Table 四, the narrative and the identity are read as for 2021.

Recognising the edition of a document that does not say it (from its labels and shape) is
not done here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from govinfo_report.cells import Cell, CellKey, cells_of
from govinfo_report.published.readers._blocks import Grid
from govinfo_report.published.readers._normal import compact, is_blank, parse_value
from govinfo_report.published.record import PublishedCell, Source

if TYPE_CHECKING:
    from collections.abc import Sequence

    from govinfo_report.published.readers._blocks import Block

__all__ = ["merge_cells", "read_tables_2019"]


def _rows() -> dict[str, tuple[Cell, ...]]:
    """The rows of the 2019 Tables 二 and 三 by their last label (compacted), cells in order."""
    rows: dict[str, list[Cell]] = {}
    for cell in cells_of("2019"):
        if cell.table in ("二", "三"):
            rows.setdefault(compact(cell.row[-1]), []).append(cell)
    return {label: tuple(cells) for label, cells in rows.items()}


_ROWS: Final = _rows()
_ORDER: Final = {cell.key: n for n, cell in enumerate(cells_of("2019"))}


def _published(cell: Cell, text: str, source: Source) -> PublishedCell:
    value = parse_value(text)
    if cell.kind == "amount" and isinstance(value, int):
        value = Decimal(value)
    return PublishedCell(
        key=cell.key,
        raw=text,
        value=value,
        blank=value is None and is_blank(text),
        source=source,
    )


def _read(grid: Grid) -> dict[CellKey, PublishedCell] | None:
    """The 2019 cells of ``grid``, or None when it holds no row of the 2019 Tables 二, 三."""
    found: dict[CellKey, PublishedCell] = {}
    for row in grid.rows:
        for at, text_cell in enumerate(row):
            cells = _ROWS.get(compact(text_cell.text))
            if cells is None:
                continue
            values = row[at + 1 :]
            for cell, value in zip(cells, values, strict=False):
                if cell.key not in found:
                    found[cell.key] = _published(cell, value.text, value.source)
            break
    return found or None


def read_tables_2019(
    blocks: Sequence[Block],
) -> tuple[list[Block], tuple[PublishedCell, ...]]:
    """The blocks without the 2019 Tables 二 and 三, and the cells read from those tables."""
    rest: list[Block] = []
    found: dict[CellKey, PublishedCell] = {}
    for block in blocks:
        cells = _read(block) if isinstance(block, Grid) else None
        if cells is None:
            rest.append(block)
            continue
        for key, cell in cells.items():
            found.setdefault(key, cell)
    return rest, tuple(found.values())


def merge_cells(
    others: Sequence[PublishedCell], tables: Sequence[PublishedCell]
) -> tuple[PublishedCell, ...]:
    """Every cell of a 2019 record, in the print order of the 2019 edition."""
    merged = {c.key: c for c in others if c.key in _ORDER}
    merged.update((c.key, c) for c in tables)
    return tuple(sorted(merged.values(), key=lambda c: _ORDER[c.key]))
