"""Where everything stands in the workbook: sheets, grids, merges and formulas, as data.

Why one module: the writer and the reader must agree on every address; the grids of both
editions, their formulas and the identity sheet's rows are one map, built once.

The writer (:mod:`govinfo_report.formats.xlsx.writer`) lays this out with openpyxl; the
reader (:mod:`govinfo_report.published.readers.xlsx`) compares what it finds with it. This
module imports neither openpyxl nor lxml.

The three tables have the grids of the national format (``docs/format-2021.md`` sections
3-5), the same as the .docx writer's: every label and span. Each table sheet has the
section's heading in row 1 and the table from row 3; Table 三's sheet has the balance check
row below the table. A workbook of the 2019 edition (format section 7) has that edition's
grids (:func:`sheets_of`): Table 二's five groups, Table 三's （六）其他处理 as one row.

>>> sheet = SHEETS["表三"]
>>> sheet.address[("requests", "new", "natural_person")]
'D6'
>>> sheet.formulas[("requests", "new", "total")]
'SUM(D6:I6)'
>>> sheet.formulas[("requests", "results", "total", "other")]
'SUM(I8:I28)'
>>> SHEETS["表四"].formulas[("appeals", "reconsideration", "total")]
'SUM(A6:D6)'
>>> old = sheets_of("2019")
>>> old["表二"].address[("proactive", "licensing", "change")], old["表三"].address[
...     ("requests", "results", "other", "natural_person")]
('C9', 'D26')
>>> old["表三"].formulas[("requests", "results", "total", "natural_person")]
'SUM(D8:D26)'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import attrs

from govinfo_report import labels
from govinfo_report.cells import CellKey, any_cell, cells_of
from govinfo_report.model.report import EDITIONS
from govinfo_report.rules.catalogue import BALANCE_RULES, sum_rules

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "BALANCE_LABEL",
    "CHECK_FALSE",
    "CHECK_TRUE",
    "IDENTITY_FIELDS",
    "IDENTITY_SHEET",
    "MAX_COUNT",
    "NARRATIVE_HEADER",
    "NARRATIVE_KINDS",
    "NARRATIVE_SHEET",
    "SHEETS",
    "TOTAL_TERMS",
    "SheetLayout",
    "Spec",
    "column_letter",
    "sheet_of",
    "sheets_of",
    "sum_arguments",
    "total_terms",
]

Role = Literal["title", "label", "label_left", "vertical", "input", "total", "check", "note"]

#: The largest count the workbook's data validation accepts (nine digits).
MAX_COUNT: Final = 999_999_999

#: The sheet of the report's identity and section 六's fee figures.
IDENTITY_SHEET: Final = "基本信息"
#: The sheet of the narrative sections (one paragraph a row).
NARRATIVE_SHEET: Final = "正文"

#: The label of the balance check row under Table 三, and what its cells show.
BALANCE_LABEL: Final = "校验：第一项加第二项之和，等于第三项加第四项之和"
CHECK_TRUE: Final = "相符"
CHECK_FALSE: Final = "不相符"

#: Identity rows of the identity sheet: (label in column A, field, note in column C).
IDENTITY_FIELDS: Final = (
    ("机关名称", "organ", "必填：发布年报的行政机关全称"),
    ("年度", "year", "必填：四位数字，如 2025"),
    ("标题", "title", "可不填：不填时为“机关名称+年度+年政府信息公开工作年度报告”"),
    ("网站名称", "site_name", "年报发布网站的名称"),
    ("网址", "url", "年报发布网站的网址"),
    ("地址", "address", "联系地址"),
    ("邮编", "postcode", "邮政编码"),
    ("电话", "telephone", "联系电话"),
    ("成文日期", "date", "如 2026-01-20；不填则文末不署日期"),
)

#: The heading over the fee figures on the identity sheet.
FEES_HEADING: Final = labels.SECTIONS["other_matters"].full + "：" + labels.FEE_ROW
#: Units noted beside the fee figures (the .docx sentence prints 件 and 元).
FEE_NOTES: Final = {"notices": "单位：件", "notices_amount": "单位：元", "collected": "单位：元"}

#: The narrative sheet's header row and the kinds of its rows.
NARRATIVE_HEADER: Final = ("部分", "类型", "文字")
NARRATIVE_KINDS: Final = {
    "preface": "前言",
    "opening": "开头段",
    "title": "小标题",
    "paragraph": "段落",
}


@attrs.frozen(kw_only=True)
class Spec:
    """One cell written on a sheet: its place, span, role and text or cell key."""

    row: int
    col: int
    role: Role
    text: str = ""
    key: CellKey | None = None
    rowspan: int = 1
    colspan: int = 1

    @property
    def ref(self) -> str:
        """The cell's A1 reference (its top-left cell when merged)."""
        return f"{column_letter(self.col)}{self.row}"

    @property
    def merge(self) -> str | None:
        """The merged range (``A1:C3``), or ``None`` for a single cell."""
        if self.rowspan == 1 and self.colspan == 1:
            return None
        end = f"{column_letter(self.col + self.colspan - 1)}{self.row + self.rowspan - 1}"
        return f"{self.ref}:{end}"


@attrs.frozen(kw_only=True)
class SheetLayout:
    """A table sheet: its name, title, width, cells, and the formulas of its totals."""

    name: str
    section: str
    width: int
    specs: tuple[Spec, ...]
    address: dict[CellKey, str]
    formulas: dict[CellKey, str]
    column_widths: tuple[float, ...]

    @property
    def merges(self) -> frozenset[str]:
        """Every merged range of the sheet."""
        return frozenset(m for s in self.specs if (m := s.merge) is not None)


def column_letter(col: int) -> str:
    """The letters of a 1-based column number.

    >>> column_letter(1), column_letter(26), column_letter(27)
    ('A', 'Z', 'AA')
    """
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# A grid is written as rows of items; an item is (role, text or key, rowspan, colspan), placed
# left to right into the first free column, as an HTML table places its cells.
_Item = tuple[Role, "str | CellKey", int, int]
_FIRST_ROW: Final = 3


def _place(rows: Sequence[Sequence[_Item]], first_row: int = _FIRST_ROW) -> list[Spec]:
    taken: set[tuple[int, int]] = set()
    specs = []
    for r, items in enumerate(rows, start=first_row):
        col = 1
        for role, content, rowspan, colspan in items:
            while (r, col) in taken:
                col += 1
            taken.update((r + i, col + j) for i in range(rowspan) for j in range(colspan))
            if isinstance(content, tuple):
                spec = Spec(
                    row=r, col=col, role=role, key=content, rowspan=rowspan, colspan=colspan
                )
            else:
                spec = Spec(
                    row=r, col=col, role=role, text=content, rowspan=rowspan, colspan=colspan
                )
            specs.append(spec)
            col += colspan
    return specs


def _label(text: str, rowspan: int = 1, colspan: int = 1) -> _Item:
    return ("label", text, rowspan, colspan)


def _left(text: str, rowspan: int = 1, colspan: int = 1) -> _Item:
    return ("label_left", text, rowspan, colspan)


def _value(key: CellKey, colspan: int = 1) -> _Item:
    return ("total" if any_cell(key).computed else "input", key, 1, colspan)


def _table_a() -> list[list[_Item]]:
    groups, rows = labels.PROACTIVE_GROUPS, labels.PROACTIVE_ROWS
    content = labels.PROACTIVE_CONTENT_HEADER
    grid: list[list[_Item]] = [[_label(groups["documents"].full, colspan=4)]]
    grid.append([_label(content), *(_label(c) for c in labels.DOCUMENT_COLUMNS.values())])
    grid.extend(
        [_label(rows[n].full), *(_value(("proactive", n, c)) for c in labels.DOCUMENT_COLUMNS)]
        for n in ("regulations", "normative_documents")
    )
    for group, names, column in (
        ("licensing", ("licensing",), labels.DECISIONS_COLUMN),
        ("enforcement", ("punishment", "coercion"), labels.DECISIONS_COLUMN),
        ("fees", ("fees",), labels.FEES_COLUMN),
    ):
        grid.append([_label(groups[group].full, colspan=4)])
        grid.append([_label(content), _label(column, colspan=3)])
        grid.extend([_label(rows[n].full), _value(("proactive", n), colspan=3)] for n in names)
    return grid


def _table_a_2019() -> list[list[_Item]]:
    """Table 二 of the 2019 edition: five groups, each with its own header row.

    A group with two values (（八）, （九）) has its last column span two, as in the .docx.
    """
    groups, rows = labels.PROACTIVE_GROUPS_2019, labels.PROACTIVE_ROWS_2019
    content = labels.PROACTIVE_CONTENT_HEADER
    grid: list[list[_Item]] = []
    for group, columns in (
        ("documents", labels.DOCUMENT_COLUMNS_2019),
        ("licensing", labels.ITEM_COLUMNS_2019),
        ("enforcement", labels.ITEM_COLUMNS_2019),
        ("fees", labels.FEE_ITEM_COLUMNS_2019),
        ("procurement", labels.PROCUREMENT_COLUMNS_2019),
    ):
        spans = [1] * (len(columns) - 1) + [4 - len(columns)]
        grid.append([_label(groups[group].full, colspan=4)])
        grid.append(
            [
                _label(content),
                *(_label(c, colspan=n) for c, n in zip(columns.values(), spans, strict=True)),
            ]
        )
        grid.extend(
            [
                _label(rows[name].full),
                *(
                    _value(("proactive", name, c), colspan=n)
                    for c, n in zip(columns, spans, strict=True)
                ),
            ]
            for name, of in labels.PROACTIVE_ROW_GROUP_2019.items()
            if of == group
        )
    return grid


def _applicants(prefix: CellKey) -> list[_Item]:
    return [_value((*prefix, c)) for c in labels.APPLICANT_COLUMNS]


def _table_b(edition: str = "2021") -> list[list[_Item]]:
    columns = labels.APPLICANT_COLUMNS
    legal = [c for c in columns if c not in ("natural_person", "total")]
    grid: list[list[_Item]] = [
        [_left(labels.BALANCE_NOTE, 3, 3), _label(labels.APPLICANT_HEADER, colspan=7)],
        [_label(columns["natural_person"], rowspan=2),
         _label(labels.LEGAL_PERSON_HEADER, colspan=5),
         _label(columns["total"], rowspan=2)],
        [_label(columns[c]) for c in legal],
    ]  # fmt: skip
    rows, groups = labels.REQUEST_ROWS, labels.RESULT_GROUPS
    grid.extend(
        [_left(rows[n].full, colspan=3), *_applicants(("requests", n))]
        for n in ("new", "carried_over")
    )
    one_row = edition == "2019"  # （六）其他处理 is one row in the 2019 edition
    result_items = labels.RESULT_ITEMS_2019 if one_row else labels.RESULT_ITEMS
    span = 2 + sum(len(items) for items in result_items.values()) + one_row + 1
    first: list[_Item] = [_label(rows["results"].full, rowspan=span)]
    for name in ("disclosed", "partially_disclosed"):
        grid.append(
            [
                *first,
                _left(groups[name].full, colspan=2),
                *_applicants(("requests", "results", name)),
            ]
        )
        first = []
    for group, items in result_items.items():
        head = [_left(groups[group].full, rowspan=len(items))]
        for item, label in items.items():
            prefix = ("requests", "results", group, item)
            grid.append([*head, _left(label.full), *_applicants(prefix)])
            head = []
    if one_row:
        grid.append(
            [_left(groups["other"].full, colspan=2), *_applicants(("requests", "results", "other"))]
        )
    grid.append(
        [_left(groups["total"].full, colspan=2), *_applicants(("requests", "results", "total"))]
    )
    grid.append(
        [
            _left(rows["carried_forward"].full, colspan=3),
            *_applicants(("requests", "carried_forward")),
        ]
    )
    grid.append([("check", BALANCE_LABEL, 1, 3), *(("check", "", 1, 1) for _ in columns)])
    return grid


def _table_c() -> list[list[_Item]]:
    columns = labels.APPEAL_COLUMNS
    groups = labels.APPEAL_GROUPS
    return [
        [_label(labels.APPEAL_HEADERS["reconsideration"], colspan=5),
         _label(labels.APPEAL_HEADERS["litigation"], colspan=10)],
        [*(("vertical", c, 2, 1) for c in columns.values()),
         _label(groups["direct_litigation"][-1], colspan=5),
         _label(groups["litigation_after_reconsideration"][-1], colspan=5)],
        [("vertical", c, 1, 1) for _ in range(2) for c in columns.values()],
        [_value(("appeals", g, c)) for g in groups for c in columns],
    ]  # fmt: skip


def sum_arguments(refs: Iterable[tuple[int, int]]) -> str:
    """``SUM`` arguments for cells (row, col): one range when they form a line.

    >>> sum_arguments([(6, 4), (6, 5), (6, 6)]), sum_arguments([(8, 9), (10, 9)])
    ('D6:F6', 'I8,I10')
    """
    cells = sorted(refs)
    rows = {r for r, _ in cells}
    cols = {c for _, c in cells}
    contiguous_row = len(rows) == 1 and max(cols) - min(cols) + 1 == len(cells)
    contiguous_col = len(cols) == 1 and max(rows) - min(rows) + 1 == len(cells)
    if contiguous_row or contiguous_col:
        (r0, c0), (r1, c1) = cells[0], cells[-1]
        return f"{column_letter(c0)}{r0}:{column_letter(c1)}{r1}"
    return ",".join(f"{column_letter(c)}{r}" for r, c in cells)


def _total_terms(edition: str) -> dict[CellKey, tuple[CellKey, ...]]:
    terms: dict[CellKey, tuple[CellKey, ...]] = {}
    # The （七） row's applicant columns sum the result rows (B-HANDLED); every other
    # total sums its row (B-ROWTOTAL, C-TOTAL), as the model computes them.
    for rule in sum_rules(edition):
        if rule.code == "B-BALANCE":
            continue
        (total,) = rule.lhs
        if total in terms or (rule.code == "B-HANDLED" and total[-1] == "total"):
            continue
        terms[total] = tuple(rule.rhs)
    return terms


_TOTAL_TERMS: Final = {edition: _total_terms(edition) for edition in EDITIONS}
#: Each total the workbook computes and the cells its formula sums (the 2021 edition).
TOTAL_TERMS: Final = _TOTAL_TERMS["2021"]


def total_terms(edition: str) -> dict[CellKey, tuple[CellKey, ...]]:
    """Each total a workbook of ``edition`` computes and the cells its formula sums."""
    return _TOTAL_TERMS[edition]


def _formulas(specs: Sequence[Spec], edition: str) -> dict[CellKey, str]:
    where = {s.key: (s.row, s.col) for s in specs if s.key is not None}
    return {
        total: f"SUM({sum_arguments(where[k] for k in terms)})"
        for total, terms in total_terms(edition).items()
        if total in where
    }


def _sheet(
    name: str,
    section: str,
    grid: list[list[_Item]],
    widths: tuple[float, ...],
    edition: str = "2021",
) -> SheetLayout:
    title = Spec(
        row=1, col=1, role="title", text=labels.SECTIONS[section].full, colspan=len(widths)
    )
    specs = [title, *_place(grid)]
    if name == "表三":
        specs = _balance_checks(specs)
    return SheetLayout(
        name=name,
        section=section,
        width=len(widths),
        specs=tuple(specs),
        address={s.key: s.ref for s in specs if s.key is not None},
        formulas=_formulas(specs, edition),
        column_widths=widths,
    )


def _balance_checks(specs: list[Spec]) -> list[Spec]:
    """The check row's cells: for each column, whether 一 + 二 = 三（七） + 四 (formula)."""
    where = {s.key: s.ref for s in specs if s.key is not None}
    out = []
    checks = iter(BALANCE_RULES)
    for spec in specs:
        if spec.role == "check" and not spec.text:
            rule = next(checks)
            lhs = "+".join(where[k] for k in rule.lhs)
            rhs = "+".join(where[k] for k in rule.rhs)
            formula = f'IF({lhs}={rhs},"{CHECK_TRUE}","{CHECK_FALSE}")'
            spec = attrs.evolve(spec, text="=" + formula)  # noqa: PLW2901 - the filled spec
        out.append(spec)
    return out


_SHEETS: Final = {
    "2021": {
        s.name: s
        for s in (
            _sheet("表二", "proactive", _table_a(), (22, 18, 18, 18)),
            _sheet("表三", "requests", _table_b(), (6, 10, 38, *(9,) * 7)),
            _sheet("表四", "appeals", _table_c(), (6,) * 15),
        )
    },
    "2019": {
        s.name: s
        for s in (
            _sheet("表二", "proactive", _table_a_2019(), (24, 16, 16, 16), "2019"),
            _sheet("表三", "requests", _table_b("2019"), (6, 10, 38, *(9,) * 7), "2019"),
            _sheet("表四", "appeals", _table_c(), (6,) * 15, "2019"),
        )
    },
}
#: The three table sheets of the 2021 edition, keyed by their names.
SHEETS: Final = _SHEETS["2021"]

_SHEET_OF: Final = {
    edition: {key: sheet.name for sheet in sheets.values() for key in sheet.address}
    for edition, sheets in _SHEETS.items()
}
#: Which sheet holds each table cell (the 2021 edition).
SHEET_OF: Final = _SHEET_OF["2021"]


def sheets_of(edition: str) -> dict[str, SheetLayout]:
    """The three table sheets of a workbook of ``edition``, keyed by their names."""
    return _SHEETS[edition]


def sheet_of(edition: str) -> dict[CellKey, str]:
    """Which sheet holds each table cell in a workbook of ``edition``."""
    return _SHEET_OF[edition]


assert all(  # noqa: S101 - import-time invariant: every table cell has its place
    {c.key for c in cells_of(edition) if c.table != "六"} == set(_SHEET_OF[edition])
    for edition in EDITIONS
)
