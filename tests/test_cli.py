"""The command line, run in-process through ``run(argv, stdout, stderr)``."""

import ast
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report import AnnualReport, cli, dumps
from govinfo_report.cli import run
from govinfo_report.cli._output import CSV_HEADER


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def sound(tmp_path: Path) -> Path:
    path = tmp_path / "sound.json"
    path.write_text(dumps(AnnualReport(organ="某县", year=2022)), encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    data = json.loads(dumps(AnnualReport(organ="某县", year=2022)))
    data["requests"]["new"]["natural_person"] = 2
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_sound(sound: Path) -> None:
    code, out, err = _run("check", str(sound))
    assert (code, err) == (0, "")
    assert "通过" in out


def test_check_findings_in_english(broken: Path) -> None:
    code, out, _ = _run("check", "--lang", "en", str(broken))
    assert code == 1
    assert "NOT sound" in out
    assert "[B-ROWTOTAL]" in out
    assert "[B-BALANCE]" in out


def test_one_bad_file_never_stops_the_others(sound: Path, broken: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\xff\xfe not json")
    code, out, err = _run("check", str(garbage), str(broken), str(sound), str(tmp_path / "none"))
    assert code == 2
    assert str(broken) in out
    assert str(sound) in out
    assert "无法读取" in err
    assert "Traceback" not in err + out


def test_check_json_output(sound: Path, broken: Path) -> None:
    code, out, _ = _run("check", "--json", str(sound), str(broken))
    assert code == 1
    results = json.loads(out)
    assert [r["status"] for r in results] == ["sound", "findings"]
    codes = {f["code"] for f in results[1]["findings"]}
    assert codes == {"B-ROWTOTAL", "B-BALANCE"}


def test_check_csv_output(broken: Path) -> None:
    code, out, _ = _run("check", "--format", "csv", str(broken))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("file,code,severity,table,row,column")
    assert any(
        ",B-ROWTOTAL,error,三,一、本年新收政府信息公开申请数量,总计," in line for line in lines
    )


def test_schema_prints_json() -> None:
    code, out, _ = _run("schema")
    assert code == 0
    assert json.loads(out)["properties"]["format"] == {"const": "govinfo-report"}


def test_schema_to_file_never_overwrites_by_accident(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    assert _run("schema", "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["$id"]


@pytest.mark.parametrize("argv", [[], ["check"], ["nonsense"], ["check", "--lang", "fr", "x"]])
def test_usage_errors_exit_2_without_traceback(argv: list[str]) -> None:
    code, out, err = _run(*argv)
    assert code == 2
    assert "用法：" in err  # argparse's own messages in Chinese (the default language)
    assert "Traceback" not in out + err


def test_version_and_help() -> None:
    assert _run("--version")[0] == 0
    code, out, _ = _run("--help")
    assert code == 0
    assert "check" in out


def test_module_entry_point(sound: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "check", "--lang", "en", str(sound)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "sound" in done.stdout


def test_check_csv_keeps_unreadable_inputs(sound: Path, tmp_path: Path) -> None:
    code, out, _ = _run("check", "--format", "csv", str(sound), str(tmp_path / "missing.json"))
    assert code == 2
    row = next(line for line in out.splitlines() if "missing.json" in line)
    assert ",unreadable,error," in row
    assert "文件不存在" in row
    assert "no such file" in row


def test_a_lone_surrogate_is_reported_not_crashed_on(tmp_path: Path) -> None:
    data = json.loads(dumps(AnnualReport(organ="某县", year=2022)))
    text = json.dumps(data).replace('"organ": "\\u67d0\\u53bf"', '"organ": "\\ud800"')
    path = tmp_path / "surrogate.json"
    path.write_text(text, encoding="ascii")
    for command in (["check"], ["render", "-o", str(tmp_path / "x.docx")]):
        code, out, err = _run(*command, "--lang", "en", str(path))
        assert code == 1
        assert '"\\ud800"' in out
        (out + err).encode("utf-8")  # what is printed can be written


SERIES = Path(__file__).parent / "data" / "series"


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--format", "csv", str(SERIES / "2022.json"), "missing.json"],
        ["audit", "--format", "csv", str(SERIES), "missing.json"],
        ["audit", "--series", "--format", "csv", str(SERIES)],
        ["compare", "--format", "csv", str(SERIES / "2022.json"), str(SERIES / "2023.json")],
        ["compare", "--format", "csv", str(SERIES / "2022.json"), "missing.json"],
    ],
)
def test_every_command_writes_the_one_csv_layout(argv: list[str]) -> None:
    _, out, _ = _run(*argv)
    rows = list(csv.reader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) > 1
    assert all(len(row) == len(CSV_HEADER) for row in rows)


def test_command_modules_never_import_the_cli_package() -> None:
    """``cli/__init__`` imports the command modules; importing it back would be a cycle."""
    folder = Path(cli.__file__).parent
    for path in sorted(folder.glob("*.py")):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "govinfo_report.cli", path.name
                names = {alias.name for alias in node.names}
                assert not (node.module == "govinfo_report" and "cli" in names), path.name
