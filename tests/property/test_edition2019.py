"""The invariants of the 2019 edition (format section 7), as properties over generated reports.

The same guarantees as 2021: generated reports pass every check, JSON round-trips exactly,
and a one-cell slip is caught by rule code, placed by the official 2019 labels.
"""

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import AnnualReport, Severity, check, dumps, from_dict, loads, to_dict
from govinfo_report.cells import Cell, CellKey, cells_of
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.model import Narrative, from_cells
from govinfo_report.model.build import fillable_cells
from govinfo_report.model.edition2019 import ProactiveDisclosure2019
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_docx
from govinfo_report.rules.catalogue import sum_rules
from govinfo_report.testing import reports

CELLS_2019 = cells_of("2019")
TABLE_BC = [c for c in CELLS_2019 if c.table in ("三", "四")]
TABLE_A = [c for c in CELLS_2019 if c.table == "二"]


def _get(data: dict[str, Any], key: CellKey) -> Any:
    for name in key:
        data = data[name]
    return data


def _set(data: dict[str, Any], key: CellKey, value: object) -> None:
    for name in key[:-1]:
        data = data[name]
    data[key[-1]] = value


@given(reports(edition="2019"))
def test_generated_2019_reports_are_sound(report: AnnualReport) -> None:
    assert (report.edition, report.year in (2019, 2020)) == ("2019", True)
    assert check(to_dict(report)) == []
    assert check(report) == []


@given(reports(edition="2019"))
def test_2019_json_round_trip_is_exact(report: AnnualReport) -> None:
    assert loads(dumps(report)) == report
    assert from_dict(json.loads(json.dumps(to_dict(report), ensure_ascii=False))) == report


@given(reports(edition="2019"))
def test_2019_cells_give_the_report_back(report: AnnualReport) -> None:
    cells = {c.key: _get(to_dict(report), c.key) for c in fillable_cells("2019")}
    rebuilt = from_cells(
        cells,
        organ=report.organ,
        year=report.year,
        title=report.title,
        preface=report.preface,
        publication=report.publication,
        contact=report.contact,
        date=report.date,
        overview=report.overview,
        problems=report.problems,
        other_matters=Narrative(
            opening=report.other_matters.opening, parts=report.other_matters.parts
        ),
    )
    assert rebuilt == report


@given(reports(edition="2019"), st.sampled_from(TABLE_BC), st.sampled_from([1, -1]))
def test_changing_one_2019_cell_breaks_exactly_its_rules(
    report: AnnualReport, cell: Cell, delta: int
) -> None:
    data = to_dict(report)
    value = _get(data, cell.key) + delta
    _set(data, cell.key, value)
    found = {(f.code, f.place) for f in check(data)}
    if value < 0:
        assert found == {("A-NONNEG", cell.place)}
    else:
        expected = {(r.code, r.place) for r in sum_rules("2019") if cell.key in r.keys}
        assert found == expected
        assert expected  # every cell of Tables B and C is bound by some rule


def _bad(cell: Cell) -> st.SearchStrategy[object]:
    """Values a cell of the 2019 Table A refuses: only 本年增/减 may be below zero."""
    wrong_type = st.sampled_from([True, 1.5, "3", None, [1]])
    if cell.kind == "signed":
        return wrong_type | st.just(10**12)
    if cell.kind == "amount":
        return st.sampled_from([-1, "-1", "1e3", 1.5, True, None])
    return wrong_type | st.integers(max_value=-1)


@given(reports(edition="2019", max_count=50), st.sampled_from(TABLE_A), st.data())
def test_a_bad_table_a_value_is_named_by_its_2019_labels(
    report: AnnualReport, cell: Cell, data: st.DataObject
) -> None:
    doc = to_dict(report)
    _set(doc, cell.key, data.draw(_bad(cell)))
    found = [(f.code, f.place) for f in check(doc)]
    assert found == [("A-NONNEG", cell.place)]
    assert cell.place.row is not None
    assert cell.place.row.startswith("第二十条第")


@given(reports(edition="2019", max_count=50), st.integers(-(10**12) + 1, 10**12 - 1))
def test_the_signed_change_takes_any_integer(report: AnnualReport, change: int) -> None:
    doc = to_dict(report)
    doc["proactive"]["licensing"]["change"] = change
    doc["proactive"]["fees"]["change"] = change
    loaded = from_dict(doc).proactive
    assert isinstance(loaded, ProactiveDisclosure2019)
    assert (loaded.licensing.change, loaded.fees.change) == (change, change)


@given(reports(edition="2019"))
def test_2019_docx_round_trip(report: AnnualReport) -> None:
    record = read_docx(docx_bytes(report))
    assert (record.edition, record.unread) == ("2019", ())
    assert [f for f in audit(record) if f.severity is not Severity.INFO] == []
    assert record.to_report() == report
