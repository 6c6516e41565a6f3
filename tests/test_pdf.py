"""PDF on request: the .docx converted by LibreOffice, or a clear error without it.

The conversion's plumbing (no LibreOffice, a failing one, a hanging one, the language set)
is tested with stand-in ``soffice`` scripts on a PATH of our own; the real conversion is
tested where LibreOffice is installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from govinfo_report.errors import WriteError
from govinfo_report.formats.json.codec import load
from govinfo_report.formats.pdf import pdf_bytes, write_pdf

ROOT = Path(__file__).resolve().parents[1]
REPORT = load(ROOT / "examples" / "city-department-2023.json")

#: A stand-in for soffice: MODE=fail exits 1, MODE=hang waits (its child's pid in PIDFILE),
#: otherwise it writes a small PDF whose language is en-US, as LibreOffice does.
FAKE = r"""#!/bin/sh
prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then outdir="$a"; fi
  prev="$a"
done
case "$MODE" in
  fail) echo "Error: source file could not be loaded" >&2; exit 1 ;;
  hang) sleep 60 & echo $! > "$PIDFILE"; wait ;;
  nothing) exit 0 ;;
  *) printf '%%PDF-1.6\n1 0 obj\n<</Type/Catalog/Lang(en-US)>>\nendobj\n' > "$outdir/report.pdf" ;;
esac
"""


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH whose soffice is the stand-in; temporary files go to ``tmp_path/tmp``."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(FAKE, encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    return tmp_path


def test_without_libreoffice_the_error_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    target = tmp_path / "report.pdf"
    with pytest.raises(WriteError) as caught:
        write_pdf(REPORT, target)
    assert "apt-get install libreoffice-writer-nogui" in caught.value.message("zh")
    assert "needs LibreOffice (soffice)" in caught.value.message("en")
    assert str(target) in caught.value.message("en")
    assert not target.exists()


def test_the_pdf_language_is_set_to_chinese(fake: Path) -> None:
    data = pdf_bytes(REPORT)
    assert b"/Lang(zh-CN)" in data
    assert b"en-US" not in data
    assert list((fake / "tmp").iterdir()) == []  # nothing left behind


@pytest.mark.parametrize(
    ("mode", "words"),
    [("fail", "exit code 1"), ("nothing", "made no PDF")],
)
def test_a_failed_conversion_is_a_clean_error(
    fake: Path, monkeypatch: pytest.MonkeyPatch, mode: str, words: str
) -> None:
    monkeypatch.setenv("MODE", mode)
    target = fake / "report.pdf"
    with pytest.raises(WriteError, match=words):
        write_pdf(REPORT, target)
    assert not target.exists()
    assert list((fake / "tmp").iterdir()) == []


def test_a_conversion_that_hangs_is_stopped(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODE", "hang")
    monkeypatch.setenv("PIDFILE", str(fake / "pid"))
    with pytest.raises(WriteError, match="within 1 seconds"):
        write_pdf(REPORT, fake / "report.pdf", timeout=1)
    pid = int((fake / "pid").read_text(encoding="utf-8"))
    for _ in range(50):  # the whole group was killed, the converter's children included
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"process {pid} still running")
    assert list((fake / "tmp").iterdir()) == []


def test_an_input_is_never_overwritten(fake: Path) -> None:
    source = fake / "report.pdf"
    source.write_bytes(b"input")
    with pytest.raises(WriteError):
        write_pdf(REPORT, source, protect=[source])
    assert source.read_bytes() == b"input"


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) and poppler (pdfinfo) are needed to make and inspect a PDF",
)
def test_libreoffice_makes_a_pdf_with_title_and_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    target = write_pdf(REPORT, tmp_path / "report.pdf")
    info = subprocess.run(
        ["pdfinfo", str(target)], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert f"Title:           {REPORT.title}" in info
    assert "Page size:       595.3" in info  # A4
    assert b"/Lang(zh-CN)" in target.read_bytes()
    text = subprocess.run(
        ["pdftotext", str(target), "-"], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert "六、其他需要报告的事项" in text
    assert list((tmp_path / "tmp").iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == sorted(["tmp", "report.pdf"])
