r"""The record as published (发布的报告原样): what a reader found in a document.

Why one module: the record's classes are one data structure, and each class's JSON layout
stands beside it.

This is the second of the two layers (``shared/style.md``): not a sound report, but every
table cell as printed — stated totals, blanks and ``/`` included — with where it was found,
the narrative sections split by their headings, and whatever could not be understood, kept
rather than dropped. :func:`govinfo_report.published.audit.audit` lists what is wrong with it;
:meth:`PublishedReport.to_report` turns it into an :class:`~govinfo_report.AnnualReport`, or
raises :class:`~govinfo_report.ReportError` listing every problem at once.

>>> from govinfo_report.published.readers import read_text
>>> record = read_text("某县教育局2023年政府信息公开工作年度报告\n"
...                    "二、主动公开政府信息情况\n\t规章\t1\t/\t3")
>>> cell = record.cell(("proactive", "regulations", "repealed"))
>>> cell.raw, cell.value, cell.blank, cell.number, cell.source.ref
('/', None, True, 0, 'L3')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

import attrs

from govinfo_report import _json
from govinfo_report.cells import CELL_BY_KEY, Cell, CellKey, any_cell
from govinfo_report.errors import ReportError
from govinfo_report.findings import Finding, Severity
from govinfo_report.model import (
    DEFAULT_EDITION,
    AnnualReport,
    Contact,
    Narrative,
    Part,
    Publication,
    from_cells,
)

__all__ = [
    "CombinedCell",
    "Format",
    "Furniture",
    "PageMetadata",
    "PublishedCell",
    "PublishedPart",
    "PublishedReport",
    "PublishedSection",
    "Source",
    "Unread",
]

Number = int | Decimal
Format = Literal["text", "html", "docx", "pdf", "xlsx"]


@attrs.frozen(kw_only=True)
class Source:
    """Where something was found: a line of a text, or a table's row and column (1-based).

    Tables are numbered in document order; rows and columns are positions in the table's
    grid (a merged cell is found at its top-left position). A paragraph of a web page or a
    .docx has ``paragraph`` set instead. In a PDF, ``page`` is the page (1-based), ``line``
    the line on that page, and ``x``, ``y`` the top-left corner of the line or cell in
    points from the page's top-left corner. A cell of a workbook has ``sheet`` (its name),
    ``row`` and ``column`` set: ``ref`` is then the spreadsheet's own ``表三!D6``.
    """

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None
    x: int | None = None
    y: int | None = None
    sheet: str | None = None

    @property
    def ref(self) -> str:
        """A short language-neutral reference: ``L12``, ``P3``, ``T2R5C4``; ``p4.T2R5C4``.

        In a PDF the page comes first: ``p3.L12``, ``p4.T2R5C4``. In a workbook it is the
        spreadsheet's own reference: ``表三!D6``.
        """
        ref = self._ref()
        if self.page is None:
            return ref
        return f"p{self.page}" if ref == "?" else f"p{self.page}.{ref}"

    def _ref(self) -> str:
        if self.sheet is not None:
            return f"{self.sheet}!{self._a1()}"
        if self.table is not None:
            ref = f"T{self.table}"
            if self.row is not None:
                ref += f"R{self.row}"
            if self.column is not None:
                ref += f"C{self.column}"
            return ref
        if self.line is not None:
            return f"L{self.line}"
        if self.paragraph is not None:
            return f"P{self.paragraph}"
        return "?"

    def describe(self, lang: str = "zh") -> str:
        """The place in words, in Chinese (``zh``) or English (``en``)."""
        where = self._describe(lang)
        if self.page is None:
            return where
        at = "" if self.x is None or self.y is None else f" ({self.x}, {self.y})"
        if lang == "en":
            return f"page {self.page}{at}" if where == "?" else f"page {self.page}{at}, {where}"
        return f"第{self.page}页{at}" if where == "?" else f"第{self.page}页{at}{where}"

    def _describe(self, lang: str) -> str:  # noqa: PLR0911 - one return per kind of place
        if self.sheet is not None:
            if lang == "en":
                return f"sheet {self.sheet}, cell {self._a1()}"
            return f"工作表“{self.sheet}”的 {self._a1()} 单元格"
        if self.table is not None:
            if lang == "en":
                return f"table {self.table}, row {self.row}, column {self.column}"
            return f"第{self.table}个表格第{self.row}行第{self.column}列"
        if self.line is not None:
            return f"line {self.line}" if lang == "en" else f"第{self.line}行"
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}" if lang == "en" else f"第{self.paragraph}段"
        return "?"

    def _a1(self) -> str:
        if self.row is None:
            return ""
        col, letters = self.column or 0, ""
        while col:
            col, rest = divmod(col - 1, 26)
            letters = chr(65 + rest) + letters
        return f"{letters}{self.row}"

    def to_dict(self) -> dict[str, int | str]:
        """The set coordinates as a dict."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # see the layouts below


@attrs.frozen(kw_only=True)
class PublishedCell:
    """One table cell as printed: its cell key, raw text, value and where it was found.

    ``value`` is the number printed (``int``, or ``Decimal`` when a fraction is printed);
    ``None`` when the cell is blank or a placeholder for zero (``blank`` is then true: blank,
    ``/``, ``—``, ``-``, ``无``) or when it is not a number at all (``blank`` false: rule
    A-NONNEG).
    """

    key: CellKey
    raw: str
    value: Number | None
    blank: bool
    source: Source

    @property
    def cell(self) -> Cell:
        """The official cell (labels, table, kind), of either edition."""
        return any_cell(self.key)

    @property
    def number(self) -> Number | None:
        """The value the cell stands for: the number, 0 for a blank, ``None`` for text."""
        if self.value is not None:
            return self.value
        return 0 if self.blank else None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: labels, raw text, value, source."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # see the layouts below


@attrs.frozen(kw_only=True)
class PublishedPart:
    """A part of a narrative section: its sub-heading as printed, its title and paragraphs."""

    heading: str
    title: str
    paragraphs: tuple[str, ...] = ()
    source: Source


@attrs.frozen(kw_only=True)
class PublishedSection:
    """A section as published: its heading as printed, opening paragraphs and parts.

    ``key`` is the model field of the section (``overview`` … ``other_matters``).
    """

    key: str
    heading: str
    source: Source
    opening: tuple[str, ...] = ()
    parts: tuple[PublishedPart, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # see the layouts below


@attrs.frozen(kw_only=True)
class CombinedCell:
    """One figure printed for several cells: a merged cell, or a group printed as one row.

    Real pages print （六）其他处理 as one row (the 2019 layout) or merge the cells of its
    items 1-3 into one. ``keys`` are the cells the figure stands for (in print order); a
    blank or zero figure implies each of them is 0; any other figure cannot be split.
    """

    keys: tuple[CellKey, ...]
    raw: str
    value: Number | None
    blank: bool
    source: Source

    @property
    def number(self) -> Number | None:
        """The figure: the number, 0 for a blank, ``None`` for text."""
        if self.value is not None:
            return self.value
        return 0 if self.blank else None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict: the cells' paths, raw text, value, source."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # see the layouts below


#: Where furniture stood: above the report's title, between its title and its end, below
#: its end; ``outside`` is outside the page's article element altogether.
Position = Literal["before", "inside", "after", "outside"]
#: What furniture is: a widget (share, print, QR...), a metadata line (来源, 发布时间...),
#: or a short line without sentence punctuation at the article's edge.
FurnitureKind = Literal["widget", "metadata", "edge"]


@attrs.frozen(kw_only=True)
class Furniture:
    """Site furniture (页面元素): text of the page that is not the report's, kept with its place."""

    text: str
    source: Source
    position: Position
    kind: FurnitureKind

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # see the layouts below


@attrs.frozen(kw_only=True)
class PageMetadata:
    """The document's metadata as the page prints it (来源, 发布时间, 索引号, 文号)."""

    publisher: str | None = None
    published: dt.date | None = None
    index_number: str | None = None
    document_number: str | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (the date ISO)."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # see the layouts below


@attrs.frozen(kw_only=True)
class Unread:
    """Text a reader could not place (kept, and reported as R-UNREAD)."""

    text: str
    source: Source


@attrs.frozen(kw_only=True)
class PublishedReport:
    """A report as published (发布的报告原样): identity, sections, cells, leftovers, findings.

    ``findings`` are what reading noticed: R-LABEL notes for labels matched loosely, R-UNREAD
    for text not understood, R-IDENTITY when the title, the signature or the statistical
    period disagree about the organ or the year. ``signature`` is the organ printed above
    the closing date; ``metadata`` what the page's metadata lines say; ``furniture`` the
    page's own text (widgets, metadata lines, edge lines), never part of the narrative;
    ``combined`` the figures printed once for several cells. ``edition`` is the edition
    of the format the reader found the document to follow (a .docx written by this library
    says so in its properties), else :data:`~govinfo_report.model.DEFAULT_EDITION`. The
    arithmetic and completeness are judged by :func:`govinfo_report.published.audit.audit`.
    """

    source: str
    format: Format
    title: str | None = None
    organ: str | None = None
    year: int | None = None
    edition: str = DEFAULT_EDITION
    preface: tuple[str, ...] | None = None
    publication: Publication | None = None
    contact: Contact | None = None
    date: dt.date | None = None
    signature: str | None = None
    metadata: PageMetadata = attrs.field(factory=PageMetadata)
    sections: tuple[PublishedSection, ...] = ()
    cells: tuple[PublishedCell, ...] = ()
    combined: tuple[CombinedCell, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    unread: tuple[Unread, ...] = ()
    findings: tuple[Finding, ...] = ()

    def cell(self, key: CellKey) -> PublishedCell | None:
        """The published cell with ``key``, or ``None`` when it was not found."""
        for cell in self.cells:
            if cell.key == key:
                return cell
        return None

    def section(self, key: str) -> PublishedSection | None:
        """The section with model field ``key`` (``overview`` …), or ``None``."""
        for section in self.sections:
            if section.key == key:
                return section
        return None

    def values(self) -> dict[CellKey, Number]:
        """Every cell that stands for a number: printed numbers, and 0 for blanks.

        A cell not printed on its own but covered by a combined figure of 0 (a merged cell,
        a group printed as one row) is 0 too.
        """
        out = {c.key: c.number for c in self.cells if c.number is not None}
        for combined in self.combined:
            if combined.number == 0:
                for key in combined.keys:
                    out.setdefault(key, 0)
        return out

    def to_dict(self) -> dict[str, object]:
        """The whole record, JSON-ready (amounts as decimal strings, dates ISO)."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # see the layouts below

    def to_report(self) -> AnnualReport:
        """The sound :class:`~govinfo_report.AnnualReport` this record states.

        Blanks mean 0, and so do cells the page implies (R-IMPLIED notes of the audit): a
        row of Table 二 or 三 left out, a combined figure of 0 for several cells. Raises
        :class:`~govinfo_report.ReportError` listing every problem at once, each naming its
        rule and cell: missing identity, tables or cells (R-MISSING, a combined figure
        other than 0 included), values that are not counts (A-NONNEG), every broken sum
        of the format (B-…, C-TOTAL), and what reading found wrong (a web page whose tables
        disagree with its embedded data, R-EMBED).
        """
        from govinfo_report.published.audit import audit  # noqa: PLC0415 - audit checks records

        problems = [f for f in (*self.findings, *audit(self)) if f.severity is Severity.ERROR]
        if problems:
            raise ReportError(problems)
        assert self.organ is not None  # noqa: S101 - checked above; narrows for mypy
        assert self.year is not None  # noqa: S101
        # A total left empty (a template's 总计 cell, a workbook's formula) is computed, as
        # the audit computes it, not read as 0.
        empty_totals = {c.key for c in self.cells if c.cell.computed and not c.raw.strip()}
        values = {k: v for k, v in self.values().items() if k not in empty_totals}
        return from_cells(
            values,
            organ=self.organ,
            year=self.year,
            edition=self.edition,
            title=self.title,
            preface=self.preface,
            publication=self.publication,
            contact=self.contact,
            date=self.date,
            overview=_narrative(self.section("overview")),
            problems=_narrative(self.section("problems")),
            other_matters=_narrative(self.section("other_matters")),
        )


def _narrative(section: PublishedSection | None) -> Narrative:
    if section is None:
        return Narrative()
    return Narrative(
        opening=section.opening,
        parts=_parts(section),
    )


def _parts(section: PublishedSection) -> tuple[Part, ...]:
    return tuple([Part(title=p.title, paragraphs=p.paragraphs) for p in section.parts])


# --- JSON layouts (through the one encoder, :mod:`govinfo_report._json`) ------------------

_json.register(
    Source,
    lambda s: {f.name: v for f in attrs.fields(Source) if (v := getattr(s, f.name)) is not None},
)
_json.register(
    PublishedCell,
    lambda c: {
        "path": c.cell.path,
        "table": c.cell.table,
        "row": c.cell.row_label,
        "column": c.cell.column,
        "raw": c.raw,
        "value": c.value,
        "blank": c.blank,
        "source": c.source,
    },
)
_json.register(
    CombinedCell,
    lambda c: {
        "cells": [CELL_BY_KEY[k].path for k in c.keys],
        "raw": c.raw,
        "value": c.value,
        "blank": c.blank,
        "source": c.source,
    },
)
