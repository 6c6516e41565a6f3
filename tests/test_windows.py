"""What Windows brings, simulated here (no Windows machine ran these): CRLF, BOMs, GBK, locks.

Notepad saves UTF-8 with a byte-order mark and CRLF line ends, or "ANSI" (GBK on Chinese
Windows); Word, Excel and WPS lock the files they have open. Paths and names in Chinese.
"""

from __future__ import annotations

import io
import pathlib

import pytest

from govinfo_report import dumps, loads, read
from govinfo_report.cli import run

EXAMPLE = pathlib.Path(__file__).parents[1] / "examples" / "city-department-2023.json"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["lf", "crlf", "bom-crlf"],
)
def test_json_as_notepad_saves_it(tmp_path: pathlib.Path, encode: object) -> None:
    folder = tmp_path / "各单位（2025年）"
    folder.mkdir()
    path = folder / "某县教育局年报.json"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_bytes(encode(text))  # type: ignore[operator]  # one of the lambdas above
    code, out, _ = _run("check", str(path))
    assert (code, "通过" in out) == (0, True)
    assert loads(path.read_bytes()) == loads(text)


def test_text_report_in_gbk_with_crlf_reads_as_utf8_with_lf(tmp_path: pathlib.Path) -> None:
    text = "某县教育局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\t规章\t1\t0\t3\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    a, b = read(tmp_path / "a.txt"), read(tmp_path / "b.txt")
    assert a.cells
    assert [(c.key, c.value) for c in a.cells] == [(c.key, c.value) for c in b.cells]
    assert (a.organ, a.year) == (b.organ, b.year) == ("某县教育局", 2023)


def test_outputs_are_utf8_whatever_the_console(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "年报.json"
    path.write_text(dumps(loads(EXAMPLE.read_bytes())), encoding="utf-8")
    out = tmp_path / "结果.csv"
    code, _, _ = _run("check", str(path), "--format", "csv", "-o", str(out))
    assert code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    out.read_bytes().decode("utf-8-sig")  # UTF-8 throughout, not the console's cp936
