"""A report from cell values (从单元格数据生成年报): the one builder of reports from cells.

For a developer whose system keeps the figures of the report as a flat table, one value a
cell: :func:`from_cells` takes them keyed by cell key (``("requests", "new",
"natural_person")``) or dotted path (``"requests.new.natural_person"``, ``"$.…"`` too; see
:data:`govinfo_report.cells.CELLS` for every cell), with the organ and year, and returns the
sound :class:`~govinfo_report.AnnualReport`, or raises :class:`~govinfo_report.ReportError`
listing every problem at once, each with its JSON path, the official table, row and column
labels and the rule code. Summing reports and turning a published record into a report go
through it too.

>>> report = from_cells(
...     {"requests.new.natural_person": 3,
...      ("requests", "results", "disclosed", "natural_person"): 3,
...      "$.other_matters.fees.notices": 1, "other_matters.fees.notices_amount": "12.50"},
...     organ="某县教育局", year=2023)
>>> report.requests.results.total.total, report.other_matters.fees.notices_amount
(3, Decimal('12.50'))
>>> try:
...     from_cells({"proactive.licensing": -1, "appeals.reconsideration.upheld": 1,
...                 "appeals.reconsideration.total": 2, "proactive.nothing": 1},
...                organ="某县教育局", year=1999)
... except ReportError as err:
...     for f in err.findings:
...         print(f.code, f.place.path, f.place.table, f.place.row, f.place.column)
S-VALUE $.year None None None
A-NONNEG $.proactive.licensing 二 第二十条第（五）项/行政许可 本年处理决定数量
S-UNKNOWN $.proactive.nothing None None None
C-TOTAL $.appeals.reconsideration.total 四 行政复议 总计
"""

from __future__ import annotations

import typing
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from govinfo_report.cells import CELLS, Cell, CellKey, cell_by_key, cells_of
from govinfo_report.errors import ReportError
from govinfo_report.findings import Finding, Place, Severity, make_finding
from govinfo_report.model.narrative import Narrative, OtherMatters
from govinfo_report.model.report import (
    DEFAULT_EDITION,
    EDITION_SECTIONS,
    MAX_YEAR,
    AnnualReport,
    edition_for,
)
from govinfo_report.rules.catalogue import check_cell, complete_totals, evaluate, sum_rules

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from govinfo_report.model.report import Contact, Publication

__all__ = ["FILLABLE_CELLS", "fillable_cells", "from_cells"]

#: The cells a person fills in; every other printed cell is a total computed from them.
FILLABLE_CELLS: Final = tuple(c for c in CELLS if not c.computed)

_FILLABLE: Final = {
    edition: tuple(c for c in cells_of(edition) if not c.computed) for edition in EDITION_SECTIONS
}


def fillable_cells(edition: str) -> tuple[Cell, ...]:
    """The cells a person fills in, in an edition (:data:`FILLABLE_CELLS` for "2021")."""
    return _FILLABLE[edition]


Number = int | Decimal


def from_cells(  # noqa: PLR0913 - the report's identity, each a keyword
    cells: Mapping[CellKey, object] | Mapping[str, object] | Mapping[CellKey | str, object],
    *,
    organ: str,
    year: int,
    edition: str | None = None,
    title: str | None = None,
    preface: tuple[str, ...] | None = None,
    publication: Publication | None = None,
    contact: Contact | None = None,
    date: dt.date | None = None,
    overview: Narrative | None = None,
    problems: Narrative | None = None,
    other_matters: Narrative | None = None,
) -> AnnualReport:
    """The report of ``organ`` for ``year`` with the given cell values.

    The cells are those of ``edition`` (by default the year's: "2019" for 2019 and 2020,
    see :func:`~govinfo_report.cells.cells_of`). A cell not given is 0. A total (a 总计
    cell) may be given: it must then equal the sum it prints. Counts are ``int`` (not
    ``bool``; the 2019 本年增/减 may be negative), amounts ``Decimal``, ``int`` or a decimal
    string. ``overview``, ``problems`` and ``other_matters`` are the narrative of sections
    一, 五 and 六 (the fee figures of 六 are cells). Raises :class:`ReportError` with every
    problem at once: unknown cells (S-UNKNOWN), values that are not counts or amounts
    (A-NONNEG), totals that disagree (B-ROWTOTAL, B-HANDLED, C-TOTAL), the balance
    (B-BALANCE) and the identity (S-VALUE, S-TYPE).
    """
    of_year = edition_for(year) if type(year) is int and year <= MAX_YEAR else DEFAULT_EDITION
    if edition is None:
        edition = of_year
    # An unknown edition is the identity's finding; the cells are read as the year's.
    tables = edition if type(edition) is str and edition in EDITION_SECTIONS else of_year
    fillable = _FILLABLE[tables]
    by_key = cell_by_key(tables)
    findings: list[Finding] = []
    values: dict[CellKey, Number] = {c.key: _ZERO[c.kind] for c in fillable}
    seen: set[CellKey] = set()
    for name, raw in cells.items():
        key = _key(name)
        cell = by_key.get(key) if key is not None else None
        if cell is None:
            findings.append(make_finding("S-UNKNOWN", Place(path=_shown(name))))
            continue
        if cell.key in seen:
            detail = ("每个单元格只能给出一次", "given once only (it is given twice)")
            findings.append(make_finding("S-VALUE", cell.place, found=raw, detail=detail))
            continue
        seen.add(cell.key)
        value, finding = check_cell(cell, raw)
        if finding is not None:
            findings.append(finding)
            values.pop(
                cell.key, None
            )  # rules involving it are not applied: its own finding says why
        elif value is not None:
            values[cell.key] = value
    complete_totals(values, tables)
    findings.extend(f for f in evaluate(values, sum_rules(tables)) if f.severity is Severity.ERROR)
    identity: dict[str, Any] = {
        "organ": organ,
        "year": year,
        "edition": edition,
        "preface": preface,
        "publication": publication,
        "contact": contact,
        "date": date,
    }
    if title is not None:
        identity["title"] = title
    narrative: dict[str, Any] = {
        "overview": overview or Narrative(),
        "problems": problems or Narrative(),
    }
    if findings:
        try:  # the identity's own problems join the cells'
            AnnualReport(**identity, **narrative)
        except ReportError as exc:
            findings[:0] = exc.findings
        raise ReportError(findings)
    sections = _sections({c.key: values[c.key] for c in fillable}, tables)
    six = other_matters or Narrative()
    sections["other_matters"] = OtherMatters(
        opening=six.opening, parts=six.parts, fees=sections["other_matters"].fees
    )
    return AnnualReport(**identity, **narrative, **sections)


_ZERO: Final[dict[str, Number]] = {"count": 0, "signed": 0, "amount": Decimal(0)}


def _key(name: object) -> CellKey | None:
    if isinstance(name, tuple) and all(isinstance(part, str) for part in name):
        return name
    if isinstance(name, str):
        return tuple(name.removeprefix("$.").split("."))
    return None


def _shown(name: object) -> str:
    if isinstance(name, tuple):
        return "$." + ".".join(map(str, name))
    if isinstance(name, str):
        return name if name.startswith("$") else f"$.{name}"
    return f"$[{name!r}]"


def _sections(values: dict[CellKey, Number], edition: str) -> dict[str, Any]:
    """The sections holding ``values`` (every fillable cell), built by their constructors."""
    classes = {**_hints(AnnualReport), **EDITION_SECTIONS[edition]}
    tree: dict[str, Any] = {}
    for key, value in values.items():
        node = tree
        for name in key[:-1]:
            node = node.setdefault(name, {})
        node[key[-1]] = value
    return {name: _build(classes[name], branch) for name, branch in tree.items()}


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def _build(cls: type, tree: dict[str, Any]) -> Any:  # noqa: ANN401 - any model class
    hints = _hints(cls)
    kwargs = {
        name: _build(hints[name], value) if isinstance(value, dict) else value
        for name, value in tree.items()
    }
    return cls(**kwargs)
