"""The supervisor's workbook: 30 unit workbooks summed; the total sheet equals the sum."""

from __future__ import annotations

import io
import random
from decimal import Decimal

import openpyxl
from openpyxl.utils import get_column_letter

from govinfo_report import aggregate, audit, labels
from govinfo_report.cells import cell_value
from govinfo_report.findings import Place, make_finding
from govinfo_report.formats.xlsx.summary import (
    FINDINGS_SHEET,
    KEY_FIGURES,
    UNITS_SHEET,
    Unit,
    heading,
    summary_bytes,
)
from govinfo_report.formats.xlsx.writer import xlsx_bytes
from govinfo_report.model import (
    AnnualReport,
    Appeals,
    ApplicantCounts,
    DocumentCounts,
    HandlingResults,
    Outcomes,
    ProactiveDisclosure,
    Requests,
    Withheld,
)
from govinfo_report.published.readers import read_xlsx
from govinfo_report.rules.checks import check

_APPLICANTS = tuple(c for c in labels.APPLICANT_COLUMNS if c != "total")


def _unit(i: int) -> AnnualReport:
    """Unit ``i``: figures of every kind, sound (the balance holds column by column)."""
    rng = random.Random(i)  # noqa: S311 - reproducible test figures, not secrets

    def counts(top: int) -> dict[str, int]:
        return {c: rng.randint(0, top) for c in _APPLICANTS}

    new, over = counts(40), counts(5)
    forward = {c: rng.randint(0, new[c] + over[c]) // 3 for c in _APPLICANTS}
    handled = {c: new[c] + over[c] - forward[c] for c in _APPLICANTS}
    withheld = {c: handled[c] // 4 for c in _APPLICANTS}
    disclosed = {c: handled[c] - withheld[c] for c in _APPLICANTS}
    return AnnualReport(
        organ=f"第{i}乡镇",
        year=2025,
        proactive=ProactiveDisclosure(
            regulations=DocumentCounts(issued=rng.randint(0, 3), in_force=rng.randint(0, 30)),
            licensing=rng.randint(0, 900),
            punishment=rng.randint(0, 90),
            fees=Decimal(rng.randint(0, 10_000)).scaleb(-2),
        ),
        requests=Requests(
            new=ApplicantCounts(**new),
            carried_over=ApplicantCounts(**over),
            results=HandlingResults(
                disclosed=ApplicantCounts(**disclosed),
                withheld=Withheld(third_party_rights=ApplicantCounts(**withheld)),
            ),
            carried_forward=ApplicantCounts(**forward),
        ),
        appeals=Appeals(reconsideration=Outcomes(upheld=rng.randint(0, 4), pending=1)),
    )


def test_thirty_unit_workbooks_sum_to_the_total_sheet() -> None:
    units = [_unit(i) for i in range(30)]
    read_back = [read_xlsx(xlsx_bytes(u), name=f"单位{i}.xlsx") for i, u in enumerate(units)]
    reports_back = [r.to_report() for r in read_back]
    assert reports_back == units
    total = aggregate(reports_back, organ="某县")
    data = summary_bytes(
        total,
        [
            Unit(source=r.source, report=rep, findings=tuple(check(rep)))
            for r, rep in zip(read_back, reports_back, strict=True)
        ],
    )
    summary = read_xlsx(data)
    assert audit(summary) == []
    assert summary.to_report() == total
    ws = openpyxl.load_workbook(io.BytesIO(data))[UNITS_SHEET]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][2:-1] == tuple(heading(k) for k in KEY_FIGURES)
    body, totals = rows[1:-1], rows[-1]
    assert len(body) == 30
    assert totals[0] == "合计"
    for col, key in enumerate(KEY_FIGURES, start=2):
        assert sum(Decimal(str(row[col])) for row in body) == cell_value(total, key)
        letter = get_column_letter(col + 1)
        assert totals[col] == f"=SUM({letter}2:{letter}31)"


def test_every_finding_listed() -> None:
    unit = AnnualReport(organ="甲镇", year=2025)
    finding = next(iter(audit(read_xlsx(xlsx_bytes(unit)))), None)
    assert finding is None
    slip = make_finding(
        "B-ROWTOTAL",
        Place(
            path="$.requests.new.total",
            table="三",
            row="一、本年新收政府信息公开申请数量",
            column="总计",
        ),
        expected=5,
        found=6,
    )
    data = summary_bytes(
        unit,
        [
            Unit(source="甲镇.xlsx", report=unit, findings=(slip,)),
            Unit(source="乙.xlsx", report=None),
        ],
    )
    wb = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(wb[FINDINGS_SHEET].iter_rows(values_only=True))
    assert rows[0] == ("单位", "规则", "位置", "应为", "实际", "说明")
    assert rows[1][:5] == ("甲镇", "B-ROWTOTAL", slip.place.describe("zh"), "5", "6")
    assert rows[1][5] == slip.message_zh
    units = list(wb[UNITS_SHEET].iter_rows(values_only=True))
    assert units[1][0] == "甲镇"
    assert units[1][-1] == 1
    assert units[2][:3] == ("乙.xlsx", "乙.xlsx", None)
