"""Reconsideration and litigation (政府信息公开行政复议、行政诉讼情况), section 四."""

from __future__ import annotations

import attrs

from govinfo_report import labels
from govinfo_report.model._fields import child, count, fields_checked

__all__ = ["Appeals", "Outcomes"]


@attrs.frozen(kw_only=True, weakref_slot=False)
class Outcomes:
    """One group of Table C: 结果维持, 结果纠正, 其他结果, 尚未审结; ``total`` (总计) computed."""

    upheld: int = count()
    corrected: int = count()
    other: int = count()
    pending: int = count()

    __attrs_post_init__ = fields_checked(labels.APPEAL_COLUMNS)

    @property
    def total(self) -> int:
        """总计: the sum of the four results (rule C-TOTAL holds by construction)."""
        return self.upheld + self.corrected + self.other + self.pending


@attrs.frozen(kw_only=True, weakref_slot=False)
class Appeals:
    """Reconsideration and litigation (政府信息公开行政复议、行政诉讼情况), section 四, Table C.

    ``reconsideration`` (行政复议), ``direct_litigation`` (行政诉讼/未经复议直接起诉) and
    ``litigation_after_reconsideration`` (行政诉讼/复议后起诉).
    """

    reconsideration: Outcomes = child(Outcomes)
    direct_litigation: Outcomes = child(Outcomes)
    litigation_after_reconsideration: Outcomes = child(Outcomes)
