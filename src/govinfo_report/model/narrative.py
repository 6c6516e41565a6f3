"""The narrative sections: overview (一), problems (五), other matters (六) with the fees."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govinfo_report import labels
from govinfo_report.model._fields import (
    MAX_PARTS,
    amount,
    child,
    count,
    fields_checked,
    items,
    text,
    texts,
)

__all__ = ["Narrative", "OtherMatters", "Part", "ProcessingFees"]


@attrs.frozen(kw_only=True, weakref_slot=False)
class Part:
    """A titled part of a narrative section, printed as ``（一）title`` then its paragraphs.

    ``title`` is the text without its number (``主动公开``); numbers are given by position.
    """

    title: str = text()
    paragraphs: tuple[str, ...] = texts()


@attrs.frozen(kw_only=True, weakref_slot=False)
class Narrative:
    """A narrative section: optional opening paragraphs, then titled parts.

    Used for section 一 (总体情况: the five aspects 主动公开、依申请公开、政府信息管理、
    政府信息公开平台建设、监督保障) and section 五 (存在的主要问题及改进情况).
    """

    opening: tuple[str, ...] = texts()
    parts: tuple[Part, ...] = items(Part, MAX_PARTS)


@attrs.frozen(kw_only=True, weakref_slot=False)
class ProcessingFees:
    """The information-processing fee (信息处理费) reported in section 六, amounts in 元.

    ``notices``: 发出收费通知的件数; ``notices_amount``: their 总金额; ``collected``:
    实际收取的总金额 (国办函〔2020〕109号).
    """

    notices: int = count()
    notices_amount: Decimal = amount()
    collected: Decimal = amount()

    __attrs_post_init__ = fields_checked(labels.FEE_LABELS)


@attrs.frozen(kw_only=True, weakref_slot=False)
class OtherMatters:
    """Other matters (其他需要报告的事项), section 六: narrative plus the processing fees."""

    opening: tuple[str, ...] = texts()
    parts: tuple[Part, ...] = items(Part, MAX_PARTS)
    fees: ProcessingFees = child(ProcessingFees)
