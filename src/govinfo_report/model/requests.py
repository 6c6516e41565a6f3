"""Requests received and handled (收到和处理政府信息公开申请情况), section 三: Table B."""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from govinfo_report import labels
from govinfo_report.errors import ReportError
from govinfo_report.findings import rebase
from govinfo_report.model._fields import child, count, fields_checked
from govinfo_report.rules.catalogue import BALANCE_RULES, MAX_COUNT, evaluate

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ApplicantCounts",
    "HandlingResults",
    "NotProcessed",
    "OtherHandling",
    "Requests",
    "Unavailable",
    "Withheld",
]

_APPLICANTS = tuple(c for c in labels.APPLICANT_COLUMNS if c != "total")
#: The six applicant columns of a row, as one tuple.
_COLUMNS = operator.attrgetter(*_APPLICANTS)


@attrs.frozen(kw_only=True, weakref_slot=False)
class ApplicantCounts:
    """One row of Table B: counts by applicant (申请人情况); ``total`` (总计) computed.

    >>> row = ApplicantCounts(natural_person=3, commercial_enterprise=1)
    >>> row.total
    4
    >>> row + ApplicantCounts(other=2) == ApplicantCounts(natural_person=3,
    ...     commercial_enterprise=1, other=2)
    True
    """

    natural_person: int = count()
    commercial_enterprise: int = count()
    research_institution: int = count()
    social_welfare_organization: int = count()
    legal_service_agency: int = count()
    other: int = count()

    __attrs_post_init__ = fields_checked(labels.APPLICANT_COLUMNS)

    @property
    def total(self) -> int:
        """总计: the sum of the six applicant columns (rule B-ROWTOTAL holds by construction)."""
        return (
            self.natural_person
            + self.commercial_enterprise
            + self.research_institution
            + self.social_welfare_organization
            + self.legal_service_agency
            + self.other
        )

    def __add__(self, other: ApplicantCounts) -> ApplicantCounts:
        """Column-wise sum of two rows."""
        if not isinstance(other, ApplicantCounts):
            return NotImplemented
        return ApplicantCounts(**{c: getattr(self, c) + getattr(other, c) for c in _APPLICANTS})


def _rows() -> Any:  # noqa: ANN401 - attrs.field() is typed as Any by design
    return child(ApplicantCounts)


def _column_sums(rows: Iterable[ApplicantCounts]) -> list[int]:
    """The sum of each of the six applicant columns over ``rows``, without making a row."""
    return [sum(column) for column in zip(*map(_COLUMNS, rows), strict=True)]


def _sum_rows(rows: list[ApplicantCounts]) -> ApplicantCounts:
    """The column-wise sum of rows, made in one step."""
    return ApplicantCounts(**dict(zip(_APPLICANTS, _column_sums(rows), strict=True)))


class _Group:
    """Shared behaviour of the result groups with sub-items: their subtotal."""

    __slots__ = ()
    ITEMS: ClassVar[tuple[str, ...]]

    @property
    def subtotal(self) -> ApplicantCounts:
        """The group's sum (the table prints no such row; offered for analysis)."""
        return _sum_rows([getattr(self, name) for name in self.ITEMS])


@attrs.frozen(kw_only=True, weakref_slot=False)
class Withheld(_Group):
    """（三）不予公开: the eight grounds for withholding, 1.属于国家秘密 … 8.属于行政查询事项."""

    ITEMS: ClassVar[tuple[str, ...]] = tuple(labels.RESULT_ITEMS["withheld"])

    state_secret: ApplicantCounts = _rows()
    prohibited_by_law: ApplicantCounts = _rows()
    endangers_security: ApplicantCounts = _rows()
    third_party_rights: ApplicantCounts = _rows()
    internal_affairs: ApplicantCounts = _rows()
    process_information: ApplicantCounts = _rows()
    enforcement_files: ApplicantCounts = _rows()
    query_matters: ApplicantCounts = _rows()


@attrs.frozen(kw_only=True, weakref_slot=False)
class Unavailable(_Group):
    """（四）无法提供: the three grounds, 1.本机关不掌握相关政府信息 … 3.补正后申请内容仍不明确."""

    ITEMS: ClassVar[tuple[str, ...]] = tuple(labels.RESULT_ITEMS["unavailable"])

    not_held: ApplicantCounts = _rows()
    needs_creation: ApplicantCounts = _rows()
    still_unclear: ApplicantCounts = _rows()


@attrs.frozen(kw_only=True, weakref_slot=False)
class NotProcessed(_Group):
    """（五）不予处理: the five grounds, 1.信访举报投诉类申请 … 5.要求行政机关确认或重新出具….

    The last is 5.要求行政机关确认或重新出具已获取信息.
    """

    ITEMS: ClassVar[tuple[str, ...]] = tuple(labels.RESULT_ITEMS["not_processed"])

    petition: ApplicantCounts = _rows()
    repeated: ApplicantCounts = _rows()
    publication: ApplicantCounts = _rows()
    mass_repeated: ApplicantCounts = _rows()
    confirmation: ApplicantCounts = _rows()


@attrs.frozen(kw_only=True, weakref_slot=False)
class OtherHandling(_Group):
    """（六）其他处理: 1. no correction in time, 2. fee not paid in time, 3.其他 (2021 edition)."""

    ITEMS: ClassVar[tuple[str, ...]] = tuple(labels.RESULT_ITEMS["other"])

    no_correction: ApplicantCounts = _rows()
    fee_unpaid: ApplicantCounts = _rows()
    other: ApplicantCounts = _rows()


@attrs.frozen(kw_only=True, weakref_slot=False)
class HandlingResults:
    """三、本年度办理结果: results （一）–（六）; ``total`` (（七）总计) computed.

    Each application handled in the year falls in exactly one result row; one handled by
    区分处理 counts only under （二）部分公开 (rule B-PARTIAL).
    """

    disclosed: ApplicantCounts = _rows()
    partially_disclosed: ApplicantCounts = _rows()
    withheld: Withheld = child(Withheld)
    unavailable: Unavailable = child(Unavailable)
    not_processed: NotProcessed = child(NotProcessed)
    other: OtherHandling = child(OtherHandling)

    @property
    def total(self) -> ApplicantCounts:
        """（七）总计: the sum of every result row (rule B-HANDLED holds by construction)."""
        return _sum_rows(self.rows())

    def rows(self) -> list[ApplicantCounts]:
        """Every result row, in print order: （一）, （二）, then each group's sub-items."""
        return [
            self.disclosed,
            self.partially_disclosed,
            *_WITHHELD(self.withheld),
            *_UNAVAILABLE(self.unavailable),
            *_NOT_PROCESSED(self.not_processed),
            *_OTHER(self.other),
        ]


_WITHHELD = operator.attrgetter(*Withheld.ITEMS)
_UNAVAILABLE = operator.attrgetter(*Unavailable.ITEMS)
_NOT_PROCESSED = operator.attrgetter(*NotProcessed.ITEMS)
_OTHER = operator.attrgetter(*OtherHandling.ITEMS)


def _balances(requests: Requests) -> bool:
    """一 + 二 = 三（七） + 四 in each column, and （七） within the bound of a count.

    Summed once per column from the result rows, without making the （七） row: when this
    holds, making that row and applying B-BALANCE would find nothing.
    """
    handled = _column_sums(requests.results.rows())
    return all(
        total <= MAX_COUNT and new + over == total + forward
        for new, over, total, forward in zip(
            _COLUMNS(requests.new),
            _COLUMNS(requests.carried_over),
            handled,
            _COLUMNS(requests.carried_forward),
            strict=True,
        )
    )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Requests:
    """Requests received and handled (收到和处理政府信息公开申请情况), section 三, Table B.

    ``new`` (一), ``carried_over`` (二), ``results`` (三) and ``carried_forward`` (四). The
    勾稽关系 一 + 二 = 三（七） + 四 (rule B-BALANCE) is checked, for all seven columns, when
    the object is made: a ``Requests`` that exists balances.
    """

    new: ApplicantCounts = _rows()
    carried_over: ApplicantCounts = _rows()
    results: HandlingResults = child(HandlingResults)
    carried_forward: ApplicantCounts = _rows()

    def __attrs_post_init__(self) -> None:
        if _balances(self):
            return
        handled = self.results.total  # refused when a column's sum exceeds MAX_COUNT
        values: dict[tuple[str, ...], int] = {}
        for column in labels.APPLICANT_COLUMNS:
            values["requests", "new", column] = getattr(self.new, column)
            values["requests", "carried_over", column] = getattr(self.carried_over, column)
            values["requests", "results", "total", column] = getattr(handled, column)
            values["requests", "carried_forward", column] = getattr(self.carried_forward, column)
        findings = evaluate(values, BALANCE_RULES)
        if findings:  # placed relative to this object, as every model finding is
            raise ReportError(
                rebase(f, attrs.evolve(f.place, path=f.place.path.replace("$.requests", "$", 1)))
                for f in findings
            )
