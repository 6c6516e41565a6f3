"""``read PATH... --out-dir DIR``: many published reports read at once, one output each."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import load
from govinfo_report.cli import run
from govinfo_report.cli.read import _targets
from govinfo_report.formats.html.writer import html_text
from govinfo_report.published.readers import read

ROOT = Path(__file__).parents[1]
REPORT = load(ROOT / "examples" / "city-department-2023.json")


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([*argv, "--lang", "en"], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    page = html_text(REPORT)
    (folder / "a.html").write_text(page, encoding="utf-8")
    (folder / "a.htm").write_text(page, encoding="utf-8")  # the same stem
    (folder / "sub" / "a.html").write_text(page, encoding="utf-8")  # the same name below
    (folder / "notes.txt").write_text("会议通知", encoding="utf-8")  # no report
    return folder


def test_a_folder_gives_one_report_json_an_input(pages: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, err = _run("read", str(pages), "--out-dir", str(out_dir))
    assert code == 1  # one input is no sound report
    assert out == ""
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.json"))
    assert written == ["a.html.json", "a.json", "sub/a.json"]  # a.htm first
    for path in out_dir.rglob("*.json"):
        assert load(path) == read(pages / "a.html").to_report()
    assert "notes.txt" in err
    assert err.endswith(f"read 4, wrote 3 files into {out_dir}; 1 inputs not written (see above)\n")


@pytest.mark.parametrize(("option", "suffix"), [("--cells", ".csv"), ("--json", ".record.json")])
def test_cells_and_records_an_input(pages: Path, tmp_path: Path, option: str, suffix: str) -> None:
    out_dir = tmp_path / "out"
    named = [str(pages / "a.html"), str(pages / "sub" / "a.html")]
    code, _, err = _run("read", *named, option, "--out-dir", str(out_dir))
    assert (code, err.count("wrote ")) == (0, 3)  # two files and the summary
    assert sorted(p.name for p in out_dir.iterdir()) == sorted([f"a{suffix}", f"a.html{suffix}"])
    for path in out_dir.iterdir():
        assert (path.read_bytes()[:3] == b"\xef\xbb\xbf") == (suffix == ".csv")


def test_an_unreadable_input_is_named_and_the_rest_written(pages: Path, tmp_path: Path) -> None:
    (pages / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    code, _, err = _run("read", str(pages), "--cells", "--out-dir", str(tmp_path / "out"))
    assert code == 2
    assert "broken.docx" in err
    assert len(list((tmp_path / "out").rglob("*.csv"))) == 4


def test_the_out_dir_refused(pages: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = _run("read", str(pages), "--out-dir", str(a_file))
    assert code == 2
    assert "is not a folder" in err
    before = sorted(pages.rglob("*"))
    code, _, err = _run("read", str(pages), "--out-dir", str(pages / "out"))
    assert code == 2
    assert "inside an input folder" in err
    assert sorted(pages.rglob("*")) == before  # nothing written
    code, _, err = _run("read", str(pages), "--out-dir", str(tmp_path / "o"), "-o", "x.json")
    assert (code, "not both" in err) == (2, True)


def test_many_inputs_need_the_out_dir(pages: Path) -> None:
    code, out, err = _run("read", str(pages / "a.html"), str(pages / "a.htm"), "--cells")
    assert (code, out) == (2, "")
    assert "need --out-dir" in err
    code, out, err = _run("read", str(pages), "--json")
    assert (code, out) == (2, "")


def test_one_file_reads_as_before(pages: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    code, _, _ = _run("read", str(pages / "a.html"), "-o", str(target))
    assert code == 0
    assert load(target) == read(pages / "a.html").to_report()
    code, out, _ = _run("read", str(pages / "a.html"), "--cells")
    assert (code, out.splitlines()[0]) == (0, "table,row,column,value")


_NAMES = st.text(alphabet="ab.", min_size=1, max_size=4).filter(lambda n: n.strip(".") == n)
_FILES = st.lists(
    st.tuples(
        st.sampled_from(["", "sub", "sub/deeper", "other"]),
        _NAMES,
        st.sampled_from([".html", ".htm", ".docx", ".HTML", ".txt"]),
    ),
    min_size=1,
    max_size=12,
    unique=True,
)


@settings(max_examples=200, deadline=None)
@given(files=_FILES, suffix=st.sampled_from([".json", ".record.json", ".csv"]))
def test_every_input_has_its_own_output_in_the_out_dir(
    files: list[tuple[str, str, str]], suffix: str
) -> None:
    """Any inputs (stems alike, names alike in other folders): distinct outputs, each in DIR."""
    root = Path("/in")
    paths = [os.fspath(root / folder / f"{name}{kind}") for folder, name, kind in files]
    targets = _targets(paths, [root], Path("/out"), suffix)
    assert len({os.path.normcase(t) for t in targets}) == len(paths)
    for path, target in zip(paths, targets, strict=True):
        assert target.is_relative_to("/out")
        assert target.name.endswith(suffix)
        assert target.parent == Path("/out") / Path(path).parent.relative_to(root)
        assert target.name.startswith(Path(path).stem)
