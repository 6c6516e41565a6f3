"""The .docx contract: what the writer puts in a document so that the reader can read it back.

Pure data and text (no python-docx, no XML): the paragraph style ids and what each tells a
reader (:class:`Style`, :data:`READ_STYLES`), the custom property holding the report's
identity and its JSON (:data:`IDENTITY_PROPERTY`, :func:`identity_json`,
:func:`identity_from_json`), the fee sentence of section 六 (:data:`FEES_SENTENCE`,
:data:`FEES_PATTERN`) and the title's lines (:func:`title_lines`). The writer
(:mod:`govinfo_report.formats.docx.writer`) and the .docx reader
(:mod:`govinfo_report.published.readers.docx`) both take them from here.

>>> from govinfo_report import AnnualReport
>>> report = AnnualReport(organ="某县教育局", year=2023)
>>> identity_from_json(identity_json(report))["title"]
'某县教育局2023年政府信息公开工作年度报告'
>>> READ_STYLES[Style.FEES]
'fees'
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Final

from govinfo_report import _json
from govinfo_report.formats._prose import FEES_PATTERN, FEES_SENTENCE, title_lines
from govinfo_report.model import Contact, Publication

if TYPE_CHECKING:
    from govinfo_report.model import AnnualReport

__all__ = [
    "FEES_PATTERN",
    "FEES_SENTENCE",
    "IDENTITY_FIELDS",
    "IDENTITY_PROPERTY",
    "READ_STYLES",
    "Style",
    "identity_from_json",
    "identity_json",
    "title_lines",
]


class Style:
    """The paragraph style ids the writer defines and uses."""

    TITLE: Final = "GovTitle"
    BODY: Final = "GovBody"
    HEADING1: Final = "GovHeading1"
    HEADING2: Final = "GovHeading2"
    FEES: Final = "GovFees"
    SIGNATURE: Final = "GovSignature"
    DATE: Final = "GovDate"
    TABLE: Final = "GovTable"
    TABLE_LEFT: Final = "GovTableLeft"
    PAGE_NUMBER_ODD: Final = "GovPageNumberOdd"
    PAGE_NUMBER_EVEN: Final = "GovPageNumberEven"


#: What a paragraph of each style is, for a reader (the other styles are in tables or footers).
READ_STYLES: Final = {
    Style.TITLE: "title",
    Style.HEADING1: "heading1",
    Style.HEADING2: "heading2",
    Style.BODY: "body",
    Style.FEES: "fees",
    Style.SIGNATURE: "signature",
    Style.DATE: "signature",
}

#: The name of the custom document property holding the report's identity as JSON.
IDENTITY_PROPERTY: Final = "govinfo_report.identity"

#: The report's fields the identity property holds, in order.
IDENTITY_FIELDS: Final = (
    "organ",
    "year",
    "edition",
    "title",
    "preface",
    "publication",
    "contact",
    "date",
)


def identity_json(report: AnnualReport) -> str:
    """The value of the ``govinfo_report.identity`` custom property (compact JSON).

    >>> from govinfo_report import AnnualReport
    >>> value = identity_json(AnnualReport(organ="某县教育局", year=2023))
    >>> value.startswith('{"organ":"某县教育局","year":2023,"edition":"2021",')
    True
    >>> list(json.loads(value)) == list(IDENTITY_FIELDS)
    True
    """
    data = _json.unstructure({name: getattr(report, name) for name in IDENTITY_FIELDS})
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def identity_from_json(text: str) -> dict[str, Any]:
    """The identity fields of :func:`identity_json`'s text; ``ValueError`` when malformed.

    A preface written as one string (before the preface became paragraphs) is one paragraph.
    """
    from govinfo_report.formats.json.codec import structure_part  # noqa: PLC0415 - cattrs

    value = json.loads(text)
    if not isinstance(value, dict):
        msg = "the identity is not an object"
        raise ValueError(msg)  # noqa: TRY004 - a malformed property is a bad value
    preface = value.get("preface")
    if isinstance(preface, str):
        value["preface"] = [preface] if preface else []
    types: dict[str, Any] = {
        "organ": str,
        "year": int,
        "edition": str,
        "title": str,
        "preface": tuple[str, ...] | None,
        "publication": Publication | None,
        "contact": Contact | None,
        "date": dt.date | None,
    }
    out: dict[str, Any] = {}
    for name in IDENTITY_FIELDS:
        if name not in value and name not in ("organ", "year", "edition", "title"):
            out[name] = None
            continue
        out[name] = structure_part(value[name], types[name])
    return out
