"""Field helpers shared by the model classes: counts, amounts, text (private).

A model class that refuses a value raises :class:`~govinfo_report.ReportError` whose
findings are placed by JSON paths relative to the object being made: ``$.natural_person``
for ``ApplicantCounts(natural_person=-1)``. The report is the root of its JSON, so its own
findings' paths are the JSON paths; the JSON codec puts a section's under the section's path.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from govinfo_report.errors import ReportError
from govinfo_report.findings import Place, make_finding
from govinfo_report.rules.catalogue import parse_amount

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "amount",
    "check_fields",
    "count",
    "items",
    "nonempty_text_validator",
    "optional_text",
    "optional_texts",
    "text",
    "texts",
]

# Control characters, lone surrogates (not encodable) and non-characters.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def count() -> Any:  # noqa: ANN401 - attrs.field() is typed as Any by design
    """A count field: a non-negative ``int`` (``bool`` refused), checked by ``check_fields``."""
    return attrs.field(default=0)


def amount() -> Any:  # noqa: ANN401 - attrs.field() is typed as Any by design
    """An amount field: a non-negative finite ``Decimal``, checked by ``check_fields``."""
    return attrs.field(default=Decimal(0))


def text(*, nonempty: bool = False) -> Any:  # noqa: ANN401 - as above
    """A one-paragraph text field: a ``str`` without control characters or line breaks."""
    return attrs.field(validator=nonempty_text_validator if nonempty else _text_validator)


def optional_text() -> Any:  # noqa: ANN401 - as above
    """An optional one-paragraph text field (``None`` or a ``text()``)."""
    return attrs.field(default=None, validator=attrs.validators.optional(_text_validator))


def nonempty_text_validator(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    _text_validator(instance, attribute, value)
    if not value.strip():  # type: ignore[attr-defined]  # a str: checked just above
        place = Place(path=_where(instance, attribute))
        detail = ("应为非空文本", "must not be empty")
        raise ReportError((make_finding("S-VALUE", place, found=value, detail=detail),))


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:  # noqa: ARG001 - one signature
    # A JSON path relative to the object being made (``$`` is the object): the report's own
    # fields are at the root of the JSON; the JSON codec puts a section's under its path.
    return f"$.{attribute.name}"


def texts() -> Any:  # noqa: ANN401 - as above
    """A tuple of paragraphs (a list is turned into a tuple)."""
    return attrs.field(default=(), converter=_to_tuple, validator=_texts_validator)


def items(cls: type) -> Any:  # noqa: ANN401 - as above
    """A tuple of ``cls`` instances (a list is turned into a tuple)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        where = _where(instance, attribute)
        if not isinstance(value, tuple):
            detail = (f"{cls.__name__} 的列表", f"a list of {cls.__name__}")
            raise ReportError(
                (make_finding("S-TYPE", Place(path=where), found=value, detail=detail),)
            )
        bad = [
            make_finding(
                "S-TYPE",
                Place(path=f"{where}[{i}]"),
                found=item,
                detail=(cls.__name__, f"a {cls.__name__}"),
            )
            for i, item in enumerate(value)
            if not isinstance(item, cls)
        ]
        if bad:
            raise ReportError(bad)

    return attrs.field(default=(), converter=_to_tuple, validator=validate)


def optional_texts() -> Any:  # noqa: ANN401 - as above
    """``None`` or a tuple of paragraphs (a list is turned into a tuple)."""
    return attrs.field(default=None, converter=_to_tuple, validator=_optional_texts_validator)


def _optional_texts_validator(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _texts_validator(instance, attribute, value)


def _to_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _bad_text(value: object) -> tuple[str, str] | None:
    if not isinstance(value, str):
        return ("文本", "a string")
    if _CONTROL.search(value):
        return (
            "应为不含控制字符和换行的单段文本",
            "must be one paragraph without control characters or line breaks",
        )
    return None


def _text_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    bad = _bad_text(value)
    if bad:
        place = Place(path=_where(instance, attribute))
        code = "S-TYPE" if not isinstance(value, str) else "S-VALUE"
        raise ReportError((make_finding(code, place, found=value, detail=bad),))


def _texts_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    where = _where(instance, attribute)
    if not isinstance(value, tuple):
        place = Place(path=where)
        detail = ("文本的列表", "a list of strings")
        raise ReportError((make_finding("S-TYPE", place, found=value, detail=detail),))
    findings = []
    for i, item in enumerate(value):
        bad = _bad_text(item)
        if bad:
            code = "S-TYPE" if not isinstance(item, str) else "S-VALUE"
            findings.append(make_finding(code, Place(path=f"{where}[{i}]"), found=item, detail=bad))
    if findings:
        raise ReportError(findings)


_NUMERIC: dict[type, tuple[tuple[str, bool], ...]] = {}


def _numeric_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """The count and amount fields of an attrs class: (name, is_amount), cached per class."""
    cached = _NUMERIC.get(cls)
    if cached is not None:
        return cached
    out = []
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", cls)):
        if field.type in ("int", int):
            out.append((field.name, False))
        elif field.type in ("Decimal", Decimal):
            out.append((field.name, True))
    _NUMERIC[cls] = tuple(out)
    return _NUMERIC[cls]


_COUNT_DETAIL = ("非负整数", "a non-negative integer")
_AMOUNT_DETAIL = ("非负有限金额（Decimal）", "a non-negative finite Decimal")


def check_fields(instance: object, columns: Mapping[str, str] | None = None) -> None:
    """Check every count (and amount) field of ``instance`` at once (rule A-NONNEG).

    Raises :class:`ReportError` listing every bad field; ``columns`` gives the official
    column label of each field, for the place.
    """
    bad = []
    for name, is_amount in _numeric_fields(type(instance)):
        value = getattr(instance, name)
        if is_amount:
            if not (isinstance(value, Decimal) and parse_amount(value) is not None):
                bad.append((name, value, _AMOUNT_DETAIL))
        elif type(value) is not int or value < 0:
            bad.append((name, value, _COUNT_DETAIL))
    if bad:
        raise ReportError(
            make_finding(
                "A-NONNEG",
                Place(path=f"$.{name}", column=(columns or {}).get(name)),
                found=value,
                detail=detail,
            )
            for name, value, detail in bad
        )
