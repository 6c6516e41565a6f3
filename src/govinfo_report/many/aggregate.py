"""Summing many reports (汇总): a district's total from its units' reports.

:func:`aggregate` adds up every cell a person fills in (Tables A, B and C and the fee
figures of section 六, as listed by :data:`~govinfo_report.cells.CELLS`) and builds the
total through the model's constructors, so the total is checked like any report and its
printed totals follow from its cells. The narrative is left empty for the author.

It takes any iterable and keeps one running sum per cell, never a list of reports, so a
folder or a JSON Lines file of any length is summed in constant memory
(:func:`iter_reports` reads them one at a time).

>>> import attrs
>>> from govinfo_report import AnnualReport
>>> from govinfo_report.model import ApplicantCounts, Requests
>>> def unit(organ: str, n: int) -> AnnualReport:
...     new = ApplicantCounts(natural_person=n)
...     return AnnualReport(organ=organ, year=2023,
...                         requests=Requests(new=new, carried_forward=new))
>>> total = aggregate([unit("甲镇", 2), unit("乙镇", 3)], organ="某县")
>>> total.organ, total.year, total.requests.new.total, total.requests.carried_forward.total
('某县', 2023, 5, 5)
>>> try:
...     aggregate([unit("甲镇", 2), attrs.evolve(unit("乙镇", 3), year=2022)], organ="某县")
... except MismatchError as err:
...     print(err.index, err.organ)
...     print(err.message("zh"))
...     print(err.message("en"))
2 乙镇
第 2 份报告（乙镇）是 2022 年度的，应为 2023 年度
report 2 (乙镇) is for 2022, not 2023
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from govinfo_report.cells import CELLS, CellKey, cell_by_key, cell_values, cells_of
from govinfo_report.errors import MismatchError
from govinfo_report.many._guards import require_report, require_reports
from govinfo_report.many._inputs import Loaded, is_report_file, iter_reports
from govinfo_report.model import DEFAULT_EDITION, EDITIONS, AnnualReport, from_cells

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "SUMMED_CELLS",
    "Aggregator",
    "Loaded",
    "MismatchError",
    "aggregate",
    "is_report_file",
    "iter_reports",
    "report_from_cells",
]

#: The cells that are summed: every printed cell a person fills in (totals follow from them),
#: in the 2021 edition; a sum of 2019 reports sums the fillable cells of that edition.
SUMMED_CELLS: Final = tuple(c for c in CELLS if not c.computed)
_SUMMED: Final = {
    edition: tuple(c for c in cells_of(edition) if not c.computed) for edition in EDITIONS
}
_SUMMED_VALUES: Final = {
    edition: cell_values(tuple(c.key for c in cells)) for edition, cells in _SUMMED.items()
}

# Sums of amounts are exact: enough digits for any realistic number of realistic amounts.
_EXACT: Final = decimal.Context(prec=200, traps=[decimal.Inexact, decimal.InvalidOperation])


def _zeros(edition: str) -> dict[CellKey, int | Decimal]:
    kinds = cell_by_key(edition)
    return {c.key: Decimal(0) if kinds[c.key].kind == "amount" else 0 for c in _SUMMED[edition]}


class Aggregator:
    """A running sum of reports of one year and edition, for :func:`aggregate`.

    Use it directly to sum a stream whose items may fail on their own (the command line
    does): :meth:`add` refuses a report of another year or edition with
    :class:`MismatchError` and leaves the sum unchanged. ``count`` is the number of
    reports summed, ``offered`` the number offered (refused ones included).
    """

    __slots__ = ("count", "edition", "offered", "sums", "year")

    def __init__(self, *, year: int | None = None, edition: str | None = None) -> None:
        """An empty sum; ``year`` and ``edition`` default to those of the first report added."""
        self.year = year
        self.edition = edition
        self.count = 0
        self.offered = 0
        known = edition if edition in _SUMMED else DEFAULT_EDITION
        self.sums: dict[CellKey, int | Decimal] = _zeros(known)

    def _refusal(self, report: AnnualReport, n: int | None = None) -> MismatchError | None:
        """Why :meth:`add` would refuse ``report`` (another year or edition), else ``None``.

        ``n`` is the report's 1-based position (default: the next one offered).
        """
        n = self.offered + 1 if n is None else n
        if self.edition is not None and report.edition != self.edition:
            return MismatchError(
                n,
                report.organ,
                f"第 {n} 份报告（{report.organ}）采用 {report.edition} 版格式，"
                f"应为 {self.edition} 版",
                f"report {n} ({report.organ}) follows the {report.edition} edition, "
                f"not {self.edition}",
            )
        if self.year is not None and report.year != self.year:
            return MismatchError(
                n,
                report.organ,
                f"第 {n} 份报告（{report.organ}）是 {report.year} 年度的，应为 {self.year} 年度",
                f"report {n} ({report.organ}) is for {report.year}, not {self.year}",
            )
        return None

    def add(self, report: AnnualReport) -> None:
        """Add one report's cells; raises :class:`MismatchError` for another year or edition.

        Anything but a report raises :class:`TypeError`.
        """
        require_report(report, "Aggregator.add", "report")
        self.offered += 1
        n = self.offered
        refused = self._refusal(report, n)
        if refused is not None:
            raise refused
        if self.count == 0 and self.edition is None and report.edition != DEFAULT_EDITION:
            self.sums = _zeros(report.edition)  # the first report's edition: its cells
        sums = self.sums
        values = _SUMMED_VALUES[report.edition](report)
        try:
            added = [
                _EXACT.add(total, value) if isinstance(total, Decimal) else total + value
                for total, value in zip(sums.values(), values, strict=True)
            ]
        except decimal.DecimalException:
            raise MismatchError(
                n,
                report.organ,
                f"第 {n} 份报告（{report.organ}）的金额过大，无法精确求和",
                f"report {n} ({report.organ}) has an amount too large to sum exactly",
            ) from None
        # All or nothing: the sum changes only once every cell has been added.
        for key, value in zip(sums, added, strict=True):
            sums[key] = value
        self.year = report.year
        self.edition = report.edition
        self.count += 1

    def result(self, *, organ: str, year: int | None = None) -> AnnualReport:
        """The total as a report of ``organ`` (year: the given one, else the reports')."""
        year = year if year is not None else self.year
        if year is None:
            raise MismatchError(
                None,
                organ,
                "没有可汇总的报告，且未指定年度",
                "there are no reports to sum and no year was given",
            )
        return from_cells(
            self.sums, organ=organ, year=year, edition=self.edition or DEFAULT_EDITION
        )


def aggregate(
    reports: Iterable[AnnualReport], *, organ: str, year: int | None = None
) -> AnnualReport:
    """The sum of ``reports`` as the report of ``organ`` for their common year.

    Every fillable cell is summed and the narrative left empty. Raises
    :class:`MismatchError` when the reports' years (or ``year``, when given) or editions
    differ, naming the first offending report, and when ``reports`` is empty and no
    ``year`` is given (with a year, the total of nothing is an all-zero report).
    Anything in ``reports`` but a report raises :class:`TypeError`.
    """
    acc = Aggregator(year=year)
    for report in require_reports(reports, "aggregate", "reports"):
        acc.add(report)
    return acc.result(organ=organ, year=year)


def report_from_cells(
    cells: dict[CellKey, int | Decimal], *, organ: str, year: int, edition: str = DEFAULT_EDITION
) -> AnnualReport:
    """A report with the given fillable cells (missing cells 0) and an empty narrative.

    The summed cells as a report: :func:`govinfo_report.from_cells`, which raises
    :class:`~govinfo_report.errors.ReportError` for a bad value.
    """
    return from_cells(cells, organ=organ, year=year, edition=edition)
