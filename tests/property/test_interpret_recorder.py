# ruff: noqa: SLF001 - compares the interpreter's table recorder with its first form
"""A table's recorder replays what the first one, a closure a step, replayed.

The interpreter keeps what reading one table gives until the table is read whole (a cell's
rank needs its table's size). The first recorder kept a closure a step, each cell asking
its table's rank as it was replayed; the recorder now keeps plain tuples and makes each
table's rank once, and a row's cells as one step (``add_cells``: as many ``add_cell``).
On any sequence of steps, inside or outside the article, for any section, both must give
the builder the same calls in the same order.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.cells import any_cell, cells_of
from govinfo_report.findings import Place
from govinfo_report.model.report import EDITIONS
from govinfo_report.published.readers import _interpret
from govinfo_report.published.readers._blocks import TextCell
from govinfo_report.published.record import Source

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_report.cells import CellKey


class _First:
    """The first recorder: a closure a step, the rank asked a cell at a time."""

    def __init__(self) -> None:
        self.ops: list[Callable[[object, Callable[[str], object] | None], None]] = []
        self.sizes: Counter[str] = Counter()

    def add_cell(self, key: CellKey, cell: TextCell) -> None:
        self.sizes[key[0]] += 1

        def op(out: object, rank: Callable[[str], object] | None) -> None:
            if rank is None:
                out.leftover(cell.text, cell.source, detail=_interpret._OUTSIDE)  # type: ignore[attr-defined]
            else:
                out.add_cell(key, cell, rank(key[0]))  # type: ignore[attr-defined]

        self.ops.append(op)

    def add_cells(self, keys: tuple[CellKey, ...], cells: tuple[TextCell, ...]) -> None:
        for key, cell in zip(keys, cells, strict=True):
            self.add_cell(key, cell)

    def add_combined(self, keys: tuple[CellKey, ...], cell: TextCell) -> None:
        def op(out: object, rank: Callable[[str], object] | None) -> None:
            if rank is None:
                out.leftover(cell.text, cell.source, detail=_interpret._OUTSIDE)  # type: ignore[attr-defined]
            else:
                out.add_combined(keys, cell)  # type: ignore[attr-defined]

        self.ops.append(op)

    def leftover(self, text: str, source: Source) -> None:
        def op(out: object, rank: Callable[[str], object] | None) -> None:
            if rank is not None:
                out.leftover(text, source)  # type: ignore[attr-defined]

        self.ops.append(op)

    def loose(self, found: str, meant: str, place: Place) -> None:
        def op(out: object, rank: Callable[[str], object] | None) -> None:
            if rank is not None:
                out.loose(found, meant, place)  # type: ignore[attr-defined]

        self.ops.append(op)

    def replay(self, out: object, section: str | None, *, outside: bool = False) -> None:
        sizes = self.sizes

        def rank(table: str) -> tuple[bool, int]:
            return (table == section, sizes[table])

        for op in self.ops:
            op(out, None if outside else rank)


class _Log:
    """A builder that notes every call it is given."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def add_cell(self, *args: object) -> None:
        self.calls.append(("cell", *args))

    def add_cells(
        self, keys: tuple[CellKey, ...], cells: tuple[TextCell, ...], rank: object
    ) -> None:
        for key, cell in zip(keys, cells, strict=True):
            self.calls.append(("cell", key, cell, rank))

    def add_combined(self, *args: object) -> None:
        self.calls.append(("combined", *args))

    def leftover(self, *args: object, **kwargs: object) -> None:
        self.calls.append(("leftover", *args, tuple(sorted(kwargs.items()))))

    def loose(self, *args: object) -> None:
        self.calls.append(("loose", *args))


_TABLES = st.sampled_from(["proactive", "requests", "appeals", "other_matters"])
_KEYS = st.tuples(_TABLES, st.sampled_from(["a", "b"]), st.sampled_from(["x", "total"]))
_CELLS = st.builds(
    TextCell,
    text=st.text(max_size=4),
    source=st.builds(Source, table=st.integers(1, 3), row=st.integers(1, 9)),
)
_STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("add_cell"), _KEYS, _CELLS),
        # a row's cells in one step: keys of one table
        _TABLES.flatmap(
            lambda table: st.lists(
                st.tuples(st.just(table), st.sampled_from(["a", "b"]), st.just("x")),
                max_size=4,
            ).flatmap(
                lambda keys: st.tuples(
                    st.just("add_cells"),
                    st.just(tuple(keys)),
                    st.lists(_CELLS, min_size=len(keys), max_size=len(keys)).map(tuple),
                )
            )
        ),
        st.tuples(st.just("add_combined"), st.lists(_KEYS, max_size=3).map(tuple), _CELLS),
        st.tuples(
            st.just("leftover"), st.text(max_size=4), st.builds(Source, line=st.integers(1, 9))
        ),
        st.tuples(
            st.just("loose"),
            st.text(max_size=4),
            st.text(max_size=4),
            st.builds(Place, path=st.just("$.a")),
        ),
    ),
    max_size=30,
)


@given(steps=_STEPS, section=st.one_of(st.none(), _TABLES), outside=st.booleans())
def test_the_recorder_replays_what_the_first_one_did(
    *, steps: list[tuple[object, ...]], section: str | None, outside: bool
) -> None:
    logs = []
    for recorder in (_First(), _interpret._Recorder()):
        for name, *args in steps:
            getattr(recorder, str(name))(*args)
        log = _Log()
        recorder.replay(log, section, outside=outside)  # type: ignore[arg-type]
        logs.append(log.calls)
    assert logs[0] == logs[1]


def test_the_kinds_by_key_are_those_of_any_cell() -> None:
    """Every key of every edition (and only those) has the kind :func:`any_cell` gives."""
    keys = {c.key for edition in EDITIONS for c in cells_of(edition)}
    assert set(_interpret._CELL_KINDS) == keys
    for key in keys:
        assert _interpret._CELL_KINDS[key] == any_cell(key).kind
