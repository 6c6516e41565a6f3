"""Hypothesis strategies for sound reports, for this library's tests and for yours.

Reports are built constructively: the cells a person fills in are drawn, the totals follow,
and for the 勾稽关系 the carried-over count of each column is drawn within the bound that
keeps ``一、本年新收`` non-negative. Every report drawn is sound, of every size: from a town
with nothing to report to a ministry with a million requests.

Requires the ``testing`` extra (``pip install govinfo-report[testing]``). Installed, the
package also registers :func:`reports` with Hypothesis, so ``st.from_type(AnnualReport)``
(and ``@given`` on an ``AnnualReport`` argument with ``...``) draws sound reports.

>>> from hypothesis import HealthCheck, given, settings
>>> from govinfo_report import AnnualReport
>>> @settings(max_examples=5, database=None, suppress_health_check=[HealthCheck.too_slow])
... @given(reports())
... def test_totals(report: AnnualReport) -> None:
...     results = report.requests.results.total
...     assert report.requests.new.total + report.requests.carried_over.total == (
...         results.total + report.requests.carried_forward.total)
>>> test_totals()
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as error:  # pragma: no cover - exercised in a subprocess test
    _MISSING = (
        "govinfo_report.testing 需要 Hypothesis：请安装 pip install 'govinfo-report[testing]'。"
        " / govinfo_report.testing needs Hypothesis: pip install 'govinfo-report[testing]'."
    )
    raise ModuleNotFoundError(_MISSING, name="hypothesis") from error

from govinfo_report import labels
from govinfo_report.model import (
    AnnualReport,
    Appeals,
    ApplicantCounts,
    Contact,
    DocumentCounts,
    HandlingResults,
    Narrative,
    NotProcessed,
    OtherHandling,
    OtherMatters,
    Outcomes,
    Part,
    ProactiveDisclosure,
    ProcessingFees,
    Publication,
    Requests,
    Unavailable,
    Withheld,
)
from govinfo_report.model.edition2019 import (
    DocumentCounts2019,
    FeeItems2019,
    HandlingResults2019,
    ItemCounts2019,
    ProactiveDisclosure2019,
    Procurement2019,
    Requests2019,
)
from govinfo_report.rules.narrative import narrative_findings

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "amounts",
    "appeals",
    "counts",
    "narratives",
    "paragraphs",
    "proactive_disclosures",
    "proactive_disclosures_2019",
    "reports",
    "requests_tables",
    "requests_tables_2019",
]

_COLUMNS = tuple(c for c in labels.APPLICANT_COLUMNS if c != "total")
#: Characters of ordinary report prose: common hanzi, digits, Latin letters, punctuation.
PROSE_ALPHABET = (
    "政府信息公开工作年度报告本机关主动依申请管理平台建设监督保障存在问题改进情况其他"
    "需要的事项全年共收到办理答复网站发布文件制度人员培训考核评议群众企业数据统计"
    "0123456789abcdefgXYZ，。；：、（）《》“”—%"
)


def counts(max_value: int = 1_000_000) -> st.SearchStrategy[int]:
    """Counts, mostly small (as most offices report), sometimes large."""
    return st.one_of(st.integers(0, 5), st.integers(0, 300), st.integers(0, max_value))


def amounts(max_places: int = 4) -> st.SearchStrategy[Decimal]:
    """Non-negative amounts with 0 to ``max_places`` decimal places, precision kept."""
    return st.builds(
        lambda units, places: Decimal(units).scaleb(-places),
        st.integers(0, 10**9),
        st.integers(0, max_places),
    )


def paragraphs(alphabet: str = PROSE_ALPHABET, max_size: int = 80) -> st.SearchStrategy[str]:
    """One paragraph of prose: non-empty, no line breaks, no surrounding whitespace."""
    return st.text(alphabet=alphabet, min_size=1, max_size=max_size)


def _parts(text: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[Part, ...]]:
    part = st.builds(
        Part,
        title=st.text(alphabet=PROSE_ALPHABET, min_size=1, max_size=20),
        paragraphs=st.lists(text, max_size=3).map(tuple),
    )
    return st.lists(part, max_size=5).map(tuple)


def narratives(text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Narrative]:
    """Narrative sections: a few opening paragraphs and a few titled parts."""
    text = paragraphs() if text is None else text
    return st.builds(Narrative, opening=st.lists(text, max_size=2).map(tuple), parts=_parts(text))


def proactive_disclosures(max_count: int = 100_000) -> st.SearchStrategy[ProactiveDisclosure]:
    """Table A, every cell drawn independently (no arithmetic binds them)."""
    c = counts(max_count)
    docs = st.builds(DocumentCounts, issued=c, repealed=c, in_force=c)
    return st.builds(
        ProactiveDisclosure,
        regulations=docs,
        normative_documents=docs,
        licensing=c,
        punishment=c,
        coercion=c,
        fees=amounts(),
    )


def proactive_disclosures_2019(
    max_count: int = 100_000,
) -> st.SearchStrategy[ProactiveDisclosure2019]:
    """Table A of the 2019 edition, every cell drawn independently; 本年增/减 signed."""
    c = counts(max_count)
    change = st.integers(-max_count, max_count)
    docs = st.builds(DocumentCounts2019, made=c, published=c, public_total=c)
    items = st.builds(ItemCounts2019, previous=c, change=change, decisions=c)
    return st.builds(
        ProactiveDisclosure2019,
        regulations=docs,
        normative_documents=docs,
        licensing=items,
        other_services=items,
        punishment=items,
        coercion=items,
        fees=st.builds(FeeItems2019, previous=c, change=change),
        procurement=st.builds(Procurement2019, projects=c, amount=amounts()),
    )


def _rows(c: st.SearchStrategy[int]) -> st.SearchStrategy[ApplicantCounts]:
    return st.builds(ApplicantCounts, **dict.fromkeys(_COLUMNS, c))


def _group(cls: Callable[..., Any], names: tuple[str, ...], c: st.SearchStrategy[int]) -> Any:  # noqa: ANN401
    return st.builds(cls, **dict.fromkeys(names, _rows(c)))


def _result_rows(c: st.SearchStrategy[int]) -> dict[str, Any]:
    """The result rows both editions share: （一） to （五）."""
    return {
        "disclosed": _rows(c),
        "partially_disclosed": _rows(c),
        "withheld": _group(Withheld, tuple(labels.RESULT_ITEMS["withheld"]), c),
        "unavailable": _group(Unavailable, tuple(labels.RESULT_ITEMS["unavailable"]), c),
        "not_processed": _group(NotProcessed, tuple(labels.RESULT_ITEMS["not_processed"]), c),
    }


@st.composite
def requests_tables(draw: st.DrawFn, max_count: int = 100_000) -> Requests:
    """Table B: results and carried-forward drawn, carried-over bounded, new derived."""
    # Sparse tables are the common case: most rows of most reports are zero.
    c = st.one_of(st.just(0), counts(max_count))
    other = _group(OtherHandling, tuple(labels.RESULT_ITEMS["other"]), c)
    results = draw(st.builds(HandlingResults, **_result_rows(c), other=other))
    return Requests(**_balanced(draw, results.total, _rows(c)), results=results)


@st.composite
def requests_tables_2019(draw: st.DrawFn, max_count: int = 100_000) -> Requests2019:
    """Table B of the 2019 edition (（六）其他处理 one row), drawn as :func:`requests_tables`."""
    c = st.one_of(st.just(0), counts(max_count))
    results = draw(st.builds(HandlingResults2019, **_result_rows(c), other=_rows(c)))
    return Requests2019(**_balanced(draw, results.total, _rows(c)), results=results)


def _balanced(
    draw: st.DrawFn, handled: ApplicantCounts, rows: st.SearchStrategy[ApplicantCounts]
) -> dict[str, ApplicantCounts]:
    """一, 二 and 四 around the handled row: 四 drawn, 二 bounded, 一 derived (B-BALANCE)."""
    forward = draw(rows)
    carried = {}
    new = {}
    for column in _COLUMNS:
        bound = getattr(handled, column) + getattr(forward, column)
        carried[column] = draw(st.integers(0, bound))
        new[column] = bound - carried[column]
    return {
        "new": ApplicantCounts(**new),
        "carried_over": ApplicantCounts(**carried),
        "carried_forward": forward,
    }


def appeals(max_count: int = 10_000) -> st.SearchStrategy[Appeals]:
    """Table C: the four results of each group drawn; totals follow."""
    c = st.one_of(st.just(0), counts(max_count))
    outcomes = st.builds(Outcomes, upheld=c, corrected=c, other=c, pending=c)
    return st.builds(
        Appeals,
        reconsideration=outcomes,
        direct_litigation=outcomes,
        litigation_after_reconsideration=outcomes,
    )


@st.composite
def _fees(draw: st.DrawFn) -> ProcessingFees:
    amount = draw(amounts(2))
    collected = draw(st.integers(0, int(amount * 100))) if amount else 0
    return ProcessingFees(
        notices=draw(counts(1000)),
        notices_amount=amount,
        collected=Decimal(collected).scaleb(-2) if collected else Decimal(0),
    )


_ORGANS = st.sampled_from(
    ["哈尔滨市阿城区金龙山镇", "某市生态环境局", "某省人民政府办公厅", "某县教育局", "国家某局"]
)


def reports(
    *,
    organs: st.SearchStrategy[str] = _ORGANS,
    years: st.SearchStrategy[int] | None = None,
    text: st.SearchStrategy[str] | None = None,
    max_count: int = 100_000,
    edition: str = "2021",
) -> st.SearchStrategy[AnnualReport]:
    """Sound reports of an ``edition`` ("2021", the default, or "2019"), of every size.

    Override any part you fix. The years are those of the edition (2021 to 2035; 2019 and
    2020), so that no report has E-EDITION. The reports pass every check, warnings
    included: fee notices are issued whenever applications were closed for unpaid fees
    (F-FEES), and no figure of the narrative contradicts the tables (T-TEXT; random prose
    can spell ``收到…申请27件``).

    >>> from hypothesis import find
    >>> find(reports(edition="2019"), lambda r: True).edition
    '2019'
    """
    if edition not in ("2021", "2019"):
        msg = f'edition must be "2021" or "2019", not {edition!r}'
        raise ValueError(msg)
    old = edition == "2019"
    if years is None:
        years = st.integers(2019, 2020) if old else st.integers(2021, 2035)
    text = paragraphs() if text is None else text
    short = st.text(alphabet=PROSE_ALPHABET, min_size=1, max_size=30)
    return (
        st.builds(
            _dated_report,
            organ=organs,
            year=years,
            edition=st.just(edition),
            preface=st.none() | st.lists(text, max_size=3).map(tuple),
            publication=st.none()
            | st.builds(Publication, site_name=short, url=st.just("https://www.example.gov.cn/")),
            contact=st.none()
            | st.builds(
                Contact,
                address=short,
                postcode=st.from_regex(r"\d{6}", fullmatch=True),
                telephone=st.from_regex(r"0\d{2,3}-\d{7,8}", fullmatch=True),
            ),
            # Days from 1 January of the report's year: a report is not dated before its year.
            date=st.none() | st.integers(0, 730),
            overview=narratives(text),
            proactive=(proactive_disclosures_2019 if old else proactive_disclosures)(max_count),
            requests=(requests_tables_2019 if old else requests_tables)(max_count),
            appeals=appeals(max_count),
            problems=narratives(text),
            other_matters=st.builds(
                OtherMatters,
                opening=st.lists(text, max_size=2).map(tuple),
                parts=_parts(text),
                fees=_fees(),
            ),
        )
        .map(_notices_for_unpaid_fees)
        .filter(_narrative_agrees)
    )


def _narrative_agrees(report: AnnualReport) -> bool:
    return not narrative_findings(report)


def _dated_report(*, date: int | None, **fields: Any) -> AnnualReport:  # noqa: ANN401
    year = fields["year"]
    day = None
    if date is not None:
        last = dt.date.max.toordinal()
        day = dt.date.fromordinal(min(dt.date(year, 1, 1).toordinal() + date, last))
    return AnnualReport(date=day, **fields)


def _notices_for_unpaid_fees(report: AnnualReport) -> AnnualReport:
    other = report.requests.results.other
    if not isinstance(other, OtherHandling):
        return report  # the 2019 edition has no （六）2 row
    unpaid = other.fee_unpaid.total
    fees = report.other_matters.fees
    if unpaid and not fees.notices:
        fees = attrs.evolve(fees, notices=unpaid)
        return attrs.evolve(report, other_matters=attrs.evolve(report.other_matters, fees=fees))
    return report
