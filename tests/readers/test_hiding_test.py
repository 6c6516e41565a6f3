"""The reader's quick test of whether a page may hide elements says yes wherever the first did.

The reader looks for its words in the page's UTF-8 bytes squeezed (ASCII lowered, NUL, white
space and non-ASCII dropped; ``İ``, ``ı``, ``ſ`` marked); the reference is the test as first
written, one regular expression ignoring case. Wherever the reference finds a word, on any
text (with lone surrogates too), the quick test must say yes: in particular on the characters
``IGNORECASE`` folds differently from ``str.lower`` (``İ``, ``ı``, ``ſ``, the Kelvin sign), on
white space of every kind, and on upper-case and mixed-case words. (It may say yes where the
reference does not: a character reference, a marked letter, words joined by the squeeze; the
hidden elements are then found exactly. tests/readers/test_hidden_elements.py compares what
is read with asking every element.)
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.published.readers._own_html import DATA_ID
from govinfo_report.published.readers.html import _may_hide_squeezed, squeeze

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
        "\xa0",
        "\x1c",
        "\x85",
        "\u2028",
        "\n",
        "\t",
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


def _utf8(text: str) -> bytes | None:
    """``text`` in UTF-8; None for lone surrogates (a page the reader does not squeeze)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def _quick(text: str) -> bool:
    """What the reader's quick test says of ``text`` (squeezed as the reader squeezes it)."""
    return _may_hide_squeezed(squeeze(text.encode("utf-8", "surrogatepass")))


def _covers(text: str) -> bool:
    """The quick test says yes wherever the first test finds a word."""
    return _quick(text) or _FIRST.search(text) is None


def _mixed_case(word: str, flips: list[bool]) -> str:
    flips = (flips + [False] * len(word))[: len(word)]
    return "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))


@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30))
def test_the_quick_test_says_yes_wherever_the_first_did(pieces: list[str]) -> None:
    assert _covers("".join(pieces))


@given(st.sampled_from(_WORDS), st.lists(st.booleans(), max_size=12), st.text(max_size=3))
def test_mixed_case_words_are_found(word: str, flips: list[bool], around: str) -> None:
    for text in (
        _mixed_case(word, flips),
        around + _mixed_case(word, flips) + around,
        _mixed_case(word, flips) + " :\t0",
        _mixed_case(word, flips) + ":none",
    ):
        assert _covers(text)


def test_every_word_is_found_in_any_case() -> None:
    for text in ("DISPLAY : NONE", "Visibility:Collapse", "x HIDDEN y", "Font-Size:0", "MSO-HIDE"):
        assert _quick(text)
        assert _quick(text.replace("I", "\u0130").replace("S", "\u017f"))
    for text in ("", "display:block", "font-size:10pt", "中文", "&amp;nbsp;"):
        assert not _quick(text)


def test_every_white_space_between_the_words() -> None:
    """``\\s`` is any white space; in UTF-8 a non-ASCII one is two or three bytes."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert all(_FIRST.search(f"height{c}:0") for c in spaces)  # the reference agrees
    for c in spaces:
        for text in (f"display{c}:{c}none", f"font-size{c}{c}:0", f"HEIGHT:{c}0", f"x{c}hidden"):
            assert _quick(text), repr(text)
        assert not _quick(f"font-size:{c}5pt")


# The squeezed page's other uses in read_html: the count of < bounding the page's elements,
# and the search for this library's data id.

_AROUND = st.sampled_from(["<", "<p>", "<?xml?>", "\x00", "中", "\u0130", " ", "\u3000", "A", "-"])


@given(st.lists(st.one_of(_AROUND, st.text(max_size=4)), max_size=30))
def test_the_squeezed_page_has_every_opening(pieces: list[str]) -> None:
    text = "".join(pieces)
    utf8 = _utf8(text)
    if utf8 is None:
        return
    assert squeeze(utf8).count(b"<") == text.count("<") == utf8.count(b"<")


@given(
    st.lists(st.one_of(_AROUND, st.text(max_size=4)), max_size=12),
    st.lists(st.one_of(_AROUND, st.text(max_size=4)), max_size=12),
    st.booleans(),
)
def test_the_data_id_is_found_in_the_squeezed_page(
    before: list[str],
    after: list[str],
    with_id: bool,  # noqa: FBT001 - drawn by hypothesis
) -> None:
    """Wherever the page has the id, the squeezed page has it (the text is then asked)."""
    text = "".join(before) + (DATA_ID if with_id else "") + "".join(after)
    utf8 = _utf8(text)
    if utf8 is not None and DATA_ID in text:
        assert DATA_ID.encode() in squeeze(utf8)
