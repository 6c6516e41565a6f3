"""Proactive disclosure (主动公开政府信息情况), section 二: Table A (format section 3)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govinfo_report import labels
from govinfo_report.model._fields import amount, child, count, fields_checked

__all__ = ["DocumentCounts", "ProactiveDisclosure"]


@attrs.frozen(kw_only=True, weakref_slot=False)
class DocumentCounts:
    """Documents issued, repealed and in force (本年制发件数/本年废止件数/现行有效件数), Table A.

    ``in_force`` is the stock in force at year end, not this year's output.
    """

    issued: int = count()
    repealed: int = count()
    in_force: int = count()

    __attrs_post_init__ = fields_checked(labels.DOCUMENT_COLUMNS)


@attrs.frozen(kw_only=True, weakref_slot=False)
class ProactiveDisclosure:
    """Proactive disclosure (主动公开政府信息情况), section 二, Table A.

    ``regulations`` (规章) and ``normative_documents`` (行政规范性文件) under 第二十条第（一）项;
    decisions on licensing (行政许可, 第（五）项), punishment and coercion (行政处罚,
    行政强制, 第（六）项) made this year; ``fees``: administrative fees collected this year
    (行政事业性收费, 第（八）项), in 万元, with the precision the author gave.
    """

    regulations: DocumentCounts = child(DocumentCounts)
    normative_documents: DocumentCounts = child(DocumentCounts)
    licensing: int = count()
    punishment: int = count()
    coercion: int = count()
    fees: Decimal = amount()

    __attrs_post_init__ = fields_checked(
        {
            "licensing": labels.DECISIONS_COLUMN,
            "punishment": labels.DECISIONS_COLUMN,
            "coercion": labels.DECISIONS_COLUMN,
            "fees": labels.FEES_COLUMN,
        }
    )
