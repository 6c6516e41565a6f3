"""A document this library writes reads back to an equal report, narrative included
(issue 3, "Reading back": ``read_docx(write_docx(r)) == r``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import given

from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.published.readers import read_docx
from govinfo_report.testing import reports

if TYPE_CHECKING:
    from govinfo_report import AnnualReport


@given(reports())
def test_docx_round_trip(report: AnnualReport) -> None:
    record = read_docx(docx_bytes(report))
    assert record.unread == ()
    assert record.to_report() == report
