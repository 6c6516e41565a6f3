"""Wire formats: the report as JSON (``formats.json``) and as a .docx (``formats.docx``).

Each format takes an ``AnnualReport`` and gives it back exactly; readers of documents as
*published* (with their slips) live in ``govinfo_report.published``.
"""
