"""A clerk's round trip with only the command line: new, fill in, check, render."""

from __future__ import annotations

import datetime as dt
import io
import pathlib
import shutil
import subprocess
import uuid
import zipfile

import openpyxl
import pytest

from govinfo_report import _io, aggregate
from govinfo_report.cli import run
from govinfo_report.errors import ReadError, WriteError
from govinfo_report.formats.xlsx.summary import FINDINGS_SHEET, UNITS_SHEET
from govinfo_report.published.readers import read_docx, read_xlsx

from .helpers import fill

SLIP = {
    ("requests", "new", "natural_person"): 5,
    ("requests", "results", "disclosed", "natural_person"): 4,
    ("requests", "carried_forward", "natural_person"): 2,  # 5 + 0 != 4 + 2: the slip
}
FIXED = {**SLIP, ("requests", "carried_forward", "natural_person"): 1}


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _libreoffice(path: pathlib.Path) -> None:
    """Open, recalculate and save ``path`` in LibreOffice, as a clerk's office suite would."""
    out = path.parent / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file:///tmp/lo-xlsx-{uuid.uuid4().hex}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    path.write_bytes((out / path.name).read_bytes())


@pytest.mark.parametrize(
    "office",
    [
        "openpyxl",
        pytest.param(
            "libreoffice",
            marks=[
                pytest.mark.slow,
                pytest.mark.skipif(
                    shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) recalculates and saves the filled workbook",
                ),
            ],
        ),
    ],
)
def test_new_fill_check_render(tmp_path: pathlib.Path, office: str) -> None:
    book = tmp_path / "年报.xlsx"
    code, out, _ = _run("new", "--organ", "某县教育局", "--year", "2025", "-o", str(book))
    assert code == 0
    assert "已写入" in out
    book.write_bytes(fill(book.read_bytes(), SLIP))
    if office == "libreoffice":
        _libreoffice(book)
    code, out, _ = _run("check", str(book))
    assert code == 1
    assert (
        "第三部分（收到和处理政府信息公开申请情况）表格“自然人”列："
        "第一项加第二项之和（5）应等于第三项加第四项之和（6）［B-BALANCE］" in out
    )
    code, _, _ = _run("render", str(book), "-o", str(tmp_path / "年报.docx"))
    assert code == 1  # a report with a slip is not rendered
    assert not (tmp_path / "年报.docx").exists()
    book.write_bytes(fill(book.read_bytes(), FIXED))
    code, out, _ = _run("check", str(book))
    assert (code, "通过" in out) == (0, True)
    code, _, _ = _run("render", str(book), "-o", str(tmp_path / "年报.docx"))
    assert code == 0
    assert (tmp_path / "年报.docx").read_bytes().startswith(b"PK")


def test_new_never_overwrites(tmp_path: pathlib.Path) -> None:
    book = tmp_path / "年报.xlsx"
    book.write_bytes(b"filled in already")
    code, _, err = _run("new", "--organ", "某县", "--year", "2025", "-o", str(book))
    assert code == 2
    assert "未覆盖" in err
    assert book.read_bytes() == b"filled in already"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--organ", "", "--year", "2025", "-o", "x.xlsx"], "未写入任何文件"),
        (["--organ", "某县", "--year", "2025", "-o", "x.docx"], ".xlsx"),
    ],
)
def test_new_refuses(tmp_path: pathlib.Path, argv: list[str], words: str) -> None:
    argv = [str(tmp_path / a) if a.startswith("x.") else a for a in argv]
    code, _, err = _run("new", *argv)
    assert code in (1, 2)
    assert words in err
    assert not list(tmp_path.iterdir())


def test_gbk_json_gets_a_hint(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "年报.json"
    path.write_bytes('{"organ": "某县教育局", "year": 2025}'.encode("gbk"))
    code, _, err = _run("check", str(path))
    assert code == 2
    assert "UTF-8" in err
    assert "另存为" in err


def test_file_open_elsewhere_gets_a_hint(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(_self: pathlib.Path, _target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "replace", locked)
    with pytest.raises(WriteError) as info:
        _io.atomic_write(tmp_path / "年报.docx", b"x")
    assert "请先关闭" in info.value.message("zh")
    assert "close it first" in info.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_outputs_to_files(tmp_path: pathlib.Path) -> None:
    book = tmp_path / "年报.xlsx"
    _run("new", "--organ", "某县教育局", "--year", "2025", "-o", str(book))
    book.write_bytes(fill(book.read_bytes(), SLIP))
    cells = tmp_path / "单元格.csv"
    code, _, err = _run("read", str(book), "--cells", "-o", str(cells))
    assert (code, f"已写入 {cells}") == (0, err.strip())
    assert cells.read_bytes().startswith(b"\xef\xbb\xbftable,row,column,value\n")
    code, _, err = _run("check", str(book), "--format", "csv", "-o", str(tmp_path / "检查.xlsx"))
    assert code == 1
    assert "已写入" in err
    sheet = openpyxl.load_workbook(tmp_path / "检查.xlsx")["数据"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("file", "code")
    assert [r[1] for r in rows[1:]] == ["B-BALANCE", "B-BALANCE"]
    code, _, err = _run("audit", str(book), "--format", "csv", "-o", str(tmp_path / "审核.csv"))
    assert "已写入" in err
    assert (tmp_path / "审核.csv").read_text(encoding="utf-8-sig").count(",B-BALANCE,") == 2
    code, _, err = _run("read", str(book), "-o", str(tmp_path / "年报.json"))
    assert code == 1
    assert "未写入任何文件" in err
    assert not (tmp_path / "年报.json").exists()
    code, _, err = _run("check", str(book), "--format", "text", "-o", str(tmp_path / "x.xlsx"))
    assert "只有表格" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_render_date(tmp_path: pathlib.Path) -> None:
    book = tmp_path / "年报.xlsx"
    _run("new", "--organ", "某县教育局", "--year", "2025", "-o", str(book))
    out = tmp_path / "年报.docx"
    code, _, _ = _run("render", str(book), "-o", str(out), "--date", "2026年1月20日")
    assert code == 0
    assert read_docx(out).date == dt.date(2026, 1, 20)
    code, _, err = _run("render", str(book), "-o", str(out), "--date", "明天")
    assert code == 2
    assert "不是日期" in err


def test_aggregate_thirty_workbooks(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "各单位"
    folder.mkdir()
    units = []
    for i in range(30):
        book = folder / f"单位{i:02d}.xlsx"
        _run("new", "--organ", f"第{i}乡镇", "--year", "2025", "-o", str(book))
        figures = {
            ("requests", "new", "natural_person"): i,
            ("requests", "results", "disclosed", "natural_person"): i,
            ("proactive", "licensing"): 10 * i,
            ("appeals", "reconsideration", "upheld"): i % 3,
        }
        if i == 7:  # a unit with a slip: left out of the sum, listed with its findings
            figures[("requests", "carried_forward", "natural_person")] = 1
        book.write_bytes(fill(book.read_bytes(), figures))
        units.append(i)
    (folder / "~$单位00.xlsx").write_bytes(b"Excel's lock file")
    out = tmp_path / "汇总.xlsx"
    code, printed, err = _run("aggregate", str(folder), "--organ", "某县", "-o", str(out))
    assert code == 1  # unit 7 has an error and is left out
    assert "单位07.xlsx" in printed + err
    total = read_xlsx(out).to_report()
    summed = [i for i in units if i != 7]
    assert total.requests.new.total == sum(summed)
    assert total.proactive.licensing == 10 * sum(summed)
    assert total.appeals.reconsideration.total == sum(i % 3 for i in summed)
    expected = aggregate(
        [read_xlsx(folder / f"单位{i:02d}.xlsx").to_report() for i in summed], organ="某县"
    )
    assert total == expected
    wb = openpyxl.load_workbook(out)
    rows = list(wb[UNITS_SHEET].iter_rows(values_only=True))
    assert len(rows) == 1 + 30 + 1  # header, every unit (the one left out too), 合计
    assert rows[-1][0] == "合计"
    findings = list(wb[FINDINGS_SHEET].iter_rows(values_only=True))
    assert {r[1] for r in findings[1:]} == {"B-BALANCE"}


@pytest.mark.parametrize("command", ["check", "audit", "render"])
def test_a_damaged_workbook_is_named_as_a_workbook(tmp_path: pathlib.Path, command: str) -> None:
    broken = tmp_path / "年报.xlsx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    argv = [command, str(broken)]
    if command == "render":
        argv += ["-o", str(tmp_path / "年报.docx")]
    err, out = io.StringIO(), io.StringIO()
    assert run(argv, out, err) == 2
    text = out.getvalue() + err.getvalue()
    assert "不是有效的 .xlsx 文件（无法作为 zip 打开）" in text
    assert "JSON" not in text
    assert ".docx" not in text.replace("年报.docx", "")


def test_a_zip_that_is_no_workbook_says_so(tmp_path: pathlib.Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
    path = tmp_path / "年报.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ReadError) as info:
        read_xlsx(path)
    assert info.value.message("zh").endswith("：不是 Excel 工作簿（缺少 [Content_Types].xml）")
