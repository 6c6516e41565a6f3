"""The batch commands on real folders as careless users leave them.

An output named inside an input folder, or spelled as one of the inputs found there (``./``,
``sub/..``, a symbolic link), is refused before anything is read or written: the inputs
stay as they were, and a re-run reads the same inputs as the first run.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import dumps, load
from govinfo_report.cli import read as read_cli
from govinfo_report.cli import run
from govinfo_report.cli._batch import in_order
from govinfo_report.errors import ReadError
from govinfo_report.many._inputs import UNREAD_SUFFIXES, iter_reports
from govinfo_report.model import ProactiveDisclosure

SERIES = Path(__file__).parent / "data" / "series"
PUBLISHED = Path(__file__).parent / "data" / "published"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _folder(root: Path) -> Path:
    """A unit folder: report JSON, a published text, a subfolder."""
    folder = root / "units"
    (folder / "sub").mkdir(parents=True, exist_ok=True)
    shutil.copy(SERIES / "2023.json", folder / "a.json")
    shutil.copy(SERIES / "2023.json", folder / "sub" / "b.json")
    shutil.copy(PUBLISHED / "jinlongshan-2021.txt", folder / "c.txt")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


#: Each command given the folder ``{units}`` and the output ``{out}``.
COMMANDS = {
    "audit": ["audit", "{units}", "-o", "{out}"],
    "audit-json": ["audit", "{units}", "--format", "json", "-o", "{out}"],
    "aggregate": ["aggregate", "{units}", "--organ", "某市", "-o", "{out}"],
    "compare": ["compare", "{total}", "--units", "{units}", "-o", "{out}"],
}


def _argv(command: str, units: Path, out: str, total: Path) -> list[str]:
    return [a.format(units=units, out=out, total=total) for a in COMMANDS[command]]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("name", ["c.txt", "sub/b.json", "new.json", "sub/new.TXT", "x.docx"])
def test_no_output_inside_an_input_folder(tmp_path: Path, command: str, name: str) -> None:
    units = _folder(tmp_path)
    total = tmp_path / "total.json"
    shutil.copy(SERIES / "2023.json", total)
    before = _snapshot(units)
    code, _, err = _run(*_argv(command, units, str(units / name), total), "--lang", "en")
    assert code == 2
    assert "inside the input folder" in err
    assert "nothing was written" in err
    assert _snapshot(units) == before


def test_refusal_in_chinese(tmp_path: Path) -> None:
    units = _folder(tmp_path)
    code, _, err = _run("audit", str(units), "-o", str(units / "audit.txt"))
    assert code == 2
    assert "输出文件位于输入文件夹" in err
    assert "未写入任何文件" in err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_output_beside_but_not_read_is_written(tmp_path: Path, command: str) -> None:
    """A CSV beside the reports is no input: written, and a re-run reads the same."""
    units = _folder(tmp_path)
    total = tmp_path / "total.json"
    shutil.copy(SERIES / "2023.json", total)
    out = units / "result.csv" if command != "aggregate" else tmp_path / "t.json"
    first = _run(*_argv(command, units, str(out), total))
    assert out.exists()
    second = _run(*_argv(command, units, str(out), total))
    assert first[0] == second[0] != 2


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(sorted(COMMANDS)),
    target=st.sampled_from(["a.json", "sub/b.json", "c.txt"]),
    dots=st.lists(st.sampled_from([".", "sub/.."]), max_size=3),
)
def test_no_spelling_of_an_input_through_a_link_is_overwritten(
    tmp_path: Path, command: str, target: str, dots: list[str]
) -> None:
    """The inputs found in a folder are protected under any spelling, through any link."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    units = _folder(root)
    total = root / "total.json"
    shutil.copy(SERIES / "2023.json", total)
    # The output is reached through a link to the input folder, spelled with ./ and sub/..
    link = root / "link"
    link.symlink_to(units, target_is_directory=True)
    out = os.path.join(str(link), *dots, target)  # noqa: PTH118 - the spelling is the test
    before = _snapshot(units)
    code, _, _ = _run(*_argv(command, units, out, total))
    assert code == 2
    assert _snapshot(units) == before


def test_an_input_reached_through_a_link_in_a_folder_is_protected(tmp_path: Path) -> None:
    """A folder holds a link to a report elsewhere: that report is an input too."""
    elsewhere = tmp_path / "elsewhere.json"
    shutil.copy(SERIES / "2022.json", elsewhere)
    units = tmp_path / "units"
    units.mkdir()
    (units / "link.json").symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    for argv in (
        ["audit", str(units), "--format", "json", "-o", str(elsewhere)],
        ["compare", str(SERIES / "2022.json"), "--units", str(units), "-o", str(elsewhere)],
        ["aggregate", str(units), "--organ", "某市", "-o", str(elsewhere)],
    ):
        code, _, err = _run(*argv, "--lang", "en")
        assert code == 2, argv
        assert "refusing to overwrite an input" in err
        assert elsewhere.read_bytes() == before


# --- audit --series: two reports of one organ's year --------------------------------------


def _series_folder(root: Path, licensing: int, duplicate: str) -> tuple[Path, Path]:
    """The three years, and a second 2022 report whose 行政许可 figure is ``licensing``."""
    folder = root / "series"
    folder.mkdir(parents=True)
    for year in (2021, 2022, 2023):
        shutil.copy(SERIES / f"{year}.json", folder / f"{year}.json")
    report = load(SERIES / "2022.json")
    assert isinstance(report.proactive, ProactiveDisclosure)
    other = attrs.evolve(report, proactive=attrs.evolve(report.proactive, licensing=licensing))
    second = folder / duplicate
    second.write_text(dumps(other), encoding="utf-8")
    return folder, second


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    licensing=st.integers(0, 10**6),
    duplicate=st.sampled_from(["2022-copy.json", "2021z.json", "0-2022.json"]),
)
def test_a_second_report_of_a_year_is_named(tmp_path: Path, licensing: int, duplicate: str) -> None:
    """Two reports of one organ's year: with other figures, the later is left out by name."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    folder, second = _series_folder(root, licensing, duplicate)
    same = licensing == load(SERIES / "2022.json").proactive.licensing
    code, out, _ = _run("audit", str(folder), "--series", "--lang", "en")
    files = sorted(str(p) for p in folder.iterdir())
    first, later = sorted([str(second), str(folder / "2022.json")])
    if same:  # the page and its attachment: nothing to choose between
        assert code == 0
        assert "left out" not in out.replace("0 left out", "")
        return
    assert code == 1
    assert f"{later}: left out of the series: another 2022 report of " in out
    assert f"than {first}, and 1 cells differ" in out
    assert "series: 3 reports used, 1 left out (see above)" in out
    assert "two different reports" not in out
    assert len(files) == 4
    # In Chinese too, and the same with --jobs.
    code_zh, out_zh, _ = _run("audit", str(folder), "--series")
    assert code_zh == 1
    assert f"{later}：未纳入年度序列：与 {first} 同为" in out_zh
    assert _run("audit", str(folder), "--series", "--jobs", "2")[:2] == (code_zh, out_zh)


# --- names in a folder that cannot be looked at -------------------------------------------


def _broken_links(folder: Path) -> list[str]:
    """A dangling link and a loop of two links, each named like a report."""
    (folder / "gone.json").symlink_to(folder / "nowhere.json")
    (folder / "loop-a.docx").symlink_to(folder / "loop-b.docx")
    (folder / "loop-b.docx").symlink_to(folder / "loop-a.docx")
    (folder / "gone.jsonl").symlink_to(folder / "nowhere.jsonl")
    return ["gone.json", "loop-a.docx", "loop-b.docx"]


@pytest.mark.parametrize("command", ["audit", "aggregate", "compare"])
def test_a_broken_link_in_a_folder_is_named(tmp_path: Path, command: str) -> None:
    """A unit whose file is a dangling link was left out in silence: now it is named."""
    units = _folder(tmp_path)
    names = _broken_links(units)
    if command != "audit":
        names.append("gone.jsonl")
    total = tmp_path / "total.json"
    shutil.copy(SERIES / "2023.json", total)
    out = str(tmp_path / "out.json")
    code, stdout, err = _run(*_argv(command, units, out, total), "--lang", "en")
    assert code == 2
    written = Path(out).read_text(encoding="utf-8") if command == "audit" else ""
    said = stdout + err + written
    for name in names:
        assert f"{units / name}: " in said, name
    assert f"{units / 'gone.json'}: is a dangling symbolic link" in said
    assert "Too many levels of symbolic links" in said


def test_dangling_in_chinese(tmp_path: Path) -> None:
    units = _folder(tmp_path)
    _broken_links(units)
    code, out, _ = _run("audit", str(units))
    assert code == 2
    assert f"无法读取 {units / 'gone.json'}：是一个断开的符号链接" in out


def test_a_fifo_named_as_json_lines_is_refused(tmp_path: Path) -> None:
    """``aggregate x.jsonl`` on a FIFO blocked forever (run in a child with a timeout)."""
    fifo = tmp_path / "units.jsonl"
    os.mkfifo(fifo)
    argv = ["aggregate", str(fifo), "-o", str(tmp_path / "t.json"), "--organ", "某市"]
    for command in (argv, ["compare", str(SERIES / "2023.json"), "--units", str(fifo)]):
        done = subprocess.run(
            [sys.executable, "-m", "govinfo_report", *command, "--lang", "en"],
            capture_output=True,
            timeout=120,
            check=False,
            text=True,
        )
        assert done.returncode == 2
        assert f"{fifo}: not a regular file" in done.stderr + done.stdout
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["aggregate", "render", "audit"])
def test_an_output_that_is_a_loop_of_links_is_refused(tmp_path: Path, command: str) -> None:
    """``-o`` naming a loop of links raised RuntimeError out of Path.resolve()."""
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    out = str(tmp_path / "a.json")
    argv = {
        "aggregate": ["aggregate", str(SERIES / "2023.json"), "--organ", "某市", "-o", out],
        "render": ["render", str(SERIES / "2023.json"), "-o", out],
        "audit": ["audit", str(SERIES / "2023.json"), "--format", "json", "-o", out],
    }[command]
    code, _, err = _run(*argv, "--lang", "en")
    assert code == 2
    assert "refusing to write" in err
    assert (tmp_path / "a.json").is_symlink()


# --- audit --jobs N: a reading process that dies -----------------------------------------


def _dies_on_three(n: int) -> int:
    if n == 3:
        os._exit(1)
    return 2 * n


def test_a_process_that_dies_breaks_no_batch() -> None:
    """Before, a worker killed (for want of memory) ended the batch with a traceback."""
    results = list(in_order(_dies_on_three, [1, 2, 3, 4, 5, 6], 2, broken=lambda n: -n))
    assert results == [2, 4, -3, 8, 10, 12]


def _audit_or_die(path: str, *, timeout: float) -> object:
    if path.endswith("kills.txt"):
        os._exit(1)
    return _AUDIT_ONE(path, timeout=timeout)


_AUDIT_ONE = read_cli._audit_one  # noqa: SLF001 - the function the workers run


def test_audit_names_the_input_whose_process_died(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "kills.txt", "z.txt"):
        shutil.copy(PUBLISHED / "jinlongshan-2021.txt", tmp_path / name)
    monkeypatch.setattr(read_cli, "_audit_one", _audit_or_die)  # workers are forked
    code, out, err = _run("audit", str(tmp_path), "--jobs", "2", "--lang", "en")
    assert code == 2, err
    assert f"cannot read {tmp_path / 'kills.txt'}: the process reading it ended abruptly" in out
    assert f"{tmp_path / 'a.txt'}: sound" in out
    assert f"{tmp_path / 'z.txt'}: sound" in out
    assert out.endswith("total: 3 files, 2 sound, 0 not sound, 1 unreadable\n")
    code, out, _ = _run("audit", str(tmp_path), "--jobs", "2")
    assert "读取它的进程意外终止" in out


# --- documents no reader reads, found in a folder ------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # a Word 97 / WPS / Excel 97 file


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    suffix=st.sampled_from(sorted(UNREAD_SUFFIXES)),
    upper=st.booleans(),
    command=st.sampled_from(["audit", "aggregate", "compare"]),
)
def test_a_report_kept_as_doc_in_a_folder_is_named(
    tmp_path: Path,
    suffix: str,
    upper: bool,  # noqa: FBT001 - a drawn flag
    command: str,
) -> None:
    """A unit's report saved as .doc (.wps, .xls, .ofd…) was passed over without a word."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    units = _folder(root)
    name = "乙镇" + (suffix.upper() if upper else suffix)
    (units / "sub" / name).write_bytes(_OLE2)
    total = root / "total.json"
    shutil.copy(SERIES / "2023.json", total)
    argv = _argv(command, units, str(root / "out.json"), total)
    code, out, err = _run(*argv, "--format", "json") if command == "audit" else _run(*argv)
    said = out + err + (root / "out.json").read_text(encoding="utf-8")
    assert code == 2
    assert f"{units / 'sub' / name}" in said
    assert f"不能读取 {suffix} 文件，未计入" in said
    assert (f"{suffix} files cannot be read" in said) == (command == "audit")  # JSON has both


def test_only_documents_no_reader_reads(tmp_path: Path) -> None:
    """A folder with a .doc alone is named twice: the .doc, and "no reports"."""
    (tmp_path / "a.doc").write_bytes(_OLE2)
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")  # no report's kind: quiet
    code, out, err = _run("audit", str(tmp_path), "--lang", "en")
    assert code == 2
    assert f"cannot read {tmp_path / 'a.doc'}: .doc files cannot be read" in out
    assert "no reports found" in err
    assert "notes.csv" not in out + err


def test_iter_reports_names_a_doc(tmp_path: Path) -> None:
    shutil.copy(SERIES / "2023.json", tmp_path / "a.json")
    (tmp_path / "b.DOC").write_bytes(_OLE2)
    items = list(iter_reports(tmp_path))
    assert [(Path(i.source).name, i.report is not None) for i in items] == [
        ("a.json", True),
        ("b.DOC", False),
    ]
    assert isinstance(items[1].error, ReadError)
    assert "save it as .docx" in items[1].error.message("en")


# --- a report's JSON renamed .jsonl -------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(
    indent=st.sampled_from([1, 2, 4, "\t"]),
    bom=st.booleans(),
    blank=st.sampled_from(["", "\n", "\r\n \n"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_pretty_json_named_jsonl_is_one_report(
    indent: int | str,
    bom: bool,  # noqa: FBT001 - a drawn flag
    blank: str,
    newline: str,
) -> None:
    """Before, each of its ~300 lines was a "not valid JSON" error of its own."""
    report = load(SERIES / "2023.json")
    text = blank + json.dumps(json.loads(dumps(report)), ensure_ascii=False, indent=indent)
    data = ("\ufeff" if bom else "") + text.replace("\n", newline)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "units.jsonl"
        path.write_bytes(data.encode("utf-8"))
        items = list(iter_reports(path))
    assert len(items) == 1
    assert items[0].source == str(path)
    assert items[0].report == report


def test_json_lines_stay_json_lines(tmp_path: Path) -> None:
    reports = [load(SERIES / f"{year}.json") for year in (2021, 2022)]
    path = tmp_path / "units.jsonl"
    lines = [dumps(r, indent=None).strip() for r in reports]
    path.write_text("\n" + "\n".join(lines), encoding="utf-8")
    items = list(iter_reports(path))
    assert [i.source for i in items] == [f"{path}:2", f"{path}:3"]
    assert [i.report for i in items] == reports


def test_a_page_saved_as_shtml_is_summed(tmp_path: Path) -> None:
    """audit read a unit's page saved as .shtml; aggregate passed it over in a folder."""
    units = tmp_path / "units"
    units.mkdir()
    shutil.copy(SERIES / "2022.json", units / "a.json")
    code, _, _ = _run("render", str(SERIES / "2022.json"), "-o", str(tmp_path / "b.html"))
    assert code == 0
    (tmp_path / "b.html").rename(units / "b.SHTML")
    code, out, _ = _run(
        "aggregate", str(units), "-o", str(tmp_path / "t.json"), "--organ", "某市", "--lang", "en"
    )
    assert code == 1  # the same unit twice: X-UNITS
    assert f"summed 2 reports for 2022 into {tmp_path / 't.json'}" in out
    assert len(list(iter_reports(units))) == 2


# --- file names that would print lines of their own ------------------------------------

FILE_NAMES = st.text(
    st.characters(exclude_characters="/\x00", exclude_categories=["Cs"]),
    min_size=1,
    max_size=30,
).filter(lambda n: n not in {".", ".."} and not n.startswith((".", "~$")))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(FILE_NAMES, min_size=1, max_size=3, unique=True),
    lang=st.sampled_from(["zh", "en"]),
)
def test_a_file_name_prints_no_line_of_its_own(tmp_path: Path, names: list[str], lang: str) -> None:
    """A name with a line break (``"x.json\\nother.json: sound"``) forged a line of the audit."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    for n, name in enumerate(names):
        # alternately a sound report and one that cannot be read
        data = (SERIES / "2021.json").read_bytes() if n % 2 == 0 else b"{"
        (root / f"{name}.json").write_bytes(data)
    code, out, _ = _run("audit", str(root), "--lang", lang)
    assert code == (2 if len(names) > 1 else 0)
    heads = [line for line in out.splitlines() if not line.startswith("  ")]
    assert len(heads) == len(names) + 1  # one line a file, and the tally
    assert all(line.startswith((str(root), "cannot read", "无法读取")) for line in heads[:-1])
