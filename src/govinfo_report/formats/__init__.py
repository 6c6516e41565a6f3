"""Wire formats: the report as JSON (``formats.json``) and as a .docx (``formats.docx``).

Each format takes an ``AnnualReport`` and gives it back exactly; readers of documents as
*published* (with their slips) live in ``govinfo_report.published``. Every format has the
layout of both editions of the national format (2021 and 2019).
"""

from __future__ import annotations

__all__: list[str] = []
