"""Hypothesis entry point: ``st.from_type(AnnualReport)`` draws from ``testing.reports()``.

Hypothesis runs its entry points while it is itself being imported, which may happen in the
middle of importing :mod:`govinfo_report.testing`. So this module imports neither; the
strategy is looked up when the first report is drawn.
"""

from __future__ import annotations

import importlib
from typing import Any


def _reports() -> Any:  # noqa: ANN401 - a hypothesis strategy, typed where it is defined
    return importlib.import_module("govinfo_report.testing").reports()


def setup() -> None:
    """Register the strategy for :class:`~govinfo_report.AnnualReport` (lazily)."""
    strategies = importlib.import_module("hypothesis.strategies")
    model = importlib.import_module("govinfo_report.model")
    strategies.register_type_strategy(model.AnnualReport, strategies.deferred(_reports))
