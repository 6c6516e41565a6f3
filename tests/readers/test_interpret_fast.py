# ruff: noqa: SLF001 - compares the interpreter's fast paths with the plain ways they replace
"""The interpreter's fast paths give exactly what the plain ways they replace give."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.published.readers import _interpret
from govinfo_report.published.readers._blocks import TextCell
from govinfo_report.published.record import PublishedCell, PublishedPart, Source

from .twins import same, sources

#: What cells print: figures, placeholders for zero, words, anything.
cell_texts = (
    st.sampled_from(["0", "12", "1,240", "3.50", "-2", "—", "/", "无", "", " 7 ", "二", "一"])
    | st.text(max_size=12)
    | st.text(max_size=300)  # longer than the remembered readings
)
cell_keys = st.sampled_from(sorted(_interpret._CELL_KINDS, key=repr))


@pytest.mark.parametrize(
    ("cls", "names"),
    [(PublishedCell, _interpret._CELL_FIELDS), (PublishedPart, _interpret._PART_FIELDS)],
)
def test_the_classes_have_nothing_the_fast_way_skips(cls: type, names: tuple[str, ...]) -> None:
    """The fields are set one by one: no validator, converter or post-init may be missed."""
    fields = attrs.fields(cls)
    assert tuple(f.name for f in fields) == names
    assert all(f.validator is None and f.converter is None for f in fields)
    assert not hasattr(cls, "__attrs_post_init__")
    assert not hasattr(cls, "__attrs_pre_init__")
    assert all("__new__" not in vars(k) for k in cls.__mro__[:-1])  # made by object.__new__


@given(
    cells=st.lists(st.tuples(cell_keys, cell_texts, sources), max_size=12),
    rank=st.tuples(st.booleans(), st.integers(min_value=0, max_value=50)),
)
def test_add_cells_makes_the_constructors_cells(
    cells: list[tuple[tuple[str, ...], str, Source]], rank: tuple[bool, int]
) -> None:
    """Each cell held is the one ``PublishedCell(...)`` of its reading makes."""
    out = _interpret._Builder()
    keys = [key for key, _, _ in cells]
    out.add_cells(keys, [TextCell(text=t, source=s) for _, t, s in cells], rank)
    expected: dict[tuple[str, ...], PublishedCell] = {}
    for key, text, source in cells:
        if key in expected:  # a key given again: the first is kept (same rank)
            continue
        value, blank = _interpret._reading(_interpret._CELL_KINDS[key], text)
        expected[key] = PublishedCell(key=key, raw=text, value=value, blank=blank, source=source)
    assert list(out.cells) == list(expected)
    for key, made in out.cells.items():
        same(made, expected[key])
        assert out.ranks[key] == rank


def test_made_cells_stay_frozen() -> None:
    out = _interpret._Builder()
    key = next(iter(_interpret._CELL_KINDS))
    out.add_cells([key], [TextCell(text="12", source=Source(table=1, row=2, column=3))])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        out.cells[key].raw = "13"  # type: ignore[misc]


@given(
    heading=st.text(max_size=40),
    title=st.text(max_size=40),
    paragraphs=st.lists(st.text(max_size=40), max_size=4).map(tuple),
    source=sources,
)
def test_new_part_is_the_constructors(
    heading: str, title: str, paragraphs: tuple[str, ...], source: Source
) -> None:
    made = _interpret._new_part(heading, title, paragraphs, source)
    same(made, PublishedPart(heading=heading, title=title, paragraphs=paragraphs, source=source))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.title = "x"  # type: ignore[misc]
