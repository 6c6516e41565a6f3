"""The arithmetic of the format (section 6) as data, and the engine that applies it.

Every arithmetic rule is a :class:`SumRule`: the cells on the left add up to the cells on
the right. The rules are built from the cell table (:mod:`govinfo_report.cells`), so each
names the cells it involves, and changing any single cell of Table B or C breaks exactly
the rules that contain it (the property tests prove it).

>>> sorted({r.code for r in SUM_RULES})
['B-BALANCE', 'B-HANDLED', 'B-ROWTOTAL', 'C-TOTAL']
>>> len(SUM_RULES)
42
>>> balance = [r for r in SUM_RULES if r.code == "B-BALANCE"][0]
>>> balance.place.column
'自然人'
>>> [".".join(key) for key in balance.lhs]
['requests.new.natural_person', 'requests.carried_over.natural_person']
>>> [".".join(key) for key in balance.rhs]
['requests.results.total.natural_person', 'requests.carried_forward.natural_person']
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Final, cast

import attrs

from govinfo_report import labels
from govinfo_report.cells import (
    CELL_BY_KEY,
    CELLS,
    Cell,
    CellKey,
    any_cell,
    cell_by_key,
    cells_of,
)
from govinfo_report.findings import Finding, Place, make_finding

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

__all__ = [
    "MAX_COUNT",
    "SUM_RULES",
    "SumRule",
    "check_cell",
    "complete_totals",
    "evaluate",
    "fee_cells",
    "fee_findings",
    "own_key",
    "parse_amount",
    "sum_rules",
]

Number = int | Decimal


@attrs.frozen(kw_only=True)
class SumRule:
    """``sum(lhs) == sum(rhs)``: a rule code, where to report it, and the cells involved."""

    code: str
    place: Place
    lhs: tuple[CellKey, ...]
    rhs: tuple[CellKey, ...]

    @property
    def keys(self) -> tuple[CellKey, ...]:
        """Every cell the rule involves."""
        return self.lhs + self.rhs


_COLUMNS = tuple(labels.APPLICANT_COLUMNS)
_LEAF_COLUMNS = tuple(c for c in _COLUMNS if c != "total")


def _b_rows(cells: tuple[Cell, ...] = CELLS) -> Iterator[CellKey]:
    """Row prefixes of Table B in print order: one key per row, without the column."""
    seen: dict[CellKey, None] = {}
    for cell in cells:
        if cell.table == labels.TABLES["requests"]:
            seen.setdefault(cell.key[:-1])
    yield from seen


def _result_leaf_rows(cells: tuple[Cell, ...] = CELLS) -> tuple[CellKey, ...]:
    return tuple(
        row for row in _b_rows(cells) if row[:2] == ("requests", "results") and row[2] != "total"
    )


def own_key(key: CellKey) -> CellKey:
    """``key`` as the key object of its cell (:func:`any_cell`'s), or itself if no cell has it.

    The same key (equal, with the same hash), so nothing read by it changes; but a dict or
    set holding the cell's own object finds it by identity, without comparing the strings of
    two tuples one by one. The rules and totals below hold these objects, and so does the
    audit's dict of values.
    """
    try:
        return any_cell(key).key
    except KeyError:
        return key


def _own_keys(rule: SumRule) -> SumRule:
    return attrs.evolve(rule, lhs=tuple(map(own_key, rule.lhs)), rhs=tuple(map(own_key, rule.rhs)))


def _build(edition: str = "2021") -> Iterator[SumRule]:
    cells, by_key = cells_of(edition), cell_by_key(edition)
    for row in _b_rows(cells):
        total = by_key[(*row, "total")]
        yield SumRule(
            code="B-ROWTOTAL",
            place=total.place,
            lhs=(total.key,),
            rhs=tuple((*row, c) for c in _LEAF_COLUMNS),
        )
    leaves = _result_leaf_rows(cells)
    for column in _COLUMNS:
        total = by_key[("requests", "results", "total", column)]
        yield SumRule(
            code="B-HANDLED",
            place=total.place,
            lhs=(total.key,),
            rhs=tuple((*row, column) for row in leaves),
        )
    for column, column_label in labels.APPLICANT_COLUMNS.items():
        yield SumRule(
            code="B-BALANCE",
            place=Place(
                path=f"$.requests.*.{column}", table=labels.TABLES["requests"], column=column_label
            ),
            lhs=(("requests", "new", column), ("requests", "carried_over", column)),
            rhs=(
                ("requests", "results", "total", column),
                ("requests", "carried_forward", column),
            ),
        )
    for group in labels.APPEAL_GROUPS:
        total = by_key[("appeals", group, "total")]
        yield SumRule(
            code="C-TOTAL",
            place=total.place,
            lhs=(total.key,),
            rhs=tuple(("appeals", group, c) for c in labels.APPEAL_COLUMNS if c != "total"),
        )


_B_ROWS: Final = tuple(_b_rows())
_RESULT_LEAF_ROWS: Final = _result_leaf_rows()

#: Every arithmetic rule of the format, in print order.
SUM_RULES: Final[tuple[SumRule, ...]] = tuple(map(_own_keys, _build()))

#: The B-BALANCE rules alone: the one law the model checks when a report is made (they
#: are the same in both editions).
BALANCE_RULES: Final = tuple(r for r in SUM_RULES if r.code == "B-BALANCE")

_EDITION_RULES: Final = {"2021": SUM_RULES, "2019": tuple(map(_own_keys, _build("2019")))}
_EDITION_ROWS: Final = {
    "2021": (_B_ROWS, _RESULT_LEAF_ROWS),
    "2019": (tuple(_b_rows(cells_of("2019"))), _result_leaf_rows(cells_of("2019"))),
}


def sum_rules(edition: str) -> tuple[SumRule, ...]:
    """Every arithmetic rule of an edition (:data:`SUM_RULES` for "2021"), in print order.

    The rules of the 2019 edition differ in B-HANDLED only: （六）其他处理 is one row there.

    >>> len(sum_rules("2019")), len(sum_rules("2021"))
    (40, 42)
    """
    return _EDITION_RULES[edition]


def evaluate(
    values: Mapping[CellKey, Number], rules: Iterable[SumRule] = SUM_RULES
) -> list[Finding]:
    """Apply ``rules`` to cell values; a rule with a cell missing from ``values`` is skipped."""
    findings = []
    value = values.__getitem__  # ``values[k]`` for each k, by map: no generator a sum
    for rule in rules:
        try:
            found = sum(map(value, rule.lhs))
            expected = sum(map(value, rule.rhs))
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


_HANDLED_ROW: Final = ("requests", "results", "total")


def _totals(edition: str) -> tuple[tuple[CellKey, tuple[CellKey, ...]], ...]:
    """The totals of an edition with the cells each adds up, in the order they are filled.

    The rows' 总计 first, the （七） row's from the result rows' (their 总计 among them) next,
    then Table C's.
    """
    rows, leaves = _EDITION_ROWS[edition]
    totals = [
        ((*row, "total"), tuple((*row, c) for c in _LEAF_COLUMNS))
        for row in rows
        if row != _HANDLED_ROW  # the （七） row is computed below, from the result rows
    ]
    totals.extend(
        ((*_HANDLED_ROW, column), tuple((*row, column) for row in leaves)) for column in _COLUMNS
    )
    for group in labels.APPEAL_GROUPS:
        four = tuple(("appeals", group, c) for c in labels.APPEAL_COLUMNS if c != "total")
        totals.append((("appeals", group, "total"), four))
    return tuple((own_key(key), tuple(map(own_key, parts))) for key, parts in totals)


#: :func:`_totals` of each edition, made once (with the cells' own key objects).
_TOTALS: Final = {edition: _totals(edition) for edition in _EDITION_ROWS}


def complete_totals(values: dict[CellKey, Number], edition: str = "2021") -> None:
    """Fill in, from their cells, the totals that ``values`` lacks (in place).

    A stated total is kept as it is, so that the rules can compare it; an absent total is
    computed, when every cell it depends on is present. ``edition``: the cells' edition.
    """
    get = values.get
    for key, parts in _TOTALS[edition]:
        if key not in values:
            found = list(map(get, parts))
            if None not in found:
                values[key] = sum(cast("list[Number]", found))


_AMOUNT = re.compile(r"[0-9]+(\.[0-9]+)?")
#: The largest count a cell may hold (999,999,999,999: twelve digits). No office receives
#: a trillion requests; the bound keeps every sum and message of numbers small and fast.
MAX_COUNT: Final = 10**12 - 1
#: Amounts are bounded: at most this many digits before the point and after it (the
#: largest budget of a ministry has 13 digits in 元; nobody reports below 0.000001).
MAX_WHOLE_DIGITS: Final = 18
MAX_FRACTION_DIGITS: Final = 10
_COUNT_WORDS = ("非负整数", "a non-negative integer")
_COUNT_BOUND = (f"不超过 {MAX_COUNT} 的非负整数", f"a non-negative integer up to {MAX_COUNT}")
_SIGNED_WORDS = (
    f"绝对值不超过 {MAX_COUNT} 的整数（可为负数）",
    f"an integer from -{MAX_COUNT} to {MAX_COUNT} (it may be negative)",
)
_AMOUNT_WORDS = ("非负金额（十进制数字或整数）", "a non-negative decimal amount")


def parse_amount(raw: object) -> Decimal | None:
    """An amount as a ``Decimal``, or ``None`` when ``raw`` is not a non-negative amount.

    Accepted: a ``Decimal`` or ``int`` (not ``bool``), or a string of ASCII digits with an
    optional fraction (``"12.50"``), with at most ``MAX_WHOLE_DIGITS`` digits before the point
    and ``MAX_FRACTION_DIGITS`` after it. Floats are refused: they are not exact.

    >>> parse_amount("12.50"), parse_amount(3), parse_amount(1.5), parse_amount("NaN")
    (Decimal('12.50'), Decimal('3'), None, None)
    >>> parse_amount(Decimal("1E+3")), parse_amount("1" * 19)
    (Decimal('1E+3'), None)
    """
    value = _as_decimal(raw)
    if value is None or not value.is_finite() or value.is_signed():
        return None
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or -exponent > MAX_FRACTION_DIGITS:
        return None
    return value if value.adjusted() < MAX_WHOLE_DIGITS else None


def _as_decimal(raw: object) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return Decimal(raw) if 0 <= raw < 10**MAX_WHOLE_DIGITS else None
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, str) and len(raw) < 64 and _AMOUNT.fullmatch(raw):  # noqa: PLR2004
        return Decimal(raw)
    return None


def check_cell(cell: Cell, raw: object) -> tuple[Number | None, Finding | None]:
    """Validate one cell's raw value: the value, or a finding of rule A-NONNEG.

    A ``signed`` cell (the 2019 本年增/减) is an ``int`` from ``-MAX_COUNT`` to ``MAX_COUNT``.
    """
    if cell.kind == "signed":
        if type(raw) is int and -MAX_COUNT <= raw <= MAX_COUNT:
            return raw, None
        return None, make_finding("A-NONNEG", cell.place, found=raw, detail=_SIGNED_WORDS)
    if cell.kind == "count":
        if type(raw) is int and 0 <= raw <= MAX_COUNT:
            return raw, None
        words = _COUNT_BOUND if type(raw) is int and raw > MAX_COUNT else _COUNT_WORDS
        return None, make_finding("A-NONNEG", cell.place, found=raw, detail=words)
    amount = parse_amount(raw)
    if amount is None:
        return None, make_finding("A-NONNEG", cell.place, found=raw, detail=_AMOUNT_WORDS)
    return amount, None


_FEES = ("other_matters", "fees")
_FEE_UNPAID = ("requests", "results", "other", "fee_unpaid", "total")
#: The cells rule F-FEES reads.
FEE_CELLS: Final = (
    (*_FEES, "notices"),
    (*_FEES, "notices_amount"),
    (*_FEES, "collected"),
    _FEE_UNPAID,
)


def fee_cells(edition: str) -> tuple[CellKey, ...]:
    """The cells rule F-FEES reads in an edition: the 2019 edition has no （六）2 row."""
    return FEE_CELLS if edition == "2021" else FEE_CELLS[:3]


def fee_findings(values: Mapping[CellKey, Number]) -> list[Finding]:
    """Rule F-FEES within one report (warnings).

    The amount collected does not exceed the total of the fee notices; applications closed
    under （六）2 (fee not paid) imply that fee notices were issued.
    """
    findings = []
    collected = values.get((*_FEES, "collected"))
    amount = values.get((*_FEES, "notices_amount"))
    notices = values.get((*_FEES, "notices"))
    if collected is not None and amount is not None and collected > amount:
        cell = CELL_BY_KEY[(*_FEES, "collected")]
        findings.append(
            make_finding(
                "F-FEES",
                cell.place,
                expected=amount,
                found=collected,
                detail=(
                    f"实际收取的总金额 {collected} 超过收费通知总金额 {amount}",
                    f"the amount collected, {collected}, exceeds the notices' total, {amount}",
                ),
                cells=(cell.path, CELL_BY_KEY[(*_FEES, "notices_amount")].path),
            )
        )
    unpaid = values.get(_FEE_UNPAID)
    if unpaid and notices == 0:
        cell = CELL_BY_KEY[(*_FEES, "notices")]
        findings.append(
            make_finding(
                "F-FEES",
                cell.place,
                found=notices,
                detail=(
                    f"（六）2 逾期未缴费不再处理 {unpaid} 件，但未发出收费通知",
                    (
                        f"{unpaid} applications closed for unpaid fees (（六）2), "
                        "but no fee notice was issued"
                    ),
                ),
                cells=(cell.path, CELL_BY_KEY[_FEE_UNPAID].path),
            )
        )
    return findings
