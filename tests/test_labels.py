"""Labels are data: one-to-one with the model's fields, and verbatim from the spec."""

from pathlib import Path

import attrs
import pytest

from govinfo_report import labels
from govinfo_report.cells import CELLS
from govinfo_report.model import (
    Appeals,
    ApplicantCounts,
    DocumentCounts,
    HandlingResults,
    NotProcessed,
    OtherHandling,
    Outcomes,
    ProactiveDisclosure,
    ProcessingFees,
    Requests,
    Unavailable,
    Withheld,
)

SPEC = (Path(__file__).parents[1] / "docs" / "format-2021.md").read_text(encoding="utf-8")


def _all_labels() -> list[str]:
    out = [
        labels.BALANCE_NOTE,
        labels.APPLICANT_HEADER,
        labels.LEGAL_PERSON_HEADER,
        labels.PROACTIVE_CONTENT_HEADER,
        labels.DECISIONS_COLUMN,
        labels.FEES_COLUMN,
        *labels.DOCUMENT_COLUMNS.values(),
        *labels.APPLICANT_COLUMNS.values(),
        *labels.APPEAL_COLUMNS.values(),
        *labels.APPEAL_HEADERS.values(),
        *(part for path in labels.APPEAL_GROUPS.values() for part in path),
        *labels.FEE_LABELS.values(),
        *labels.OVERVIEW_ASPECTS,
    ]
    out += [label.full for label in labels.SECTIONS.values()]
    out += [label.full for label in labels.PROACTIVE_GROUPS.values()]
    out += [label.full for label in labels.PROACTIVE_ROWS.values()]
    out += [label.full for label in labels.REQUEST_ROWS.values()]
    out += [label.full for label in labels.RESULT_GROUPS.values()]
    out += [label.full for items in labels.RESULT_ITEMS.values() for label in items.values()]
    return out


@pytest.mark.parametrize("label", _all_labels())
def test_every_label_occurs_verbatim_in_the_spec(label: str) -> None:
    assert label in SPEC


def _variants() -> list[str]:
    groups = [
        labels.SECTIONS,
        labels.PROACTIVE_ROWS,
        labels.RESULT_GROUPS,
        *labels.RESULT_ITEMS.values(),
    ]
    return [v for group in groups for label in group.values() for v in label.variants]


@pytest.mark.parametrize("variant", _variants())
def test_variants_differ_from_the_official_text(variant: str) -> None:
    official = {label.text for label in labels.SECTIONS.values()}
    official |= {label.text for label in labels.RESULT_GROUPS.values()}
    official |= {lb.text for items in labels.RESULT_ITEMS.values() for lb in items.values()}
    assert variant not in official


def _names(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls)]


@pytest.mark.parametrize(
    ("cls", "mapping"),
    [
        (ApplicantCounts, [c for c in labels.APPLICANT_COLUMNS if c != "total"]),
        (Outcomes, [c for c in labels.APPEAL_COLUMNS if c != "total"]),
        (DocumentCounts, list(labels.DOCUMENT_COLUMNS)),
        (ProactiveDisclosure, list(labels.PROACTIVE_ROWS)),
        (Requests, list(labels.REQUEST_ROWS)),
        (HandlingResults, [g for g in labels.RESULT_GROUPS if g != "total"]),
        (Withheld, list(labels.RESULT_ITEMS["withheld"])),
        (Unavailable, list(labels.RESULT_ITEMS["unavailable"])),
        (NotProcessed, list(labels.RESULT_ITEMS["not_processed"])),
        (OtherHandling, list(labels.RESULT_ITEMS["other"])),
        (Appeals, list(labels.APPEAL_GROUPS)),
        (ProcessingFees, list(labels.FEE_LABELS)),
    ],
)
def test_labels_and_fields_map_one_to_one(cls: type, mapping: list[str]) -> None:
    assert _names(cls) == mapping


def test_every_cell_has_a_distinct_place() -> None:
    places = [(c.table, c.row_label, c.column) for c in CELLS]
    assert len(places) == len(set(places))
    assert len({c.key for c in CELLS}) == len(CELLS)


@pytest.mark.parametrize(("table", "count"), [("二", 10), ("三", 175), ("四", 15), ("六", 3)])
def test_cell_counts_per_table_follow_the_spec(table: str, count: int) -> None:
    assert sum(c.table == table for c in CELLS) == count


def test_punctuation_code_points() -> None:
    """Spec section 2: full-width parentheses, 、 in the （六） labels, curly quotes."""
    other = labels.RESULT_ITEMS["other"]
    assert "、" in other["no_correction"].text
    assert "、" in other["fee_unpaid"].text
    assert (
        labels.RESULT_ITEMS["withheld"]["endangers_security"].text == "危及\u201c三安全一稳定\u201d"
    )
    assert labels.RESULT_GROUPS["withheld"].number == "\uff08三\uff09"
    assert labels.RESULT_ITEMS["withheld"]["state_secret"].number == "1."
