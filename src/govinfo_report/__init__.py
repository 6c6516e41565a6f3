"""govinfo_report: the annual report on government information disclosure as a checked value.

``AnnualReport`` is the report (政府信息公开工作年度报告, format 国办公开办函〔2021〕30号);
the verbs check it (``check``, ``is_consistent``, ``validate``), move it to and from JSON
(``dumps``, ``loads``, ``to_dict``, ``from_dict``), write it as a .docx (``write_docx``,
``docx_bytes``) or a web page (``write_html``, ``html_text``), and read published reports
(``read``, ``read_html``, ``read_text``, ``read_docx``, ``read_pdf``, ``read_xlsx``) for
``audit``; ``write_xlsx`` writes a workbook and ``write_pdf`` a PDF (our .docx converted by
LibreOffice). Modules that need python-docx, openpyxl or lxml load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govinfo_report.errors import (
    GovinfoReportError,
    MismatchError,
    ReadError,
    ReportError,
    WriteError,
)
from govinfo_report.findings import Finding, Place, Severity
from govinfo_report.formats.json.codec import dumps, from_dict, load, loads, to_dict, write_json
from govinfo_report.model import AnnualReport, from_cells
from govinfo_report.rules.checks import check, is_consistent, validate

#: The version: its one source (pyproject.toml reads it through [tool.hatch.version]).
__version__ = "0.1.0"

#: Names loaded on first use, and the module each comes from.
_LAZY: dict[str, str] = {
    "write_docx": "govinfo_report.formats.docx.writer",
    "docx_bytes": "govinfo_report.formats.docx.writer",
    "html_text": "govinfo_report.formats.html.writer",
    "write_html": "govinfo_report.formats.html.writer",
    "read": "govinfo_report.published.readers",
    "read_docx": "govinfo_report.published.readers",
    "read_html": "govinfo_report.published.readers",
    "read_pdf": "govinfo_report.published.readers",
    "read_text": "govinfo_report.published.readers",
    "read_xlsx": "govinfo_report.published.readers",
    "write_pdf": "govinfo_report.formats.pdf",
    "pdf_bytes": "govinfo_report.formats.pdf",
    "write_xlsx": "govinfo_report.formats.xlsx.writer",
    "xlsx_bytes": "govinfo_report.formats.xlsx.writer",
    "PublishedReport": "govinfo_report.published.readers",
    "audit": "govinfo_report.published.audit",
    "aggregate": "govinfo_report.many.aggregate",
    "continuity": "govinfo_report.many.continuity",
    "series": "govinfo_report.many.continuity",
    "compare": "govinfo_report.many.compare",
    "compare_total": "govinfo_report.many.compare",
}

__all__ = [
    "AnnualReport",
    "Finding",
    "GovinfoReportError",
    "MismatchError",
    "Place",
    "PublishedReport",
    "ReadError",
    "ReportError",
    "Severity",
    "WriteError",
    "__version__",
    "aggregate",
    "audit",
    "check",
    "compare",
    "compare_total",
    "continuity",
    "docx_bytes",
    "dumps",
    "from_cells",
    "from_dict",
    "html_text",
    "is_consistent",
    "load",
    "loads",
    "pdf_bytes",
    "read",
    "read_docx",
    "read_html",
    "read_pdf",
    "read_text",
    "read_xlsx",
    "series",
    "to_dict",
    "validate",
    "write_docx",
    "write_html",
    "write_json",
    "write_pdf",
    "write_xlsx",
    "xlsx_bytes",
]

if TYPE_CHECKING:  # the lazy names, for type checkers and IDEs
    from govinfo_report.formats.docx.writer import docx_bytes, write_docx
    from govinfo_report.formats.html.writer import html_text, write_html
    from govinfo_report.formats.pdf import pdf_bytes, write_pdf
    from govinfo_report.formats.xlsx.writer import write_xlsx, xlsx_bytes
    from govinfo_report.many.aggregate import aggregate
    from govinfo_report.many.compare import compare, compare_total
    from govinfo_report.many.continuity import continuity, series
    from govinfo_report.published.audit import audit
    from govinfo_report.published.readers import (
        PublishedReport,
        read,
        read_docx,
        read_html,
        read_pdf,
        read_text,
        read_xlsx,
    )


def __getattr__(name: str) -> Any:  # noqa: ANN401 - returns whatever the lazy name is
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'govinfo_report' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
