"""``govinfo-report render``: JSON in, .docx out, inputs never overwritten."""

import io
import zipfile
from pathlib import Path

from govinfo_report import AnnualReport, dumps
from govinfo_report.cli import run


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
