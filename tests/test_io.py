"""Atomic writes that never overwrite an input, and bounded reads."""

import os
from pathlib import Path

import pytest

from govinfo_report import ReadError, WriteError
from govinfo_report._io import atomic_write, read_bytes


def test_atomic_write_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.parametrize("spelling", ["same", "relative", "dotted"])
def test_an_input_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    source = tmp_path / "in.json"
    source.write_text("keep", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    target = {"same": source, "relative": Path("in.json"), "dotted": Path("./x/../in.json")}
    (tmp_path / "x").mkdir()
    with pytest.raises(WriteError):
        atomic_write(target[spelling], b"clobber", protect=[str(source)])
    assert source.read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "x"]


def test_a_missing_folder_is_made_and_a_file_in_the_way_is_a_clean_error(tmp_path: Path) -> None:
    atomic_write(tmp_path / "no" / "such" / "out.json", b"x")
    assert (tmp_path / "no" / "such" / "out.json").read_bytes() == b"x"
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(WriteError):
        atomic_write(tmp_path / "file" / "out.json", b"x")


def test_read_limits(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.write_bytes(b"x" * 11)
    assert read_bytes(big, limit=11) == b"x" * 11
    with pytest.raises(ReadError, match="limit"):
        read_bytes(big, limit=10)
    with pytest.raises(ReadError, match="directory"):
        read_bytes(tmp_path)


def test_new_files_get_the_usual_mode_and_existing_files_keep_theirs(tmp_path: Path) -> None:
    new = atomic_write(tmp_path / "new.json", b"x")
    assert new.stat().st_mode & 0o777 == 0o666 & ~_umask()
    kept = tmp_path / "kept.json"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    atomic_write(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
