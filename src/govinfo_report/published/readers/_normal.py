r"""Normalising printed text: label matching keys and cell values (private).

Published reports write the same label in many ways (format section 9): full-width or
half-width punctuation, spaces and line breaks inside labels, ``，`` for ``、``. Matching
compares :func:`compact` forms; whether the printed form was the official one is decided
by comparing the texts themselves, so that loose matches can be reported.

>>> compact(" 1. 属于\n国家秘密 ")
'1.属于国家秘密'
>>> compact("(二)部分公开") == compact("（二）部分公开")
True
>>> parse_value("1,234"), parse_value("３"), parse_value("12.50万元"), parse_value("/")
(1234, 3, Decimal('12.50'), None)
>>> is_blank("—"), is_blank("\u3000"), is_blank("0"), is_blank("若干")
(True, True, False, False)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = [
    "PLACEHOLDERS",
    "compact",
    "is_blank",
    "is_value",
    "parse_signed",
    "parse_value",
    "plain",
    "squash",
]

_QUOTES: Final = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", ",": "、", "，": "、"})

#: What published tables print for zero besides ``0`` (format section 6): compact forms.
PLACEHOLDERS: Final = frozenset(
    {"", "/", "\\", "-", "--", "—", "——", "–", "―", "一", "无", "空", "×"}
)
# "一" is the dash that an IME produces when a clerk types "—" in a hurry; in a value cell
# it cannot be the numeral (a count of one is printed as 1).

_NUMBER: Final = re.compile(
    r"(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:件|个|项|次|条|元|万元)?"
)


# Whitespace is what ``str.split()`` splits on: exactly the characters ``\s`` matches in a
# str pattern (``str.isspace``, ideographic and no-break spaces included), so splitting and
# joining gives what ``re.sub(r"\s+", ...)`` gives, several times faster.


def squash(text: str) -> str:
    """``text`` with every run of whitespace (incl. ideographic and no-break) as one space."""
    return " ".join(text.split())


def plain(text: str) -> str:
    """``text`` in NFKC without whitespace (numbers keep their thousands separators)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_REMEMBERED: Final = 64  # texts up to this length have their compact form remembered


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).translate(_QUOTES)


_compact_remembered: Final = functools.lru_cache(maxsize=8192)(_compact)


def compact(text: str) -> str:
    """The matching key of a label: NFKC, no whitespace, one form of quotes and commas.

    Short texts (labels, headers, cell values recur from table to table and report to
    report) have their key remembered, in a bounded cache.
    """
    return _compact_remembered(text) if len(text) <= _REMEMBERED else _compact(text)


def is_blank(raw: str) -> bool:
    """True when ``raw`` is how a table prints zero without a digit: blank, ``/``, ``—``, ``无``."""
    return compact(raw) in PLACEHOLDERS


def parse_value(raw: str) -> int | Decimal | None:
    """The number printed in a cell (``None`` when it is blank or not a number).

    Thousands separators and full-width digits are accepted; a fraction gives a ``Decimal``
    with the precision printed; a unit (件, 元, 万元) after the number is dropped. Short
    texts (cell values recur) have their number remembered, in a bounded cache: numbers
    and ``Decimal`` are immutable, so sharing them is safe.
    """
    return _value_remembered(raw) if len(raw) <= _REMEMBERED else _parse_value(raw)


_MAX_INT_DIGITS: Final = 18


#: Digits set apart by white space: one number only as thousands (``1 234``, ``12 345 678``).
_SPACED_DIGITS: Final = re.compile(r"\d\s+\d")
_DIGIT_RUN: Final = re.compile(r"\d+(?:\s+\d+)+")
_THOUSANDS: Final = re.compile(r"\d{1,3}(?:\s+\d{3})+")


def _parse_value(raw: str) -> int | Decimal | None:
    if _SPACED_DIGITS.search(raw) and not all(
        _THOUSANDS.fullmatch(run) for run in _DIGIT_RUN.findall(unicodedata.normalize("NFKC", raw))
    ):
        return None  # several figures in one cell (``11 2 0 14``), or two lines' figures
    key = plain(raw)
    match = _NUMBER.fullmatch(key)
    if match is None:
        return None
    number = match["num"].replace(",", "")
    # A number too long for any count is kept as a Decimal: int() of thousands of digits is
    # slow (and refused past Python's limit); the audit then says it is no count.
    if "." in number or len(number) > _MAX_INT_DIGITS:
        try:
            return Decimal(number)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return None
    return int(number)


_value_remembered: Final = functools.lru_cache(maxsize=8192)(_parse_value)


#: A minus sign as printed before a figure (besides ``-``, which NFKC gives for ``－``):
#: the mathematical minus, dashes typed for it.
_MINUS: Final = frozenset("\u2212\u2013\u2014\ufe63")


def parse_signed(raw: str) -> int | Decimal | None:
    """:func:`parse_value` of the one signed column (the 2019 本年增/减): ``−3`` is -3.

    >>> parse_signed("−3"), parse_signed("－3"), parse_signed("+2"), parse_signed("—")
    (-3, -3, 2, None)
    """
    text = raw.strip()
    if len(text) > 1 and text[0] in _MINUS:
        text = "-" + text[1:]
    return parse_value(text)


def is_value(raw: str) -> bool:
    """True when ``raw`` reads as a cell value: a number or a placeholder for zero."""
    return is_blank(raw) or parse_value(raw) is not None
