"""PDFs whose pages carry a rotation (``/Rotate``) read as the pages' text runs.

Two shapes of the field: a page set to be shown sideways or upside down (a scanner's or a
merging tool's setting: a person turns the page to read it), and a print driver's landscape
page, its content drawn turned on a page turned back upright. Either way, every table cell
is read as the report states it. The pages are :mod:`.wpslike`'s, turned by pypdfium2
(which pdfplumber installs).
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.cells import CELLS, cell_value
from govinfo_report.formats.json.codec import load
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_pdf

from .wpslike import Style, report_pdf

REPORT = load(Path(__file__).parents[2] / "examples" / "city-department-2023.json")
TABLE_CELLS = [c for c in CELLS if c.table != "六"]
PDF = report_pdf(REPORT, Style())
# The real WPS-made sample lives beside the repository (never copied into it).
SAMPLE = next(
    (
        d / "shared" / "samples" / "huaian-2024.pdf"
        for d in Path(__file__).parents
        if (d / "shared" / "samples" / "huaian-2024.pdf").exists()
    ),
    Path(__file__).parent / "absent.pdf",
)
ROTATIONS = st.sampled_from([0, 90, 180, 270])


def _saved(doc: pdfium.PdfDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def shown_turned(data: bytes, rotations: list[int]) -> bytes:
    """``data`` with page ``i`` set to be shown turned by ``rotations[i]`` degrees."""
    doc = pdfium.PdfDocument(data)
    for i in range(len(doc)):
        doc[i].set_rotation(rotations[i % len(rotations)])
    return _saved(doc)


def drawn_turned(data: bytes, rotations: list[int]) -> bytes:
    """``data`` as a print driver makes it: each page's content drawn turned back by its
    rotation, on a page shown turned by it (so that it is upright on screen)."""
    doc = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    for i in range(len(doc)):
        rotation = rotations[i % len(rotations)]
        width, height = doc[i].get_size()
        content = doc.page_as_xobject(i, out).as_pageobject()
        matrix, size = {
            0: (pdfium.PdfMatrix(), (width, height)),
            90: (pdfium.PdfMatrix(0, 1, -1, 0, height, 0), (height, width)),
            180: (pdfium.PdfMatrix(-1, 0, 0, -1, width, height), (width, height)),
            270: (pdfium.PdfMatrix(0, -1, 1, 0, 0, width), (height, width)),
        }[rotation]
        content.transform(matrix)
        page = out.new_page(*size)
        page.insert_obj(content)
        page.gen_content()
        page.set_rotation(rotation)
    return _saved(out)


def _wrong(data: bytes) -> dict[str, object]:
    record = read_pdf(data, name="turned.pdf")
    found = {c.key: c.number for c in record.cells}
    assert [f.code for f in audit(record) if f.severity.name == "ERROR"] == []
    assert (record.organ, record.year) == (REPORT.organ, REPORT.year)
    return {
        c.path: (found.get(c.key), cell_value(REPORT, c.key))
        for c in TABLE_CELLS
        if found.get(c.key) != cell_value(REPORT, c.key)
    }


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rotations=st.lists(ROTATIONS, min_size=1, max_size=6))
def test_pages_shown_turned_read_as_their_text_runs(rotations: list[int]) -> None:
    """Any page set to be shown turned by any quarter turn changes no cell read."""
    assert _wrong(shown_turned(PDF, rotations)) == {}


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rotations=st.lists(ROTATIONS, min_size=1, max_size=6))
def test_pages_drawn_turned_and_shown_upright(rotations: list[int]) -> None:
    """A print driver's turned pages, upright on screen, read as they are shown."""
    assert _wrong(drawn_turned(PDF, rotations)) == {}


@pytest.mark.skipif(not SAMPLE.exists(), reason="the shared WPS-made sample is not present")
def test_the_wps_sample_shown_sideways() -> None:
    """Every page of the real WPS-made sample set to be shown sideways reads as it does."""
    data = SAMPLE.read_bytes()
    upright = read_pdf(data)
    turned = read_pdf(shown_turned(data, [90, 270]))
    assert [(c.key, c.raw) for c in turned.cells] == [(c.key, c.raw) for c in upright.cells]
