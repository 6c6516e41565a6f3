"""Properties of aggregation and continuity over generated sound reports.

Issue 5: "the sum of sound reports is sound (it is built through the same checks);
aggregation is independent of order and grouping; the sum of one report is that report."
Spec section 6, X-CARRY: "This year's 二、上年结转… equals last year's
四、结转下年度继续办理, per column."
"""

from collections.abc import Callable

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import AnnualReport, check, from_dict, to_dict
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.labels import APPLICANT_COLUMNS
from govinfo_report.many.aggregate import SUMMED_CELLS, aggregate
from govinfo_report.many.continuity import continuity
from govinfo_report.model import (
    ApplicantCounts,
    HandlingResults,
    ProactiveDisclosure,
    Requests,
    default_title,
)
from govinfo_report.testing import reports

YEAR = 2023


def _in_year(year: int) -> Callable[[AnnualReport], AnnualReport]:
    # testing.reports(years=..., text=...) tests ``years or default``, which Hypothesis warns
    # about (an error here), so the year is set afterwards.
    # The date is dropped: a report is not dated before its (new) year.
    return lambda r: attrs.evolve(r, year=year, title=default_title(r.organ, year), date=None)


same_year = reports().map(_in_year(YEAR))
batches = st.lists(same_year, min_size=1, max_size=5)
LEAF_COLUMNS = [c for c in APPLICANT_COLUMNS if c != "total"]


def _cells(report: AnnualReport) -> dict[tuple[str, ...], object]:
    return {c.key: cell_value(report, c.key) for c in CELLS}


@settings(max_examples=20)
@given(batches)
def test_sum_of_sound_reports_is_sound_and_sums_every_cell(batch: list[AnnualReport]) -> None:
    total = aggregate(batch, organ="某县")
    assert from_dict(to_dict(total)) == total  # passes every check on the way in
    assert [f for f in check(to_dict(total)) if f.severity.value == "error"] == []
    for cell in CELLS:  # the printed totals too: they follow from the summed cells
        assert cell_value(total, cell.key) == sum(
            (cell_value(r, cell.key) for r in batch), start=cell_value(batch[0], cell.key) * 0
        )


@settings(max_examples=20)
@given(batches, st.randoms(use_true_random=False))
def test_order_and_grouping_do_not_matter(batch: list[AnnualReport], rnd: object) -> None:
    total = aggregate(batch, organ="某县")
    shuffled = list(batch)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert aggregate(shuffled, organ="某县") == total
    cut = len(batch) // 2
    parts = [aggregate(batch[:cut], organ="甲", year=YEAR), aggregate(batch[cut:], organ="乙")]
    assert aggregate(parts, organ="某县") == total


@settings(max_examples=40)
@given(same_year)
def test_sum_of_one_report_is_that_report(report: AnnualReport) -> None:
    total = aggregate([report], organ="某县", year=YEAR)
    assert _cells(total) == _cells(report)
    assert (total.organ, total.year) == ("某县", YEAR)
    assert total == attrs.evolve(
        AnnualReport(organ="某县", year=YEAR),
        proactive=report.proactive,
        requests=report.requests,
        appeals=report.appeals,
        other_matters=attrs.evolve(total.other_matters, fees=report.other_matters.fees),
    )


@settings(max_examples=40)
@given(
    reports(organs=st.just("某县教育局")).map(_in_year(2022)),
    st.dictionaries(st.sampled_from(LEAF_COLUMNS), st.integers(0, 3)),
)
def test_x_carry_fires_exactly_for_the_columns_that_differ(
    previous: AnnualReport, extra: dict[str, int]
) -> None:
    forward = previous.requests.carried_forward
    # This year: carried over = last year's carried forward, plus ``extra`` in some columns,
    # all handled this year (disclosed), so the table balances.
    over = attrs.evolve(forward, **{c: getattr(forward, c) + n for c, n in extra.items()})
    assert isinstance(previous.proactive, ProactiveDisclosure)
    current = AnnualReport(
        organ="某县教育局",
        year=2023,
        proactive=attrs.evolve(
            previous.proactive,
            regulations=attrs.evolve(previous.proactive.regulations, issued=0, repealed=0),
            normative_documents=attrs.evolve(
                previous.proactive.normative_documents, issued=0, repealed=0
            ),
        ),
        requests=Requests(
            carried_over=over,
            results=HandlingResults(disclosed=over),
            new=ApplicantCounts(),
        ),
    )
    found = [f for f in continuity(previous, current) if f.code != "X-JUMP"]
    differing = [c for c in LEAF_COLUMNS if extra.get(c, 0)]
    assert [f.place.column for f in found] == [APPLICANT_COLUMNS[c] for c in differing]
    assert all(f.code == "X-CARRY" for f in found)
    assert [(f.expected, f.found) for f in found] == [
        (getattr(forward, c), getattr(forward, c) + extra[c]) for c in differing
    ]


def test_summed_cells_are_not_hand_written() -> None:
    assert [c.key for c in SUMMED_CELLS] == [c.key for c in CELLS if not c.computed]
