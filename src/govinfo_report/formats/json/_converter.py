"""The strict JSON converter of reports (private): every structure hook, and writing.

The encoding choices are the one encoder's (:mod:`govinfo_report._json`); this converter adds
the strictness of reading (no coercion: ``true`` is not a count, ``"3"`` not an integer) and
the stated totals written beside each row. Used by the strict and the fast path
(:mod:`._strict`, :mod:`._fast`) and by :mod:`.codec`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from govinfo_report import _json
from govinfo_report.model import AnnualReport, ApplicantCounts, HandlingResults, Outcomes, Part
from govinfo_report.model._fields import MAX_ITEMS
from govinfo_report.model.edition2019 import HandlingResults2019
from govinfo_report.model.report import DEFAULT_EDITION, EDITION_SECTIONS, MAX_YEAR, edition_for

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = [
    "CONVERTER",
    "ENVELOPE",
    "FORMAT",
    "READ_VERSIONS",
    "SCHEMA_VERSION",
    "WITH_TOTAL",
    "LimitError",
    "StrictTypeError",
    "dumps",
    "edition_of",
    "make_strict_converter",
    "only_reports",
    "report_structure_hook",
    "structure_part",
    "to_dict",
]

#: The ``format`` key of the envelope: what kind of document this is.
FORMAT: Final = "govinfo-report"
#: The ``schema_version`` of the JSON layout this library writes.
SCHEMA_VERSION: Final = 2
#: Every ``schema_version`` this library reads. Version 1 held the preface as one string
#: (or ``null``); it is read as a list of one paragraph (an empty string as no paragraph).
READ_VERSIONS: Final = (1, 2)

#: The envelope's keys, which are not the report's fields.
ENVELOPE: Final = ("format", "schema_version")
#: The classes whose JSON form states a computed ``total``.
WITH_TOTAL: Final = (ApplicantCounts, Outcomes, HandlingResults, HandlingResults2019)


def edition_of(data: object) -> str:
    """The edition whose tables a JSON-like report is read with.

    Its ``edition`` when that is one this library knows; else (the envelope's problem is a
    finding of its own) the edition of its ``year``, else the default edition.
    """
    if not isinstance(data, dict):
        return DEFAULT_EDITION
    edition = data.get("edition")
    if type(edition) is str and edition in EDITION_SECTIONS:
        return edition
    year = data.get("year")
    if type(year) is int and year <= MAX_YEAR:
        return edition_for(year)
    return DEFAULT_EDITION


def report_structure_hook(
    conv: cattrs.Converter, *, forbid_extra_keys: bool | None = None
) -> Callable[[object, type], AnnualReport]:
    """The structure hook of :class:`AnnualReport`: its sections' classes by its edition.

    The sections that differ between editions (``proactive``, ``requests``) are typed as a
    union on the report; the edition (:func:`edition_of`) says which class each one is.
    """

    def lazy(cls: type) -> Callable[[object, type], Any]:
        return lambda value, _: conv.structure(value, cls)

    forbid: bool | Literal["from_converter"] = (
        "from_converter" if forbid_extra_keys is None else forbid_extra_keys
    )
    # Typed loosely: mypy cannot tell the field overrides from the keyword options.
    make: Callable[..., Any] = make_dict_structure_fn
    made: dict[str, Callable[[object, type], AnnualReport]]
    made = {
        edition: make(
            AnnualReport,
            conv,
            forbid,
            **{name: override(struct_hook=lazy(cls)) for name, cls in sections.items()},
        )
        for edition, sections in EDITION_SECTIONS.items()
    }

    def hook(value: object, _: type) -> AnnualReport:
        return made[edition_of(value)](value, AnnualReport)

    return hook


class StrictTypeError(TypeError):
    """A value of the wrong JSON type; carries the expected type in both languages."""

    def __init__(self, value: object, zh: str, en: str) -> None:
        self.value = value
        self.zh = zh
        self.en = en
        super().__init__(f"expected {en}, found {value!r}")


class LimitError(ValueError):
    """A list longer than MAX_ITEMS (reported as S-LIMIT, without looking at its items)."""

    def __init__(self, value: list[Any]) -> None:
        self.value = value
        super().__init__(f"a list of {len(value)} items")


def _check_list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise StrictTypeError(value, "列表", "a list")
    if len(value) > MAX_ITEMS:
        raise LimitError(value)
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise StrictTypeError(value, "整数", "an integer")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise StrictTypeError(value, "文本", "a string")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise StrictTypeError(value, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)")


def _structure_decimal(value: object, _: type) -> Decimal:
    from govinfo_report.rules.catalogue import parse_amount  # noqa: PLC0415 - local to the hook

    amount = parse_amount(value)
    if amount is None:
        raise StrictTypeError(value, "非负金额", "a non-negative amount")
    return amount


def make_strict_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(Decimal, _structure_decimal)
    # Amounts in plain notation, dates ISO, tuples as lists: the one encoder's choices.
    _json.configure(conv)

    def _strict_list(item: type) -> Any:  # noqa: ANN401 - a cattrs hook
        def hook(value: object, _: type) -> tuple[Any, ...]:
            value = _check_list(value)
            structure = conv.get_structure_hook(item)  # looked up once, not for every item
            out: list[Any] = []
            errors: list[Exception] = []
            for i, v in enumerate(value):
                try:
                    out.append(structure(v, item))
                except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                    exc.add_note(IterableValidationNote(f"@ index {i}", i, item))
                    errors.append(exc)
            if errors:
                msg = f"While structuring a list of {item.__name__}"
                raise IterableValidationError(msg, errors, tuple)
            return tuple(out)

        return hook

    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], _strict_list(str))
    conv.register_structure_hook_func(lambda t: t == tuple[Part, ...], _strict_list(Part))

    def _with_total(cls: type) -> None:
        base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv)

        def unstructure(obj: Any) -> dict[str, Any]:  # noqa: ANN401 - a cattrs hook
            out: dict[str, Any] = base(obj)
            out["total"] = conv.unstructure(obj.total)
            return out

        conv.register_unstructure_hook(cls, unstructure)

    for cls in WITH_TOTAL:
        _with_total(cls)
    conv.register_structure_hook(AnnualReport, report_structure_hook(conv))
    return conv


CONVERTER: Final = make_strict_converter()


# --- Out --------------------------------------------------------------------------


def only_reports(report: object) -> None:
    """Only a whole report is written: a section or a dict would give a file loads refuses."""
    if type(report) is not AnnualReport:
        msg = f"expected an AnnualReport, got {type(report).__name__}"
        raise TypeError(msg)


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """The JSON-like form of a report: the envelope, then every field, totals included.

    Raises ``TypeError`` for anything but an :class:`~govinfo_report.AnnualReport`.
    """
    only_reports(report)
    body: dict[str, Any] = CONVERTER.unstructure(report)
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, **body}


def dumps(report: AnnualReport, *, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8, Chinese unescaped, ``indent`` spaces)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent) + "\n"


def structure_part(value: object, cls: Any) -> Any:  # noqa: ANN401 - any part of a report
    """``value`` (JSON-like) as ``cls``, strictly; ``ValueError`` when it is not one.

    For other formats that store parts of a report as JSON (the .docx identity property).
    """
    try:
        return CONVERTER.structure(value, cls)
    except Exception as exc:  # cattrs raises groups of any error: one ValueError for all
        msg = f"not a valid {getattr(cls, '__name__', cls)}: {value!r}"
        raise ValueError(msg) from exc
