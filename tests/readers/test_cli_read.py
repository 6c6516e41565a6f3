from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from govinfo_report.cli import run
from govinfo_report.formats.json.codec import loads

CORPUS = Path(__file__).parents[1] / "data" / "published"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_read_cells_csv() -> None:
    code, out, _ = _run("read", str(CORPUS / "city-department-2023.gbk.html"), "--cells")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["table", "row", "column", "value"]
    assert ["三", "三、本年度办理结果/（三）不予公开/1.属于国家秘密", "自然人", "3"] in rows or any(
        r[:3] == ["三", "三、本年度办理结果/（三）不予公开/1.属于国家秘密", "自然人"] for r in rows
    )
    assert any(r[:3] == ["四", "行政诉讼/复议后起诉", "总计"] for r in rows)
    assert len(rows) == 1 + 203


def test_read_json_and_output(tmp_path: Path) -> None:
    source = CORPUS / "city-department-2023.tsv.txt"
    code, out, _ = _run("read", str(source), "--json")
    assert code == 0
    assert json.loads(out)["organ"] == "某市自然资源和规划局"
    target = tmp_path / "r.json"
    code, _, _ = _run("read", str(source), "-o", str(target))
    assert code == 0
    assert loads(target.read_text(encoding="utf-8")).year == 2023


def test_read_output_refused_when_unsound(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    code, _, err = _run(
        "read", str(CORPUS / "city-department-2023-errors.gbk.html"), "-o", str(target)
    )
    assert code == 1
    assert "B-ROWTOTAL" in err
    assert not target.exists()


def test_read_never_overwrites_input(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_bytes((CORPUS / "jinlongshan-2021.txt").read_bytes())
    code, _, _ = _run("read", str(source), "-o", str(source))
    assert code == 2
    assert source.read_bytes() == (CORPUS / "jinlongshan-2021.txt").read_bytes()


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_audit_batch(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.docx").write_bytes(b"PK\x03\x04 not a zip")
    for name in ("jinlongshan-2021.txt", "city-department-2023-errors.gbk.html"):
        (tmp_path / name).write_bytes((CORPUS / name).read_bytes())
    code, out, err = _run("audit", str(tmp_path), "--format", fmt, "--lang", "en")
    assert code == 2
    assert "[3/3]" not in err  # progress only on a terminal (test_cli_batch)
    total = "total: 3 files, 1 sound, 1 not sound, 1 unreadable"
    assert total in (out if fmt == "text" else err)  # text: with the report; else stderr
    assert "B-HANDLED" in out
    assert "Traceback" not in out + err


def test_audit_exit_codes() -> None:
    assert _run("audit", str(CORPUS / "jinlongshan-2021.txt"))[0] == 0
    code, out, _ = _run("audit", str(CORPUS / "city-department-2023-errors.gbk.html"))
    assert code == 1
    assert "未通过" in out


def test_audit_of_an_empty_folder_fails(tmp_path: Path) -> None:
    code, out, err = _run("audit", "--lang", "en", str(tmp_path))
    assert code == 2
    assert "no reports found" in err
    assert "total: 0 files" in out


def test_audit_reads_report_json_and_follows_the_series() -> None:
    series = Path(__file__).parents[1] / "data" / "series"
    code, out, _ = _run("audit", "--series", "--lang", "en", str(series))
    assert code == 0
    assert "tests/data/series/2022.json: sound" in out.replace("\\", "/")
    assert out.count("[X-STOCK]") == 1
    assert out.count("[X-CARRY]") == 1


def test_audit_of_unsound_report_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "govinfo-report"}', encoding="utf-8")
    code, out, _ = _run("audit", "--lang", "en", str(bad))
    assert code == 1
    assert "[S-FORMAT]" in out
