"""govinfo_report: the annual report on government information disclosure as a checked value."""

from govinfo_report.errors import GovinfoReportError, ReadError, ReportError, WriteError
from govinfo_report.findings import Finding, Place, Severity
from govinfo_report.model import AnnualReport

__version__ = "0.1.0"

__all__ = [
    "AnnualReport",
    "Finding",
    "GovinfoReportError",
    "Place",
    "ReadError",
    "ReportError",
    "Severity",
    "WriteError",
    "__version__",
]
