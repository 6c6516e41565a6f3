"""Wire formats: the report as JSON (``formats.json``) and as a .docx (``formats.docx``).

Each format takes an ``AnnualReport`` and gives it back exactly; readers of documents as
*published* (with their slips) live in ``govinfo_report.published``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govinfo_report.model import AnnualReport

__all__ = ["require_2021_layout"]


def require_2021_layout(report: AnnualReport, name_zh: str, name_en: str) -> None:
    """Refuse a report of another edition than 2021 for a format laid out for 2021 only.

    Raises :class:`~govinfo_report.ReportError` (S-VALUE at ``$.edition``) naming the
    format; JSON and .docx (and PDF) have the 2019 layout too.
    """
    if report.edition == "2021":
        return
    from govinfo_report.errors import ReportError  # noqa: PLC0415 - kept light to import
    from govinfo_report.findings import Place, make_finding  # noqa: PLC0415

    detail = (
        f"{name_zh}只有 2021 版格式的版式；{report.edition} 版的报告请生成 JSON、Word 或 PDF",
        (
            f"the {name_en} has the layout of the 2021 edition only; write a report of the "
            f"{report.edition} edition as JSON, .docx or PDF"
        ),
    )
    place = Place(path="$.edition")
    raise ReportError((make_finding("S-VALUE", place, found=report.edition, detail=detail),))
