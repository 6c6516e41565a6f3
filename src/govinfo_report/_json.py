"""The one JSON encoder (private): every choice of how a value is written as JSON.

* amounts (``Decimal``) are decimal strings in plain notation with their precision kept:
  ``"12.50"``, and ``Decimal("1E+3")`` is ``"1000"``, never ``"1E+3"``;
* dates are ISO strings, ``YYYY-MM-DD``;
* tuples are lists (``Severity``, a string enumeration, is its string);
* an attrs class is an object of its fields, in order, unless its module registers its
  own layout here with :func:`register` (a finding flattens its place; a published cell
  carries its official labels; a source leaves out what it does not know).

Reports, findings, comparisons and published records are all written through
:data:`CONVERTER`; the strict reader of report JSON (:mod:`govinfo_report.formats.json.codec`)
builds its converter with the same choices (:func:`configure`).

>>> import datetime as dt
>>> from decimal import Decimal
>>> unstructure({"fee": Decimal("1E+3"), "on": dt.date(2024, 1, 31), "cells": ("a", "b")})
{'fee': '1000', 'on': '2024-01-31', 'cells': ['a', 'b']}
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar

from cattrs.preconf.json import make_converter

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["CONVERTER", "configure", "plain", "register", "unstructure"]

T = TypeVar("T")


def plain(value: Decimal) -> str:
    """An amount in plain notation, precision kept (``Decimal("1E+3")`` is ``"1000"``)."""
    return format(value, "f")


def configure(converter: cattrs.Converter) -> cattrs.Converter:
    """Give ``converter`` this module's encoding choices (returned for chaining)."""
    converter.register_unstructure_hook(Decimal, plain)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(tuple, lambda t: [converter.unstructure(x) for x in t])
    return converter


#: The converter every JSON-ready dict of this library comes from.
CONVERTER: Final = configure(make_converter())


def register(cls: type[T], layout: Callable[[T], dict[str, Any]]) -> None:
    """Write instances of ``cls`` as ``layout`` gives them (its values are unstructured too)."""
    CONVERTER.register_unstructure_hook(cls, lambda obj: CONVERTER.unstructure(layout(obj)))


def unstructure(value: object) -> Any:  # noqa: ANN401 - JSON-ready data of any shape
    """``value`` as JSON-ready data: dicts, lists, strings, numbers, booleans, ``None``."""
    return CONVERTER.unstructure(value)
