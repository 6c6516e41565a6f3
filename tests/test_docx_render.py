"""The written .docx as a reader sees it: rendered by LibreOffice, read back from the PDF.

LibreOffice is not Word, and the official fonts are substituted (Noto CJK here), so these
are regression tests of our XML (text present and in order, nothing outside the text block,
vertical headers, page numbers), not proof of how Word lays the document out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest
from lxml import etree

from govinfo_report import labels
from govinfo_report.formats.docx.writer import write_docx
from govinfo_report.formats.json.codec import load
from govinfo_report.model import AnnualReport, ApplicantCounts, HandlingResults, Requests

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice) and poppler (pdftotext) are needed to render .docx to PDF",
    ),
]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "jinlongshan-2021.json"

# A4 in PDF points, and the 版心: left margin 28 mm, 156 mm wide.
PAGE_WIDTH = 595.3
TEXT_LEFT = 28 / 25.4 * 72
TEXT_RIGHT = (28 + 156) / 25.4 * 72
SLACK = 1.5  # points: rounding of twips and glyph side bearings


#: Counts of Table B by width: five digits (the widest a data column holds on one line,
#: totals included) and six (which wrap inside their cell).
WIDE = {
    "five digits": (12345, 23456, 3456, 4567, 5678, 6789),
    "six digits": (123456, 234567, 345678, 456789, 567890, 678901),
}


def _wide(report: AnnualReport, counts: tuple[int, ...]) -> AnnualReport:
    """The example with ``counts`` in every column of Table B (一 and （一）予以公开)."""
    row = ApplicantCounts(**dict(zip(list(labels.APPLICANT_COLUMNS)[:6], counts, strict=True)))
    requests = Requests(new=row, results=HandlingResults(disclosed=row))
    return attrs.evolve(report, requests=requests)


class Rendered:
    """A report written to .docx, converted to PDF, with its text and word boxes."""

    def __init__(self, report: AnnualReport, directory: Path) -> None:
        docx = write_docx(report, directory / "report.docx")
        profile = directory / "lo-profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(directory),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        self.name = ""
        self.pdf = directory / "report.pdf"
        self.raw = self._pdftotext("-raw")
        bbox = etree.fromstring(self._pdftotext("-bbox").encode())
        self.pages: list[list[tuple[str, float, float, float, float]]] = [
            [
                (
                    w.text or "",
                    float(w.get("xMin", "0")),
                    float(w.get("yMin", "0")),
                    float(w.get("xMax", "0")),
                    float(w.get("yMax", "0")),
                )
                for w in page.iter("{*}word")
            ]
            for page in bbox.iter("{*}page")
        ]

    def _pdftotext(self, mode: str) -> str:
        out = subprocess.run(
            ["pdftotext", mode, str(self.pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return out.stdout


@pytest.fixture(scope="module", params=["example", *WIDE])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    report = load(EXAMPLE)
    if request.param in WIDE:
        report = _wide(report, WIDE[request.param])
    result = Rendered(report, tmp_path_factory.mktemp("render"))
    result.name = request.param
    return result


def _expected_in_order(report: AnnualReport) -> list[str]:
    """Title, headings and every table label, in the order the document prints them."""
    s = labels.SECTIONS
    content = labels.PROACTIVE_CONTENT_HEADER
    groups, rows = labels.PROACTIVE_GROUPS, labels.PROACTIVE_ROWS
    table_a = [groups["documents"].full, content, *labels.DOCUMENT_COLUMNS.values()]
    table_a += [rows["regulations"].full, rows["normative_documents"].full]
    table_a += [groups["licensing"].full, content, labels.DECISIONS_COLUMN, rows["licensing"].full]
    table_a += [groups["enforcement"].full, content, labels.DECISIONS_COLUMN]
    table_a += [rows["punishment"].full, rows["coercion"].full]
    table_a += [groups["fees"].full, content, labels.FEES_COLUMN, rows["fees"].full]
    columns = labels.APPLICANT_COLUMNS
    table_b = [labels.BALANCE_NOTE, labels.APPLICANT_HEADER, columns["natural_person"]]
    table_b += [labels.LEGAL_PERSON_HEADER, columns["total"]]
    table_b += [columns[c] for c in columns if c not in ("natural_person", "total")]
    request_rows = labels.REQUEST_ROWS
    table_b += [request_rows["new"].full, request_rows["carried_over"].full]
    table_b.append(request_rows["results"].full)
    for name, group in labels.RESULT_GROUPS.items():
        table_b.append(group.full)
        table_b += [item.full for item in labels.RESULT_ITEMS.get(name, {}).values()]
    table_b.append(request_rows["carried_forward"].full)
    return [
        report.title,
        s["overview"].full,
        s["proactive"].full,
        *table_a,
        s["requests"].full,
        *table_b,
        s["appeals"].full,
        *labels.APPEAL_HEADERS.values(),
        s["problems"].full,
        s["other_matters"].full,
    ]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_title_headings_and_labels_in_order(rendered: Rendered) -> None:
    text = _squash(rendered.raw)
    position = 0
    for label in _expected_in_order(load(EXAMPLE)):
        found = text.find(_squash(label), position)
        assert found >= 0, f"{label!r} missing after position {position}"
        position = found + len(_squash(label))


#: Punctuation that may hang one character into the right margin at the end of a line
#: (``w:overflowPunct``, on by default in Word and WPS for Chinese text).
HANGING = "，。、；：？！”’）》〉」』】"


def test_every_word_is_inside_the_text_block(rendered: Rendered) -> None:
    for number, words in enumerate(rendered.pages, start=1):
        for text, x_min, _, x_max, _ in words:
            assert x_min >= 0, (number, text)
            assert x_max <= PAGE_WIDTH, (number, text)
            assert x_min >= TEXT_LEFT - SLACK, (number, text, x_min)
            limit = TEXT_RIGHT + SLACK + (16 if text[-1] in HANGING else 0)
            assert x_max <= limit, (number, text, x_max)


def test_page_count_is_sensible(rendered: Rendered) -> None:
    assert 3 <= len(rendered.pages) <= 8


def test_page_numbers_odd_right_even_left(rendered: Rendered) -> None:
    middle = PAGE_WIDTH / 2
    for number, words in enumerate(rendered.pages, start=1):
        marks = [w for w in words if w[0] == str(number) and w[2] > 760]  # below the 版心
        assert len(marks) == 1, (number, marks)
        _, x_min, _, x_max, _ = marks[0]
        assert (x_min > middle) if number % 2 else (x_max < middle), number


def test_table_c_headers_run_vertically(rendered: Rendered) -> None:
    page = next(p for p in rendered.pages if any(w[0] == "复议后起诉" for w in p))
    stacks: dict[float, list[tuple[float, str]]] = {}
    for text, x_min, y_min, _, _ in page:
        if len(text) == 1 and not text.isdigit():
            stacks.setdefault(x_min, []).append((y_min, text))
    columns = ["".join(t for _, t in sorted(chars)) for chars in stacks.values()]
    names = list(labels.APPEAL_COLUMNS.values())
    vertical = [c for c in columns if c in names]
    assert sorted(vertical) == sorted(names * 3)
    assert not any(w[0] in names for w in page)  # none of them laid out horizontally


def test_five_digit_numbers_are_printed_whole(rendered: Rendered) -> None:
    if rendered.name != "five digits":
        pytest.skip("only the five-digit report is checked for whole numbers")
    words = {w[0] for page in rendered.pages for w in page}
    counts = WIDE["five digits"]
    assert {str(c) for c in counts} | {str(sum(counts))} <= words
