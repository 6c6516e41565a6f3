"""Generated reports survive the workbook: read_xlsx(xlsx_bytes(r)).to_report() == r, in
both editions (the 2019 workbook has the 2019 grids)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given, settings

from govinfo_report.cells import cells_of
from govinfo_report.formats.xlsx.writer import xlsx_bytes
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_xlsx
from govinfo_report.testing import reports

if TYPE_CHECKING:
    from govinfo_report.model import AnnualReport


@settings(max_examples=25)
@given(reports())
def test_workbook_round_trip(report: AnnualReport) -> None:
    record = read_xlsx(xlsx_bytes(report))
    assert record.findings == ()
    assert audit(record) == []
    assert record.to_report() == report


@settings(max_examples=10)
@given(reports())
def test_totals_are_recorded_blank_never_as_zero(report: AnnualReport) -> None:
    record = read_xlsx(xlsx_bytes(report))
    totals = [c for c in record.cells if c.cell.computed]
    assert totals
    assert all(c.raw == "" and c.blank for c in totals)


@settings(max_examples=25)
@given(reports(edition="2019"))
def test_2019_workbook_round_trip(report: AnnualReport) -> None:
    record = read_xlsx(xlsx_bytes(report))
    assert record.edition == "2019"
    assert record.findings == ()
    assert audit(record) == []
    assert record.to_report() == report


@settings(max_examples=10)
@given(reports(edition="2019"))
def test_2019_totals_are_recorded_blank_never_as_zero(report: AnnualReport) -> None:
    record = read_xlsx(xlsx_bytes(report))
    totals = [c for c in record.cells if c.cell.computed]
    assert len(totals) == sum(c.computed for c in cells_of("2019"))
    assert all(c.raw == "" and c.blank for c in totals)
