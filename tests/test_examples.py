"""The examples: every JSON loads and validates against the schema; every script runs.

Scripts in ``examples/`` follow one convention: ``python examples/NAME.py [OUT]`` writes its
result to ``OUT`` (creating the folder) and exits 0. Each runs here in a subprocess, in a
temporary directory, with a temporary ``OUT``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from jsonschema import Draft202012Validator

import govinfo_report
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.formats.json.schema import json_schema
from govinfo_report.model import HandlingResults

if TYPE_CHECKING:
    from govinfo_report import AnnualReport

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
JSON_EXAMPLES = sorted(EXAMPLES.glob("*.json"))
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
SAMPLE = Path(__file__).parent / "data" / "jinlongshan-2021.txt"
PART_NUMBERS = "一二三四五六七八九十"


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_examples_exist() -> None:
    names = {p.name for p in JSON_EXAMPLES}
    assert {"jinlongshan-2021.json", "city-department-2023.json"} <= names
    assert "build_report.py" in {p.name for p in SCRIPTS}


@pytest.mark.parametrize("path", JSON_EXAMPLES, ids=_ids(JSON_EXAMPLES))
def test_json_example_loads_and_matches_the_schema(path: Path) -> None:
    report = govinfo_report.load(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = sorted(Draft202012Validator(json_schema()).iter_errors(data), key=str)
    assert [e.message for e in errors] == []
    assert govinfo_report.check(data) == []
    # The file is exactly what dumps() writes: no hand edits that the library would undo.
    assert path.read_text(encoding="utf-8") == govinfo_report.dumps(report)


@pytest.mark.parametrize("script", SCRIPTS, ids=_ids(SCRIPTS))
def test_example_script_runs(script: Path, tmp_path: Path) -> None:
    out = tmp_path / "nested" / f"{script.stem}.out"
    if script.name == "build_report.py":
        out = out.with_suffix(".json")
    result = subprocess.run(
        [sys.executable, str(script), str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.exists(), f"{script.name} did not write {out}"
    assert [p.name for p in out.parent.iterdir()] == [out.name], "temporary files left behind"


def test_build_report_writes_a_sound_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "build_report.py"), str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    report = govinfo_report.load(out)
    assert report.organ == "某县教育局"
    assert report.requests.results.total.total > 0
    # The deliberate slip is shown as a ReportError, in both languages.
    assert "B-BALANCE" in result.stdout
    assert "第一项加第二项之和" in result.stdout
    assert "should equal" in result.stdout


def test_build_report_default_output(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(EXAMPLES / "build_report.py")],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert govinfo_report.load(tmp_path / "out" / "build_report.json").year == 2023


# --- The 金龙山镇 sample, transcribed -------------------------------------------------


@pytest.fixture(scope="module")
def jinlongshan() -> AnnualReport:
    return govinfo_report.load(EXAMPLES / "jinlongshan-2021.json")


@pytest.fixture(scope="module")
def sample_lines() -> list[str]:
    return [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def _paragraphs(report: AnnualReport) -> list[str]:
    out = list(report.preface or ())
    for section in (report.overview, report.problems, report.other_matters):
        out.extend(section.opening)
        for part in section.parts:
            out.extend(part.paragraphs)
    return out


def test_every_paragraph_of_the_transcription_is_in_the_sample(
    jinlongshan: AnnualReport,
) -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    paragraphs = _paragraphs(jinlongshan)
    assert len(paragraphs) == 10
    missing = [p for p in paragraphs if p not in sample]
    assert missing == []


def test_every_prose_line_of_the_sample_is_transcribed(
    jinlongshan: AnnualReport, sample_lines: list[str]
) -> None:
    prose = [line for line in sample_lines if line.endswith(("。", "："))]
    assert len(prose) == 10
    paragraphs = _paragraphs(jinlongshan)
    for line in prose:
        # Section 五 prints "（一）主要问题：" before the text; the model keeps it as a title.
        body = re.sub(r"^（[一二三四五六七八九十]）[^：]{1,12}：", "", line)
        assert body in paragraphs, line


def test_part_titles_are_printed_in_the_sample(
    jinlongshan: AnnualReport, sample_lines: list[str]
) -> None:
    sample = "\n".join(sample_lines)
    assert [p.title for p in jinlongshan.overview.parts] == [
        "主动公开",
        "依申请公开情况",
        "政府信息管理情况",
        "政务公开平台建设情况",
        "监督保障情况",
    ]
    for i, part in enumerate(jinlongshan.overview.parts):
        assert f"（{PART_NUMBERS[i]}）{part.title}" in sample_lines
    for i, part in enumerate(jinlongshan.problems.parts):
        assert f"（{PART_NUMBERS[i]}）{part.title}：" in sample
    assert [p.title for p in jinlongshan.problems.parts] == ["主要问题", "改进情况"]


def test_identity_of_the_sample(jinlongshan: AnnualReport) -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    assert (jinlongshan.organ, jinlongshan.year, jinlongshan.edition) == (
        "哈尔滨市阿城区金龙山镇",
        2021,
        "2021",
    )
    # The sample prints the title over two lines: "…金龙山镇2021年" / "政府信息公开工作年度报告".
    assert jinlongshan.title.replace("2021年", "2021年\n\n", 1) in sample
    assert jinlongshan.publication is not None
    assert jinlongshan.contact is not None
    preface = "".join(jinlongshan.preface or ())
    assert f"{jinlongshan.publication.site_name}（{jinlongshan.publication.url}）" in preface
    assert f"地址：{jinlongshan.contact.address}；" in preface
    assert f"邮编：{jinlongshan.contact.postcode}；" in preface
    assert f"联系电话：{jinlongshan.contact.telephone}。" in preface
    assert jinlongshan.date is None  # the web page prints no date


def test_every_number_of_the_sample_is_zero(
    jinlongshan: AnnualReport, sample_lines: list[str]
) -> None:
    # The sample's tables print only zeros (Table A 10, Table B 25 × 7, Table C 15).
    printed = [line for line in sample_lines if re.fullmatch(r"\d+(\.\d+)?", line)]
    assert len(printed) == 10 + 25 * 7 + 15
    assert set(printed) == {"0"}
    values = {cell.key: cell_value(jinlongshan, cell.key) for cell in CELLS}
    assert len(values) == len(printed) + 3  # plus the three fee figures of section 六
    assert set(values.values()) == {0}
    assert "未收取信息处理费" in jinlongshan.other_matters.opening[0]


# --- The city department, every table non-zero ----------------------------------------


def test_city_department_has_numbers_in_every_table() -> None:
    report = govinfo_report.load(EXAMPLES / "city-department-2023.json")
    by_table: dict[str, list[int | Decimal]] = {}
    for cell in CELLS:
        by_table.setdefault(cell.table, []).append(cell_value(report, cell.key))
    assert sorted(by_table) == ["三", "二", "六", "四"]
    for table, values in by_table.items():
        assert any(values), table
    results = report.requests.results
    for name in ("disclosed", "partially_disclosed"):
        assert getattr(results, name).total > 0
    assert isinstance(results, HandlingResults)
    for group in (results.withheld, results.unavailable, results.not_processed, results.other):
        assert group.subtotal.total > 0
    assert report.proactive.fees == Decimal("12.35")
    assert report.other_matters.fees.collected <= report.other_matters.fees.notices_amount
    assert len(report.overview.parts) == 5
    assert report.date is not None
    assert govinfo_report.check(report) == []  # no warnings either
