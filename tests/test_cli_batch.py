"""``audit --jobs N``: the same output, in the same order, as one process; progress only on a
terminal, silenced by ``--quiet``."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from govinfo_report.cli import run

DATA = Path(__file__).parent / "data"


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _run(*argv: str, err: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), err if err is not None else io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Published reports of every kind, JSON reports, and inputs that cannot be read."""
    folder = tmp_path_factory.mktemp("batch")
    for path in sorted((DATA / "published").iterdir()):
        if not path.name.endswith((".json", ".py")):
            shutil.copy(path, folder / path.name)
    for path in sorted((DATA / "series").glob("*.json")):
        shutil.copy(path, folder / f"series-{path.name}")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    return folder


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_jobs_give_the_same_output(batch: Path, fmt: str) -> None:
    one = _run("audit", str(batch), "--series", "--copied", "--format", fmt)
    three = _run("audit", str(batch), "--series", "--copied", "--format", fmt, "--jobs", "3")
    assert three == one
    assert one[0] == 2


def test_progress_only_on_a_terminal(batch: Path) -> None:
    _, _, err = _run("audit", str(batch))
    assert "[1/" not in err
    _, _, err = _run("audit", str(batch), err=Terminal())
    assert f"[1/{len(list(batch.iterdir()))}]" in err
    _, _, err = _run("audit", str(batch), "--quiet", err=Terminal())
    assert "[1/" not in err


def test_a_bar_for_long_batches(tmp_path: Path) -> None:
    for n in range(25):
        shutil.copy(DATA / "published" / "jinlongshan-2021.txt", tmp_path / f"{n:02}.txt")
    _, _, err = _run("audit", str(tmp_path), "--jobs", "2", err=Terminal())
    assert "\r[" in err
    assert err.rstrip().endswith("25/25")
    assert "[1/25]" not in err


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_bad_jobs(tmp_path: Path, jobs: str) -> None:
    code, _, err = _run("audit", str(tmp_path), "--jobs", jobs)
    assert code == 2
    assert "--jobs" in err
