# ruff: noqa: SLF001 - compares the audit with its own first way
"""The audit's shortcuts find what the audit found before them (round 5 of the reading speed).

The reference is the audit as first written, kept here: every cell checked by
:func:`check_cell`, the cells printed gathered anew by each rule that needs them, and every
table of R-MISSING looked through a cell at a time. Both must give the same findings, in the
same order, on any cells: values in and out of every bound, blanks, text, totals left empty,
amounts, the 2019 edition's signed figures, the same cell printed twice, tables and rows left
out, and figures printed once for several cells.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import labels
from govinfo_report.cells import Cell, any_cell, cells_of
from govinfo_report.findings import Place, make_finding
from govinfo_report.formats.html.writer import html_text
from govinfo_report.formats.json.codec import loads
from govinfo_report.model.report import EDITIONS, edition_year_finding, identity_findings
from govinfo_report.published import audit as audit_module
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read, read_html
from govinfo_report.published.record import CombinedCell, PublishedCell, Source
from govinfo_report.rules import catalogue
from govinfo_report.rules.catalogue import (
    MAX_COUNT,
    SumRule,
    check_cell,
    complete_totals,
    evaluate,
    fee_findings,
    sum_rules,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from decimal import Decimal

    from govinfo_report.cells import CellKey
    from govinfo_report.findings import Finding
    from govinfo_report.published.record import PublishedReport

_ROOT = Path(__file__).parents[2]


def _first_audit(record: PublishedReport) -> list[Finding]:
    """``audit`` as first written (before the shortcuts of round 5)."""
    findings: list[Finding] = []
    if record.organ is None:
        findings.append(audit_module.missing_identity("organ", ("发文机关", "the organ")))
    if record.year is None:
        findings.append(audit_module.missing_identity("year", ("年度", "the year")))
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
    values: dict[CellKey, int | Decimal] = {}
    for published in record.cells:
        cell = any_cell(published.key)
        if cell.computed and not published.raw.strip():
            continue
        number = published.number
        if number is None:
            findings.append(
                make_finding(
                    "A-NONNEG", cell.place, found=published.raw, detail=audit_module._NOT_NUMBER
                )
            )
            continue
        value, finding = check_cell(cell, number)
        if finding is not None:
            findings.append(finding)
        elif value is not None:
            values[published.key] = value
    audit_module._implied_zeros(record, values)
    zeros: set[CellKey] = set()
    findings.extend(_first_missing(record, zeros))
    for key in zeros:  # a row left out is 0 in the sums, as to_report() reads it
        values.setdefault(key, 0)
    edition = audit_module._edition(record)
    complete_totals(values, edition)
    findings.extend(evaluate(values, sum_rules(edition)))
    printed = {c.key for c in record.cells}
    held = {
        **{k: v for k, v in audit_module._UNPRINTED_FEES.items() if k not in printed},
        **values,
    }
    findings.extend(fee_findings(held))
    findings.extend(audit_module._narrative(record, values))
    return findings


def _first_missing(record: PublishedReport, zeros: set[CellKey]) -> list[Finding]:
    """R-MISSING as first written: every table looked through a cell at a time."""
    findings, covered = audit_module._combined(record, {c.key for c in record.cells})
    present = {c.key for c in record.cells} | covered
    for table, cells in audit_module._REQUIRED_BY_TABLE[audit_module._edition(record)].items():
        absent = [c for c in cells if c.key not in present]
        if not absent:
            continue
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
        printed = sum(any(c.key in present for c in row_cells) for row_cells in rows.values())
        implied = table in audit_module._IMPLIED_TABLES and 2 * printed >= len(rows)
        for row, row_cells in rows.items():
            missing = [c for c in row_cells if c.key not in present]
            if not missing:
                continue
            whole = len(missing) == len(row_cells)
            if whole and implied:
                zeros.update(c.key for c in row_cells if not c.computed)
                computed = all(c.computed for c in row_cells)
                path = "$." + ".".join(row_cells[0].key[: -1 if len(row_cells) > 1 else None])
                if not computed:
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


_RECORD = read_html(
    html_text(loads((_ROOT / "examples/city-department-2023.json").read_text(encoding="utf-8")))
)
_KEYS = sorted({c.key for edition in EDITIONS for c in cells_of(edition)})
_VALUES = st.one_of(
    st.none(),
    st.integers(-3, 40),
    st.sampled_from([MAX_COUNT, MAX_COUNT + 1, -MAX_COUNT, -MAX_COUNT - 1, 10**20, True, False]),
    st.decimals(min_value=-5, max_value=5, places=2),
)
_CELL = st.builds(
    PublishedCell,
    key=st.sampled_from(_KEYS),
    raw=st.sampled_from(["", " ", "\u3000", "3", "x", "—", "/"]),
    value=_VALUES,
    blank=st.booleans(),
    source=st.just(Source(paragraph=1)),
)
_COMBINED = st.builds(
    CombinedCell,
    keys=st.lists(st.sampled_from(_KEYS), min_size=1, max_size=3).map(tuple),
    raw=st.sampled_from(["", "0", "5"]),
    value=st.sampled_from([None, 0, 5]),
    blank=st.booleans(),
    source=st.just(Source(paragraph=1)),
)


@given(
    st.sampled_from(["2021", "2019", "1999"]),
    st.lists(st.booleans(), min_size=len(_RECORD.cells), max_size=len(_RECORD.cells)),
    st.lists(st.tuples(st.integers(0, len(_RECORD.cells) - 1), _VALUES, st.booleans())),
    st.lists(_CELL, max_size=12),
    st.lists(_COMBINED, max_size=2),
)
def test_audit_finds_what_it_found_first(
    edition: str,
    kept: list[bool],
    changed: list[tuple[int, int | Decimal | None, bool]],
    extra: list[PublishedCell],
    combined: list[CombinedCell],
) -> None:
    """A report's cells, some left out, some changed, others added, in every edition."""
    cells = list(_RECORD.cells)
    for at, value, blank in changed:
        cells[at] = attrs.evolve(cells[at], value=value, blank=blank)
    cells = [c for c, keep in zip(cells, kept, strict=True) if keep]
    record = attrs.evolve(
        _RECORD, edition=edition, cells=(*cells, *extra), combined=tuple(combined)
    )
    assert audit(record) == _first_audit(record)


def test_audit_of_the_corpus_as_first() -> None:
    """Every page of the corpus, and a report printing no table at all."""
    paths = sorted(
        p
        for p in (_ROOT / "tests/data/published").iterdir()
        if not p.name.endswith((".json", ".py"))
    )
    assert paths
    for path in paths:
        record = read(path)
        assert audit(record) == _first_audit(record), path.name
    empty = attrs.evolve(_RECORD, cells=(), organ=None, year=None)
    assert audit(empty) == _first_audit(empty)
    assert any(f.code == "R-MISSING" for f in audit(empty))


def test_counts_are_read_as_printed() -> None:
    """``_CELL_KEYS``: the cells ``check_cell`` gives back any int from 0 to MAX_COUNT, and
    the cells' own keys."""
    assert set(audit_module._CELL_KEYS) == set(_KEYS)
    for key in _KEYS:
        cell = any_cell(key)
        own, total = audit_module._CELL_KEYS[key]
        assert own == key
        assert own is cell.key
        assert total == (None if cell.kind == "amount" else cell.computed)
        if total is not None:
            for number in (0, 1, MAX_COUNT):
                assert check_cell(cell, number) == (number, None)


def test_the_rules_hold_the_cells_own_keys() -> None:
    for edition in EDITIONS:
        for rule in sum_rules(edition):
            assert all(any_cell(key).key is key for key in rule.keys)
        for key, parts in catalogue._TOTALS[edition]:
            assert all(any_cell(k).key is k for k in (key, *parts))
    assert catalogue.own_key(("no", "such", "cell")) == ("no", "such", "cell")


def _first_complete_totals(values: dict[CellKey, int | Decimal], edition: str) -> None:
    """``complete_totals`` as first written: the keys made anew, each total filled by ``_fill``."""

    def fill(key: CellKey, parts: Iterable[CellKey]) -> None:
        if key in values:
            return
        found = [values.get(p) for p in parts]
        if all(v is not None for v in found):
            values[key] = sum((v for v in found if v is not None), start=0)

    rows, leaves = catalogue._EDITION_ROWS[edition]
    handled = ("requests", "results", "total")
    for row in rows:
        if row != handled:
            fill((*row, "total"), ((*row, c) for c in catalogue._LEAF_COLUMNS))
    for column in catalogue._COLUMNS:
        fill((*handled, column), ((*row, column) for row in leaves))
    for group in labels.APPEAL_GROUPS:
        four = (c for c in labels.APPEAL_COLUMNS if c != "total")
        fill(("appeals", group, "total"), (("appeals", group, c) for c in four))


def _first_evaluate(
    values: dict[CellKey, int | Decimal], rules: Iterable[SumRule]
) -> list[Finding]:
    """``evaluate`` as first written: each side summed by a generator."""
    findings = []
    for rule in rules:
        try:
            found = sum((values[k] for k in rule.lhs), start=0)
            expected = sum((values[k] for k in rule.rhs), start=0)
        except KeyError:
            continue
        if found != expected:
            findings.append(
                make_finding(
                    rule.code,
                    rule.place,
                    expected=expected,
                    found=found,
                    cells=tuple("$." + ".".join(k) for k in rule.keys),
                )
            )
    return findings


@given(st.sampled_from(["2021", "2019"]), st.data())
def test_totals_and_sums_as_first(edition: str, data: st.DataObject) -> None:
    """Any cells of an edition present, totals among them or not, counts and amounts."""
    keys = [c.key for c in cells_of(edition) if c.table in {"三", "四"}]
    numbers = st.one_of(st.integers(0, 3), st.decimals(min_value=0, max_value=3, places=1))
    values = data.draw(
        st.dictionaries(st.sampled_from(keys), numbers, max_size=len(keys))
        | st.builds(
            lambda drop, vs: {k: v for k, v, d in zip(keys, vs, drop, strict=False) if not d},
            st.lists(st.booleans(), min_size=len(keys), max_size=len(keys)),
            st.lists(st.integers(0, 3), min_size=len(keys), max_size=len(keys)),
        )
    )
    first = dict(values)
    _first_complete_totals(first, edition)
    complete_totals(values, edition)
    assert list(values.items()) == list(first.items())
    rules = sum_rules(edition)
    assert evaluate(values, rules) == _first_evaluate(values, rules)
