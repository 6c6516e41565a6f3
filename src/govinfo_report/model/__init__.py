"""The model: the report and its sections as frozen attrs classes (pure: attrs and stdlib)."""

from govinfo_report.model._fields import MAX_ITEMS, MAX_PARTS
from govinfo_report.model.appeals import Appeals, Outcomes
from govinfo_report.model.build import fillable_cells, from_cells
from govinfo_report.model.edition2019 import (
    DocumentCounts2019,
    FeeItems2019,
    HandlingResults2019,
    ItemCounts2019,
    ProactiveDisclosure2019,
    Procurement2019,
    Requests2019,
)
from govinfo_report.model.narrative import Narrative, OtherMatters, Part, ProcessingFees
from govinfo_report.model.proactive import DocumentCounts, ProactiveDisclosure
from govinfo_report.model.report import (
    DEFAULT_EDITION,
    EDITION_SECTIONS,
    EDITIONS,
    MAX_YEAR,
    MIN_YEAR,
    AnnualReport,
    Contact,
    Publication,
    default_title,
    edition_for,
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
    "EDITION_SECTIONS",
    "MAX_COUNT",
    "MAX_ITEMS",
    "MAX_PARTS",
    "MAX_YEAR",
    "MIN_YEAR",
    "AnnualReport",
    "Appeals",
    "ApplicantCounts",
    "Contact",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeItems2019",
    "HandlingResults",
    "HandlingResults2019",
    "ItemCounts2019",
    "Narrative",
    "NotProcessed",
    "OtherHandling",
    "OtherMatters",
    "Outcomes",
    "Part",
    "ProactiveDisclosure",
    "ProactiveDisclosure2019",
    "ProcessingFees",
    "Procurement2019",
    "Publication",
    "Requests",
    "Requests2019",
    "Unavailable",
    "Withheld",
    "default_title",
    "edition_for",
    "fillable_cells",
    "from_cells",
]
