"""Hostile and unreadable PDFs: refused with a clear ReadError, never a traceback or a hang.

Bombs and oversized files are refused before pdfminer inflates or parses them; broken
cross-reference tables are repaired by pdfminer's scan; actions are never run; a scan (no
text layer) and an encrypted file (a user password) are named for what they are.
"""

from __future__ import annotations

import zlib

import pytest

from govinfo_report import ReadError, read_pdf
from govinfo_report.published.readers import pdf as pdf_reader

from .pdfbuild import Canvas, document, stream

TITLE = "某县教育局2023年政府信息公开工作年度报告"


def _titled() -> Canvas:
    canvas = Canvas()
    canvas.text(80, 100, TITLE, size=18)
    return canvas


def _bomb(size: int) -> bytes:
    """A Flate stream inflating to ``size`` zero bytes (about a thousandth of it on disk)."""
    packer = zlib.compressobj(9)
    chunk = bytes(1024 * 1024)
    data = b"".join(packer.compress(chunk) for _ in range(size // len(chunk)))
    data += packer.flush()
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


def _with(canvas: Canvas, old: bytes, new: bytes) -> bytes:
    data = canvas.pdf()
    assert old in data
    return data.replace(old, new, 1)


def test_a_well_made_page_reads() -> None:
    assert read_pdf(_titled().pdf()).organ == "某县教育局"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (
            document(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>",
                    _bomb(pdf_reader.MAX_STREAM + 8 * 1024 * 1024),
                ]
            ),
            "compression bomb",
        ),
        (
            document(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [] /Count 0 >>",
                    b"<< /Type /ObjStm /N 1 /First 4 >>"[:-2] + _bomb(80 * 1024 * 1024)[2:],
                ]
            ),
            "compression bomb",
        ),
    ],
    ids=["content stream bomb", "object stream bomb"],
)
def test_bombs_are_refused(data: bytes, words: str) -> None:
    with pytest.raises(ReadError, match=words):
        read_pdf(data, name="bomb.pdf")


def test_too_many_pages_refused() -> None:
    n = 5000
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] >>"] * n,
    ]
    with pytest.raises(ReadError, match="5000 pages"):
        read_pdf(document(objects), name="long.pdf")


def test_deeply_nested_arrays_do_not_crash() -> None:
    depth = 100_000
    data = _with(
        _titled(), b"/Type /Catalog", b"/Type /Catalog /Junk " + b"[" * depth + b"]" * depth
    )
    try:
        record = read_pdf(data, name="nested.pdf")
    except ReadError:
        return
    assert record.organ == "某县教育局"


def test_broken_xref_is_repaired() -> None:
    data = _titled().pdf()
    start = data.rindex(b"xref\n0 ")
    broken = data[:start] + data[start:].replace(b" 00000 n", b" 00000 x")
    assert read_pdf(broken, name="broken.pdf").organ == "某县教育局"
    assert read_pdf(data.replace(b"startxref\n", b"startxref\n9"), name="x.pdf").organ


def test_javascript_action_is_ignored() -> None:
    action = b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\); this.exportDataObject\\(\\)) >>"
    data = _with(_titled(), b"/Type /Catalog", b"/Type /Catalog " + action)
    assert read_pdf(data, name="js.pdf").organ == "某县教育局"


def test_a_scan_is_named_a_scan() -> None:
    canvas = Canvas()
    canvas.image()
    with pytest.raises(ReadError, match="scan") as info:
        read_pdf(canvas.pdf(), name="scan.pdf")
    assert "扫描件" in info.value.reason_zh
    assert "OCR" in info.value.reason_en


def test_no_text_at_all() -> None:
    with pytest.raises(ReadError, match="no text"):
        read_pdf(Canvas().pdf(), name="blank.pdf")


def test_encrypted_with_a_user_password_is_refused() -> None:
    # the standard security handler's dictionary with a user password nobody knows
    data = _with(
        _titled(),
        b"/Root 1 0 R ",
        b"/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
        b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >> /ID [<00112233> <00112233>] ",
    )
    with pytest.raises(ReadError, match="password"):
        read_pdf(data, name="locked.pdf")


def test_page_content_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_CONTENT", 100)
    with pytest.raises(ReadError, match="drawing instructions"):
        read_pdf(_titled().pdf(), name="dense.pdf")


def test_objects_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_OBJECTS", 3)
    with pytest.raises(ReadError, match="objects"):
        read_pdf(_titled().pdf(), name="many.pdf")


def test_stream_helper_round_trips() -> None:
    body = stream(b"hello")
    assert zlib.decompress(body.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]) == b"hello"
