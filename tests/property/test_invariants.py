"""The invariants of the format, as properties over generated reports.

Spec section 6: "Every count in every table is a non-negative integer" (A-NONNEG); the
总计 column, （七）总计 and Table C's totals are sums (B-ROWTOTAL, B-HANDLED, C-TOTAL); and
the 勾稽关系 "一 + 二 = 三（七）总计 + 四, for each of the 7 columns" (B-BALANCE).
"""

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import AnnualReport, check, dumps, from_dict, loads, to_dict
from govinfo_report.cells import CELLS, Cell, CellKey
from govinfo_report.rules.catalogue import SUM_RULES
from govinfo_report.testing import reports

TABLE_BC = [c for c in CELLS if c.table in ("三", "四")]
COUNT_CELLS = [c for c in CELLS if c.kind == "count"]


def _get(data: dict[str, Any], key: CellKey) -> Any:
    for name in key:
        data = data[name]
    return data


def _set(data: dict[str, Any], key: CellKey, value: object) -> None:
    for name in key[:-1]:
        data = data[name]
    data[key[-1]] = value


@given(reports())
def test_generated_reports_are_sound(report: AnnualReport) -> None:
    assert check(to_dict(report)) == []
    assert check(report) == []


@given(reports())
def test_json_round_trip_is_exact(report: AnnualReport) -> None:
    assert loads(dumps(report)) == report
    assert from_dict(json.loads(json.dumps(to_dict(report), ensure_ascii=False))) == report


@given(reports(), st.sampled_from(TABLE_BC), st.sampled_from([1, -1]))
def test_changing_one_cell_breaks_exactly_its_rules(
    report: AnnualReport, cell: Cell, delta: int
) -> None:
    data = to_dict(report)
    value = _get(data, cell.key) + delta
    _set(data, cell.key, value)
    found = {(f.code, f.place) for f in check(data)}
    if value < 0:
        assert found == {("A-NONNEG", cell.place)}
    else:
        expected = {(r.code, r.place) for r in SUM_RULES if cell.key in r.keys}
        assert found == expected
        assert expected  # every cell of Tables B and C is bound by some rule


BAD_COUNTS = st.one_of(
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.integers(max_value=-1),
    st.none(),
    st.lists(st.integers(), max_size=2),
)


@given(reports(max_count=50), st.sampled_from(COUNT_CELLS), BAD_COUNTS)
def test_any_bad_count_is_rejected_with_its_path(
    report: AnnualReport, cell: Cell, bad: object
) -> None:
    data = to_dict(report)
    _set(data, cell.key, bad)
    findings = check(data)
    assert ("A-NONNEG", cell.path) in {(f.code, f.place.path) for f in findings}
    assert all(f.code != "A-NONNEG" or f.place.path == cell.path for f in findings)


@given(st.from_type(AnnualReport))
def test_from_type_draws_sound_reports(report: AnnualReport) -> None:
    """The hypothesis entry point registers ``reports()`` for ``AnnualReport``."""
    assert isinstance(report, AnnualReport)
    assert check(to_dict(report)) == []
