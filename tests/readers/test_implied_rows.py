"""A row left out of Table 二 or 三 is read as 0 by the audit as by ``to_report()``.

The audit notes such a row (R-IMPLIED) and ``to_report()`` makes it 0s; the sums through
it must then be checked with those 0s, or the audit says sound (no error) of a record that
``to_report()`` refuses (B-HANDLED): a row the reader could not read (garbled glyphs, a
label it did not know) read as zeros without a word. Each row of the example report is
left out of its flattened text in turn.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report import ReportError, is_consistent, labels
from govinfo_report.formats.json.codec import loads
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_text

from . import flattext

ROOT = Path(__file__).parents[2]
CITY = loads((ROOT / "examples" / "city-department-2023.json").read_text(encoding="utf-8"))
TEXT = flattext.spaced(flattext.render(CITY))
LINES = TEXT.splitlines()
_START = LINES.index(labels.SECTIONS["proactive"].full)
_END = LINES.index(labels.SECTIONS["appeals"].full)
_REQUESTS = LINES.index(labels.SECTIONS["requests"].full)
ROWS = [i for i in range(_START, _END) if LINES[i].rsplit(" ", 1)[-1].isdigit()]


@pytest.mark.parametrize("at", ROWS, ids=[LINES[i][:16] for i in ROWS])
def test_audit_and_to_report_agree_on_a_row_left_out(at: int) -> None:
    record = read_text("\n".join(LINES[:at] + LINES[at + 1 :]))
    try:
        record.to_report()
    except ReportError:
        refused = True
    else:
        refused = False
    assert is_consistent(record) is not refused
    stated = not LINES[at].startswith("（七）")  # 总计 is computed: left out, it is computed
    if at > _REQUESTS and stated and set(LINES[at].split(" ")[-7:]) != {"0"}:
        # a row of Table 三 of figures other than 0: its sums do not hold without it
        assert refused
        assert [f for f in audit(record) if f.severity.name == "ERROR"]
