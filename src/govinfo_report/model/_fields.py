"""Field helpers shared by the model classes: counts, amounts, text (private).

A model class that refuses a value raises :class:`~govinfo_report.ReportError` whose
findings are placed by JSON paths relative to the object being made: ``$.natural_person``
for ``ApplicantCounts(natural_person=-1)``. The report is the root of its JSON, so its own
findings' paths are the JSON paths; the JSON codec puts a section's under the section's path.

Why one module: each field helper (``count``, ``signed_count``, ``amount``, the texts) and the
check of its kind (``check_fields`` with its generated one-pass test, ``texts``) are one
mechanism: a kind is declared, checked and read by the loader's fast path from here only.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

from govinfo_report.errors import ReportError
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.rules.catalogue import MAX_COUNT, parse_amount

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = [
    "KIND",
    "MAX_ITEMS",
    "MAX_PARTS",
    "FieldKind",
    "amount",
    "bad_text",
    "check_fields",
    "checks_fields_only",
    "child",
    "count",
    "field_kind",
    "fields_checked",
    "items",
    "nonempty_text_validator",
    "optional_text",
    "optional_texts",
    "signed_count",
    "sound_texts",
    "text",
    "texts",
    "texts_colons",
]

#: The ``metadata`` key under which each field helper below records what its field holds,
#: as a :data:`FieldKind`. The JSON loader's fast path reads it to check a document's values
#: itself, once, and then makes the objects without checking them again (``_trusted``).
KIND: Final = "govinfo_report.kind"

#: What a field holds: ``("count",)``, ``("signed_count",)``, ``("amount",)``, ``("child", cls)``,
#: ``("text", nonempty)``, ``("optional_text",)``, ``("texts",)``, ``("optional_texts",)``
#: or ``("items", cls, limit)``.
FieldKind = tuple[Any, ...]

# Control characters (C0 and C1, U+0085 NEL among them), the line and paragraph separators
# U+2028/U+2029, lone surrogates (not encodable) and non-characters.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# Every character it matches is one ``str.isprintable`` refuses (Cc, Zl, Zp, Cs, Cn; proved
# over every code point in tests/test_model_refusals.py): the search, about twice as slow,
# runs only on a text that is not printable (one with a space other than U+0020, say).
# What shows nothing: spaces of every kind, zero-width characters, the soft hyphen, BOM.
_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*")


#: The most paragraphs (or parts) one list of a narrative may hold. A real section has a
#: few dozen; the bound keeps checking a hostile document fast.
MAX_ITEMS: Final = 10_000


def too_many(
    where: str, value: tuple[object, ...] | list[object], limit: int = MAX_ITEMS
) -> Finding:
    """S-LIMIT: a list longer than ``limit`` (:data:`MAX_ITEMS`, or :data:`MAX_PARTS`)."""
    return make_finding(
        "S-LIMIT",
        Place(path=where),
        found=len(value),
        detail=(
            f"列表最多 {limit} 项，实际为 {len(value)} 项",
            f"a list holds at most {limit} items, found {len(value)}",
        ),
    )


def count() -> Any:  # noqa: ANN401 - attrs.field() is typed as Any by design
    """A count field: a non-negative ``int`` (``bool`` refused), checked by ``check_fields``."""
    return attrs.field(default=0, metadata={KIND: ("count",)})


def signed_count() -> Any:  # noqa: ANN401 - attrs.field() is typed as Any by design
    """A signed count (2019's 本年增/减): an ``int`` from ``-MAX_COUNT`` to ``MAX_COUNT``.

    Checked by ``check_fields`` like the other counts, within its signed range.
    """
    return attrs.field(default=0, metadata={KIND: ("signed_count",)})


def amount() -> Any:  # noqa: ANN401 - attrs.field() is typed as Any by design
    """An amount field: a non-negative finite ``Decimal``, checked by ``check_fields``."""
    return attrs.field(default=Decimal(0), metadata={KIND: ("amount",)})


def text(*, nonempty: bool = False) -> Any:  # noqa: ANN401 - as above
    """A one-paragraph text field: a ``str`` without control characters or line breaks."""
    return attrs.field(
        validator=nonempty_text_validator if nonempty else _text_validator,
        metadata={KIND: ("text", nonempty)},
    )


def optional_text() -> Any:  # noqa: ANN401 - as above
    """An optional one-paragraph text field (``None`` or a ``text()``)."""
    return attrs.field(
        default=None,
        validator=attrs.validators.optional(_text_validator),
        metadata={KIND: ("optional_text",)},
    )


def nonempty_text_validator(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    bad = bad_text(value, nonempty=True)
    if bad:
        place = Place(path=_where(instance, attribute))
        code = "S-TYPE" if not isinstance(value, str) else "S-VALUE"
        raise ReportError((make_finding(code, place, found=value, detail=bad),))


def child(cls: type) -> Any:  # noqa: ANN401 - as above
    """A field holding one ``cls`` (made by default): any other type is refused (S-TYPE).

    ``type(value) is cls``, not ``isinstance``: cheap, and the model's classes are final.
    """

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not cls:
            place = Place(path=_where(instance, attribute))
            detail = (cls.__name__, f"a {cls.__name__}")
            raise ReportError((make_finding("S-TYPE", place, found=value, detail=detail),))

    return attrs.field(factory=cls, validator=validate, metadata={KIND: ("child", cls)})


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:  # noqa: ARG001 - one signature
    # A JSON path relative to the object being made (``$`` is the object): the report's own
    # fields are at the root of the JSON; the JSON codec puts a section's under its path.
    return f"$.{attribute.name}"


def texts() -> Any:  # noqa: ANN401 - as above
    """A tuple of paragraphs (a list is turned into a tuple)."""
    return attrs.field(
        default=(), converter=_to_tuple, validator=_texts_validator, metadata={KIND: ("texts",)}
    )


#: The most titled parts one narrative section may have: they are numbered （一） to
#: （九十九）, the numbers a reader can tell back.
MAX_PARTS: Final = 99


def items(cls: type, limit: int = MAX_ITEMS) -> Any:  # noqa: ANN401 - as above
    """A tuple of at most ``limit`` ``cls`` instances (a list is turned into a tuple)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        where = _where(instance, attribute)
        if not isinstance(value, tuple):
            detail = (f"{cls.__name__} 的列表", f"a list of {cls.__name__}")
            raise ReportError(
                (make_finding("S-TYPE", Place(path=where), found=value, detail=detail),)
            )
        if len(value) > limit:
            raise ReportError((too_many(where, value, limit),))
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

    return attrs.field(
        default=(), converter=_to_tuple, validator=validate, metadata={KIND: ("items", cls, limit)}
    )


def optional_texts() -> Any:  # noqa: ANN401 - as above
    """``None`` or a tuple of paragraphs (a list is turned into a tuple)."""
    return attrs.field(
        default=None,
        converter=_to_tuple,
        validator=_optional_texts_validator,
        metadata={KIND: ("optional_texts",)},
    )


def _optional_texts_validator(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None:
        _texts_validator(instance, attribute, value)


def _to_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def bad_text(value: object, *, nonempty: bool = False) -> tuple[str, str] | None:
    """What is wrong with a one-paragraph text, as a (Chinese, English) detail, or None.

    A text is a ``str`` without control characters (C0, C1), line or paragraph separators,
    lone surrogates or non-characters; ``nonempty``: with at least one visible character.
    """
    if not isinstance(value, str):
        return ("文本", "a string")
    if not value.isprintable() and _CONTROL.search(value):
        return (
            "应为不含控制字符和换行的单段文本",
            "must be one paragraph without control characters or line breaks",
        )
    if nonempty and _INVISIBLE.fullmatch(value):
        return ("应为非空文本（至少一个可见字符）", "must not be empty (a visible character)")
    return None


def _text_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    bad = bad_text(value)
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
    if len(value) > MAX_ITEMS:
        raise ReportError((too_many(where, value),))
    findings = []
    for i, item in enumerate(value):
        bad = bad_text(item)
        if bad:
            code = "S-TYPE" if not isinstance(item, str) else "S-VALUE"
            findings.append(make_finding(code, Place(path=f"{where}[{i}]"), found=item, detail=bad))
    if findings:
        raise ReportError(findings)


def sound_texts(value: object, limit: int = MAX_ITEMS) -> bool:
    """True when ``value`` is a JSON list of at most ``limit`` one-paragraph texts.

    What :func:`texts` accepts from the JSON loader, in one search of the joined texts (a
    control character is in the joined text exactly when it is in one of them).
    """
    return texts_colons(value, limit) >= 0


def texts_colons(value: object, limit: int = MAX_ITEMS) -> int:
    """The number of colons (``:``) in the texts when :func:`sound_texts` holds, else -1.

    For the JSON loader, which counts the colons of a document's texts (``formats.json``).
    """
    if type(value) is not list or len(value) > limit:
        return -1
    try:
        joined = "".join(value)  # a TypeError for anything but str
    except TypeError:
        return -1
    if not joined.isprintable() and _CONTROL.search(joined):
        return -1
    return joined.count(":")


_NUMERIC: dict[type, tuple[tuple[str, str], ...]] = {}


def _numeric_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """The numeric fields of an attrs class: (name, ``count``/``signed``/``amount``), cached."""
    cached = _NUMERIC.get(cls)
    if cached is not None:
        return cached
    out = []
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", cls)):
        if field.metadata.get(KIND) == ("signed_count",):
            out.append((field.name, "signed"))
        elif field.type in ("int", int):
            out.append((field.name, "count"))
        elif field.type in ("Decimal", Decimal):
            out.append((field.name, "amount"))
    _NUMERIC[cls] = tuple(out)
    return _NUMERIC[cls]


_COUNT_DETAIL = ("非负整数", "a non-negative integer")
_COUNT_BOUND = (f"不超过 {MAX_COUNT} 的非负整数", f"a non-negative integer up to {MAX_COUNT}")
_SIGNED_DETAIL = (
    f"绝对值不超过 {MAX_COUNT} 的整数（可为负数）",
    f"an integer from -{MAX_COUNT} to {MAX_COUNT} (it may be negative)",
)
_AMOUNT_DETAIL = ("非负有限金额（Decimal）", "a non-negative finite Decimal")
#: Each kind's test in the generated one-pass check (``{v}``: the value's variable).
_SOUND_TEST: Final = {
    "count": "type({v}) is int and 0 <= {v} <= MAX_COUNT",
    "signed": "type({v}) is int and -MAX_COUNT <= {v} <= MAX_COUNT",
    "amount": "isinstance({v}, Decimal) and parse_amount({v}) is not None",
}

#: Per class, a function telling in one expression whether every count and amount is sound.
_SOUND: dict[type, Callable[[object], bool]] = {}


def _sound_fields(cls: type) -> Callable[[object], bool]:
    """The one-pass check of ``cls``'s counts and amounts, made once per class.

    Generated source (as attrs and cattrs generate theirs): one boolean expression over
    the fields, so that a sound object costs one call; field names are Python identifiers.
    """
    numeric = _numeric_fields(cls)
    if not numeric:
        return lambda _: True
    lines = [f"    v{i} = self.{name}" for i, (name, _) in enumerate(numeric)]
    tests = [_SOUND_TEST[kind].format(v=f"v{i}") for i, (_, kind) in enumerate(numeric)]
    source = "def sound(self):\n" + "\n".join(lines) + "\n    return " + " and ".join(tests)
    namespace: dict[str, Any] = {
        "Decimal": Decimal,
        "parse_amount": parse_amount,
        "MAX_COUNT": MAX_COUNT,
    }
    exec(compile(source, f"<govinfo_report sound fields of {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - generated from field names
    sound: Callable[[object], bool] = namespace["sound"]
    return sound


def _refusal(kind: str, value: object) -> tuple[str, str] | None:
    """Why ``value`` is refused for a field of ``kind`` (what it must be), or None."""
    if kind == "amount":
        sound = isinstance(value, Decimal) and parse_amount(value) is not None
        return None if sound else _AMOUNT_DETAIL
    if type(value) is not int:
        return _SIGNED_DETAIL if kind == "signed" else _COUNT_DETAIL
    if kind == "signed":
        return None if -MAX_COUNT <= value <= MAX_COUNT else _SIGNED_DETAIL
    if value < 0:
        return _COUNT_DETAIL
    return _COUNT_BOUND if value > MAX_COUNT else None


def check_fields(instance: object, columns: Mapping[str, str] | None = None) -> None:
    """Check every count, signed count and amount of ``instance`` at once (rule A-NONNEG).

    Raises :class:`ReportError` listing every bad field; ``columns`` gives the official
    column label of each field, for the place. A sound object is checked in one generated
    expression; only a refused one is looked at field by field, to name every bad field.
    """
    cls = type(instance)
    sound = _SOUND.get(cls)
    if sound is None:
        sound = _SOUND[cls] = _sound_fields(cls)
    if sound(instance):
        return
    bad = []
    for name, kind in _numeric_fields(cls):
        value = getattr(instance, name)
        detail = _refusal(kind, value)
        if detail is not None:
            bad.append((name, value, detail))
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


#: The ``__attrs_post_init__`` methods made by :func:`fields_checked`.
_FIELDS_ONLY: set[Callable[[Any], None]] = set()


def fields_checked(columns: Mapping[str, str] | None = None) -> Callable[[Any], None]:
    """An ``__attrs_post_init__`` that checks the counts and amounts and nothing else.

    ``__attrs_post_init__ = fields_checked(labels.APPLICANT_COLUMNS)``: the class checks
    each field on its own (:func:`check_fields`) and holds no rule across its fields, so
    that a value whose every field was checked already may be made without checks
    (:func:`checks_fields_only`). A class with a rule across fields writes its own method.
    """

    def __attrs_post_init__(self: object) -> None:  # noqa: N807 - attrs calls it by this name
        check_fields(self, columns)

    _FIELDS_ONLY.add(__attrs_post_init__)
    return __attrs_post_init__


def field_kind(field: attrs.Attribute[Any]) -> FieldKind | None:
    """What ``field`` holds (:data:`KIND`), or None when it was not made by a helper here."""
    kind: FieldKind | None = field.metadata.get(KIND)
    return kind


def checks_fields_only(cls: type) -> bool:
    """True when making ``cls`` checks each field on its own and nothing across fields.

    So: every field is made by a helper of this module (its kind known), and the class has
    no ``__attrs_post_init__`` or the one :func:`fields_checked` made.
    """
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None and post_init not in _FIELDS_ONLY:
        return False
    fields = attrs.fields(cast("type[attrs.AttrsInstance]", cls))
    return all(field_kind(field) is not None for field in fields)
