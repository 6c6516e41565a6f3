"""``govinfo-report render``: JSON in, the format the output's suffix names out; inputs kept."""

import importlib.util
import io
import os
import zipfile
from pathlib import Path

import pytest

from govinfo_report import AnnualReport, dumps, loads
from govinfo_report.cli import run
from govinfo_report.cli.render import FORMATS


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def _input(tmp_path: Path, name: str = "r.json") -> Path:
    path = tmp_path / name
    path.write_text(dumps(AnnualReport(organ="某县", year=2022)), encoding="utf-8")
    return path


def test_render_one(tmp_path: Path) -> None:
    source = _input(tmp_path)
    code, out, err = _run("render", str(source), "-o", str(tmp_path / "sub" / "r.docx"))
    assert (code, err) == (0, "")
    with zipfile.ZipFile(tmp_path / "sub" / "r.docx") as z:
        assert "word/document.xml" in z.namelist()
    assert "r.docx" in out


def test_render_many_to_a_folder(tmp_path: Path) -> None:
    a, b = _input(tmp_path, "a.json"), _input(tmp_path, "b.json")
    code, _, _ = _run("render", str(a), str(b), "--out-dir", str(tmp_path / "docs"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["a.docx", "b.docx"]


def test_render_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    source = _input(tmp_path)
    before = source.read_bytes()
    code, _, err = _run("render", str(source), "-o", str(source))
    assert code == 2
    assert "input" in err or "输入" in err
    assert source.read_bytes() == before


def test_render_reports_an_unsound_input_like_check(tmp_path: Path) -> None:
    source = _input(tmp_path)
    source.write_text(
        source.read_text(encoding="utf-8").replace('"natural_person": 0', '"natural_person": 1', 1),
        encoding="utf-8",
    )
    code, out, _ = _run("render", "--lang", "en", str(source), "-o", str(tmp_path / "x.docx"))
    assert code == 1
    assert "[B-ROWTOTAL]" in out
    assert not (tmp_path / "x.docx").exists()


def test_several_inputs_need_out_dir(tmp_path: Path) -> None:
    a, b = _input(tmp_path, "a.json"), _input(tmp_path, "b.json")
    assert _run("render", str(a), str(b), "-o", str(tmp_path / "x.docx"))[0] == 2


def test_render_with_the_windows_fonts(tmp_path: Path) -> None:
    source = _input(tmp_path)
    target = tmp_path / "w.docx"
    assert _run("render", "--fonts", "windows", str(source), "-o", str(target))[0] == 0
    with zipfile.ZipFile(target) as z:
        assert 'w:eastAsia="仿宋"' in z.read("word/styles.xml").decode("utf-8")


def test_two_inputs_with_one_output_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = _input(tmp_path / "a", "report.json"), _input(tmp_path / "b", "report.json")
    code, _, err = _run("render", "--lang", "en", str(a), str(b), "--out-dir", str(tmp_path / "o"))
    assert code == 2
    assert "would all be written to" in err
    assert not (tmp_path / "o").exists()


def test_out_dir_that_is_a_file_is_a_clean_error(tmp_path: Path) -> None:
    source = _input(tmp_path)
    code, out, err = _run("render", str(source), "--out-dir", str(source))
    assert code == 2
    assert "Traceback" not in out + err


# --- the format follows the output's suffix --------------------------------------------------

FAKE_SOFFICE = """#!/bin/sh
prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then outdir="$a"; fi
  prev="$a"
done
printf '%%PDF-1.6\\n1 0 obj\\n<</Type/Catalog/Lang(en-US)>>\\nendobj\\n' > "$outdir/report.pdf"
"""


def _kind(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK"):
        with zipfile.ZipFile(path) as z:
            return "docx" if "word/document.xml" in z.namelist() else "xlsx"
    if data.lstrip().startswith(b"{"):
        return "json"
    return "html" if b"<html" in data.lower() or b"<article" in data.lower() else "?"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("r.docx", "docx"), ("r.DOCX", "docx"), ("r.json", "json"), ("r.Json", "json"),
     ("r.xlsx", "xlsx")],
)  # fmt: skip
def test_the_suffix_chooses_the_format(tmp_path: Path, name: str, kind: str) -> None:
    source = _input(tmp_path, "in.json")
    code, _out, err = _run("render", str(source), "-o", str(tmp_path / name))
    assert (code, err) == (0, "")
    assert _kind(tmp_path / name) == kind
    if kind == "json":
        assert loads((tmp_path / name).read_text(encoding="utf-8")) == loads(
            source.read_text(encoding="utf-8")
        )


@pytest.mark.parametrize("name", ["r.txt", "r.doc", "r", "r.docx.bak"])
def test_an_unknown_suffix_is_refused_with_the_formats(tmp_path: Path, name: str) -> None:
    source = _input(tmp_path)
    code, out, err = _run("render", str(source), "-o", str(tmp_path / name))
    assert code == 2
    assert out == ""
    for suffix in FORMATS:
        assert suffix in err
    assert "可用的格式" in err  # zh by default
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # nothing written
    code, _, err = _run("render", "--lang", "en", str(source), "-o", str(tmp_path / name))
    assert code == 2
    assert "the formats are: .docx (Word document), .pdf" in err


def test_out_dir_with_format(tmp_path: Path) -> None:
    a, b = _input(tmp_path, "a.json"), _input(tmp_path, "b.json")
    code, _, _ = _run(
        "render", str(a), str(b), "--out-dir", str(tmp_path / "o"), "--format", "xlsx"
    )
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["a.xlsx", "b.xlsx"]
    assert {_kind(p) for p in (tmp_path / "o").iterdir()} == {"xlsx"}


def test_format_and_suffix_must_agree(tmp_path: Path) -> None:
    source = _input(tmp_path)
    code, _, err = _run(
        "render", "--lang", "en", str(source), "-o", str(tmp_path / "x.docx"), "--format", "pdf"
    )
    assert code == 2
    assert "disagrees" in err
    assert not (tmp_path / "x.docx").exists()


def test_pdf_without_libreoffice_explains_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    source = _input(tmp_path)
    for lang, words in (
        ("zh", "apt-get install libreoffice-writer-nogui"),
        ("en", "needs LibreOffice"),
    ):
        code, out, err = _run("render", "--lang", lang, str(source), "-o", str(tmp_path / "r.pdf"))
        assert code == 2
        assert words in err
        assert "Traceback" not in out + err
    assert not (tmp_path / "r.pdf").exists()


def test_pdf_through_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "soffice").write_text(FAKE_SOFFICE, encoding="utf-8")
    (folder / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    source = _input(tmp_path)
    code, _out, err = _run("render", str(source), "-o", str(tmp_path / "R.PDF"))
    assert (code, err) == (0, "")
    assert _kind(tmp_path / "R.PDF") == "pdf"
    assert b"/Lang(zh-CN)" in (tmp_path / "R.PDF").read_bytes()


def test_html_is_written_or_refused_clearly(tmp_path: Path) -> None:
    source = _input(tmp_path)
    code, _, err = _run("render", "--lang", "en", str(source), "-o", str(tmp_path / "r.html"))
    if importlib.util.find_spec("govinfo_report.formats.html") is None:
        assert code == 2
        assert "cannot write a web page (.html) yet" in err
        assert not (tmp_path / "r.html").exists()
    else:
        assert (code, err) == (0, "")
        assert _kind(tmp_path / "r.html") == "html"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["-o", "r.html"], "page"),
        (["-o", "r.HTML", "--fragment"], "fragment"),
        (["--out-dir", "out", "--format", "html", "--fragment"], "fragment"),
    ],
)
def test_html_page_or_fragment(tmp_path: Path, argv: list[str], expected: str) -> None:
    from govinfo_report.formats.html.writer import html_text  # noqa: PLC0415 - only here

    source = _input(tmp_path)
    argv = [str(tmp_path / a) if a.startswith(("r.", "out")) else a for a in argv]
    code, out, err = _run("render", "--lang", "en", str(source), *argv)
    assert (code, err) == (0, "")
    [written] = [p for p in tmp_path.rglob("r.*") if p.suffix.lower() == ".html"]
    assert out == f"wrote {written}\n"
    report = AnnualReport(organ="某县", year=2022)
    assert written.read_text(encoding="utf-8") == html_text(report, fragment=expected == "fragment")


@pytest.mark.parametrize("output", ["o.docx", "o.pdf", "o.json", "o.xlsx"])
def test_fragment_only_for_html(tmp_path: Path, output: str) -> None:
    source = _input(tmp_path)
    target = tmp_path / output
    code, _, err = _run("render", "--lang", "en", str(source), "-o", str(target), "--fragment")
    assert code == 2
    assert err == "--fragment applies to web pages (.html)\n"
    assert not target.exists()
