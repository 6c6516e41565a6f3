"""The quick test of whether a page may hide elements answers as the first one did.

:func:`may_hide` looks for its words in the page in lower case; the reference is the test
as first written, one regular expression ignoring case. Both must agree on any text, in
particular on the characters ``IGNORECASE`` folds differently from ``str.lower`` (``İ``,
``ı``, ``ſ``, the Kelvin sign) and on upper-case and mixed-case words.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.published.readers.html import may_hide

_FIRST = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|\bhidden\b"
    r"|(?:font-size|height)\s*:\s*0|mso-hide",
    re.IGNORECASE,
)

_WORDS = ["display", "visibility", "hidden", "collapse", "font-size", "height", "mso-hide"]
_PIECES = st.sampled_from(
    [
        *_WORDS,
        *(w.upper() for w in _WORDS),
        "none",
        "NONE",
        ":",
        "0",
        " ",
        "\u3000",
        "\n",
        "-",
        "_",
        "a",
        "中",
        "aria-",
        'style="',
        "\u0130",  # İ: IGNORECASE matches i
        "\u0131",  # ı: IGNORECASE matches i
        "\u017f",  # ſ: IGNORECASE matches s
        "\u212a",  # Kelvin sign: lower() is k
        "h\u0130dden",
        "h\u0131dden",
        "di\u017fplay:none",
        "mso-hide",
    ]
)


def _mixed_case(word: str, flips: list[bool]) -> str:
    flips = (flips + [False] * len(word))[: len(word)]
    return "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))


@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30))
def test_may_hide_answers_as_first(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert may_hide(text) == (_FIRST.search(text) is not None)


@given(st.sampled_from(_WORDS), st.lists(st.booleans(), max_size=12), st.text(max_size=3))
def test_mixed_case_words_answer_as_first(word: str, flips: list[bool], around: str) -> None:
    for text in (
        _mixed_case(word, flips),
        around + _mixed_case(word, flips) + around,
        _mixed_case(word, flips) + " :\t0",
        _mixed_case(word, flips) + ":none",
    ):
        assert may_hide(text) == (_FIRST.search(text) is not None)


def test_every_word_is_found_in_any_case() -> None:
    for text in ("DISPLAY : NONE", "Visibility:Collapse", "x HIDDEN y", "Font-Size:0", "MSO-HIDE"):
        assert may_hide(text)
        assert may_hide(text.replace("I", "\u0130").replace("S", "\u017f"))
    for text in ("", "display:block", "xhidden", "hidden_", "font-size:10pt", "中文"):
        assert not may_hide(text)
