"""From paragraphs and grids to the record as published: the format's knowledge (private).

Why one module: it is the one label-matching interpreter every reader ends in; its passes
(identity, sections, grids, fees) share one document's matching state. Candidates to move
out: the fee phrases (shared with the .docx writer) and the title pass.

Every reader ends here. Sections are found by their headings (format section 2, with the
variants of section 9), parts by their ``（一）`` sub-headings, table rows by their official
labels (:mod:`govinfo_report.labels`), and the cells of a row are the values that follow its
label. Anything else becomes an :class:`~govinfo_report.published.record.Unread` item with an
R-UNREAD finding; a label recognised only loosely gives an R-LABEL note.

Both editions of the format are known (format section 7 for 2019): a table's edition is
decided from the labels it matched (:class:`_Editions`), and its rows are read as that
edition prints them; the record's ``edition`` is what the tables say, else the year's.
"""

from __future__ import annotations

import difflib
import functools
import operator
import re
from collections import Counter
from contextvars import ContextVar
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from govinfo_report import labels
from govinfo_report.cells import CellKey, any_cell, cells_of
from govinfo_report.errors import ReadError
from govinfo_report.findings import Finding, Place, Severity, make_finding
from govinfo_report.formats.docx import contract
from govinfo_report.model.report import DEFAULT_EDITION, EDITIONS, edition_for
from govinfo_report.published.readers._blocks import Grid, Para, TextCell
from govinfo_report.published.readers._normal import (
    compact,
    is_blank,
    is_value,
    parse_signed,
    parse_value,
    plain,
    squash,
)
from govinfo_report.published.readers._page import (
    cn_int,
    is_date_line,
    is_metadata,
    is_page_number,
    is_sentence,
    is_widget,
    metadata_fields,
    parse_date,
    title_identity,
)
from govinfo_report.published.record import (
    CombinedCell,
    Format,
    Furniture,
    FurnitureKind,
    PageMetadata,
    Position,
    PublishedCell,
    PublishedPart,
    PublishedReport,
    PublishedSection,
    Source,
    Unread,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping, Sequence

    from govinfo_report.published.readers._blocks import Block

__all__ = ["interpret"]

_TYPO_RATIO: Final = 0.86
_SHORT: Final = 4  # label texts shorter than this are matched only with their number


def _own(keys: Iterable[CellKey]) -> tuple[CellKey, ...]:
    """``keys`` as the key objects of their cells (:func:`any_cell`'s), each equal to its own.

    A dict holding a cell's own object finds it by identity, without comparing the strings
    of two tuples one by one (the cells' kinds here, the record's cells, the audit's values).
    """
    out = []
    for key in keys:
        try:
            out.append(any_cell(key).key)
        except KeyError:
            out.append(key)
    return tuple(out)


def _own_spans(spans: Iterable[Iterable[CellKey]]) -> tuple[tuple[CellKey, ...], ...]:
    return tuple(map(_own, spans))


@attrs.frozen(kw_only=True)
class _Row:
    """A row label of Table A or B: the cells it heads (empty for a label without cells)."""

    label: labels.Label
    keys: tuple[CellKey, ...] = attrs.field(converter=_own)
    group: str | None = None  # the result group a sub-item or group label belongs to
    is_group: bool = False
    item: int | None = None  # a sub-item's position in its group
    #: A group label's cells by column: the group printed as one row (the 2019 layout of
    #: （六）其他处理) gives one figure per column for all its items.
    spans: tuple[tuple[CellKey, ...], ...] = attrs.field(default=(), converter=_own_spans)
    #: How many values the row takes (a plain field: asked for every value cell).
    width: int = attrs.field(
        default=attrs.Factory(lambda row: len(row.keys) or len(row.spans), takes_self=True)
    )
    #: The edition whose cells ``keys`` are, when the editions' rows differ (Table 二, and
    #: （六）其他处理 of Table 三); None for a row both editions print alike.
    edition: str | None = None
    #: The edition that alone prints this row (其他对外管理服务事项 is 2019's, the items of
    #: （六） are 2021's): finding it says which edition the table follows.
    sole: str | None = None

    @property
    def meant(self) -> str:
        return self.label.full


def _rows_2019() -> dict[str, _Row]:
    """The rows of the 2019 Table 二 (format section 7), by field, and its （六）其他处理."""
    columns = {
        "documents": labels.DOCUMENT_COLUMNS_2019,
        "licensing": labels.ITEM_COLUMNS_2019,
        "enforcement": labels.ITEM_COLUMNS_2019,
        "fees": labels.FEE_ITEM_COLUMNS_2019,
        "procurement": labels.PROCUREMENT_COLUMNS_2019,
    }
    rows = {}
    for field, label in labels.PROACTIVE_ROWS_2019.items():
        group = labels.PROACTIVE_ROW_GROUP_2019[field]
        rows[field] = _Row(
            label=label,
            keys=tuple(("proactive", field, c) for c in columns[group]),
            edition="2019",
            sole="2019" if field not in labels.PROACTIVE_ROWS else None,
        )
    prefix = ("requests", "results", "other")
    rows["other"] = _Row(
        label=labels.RESULT_GROUPS["other"],
        keys=tuple((*prefix, c) for c in labels.APPLICANT_COLUMNS),
        group="other",
        edition="2019",
    )
    return rows


#: The rows of the 2019 edition that differ from 2021's, by field (and ``other``: （六）).
_ROWS_2019: Final = _rows_2019()


def _rows() -> list[_Row]:
    rows: list[_Row] = []
    keys: tuple[CellKey, ...]
    prefix: CellKey
    for field, label in labels.PROACTIVE_ROWS.items():
        if field in ("regulations", "normative_documents"):
            keys = tuple(("proactive", field, c) for c in labels.DOCUMENT_COLUMNS)
        else:
            keys = (("proactive", field),)
        # 行政规范性文件 is 2021's alone (2019 prints 规范性文件, read as the 2019 row)
        sole = "2021" if field == "normative_documents" else None
        rows.append(_Row(label=label, keys=keys, edition="2021", sole=sole))
    # The rows only the 2019 Table 二 prints, and its 规范性文件 (2021's variant spelling).
    rows.extend(
        _ROWS_2019[field] for field in ("normative_documents", "other_services", "procurement")
    )
    applicant = tuple(labels.APPLICANT_COLUMNS)
    for field, label in labels.REQUEST_ROWS.items():
        if field == "results":
            rows.append(_Row(label=label, keys=()))
        else:
            rows.append(_Row(label=label, keys=tuple(("requests", field, c) for c in applicant)))
    for group, label in labels.RESULT_GROUPS.items():
        items = labels.RESULT_ITEMS.get(group)
        if items is None:
            prefix = ("requests", "results", group)
            rows.append(_Row(label=label, keys=tuple((*prefix, c) for c in applicant)))
            continue
        spans = tuple(tuple(("requests", "results", group, i, c) for i in items) for c in applicant)
        six = group not in labels.RESULT_ITEMS_2019  # （六）: one row in 2019, items in 2021
        rows.append(
            _Row(
                label=label,
                keys=(),
                group=group,
                is_group=True,
                spans=spans,
                edition="2021" if six else None,
            )
        )
        for n, (item, item_label) in enumerate(items.items()):
            prefix = ("requests", "results", group, item)
            rows.append(
                _Row(
                    label=item_label,
                    keys=tuple((*prefix, c) for c in applicant),
                    group=group,
                    item=n,
                    edition="2021" if six else None,
                    sole="2021" if six else None,
                )
            )
    return rows


_ROWS: Final = _rows()


def _counterparts() -> dict[int, _Row]:
    """Each edition-specific row's counterpart in the other edition, by ``id`` of the row."""
    by_label = {(row.edition, row.label.text): row for row in _ROWS if row.edition and not row.sole}
    out = {}
    for field, old in _ROWS_2019.items():
        label = (
            labels.RESULT_GROUPS["other"] if field == "other" else labels.PROACTIVE_ROWS.get(field)
        )
        new: _Row | None = None
        if field == "normative_documents":
            new = next(r for r in _ROWS if r.keys and r.keys[0] == ("proactive", field, "issued"))
        elif label is not None:
            new = by_label.get(("2021", label.text))
        if new is not None:
            out[id(new)] = old
            out[id(old)] = new
    return out


#: What an edition-specific row is in the other edition (rows only one edition prints: none).
_COUNTERPART: Final = _counterparts()
_OTHER_GROUP: Final = next(r for r in _ROWS if r.is_group and r.group == "other")


def _in_edition(row: _Row, edition: str) -> _Row:
    """``row`` as the table of ``edition`` prints it (itself when the editions share it)."""
    if row.edition is None or row.edition == edition:
        return row
    return _COUNTERPART.get(id(row), row)


def _numbers(number: str) -> tuple[str, ...]:
    """A sub-item number as printed: ``1.`` (``1．`` is the same after NFKC), or ``1、``."""
    if number.endswith("."):
        return (number, number[:-1] + "、")
    return (number,)


def _forms(label: labels.Label) -> set[str]:
    texts = (label.text, *label.variants)
    forms = {compact(n + t) for n in _numbers(label.number) for t in texts}
    if label.number == "" or len(label.text) >= _SHORT:
        forms |= {compact(t) for t in texts}
    return forms


_ROW_FORMS: Final = [(row, _forms(row.label)) for row in _ROWS]
_ROW_INDEX: Final = {form: row for row, forms in _ROW_FORMS for form in forms}

_HEADERS: Final = tuple(
    compact(h)
    for h in (
        *(g.full for g in labels.PROACTIVE_GROUPS.values()),
        labels.PROACTIVE_CONTENT_HEADER,
        *labels.DOCUMENT_COLUMNS.values(),
        labels.DECISIONS_COLUMN,
        labels.FEES_COLUMN,
        labels.BALANCE_NOTE,
        labels.APPLICANT_HEADER,
        labels.LEGAL_PERSON_HEADER,
        *labels.APPLICANT_COLUMNS.values(),
        *labels.APPEAL_HEADERS.values(),
        *(p[-1] for p in labels.APPEAL_GROUPS.values()),
        *labels.APPEAL_COLUMNS.values(),
        "本年收费金额(单位:元)",
        "本年收费金额",
        labels.PROACTIVE_GROUPS_2019["procurement"].full,
        *labels.DOCUMENT_COLUMNS_2019.values(),
        *labels.ITEM_COLUMNS_2019.values(),
        *labels.PROCUREMENT_COLUMNS_2019.values(),
    )
)

#: The headers of Table 二 only one edition prints, by compact form: the kind of a cell
#: holding one (``header:2019``, ``header:2021``), evidence of the table's edition.
_EDITION_HEADERS: Final = {
    **{
        compact(h): "header:2021"
        for h in (
            *labels.DOCUMENT_COLUMNS.values(),
            labels.DECISIONS_COLUMN,
            labels.FEES_COLUMN,
            "本年收费金额(单位:元)",
            "本年收费金额",
        )
    },
    **{
        compact(h): "header:2019"
        for h in (
            labels.PROACTIVE_GROUPS_2019["procurement"].full,
            *labels.DOCUMENT_COLUMNS_2019.values(),
            *labels.ITEM_COLUMNS_2019.values(),
            *labels.PROCUREMENT_COLUMNS_2019.values(),
        )
    },
}
_HEADER_EDITION: Final = {"header:2019": "2019", "header:2021": "2021"}
_APPEAL_MARKS: Final = frozenset(compact(h) for h in labels.APPEAL_HEADERS.values())
_APPEAL_KEYS: Final = _own(
    ("appeals", group, column) for group in labels.APPEAL_GROUPS for column in labels.APPEAL_COLUMNS
)


_HEADER_LONGEST: Final = max(map(len, _HEADERS))


def _is_header(key: str) -> bool:
    """Whether ``key`` (a compact form) is a column header or a piece of one.

    A key longer than every header is in none (so only short keys are remembered).
    """
    return 0 < len(key) <= _HEADER_LONGEST and _header_piece(key)


@functools.lru_cache(maxsize=4096)
def _header_piece(key: str) -> bool:
    return any(key in header for header in _HEADERS)


#: The forms long enough for fuzzy matching, in row order, each with its character counts.
_FUZZY_FORMS: Final = [
    (row, form, Counter(form))
    for row, forms in _ROW_FORMS
    for form in forms
    if len(form) >= 2 * _SHORT
]
_CACHED: Final = 200  # cell texts up to this length have their classification remembered


def _match_row(text: str) -> tuple[_Row, bool] | None:
    """The row label ``text`` stands for, and whether it was matched loosely."""
    key = compact(text)
    if not key:
        return None
    row = _ROW_INDEX.get(key)
    if row is not None:
        return row, re.sub(r"\s", "", text) != row.meant
    if len(key) < 2 * _SHORT:
        return None
    prefixed = {
        candidate.meant: candidate
        for candidate, forms in _ROW_FORMS
        for form in forms
        if form.startswith(key)
    }
    if len(prefixed) == 1:  # the first line of a label Word split over two rows
        return next(iter(prefixed.values())), True
    best = _closest(key)
    return (best, True) if best else None


#: A second report on a page: this many section headings again, and this many cells again.
_SECOND_REPORT_SECTIONS: Final = 3
_SECOND_REPORT_CELLS: Final = 10


class _SecondReportError(Exception):
    """The blocks hold a second report after the first (refused: which one is meant?)."""


#: How many times one document may ask for a loose label match (see :func:`interpret`).
MAX_FUZZY: Final = 300
_FUZZY_LEFT: Final[ContextVar[list[int] | None]] = ContextVar("_FUZZY_LEFT", default=None)


class _FuzzySpentError(Exception):
    """A document asked for more loose matches than ``MAX_FUZZY`` (never cached: raised)."""


def _closest(key: str) -> _Row | None:
    """The row whose form is most like ``key`` (difflib ratio at least ``_TYPO_RATIO``).

    The first best in row order, as a plain scan would find it; ``ratio`` is bounded above
    by ``2 * min(len) / total`` and by the characters the two strings share
    (``quick_ratio``), so forms that cannot win are not compared in full.
    """
    left = _FUZZY_LEFT.get()
    if left is not None:
        left[0] -= 1
        if left[0] < 0:
            raise _FuzzySpentError
    best: tuple[float, _Row] | None = None
    counts: Counter[str] | None = None
    size = len(key)
    for candidate, form, form_counts in _FUZZY_FORMS:
        total = size + len(form)
        bound = 2.0 * min(size, len(form)) / total
        if bound < _TYPO_RATIO or (best is not None and bound <= best[0]):
            continue
        if counts is None:
            counts = Counter(key)
        bound = 2.0 * sum((counts & form_counts).values()) / total
        if bound < _TYPO_RATIO or (best is not None and bound <= best[0]):
            continue
        ratio = difflib.SequenceMatcher(None, key, form).ratio()
        if ratio >= _TYPO_RATIO and (best is None or ratio > best[0]):
            best = (ratio, candidate)
    return best[1] if best else None


_SECTION_FORMS: Final = {
    key: (
        {compact(label.number + t) for t in (label.text, *label.variants)},
        {compact(t) for t in (label.text, *label.variants)},
    )
    for key, label in labels.SECTIONS.items()
}
_NUMBERED_HEADING: Final = re.compile(r"^[一二三四五六七八九十]+[、.．,，]")


#: The longest paragraph :func:`match_section` takes for a heading.
_HEADING_MAX: Final = 80

#: The numerals of the six sections' numbers: a paragraph starting with one may be a
#: heading run on into its text (:func:`run_in_section`).
_SECTION_NUMERALS: Final = frozenset(label.number[0] for label in labels.SECTIONS.values())


def _run_in_pattern(label: labels.Label) -> re.Pattern[str]:
    """A section's numbered heading at a paragraph's start, then its text.

    White space may stand anywhere in the heading; after it, a mark (``：`` ``:`` ``。``
    ``.``), white space or nothing.
    """
    titles = sorted((label.text, *label.variants), key=len, reverse=True)
    spaced = "|".join(r"\s*".join(map(re.escape, t)) for t in titles)
    number = re.escape(label.number[0])
    return re.compile(rf"\s*({number}\s*[、.．]\s*(?:{spaced}))\s*[：:。.]?\s*(\S.*)", re.DOTALL)


_RUN_IN_SECTIONS: Final = {key: _run_in_pattern(label) for key, label in labels.SECTIONS.items()}


def run_in_section(text: str) -> tuple[str, str, str] | None:
    """A section's heading run on into its first paragraph (``六、其他需要报告的事项：无。``).

    The section, the heading as printed and the rest; None for any other paragraph (one
    that is only a heading is :func:`match_section`'s).
    """
    if text.lstrip()[:1] not in _SECTION_NUMERALS:
        return None
    for key, pattern in _RUN_IN_SECTIONS.items():
        match = pattern.match(text)
        if match is not None:
            return key, match[1], match[2]
    return None


def match_section(text: str) -> tuple[str, bool] | None:
    """The section a heading paragraph opens, and whether it was matched loosely."""
    if len(text) > _HEADING_MAX:  # a paragraph, not a heading: skip normalising it
        return None
    return _section_remembered(text)


@functools.lru_cache(maxsize=4096)
def _section_remembered(text: str) -> tuple[str, bool] | None:
    """:func:`match_section` of a short paragraph (each is asked twice: page and interpreter)."""
    key = compact(text)
    if not key or len(key) > 40:  # noqa: PLR2004 - headings are short; paragraphs are not
        return None
    for section, (numbered, bare) in _SECTION_FORMS.items():
        if key in numbered or key in bare:
            exact = re.sub(r"\s", "", text) == labels.SECTIONS[section].full
            return section, not exact
    # A mark or a unit after the heading (``六、其他需要报告的事项：``, ``…（单位：件）``) is
    # no part of it; a number marked ``一.`` ``一．`` ``一，`` is ``一、`` loosely.
    bare_key = _HEADING_TAIL.sub("", key)
    loose_key = _HEADING_NUMBER.sub(r"\1、", bare_key)
    if loose_key == key:
        return None
    for section, (numbered, bare) in _SECTION_FORMS.items():
        if loose_key in numbered or loose_key in bare:
            return section, bare_key != labels.SECTIONS[section].full
    return None


#: What may follow a heading and is no part of it (on its compact key): sentence marks,
#: a unit in brackets.
_HEADING_TAIL: Final = re.compile(r"(?:[(（]单位[:：][^()（）]{1,8}[)）])?[。:：.;；,，]*$")
#: A section's number marked otherwise than ``、`` (compact key: NFKC, ``．`` is ``.``).
_HEADING_NUMBER: Final = re.compile(r"^([一二三四五六])[.,]")


_TEXT_OF: Final = operator.attrgetter("text")
_PART: Final = re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,3})[)）]\s*(.*)$", re.DOTALL)
#: What a paragraph ``_PART`` matches starts with: a bracket or white space (``\s``: the
#: characters ``str.isspace`` is true of, none above U+3000).
_PART_START: Final = frozenset("（(").union(c for c in map(chr, range(0x3001)) if c.isspace())
#: A part's sub-heading (``（一）…``) at the start of a paragraph.
PART: Final = _PART
_NUMBER_PREFIX: Final = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[)）]")
_TITLE_END: Final = re.compile(r"[：:。]")
_MAX_TITLE: Final = 40
#: What the statistical period's sentence has, tested before normalising a paragraph.
_PERIOD_HINT: Final = re.compile(r"12\s*月\s*31|１２\s*月\s*３１")
_PERIOD: Final = re.compile(r"(\d{4})年1月1日(?:起)?至\1年12月31日")

#: The writer's fee sentence (the .docx contract's ``FEES_SENTENCE``) in compact form.
FEES_SENTENCE: Final = re.compile(
    re.escape(
        plain(contract.FEES_SENTENCE.format(notices="@", notices_amount="@", collected="@"))
    ).replace("@", r"[0-9.]+")
)

_FEE_PATTERNS: Final = (
    (
        "collected",
        re.compile(
            r"(?:实际收取(?:的)?(?:(?:政府信息公开)?信息处理费用?)?"
            r"|收取(?:了)?(?:政府信息公开)?信息处理费用?)"
            r"(?:的)?(?:总)?(?:金额)?(?:为|是|:|共)?\s*([0-9.,]+)\s*(?:万?元)?"
        ),
    ),
    (
        "notices",
        re.compile(r"发出收费通知(?:的)?(?:件数|书)?(?:为|是|:|共)?\s*([0-9,]+)\s*(?:件|份|次)?"),
    ),
    (
        "notices_amount",
        re.compile(
            r"(?<!实际收取的)(?<!实际收取)(?<!收取的)(?:收费通知(?:的)?)?总金额(?:为|是|:)?\s*([0-9.,]+)\s*(?:万?元)?"
        ),
    ),
)


#: How much a table is the report's own for one of its cells: whether it stands in the
#: section of the cell's table (a table of 三 after the heading 三、), then how many cells of
#: that table it gives (the report's table is complete; a sidebar's or a decoy's is not).
_Rank = tuple[bool, int]
_ANOTHER_TABLE: Final = (
    "（另一张表格也给出了这个单元格：采用报告本部分中较完整的表格）",
    (
        " (another table gives this cell too: the more complete table in the report's own "
        "section is read)"
    ),
)
_OUTSIDE: Final = (
    "（页面上报告正文之外的表格中的数字，不作为报告的数字读取）",
    (" (a figure of a table outside the report's article on the page: not read as the report's)"),
)
_TWO_TABLES: Final = (
    "（两张同样完整、同在报告本部分的表格给出了不同的数字，无法判断哪张是报告的表格）",
    (
        " (two tables, equally complete and both in the report's own section, give different "
        "figures: which one is the report's cannot be told)"
    ),
)


#: Each cell's kind by key, of every edition: ``any_cell(key).kind`` without the call.
_CELL_KINDS: Final = {
    any_cell(c.key).key: any_cell(c.key).kind for e in EDITIONS for c in cells_of(e)
}


def _reading(kind: str, text: str) -> tuple[int | Decimal | None, bool]:
    """A cell's value and whether it is blank, from its kind and its text as printed."""
    value = parse_signed(text) if kind == "signed" else parse_value(text)
    if kind == "amount" and isinstance(value, int):
        value = Decimal(value)
    return value, value is None and is_blank(text)


#: :func:`_reading` remembered (cell texts recur; numbers and ``Decimal`` are immutable).
_reading_remembered: Final = functools.lru_cache(maxsize=8192)(_reading)


# A page gives two hundred cells; a frozen attrs class's ``__init__`` sets each field
# through ``object.__setattr__`` called by name. Setting each slot through its own
# descriptor (``PublishedCell.key.__set__``), on an object made as the constructor makes it
# (``object.__new__``; the class has no ``__new__``), gives the same object at half the
# cost. Nothing is skipped: the class has no validators, converters or post-init
# (tests/readers/test_interpret_fast.py checks so and compares the two ways on any values).
_new: Final = object.__new__
_CELL_FIELDS: Final = ("key", "raw", "value", "blank", "source")
_CELL_SETTERS: Final = tuple(vars(PublishedCell)[name].__set__ for name in _CELL_FIELDS)


class _Builder:
    """Collects cells, leftovers and findings while the blocks are interpreted."""

    def __init__(self) -> None:
        self.cells: dict[CellKey, PublishedCell] = {}
        self.ranks: dict[CellKey, _Rank] = {}
        self.contested: dict[CellKey, list[TextCell]] = {}  # other figures of equal rank
        self.duplicates = 0  # cells found a second time (a second report on the page?)
        self.combined: list[CombinedCell] = []
        self.unread: list[Unread] = []
        self.findings: list[Finding] = []

    def add_cell(self, key: CellKey, cell: TextCell, rank: _Rank = (False, 0)) -> None:
        """The cell ``key`` as printed in ``cell``, from a table of ``rank``.

        A cell given twice (a sidebar's table matching the labels, a decoy before the
        report's own) is read from the table of the better rank, the other noted. Two
        tables of the same rank with different figures cannot be told apart: an error.
        """
        self.add_cells((key,), (cell,), rank)

    def add_cells(
        self, keys: Sequence[CellKey], cells: Sequence[TextCell], rank: _Rank = (False, 0)
    ) -> None:
        """:meth:`add_cell` of each key with its cell, in order (a table row's cells).

        One call a row instead of one a cell; a cell not held before (nearly every one) is
        stored here, a cell held before goes through :meth:`_again`.
        """
        held_cells = self.cells
        ranks = self.ranks
        new = _new
        set_key, set_raw, set_value, set_blank, set_source = _CELL_SETTERS
        for key, cell in zip(keys, cells, strict=True):
            held = held_cells.get(key)
            if held is not None and not self._again(key, held, cell, rank):
                continue
            ranks[key] = rank
            text = cell.text
            kind = _CELL_KINDS[key]  # any_cell(key).kind (a KeyError alike for an unknown key)
            value, blank = (
                _reading_remembered(kind, text) if len(text) <= _CACHED else _reading(kind, text)
            )
            # what PublishedCell(key=, raw=, value=, blank=, source=) makes (see _CELL_SETTERS)
            published = new(PublishedCell)
            set_key(published, key)
            set_raw(published, text)
            set_value(published, value)
            set_blank(published, blank)
            set_source(published, cell.source)
            held_cells[key] = published

    def _again(self, key: CellKey, held: PublishedCell, cell: TextCell, rank: _Rank) -> bool:
        """A cell given again: whether ``cell`` (of ``rank``) takes the place of ``held``."""
        self.duplicates += 1
        held_rank = self.ranks[key]
        if rank < held_rank or (rank == held_rank and compact(held.raw) == compact(cell.text)):
            self.leftover(cell.text, cell.source, detail=_ANOTHER_TABLE)
            return False
        if rank == held_rank:  # an error unless a better table comes (see finish)
            self.contested.setdefault(key, []).append(cell)
            return False
        self.leftover(held.raw, held.source, detail=_ANOTHER_TABLE)
        for lost in self.contested.pop(key, []):
            self.leftover(lost.text, lost.source, detail=_ANOTHER_TABLE)
        return True

    def finish(self) -> None:
        """Cells two tables of the same rank give different figures for: errors."""
        for cells in self.contested.values():
            for cell in cells:
                self.leftover(cell.text, cell.source, detail=_TWO_TABLES, error=True)
        self.contested = {}

    def numerals(self) -> None:
        """Counts printed in Chinese numerals: a column that has them has them throughout.

        A lone ``一`` in a value cell is read as a dash (0): it is what an input method
        gives for ``—``, and a count of one is printed ``1``. But where the same column or
        row of the same table prints another count in Chinese numerals (``二``, ``十五``),
        the table is numeric text there, and ``一`` is the numeral 1 like its neighbours.
        """
        numeric: set[tuple[str, object]] = set()
        for cell in self.cells.values():
            if cell.value is None and not cell.blank and cn_int(compact(cell.raw)) is not None:
                numeric.add((cell.cell.table, cell.cell.column))
                numeric.add((cell.cell.table, cell.cell.row))
        if not numeric:
            return
        for key, cell in list(self.cells.items()):
            meta = cell.cell
            if (
                cell.value is not None
                or not {
                    (meta.table, meta.column),
                    (meta.table, meta.row),
                }
                & numeric
            ):
                continue
            number = cn_int(compact(cell.raw))
            if number is not None:
                value = Decimal(number) if cell.cell.kind == "amount" else number
                self.cells[key] = attrs.evolve(cell, value=value, blank=False)

    def leftover(
        self,
        text: str,
        source: Source,
        *,
        detail: tuple[str, str] = ("", ""),
        error: bool = False,
    ) -> None:
        text = squash(text)
        if not text:
            return
        self.unread.append(Unread(text=text, source=source))
        severity = Severity.ERROR if error else None
        place = Place(path=source.ref)
        finding = make_finding("R-UNREAD", place, found=text, detail=detail, severity=severity)
        self.findings.append(finding)

    def identity(
        self,
        path: str,
        what: tuple[str, str],
        *,
        expected: str | int,
        found: str | int,
        against: tuple[str, str],
    ) -> None:
        """R-IDENTITY: ``what`` (found) disagrees with ``against`` (expected)."""
        detail = (f"{what[0]}与{against[0]}不一致", f"{what[1]} disagrees with {against[1]}")
        self.findings.append(
            make_finding(
                "R-IDENTITY", Place(path=path), expected=expected, found=found, detail=detail
            )
        )

    def add_combined(self, keys: tuple[CellKey, ...], cell: TextCell) -> None:
        """One figure printed for the cells ``keys`` (a merged cell, a group as one row)."""
        keys = tuple(k for k in keys if k not in self.cells)
        if not keys:
            self.leftover(cell.text, cell.source)
            return
        value = parse_value(cell.text)
        self.combined.append(
            CombinedCell(
                keys=keys,
                raw=cell.text,
                value=value,
                blank=value is None and is_blank(cell.text),
                source=cell.source,
            )
        )

    def loose(self, found: str, meant: str, place: Place) -> None:
        self.findings.append(make_finding("R-LABEL", place, expected=meant, found=squash(found)))


def _row_place(row: _Row) -> Place:
    key = row.keys[0] if row.keys else None
    if key is None:
        group = row.group
        path = f"$.requests.results.{group}" if group else "$.requests.results"
        return Place(path=path, table=labels.TABLES["requests"], row=row.meant)
    cell = any_cell(key)
    path = "$." + ".".join(key[:-1] if len(row.keys) > 1 else key)
    return Place(path=path, table=cell.table, row=cell.row_label)


@attrs.define
class _Open:
    """The row label being filled: its cells so far and the grid row it was found on."""

    row: _Row
    line: int
    values: list[TextCell] = attrs.Factory(list)
    replaced: bool = False


def _fit(values: list[TextCell], n: int) -> tuple[list[TextCell], list[TextCell]]:
    """The ``n`` cells of a row among ``values``; the rest are left over.

    Extra empty cells (Word's extra grid columns) are dropped first; a one-value row whose
    merged cell was printed as several takes the first non-blank one.
    """
    values = list(values)
    if len(values) <= n:  # what the rest gives for a row not longer than n: all of it
        return values, []
    if n == 1:
        chosen = next((v for v in values if not is_blank(v.text)), values[0])
        return [chosen], [v for v in values if v is not chosen]
    while len(values) > n and not values[-1].text.strip():
        values.pop()  # Word's closing extra grid column first
    while len(values) > n and not values[0].text.strip():
        values.pop(0)
    return values[:n], values[n:]


def _kind(text: str) -> tuple[_Row, bool] | str:
    """A row label match, or ``value``, ``header`` or ``text``: what a cell's text is."""
    if is_value(text):
        return "value"
    match = _match_row(text)
    if match is not None:
        return match
    key = compact(text)
    if len(key) <= _SHORT and cn_int(key) is not None:
        return "text"  # a count in Chinese numerals (二, 十五), never a header's piece
    if not _is_header(key):
        return "text"
    return _EDITION_HEADERS.get(key, "header")


_kind_remembered: Final = functools.lru_cache(maxsize=8192)(_kind)


def _classify(text: str) -> tuple[_Row, bool] | str:
    """:func:`_kind`, remembered for short texts (labels, headers and values recur)."""
    return _kind_remembered(text) if len(text) <= _CACHED else _kind(text)


_ROWS_OF: Final = operator.attrgetter("rows")


def _label_and_values(kinds: Sequence[tuple[_Row, bool] | str]) -> tuple[_Row, bool] | None:
    """The label of a grid row whose kinds are a row label, then only values, else None.

    Most rows of a table are such a row. The kinds are ``str`` or ``tuple`` (:func:`_kind`),
    never subclasses of them.
    """
    if not kinds:
        return None
    first = kinds[0]
    if type(first) is tuple and kinds.count("value") == len(kinds) - 1:
        return first
    return None


#: How a numbered row label starts: ``1.``, ``1、``, ``（三）``, ``三、``.
_LABEL_START: Final = re.compile(
    r"\s*(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)

#: A header's piece that may begin a label broken over lines (``（一``, ``1``, ``三、``).
_LABEL_HEAD: Final = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十]|\d|[一二三四五六七八九十]{1,3}、)"
)

_ONE_ROW: Final = frozenset({1})  # a cell spanning one grid row (``TextCell.rows``)

#: The most pieces of a label split over rows or cells that are joined to match it.
_MAX_PENDING: Final = 6


class _Recorder:
    """What reading one table gives, kept until the table is read whole (for its rank).

    Each step is kept as a plain tuple (what it is, then its values), replayed in order.
    """

    def __init__(self) -> None:
        self.ops: list[tuple[int, Any, Any, Any]] = []
        self.sizes: Counter[str] = Counter()  # cells given, by table

    def add_cell(self, key: CellKey, cell: TextCell) -> None:
        self.sizes[key[0]] += 1
        self.ops.append((_OP_CELL, key, cell, None))

    def add_cells(self, keys: Sequence[CellKey], cells: Sequence[TextCell]) -> None:
        """:meth:`add_cell` of each key with its cell, kept as one step (keys of one table)."""
        if keys:
            self.sizes[keys[0][0]] += len(keys)
            self.ops.append((_OP_CELLS, keys, cells, None))

    def add_combined(self, keys: tuple[CellKey, ...], cell: TextCell) -> None:
        self.ops.append((_OP_COMBINED, keys, cell, None))

    def leftover(self, text: str, source: Source) -> None:
        self.ops.append((_OP_LEFTOVER, text, source, None))

    def loose(self, found: str, meant: str, place: Place) -> None:
        self.ops.append((_OP_LOOSE, found, meant, place))

    def replay(self, out: _Builder, section: str | None, *, outside: bool = False) -> None:
        """Give ``out`` what was read, in order, each cell ranked by its table (``_Rank``).

        A cell's rank is ``(its table is the section's, how many cells its table gave)``.
        A table ``outside`` the article gives no cells: its figures are noted.
        """
        if outside:
            self._outside(out)
            return
        ranks = {table: (table == section, size) for table, size in self.sizes.items()}
        for kind, first, second, third in self.ops:
            if kind == _OP_CELLS:
                out.add_cells(first, second, ranks[first[0][0]])
            elif kind == _OP_CELL:
                out.add_cell(first, second, ranks[first[0]])
            elif kind == _OP_COMBINED:
                out.add_combined(first, second)
            elif kind == _OP_LEFTOVER:
                out.leftover(first, second)
            else:
                out.loose(first, second, third)

    def no_figure(self) -> bool:
        """Whether the table gave nothing of the report (no cell, no label matched)."""
        return all(kind == _OP_LEFTOVER for kind, *_ in self.ops)

    def _outside(self, out: _Builder) -> None:
        """The figures of a table outside the article, noted (nothing else is)."""
        for kind, _first, second, _ in self.ops:
            if kind == _OP_CELLS:
                for cell in second:
                    out.leftover(cell.text, cell.source, detail=_OUTSIDE)
            elif kind in (_OP_CELL, _OP_COMBINED):
                out.leftover(second.text, second.source, detail=_OUTSIDE)


_OP_CELL: Final = 0
_OP_COMBINED: Final = 1
_OP_LEFTOVER: Final = 2
_OP_LOOSE: Final = 3
_OP_CELLS: Final = 4  # the cells of one row: keys of one table (``_Row.keys``, appeals)


class _Editions:
    """What the document's tables say of the edition of the format they follow.

    Table 二 says it by its column headers (本年制发件数 or 本年新制作数量 …) and the rows
    only one edition prints (其他对外管理服务事项, 政府集中采购 are 2019's; the items of
    （六）其他处理 2021's): strong evidence. （六）其他处理 printed as one row is the 2019
    layout, but 2021 reports print it so too (read then as one figure for its items): it
    decides only when nothing else does.
    """

    def __init__(self) -> None:
        self.first: dict[str, TextCell] = {}  # the first cell saying each edition
        self.counts: Counter[str] = Counter()  # how many cells say each edition
        self.one_row = False
        self.current: str | None = None  # the edition the tables so far said first

    def table(
        self,
        grid: Grid,
        matches: list[list[tuple[_Row, bool] | str]],
        leads: list[tuple[_Row, bool] | None],
    ) -> str:
        """The edition to read ``grid`` by, from what it says (noted) and the tables before.

        ``leads``: each row's label when the row is a label then values
        (:func:`_label_and_values`).
        """
        found: dict[str, TextCell] = {}
        counts: Counter[str] = Counter()
        for row, kinds, lead in zip(grid.rows, matches, leads, strict=True):
            if lead is not None:  # what _said gives for such a row, at once
                label = lead[0]
                if label is _OTHER_GROUP and not self.one_row:
                    self.one_row = len(kinds) > 1  # values after it, no other label
                if label.sole is not None:
                    found.setdefault(label.sole, row[0])
                    counts[label.sole] += 1
            elif tuple in map(type, kinds) or "header:2019" in kinds or "header:2021" in kinds:
                # (a row with no label and no edition's header, _HEADER_EDITION, says nothing)
                for at, edition in self._said(kinds):
                    found.setdefault(edition, row[at])
                    counts[edition] += 1
        return self._decide(found, counts)

    def _decide(self, found: dict[str, TextCell], counts: Counter[str]) -> str:
        """The edition of a table that says ``found`` (first cells) ``counts`` times."""
        for edition, cell in found.items():
            self.first.setdefault(edition, cell)
        self.counts.update(counts)
        if found:
            said = max(found, key=lambda e: (counts[e], e == next(iter(found))))
            if self.current is None:
                self.current = said
            return said
        if self.current is not None:
            return self.current
        return "2019" if self.one_row else "2021"

    def _said(self, kinds: list[tuple[_Row, bool] | str]) -> list[tuple[int, str]]:
        """Where a grid row's kinds say an edition, and which; notes a （六） as one row."""
        said = []
        for at, kind in enumerate(kinds):
            if isinstance(kind, str):
                edition = _HEADER_EDITION.get(kind)
            else:
                edition = kind[0].sole
                if kind[0] is _OTHER_GROUP and not self.one_row:
                    rest = kinds[at + 1 :]
                    self.one_row = "value" in rest and not any(isinstance(k, tuple) for k in rest)
            if edition is not None:
                said.append((at, edition))
        return said

    def edition(self) -> str | None:
        """The edition the tables say (the one more cells say when they mix), or None."""
        if not self.first:
            return "2019" if self.one_row else None
        first = next(iter(self.first))
        return max(self.first, key=lambda e: (self.counts[e], e == first))

    def mixed(self, edition: str) -> Finding | None:
        """R-EDITION when the tables say both editions, naming a cell saying each."""
        if len(self.first) < 2:  # noqa: PLR2004 - both editions
            return None
        other = next(e for e in self.first if e != edition)
        ours, theirs = self.first[edition], self.first[other]
        zh = (
            f"“{squash(ours.text)}”（{ours.source.describe('zh')}）属于 {edition} 版格式，"
            f"“{squash(theirs.text)}”（{theirs.source.describe('zh')}）属于 {other} 版格式"
        )
        en = (
            f'"{squash(ours.text)}" ({ours.source.describe("en")}) is of the {edition} '
            f'edition, "{squash(theirs.text)}" ({theirs.source.describe("en")}) of the '
            f"{other} edition"
        )
        return make_finding(
            "R-EDITION",
            Place(path="$.edition", table=labels.TABLES["proactive"]),
            expected=edition,
            found=other,
            detail=(zh, en),
        )


class _TableReader:
    def __init__(self, out: _Recorder, editions: _Editions | None = None) -> None:
        self.out = out
        self.editions = editions
        self.edition = "2021"
        #: the cells (by id) of header pieces held as possible pieces of a label: never
        #: leftovers (a table's grid outlives the reading, so ids stay unique)
        self.quiet: set[int] = set()

    def read(self, grid: Grid, section: str | None) -> None:
        self.covered: dict[int, set[int]] = {}  # grid rows: columns a merged cell covers
        # each cell's _classify, inlined (a call a cell less)
        matches = [
            [_kind_remembered(t) if len(t) <= _CACHED else _kind(t) for t in map(_TEXT_OF, row)]
            for row in grid.rows
        ]
        leads = list(map(_label_and_values, matches))
        has_rows = any(leads) or any(tuple in map(type, kinds) for kinds in matches)
        if has_rows and self.editions is not None:
            self.edition = self.editions.table(grid, matches, leads)
        if not has_rows and (
            section == "appeals"
            or any(compact(c.text) in _APPEAL_MARKS for row in grid.rows for c in row)
        ):
            self._appeals(grid)
        else:
            self._rows(grid, matches, leads)

    def _rows(  # noqa: C901, PLR0912, PLR0915 - one pass of a small state machine
        self,
        grid: Grid,
        matches: list[list[tuple[_Row, bool] | str]],
        leads: list[tuple[_Row, bool] | None],
    ) -> None:
        current: _Open | None = None
        pending: list[TextCell] = []
        # Figures no open row takes, beside or between the pieces of a label broken over
        # lines (``（二）部分公开…这一情`` / ``447 7 0 …`` / ``形，不计其他情形）``): held for
        # the label the pieces make, else left over.
        held: list[TextCell] = []

        def release() -> None:
            for v in held:
                self.out.leftover(v.text, v.source)
            held.clear()

        def give(row: _Open | None) -> None:
            if held and row is not None and not row.values:
                row.values = list(held)
                held.clear()
            release()

        for r, (row, row_kinds, label) in enumerate(zip(grid.rows, matches, leads, strict=True)):
            kinds = row_kinds
            if label is not None:
                # What the loop below does with such a row, at once: the label opens the
                # row, its values are the row's (or left over when the label takes none).
                current = self._open(
                    self._joined(pending, row[0], label), row[0], r, pending, current
                )
                pending = []
                if len(row) == 1:
                    give(current)  # a label alone: the figures held for it
                    continue
                release()  # the row prints its own figures (before them, in the page's order)
                if current is not None:
                    current.values.extend(row[1:])
                else:
                    for v in row[1:]:
                        self.out.leftover(v.text, v.source)
                continue
            labelled = tuple in map(type, kinds)  # a row label among the kinds
            if not labelled and pending:
                # The second half of a label Word split over two rows, with the numbers on
                # this row: join it before the row's numbers are given to anyone else.
                kinds, labelled = self._join_split_label(pending, row, kinds)
                if labelled:
                    pending = []
                    release()
            if not labelled:
                values = [c for c, k in zip(row, kinds, strict=True) if k == "value"]
                if current is not None and any(not is_blank(v.text) for v in values):
                    n = current.row.width
                    if not current.values or (
                        all(is_blank(v.text) for v in current.values) and not current.replaced
                    ):
                        # a row Word split: the label on one row, the numbers on the next
                        current.values = values
                        current.replaced = True
                        values = []
                    elif len(current.values) < n:
                        take = n - len(current.values)
                        current.values.extend(values[:take])
                        values = values[take:]
                if values and (pending or "text" in kinds):
                    release()
                    held.extend(values)
                else:
                    for v in values:
                        self.out.leftover(v.text, v.source)
            for at, (cell, kind) in enumerate(zip(row, kinds, strict=True)):
                if isinstance(kind, tuple):
                    opened = self._joined(pending, cell, kind)
                    if opened is not kind:
                        pending = []
                    current = self._open(opened, cell, r, pending, current)
                    pending = []
                    if any(k == "value" for k in kinds[at + 1 :]):
                        release()  # the row prints its own figures
                    else:
                        give(current)
                elif kind == "value":
                    if labelled and current is not None and current.line == r:
                        current.values.append(cell)
                    elif labelled:
                        self.out.leftover(cell.text, cell.source)
                elif kind == "text":
                    if (
                        current is not None
                        and current.line == r
                        and not current.values
                        and not pending
                        and (key := compact(cell.text))
                        and (
                            compact(current.row.meant).endswith(key)
                            or (len(key) > 1 and key in compact(current.row.meant))
                        )
                    ):
                        continue  # the rest of the row's label, wrapped onto the next line
                    joined = self._join(pending, cell)
                    if joined is not None:
                        matched, _ = joined
                        pending = []
                        if current is not None:
                            self._finish(current)
                        current = _Open(row=matched, line=r) if matched.width else None
                        give(current)
                        continue
                    if (
                        current is not None
                        and current.line == r
                        and len(current.values) < current.row.width
                        and (current.values or not _LABEL_START.match(cell.text))
                    ):
                        # a value position holding words: kept as the cell (rule A-NONNEG);
                        # not a numbered label's start right after a group's label (a label
                        # broken over lines, ``（三）不予公开`` then ``1.属`` / ``于国家秘密``)
                        current.values.append(cell)
                        continue
                    if current is not None and compact(cell.text) in compact(current.row.meant):
                        continue  # the rest of a label Word split over two rows
                    pending.append(cell)
                    if len(pending) > _MAX_PENDING:
                        # No label is split in more pieces: the oldest is no part of one.
                        # (Bounded, so that joining the pieces stays linear in the table.)
                        if id(pending[0]) not in self.quiet:
                            self.out.leftover(pending[0].text, pending[0].source)
                        del pending[0]
                elif kind == "header":
                    # A piece of a header may be a piece of a label
                    # broken over lines (``（一`` / ``）予以公开``, ``（一）予以`` / ``公开``):
                    # joined when it makes one, else dropped as the header it is. Only
                    # after a label's piece, and held only as a label's start: a header
                    # band's cells cost no label matching.
                    quiet = all(id(p) in self.quiet for p in pending)
                    joined = self._join(pending, cell) if pending and not quiet else None
                    if joined is not None:
                        pending = []
                        if current is not None:
                            self._finish(current)
                        current = _Open(row=joined[0], line=r) if joined[0].width else None
                        give(current)
                        continue
                    if quiet:
                        # a label's first piece, maybe (in the middle of pieces: a header)
                        pending = []
                        if _LABEL_HEAD.match(cell.text):
                            self.quiet.add(id(cell))
                            pending = [cell]
        release()
        self._flush_pending(pending, current)
        if current is not None:
            self._finish(current)

    def _open(
        self,
        kind: tuple[_Row, bool],
        cell: TextCell,
        line: int,
        pending: list[TextCell],
        current: _Open | None,
    ) -> _Open | None:
        """The row the label ``cell`` (matched as ``kind``) opens on grid row ``line``.

        The pieces pending before it are no label's and left over, the row open before it
        is finished; None when the label takes no cells.
        """
        self._flush_pending(pending, current)
        if current is not None:
            self._finish(current)
        matched, loose = self._as_printed(kind, cell)
        if loose:
            self.out.loose(cell.text, matched.meant, _row_place(matched))
        return _Open(row=matched, line=line) if matched.width else None

    def _joined(
        self, pending: list[TextCell], cell: TextCell, kind: tuple[_Row, bool]
    ) -> tuple[_Row, bool]:
        """``kind`` (the row ``cell`` matched alone), or the row the pieces before it make.

        A label broken over lines whose last piece matches alone, loosely: when the pieces
        pending before it and ``cell`` make the same row exactly, that row, and the pieces
        are taken.
        """
        if not pending or not kind[1]:
            return kind
        joined = self._join(pending, cell, exact=True)
        if joined is None or joined[0] is not kind[0]:
            return kind
        pending.clear()
        return joined

    def _join_split_label(
        self,
        pending: list[TextCell],
        row: tuple[TextCell, ...],
        kinds: list[tuple[_Row, bool] | str],
    ) -> tuple[list[tuple[_Row, bool] | str], bool]:
        """``kinds`` with the row's first text cell as the label it completes, if it does."""
        first = next((i for i, k in enumerate(kinds) if k == "text"), None)
        if first is None or not any(k == "value" for k in kinds[first + 1 :]):
            return kinds, False
        joined = self._join(pending, row[first])
        if joined is None:
            return kinds, False
        # _join has noted a loose match already; the label is not noted twice
        return [*kinds[:first], (joined[0], False), *kinds[first + 1 :]], True

    def _as_printed(self, match: tuple[_Row, bool], cell: TextCell) -> tuple[_Row, bool]:
        """The row ``match`` is in the edition the table follows, and whether loosely."""
        row, loose = match
        if row.edition is None or row.edition == self.edition:
            return match
        other = _in_edition(row, self.edition)
        if other is row:  # printed by one edition alone: read as that edition's
            return match
        return other, loose or re.sub(r"\s", "", cell.text) != other.meant

    def _join(
        self, pending: list[TextCell], cell: TextCell, *, exact: bool = False
    ) -> tuple[_Row, bool] | None:
        """The row the pieces ``pending`` and ``cell`` make together (a loose match noted).

        A header's piece stands only first among the pieces (``（一`` of ``（一）予以公开``):
        the pieces are tried with it, then without it; an exact match first. ``exact``:
        only an exact match.
        """
        if not pending:
            return None
        tries = [pending]
        if len(pending) > 1 and id(pending[0]) in self.quiet:
            tries.append(pending[1:])
        loose: tuple[str, tuple[_Row, bool]] | None = None
        for pieces in tries:
            text = "".join(p.text for p in pieces) + cell.text
            match = _match_row(text)
            if match is None:
                continue
            match = self._as_printed(match, TextCell(text=text, source=cell.source))
            if not match[1]:
                return match
            loose = (text, match)
        if loose is None or exact:
            return None
        text, match = loose
        self.out.loose(text, match[0].meant, _row_place(match[0]))
        return match

    def _flush_pending(self, pending: list[TextCell], current: _Open | None) -> list[TextCell]:
        del current
        for p in pending:
            if id(p) not in self.quiet:  # a header's piece is no leftover
                self.out.leftover(p.text, p.source)
        return []

    def _finish(self, current: _Open) -> None:
        row = current.row
        if row.spans:  # a group label: figures only when the group is printed as one row
            chosen, extra = _fit(current.values, len(row.spans)) if current.values else ([], [])
            for keys, cell in zip(row.spans, chosen, strict=False):
                self.out.add_combined(keys, cell)
        elif not self.covered:  # no merged cell above: the row's cells in order
            chosen, extra = _fit(current.values, len(row.keys))
            if _ONE_ROW.issuperset(map(_ROWS_OF, chosen)):  # none merged down: one step
                keys = row.keys
                self.out.add_cells(
                    keys if len(keys) == len(chosen) else keys[: len(chosen)], chosen
                )
            else:
                for key, cell in zip(row.keys, chosen, strict=False):
                    if cell.rows == 1 or not self._merged(current, key, cell):
                        self.out.add_cell(key, cell)
        else:
            pairs, extra = self._place(current)
            for key, cell in pairs:
                if cell.rows == 1 or not self._merged(current, key, cell):
                    self.out.add_cell(key, cell)
        for cell in extra:
            self.out.leftover(cell.text, cell.source)

    def _place(self, current: _Open) -> tuple[list[tuple[CellKey, TextCell]], list[TextCell]]:
        """The row's cells by key; columns covered by a merged cell above are skipped."""
        keys = current.row.keys
        covered = self.covered.get(current.line)
        values = current.values
        if not covered or len(values) >= len(keys):
            chosen, extra = _fit(values, len(keys))
            return list(zip(keys, chosen, strict=False)), extra
        slots: list[tuple[int, int, TextCell | None]] = [
            (v.source.column or 0, 1, v) for v in values
        ]
        slots += [(c, 0, None) for c in covered]
        slots.sort(key=lambda s: (s[0], s[1]))
        pairs = [(k, s[2]) for k, s in zip(keys, slots, strict=False) if s[2] is not None]
        used = {id(c) for _, c in pairs}
        return pairs, [v for v in values if id(v) not in used]

    def _merged(self, current: _Open, key: CellKey, cell: TextCell) -> bool:
        """A value merged down over the next items of its group: one figure for them all."""
        row = current.row
        if row.group is None or row.item is None:
            return False
        items = list(labels.RESULT_ITEMS[row.group])[row.item : row.item + cell.rows]
        if len(items) < 2:  # noqa: PLR2004 - a span within one item is one cell
            return False
        column = key[-1]
        self.out.add_combined(
            tuple(("requests", "results", row.group, item, column) for item in items), cell
        )
        for below in range(1, cell.rows):
            self.covered.setdefault(current.line + below, set()).add(cell.source.column or 0)
        return True

    def _appeal_figures(self, row: tuple[TextCell, ...]) -> tuple[TextCell, ...] | None:
        """The figures of a row of Table 四, if it is one (its other cells left over).

        A row of figures; or headers then figures, as the text of a page copied a cell a
        line without row ends gives the whole table in one run: the figures after the last
        header. U+FFFD: a cell whose characters could not be decoded stands where a value
        does.
        """
        start = len(row)
        while start and (is_value(row[start - 1].text) or "\ufffd" in row[start - 1].text):
            start -= 1
        if row and start == 0:
            return row
        for c in row[:start]:
            if not is_value(c.text) and not _is_header(compact(c.text)):
                self.out.leftover(c.text, c.source)
        if start < len(row) - 1 and all(_is_header(compact(c.text)) for c in row[:start]):
            return row[start:]
        for c in row[start:]:
            self.out.leftover(c.text, c.source)
        return None

    def _appeals(self, grid: Grid) -> None:
        candidates = [c for c in map(self._appeal_figures, grid.rows) if c is not None]
        filled = [row for row in candidates if any(not is_blank(c.text) for c in row)]
        data = (
            filled[-1]
            if filled
            else next((row for row in reversed(candidates) if len(row) >= len(_APPEAL_KEYS)), None)
        )
        if data is None:
            return
        chosen, extra = _fit(list(data), len(_APPEAL_KEYS))
        self.out.add_cells(_APPEAL_KEYS[: len(chosen)], chosen)
        for cell in extra:
            self.out.leftover(cell.text, cell.source)
        for row in filled[:-1]:
            for c in row:
                self.out.leftover(c.text, c.source)


@attrs.define
class _SectionDraft:
    """A section's paragraphs as found; split into opening and parts when built."""

    key: str
    heading: str
    source: Source
    paras: list[Para] = attrs.Factory(list)
    widgets: bool = False  # whether a widget stands among the paragraphs
    tables: bool = False  # whether a table stands in the section

    def build(self, styles: Mapping[str, str]) -> PublishedSection:
        opening: list[str] = []
        # the parts as found: heading, title, source and paragraphs (filled while open)
        parts: list[tuple[str, str, Source, list[str]]] = []
        paras = self.paras
        # A plain paragraph (no style, when no style means no role, and not starting as a
        # part's sub-heading can: ``_PART`` cannot match it) goes to the open part, else to
        # the opening: the loop below would put it there. Runs of them are moved at once;
        # the loop sees the others.
        if styles.get("") is None:
            others = [
                i
                for i, para in enumerate(paras)
                if para.style is not None or para.text[:1] in _PART_START
            ]
        else:
            others = list(range(len(paras)))
        plain = opening  # where a plain paragraph goes: the opening, then the open part
        start = 0
        for at in others:
            plain.extend(map(_TEXT_OF, paras[start:at]))
            start = at + 1
            para = paras[at]
            kind = styles.get(para.style or "")
            text = para.text
            match = _PART.match(text)
            if para.style == HEADING_ELEMENT:  # a web page's heading element: a whole heading
                kind = "heading2" if match is not None else None
            elif para.style == PARAGRAPH_ELEMENT:
                kind = "body"
            if kind == "body" or match is None:
                if kind == "heading2" and match is None:
                    plain = []
                    parts.append((text, text, para.source, plain))
                else:
                    plain.append(text)  # the open part's paragraphs, else the opening
                continue
            heading, title, first = _run_in(text, match, styled=kind == "heading2")
            plain = [first] if first else []
            parts.append((heading, title, para.source, plain))
        plain.extend(map(_TEXT_OF, paras[start:]))
        return PublishedSection(
            key=self.key,
            heading=self.heading,
            source=self.source,
            opening=tuple(opening),
            parts=tuple([_new_part(h, t, tuple(p), s) for h, t, s, p in parts]),
        )


_PART_FIELDS: Final = ("heading", "title", "paragraphs", "source")
_PART_SETTERS: Final = tuple(vars(PublishedPart)[name].__set__ for name in _PART_FIELDS)


def _new_part(
    heading: str, title: str, paragraphs: tuple[str, ...], source: Source
) -> PublishedPart:
    """``PublishedPart(heading=…, title=…, paragraphs=…, source=…)``, made as cells are.

    (A page has forty parts: see ``_CELL_SETTERS``.)
    """
    part = _new(PublishedPart)
    set_heading, set_title, set_paragraphs, set_source = _PART_SETTERS
    set_heading(part, heading)
    set_title(part, title)
    set_paragraphs(part, paragraphs)
    set_source(part, source)
    return part


def run_in(text: str, *, styled: bool = False) -> tuple[str, str, str]:
    """A numbered part heading split into (heading as printed, title, first paragraph).

    Real reports run the first paragraph on after the title: ``（一）主动公开方面。全年…``,
    ``（二）改进措施：…``, ``（一）存在的主要问题:…``. The title ends at the first ``。``,
    ``：`` or ``:`` within its first 40 characters; a numbered paragraph with no such end
    that is a long sentence (``（一）2023年，我局认真…。``) has no title, only its text.
    ``styled``: the paragraph has a heading style, so all of it is the title.

    >>> run_in("（一）主动公开方面。全年主动公开信息120条。")
    ('（一）主动公开方面。', '主动公开方面', '全年主动公开信息120条。')
    >>> run_in("（二）改进措施")
    ('（二）改进措施', '改进措施', '')
    """
    match = _PART.match(text)
    if match is None:
        return text, text, ""
    return _run_in(text, match, styled=styled)


def _run_in(text: str, match: re.Match[str], *, styled: bool) -> tuple[str, str, str]:
    """:func:`run_in` of ``text``, which ``_PART`` matched as ``match``."""
    # What _NUMBER_PREFIX matches ends after the closing bracket, one character after the
    # numerals (the longest run, followed by a bracket, as _PART matched it).
    number_end = match.end(1) + 1
    rest = match[2].strip()
    if styled:
        return text, text[number_end:], ""
    end = _TITLE_END.search(rest)
    if end is not None and end.start() <= _MAX_TITLE:
        heading_end = match.start(2) + end.end()
        return text[:heading_end].rstrip(), rest[: end.start()].strip(), rest[end.end() :].strip()
    if len(rest) > _MAX_TITLE and is_sentence(rest):
        return text[:number_end].strip(), "", rest
    return text, rest, ""


#: The style of a web page's paragraph from a heading element (``<h1>``-``<h6>``), and of a
#: ``<p>`` on a page whose parts' sub-headings are heading elements (so ``<p>`` is body text).
HEADING_ELEMENT: Final = "html:h"
PARAGRAPH_ELEMENT: Final = "html:p"

#: Paragraph style ids this library's writer uses, by role (the .docx contract).
WRITER_STYLES: Final = contract.READ_STYLES


def interpret(
    blocks: Sequence[Block],
    *,
    source: str,
    fmt: Format,
    identity: Mapping[str, object] | None = None,
) -> PublishedReport:
    """The record as published from a reader's blocks (``identity`` overrides what is found).

    Loose matching of labels is costly; a document may ask for it ``MAX_FUZZY`` times (a
    report needs a handful), so that reading stays linear: past that it is refused.
    """
    token = _FUZZY_LEFT.set([MAX_FUZZY])
    try:
        return _interpret(blocks, source=source, fmt=fmt, identity=identity)
    except _SecondReportError:
        raise ReadError(
            source,
            "一个页面中有不止一份年度报告（各部分标题和表格出现了两次）：请分别保存每份报告后再读取",
            "the page holds more than one annual report (its section headings and tables "
            "occur twice): save each report on its own, then read them",
        ) from None
    except _FuzzySpentError:
        raise ReadError(
            source,
            f"超过 {MAX_FUZZY} 处文字需要按近似写法匹配标签，远超任何一份年度报告，拒绝读取",
            f"more than {MAX_FUZZY} texts needed loose label matching, far more than any "
            "annual report; refused",
        ) from None
    finally:
        _FUZZY_LEFT.reset(token)


def _interpret(  # noqa: C901, PLR0912, PLR0915 - one pass over the blocks
    blocks: Sequence[Block],
    *,
    source: str,
    fmt: Format,
    identity: Mapping[str, object] | None = None,
) -> PublishedReport:
    out = _Builder()
    editions = _Editions()
    page = _Page(styled=False)  # set after the pass: whether any paragraph has a writer style
    styled = False
    front: list[Para] = []
    drafts: list[_SectionDraft] = []
    current: _SectionDraft | None = None
    seen: set[str] = set()
    repeated: set[str] = set()
    tail: list[Para] = []
    fee_paras: list[Para] = []
    narrative: list[Para] | None = None  # the open section's paragraphs, unless section 六
    # Paragraphs of a printed line's length or more with sentence marks (titles, links and
    # widgets have none), those of them that end inside a sentence, and those longer than
    # any printed line (see ``_join_lines``).
    lines = open_lines = paragraphs = 0
    # Tables in a section that give no figure of the report, with where they are (the
    # section, after how many of its paragraphs) and what they gave (unread, findings).
    loose_tables: list[_LooseTable] = []
    for block in blocks:
        if (
            narrative is not None
            and block.__class__ is Para
            and block.style is None
            and len(block.text) > _NARRATIVE
            and not block.outside
            and block.text[:1] not in _SECTION_NUMERALS
        ):
            # A long paragraph without a style in a section (the narrative: nearly every
            # block) is the section's: what the steps below find, at once. No style is no
            # writer's role; it is no heading (longer than ``match_section`` looks at), no
            # widget (longer than any) and no fee sentence (not section 六). Nor is it a
            # printed line (longer than any): one more of the document's paragraphs that
            # show it is not printed line by line (``_join_lines``).
            narrative.append(block)
            paragraphs += 1
            continue
        if isinstance(block, Grid):
            grid = block
            if current is None and page.metadata_grid(grid):
                continue
            heading_row = _heading_row(grid)
            if heading_row is not None:
                # A section's heading printed as the table's first row, across it
                # (二、主动公开政府信息情况 over Table 二): the section opens there.
                text, opened, cell = heading_row
                key, loose = opened
                if current is not None and key == current.key and not grid.outside:
                    grid = Grid(rows=grid.rows[1:])  # the heading above, printed again
                elif key not in seen and not grid.outside:
                    seen.add(key)
                    if loose:
                        out.loose(text, labels.SECTIONS[key].full, Place(path=f"$.{key}"))
                    current = _SectionDraft(key=key, heading=text, source=cell.source)
                    drafts.append(current)
                    narrative = current.paras if key != "other_matters" else None
                    grid = Grid(rows=grid.rows[1:])
            section = current.key if current else None
            if current is not None:
                current.tables = True
            recorder = _Recorder()
            _TableReader(recorder, None if grid.outside else editions).read(grid, section)
            if not grid.outside and recorder.no_figure():
                # Perhaps the site's (related files, a comment form, a row of buttons)
                # above the report's first sentence or below its end, known only after the
                # pass: what it gives is noted now, in order, and taken back if it is
                # (``_at_the_edges``).
                unread, findings = len(out.unread), len(out.findings)
                recorder.replay(out, section)
                at = len(front if current is None else current.paras)
                new_unread, new_findings = out.unread[unread:], out.findings[findings:]
                loose_tables.append((grid, current, at, new_unread, new_findings))
                continue
            recorder.replay(out, section, outside=grid.outside)
            if grid.outside:
                for row in grid.rows:  # kept as the page's text, as any outside the article
                    text = " ".join(c.text for c in row if c.text)
                    if text:
                        page.keep(Para(text=text, source=row[0].source, outside=True), "outside")
            continue
        if block.outside:
            if block.style in WRITER_STYLES:
                styled = True
            page.keep(block, "outside")
            continue
        text = block.text
        style = WRITER_STYLES.get(block.style or "")
        if style is not None:
            styled = True
        if not text and style not in ("body", "heading2"):
            continue
        if style == "fees" or (
            style is None
            and current is not None
            and current.key == "other_matters"
            and FEES_SENTENCE.fullmatch(plain(text))
        ):
            fee_paras.append(block)
            continue
        if style == "signature":
            tail.append(block)
            continue
        heading = None if style in ("body", "heading2", "title") else match_section(text)
        run = None
        if heading is None and style is None and text[:1] in _SECTION_NUMERALS:
            run = run_in_section(text)
        if run is not None and run[0] not in seen:
            # A heading run on into its section's first paragraph: the section opens
            # there, and the rest is its first paragraph.
            key, printed, rest = run
            seen.add(key)
            if re.sub(r"\s", "", printed) != labels.SECTIONS[key].full:
                out.loose(printed, labels.SECTIONS[key].full, Place(path=f"$.{key}"))
            current = _SectionDraft(key=key, heading=printed, source=block.source)
            drafts.append(current)
            narrative = current.paras if key != "other_matters" else None
            first = Para(text=rest, source=block.source)
            if key == "other_matters" and FEES_SENTENCE.fullmatch(plain(rest)):
                fee_paras.append(first)
            else:
                current.paras.append(first)
            continue
        if heading is not None and heading[0] in seen and _NUMBERED.match(text):
            bare = next((d for d in drafts if d.key == heading[0]), None)
            if bare is not None and not _NUMBERED.match(bare.heading):
                # The section was opened by its title alone (``其他需要报告的事项``), a line
                # of the text before: its numbered heading opens it. That line and what
                # followed it go back to the section before (or above the first).
                at = drafts.index(bare)
                before = front if at == 0 else drafts[at - 1].paras
                before += [Para(text=bare.heading, source=bare.source), *bare.paras]
                del drafts[at]
                seen.discard(bare.key)
                current = drafts[-1] if drafts else None
        if heading is not None and heading[0] in seen and _contents(drafts, heading[0]):
            # The headings so far from this one's first were a table of contents (目录):
            # no text, no table under any but the text after the last (the preface, when
            # the contents stand above it). They are the page's; the sections open here.
            listed = next(i for i, d in enumerate(drafts) if d.key == heading[0])
            after = drafts[-1].paras
            for draft in drafts[listed:]:
                seen.discard(draft.key)
                page.keep(Para(text=draft.heading, source=draft.source), "inside", "edge")
            del drafts[listed:]
            current = drafts[-1] if drafts else None
            (front if current is None else current.paras).extend(after)
        if heading is not None and heading[0] not in seen:
            key, loose = heading
            seen.add(key)
            if loose:
                out.loose(text, labels.SECTIONS[key].full, Place(path=f"$.{key}"))
            current = _SectionDraft(key=key, heading=text, source=block.source)
            drafts.append(current)
            narrative = current.paras if key != "other_matters" else None
            continue
        if heading is not None:
            repeated.add(heading[0])
        if len(text) > _NARRATIVE:  # no printed line is so long
            paragraphs += 1
        elif len(text) >= _FULL_LINE:
            if text[-1] in _SENTENCE_END:  # (the commonest way to end, looked at first)
                lines += 1
            elif is_sentence(text):  # (a title, a link: no sentence mark, not a line)
                lines += 1
                open_lines += not _ends_sentence(text)
        if current is None:
            front.append(block)
        else:
            current.paras.append(block)
            if len(text) <= _WIDGET_LENGTH and not current.widgets and is_widget(text):
                current.widgets = True
    out.finish()
    page.styled = styled
    if lines >= _LINES_ENOUGH and open_lines * 2 > lines + paragraphs and not styled:
        # Most lines end inside a sentence: a page whose every printed line is a
        # paragraph of its own (a PDF turned into a web page, text copied out of one).
        width = _line_width([front, *(d.paras for d in drafts)])
        front = _join_lines(front, width)
        for draft in drafts:
            draft.paras = _join_lines(draft.paras, width)
    if len(repeated) >= _SECOND_REPORT_SECTIONS and out.duplicates >= _SECOND_REPORT_CELLS:
        raise _SecondReportError
    if drafts and not tail and not page.styled:
        cut = page.end(drafts[-1], tail)
        if cut is not None:
            _at_the_edges(loose_tables, (drafts[-1], cut), page, out, "after")
    if not page.styled:
        for draft in drafts:
            page.widgets(draft)
    sections = [d.build(WRITER_STYLES) for d in drafts]
    title, preface = page.front(front)
    if not page.styled:
        _at_the_edges(loose_tables, (None, page.first_title), page, out, "before")
        _at_the_edges(loose_tables, (None, page.first_sentence), page, out, "inside")
    date = _date(tail) or page.front_date
    _fees(sections, fee_paras, out)
    if fmt != "xlsx":  # a workbook's number cells are typed: words there are damage
        out.numerals()
    fields: dict[str, object] = {
        "title": title,
        "preface": preface,
        "date": date,
        "signature": page.signature,
        "metadata": page.metadata(),
        "furniture": tuple(sorted(page.furniture, key=_document_order)),
    }
    fields.update(_identity(title, preface, sections, page, out))
    year = fields["year"]
    year_doubted = any(f.code == "R-IDENTITY" for f in out.findings)
    if date is not None and isinstance(year, int) and date.year != year + 1 and not year_doubted:
        out.identity(
            "$.date",
            ("报告日期", "the report's date"),
            expected=f"{year + 1}年",
            found=date.isoformat(),
            against=("报告年度的次年", f"the year after {year}"),
        )
    cells = out.cells
    edition = editions.edition()
    if edition is None:  # no table says: the year's edition, unless Table 二 was read as 2021's
        read_a = any(key[0] == "proactive" for key in cells)
        edition = DEFAULT_EDITION if read_a or not isinstance(year, int) else edition_for(year)
    mixed = editions.mixed(edition)
    if mixed is not None:
        out.findings.append(mixed)
    fields["edition"] = edition
    if identity:
        fields.update(identity)
    return PublishedReport(
        source=source,
        format=fmt,
        sections=tuple(sections),
        # in print order; a key the record lacks gives None (no cell is None): one look each
        cells=tuple(
            [c for c in map(cells.get, _print_order(str(fields["edition"]))) if c is not None]
        ),
        combined=tuple(out.combined),
        unread=tuple(out.unread),
        findings=tuple(out.findings),
        **fields,  # type: ignore[arg-type]  # identity fields of the record
    )


@functools.cache
def _print_order(edition: str) -> tuple[CellKey, ...]:
    """Cells in print order: the edition's, then any of the other edition (tables mixed)."""
    first = cells_of(edition if edition in EDITIONS else DEFAULT_EDITION)
    return tuple(
        dict.fromkeys(_own([c.key for c in first] + [c.key for e in EDITIONS for c in cells_of(e)]))
    )


def _document_order(furniture: Furniture) -> int:
    """Where furniture stood: its line or paragraph number (a table's rows come first)."""
    source = furniture.source
    return source.line or source.paragraph or 0


_EDGE_LENGTH: Final = 50  # an edge line longer than this is text, whatever its punctuation
#: No widget is longer (checked before the remembered test); longer than ``_HEADING_MAX``.
_WIDGET_LENGTH: Final = 120
#: A paragraph without a style longer than this (no heading, no widget) in a section other
#: than 六 is the section's narrative: taken at once by the pass over the blocks.
_NARRATIVE: Final = _WIDGET_LENGTH


def _is_edge(text: str) -> bool:
    """A short line without sentence punctuation (furniture when at the article's edge)."""
    if len(text) > 3 * _EDGE_LENGTH:  # spaces aside, still too long for an edge line
        return False
    stripped = text.rstrip()
    return (
        len(compact(text)) <= _EDGE_LENGTH
        and not is_sentence(text)
        and not stripped.endswith(("：", ":"))
        and _PART.match(text) is None
    )


def _title_at(front: Sequence[Para]) -> tuple[int, int] | None:
    """Where the title is among the front paragraphs: (first, last) index, or None.

    The title is the first paragraph naming a report (``…政府信息公开工作年度报告``); when
    it names no organ or no year, the short line before it is its first half (a title
    printed over two lines: ``某县教育局`` / ``2024年政府信息公开工作年度报告``).
    """
    for i, para in enumerate(front):
        found = title_identity(para.text)
        if found is None:
            continue
        start = i
        if i > 0 and (found[0] is None or found[1] is None):
            before = front[i - 1].text
            joined = title_identity(before + para.text)
            if (
                joined is not None
                and _is_edge(before)
                and not is_widget(before)
                and not is_metadata(before)
                and sum(v is not None for v in joined) > sum(v is not None for v in found)
            ):
                start = i - 1
        return start, i
    return None


class _Page:
    """The page around the report: furniture, metadata, the signature (see :mod:`._page`).

    ``styled``: a document of this library's writer, whose styles say what each paragraph
    is; nothing in it is taken for furniture.
    """

    def __init__(self, *, styled: bool) -> None:
        self.styled = styled
        self.furniture: list[Furniture] = []
        self.fields: dict[str, object] = {}
        self.signature: str | None = None
        self.front_date: dt.date | None = None
        #: Where among the paragraphs above the first section the title begins and the
        #: preface's first sentence is (:meth:`front`; without a title, both the sentence).
        self.first_title: int | None = None
        self.first_sentence: int | None = None

    def keep(self, para: Para, position: Position, kind: FurnitureKind | None = None) -> None:
        """Keep ``para`` as furniture; a metadata line also gives its fields."""
        text = para.text
        if kind is None or kind == "edge":
            if is_metadata(text):
                kind = "metadata"
            elif kind is None:
                kind = "widget" if is_widget(text) else "edge"
        if kind == "metadata":
            for field, value in metadata_fields(text).items():
                self.fields.setdefault(field, value)
        self.furniture.append(
            Furniture(text=text, source=para.source, position=position, kind=kind)
        )

    def metadata(self) -> PageMetadata:
        return PageMetadata(**self.fields)  # type: ignore[arg-type]  # fields of the class

    def metadata_grid(self, grid: Grid) -> bool:
        """A table of metadata before the report (索引号 | … | 发布机构 | …): kept, True."""
        rows = [" ".join(c.text for c in row if c.text) for row in grid.rows]
        if not rows or not all(is_metadata(r) or not r for r in rows):
            return False
        for row, text in zip(grid.rows, rows, strict=True):
            if text:
                self.keep(Para(text=text, source=row[0].source), "before", "metadata")
        return True

    def front(self, front: list[Para]) -> tuple[str | None, tuple[str, ...] | None]:  # noqa: C901 - one pass over the lines
        """The title (possibly over two lines) and the preface; the rest is furniture.

        Before the title, everything is the page's. Between the title and the first
        sentence, widgets, metadata lines and short lines without sentence punctuation are
        furniture; after it, widgets and metadata lines are. Without a title, the report
        starts at its first sentence.
        """
        styled = [p for p in front if WRITER_STYLES.get(p.style or "") == "title"]
        if styled:
            joined = "".join(p.text for p in styled)
            return joined, tuple(p.text for p in front if p not in styled) or None
        if self.styled:
            return None, tuple(p.text for p in front) or None
        found = _title_at(front)
        title: str | None = None
        rest = front
        self.first_title = self.first_sentence = 0
        if found is not None:
            first, last = found
            self.first_title = first
            for para in front[:first]:
                self.keep(para, "before")
            title = "".join(p.text.replace(" ", "") for p in front[first : last + 1])
            rest = front[last + 1 :]
        preface: list[str] = []
        started = False
        self.first_sentence = len(front)
        for i, para in enumerate(rest, len(front) - len(rest)):
            text = para.text
            if is_widget(text) or is_metadata(text):
                self.keep(para, "before" if title is None and not started else "inside")
                continue
            if not started and _is_edge(text):
                if title is not None and self.front_date is None and is_date_line(text):
                    self.front_date = parse_date(compact(text))
                self.keep(para, "before" if title is None else "inside", "edge")
                continue
            if not started:
                self.first_sentence = i
                if title is None:
                    self.first_title = i
            started = True
            preface.append(text)
        if title is None and not started:
            self.first_title = len(front)
        return title, tuple(preface) or None

    def widgets(self, draft: _SectionDraft) -> None:
        """Take the widgets out of a section's text (furniture inside the article)."""
        if draft.widgets:
            kept = []
            for para in draft.paras:
                if len(para.text) <= _WIDGET_LENGTH and is_widget(para.text):
                    self.keep(para, "inside", "widget")
                else:
                    kept.append(para)
            draft.paras = kept

    def end(self, draft: _SectionDraft, tail: list[Para]) -> int | None:
        """Cut the last section at the report's end: its signature, then the page's.

        The end is the closing date (``2024年1月26日``, after the organ's name) when one is
        printed; without it, the page's trailing run of widgets and metadata lines, with
        the short lines after its first widget (related links). Returns where among the
        section's paragraphs the end is (None: no end found, nothing cut).
        """
        paras = draft.paras
        date_at = next(
            (i for i in range(len(paras) - 1, -1, -1) if is_date_line(paras[i].text)), None
        )
        if date_at is not None:
            cut = date_at
            # the organ's name above the date, past a page's number between them
            above = cut - 1
            while above >= 0 and is_page_number(paras[above].text):
                above -= 1
            if above >= 0 and _is_edge(paras[above].text) and not is_widget(paras[above].text):
                cut = above
                for para in paras[above + 1 : date_at]:
                    self.keep(para, "inside", "widget")  # a page's number
                tail.extend((paras[above], paras[date_at]))
                self.signature = paras[cut].text
            else:
                tail.append(paras[date_at])
            after = paras[date_at + 1 :]
        else:
            cut = len(paras)
            start = None
            while cut > 0:
                text = paras[cut - 1].text
                if is_widget(text) or is_metadata(text):
                    start = cut - 1
                elif not _is_edge(text):
                    break
                cut -= 1
            if start is None:
                return None
            cut = start
            after = paras[cut:]
        del paras[cut:]
        for para in after:
            self.keep(para, "after")
        return cut


#: A section's heading with its number (``六、``, ``六.``, ``六．``).
_NUMBERED: Final = re.compile(r"\s*[一二三四五六]\s*[、.．,，]")


def _contents(drafts: list[_SectionDraft], key: str) -> bool:
    """Whether the sections from ``key``'s on are a table of contents.

    Each is only a heading, but the last, which may have text after it (the preface below
    the contents) but no table.
    """
    first = next((i for i, d in enumerate(drafts) if d.key == key), None)
    return (
        first is not None
        and len(drafts) - first >= _HEADINGS_IN_CONTENTS
        and not drafts[-1].tables
        and not any(d.paras or d.tables for d in drafts[first:-1])
    )


#: The fewest headings a table of contents lists.
_HEADINGS_IN_CONTENTS: Final = 3


def _heading_row(grid: Grid) -> tuple[str, tuple[str, bool], TextCell] | None:
    """A section's heading as a table's first row: its text, section and cell, if it is.

    The row holds one text (one cell across the table, or the same text in each cell of a
    row Word split), and more rows follow.
    """
    rows = grid.rows
    if len(rows) < 2 or not rows[0]:  # noqa: PLR2004 - the heading and the table
        return None
    texts = {c.text for c in rows[0] if c.text}
    if len(texts) != 1:
        return None
    text = texts.pop()
    heading = match_section(text)
    if heading is None:
        return None
    return text, heading, next(c for c in rows[0] if c.text)


#: What ends a paragraph's last sentence (its last character, or the one before a closing
#: quote or bracket): a line ending otherwise, in a page of such lines, goes on in the next
#: (``_join_lines``).
_SENTENCE_END: Final = frozenset("。！？!?…")
_CLOSING: Final = frozenset("”’」』）)")
#: The shortest printed line of a paragraph (a heading, a signature is shorter), and how
#: many such lines show a page printed line by line.
_FULL_LINE: Final = 15
_LINES_ENOUGH: Final = 10
#: What starts a paragraph of its own, never a line going on: a part's number, a
#: section's, an item's (``1.``, ``1、``, ``（1）``).
_ITEM_START: Final = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．](?!\d))"
)


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with the end of a sentence (``。``, ``。”``, ``！``…)."""
    last = text[-1:]
    if last in _CLOSING:
        last = text[-2:-1]
    return last in _SENTENCE_END


def _width(text: str) -> int:
    """How wide ``text`` prints: two for a wide character, one for ASCII."""
    return 2 * len(text) - len(text.encode("ascii", errors="ignore"))


def _line_width(groups: list[list[Para]]) -> int:
    """The width of a full printed line: the commonest of the long lines' widths."""
    widths = Counter(_width(p.text) for g in groups for p in g if len(p.text) >= _FULL_LINE)
    return widths.most_common(1)[0][0] if widths else 0


#: How much narrower than the page's lines a full line may be: a paragraph's first line is
#: indented two wide characters, and a wide character may not fit at a line's end.
_LINE_SLACK: Final = 8


def _join_lines(paras: list[Para], width: int) -> list[Para]:
    """Paragraphs of a page printed one line to a paragraph, joined into its paragraphs.

    A line goes on in the next when it is a full line (``width`` less ``_LINE_SLACK``)
    ending inside a sentence (:func:`_ends_sentence`), is no title, widget, metadata or
    date line, and the next starts no part, section or item (``_ITEM_START``) and is no
    widget, metadata or date line. A part's title (an item's number and no sentence mark)
    goes on only in a line that is not full and has no sentence mark (its title's end).
    """
    # each paragraph as its first line and the texts of the lines joined to it (joined
    # once at the end: never a long text copied for each line)
    out: list[tuple[Para, list[str]]] = []
    going_on = False  # whether the last line of ``out[-1]`` goes on in the next
    title = False  # whether it is a part's title, full, going on in a short line
    for para in paras:
        text = para.text
        ends_line = is_widget(text) or is_metadata(text) or is_date_line(text)
        full = _width(text) >= width - _LINE_SLACK
        joins = going_on and not (ends_line or para.style or _ITEM_START.match(text))
        if joins and title:
            joins = not full and not is_sentence(text)
        if joins:
            out[-1][1].append(text)
        else:
            out.append((para, [text]))
        title = _ITEM_START.match(text) is not None and not is_sentence(text)
        going_on = (
            full
            and not _ends_sentence(text)
            and para.style is None
            and not ends_line
            and title_identity(text) is None
        )
    return [
        para if len(texts) == 1 else Para(text="".join(texts), source=para.source)
        for para, texts in out
    ]


#: A table that gives no figure of the report: the table, the section it is in (None: above
#: the first), after how many of that section's paragraphs (or of those above the first) it
#: is, and the unread texts and findings it gave.
_LooseTable = tuple[Grid, _SectionDraft | None, int, list[Unread], list[Finding]]


def _at_the_edges(
    tables: list[_LooseTable],
    edge: tuple[_SectionDraft | None, int | None],
    page: _Page,
    out: _Builder,
    position: Position,
) -> None:
    """The tables beyond an edge of the report are furniture at ``position``.

    ``edge``: a section and how many of its paragraphs are the report's; for ``after``,
    the last section cut at the report's end, and a table at or past the cut is beyond
    it; for ``before`` and ``inside``, None and the paragraphs above the first section,
    where a table is beyond the edge up to the title's first line (``before``) or the
    preface's first sentence (``inside``). A site prints tables of its own around an
    article (附件 with 序号 | 附件名称 | 下载, a comment form, a row of 【打印】【关闭】):
    as its paragraphs there are, each row is kept as furniture, not noted as text the
    reader could not place. A table that gives a figure of the report is read wherever it
    is; one that gives none inside the report's text is noted (R-UNREAD).
    """
    draft, at = edge
    if at is None:
        return
    kept = []
    taken_unread: set[int] = set()
    taken_findings: set[int] = set()
    for table in tables:
        grid, where, n, unread, findings = table
        beyond = n >= at if position == "after" else n <= at
        if where is not draft or not beyond:
            kept.append(table)
            continue
        taken_unread.update(map(id, unread))
        taken_findings.update(map(id, findings))
        for row in grid.rows:
            text = " ".join(c.text for c in row if c.text)
            if text:
                page.keep(Para(text=text, source=row[0].source), position)
    tables[:] = kept
    if taken_unread or taken_findings:
        out.unread = [u for u in out.unread if id(u) not in taken_unread]
        out.findings = [f for f in out.findings if id(f) not in taken_findings]


def _identity(
    title: str | None,
    preface: tuple[str, ...] | None,
    sections: Sequence[PublishedSection],
    page: _Page,
    out: _Builder,
) -> dict[str, object]:
    """Organ and year: from the title, else the signature and the statistical period.

    A title that disagrees with the statistical period (year) or the signature (organ), and
    a closing date outside the year after the report's, give R-IDENTITY.
    """
    organ: str | None = None
    year: int | None = None
    if title:
        found = title_identity(title)
        if found is not None:
            organ, year = found
    texts = [*(preface or ())]
    overview = next((s for s in sections if s.key == "overview"), None)
    if overview is not None:
        texts += [*overview.opening, *(p for part in overview.parts[:2] for p in part.paragraphs)]
    period = next(
        (
            stated
            for t in texts[:20]
            if "月" in t  # both forms of the hint have it
            and _PERIOD_HINT.search(t) is not None
            and (stated := _period_year(t)) is not None
        ),
        None,
    )
    signed = page.signature
    if year is None:
        year = period
    elif period is not None and period != year:
        out.identity(
            "$.title",
            ("标题中的年度", "the title's year"),
            expected=period,
            found=year,
            against=("统计期限", "the statistical period"),
        )
    if organ is None:
        organ = signed
    elif signed is not None and not _same_organ(organ, signed):
        out.identity(
            "$.title",
            ("标题中的机关", "the title's organ"),
            expected=signed,
            found=organ,
            against=("落款", "the signature"),
        )
    return {"organ": organ, "year": year}


def _period_year(text: str) -> int | None:
    """The year of the statistical period ``text`` states: ``_PERIOD.search(compact(text))``.

    Its sentences are looked at, only those with 至 (or ⾄ or ㉃, the characters whose NFKC
    forms have 至), in their NFKC form without white space (``plain``). Equal, because:
    ``compact`` differs from ``plain`` only by quotes and commas, none in ``_PERIOD``; a
    match has 至 and cannot span a ``。``; and NFKC works on each side of a ``。`` alone (it
    is a starter, its own NFKC form, and in no character's decomposition), so ``plain`` of
    the text is that of its sentences joined by ``。``.
    """
    for sentence in text.split("。"):
        if "至" in sentence or "⾄" in sentence or "㉃" in sentence:
            match = _PERIOD.search(plain(sentence))
            if match is not None:
                return int(match[1])
    return None


def _same_organ(a: str, b: str) -> bool:
    """Whether two printings name one organ (one contains the other, spaces aside)."""
    x, y = compact(a), compact(b)
    return x in y or y in x


def _date(tail: list[Para]) -> dt.date | None:
    for para in tail:
        if is_date_line(para.text):
            return parse_date(compact(para.text))
    return None


def stated_fees(paragraphs: Sequence[str]) -> dict[str, str]:
    """The fee figures that prose states, by field, as printed (the first statement wins).

    The writer asks this of section 六's narrative to print the figures only once.

    >>> stated_fees(["本机关发出收费通知3件，总金额1240.00元，实际收取信息处理费420.00元。"])
    {'collected': '420.00', 'notices': '3', 'notices_amount': '1240.00'}
    >>> stated_fees(["全年收取政府信息公开信息处理费3940元。"])
    {'collected': '3940'}
    """
    found = {}
    texts = [plain(p) for p in paragraphs]
    for field, pattern in _FEE_PATTERNS:
        for text in texts:
            match = pattern.search(text)
            if match is not None:
                found[field] = match[1].rstrip(".,")
                break
    return found


def _fees(sections: list[PublishedSection], fee_paras: list[Para], out: _Builder) -> None:
    """The information-processing fee figures: the fee sentence, or section 六's prose."""
    if fee_paras:
        texts = [(plain(p.text), p.source) for p in fee_paras]
    else:
        section = next((s for s in sections if s.key == "other_matters"), None)
        if section is None:
            return
        paragraphs = [*section.opening, *(p for part in section.parts for p in part.paragraphs)]
        texts = [(plain(p), section.source) for p in paragraphs]
    for field, pattern in _FEE_PATTERNS:
        for text, where in texts:
            match = pattern.search(text)
            if match is not None:
                raw = match[1].rstrip(".,")
                out.add_cell(("other_matters", "fees", field), TextCell(text=raw, source=where))
                break


def is_row_label(text: str, *, exact: bool = False) -> bool:
    """True when ``text`` is a row label of Table 二 or 三 (``exact``: not only loosely)."""
    match = _match_row(text)
    return match is not None and not (exact and match[1])
