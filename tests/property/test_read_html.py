"""A sound report rendered to HTML the way Word exports it reads back with the same numbers
(format section 6: blanks, ``/`` and ``—`` mean 0)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.cells import CELLS, cell_value
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_html
from govinfo_report.testing import reports

if TYPE_CHECKING:
    from types import ModuleType

    from govinfo_report import AnnualReport


def _helper() -> ModuleType:
    path = Path(__file__).parents[1] / "readers" / "wordhtml.py"
    spec = importlib.util.spec_from_file_location("wordhtml", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORDHTML = _helper()


@settings(max_examples=25)
@given(
    reports(),
    st.lists(st.sampled_from(["0", "/", "", "—", "－", "无"]), min_size=1, max_size=5),
    st.booleans(),
    st.sampled_from(["gbk", "utf-8", "gb18030"]),
)
def test_word_export_reads_back(
    report: AnnualReport,
    zeros: list[str],
    variants: bool,  # noqa: FBT001 - drawn by hypothesis
    encoding: str,
) -> None:
    counter = iter(range(100_000))
    page = WORDHTML.render(
        report, zero=lambda _key: zeros[next(counter) % len(zeros)], variants=variants
    )
    record = read_html(page.encode(encoding, errors="replace"))
    values = record.values()
    for cell in CELLS:
        assert values.get(cell.key, 0) == cell_value(report, cell.key), cell.path
    assert [f for f in audit(record) if f.code != "F-FEES"] == []
    back = record.to_report()
    assert back.requests == report.requests
    assert back.proactive == report.proactive
    assert back.appeals == report.appeals
