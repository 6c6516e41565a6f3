"""The verbs that check: ``check`` lists findings, ``is_consistent`` answers, ``validate`` raises.

Each takes a report in its JSON-like form (a dict, as :func:`json.loads` gives it; amounts
may be strings, ints or ``Decimal``), an :class:`~govinfo_report.AnnualReport`, or a
:class:`~govinfo_report.PublishedReport` (a report as read from a published document). An
``AnnualReport`` is sound by construction, so checking one finds at most warnings
(F-FEES, E-EDITION). A ``PublishedReport`` is checked as printed: ``check`` gives what the
reader noted (loosely matched labels, text it could not place) and every finding of
:func:`~govinfo_report.audit` on its tables' cells, stated totals included; ``validate``
gives its report (:meth:`~govinfo_report.PublishedReport.to_report`).

This module is the verbs' layer: it sits above the JSON format and the published record,
which it loads only when given a dict or a record.

>>> from govinfo_report import AnnualReport, to_dict
>>> data = to_dict(AnnualReport(organ="某县教育局", year=2023))
>>> check(data), is_consistent(data)
([], True)
>>> data["appeals"]["reconsideration"]["total"] = 2
>>> [(f.code, f.place.row, f.place.column, f.expected, f.found) for f in check(data)]
[('C-TOTAL', '行政复议', '总计', 0, 2)]
>>> is_consistent(data)
False
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TypeGuard

from govinfo_report.errors import ReportError
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats.json.codec import check_dict, from_dict, report_warnings
from govinfo_report.model import AnnualReport

if TYPE_CHECKING:
    from govinfo_report.published.record import PublishedReport

__all__ = ["check", "is_consistent", "validate"]


def _published(report: object) -> TypeGuard[PublishedReport]:
    """Whether ``report`` is a :class:`PublishedReport` (its module is loaded if one exists)."""
    record = sys.modules.get("govinfo_report.published.record")
    return record is not None and isinstance(report, record.PublishedReport)


def check(report: AnnualReport | PublishedReport | object) -> list[Finding]:
    """Every finding about ``report`` (errors, warnings, notes); never raises on bad data."""
    if isinstance(report, AnnualReport):
        return report_warnings(report)
    if _published(report):
        from govinfo_report.published.audit import audit  # noqa: PLC0415 - the upper layer

        return [*report.findings, *audit(report)]
    return check_dict(report)


def is_consistent(report: AnnualReport | PublishedReport | object) -> bool:
    """Whether ``report`` has no error findings. Never raises."""
    return not any(f.severity is Severity.ERROR for f in check(report))


def validate(report: AnnualReport | PublishedReport | object) -> AnnualReport:
    """The sound ``AnnualReport`` of ``report``; raises ``ReportError`` with every error."""
    if isinstance(report, AnnualReport):
        return report
    if _published(report):
        errors = [f for f in check(report) if f.severity is Severity.ERROR]
        if errors:
            raise ReportError(errors)
        return report.to_report()
    return from_dict(report)
