"""The verbs that check: ``check`` lists findings, ``is_consistent`` answers, ``validate`` raises.

Each takes a report in its JSON-like form (a dict, as :func:`json.loads` gives it; amounts
may be strings, ints or ``Decimal``) or an :class:`~govinfo_report.AnnualReport`. An
``AnnualReport`` is sound by construction, so checking one finds at most warnings
(F-FEES).

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

from govinfo_report.cells import cell_value
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats.json.codec import check_dict, from_dict
from govinfo_report.model import AnnualReport
from govinfo_report.rules.catalogue import FEE_CELLS, fee_findings

__all__ = ["check", "is_consistent", "validate"]


def check(report: AnnualReport | object) -> list[Finding]:
    """Every finding about ``report`` (errors, warnings, notes); never raises on bad data."""
    if isinstance(report, AnnualReport):
        return fee_findings({key: cell_value(report, key) for key in FEE_CELLS})
    return check_dict(report)


def is_consistent(report: AnnualReport | object) -> bool:
    """Whether ``report`` has no error findings. Never raises."""
    return not any(f.severity is Severity.ERROR for f in check(report))


def validate(report: AnnualReport | object) -> AnnualReport:
    """The sound ``AnnualReport`` of ``report``; raises ``ReportError`` with every error."""
    if isinstance(report, AnnualReport):
        return report
    return from_dict(report)
