"""govinfo_report: the annual report on government information disclosure as a checked value.

``AnnualReport`` is the report (政府信息公开工作年度报告, format 国办公开办函〔2021〕30号);
the verbs check it (``check``, ``is_consistent``, ``validate``), move it to and from JSON
(``dumps``, ``loads``, ``to_dict``, ``from_dict``), write it as a .docx (``write_docx``,
``docx_bytes``), and read published reports (``read``, ``read_html``, ``read_text``,
``read_docx``) for ``audit``. Modules that need python-docx or lxml load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from govinfo_report.checks import check, is_consistent, validate
from govinfo_report.errors import GovinfoReportError, ReadError, ReportError, WriteError
from govinfo_report.findings import Finding, Place, Severity
from govinfo_report.model import AnnualReport
from govinfo_report.serialization import dumps, from_dict, load, loads, to_dict

__version__ = "0.1.0"

#: Names loaded on first use, and the module each comes from.
_LAZY: dict[str, str] = {}

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
    "check",
    "dumps",
    "from_dict",
    "is_consistent",
    "load",
    "loads",
    "to_dict",
    "validate",
]


def __getattr__(name: str) -> Any:  # noqa: ANN401 - returns whatever the lazy name is
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'govinfo_report' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
