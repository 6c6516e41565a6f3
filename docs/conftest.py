"""Doctests in docs/*.md run from the repository root, so ``examples/…`` paths resolve."""  # noqa: INP001 - docs/ is no package

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _run_from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
