"""The model: the report and its sections as frozen attrs classes (pure: attrs and stdlib)."""

from govinfo_report.model._fields import MAX_ITEMS, MAX_PARTS
from govinfo_report.model.appeals import Appeals, Outcomes
from govinfo_report.model.build import from_cells
from govinfo_report.model.narrative import Narrative, OtherMatters, Part, ProcessingFees
from govinfo_report.model.proactive import DocumentCounts, ProactiveDisclosure
from govinfo_report.model.report import (
    DEFAULT_EDITION,
    EDITIONS,
    MAX_YEAR,
    AnnualReport,
    Contact,
    Publication,
    default_title,
)
from govinfo_report.model.requests import (
    ApplicantCounts,
    HandlingResults,
    NotProcessed,
    OtherHandling,
    Requests,
    Unavailable,
    Withheld,
)
from govinfo_report.rules.catalogue import MAX_COUNT

__all__ = [
    "DEFAULT_EDITION",
    "EDITIONS",
    "MAX_COUNT",
    "MAX_ITEMS",
    "MAX_PARTS",
    "MAX_YEAR",
    "AnnualReport",
    "Appeals",
    "ApplicantCounts",
    "Contact",
    "DocumentCounts",
    "HandlingResults",
    "Narrative",
    "NotProcessed",
    "OtherHandling",
    "OtherMatters",
    "Outcomes",
    "Part",
    "ProactiveDisclosure",
    "ProcessingFees",
    "Publication",
    "Requests",
    "Unavailable",
    "Withheld",
    "default_title",
    "from_cells",
]
