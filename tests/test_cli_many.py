"""The aggregate and compare commands, run in-process."""

import io
import json
from pathlib import Path

import attrs
import pytest

from govinfo_report import AnnualReport, dumps, load
from govinfo_report.cli import run
from govinfo_report.model import ApplicantCounts, ProactiveDisclosure, Requests

SERIES = Path(__file__).parent / "data" / "series"


def _unit(organ: str, n: int, year: int = 2023) -> AnnualReport:
    row = ApplicantCounts(natural_person=n)
    return AnnualReport(
        organ=organ,
        year=year,
        proactive=ProactiveDisclosure(licensing=n),
        requests=Requests(new=row, carried_forward=row),
    )


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def units(tmp_path: Path) -> Path:
    folder = tmp_path / "units"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.json").write_text(dumps(_unit("甲镇", 1)), encoding="utf-8")
    (folder / "sub" / "b.json").write_text(dumps(_unit("乙镇", 2)), encoding="utf-8")
    with (folder / "more.jsonl").open("w", encoding="utf-8") as f:
        f.write(dumps(_unit("丙镇", 3), indent=None))
        f.write(dumps(_unit("丁镇", 4), indent=None))
    return folder


def test_aggregate_folder(units: Path, tmp_path: Path) -> None:
    total = tmp_path / "total.json"
    code, out, err = _run(
        "aggregate", str(units), "-o", str(total), "--organ", "某县", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert out == f"summed 4 reports for 2023 into {total}\n"
    report = load(total)
    assert (report.organ, report.year, report.proactive.licensing) == ("某县", 2023, 10)


def test_aggregate_reports_each_bad_input_and_goes_on(units: Path, tmp_path: Path) -> None:
    (units / "bad.jsonl").write_text(
        "{oops\n" + dumps(_unit("戊镇", 5, year=2022), indent=None), encoding="utf-8"
    )
    (units / "c.json").write_text(
        dumps(_unit("己镇", 1)).replace('"licensing": 1', '"licensing": -1'), encoding="utf-8"
    )
    total = tmp_path / "total.json"
    code, out, err = _run(
        "aggregate", str(units), str(tmp_path / "missing.json"), "-o", str(total),
        "--organ", "某县", "--lang", "en",
    )  # fmt: skip
    assert code == 2
    assert f"{units / 'bad.jsonl'}:1: not valid JSON" in err
    assert f"{tmp_path / 'missing.json'}: no such file" in err
    assert f"{units / 'bad.jsonl'}:2: report 2 (戊镇) is for 2022, not 2023" in out
    assert f"{units / 'c.json'}: NOT sound (1 errors" in out
    assert out.endswith(f"summed 4 reports for 2023 into {total}; 4 inputs left out (see above)\n")
    assert load(total).proactive.licensing == 10


def test_aggregate_exit_1_without_unreadable_inputs(units: Path, tmp_path: Path) -> None:
    (units / "old.json").write_text(dumps(_unit("戊镇", 5, year=2022)), encoding="utf-8")
    code, _, _ = _run("aggregate", str(units), "-o", str(tmp_path / "t.json"), "--organ", "某县")
    assert code == 1


def test_aggregate_refuses_output_inside_an_input_folder(units: Path) -> None:
    code, out, err = _run(
        "aggregate", str(units), "-o", str(units / "total.json"), "--organ", "某县", "--lang", "en"
    )
    assert code == 2
    assert "inside the input folder" in err
    assert out == ""
    assert not (units / "total.json").exists()


def test_aggregate_never_overwrites_an_input(units: Path) -> None:
    target = units / "a.json"
    before = target.read_bytes()
    code, _, err = _run("aggregate", str(target), "-o", str(target), "--organ", "某县")
    assert code == 2
    assert "拒绝覆盖输入文件" in err
    assert target.read_bytes() == before


def test_aggregate_nothing_to_sum(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    code, _, err = _run("aggregate", str(empty), "-o", str(tmp_path / "t.json"), "--organ", "某县")
    assert code == 1
    assert "没有可汇总的报告" in err
    code, _, _ = _run(
        "aggregate", str(empty), "-o", str(tmp_path / "t.json"), "--organ", "某县", "--year", "2024"
    )
    assert code == 0
    assert load(tmp_path / "t.json") == AnnualReport(organ="某县", year=2024)


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_compare_two_years(fmt: str) -> None:
    code, out, err = _run(
        "compare", str(SERIES / "2022.json"), str(SERIES / "2023.json"), "--format", fmt
    )
    assert (code, err) == (0, "")
    if fmt == "json":
        data = json.loads(out)
        assert (data["a"], data["b"]) == ("某市自然资源和规划局 2022", "某市自然资源和规划局 2023")
        assert {"path": "$.proactive.licensing", "a": 1794, "b": 1873, "change": 79}.items() <= (
            next(d for d in data["differences"] if d["path"] == "$.proactive.licensing").items()
        )
    elif fmt == "csv":
        assert (
            "$.proactive.licensing,二,第二十条第（五）项/行政许可,本年处理决定数量,1794,1873,79,false"
            in out
        )
    else:
        assert out.splitlines()[0].split()[:3] == ["表", "行", "列"]


def test_compare_bad_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(dumps(_unit("甲镇", 1)).replace('"licensing": 1', '"licensing": "x"'), "utf-8")
    code, out, _ = _run("compare", str(bad), str(SERIES / "2023.json"))
    assert code == 1
    assert "A-NONNEG" in out
    code, _, err = _run("compare", str(tmp_path / "none.json"), str(SERIES / "2023.json"))
    assert code == 2
    assert "文件不存在" in err
    code, _, err = _run("compare", str(SERIES / "2023.json"), "--lang", "en")
    assert code == 2
    assert "two report files" in err


def test_compare_published_total_with_units(units: Path, tmp_path: Path) -> None:
    total = tmp_path / "total.json"
    assert _run("aggregate", str(units), "-o", str(total), "--organ", "某县")[0] == 0
    expected = tmp_path / "units.txt"
    expected.write_text("甲镇\n乙镇\n丙镇\n丁镇\n", encoding="utf-8")
    code, out, _ = _run(
        "compare", str(total), "--units", str(units), "--expected-units", str(expected)
    )
    assert (code, out) == (0, "各单位之和 | sum of units与某县 2023：各单元格数值相同\n")
    published = attrs.evolve(load(total), proactive=ProactiveDisclosure(licensing=11))
    total.write_text(dumps(published), encoding="utf-8")
    expected.write_text("甲镇\n乙镇\n丙镇\n丁镇\n戊镇\n", encoding="utf-8")
    code, out, _ = _run(
        "compare", str(total), "--units", str(units), "--expected-units", str(expected),
        "--lang", "en",
    )  # fmt: skip
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        '  warning table 二, row "第二十条第（五）项/行政许可", column "本年处理决定数量": '
        "the units sum to 10, the published total is 11 [X-TOTAL]"
    )
    assert lines[1] == "  warning $: no report from these units: 戊镇 [X-UNITS]"


def test_help_lists_the_commands() -> None:
    code, out, _ = _run("--help")
    assert code == 0
    assert "aggregate" in out
    assert "compare" in out


def test_audit_series_catches_the_breaks_by_name(tmp_path: Path) -> None:
    from govinfo_report.docx_writer import write_docx  # noqa: PLC0415 - loads python-docx

    for year in (2021, 2022, 2023):
        write_docx(load(SERIES / f"{year}.json"), tmp_path / f"{year}.docx")
    code, out, _ = _run("audit", str(tmp_path), "--series", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    start = lines.index("series 某市自然资源和规划局: 2021-2023 (3 years, 2 findings)")
    assert [line.split(" [")[-1] for line in lines[start + 1 :]] == ["X-STOCK]", "X-CARRY]"]
    assert lines[start + 1].startswith("  2022  warning table 二")
    assert lines[start + 2].startswith("  2023  warning table 三")
    code, out, _ = _run("audit", str(tmp_path), "--series", "--format", "json")
    series = [r for r in json.loads(out) if "series" in r]
    assert [(f["year"], f["code"], f["expected"], f["found"]) for f in series[0]["findings"]] == [
        (2022, "X-STOCK", 41, 39),
        (2023, "X-CARRY", 13, 12),
    ]
    code, out, _ = _run("audit", str(tmp_path), "--series", "--format", "csv")
    assert "某市自然资源和规划局 2023,X-CARRY,warning" in out
    code, out, _ = _run("audit", str(tmp_path))
    assert "X-CARRY" not in out
