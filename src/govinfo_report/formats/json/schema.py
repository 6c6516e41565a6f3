"""The JSON Schema of the JSON form, generated from the model (never written by hand).

The schema describes what :func:`govinfo_report.dumps` writes and what
:func:`govinfo_report.loads` accepts, types and required keys included. Arithmetic (the
rules of section 6) is beyond JSON Schema: a document can be valid against the schema and
still break a rule; ``govinfo-report check`` tells.

>>> schema = json_schema()
>>> schema["properties"]["edition"]
{'const': '2021'}
>>> old = json_schema("2019")
>>> old["properties"]["edition"], old["properties"]["proactive"]
({'const': '2019'}, {'$ref': '#/$defs/ProactiveDisclosure2019'})
>>> old["$defs"]["ItemCounts2019"]["properties"]["change"]["minimum"] < 0
True
>>> schema["$defs"]["ApplicantCounts"]["required"][:2]
['natural_person', 'commercial_enterprise']
>>> "total" in schema["$defs"]["ApplicantCounts"]["properties"]
True
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from decimal import Decimal
from typing import Any, Final

import attrs

from govinfo_report import labels
from govinfo_report.formats.json.codec import FORMAT, SCHEMA_VERSION
from govinfo_report.model import (
    EDITIONS,
    MAX_COUNT,
    MAX_ITEMS,
    MAX_YEAR,
    AnnualReport,
    ApplicantCounts,
    HandlingResults,
    Outcomes,
    Part,
)
from govinfo_report.model._fields import MAX_PARTS
from govinfo_report.model.edition2019 import (
    SIGNED_FIELD,
    DocumentCounts2019,
    FeeItems2019,
    HandlingResults2019,
    ItemCounts2019,
    Procurement2019,
)
from govinfo_report.model.report import EDITION_SECTIONS, MIN_YEAR
from govinfo_report.rules.catalogue import MAX_FRACTION_DIGITS, MAX_WHOLE_DIGITS

__all__ = ["SCHEMA_ID", "json_schema", "schema_id"]

#: The ``$id`` of the schema of the 2021 edition (see :func:`schema_id` for the others).
SCHEMA_ID: Final = f"https://govinfo-report.invalid/schema/v{SCHEMA_VERSION}.json"


def schema_id(edition: str) -> str:
    """The ``$id`` of the schema of an edition: :data:`SCHEMA_ID` for "2021".

    >>> schema_id("2019")
    'https://govinfo-report.invalid/schema/v2-2019.json'
    """
    if edition == "2021":
        return SCHEMA_ID
    return f"https://govinfo-report.invalid/schema/v{SCHEMA_VERSION}-{edition}.json"


_COUNT: Final = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
#: The one signed count (the 2019 本年增/减).
_SIGNED: Final = {"type": "integer", "minimum": -MAX_COUNT, "maximum": MAX_COUNT}
_SIGNED_CLASSES: Final = (ItemCounts2019, FeeItems2019)
_AMOUNT: Final = {
    "description": (
        'A non-negative exact decimal: a string of digits ("12.50"), an integer, or a JSON '
        "number (read exactly, never through a float; at most 10 digits after the point)."
    ),
    "anyOf": [
        {
            "type": "string",
            "pattern": rf"^[0-9]{{1,{MAX_WHOLE_DIGITS}}}(\.[0-9]{{1,{MAX_FRACTION_DIGITS}}})?$",
        },
        {"type": "integer", "minimum": 0, "maximum": 10**MAX_WHOLE_DIGITS - 1},
        {"type": "number", "minimum": 0, "exclusiveMaximum": 10**MAX_WHOLE_DIGITS},
    ],
}
#: One paragraph: no control characters, line or paragraph separators (see the model).
_TEXT: Final = {
    "type": "string",
    "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff\\ufffe\\uffff]*$",
}
#: A one-paragraph text with a visible character (the organ, the title).
_NONEMPTY_TEXT: Final = {
    **_TEXT,
    "minLength": 1,
    "not": {
        "pattern": "^[\\s\\u00ad\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff]*$"
    },
}
_COMPUTED: Final[dict[type, str]] = {
    ApplicantCounts: "ApplicantCounts",
    Outcomes: "Outcomes",
    HandlingResults: "ApplicantCounts",
    HandlingResults2019: "ApplicantCounts",
}
_COLUMN_LABELS: Final[dict[type, typing.Mapping[str, str]]] = {
    ApplicantCounts: labels.APPLICANT_COLUMNS,
    Outcomes: labels.APPEAL_COLUMNS,
    DocumentCounts2019: labels.DOCUMENT_COLUMNS_2019,
    ItemCounts2019: labels.ITEM_COLUMNS_2019,
    FeeItems2019: labels.FEE_ITEM_COLUMNS_2019,
    Procurement2019: labels.PROCUREMENT_COLUMNS_2019,
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401, PLR0911
    origin = typing.get_origin(tp)
    if tp is int:
        return dict(_COUNT)
    if tp is str:
        return dict(_TEXT)
    if tp is Decimal:
        return dict(_AMOUNT)
    if tp is dt.date:
        # months 01-12 and days 01-31 (a day past the month's end is the loader's to refuse)
        return {
            "type": "string",
            "format": "date",
            "pattern": r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$",
        }
    if origin is tuple:
        (item, _) = typing.get_args(tp)
        limit = MAX_PARTS if item is Part else MAX_ITEMS
        return {"type": "array", "items": _type_schema(item, defs), "maxItems": limit}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [*(_type_schema(o, defs) for o in options), {"type": "null"}]}
    if attrs.has(tp):
        _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    msg = f"no schema for {tp!r}"  # pragma: no cover - every model type is handled above
    raise TypeError(msg)  # pragma: no cover


def _holds_cells(tp: Any) -> bool:  # noqa: ANN401 - any field type
    """Whether a field's type is a class of table cells (required, as the loader requires it)."""
    if not attrs.has(tp):
        return False
    hints = typing.get_type_hints(tp)
    return any(
        hints[f.name] in (int, Decimal) or _holds_cells(hints[f.name]) for f in attrs.fields(tp)
    )


def _class_schema(
    cls: type, defs: dict[str, Any], sections: typing.Mapping[str, type] | None = None
) -> None:
    """The schema of ``cls`` into ``defs``; ``sections``: the report's sections' classes."""
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserve: classes may refer to each other
    hints = {**typing.get_type_hints(cls), **(sections or {})}
    properties: dict[str, Any] = {}
    required = []
    column_labels = _COLUMN_LABELS.get(cls, {})
    for field in attrs.fields(cls):
        signed = cls in _SIGNED_CLASSES and field.name == SIGNED_FIELD
        prop = dict(_SIGNED) if signed else _type_schema(hints[field.name], defs)
        if field.name in column_labels:
            prop["title"] = column_labels[field.name]
        properties[field.name] = prop
        cell_field = hints[field.name] in (int, Decimal) or _holds_cells(hints[field.name])
        if field.default is attrs.NOTHING or cell_field:
            required.append(field.name)
    if cls in _COMPUTED:
        target = _COMPUTED[cls]
        results = cls in (HandlingResults, HandlingResults2019)
        total: dict[str, Any]
        if results:
            # The stated （七）总计 row: each of its columns is optional on input, as the
            # loader reads it (a column left out is computed, a column given is checked).
            total = {
                "type": "object",
                "title": target,
                "properties": {
                    key: {**_COUNT, "title": label}
                    for key, label in labels.APPLICANT_COLUMNS.items()
                },
                "additionalProperties": False,
            }
        else:
            total = dict(_COUNT)
        total["description"] = "Computed; optional on input, checked against its cells."
        properties["total"] = total
    schema: dict[str, Any] = {
        "type": "object",
        "title": cls.__name__,
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    defs[cls.__name__] = schema


def json_schema(edition: str = "2021") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report's JSON form in an ``edition`` of the format.

    Each edition has its own schema ("2021", the default, or "2019": its Table A and its
    （六）其他处理 row differ). ``ValueError`` for an edition this library does not know.
    """
    if edition not in EDITIONS:
        msg = (
            f"格式版本应为 {'、'.join(EDITIONS)} / the edition must be one of {', '.join(EDITIONS)}"
        )
        raise ValueError(msg)
    defs: dict[str, Any] = {}
    _class_schema(AnnualReport, defs, EDITION_SECTIONS[edition])
    root = defs.pop("AnnualReport")
    properties = {
        "format": {"const": FORMAT},
        "schema_version": {"const": SCHEMA_VERSION},
        **root["properties"],
        "edition": {"const": edition},
        # any year from 2019 on: another edition than the year's is a warning (E-EDITION)
        "year": {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
        "organ": dict(_NONEMPTY_TEXT),
        "title": dict(_NONEMPTY_TEXT),
    }
    required = ["format", "schema_version", "edition", "organ", "year"]
    hints = {**typing.get_type_hints(AnnualReport), **EDITION_SECTIONS[edition]}
    required += [f.name for f in attrs.fields(AnnualReport) if attrs.has(hints[f.name])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(edition),
        "title": "政府信息公开工作年度报告 (govinfo_report JSON form)",
        "description": root["description"],
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "$defs": defs,
    }
