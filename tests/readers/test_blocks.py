"""The readers' fast block makers make exactly what the constructors make."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.published.readers._blocks import Para, TextCell, new_cell, new_para
from govinfo_report.published.record import Source

from .twins import same, sources


@given(text=st.text(), source=sources, style=st.none() | st.text(max_size=20))
def test_new_para_is_the_constructors(text: str, source: Source, style: str | None) -> None:
    same(new_para(text, source, style), Para(text=text, source=source, style=style))
    same(new_para(text, source), Para(text=text, source=source))


@given(text=st.text(), source=sources, rows=st.integers(min_value=1, max_value=10**4))
def test_new_cell_is_the_constructors(text: str, source: Source, rows: int) -> None:
    same(new_cell(text, source, rows), TextCell(text=text, source=source, rows=rows))
    same(new_cell(text, source), TextCell(text=text, source=source))


def test_made_blocks_stay_frozen() -> None:
    para = new_para("一、总体情况", Source(paragraph=1))
    cell = new_cell("12", Source(table=1, row=2, column=3))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        para.text = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cell.rows = 2  # type: ignore[misc]
    assert attrs.evolve(para, outside=True) == Para(
        text="一、总体情况", source=Source(paragraph=1), outside=True
    )
