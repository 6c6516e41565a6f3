"""The guards of the many-report tools' public functions: reports, or a clear TypeError (private).

Each names the function and its parameter in Chinese and English, so a caller who passes a
path, a dict or ``None`` where a report belongs learns which argument is wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govinfo_report.model import AnnualReport

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["require_report", "require_reports"]


def require_report(value: object, func: str, name: str) -> AnnualReport:
    """``value`` if it is a report, else a :class:`TypeError` naming ``func``'s parameter."""
    if not isinstance(value, AnnualReport):
        kind = type(value).__name__
        msg = (
            f"{func}() 的参数 {name} 应为 AnnualReport，实际为 {kind} | "
            f"{func}() argument {name} must be an AnnualReport, not {kind}"
        )
        raise TypeError(msg)
    return value


def require_reports(value: object, func: str, name: str) -> Iterator[AnnualReport]:
    """The reports of the iterable ``value``, each checked with :func:`require_report`."""
    try:
        items = iter(value)  # type: ignore[call-overload]
    except TypeError:
        kind = type(value).__name__
        msg = (
            f"{func}() 的参数 {name} 应为若干 AnnualReport（可迭代对象），实际为 {kind} | "
            f"{func}() argument {name} must be an iterable of AnnualReport, not {kind}"
        )
        raise TypeError(msg) from None
    for i, item in enumerate(items):
        yield require_report(item, func, f"{name}[{i}]")
