"""The workbook opens and recalculates in LibreOffice, and reads back after LibreOffice saves it.

LibreOffice converts the workbook to .xlsx (recalculating every formula and storing the
results); the recalculated values are read back with openpyxl (``data_only``), and the saved
workbook with our reader. WPS and Excel read and write the same file format.
"""

from __future__ import annotations

import io
import pathlib
import shutil
import subprocess
import uuid
from decimal import Decimal

import openpyxl
import pytest

from govinfo_report import audit, loads
from govinfo_report.formats.xlsx.layout import CHECK_FALSE, CHECK_TRUE
from govinfo_report.formats.xlsx.writer import template_bytes, xlsx_bytes
from govinfo_report.model import (
    AnnualReport,
    ApplicantCounts,
    HandlingResults2019,
    ItemCounts2019,
    ProactiveDisclosure2019,
    Procurement2019,
    Requests2019,
)
from govinfo_report.published.readers import read_xlsx

from .helpers import address, fill

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None,
        reason="LibreOffice (soffice) is needed to recalculate the workbook; .ci/run installs it",
    ),
]

EXAMPLE = loads(
    (pathlib.Path(__file__).parents[2] / "examples" / "city-department-2023.json").read_text(
        encoding="utf-8"
    )
)


def _libreoffice(data: bytes, tmp: pathlib.Path) -> bytes:
    """``data`` opened, recalculated and saved as .xlsx by LibreOffice."""
    src = tmp / "in" / "年报.xlsx"
    src.parent.mkdir()
    src.write_bytes(data)
    out = tmp / "out"
    profile = f"file:///tmp/lo-xlsx-{uuid.uuid4().hex}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (out / "年报.xlsx").read_bytes()


def _values(data: bytes, sheet: str) -> dict[str, object]:
    ws = openpyxl.load_workbook(io.BytesIO(data), data_only=True)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row}


def test_recalculated_by_libreoffice(tmp_path: pathlib.Path) -> None:
    new = ("requests", "new")
    slip = {
        (*new, "natural_person"): 7,
        (*new, "commercial_enterprise"): 2,
        ("requests", "results", "disclosed", "natural_person"): 5,
        ("requests", "results", "disclosed", "commercial_enterprise"): 2,
        ("requests", "carried_forward", "natural_person"): 1,  # 7 != 5 + 1: the planted slip
        ("appeals", "reconsideration", "upheld"): 2,
        ("appeals", "reconsideration", "pending"): 1,
    }
    saved = _libreoffice(fill(template_bytes("某县教育局", 2025), slip), tmp_path)
    b = _values(saved, "表三")
    assert b[address((*new, "total"))[1]] == 9
    assert b[address(("requests", "results", "total", "natural_person"))[1]] == 5
    assert b[address(("requests", "results", "total", "total"))[1]] == 7
    assert b["D31"] == CHECK_FALSE  # 自然人: 7 + 0 != 5 + 1
    assert b["E31"] == CHECK_TRUE
    assert _values(saved, "表四")[address(("appeals", "reconsideration", "total"))[1]] == 3
    record = read_xlsx(saved)
    findings = [(f.code, f.place.column) for f in audit(record)]
    assert findings == [("B-BALANCE", "自然人"), ("B-BALANCE", "总计")]


def test_filled_workbook_survives_libreoffice(tmp_path: pathlib.Path) -> None:
    saved = _libreoffice(xlsx_bytes(EXAMPLE), tmp_path)
    record = read_xlsx(saved)
    assert record.findings == ()
    assert audit(record) == []
    assert record.to_report() == EXAMPLE


def test_2019_workbook_recalculated_and_read_back_after_libreoffice(
    tmp_path: pathlib.Path,
) -> None:
    report = AnnualReport(
        organ="某县教育局",
        year=2020,
        proactive=ProactiveDisclosure2019(
            licensing=ItemCounts2019(previous=12, change=-3, decisions=40),
            procurement=Procurement2019(projects=2, amount=Decimal("12.50")),
        ),
        requests=Requests2019(
            new=ApplicantCounts(natural_person=4),
            results=HandlingResults2019(
                disclosed=ApplicantCounts(natural_person=1),
                other=ApplicantCounts(natural_person=3),
            ),
        ),
    )
    saved = _libreoffice(xlsx_bytes(report), tmp_path)
    b = _values(saved, "表三")
    handled = address(("requests", "results", "total", "natural_person"), "2019")[1]
    assert b[handled] == 4  # （六）其他处理, one row, is summed
    record = read_xlsx(saved)
    assert record.findings == ()
    assert audit(record) == []
    assert record.to_report() == report
