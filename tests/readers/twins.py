"""What the tests of the readers' fast constructors share: sources, and sameness."""

from __future__ import annotations

import pickle

import attrs
from hypothesis import strategies as st

from govinfo_report.published.record import Source

_numbers = st.none() | st.integers(min_value=1, max_value=10**6)
#: Any place a block or cell may come from.
sources = st.builds(
    Source,
    line=_numbers,
    paragraph=_numbers,
    table=_numbers,
    row=_numbers,
    column=_numbers,
    page=_numbers,
)


def same(made: object, built: object) -> None:
    """``made`` (the fast way) is ``built`` (the constructor's) in every way it is seen."""
    assert type(made) is type(built)
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert attrs.asdict(made) == attrs.asdict(built)  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(made)) == built  # noqa: S301 - our own bytes
