"""Text normalisation: the split-and-join forms equal the regular expressions they replaced,
and remembered compact forms equal computed ones."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.published.readers._normal import (
    _QUOTES,
    _REMEMBERED,
    compact,
    parse_value,
    plain,
    squash,
)

_SPACE = re.compile(r"\s+")


def _regex_squash(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()


def _regex_compact(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)


def test_split_whitespace_is_regex_whitespace() -> None:
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        splits = len(f"a{ch}b".split()) == 2
        assert bool(_SPACE.fullmatch(ch)) == ch.isspace() == splits, hex(cp)


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000\ufeff，,“”（）１２"),
        st.characters(),
    ),
    max_size=2 * _REMEMBERED,
)


@given(_TEXT)
def test_squash_plain_compact_as_with_regex(text: str) -> None:
    assert squash(text) == _regex_squash(text)
    assert plain(text) == _SPACE.sub("", unicodedata.normalize("NFKC", text))
    assert compact(text) == _regex_compact(text)
    assert compact(text) == _regex_compact(text)  # remembered the second time


def test_long_texts_are_not_remembered() -> None:
    long = "（一）" + "主动公开 " * _REMEMBERED
    assert compact(long) == _regex_compact(long)


@given(
    st.lists(st.integers(0, 999_999), min_size=2, max_size=7),
    st.sampled_from([" ", "  ", "\u3000", "\u00a0", "\n"]),
)
def test_figures_apart_are_not_one_number(figures: list[int], space: str) -> None:
    """Figures set apart by white space in one cell are no number, unless they are
    thousands (``1 234``): ``11 2`` is never read as 112."""
    raw = space.join(str(f) for f in figures)
    thousands = all(len(str(f)) == 3 for f in figures[1:]) and len(str(figures[0])) <= 3
    assert (parse_value(raw) is not None) == thousands
    if thousands:
        assert parse_value(raw) == int("".join(str(f) for f in figures))
