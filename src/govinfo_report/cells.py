"""Every cell the three tables (and the fee figures of section 六) print, as data.

A :class:`Cell` ties a model field path (``("requests", "new", "natural_person")``) to its
place in the printed report: the table (``二``, ``三``, ``四``, or ``六`` for the fee
figures), the row's official labels from the outermost in, and the column label. The key
doubles as the attribute path on :class:`~govinfo_report.AnnualReport` and as the JSON path,
so checks, readers, aggregation and comparisons all address cells the same way.

>>> cell = CELL_BY_KEY[("requests", "results", "withheld", "state_secret", "natural_person")]
>>> cell.row_label, cell.column
('三、本年度办理结果/（三）不予公开/1.属于国家秘密', '自然人')
>>> cell.path
'$.requests.results.withheld.state_secret.natural_person'
>>> len(CELLS), sum(c.table == "三" for c in CELLS)
(203, 175)
"""

from __future__ import annotations

import operator
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

import attrs

from govinfo_report import labels
from govinfo_report.findings import Place

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = [
    "CELLS",
    "CELL_BY_KEY",
    "Cell",
    "CellKey",
    "Kind",
    "any_cell",
    "cell_by_key",
    "cell_value",
    "cell_values",
    "cells_of",
]

CellKey = tuple[str, ...]
#: A count (non-negative ``int``), a signed count (``int``, the 2019 本年增/减 alone) or an
#: amount (non-negative ``Decimal``).
Kind = Literal["count", "signed", "amount"]


@attrs.frozen(kw_only=True)
class Cell:
    """One printed cell: where it lives in the model and JSON, and its official labels."""

    key: CellKey
    table: str
    row: tuple[str, ...]
    column: str
    kind: Kind = "count"
    computed: bool = False

    @property
    def path(self) -> str:
        """The JSON path of the cell, e.g. ``$.appeals.reconsideration.upheld``."""
        return "$." + ".".join(self.key)

    @property
    def row_label(self) -> str:
        """The row's labels joined by ``/``, outermost first."""
        return "/".join(self.row)

    @property
    def place(self) -> Place:
        """The cell as a :class:`~govinfo_report.findings.Place`."""
        return Place(path=self.path, table=self.table, row=self.row_label, column=self.column)


def _table_a() -> Iterator[Cell]:
    table = labels.TABLES["proactive"]
    for row, label in labels.PROACTIVE_ROWS.items():
        group = labels.PROACTIVE_GROUPS[labels.PROACTIVE_ROW_GROUP[row]].full
        path = (group, label.full)
        if row in ("regulations", "normative_documents"):
            for column, column_label in labels.DOCUMENT_COLUMNS.items():
                yield Cell(
                    key=("proactive", row, column), table=table, row=path, column=column_label
                )
        elif row == "fees":
            yield Cell(
                key=("proactive", row),
                table=table,
                row=path,
                column=labels.FEES_COLUMN,
                kind="amount",
            )
        else:
            yield Cell(
                key=("proactive", row), table=table, row=path, column=labels.DECISIONS_COLUMN
            )


def _table_a_2019() -> Iterator[Cell]:
    table = labels.TABLES["proactive"]
    columns = {
        "documents": labels.DOCUMENT_COLUMNS_2019,
        "licensing": labels.ITEM_COLUMNS_2019,
        "enforcement": labels.ITEM_COLUMNS_2019,
        "fees": labels.FEE_ITEM_COLUMNS_2019,
        "procurement": labels.PROCUREMENT_COLUMNS_2019,
    }
    for row, label in labels.PROACTIVE_ROWS_2019.items():
        group = labels.PROACTIVE_ROW_GROUP_2019[row]
        path = (labels.PROACTIVE_GROUPS_2019[group].full, label.full)
        for column, column_label in columns[group].items():
            kind: Kind = (
                "signed" if column == "change" else "amount" if column == "amount" else "count"
            )
            yield Cell(
                key=("proactive", row, column),
                table=table,
                row=path,
                column=column_label,
                kind=kind,
            )


def _applicant_row(prefix: CellKey, row: tuple[str, ...], *, computed_row: bool) -> Iterator[Cell]:
    table = labels.TABLES["requests"]
    for column, column_label in labels.APPLICANT_COLUMNS.items():
        yield Cell(
            key=(*prefix, column),
            table=table,
            row=row,
            column=column_label,
            computed=computed_row or column == "total",
        )


def _table_b(edition: str = "2021") -> Iterator[Cell]:
    result_items = labels.RESULT_ITEMS_2019 if edition == "2019" else labels.RESULT_ITEMS
    results_label = labels.REQUEST_ROWS["results"].full
    for row, label in labels.REQUEST_ROWS.items():
        if row != "results":
            yield from _applicant_row(("requests", row), (label.full,), computed_row=False)
            continue
        for group, group_label in labels.RESULT_GROUPS.items():
            items = result_items.get(group)
            if items is None:
                yield from _applicant_row(
                    ("requests", "results", group),
                    (results_label, group_label.full),
                    computed_row=group == "total",
                )
                continue
            for item, item_label in items.items():
                yield from _applicant_row(
                    ("requests", "results", group, item),
                    (results_label, group_label.full, item_label.full),
                    computed_row=False,
                )


def _table_c() -> Iterator[Cell]:
    table = labels.TABLES["appeals"]
    for group, path in labels.APPEAL_GROUPS.items():
        for column, column_label in labels.APPEAL_COLUMNS.items():
            yield Cell(
                key=("appeals", group, column),
                table=table,
                row=path,
                column=column_label,
                computed=column == "total",
            )


def _fees() -> Iterator[Cell]:
    for field, label in labels.FEE_LABELS.items():
        yield Cell(
            key=("other_matters", "fees", field),
            table="六",
            row=(labels.FEE_ROW,),
            column=label,
            kind="count" if field == "notices" else "amount",
        )


#: Every cell, in reading order: Table A, Table B (row by row), Table C, the fee figures.
CELLS: Final[tuple[Cell, ...]] = (*_table_a(), *_table_b(), *_table_c(), *_fees())

#: Cells by key.
CELL_BY_KEY: Final[dict[CellKey, Cell]] = {c.key: c for c in CELLS}

_EDITION_CELLS: Final[dict[str, tuple[Cell, ...]]] = {
    "2021": CELLS,
    "2019": (*_table_a_2019(), *_table_b("2019"), *_table_c(), *_fees()),
}
_EDITION_CELL_BY_KEY: Final = {
    edition: {c.key: c for c in cells} for edition, cells in _EDITION_CELLS.items()
}


def cells_of(edition: str) -> tuple[Cell, ...]:
    """Every cell of an edition of the format, in reading order (:data:`CELLS` for "2021").

    The 2019 edition (format section 7) has its own Table A, and （六）其他处理 as one row of
    Table B; Table C and the fee figures are those of 2021. Raises ``KeyError`` for an
    edition this library does not know.

    >>> len(cells_of("2019")), sum(c.table == "三" for c in cells_of("2019"))
    (201, 161)
    >>> [c.column for c in cells_of("2019") if c.kind == "signed"][:1]
    ['本年增/减']
    """
    return _EDITION_CELLS[edition]


def cell_by_key(edition: str) -> dict[CellKey, Cell]:
    """The cells of an edition by key (:data:`CELL_BY_KEY` for "2021"); ``KeyError`` if unknown.

    >>> cell_by_key("2019")[("requests", "results", "other", "total")].row_label
    '三、本年度办理结果/（六）其他处理'
    """
    return _EDITION_CELL_BY_KEY[edition]


#: Every cell of every edition by key: a key names the same cell in every edition that has it.
_ANY_CELL: Final = {
    key: cell for by_key in reversed(_EDITION_CELL_BY_KEY.values()) for key, cell in by_key.items()
}


def any_cell(key: CellKey) -> Cell:
    """The cell ``key`` names, in whichever edition has it (``KeyError`` if none does).

    Editions share the keys of their common cells (Tables B and C), and no key names
    different cells in two editions, so a key alone says which cell it is.

    >>> any_cell(("proactive", "procurement", "amount")).column
    '采购总金额'
    """
    return _ANY_CELL[key]


def cell_value(obj: object, key: CellKey) -> int | Decimal:
    """The value of cell ``key`` on a report (attribute access; totals are computed)."""
    value = operator.attrgetter(".".join(key))(obj)
    if isinstance(value, int | Decimal):
        return value
    msg = f"{key!r} does not name a cell"
    raise TypeError(msg)


def cell_values(keys: tuple[CellKey, ...]) -> Callable[[object], tuple[int | Decimal, ...]]:
    """A function giving the values of cells ``keys`` on a report, in one call.

    >>> from govinfo_report import AnnualReport
    >>> get = cell_values((("appeals", "reconsideration", "upheld"), ("proactive", "fees")))
    >>> get(AnnualReport(organ="某县", year=2022))
    (0, Decimal('0'))
    """
    if len(keys) == 1:
        one = operator.attrgetter(".".join(keys[0]))
        return lambda obj: (one(obj),)
    return operator.attrgetter(*(".".join(key) for key in keys))
