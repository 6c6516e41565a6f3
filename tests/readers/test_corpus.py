"""Each document of ``tests/data/published/`` is one case: read, compare with its expected
cells (``*.expected.json``), and check that the audit names exactly the expected findings."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo_report import check
from govinfo_report.cells import CELLS
from govinfo_report.errors import ReportError
from govinfo_report.findings import Severity
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read

CORPUS = Path(__file__).parents[1] / "data" / "published"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".docx"))


def _expected(path: Path) -> dict[str, object]:
    return json.loads((path.parent / (path.name + ".expected.json")).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _num(value: object) -> object:
    return Decimal(value) if isinstance(value, str) else value


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_cells_as_expected(path: Path) -> None:
    expect = _expected(path)
    record = read(path)
    assert (record.organ, record.year) == (expect["organ"], expect["year"])
    values = {c.cell.path: c.number for c in record.cells}
    cells: dict[str, object] = expect["cells"]  # type: ignore[assignment]
    for cell in CELLS:
        found = values.get(cell.path, 0 if cell.table == "六" else None)
        assert found == _num(cells[cell.path]), cell.path


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_reading_notes(path: Path) -> None:
    expect = _expected(path)
    record = read(path)
    loose = sorted(str(f.found) for f in record.findings if f.code == "R-LABEL")
    assert loose == expect["loose_labels"]
    unread = [u.text for u in record.unread if "发布时间" not in u.text]
    assert unread == []


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_audit_names_exactly_the_errors(path: Path) -> None:
    expect = _expected(path)
    record = read(path)
    found = audit(record)
    findings = [(f.code, f.place.path) for f in found]
    assert findings == [tuple(a) for a in expect["audit"]]  # type: ignore[attr-defined]
    errors = [(f.code, f.place.path) for f in found if f.severity is Severity.ERROR]
    if errors:
        with pytest.raises(ReportError) as info:
            record.to_report()
        assert [(f.code, f.place.path) for f in info.value.findings] == errors
        assert all(f.severity is Severity.ERROR for f in info.value.findings)
    else:
        report = record.to_report()
        assert report.organ == expect["organ"]
        # the warnings (F-FEES) are those of the report made from the record
        assert [f for f in found if f.severity is not Severity.ERROR] == check(report)


def test_sample_narrative_kept() -> None:
    record = read(CORPUS / "jinlongshan-2021.txt")
    overview = record.section("overview")
    assert overview is not None
    assert overview.heading == "总体情况"
    assert [p.title for p in overview.parts] == [
        "主动公开",
        "依申请公开情况",
        "政府信息管理情况",
        "政务公开平台建设情况",
        "监督保障情况",
    ]
    problems = record.section("problems")
    assert problems is not None
    assert [p.title for p in problems.parts] == ["主要问题", "改进情况"]
    cell = record.cell(("appeals", "litigation_after_reconsideration", "total"))
    assert cell is not None
    assert cell.source.line == 522
