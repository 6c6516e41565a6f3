r"""Auditing a report as published (审核): every single-report rule, on the stated cells.

:func:`audit` compares the cells as printed — the stated totals included — with the
format's rules (section 6 of ``docs/format-2021.md``): each 总计 column (B-ROWTOTAL), the
（七）总计 row (B-HANDLED), the 勾稽关系 (B-BALANCE), Table C's totals (C-TOTAL), values
that are not counts or amounts (A-NONNEG), the fee figures (F-FEES, warnings), and the
tables, rows and cells the report does not print, and the organ and year when they cannot
be found (R-MISSING), and the figures of the narrative its own tables contradict (T-TEXT,
warnings; :mod:`govinfo_report.rules.narrative`). What reading itself noticed
(loose labels, text not understood) is in ``record.findings``.

Why one module: the audit is one pass over one record; the cells it reads, the keys and
tables it looks them up by (made once an edition) and the rules that read them belong
together.

>>> from govinfo_report.published.readers import read_text
>>> record = read_text("二、主动公开政府信息情况\n\t规章\t1\t-2\t3")
>>> [(f.code, f.place.column, f.found) for f in audit(record) if f.code != "R-MISSING"]
[('A-NONNEG', '本年废止件数', -2)]
>>> [f.place.path for f in audit(record) if f.code == "R-MISSING" and not f.place.row]
['$.organ', '$.year', '$.requests', '$.appeals']
"""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_report import labels
from govinfo_report.cells import CELLS, Cell, CellKey, any_cell, cells_of
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.model.report import (
    DEFAULT_EDITION,
    EDITIONS,
    edition_year_finding,
    identity_findings,
)
from govinfo_report.rules.catalogue import (
    MAX_COUNT,
    check_cell,
    complete_totals,
    evaluate,
    fee_findings,
    own_key,
    sum_rules,
)
from govinfo_report.rules.narrative import Paragraph, check_narrative, stating_at

if TYPE_CHECKING:
    from govinfo_report.published.record import PublishedCell, PublishedReport

__all__ = ["audit"]

#: The cells a published report must print: every cell of Tables 二, 三 and 四. The fee
#: figures of section 六 are written in prose, when at all, so they are not required.
REQUIRED_CELLS: tuple[Cell, ...] = tuple(c for c in CELLS if c.table != "六")
_REQUIRED: Final = {
    edition: tuple(c for c in cells_of(edition) if c.table != "六") for edition in EDITIONS
}


def _grouped(cells: tuple[Cell, ...]) -> dict[str, list[Cell]]:
    """``cells`` by table, in order (tables in the order of their first cell)."""
    by_table: dict[str, list[Cell]] = {}
    for cell in cells:
        by_table.setdefault(cell.table, []).append(cell)
    return by_table


#: ``_REQUIRED`` by table, made once (R-MISSING looks at it for every report).
_REQUIRED_BY_TABLE: Final = {edition: _grouped(cells) for edition, cells in _REQUIRED.items()}
#: The keys of ``_REQUIRED_BY_TABLE``'s cells, by edition and table.
_REQUIRED_KEYS: Final = {
    edition: {table: frozenset(own_key(c.key) for c in cells) for table, cells in by_table.items()}
    for edition, by_table in _REQUIRED_BY_TABLE.items()
}


def _edition(record: PublishedReport) -> str:
    """The edition whose tables the record is audited by (the default for an unknown one)."""
    edition = record.edition
    return edition if type(edition) is str and edition in EDITIONS else DEFAULT_EDITION


def missing_identity(field: str, what: tuple[str, str]) -> Finding:
    """R-MISSING for an identity field (organ, year) the reader could not find."""
    return make_finding(
        "R-MISSING",
        Place(path=f"$.{field}"),
        detail=(f"未能从报告中识别{what[0]}", f"{what[1]} could not be found in the report"),
    )


#: Every cell's key, to its cell's own key object (:func:`own_key`: the values are held by
#: these, which the rules hold too) and, for a count (or the 2019 edition's signed figure),
#: whether it is a total; ``None`` for an amount. A count is what :func:`check_cell` gives
#: back unchanged when it is an ``int`` from 0 to ``MAX_COUNT`` (in a count's bounds and a
#: signed figure's), so :func:`audit` takes such a figure, or the 0 of a blank, as it is.
_CELL_KEYS: Final = {
    cell.key: (
        own_key(cell.key),
        None if any_cell(cell.key).kind == "amount" else any_cell(cell.key).computed,
    )
    for edition in EDITIONS
    for cell in cells_of(edition)
}
_NOT_NUMBER: Final = ("非负整数或金额（表格中的文字）", "a number (the table prints words)")


def audit(record: PublishedReport) -> list[Finding]:
    """Every finding of the single-report rules on ``record``, in print order.

    Blanks count as 0, except a total left empty (a template's 总计 cell, a workbook's
    formula): it is computed from its cells, not read as 0. A rule involving a cell that is
    missing or not a number is not applied (the cell's own finding says why).
    """
    findings: list[Finding] = []
    if record.organ is None:
        findings.append(missing_identity("organ", ("发文机关", "the organ")))
    if record.year is None:
        findings.append(missing_identity("year", ("年度", "the year")))
    # The model's identity rules, so that audit says sound only where to_report succeeds.
    missing = {f"$.{name}" for name in ("organ", "year") if getattr(record, name) is None}
    findings.extend(
        f
        for f in identity_findings(
            organ=record.organ,
            year=record.year,
            edition=record.edition,
            title=record.title,
            date=record.date,
        )
        if f.place.path not in missing
    )
    mismatch = edition_year_finding(record.edition, record.year)
    if mismatch is not None:
        findings.append(mismatch)
    values, printed = _cell_values(record, findings)
    _implied_zeros(record, values)
    zeros: set[CellKey] = set()
    findings.extend(_missing(record, printed, zeros))
    for key in zeros:  # a row left out is 0, as to_report() reads it: in the sums too
        values.setdefault(key, 0)
    edition = _edition(record)
    complete_totals(values, edition)
    findings.extend(evaluate(values, sum_rules(edition)))
    findings.extend(fee_findings(_fees_as_held(printed, values)))
    findings.extend(_narrative(record, values))
    return findings


def _cell_values(
    record: PublishedReport, findings: list[Finding]
) -> tuple[dict[CellKey, int | Decimal], set[CellKey]]:
    """The values of the cells printed (A-NONNEG added to ``findings``), and their keys.

    A total left empty is not among the values: it is computed from its cells.
    """
    values: dict[CellKey, int | Decimal] = {}
    others: list[CellKey] = []  # the keys of the cells read the long way
    for published in record.cells:
        key, number = published.key, published.value
        known = _CELL_KEYS.get(key)  # None: no cell has the key (any_cell raises)
        if known is not None:
            key, total = known
            # A count read as printed (see _CELL_KEYS); not an empty total (computed).
            if total is not None and (not total or published.raw.strip()):
                if number is None:
                    if published.blank:
                        values[key] = 0
                        continue
                elif type(number) is int and 0 <= number <= MAX_COUNT:
                    values[key] = number
                    continue
        others.append(key)
        _read_cell(published, key, values, findings)
    # Every key printed: a set made from a dict takes the hashes the dict holds.
    printed = set(values)
    printed.update(others)
    return values, printed


def _read_cell(
    published: PublishedCell,
    key: CellKey,
    values: dict[CellKey, int | Decimal],
    findings: list[Finding],
) -> None:
    """One cell read the long way: its value (at ``key``) or its A-NONNEG finding."""
    cell = any_cell(key)
    if cell.computed and not published.raw.strip():
        return  # an empty total is computed, not read as 0
    number = published.number
    if number is None:
        findings.append(
            make_finding("A-NONNEG", cell.place, found=published.raw, detail=_NOT_NUMBER)
        )
        return
    value, finding = check_cell(cell, number)
    if finding is not None:
        findings.append(finding)
    elif value is not None:
        values[key] = value


#: Section 六's fee figures as a report holds them when the document does not print them: 0
#: (:meth:`~govinfo_report.PublishedReport.to_report` makes them so).
_UNPRINTED_FEES: Final[dict[CellKey, int | Decimal]] = {
    cell.key: 0 if cell.kind == "count" else Decimal(0) for cell in CELLS if cell.table == "六"
}


def _fees_as_held(
    printed: set[CellKey], values: dict[CellKey, int | Decimal]
) -> dict[CellKey, int | Decimal]:
    """``values`` with the fee figures the record does not print at all as 0.

    So F-FEES says of the record what it says of the report made from it (``check`` of
    ``to_report()``): 30 applications closed for unpaid fees and no fee notice printed is
    the same slip as a printed 0. A fee figure printed but unreadable stays out (its
    A-NONNEG says why). ``printed``: the keys of the cells the record prints.
    """
    return {
        **{k: v for k, v in _UNPRINTED_FEES.items() if k not in printed},
        **values,
    }


def _implied_zeros(record: PublishedReport, values: dict[CellKey, int | Decimal]) -> None:
    """One 0 printed for several cells (a merged cell, a group as one row): each is 0."""
    for combined in record.combined:
        if combined.number == 0:
            for key in combined.keys:
                values.setdefault(key, 0)


def _narrative(record: PublishedReport, values: dict[CellKey, int | Decimal]) -> list[Finding]:
    """T-TEXT on the stated cells, less the figures agreeing with a total's computed value.

    A wrong printed total is told by its B- rule, not twice.
    """
    paragraphs = _paragraphs(record)
    stated = check_narrative(paragraphs, values, year=record.year)
    if not stated:
        return stated
    computed = {k: v for k, v in values.items() if not any_cell(k).computed}
    complete_totals(computed, _edition(record))
    again = {
        (f.place.path, f.found, f.cells)
        for f in check_narrative(paragraphs, computed, year=record.year)
    }
    return [f for f in stated if (f.place.path, f.found, f.cells) in again]


def _paragraphs(record: PublishedReport) -> list[Paragraph]:
    """The record's narrative: preface, then each section's opening and parts.

    Only the paragraphs that may state a figure (:func:`stating_at`): the rest give no
    T-TEXT finding.
    """
    # The texts alone first (extended a list at a time), in the order of the places below;
    # places and paths are made only for the few that may state a figure.
    texts: list[str] = list(record.preface or ())
    for section in record.sections:
        texts.extend(section.opening)
        for part in section.parts:
            texts.append(part.title)
            texts.extend(part.paragraphs)
    found = stating_at(texts)
    return _stating_paragraphs(record, found) if found else []


#: Past every index of :func:`_stating_paragraphs`: all found are placed.
_DONE: Final = sys.maxsize


def _stating_paragraphs(record: PublishedReport, found: list[int]) -> list[Paragraph]:
    """The paragraphs at the indices ``found`` (ascending) of :func:`_paragraphs`' texts.

    The record's lists are walked a whole list at a time (a preface, an opening, a part's
    paragraphs: the indices each covers are known from its length), so only the paragraphs
    found are looked at one by one.
    """
    paragraphs: list[Paragraph] = []
    hits = iter(found)
    at = next(hits)  # the next index found (len(texts) once all are placed)
    preface = record.preface or ()
    end = len(preface)
    while at < end:
        paragraphs.append(Paragraph(path=f"$.preface[{at}]", section="preface", text=preface[at]))
        at = next(hits, _DONE)
    n = end  # the index of the next list's first text
    for section in record.sections:
        if at == _DONE:
            break
        key, opening = section.key, section.opening
        end = n + len(opening)
        while at < end:
            text = opening[at - n]
            paragraphs.append(Paragraph(path=f"$.{key}.opening[{at - n}]", section=key, text=text))
            at = next(hits, _DONE)
        n = end
        for j, part in enumerate(section.parts):
            if at == _DONE:
                break
            title = part.title
            if at == n:
                path = f"$.{key}.parts[{j}].title"
                paragraphs.append(Paragraph(path=path, section=key, text=title, title=title))
                at = next(hits, _DONE)
            n += 1
            texts = part.paragraphs
            end = n + len(texts)
            while at < end:
                path = f"$.{key}.parts[{j}].paragraphs[{at - n}]"
                paragraphs.append(
                    Paragraph(path=path, section=key, text=texts[at - n], title=title)
                )
                at = next(hits, _DONE)
            n = end
    return paragraphs


#: The tables whose rows a page may leave out (a row of zeros: no 规章 for an organ that
#: makes no rules). Table 四 is one row; its cells are never implied.
_IMPLIED_TABLES: Final = frozenset({labels.TABLES["proactive"], labels.TABLES["requests"]})


def _short(label: str) -> str:
    """A long row label cut short for a message (``1.申请人无正当理由逾期不补正…``)."""
    return label if len(label) <= 16 else label[:15] + "…"  # noqa: PLR2004 - a message


def _combined(record: PublishedReport, present: set[CellKey]) -> tuple[list[Finding], set[CellKey]]:
    """Figures printed once for several cells: implied zeros, or cells that cannot be split.

    ``present``: the keys of the cells the record prints.
    """
    findings = []
    covered: set[CellKey] = set()
    for combined in record.combined:
        keys = tuple(k for k in combined.keys if k not in present)
        if not keys:
            continue
        covered.update(keys)
        cells = tuple(any_cell(k) for k in keys)
        paths = tuple(c.path for c in cells)
        names = "、".join(f"“{_short(c.row[-1])}”" for c in cells)
        names_en = ", ".join(_short(c.row[-1]) for c in cells)
        place = attrs.evolve(cells[0].place, row="/".join(cells[0].row[:-1]) or cells[0].row_label)
        if combined.number == 0:
            findings.append(
                make_finding(
                    "R-IMPLIED",
                    place,
                    found=combined.raw,
                    detail=(
                        f"一个数字 {combined.raw or '（空白）'} 代表{names}，各项按 0 计",
                        (
                            f"one figure, {combined.raw or '(blank)'}, stands for {names_en}: "
                            "each is read as 0"
                        ),
                    ),
                    cells=paths,
                )
            )
        else:
            findings.append(
                make_finding(
                    "R-MISSING",
                    place,
                    found=combined.raw,
                    detail=(
                        f"{names}合并印为一个数字 {combined.raw}，无法分到各项",
                        (
                            f"{names_en} are printed as one figure, {combined.raw}, "
                            "which cannot be split"
                        ),
                    ),
                    cells=paths,
                )
            )
    return findings, covered


def _missing(record: PublishedReport, printed: set[CellKey], zeros: set[CellKey]) -> list[Finding]:
    """R-MISSING: a whole table, a whole row, or single cells, whichever is smallest.

    A row of Table 二 or 三 that the page leaves out, while printing at least half of the
    table's rows, is implied to be zeros: an R-IMPLIED note, not an error. Cells covered
    by a combined figure are judged by it (:func:`_combined`). ``printed``: the keys of the
    cells the record prints; ``zeros`` gets the cells of the rows implied (but totals, which
    are computed).
    """
    findings, covered = _combined(record, printed)
    present = printed | covered
    edition = _edition(record)
    for table, cells in _REQUIRED_BY_TABLE[edition].items():
        # A table printed in full (the common case) has nothing absent: a frozenset's
        # subset test takes the hashes both sets hold (a look-up a key hashes the key).
        if _REQUIRED_KEYS[edition][table] <= present:
            continue
        absent = [c for c in cells if c.key not in present]
        if len(absent) == len(cells):
            section = next(k for k, t in labels.TABLES.items() if t == table)
            findings.append(
                make_finding(
                    "R-MISSING",
                    Place(path=f"$.{section}", table=table),
                    detail=("未找到该表格", "the table was not found"),
                )
            )
            continue
        rows: dict[tuple[str, ...], list[Cell]] = {}
        for cell in cells:
            rows.setdefault(cell.row, []).append(cell)
        rows_printed = sum(any(c.key in present for c in row_cells) for row_cells in rows.values())
        # A row is left out of a table the page prints; a table mostly not found is missing.
        implied = table in _IMPLIED_TABLES and 2 * rows_printed >= len(rows)
        for row, row_cells in rows.items():
            missing = [c for c in row_cells if c.key not in present]
            if not missing:
                continue
            whole = len(missing) == len(row_cells)
            if whole and implied:
                zeros.update(c.key for c in row_cells if not c.computed)
                computed = all(c.computed for c in row_cells)
                path = "$." + ".".join(row_cells[0].key[: -1 if len(row_cells) > 1 else None])
                if not computed:  # a stated total left out is computed: nothing to say
                    findings.append(
                        make_finding(
                            "R-IMPLIED",
                            Place(path=path, table=table, row="/".join(row)),
                            detail=("该行未印出，各项按 0 计", "the row is left out: read as 0"),
                            cells=tuple(c.path for c in row_cells),
                        )
                    )
                continue
            if whole and len(row_cells) > 1:
                path = "$." + ".".join(row_cells[0].key[:-1])
                findings.append(
                    make_finding(
                        "R-MISSING",
                        Place(path=path, table=table, row="/".join(row)),
                        detail=("未找到该行", "the row was not found"),
                        cells=tuple(c.path for c in row_cells),
                    )
                )
                continue
            findings.extend(
                make_finding(
                    "R-MISSING",
                    cell.place,
                    detail=("未找到该单元格", "the cell was not found"),
                    cells=(cell.path,),
                )
                for cell in missing
            )
    return findings
