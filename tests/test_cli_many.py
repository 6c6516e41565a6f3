"""The aggregate and compare commands, run in-process."""

import csv
import io
import json
import quopri
from pathlib import Path
from typing import Any

import attrs
import pytest

from govinfo_report import AnnualReport, dumps, load
from govinfo_report.cli import run
from govinfo_report.cli._output import CSV_HEADER
from govinfo_report.model import ApplicantCounts, ProactiveDisclosure, Requests

SERIES = Path(__file__).parent / "data" / "series"

#: The expected outcome of one table row: exit code, then what the row checks.
Case = tuple[Any, ...]


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


@pytest.mark.parametrize(
    ("listed", "missing", "unexpected"),
    [
        ("甲镇\n乙镇\n丙镇\n丁镇\n", None, None),
        # spelled otherwise (a space, a byte-order mark, CRLF, a blank line): the same units
        ("\ufeff甲 镇\r\n乙镇\r\n\r\n丙镇\n\ufeff丁镇\n", None, None),
        ("甲镇\n乙镇\n丙镇\n丁镇\n戊镇\n", "戊镇", None),
        ("甲镇\n乙镇\n", None, "丙镇, 丁镇"),
        ("甲镇\n己镇\n乙镇\n丙镇\n", "己镇", "丁镇"),
    ],
)
def test_aggregate_names_the_units_missing_and_unexpected(
    units: Path, tmp_path: Path, listed: str, missing: str | None, unexpected: str | None
) -> None:
    expected = tmp_path / "units.txt"
    expected.write_text(listed, encoding="utf-8")
    total = tmp_path / "total.json"
    argv = ("aggregate", str(units), "-o", str(total), "--organ", "某县", "--lang", "en")
    code, out, err = _run(*argv, "--expected-units", str(expected))
    assert err == ""
    assert code == (1 if missing or unexpected else 0)
    assert (f"no report from these units: {missing}" in out) == (missing is not None)
    assert (f"not among the expected ones: {unexpected}" in out) == (unexpected is not None)
    assert out.count("X-UNITS") == (missing is not None) + (unexpected is not None)
    assert load(total).proactive.licensing == 10  # the total is written all the same


def test_aggregate_reads_a_single_file_web_page_found_in_a_folder(
    units: Path, tmp_path: Path
) -> None:
    """A page saved as .mht (one MIME message, the page quoted-printable) is a unit's report."""
    from govinfo_report.formats.html.writer import html_text  # noqa: PLC0415

    page = quopri.encodestring(html_text(_unit("戊镇", 5)).encode("utf-8"))
    (units / "wu.mht").write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b'Content-Type: text/html; charset="utf-8"\r\n\r\n' + page + b"\r\n--b--\r\n"
    )
    total = tmp_path / "total.json"
    code, out, err = _run(
        "aggregate", str(units), "-o", str(total), "--organ", "某县", "--lang", "en"
    )
    assert (code, err) == (0, "")
    assert out == f"summed 5 reports for 2023 into {total}\n"
    assert load(total).proactive.licensing == 15


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
        row = next(r for r in csv.DictReader(io.StringIO(out)) if r["a"] == "1794")
        assert row == {
            **dict.fromkeys(CSV_HEADER, ""),
            "path": "$.proactive.licensing",
            "table": "二",
            "row": "第二十条第（五）项/行政许可",
            "column": "本年处理决定数量",
            "a": "1794",
            "b": "1873",
            "change": "79",
            "computed": "false",
        }
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
    assert (code, out) == (0, "各单位之和与某县 2023：各单元格数值相同\n")
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
    from govinfo_report.formats.docx.writer import write_docx  # noqa: PLC0415 - loads python-docx

    for year in (2021, 2022, 2023):
        write_docx(load(SERIES / f"{year}.json"), tmp_path / f"{year}.docx")
    code, out, _ = _run("audit", str(tmp_path), "--series", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    start = lines.index("series 某市自然资源和规划局: 2021-2023 (3 years, 2 findings)")
    assert [line.split(" [")[-1] for line in lines[start + 1 : start + 3]] == [
        "X-STOCK]",
        "X-CARRY]",
    ]
    assert lines[-1] == "total: 3 files, 3 sound, 0 not sound, 0 unreadable"
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


# --- Inputs that used to be left out or counted silently ------------------------------


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """``up/`` with suffixes in any case, a unit again, a report of 2022 and other files."""
    up = tmp_path / "up"
    up.mkdir()
    (up / "A.JSON").write_text(dumps(_unit("甲镇", 1)), encoding="utf-8")
    (up / "b.json").write_text(dumps(_unit("乙镇", 2)), encoding="utf-8")
    (up / "c.Jsonl").write_text(dumps(_unit("丙镇", 3), indent=None), encoding="utf-8")
    (up / "notes.md").write_text("not a report", encoding="utf-8")
    (tmp_path / "again.json").write_text(dumps(_unit("甲镇", 1)), encoding="utf-8")
    (tmp_path / "old.json").write_text(dumps(_unit("丁镇", 4, year=2022)), encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body>某县</body></html>", encoding="utf-8")
    (tmp_path / "page.json").write_text("<!DOCTYPE html><html></html>", encoding="utf-8")
    (tmp_path / "report.txt").write_text("某县2023年政府信息公开工作年度报告", encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)))
    (tmp_path / "empty").mkdir()
    return tmp_path


@pytest.fixture
def in_mixed(mixed: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in the ``mixed`` folder, so that sources are short relative paths."""
    monkeypatch.chdir(mixed)
    return mixed


@pytest.mark.parametrize(
    ("inputs", "lang", "case"),
    [
        (["up"], "en", (0, 6, ["summed 3 reports for 2023 into {out}"])),
        (["up/A.JSON", "up/c.Jsonl"], "en", (0, 4, ["summed 2 reports for 2023 into {out}"])),
        (
            ["up", "again.json"],
            "en",
            (
                1,
                7,
                [
                    "again.json: sound (0 errors, 1 warnings, 0 notes)",
                    (
                        '  warning $.organ: the unit "甲镇" is counted more than once: '
                        "up/A.JSON and again.json [X-UNITS]"
                    ),
                    (
                        "summed 4 reports for 2023 into {out}; "
                        "1 duplicate a unit already summed, counted twice (see above)"
                    ),
                ],
            ),
        ),
        (
            ["up", "again.json"],
            "zh",
            (
                1,
                7,
                [
                    "again.json：通过（错误 0 处，警告 1 处，提示 0 处）",
                    "  警告 发文机关：单位“甲镇”被重复计入：up/A.JSON、again.json［X-UNITS］",
                    (
                        "已汇总 4 份 2023 年度报告，写入 {out}；"
                        "1 份与已汇总的单位重复，被重复计入（见上）"
                    ),
                ],
            ),
        ),
        (
            ["up/b.json", "up/b.json"],
            "en",
            (
                1,
                4,
                [
                    "up/b.json: sound (0 errors, 1 warnings, 0 notes)",
                    (
                        '  warning $.organ: the unit "乙镇" is counted more than once: '
                        "up/b.json and up/b.json [X-UNITS]"
                    ),
                    (
                        "summed 2 reports for 2023 into {out}; "
                        "1 duplicate a unit already summed, counted twice (see above)"
                    ),
                ],
            ),
        ),
        (
            ["up", "up/notes.md", "page.html"],
            "en",
            (
                2,
                6,
                [
                    # a web page is read on the way: this one holds no report, and says why
                    "page.html: NOT sound (5 errors, 0 warnings, 0 notes)",
                    "  error $.organ: the organ could not be found in the report [R-MISSING]",
                    "  error $.year: the year could not be found in the report [R-MISSING]",
                    "  error table 二: the table was not found [R-MISSING]",
                    "  error table 三: the table was not found [R-MISSING]",
                    "  error table 四: the table was not found [R-MISSING]",
                    "summed 3 reports for 2023 into {out}; 2 inputs left out (see above)",
                ],
            ),
        ),
    ],
)
def test_aggregate_leaves_nothing_out_silently(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, inputs: list[str], lang: str, case: Case
) -> None:
    code, licensing, expected = case
    monkeypatch.chdir(mixed)
    result = _run("aggregate", *inputs, "-o", "total.json", "--organ", "某县", "--lang", lang)
    assert result[0] == code
    assert result[1].splitlines() == [line.format(out="total.json") for line in expected]
    assert load(mixed / "total.json").proactive.licensing == licensing


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            (
                "无法读取 up/notes.md：不是年报文件"
                "（.json、.jsonl、.xlsx、.docx、.pdf、.html、.htm、.shtml 或 .txt），未计入"
            ),
        ),
        (
            "en",
            (
                "cannot read up/notes.md: not a report file "
                "(.json, .jsonl, .xlsx, .docx, .pdf, .html, .htm, .shtml or .txt); left out"
            ),
        ),
    ],
)
def test_aggregate_names_a_file_skipped_for_its_suffix(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:
    monkeypatch.chdir(mixed)
    code, _, err = _run(
        "aggregate", "up/b.json", "up/notes.md", "-o", "t.json", "--organ", "某县", "--lang", lang
    )
    assert (code, err) == (2, expected + "\n")


_NO_REPORTS = (
    "holds no reports (.json, .jsonl, .xlsx, .docx, .pdf, .html, .htm, .shtml or .txt files)"
)
_NOT_JSON = {
    "zh": "compare 需要年报 JSON；请先用 `govinfo-report read FILE -o OUT.json` 转换",
    "en": "compare takes report JSON; convert with `govinfo-report read FILE -o OUT.json` first",
}


@pytest.mark.parametrize(
    ("argv", "code", "out", "err"),
    [
        # --units that hold no report at all: an error naming the path, no comparison.
        (
            ["total.json", "--units", "nowhere"],
            2,
            [],
            ["cannot read nowhere: no such file",
             "--units nowhere: no unit report to compare the total with"],
        ),
        (
            ["total.json", "--units", "empty"],
            2,
            [],
            [f"cannot read empty: {_NO_REPORTS}",
             "--units empty: no unit report to compare the total with"],
        ),
        (
            ["total.json", "--units", "up", "empty"],
            2,
            ["sum of units and 某县 2023: every cell is the same"],
            [f"cannot read empty: {_NO_REPORTS}"],
        ),
        # A unit of another year is named by its file, left out, and the rest compared.
        (
            ["total.json", "--units", "up", "old.json"],
            1,
            ["old.json: report 4 (丁镇) is for 2022, not 2023",
             "sum of units and 某县 2023: every cell is the same"],
            [],
        ),
        # A file named .json that is not JSON is not report JSON.
        (["up/b.json", "page.json"], 2, [], [f"cannot read page.json: {_NOT_JSON['en']}"]),
        # A document is read on the way: a damaged one cannot be, and says why.
        (["report.docx", "--units", "up"], 2, [],
         ["cannot read report.docx: not a valid .docx (not a zip)"]),
        # A page or text that holds no report: its findings, and nothing compared.
        (["report.txt", "up/b.json"], 1, [
            "report.txt: NOT sound (3 errors, 0 warnings, 0 notes)",
            "  error table 二: the table was not found [R-MISSING]",
            "  error table 三: the table was not found [R-MISSING]",
            "  error table 四: the table was not found [R-MISSING]",
        ], []),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("in_mixed")
def test_compare_bad_inputs_are_errors_by_name(
    argv: list[str], code: int, out: list[str], err: list[str]
) -> None:
    assert _run("aggregate", "up", "-o", "total.json", "--organ", "某县")[0] == 0
    result = _run("compare", *argv, "--lang", "en")
    assert result == (code, "".join(f"{line}\n" for line in out), "".join(f"{e}\n" for e in err))


@pytest.mark.parametrize(
    ("argv", "lang", "expected"),
    [
        (["page.json", "up/b.json"], "zh", f"无法读取 page.json：{_NOT_JSON['zh']}\n"),
        (["total.json", "--units", "nowhere"], "zh",
         "无法读取 nowhere：文件不存在\n--units nowhere：没有可与汇总报告比较的单位报告\n"),
    ],
)  # fmt: skip
def test_compare_messages_in_chinese_by_default(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], lang: str, expected: str
) -> None:
    monkeypatch.chdir(mixed)
    assert _run("aggregate", "up", "-o", "total.json", "--organ", "某县")[0] == 0
    assert _run("compare", *argv, "--lang", lang)[2] == expected
    assert _run("compare", *argv)[2] == expected


_LEFT_OUT = [
    {
        "file": "old.json",
        "status": "refused",
        "reason_zh": "第 4 份报告（丁镇）是 2022 年度的，应为 2023 年度",
        "reason_en": "report 4 (丁镇) is for 2022, not 2023",
    },
    {
        "file": "nowhere",
        "status": "unreadable",
        "reason_zh": "文件不存在",
        "reason_en": "no such file",
    },
    {
        "file": "page.json",
        "status": "unreadable",
        "reason_zh": _NOT_JSON["zh"],
        "reason_en": _NOT_JSON["en"],
    },
]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["total.json", "--units", "up", "old.json", "nowhere", "page.json"], (2, True, _LEFT_OUT)),
        (["total.json", "--units", "up"], (0, True, [])),
        (["page.json", "--units", "up"], (2, False, _LEFT_OUT[2:])),
        (["up/b.json", "nowhere"], (2, False, _LEFT_OUT[1:2])),
    ],
)
def test_compare_json_and_csv_keep_the_inputs_left_out(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: Case
) -> None:
    code, compared, left_out = expected
    monkeypatch.chdir(mixed)
    assert _run("aggregate", "up", "-o", "total.json", "--organ", "某县")[0] == 0
    result, out, err = _run("compare", *argv, "--format", "json")
    assert (result, err) == (code, "")
    data = json.loads(out)
    assert data["left_out"] == left_out
    assert (data["differences"] is not None) == compared
    result, out, _ = _run("compare", *argv, "--format", "csv")
    assert result == code
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [
        (r["file"], r["code"], r["severity"], r["message_zh"], r["message_en"]) for r in rows
    ] == [(e["file"], e["status"], "error", e["reason_zh"], e["reason_en"]) for e in left_out]


def test_compare_total_json_and_csv_carry_the_findings(units: Path, tmp_path: Path) -> None:
    total = tmp_path / "total.json"
    assert _run("aggregate", str(units), "-o", str(total), "--organ", "某县")[0] == 0
    published = attrs.evolve(load(total), proactive=ProactiveDisclosure(licensing=11))
    total.write_text(dumps(published), encoding="utf-8")
    code, out, _ = _run("compare", str(total), "--units", str(units), "--format", "json")
    assert code == 1
    assert [(f["code"], f["expected"], f["found"]) for f in json.loads(out)["findings"]] == [
        ("X-TOTAL", 10, 11)
    ]
    code, out, _ = _run("compare", str(total), "--units", str(units), "--format", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["path"] == "$.proactive.licensing")
    assert (row["a"], row["b"], row["code"], row["severity"]) == ("10", "11", "X-TOTAL", "warning")


def test_every_command_takes_documents_as_it_takes_json(tmp_path: Path) -> None:
    """A unit's .docx, web page and workbook count as its JSON does (issue 9, item 5)."""
    from govinfo_report.formats.docx.writer import write_docx  # noqa: PLC0415
    from govinfo_report.formats.html.writer import write_html  # noqa: PLC0415
    from govinfo_report.formats.xlsx.writer import write_xlsx  # noqa: PLC0415

    units = tmp_path / "units"
    units.mkdir()
    write_docx(_unit("甲镇", 1), units / "甲镇.docx")
    write_html(_unit("乙镇", 2), units / "乙镇.html")
    write_xlsx(_unit("丙镇", 3), units / "丙镇.xlsx")
    (units / "丁镇.json").write_text(dumps(_unit("丁镇", 4)), encoding="utf-8")
    total = tmp_path / "total.json"
    code, out, err = _run("aggregate", str(units), "-o", str(total), "--organ", "某县")
    assert (code, err) == (0, "")
    assert "已汇总 4 份" in out
    assert load(total).proactive.licensing == 1 + 2 + 3 + 4
    docx = units / "甲镇.docx"
    assert _run("check", str(docx))[0] == 0
    assert _run("compare", str(total), "--units", str(units))[0] == 0
    assert _run("render", str(docx), "-o", str(tmp_path / "甲镇.json"))[0] == 0
    assert load(tmp_path / "甲镇.json") == _unit("甲镇", 1)
