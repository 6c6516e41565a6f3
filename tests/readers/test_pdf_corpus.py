"""The .docx documents of the corpus, saved as PDF by LibreOffice, read cell for cell.

Each ``tests/data/published/*.docx`` (the national template filled in, spans, split rows,
stray spaces, label variants, wrong sums) is converted as an office's "save as PDF" does, and
its PDF must give the cells, the loose-label notes and the audit findings its expected JSON
states for the .docx: the PDF reader reads what was printed, as the .docx reader does.
"""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from govinfo_report.cells import CELLS
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_pdf

from .pdfs import needs_soffice, pdf_of

pytestmark = [pytest.mark.slow, needs_soffice]

CORPUS = Path(__file__).parents[1] / "data" / "published"
CASES = sorted(p for p in CORPUS.iterdir() if p.suffix == ".docx")


def _expected(path: Path) -> dict[str, object]:
    return json.loads((path.parent / (path.name + ".expected.json")).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _num(value: object) -> object:
    return Decimal(value) if isinstance(value, str) else value


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _accepted(docx: bytes) -> bytes:
    """``docx`` with its tracked changes accepted, as an office does before publishing.

    LibreOffice prints tracked deletions struck through; a published PDF shows the final text.
    """
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    for deleted in list(root.iter(f"{_W}del", f"{_W}moveFrom")):
        deleted.getparent().remove(deleted)  # type: ignore[union-attr]
    for inserted in list(root.iter(f"{_W}ins", f"{_W}moveTo")):
        parent = inserted.getparent()
        assert parent is not None
        at = parent.index(inserted)
        for child in reversed(list(inserted)):
            parent.insert(at, child)
        parent.remove(inserted)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_pdf_reads_as_its_docx(path: Path) -> None:
    expect = _expected(path)
    record = read_pdf(pdf_of(_accepted(path.read_bytes())), name=path.name + ".pdf")
    assert record.format == "pdf"
    assert (record.organ, record.year) == (expect["organ"], expect["year"])
    values = {c.cell.path: c.number for c in record.cells}
    cells: dict[str, object] = expect["cells"]  # type: ignore[assignment]
    wrong = {
        cell.path: (values.get(cell.path), _num(cells[cell.path]))
        for cell in CELLS
        if values.get(cell.path, 0 if cell.table == "六" else None) != _num(cells[cell.path])
    }
    assert wrong == {}
    assert [u.text for u in record.unread] == []
    loose = sorted(str(f.found) for f in record.findings if f.code == "R-LABEL")
    assert loose == expect["loose_labels"]
    findings = [(f.code, f.place.path) for f in audit(record)]
    assert findings == [tuple(a) for a in expect["audit"]]  # type: ignore[attr-defined]
    for cell in record.cells:
        assert cell.source.page is not None
        assert cell.source.ref.startswith(f"p{cell.source.page}.T")
