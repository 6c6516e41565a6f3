"""The title paragraph: one line when it fits, a break before the fixed tail when not."""

import io
import zipfile

import pytest
from lxml import etree

from govinfo_report import AnnualReport
from govinfo_report.formats.docx.writer import docx_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _title_runs(report: AnnualReport) -> list[tuple[bool, str]]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(report))) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    first = body.find(f"{W}p")
    assert first is not None
    return [(r.find(f"{W}br") is not None, r.findtext(f"{W}t") or "") for r in first.iter(f"{W}r")]


@pytest.mark.parametrize(
    ("organ", "runs"),
    [
        ("某县", [(False, "某县2023年政府信息公开工作年度报告")]),
        (
            "哈尔滨市阿城区金龙山镇",
            [(False, "哈尔滨市阿城区金龙山镇2023年"), (True, "政府信息公开工作年度报告")],
        ),
    ],
)
def test_title_lines(organ: str, runs: list[tuple[bool, str]]) -> None:
    assert _title_runs(AnnualReport(organ=organ, year=2023)) == runs
