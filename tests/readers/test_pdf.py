"""read_pdf: a report saved as PDF reads as its .docx does; what a PDF cannot say is said."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest

from govinfo_report import ReadError, read, read_docx, read_pdf
from govinfo_report.cli import run
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.formats.json.codec import load
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import pdf as pdf_reader
from govinfo_report.published.record import PublishedReport, Source

from .pdfs import needs_soffice, pdf_of

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
# The real WPS-made sample lives beside the repository (never copied into it).
SAMPLE = next(
    (
        d / "shared" / "samples" / "huaian-2024.pdf"
        for d in ROOT.parents
        if (d / "shared" / "samples" / "huaian-2024.pdf").exists()
    ),
    ROOT / "absent.pdf",
)
#: LibreOffice 7.4 does not draw a ， or 、 that would hang past the right margin at a line's
#: end (pdftotext and the rendered page agree): those the PDF does not keep.
HUNG = str.maketrans("", "", "，、")


def _cells(record: PublishedReport) -> list[tuple[object, ...]]:
    return [(c.key, c.raw, c.value, c.blank) for c in record.cells]


def _narrative(record: PublishedReport) -> list[object]:
    def kept(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(t.translate(HUNG) for t in texts)

    return [
        (
            s.key,
            s.heading,
            kept(s.opening),
            [(p.heading, p.title, kept(p.paragraphs)) for p in s.parts],
        )
        for s in record.sections
    ]


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_reads_as_its_docx(path: Path) -> None:
    report = load(path)
    docx = docx_bytes(report)
    from_docx = read_docx(docx)
    record = read_pdf(pdf_of(docx), name=path.stem + ".pdf")
    assert record.unread == ()
    assert _cells(record) == _cells(from_docx)
    assert _narrative(record) == _narrative(from_docx)
    assert (record.title, record.organ, record.year, record.date) == (
        report.title,
        report.organ,
        report.year,
        report.date,
    )
    assert [f.code for f in audit(record)] == [f.code for f in audit(from_docx)]
    if report.preface is not None:  # the site and contact are printed only in a generated one
        report = attrs.evolve(report, publication=None, contact=None)
    read_back = record.to_report()
    hung = {"overview", "problems", "other_matters"}
    assert attrs.evolve(read_back, **{k: getattr(report, k) for k in hung}) == report


@pytest.mark.slow
@needs_soffice
def test_read_chooses_pdf_by_content(tmp_path: Path) -> None:
    path = tmp_path / "report.bin"
    path.write_bytes(pdf_of(docx_bytes(load(EXAMPLES[0]))))
    record = read(path)
    assert record.format == "pdf"
    assert record.source == str(path)
    assert all(c.source.page for c in record.cells)


def test_without_pdfplumber_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "_pdfplumber", lambda: None)
    with pytest.raises(ReadError, match=r"pip install 'govinfo-report\[pdf\]'") as info:
        read_pdf(b"%PDF-1.4\n%%EOF\n", name="x.pdf")
    assert "pdfplumber" in info.value.reason_zh


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"hello", "not a PDF"),
        (b"%PDF-1.4\n" + b"garbage " * 50, "corrupt"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", "corrupt|no text"),
    ],
)
def test_not_a_readable_pdf(data: bytes, words: str) -> None:
    with pytest.raises(ReadError, match=words):
        read_pdf(data, name="x.pdf")


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared WPS-made sample is not present")
def test_wps_sample_reads_without_leftovers() -> None:
    """A real WPS-made PDF (not in the repository): every cell placed, nothing left over."""
    record = read_pdf(SAMPLE)
    assert (record.organ, record.year) == ("淮安市人民政府", 2024)
    assert record.unread == ()
    assert [f for f in audit(record) if f.severity.name == "ERROR"] == []
    cell = record.cell(("requests", "new", "natural_person"))
    assert cell is not None
    assert (cell.raw, cell.source.page) == ("3001", 4)
    fees = record.cell(("proactive", "fees"))
    assert fees is not None
    assert fees.raw == "96171.6"


def test_source_in_a_pdf() -> None:
    cell = Source(page=4, table=2, row=5, column=3, x=302, y=96)
    assert cell.ref == "p4.T2R5C3"
    assert cell.describe("en") == "page 4 (302, 96), table 2, row 5, column 3"
    assert cell.describe("zh") == "第4页 (302, 96)第2个表格第5行第3列"
    line = Source(page=2, line=7, x=80, y=140)
    assert (line.ref, line.describe("en")) == ("p2.L7", "page 2 (80, 140), line 7")
    assert Source(page=3).ref == "p3"
    assert attrs.evolve(cell, page=None).ref == "T2R5C3"


@pytest.mark.slow
@needs_soffice
def test_audit_of_a_pdf_prints_what_its_docx_does(tmp_path: Path) -> None:
    """``govinfo-report audit`` on a PDF: the same lines as on the .docx it was saved from."""
    docx = docx_bytes(load(EXAMPLES[0]))
    (tmp_path / "report.docx").write_bytes(docx)
    (tmp_path / "report.pdf").write_bytes(pdf_of(docx))

    def audit_of(name: str, *options: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        code = run(["audit", str(tmp_path / name), *options], out, err)
        return code, out.getvalue().replace(name, "FILE")

    for options in ((), ("--lang", "en"), ("--format", "json")):
        assert audit_of("report.pdf", *options) == audit_of("report.docx", *options)
    out, err = io.StringIO(), io.StringIO()
    assert run(["read", str(tmp_path / "report.pdf"), "--cells"], out, err) == 0
    assert len(out.getvalue().splitlines()) == 1 + 203


_OWNER_ONLY = (
    '{"RestrictPermissions":{"type":"boolean","value":"true"},'
    '"PermissionPassword":{"type":"string","value":"owner"},'
    '"Printing":{"type":"long","value":"0"},"Changes":{"type":"long","value":"0"}}'
)
_OPEN_LOCKED = (
    '{"EncryptFile":{"type":"boolean","value":"true"},'
    '"DocumentOpenPassword":{"type":"string","value":"secret"}}'
)


@pytest.mark.slow
@needs_soffice
def test_encrypted_pdfs() -> None:
    """ "No printing, no copying" PDFs (owner password only) read; a user password is refused."""
    docx = docx_bytes(load(EXAMPLES[0]))
    locked = pdf_of(docx, _OWNER_ONLY)
    assert b"/Encrypt" in locked
    assert _cells(read_pdf(locked)) == _cells(read_docx(docx))
    secret = pdf_of(docx, _OPEN_LOCKED)
    assert b"/Encrypt" in secret
    with pytest.raises(ReadError, match="needs a password") as info:
        read_pdf(secret, name="secret.pdf")
    assert "需要密码" in info.value.reason_zh


@pytest.mark.slow
@needs_soffice
def test_audit_of_a_folder_takes_its_pdfs(tmp_path: Path) -> None:
    docx = docx_bytes(load(EXAMPLES[0]))
    (tmp_path / "a.pdf").write_bytes(pdf_of(docx))
    (tmp_path / "b.PDF").write_bytes(pdf_of(docx))
    out, err = io.StringIO(), io.StringIO()
    assert run(["audit", str(tmp_path), "--lang", "en"], out, err) == 0
    assert "2 files, 2 sound" in out.getvalue()


@pytest.mark.slow
@needs_soffice
def test_series_and_copies_of_pdfs(tmp_path: Path) -> None:
    """``audit --series`` and ``--copied`` over PDFs: as over the series' JSON and pages."""
    series = ROOT / "tests" / "data" / "series"
    for year in (2021, 2022, 2023):
        report = load(series / f"{year}.json")
        (tmp_path / f"{year}.pdf").write_bytes(pdf_of(docx_bytes(report)))
    out, err = io.StringIO(), io.StringIO()
    code = run(["audit", str(tmp_path), "--series", "--format", "json"], out, err)
    assert code == 0, err.getvalue()  # the breaks are warnings
    (found,) = [e for e in json.loads(out.getvalue()) if "series" in e]
    assert [(f["year"], f["code"], f["expected"], f["found"]) for f in found["findings"]] == [
        (2022, "X-STOCK", 41, 39),
        (2023, "X-CARRY", 13, 12),
    ]
    out, err = io.StringIO(), io.StringIO()
    code = run(["audit", str(tmp_path), "--copied", "--format", "json"], out, err)
    assert code == 0, err.getvalue()
    pairs = [e for e in json.loads(out.getvalue()) if "pair" in e]
    assert [[Path(p).name for p in e["pair"]] for e in pairs] == [["2022.pdf", "2023.pdf"]]
    assert [(f["code"], f["path"]) for f in pairs[0]["findings"]] == [("X-COPY", "$.overview")]
