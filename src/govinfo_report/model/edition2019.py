"""The sections of the 2019 edition (国办公开办函〔2019〕60号, format section 7) that differ.

Reports on 2019 and 2020 follow the earlier format. Its Table A (section 二) has other rows
and columns than 2021's, among them the one signed count of the format, 本年增/减 (the
change in the number of items, which may be below zero); its Table B (section 三) has
（六）其他处理 as one row, without sub-items. Table C and the narrative sections are those of
2021. The classes are frozen and check every value when made, as the 2021 ones do.

>>> from govinfo_report.errors import ReportError
>>> row = ItemCounts2019(previous=12, change=-3, decisions=40)
>>> row.change
-3
>>> try:
...     ItemCounts2019(previous=-1)
... except ReportError as err:
...     print(err.findings[0].code, err.findings[0].place.path, err.findings[0].place.column)
A-NONNEG $.previous 上一年项目数量
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Final

import attrs

from govinfo_report import labels
from govinfo_report.model._fields import amount, check_fields, child, count, signed_count
from govinfo_report.model.requests import (
    ApplicantCounts,
    NotProcessed,
    Requests,
    Unavailable,
    Withheld,
)

__all__ = [
    "DocumentCounts2019",
    "FeeItems2019",
    "HandlingResults2019",
    "ItemCounts2019",
    "ProactiveDisclosure2019",
    "Procurement2019",
    "Requests2019",
]

#: The one signed field name of the 2019 Table A (本年增/减).
SIGNED_FIELD: Final = "change"


# --- Table A (section 二) -------------------------------------------------------------


@attrs.frozen(kw_only=True, weakref_slot=False)
class DocumentCounts2019:
    """规章 or 规范性文件 (第二十条第（一）项) in the 2019 Table A.

    ``made`` (本年新制作数量), ``published`` (本年新公开数量) and ``public_total``
    (对外公开总数量, the documents public at year end).
    """

    made: int = count()
    published: int = count()
    public_total: int = count()

    def __attrs_post_init__(self) -> None:
        check_fields(self, labels.DOCUMENT_COLUMNS_2019)


@attrs.frozen(kw_only=True, weakref_slot=False)
class ItemCounts2019:
    """A row of the （五） and （六） groups of the 2019 Table A.

    ``previous`` (上一年项目数量), ``change`` (本年增/减, signed: the one count of the format
    that may be below zero) and ``decisions`` (处理决定数量).
    """

    previous: int = count()
    change: int = signed_count()
    decisions: int = count()

    def __attrs_post_init__(self) -> None:
        check_fields(self, labels.ITEM_COLUMNS_2019)


@attrs.frozen(kw_only=True, weakref_slot=False)
class FeeItems2019:
    """行政事业性收费 (第二十条第（八）项) in the 2019 Table A: items, not amounts.

    ``previous`` (上一年项目数量) and ``change`` (本年增/减, signed).
    """

    previous: int = count()
    change: int = signed_count()

    def __attrs_post_init__(self) -> None:
        check_fields(self, labels.FEE_ITEM_COLUMNS_2019)


@attrs.frozen(kw_only=True, weakref_slot=False)
class Procurement2019:
    """政府集中采购 (第二十条第（九）项) in the 2019 Table A.

    ``projects`` (采购项目数量) and ``amount`` (采购总金额, with the precision the author
    gave; the format prints no unit, reports write 元 or 万元).
    """

    projects: int = count()
    amount: Decimal = amount()

    def __attrs_post_init__(self) -> None:
        check_fields(self, labels.PROCUREMENT_COLUMNS_2019)


@attrs.frozen(kw_only=True, weakref_slot=False)
class ProactiveDisclosure2019:
    """Proactive disclosure (主动公开政府信息情况), section 二, Table A of the 2019 edition.

    ``regulations`` (规章) and ``normative_documents`` (规范性文件) under 第二十条第（一）项;
    ``licensing`` (行政许可) and ``other_services`` (其他对外管理服务事项) under （五）;
    ``punishment`` (行政处罚) and ``coercion`` (行政强制) under （六）; ``fees``
    (行政事业性收费) under （八）; ``procurement`` (政府集中采购) under （九）.
    """

    regulations: DocumentCounts2019 = child(DocumentCounts2019)
    normative_documents: DocumentCounts2019 = child(DocumentCounts2019)
    licensing: ItemCounts2019 = child(ItemCounts2019)
    other_services: ItemCounts2019 = child(ItemCounts2019)
    punishment: ItemCounts2019 = child(ItemCounts2019)
    coercion: ItemCounts2019 = child(ItemCounts2019)
    fees: FeeItems2019 = child(FeeItems2019)
    procurement: Procurement2019 = child(Procurement2019)


# --- Table B (section 三) -------------------------------------------------------------

_APPLICANTS: Final = tuple(c for c in labels.APPLICANT_COLUMNS if c != "total")


def _sum_rows(rows: list[ApplicantCounts]) -> ApplicantCounts:
    """The column-wise sum of rows, made in one step."""
    return ApplicantCounts(
        **{column: sum(getattr(row, column) for row in rows) for column in _APPLICANTS}
    )


@attrs.frozen(kw_only=True, weakref_slot=False)
class HandlingResults2019:
    """三、本年度办理结果 of the 2019 edition: （六）其他处理 is one row (``other``).

    ``total`` (（七）总计) is computed, as in 2021 (rule B-HANDLED holds by construction).
    """

    GROUPS: ClassVar[tuple[str, ...]] = ("withheld", "unavailable", "not_processed")

    disclosed: ApplicantCounts = child(ApplicantCounts)
    partially_disclosed: ApplicantCounts = child(ApplicantCounts)
    withheld: Withheld = child(Withheld)
    unavailable: Unavailable = child(Unavailable)
    not_processed: NotProcessed = child(NotProcessed)
    other: ApplicantCounts = child(ApplicantCounts)

    @property
    def total(self) -> ApplicantCounts:
        """（七）总计: the sum of every result row."""
        return _sum_rows(self.rows())

    def rows(self) -> list[ApplicantCounts]:
        """Every result row, in print order: （一）, （二）, the items of （三）–（五）, （六）."""
        rows = [self.disclosed, self.partially_disclosed]
        for group in (self.withheld, self.unavailable, self.not_processed):
            rows.extend(getattr(group, name) for name in group.ITEMS)
        rows.append(self.other)
        return rows


@attrs.frozen(kw_only=True, weakref_slot=False)
class Requests2019:
    """Requests received and handled, section 三, Table B of the 2019 edition.

    As :class:`~govinfo_report.model.Requests`, with the 2019 results; the 勾稽关系
    (B-BALANCE) is checked, for all seven columns, when the object is made.
    """

    new: ApplicantCounts = child(ApplicantCounts)
    carried_over: ApplicantCounts = child(ApplicantCounts)
    results: HandlingResults2019 = child(HandlingResults2019)
    carried_forward: ApplicantCounts = child(ApplicantCounts)

    # The balance reads only new, carried_over, results.total and carried_forward.
    __attrs_post_init__ = Requests.__attrs_post_init__
