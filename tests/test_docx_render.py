"""The written .docx as a reader sees it: rendered by LibreOffice, read back from the PDF.

LibreOffice is not Word, and the official fonts are substituted (Noto CJK here), so these
are regression tests of our XML (text present and in order, nothing outside the text block,
vertical headers, page numbers), not proof of how Word lays the document out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from lxml import etree

from govinfo_report import labels
from govinfo_report.formats.docx import _fit
from govinfo_report.formats.docx.writer import format_amount, write_docx
from govinfo_report.formats.json.codec import load
from govinfo_report.model import (
    AnnualReport,
    Appeals,
    ApplicantCounts,
    DocumentCounts,
    HandlingResults,
    Outcomes,
    ProactiveDisclosure,
    Requests,
)

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
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


#: Counts by width, in every table: five digits (totals of six), six (totals of seven) and
#: seven (Table B's totals of seven, Table C's of eight), with a long 万元 amount.
WIDE = {
    "five digits": (12345, 23456, 3456, 4567, 5678, 6789),
    "six digits": (123456, 234567, 345678, 456789, 567890, 678901),
    "seven digits": (1234567, 2345678, 345678, 456789, 567890, 678901),
}
AMOUNT = Decimal("24252.311082")


def _wide(report: AnnualReport, counts: tuple[int, ...]) -> AnnualReport:
    """The example with ``counts`` in Table B (一 and （一）予以公开), Table C and Table A."""
    row = ApplicantCounts(**dict(zip(list(labels.APPLICANT_COLUMNS)[:6], counts, strict=True)))
    requests = Requests(new=row, results=HandlingResults(disclosed=row))
    outcomes = Outcomes(upheld=counts[0], corrected=counts[1], other=counts[2], pending=counts[3])
    appeals = Appeals(
        reconsideration=outcomes,
        direct_litigation=outcomes,
        litigation_after_reconsideration=outcomes,
    )
    documents = DocumentCounts(issued=counts[3], repealed=counts[4], in_force=counts[5])
    assert isinstance(report.proactive, ProactiveDisclosure)
    proactive = attrs.evolve(
        report.proactive,
        regulations=documents,
        normative_documents=documents,
        licensing=counts[0],
        punishment=counts[1],
        coercion=counts[2],
        fees=AMOUNT,
    )
    return attrs.evolve(report, requests=requests, appeals=appeals, proactive=proactive)


def _numbers(report: AnnualReport) -> set[str]:
    """Every number the wide report prints in its tables."""
    row = report.requests.new
    outcomes = report.appeals.reconsideration
    values = [getattr(row, c) for c in labels.APPLICANT_COLUMNS]
    values += [
        outcomes.upheld,
        outcomes.corrected,
        outcomes.other,
        outcomes.pending,
        outcomes.total,
    ]
    assert isinstance(report.proactive, ProactiveDisclosure)
    return {str(v) for v in values} | {format_amount(report.proactive.fees)}


class Rendered:
    """A report written to .docx, converted to PDF, with its text and word boxes."""

    def __init__(self, report: AnnualReport, directory: Path, fonts: str = "gb2312") -> None:
        docx = write_docx(report, directory / "report.docx", fonts=fonts)
        self.report = report
        self.grids = [
            [int(g.get(f"{W}w", "0")) for g in tbl.iter(f"{W}gridCol")]
            for tbl in etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml")).iter(
                f"{W}tbl"
            )
        ]
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


CASES = [
    ("example", "gb2312"),
    *((name, "gb2312") for name in WIDE),
    ("seven digits", "windows"),
    ("five digits", "windows"),
]


@pytest.fixture(scope="module", params=CASES, ids=[f"{n}-{f}" for n, f in CASES])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    name, fonts = request.param
    report = load(EXAMPLE)
    if name in WIDE:
        report = _wide(report, WIDE[name])
    result = Rendered(report, tmp_path_factory.mktemp("render"), fonts)
    result.name = name
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
    # Table C only: Table B may end on the same page, with its own 总计 header.
    top = next(w[2] for w in page if w[0] == "行政复议")
    page = [w for w in page if w[2] >= top]
    stacks: dict[float, list[tuple[float, str]]] = {}
    for text, x_min, y_min, _, _ in page:
        if len(text) == 1 and not text.isdigit():
            stacks.setdefault(x_min, []).append((y_min, text))
    columns = ["".join(t for _, t in sorted(chars)) for chars in stacks.values()]
    names = list(labels.APPEAL_COLUMNS.values())
    vertical = [c for c in columns if c in names]
    assert sorted(vertical) == sorted(names * 3)
    assert not any(w[0] in names for w in page)  # none of them laid out horizontally


def test_numbers_are_printed_whole(rendered: Rendered) -> None:
    if rendered.name not in WIDE:
        pytest.skip("the example's numbers are short; the wide reports are checked")
    words = {w[0] for page in rendered.pages for w in page}
    assert _numbers(rendered.report) <= words


def test_numbers_stay_inside_their_column(rendered: Rendered) -> None:
    """Every number lies within its grid column (Table A's decisions: three columns)."""
    if rendered.name not in WIDE:
        pytest.skip("the example's numbers are short; the wide reports are checked")
    numbers = _numbers(rendered.report) - {format_amount(AMOUNT)}
    edges = []
    for grid in rendered.grids:
        left = TEXT_LEFT + (TEXT_RIGHT - TEXT_LEFT - sum(grid) / 20) / 2
        for width in grid:
            edges.append((left, left + width / 20))
            left += width / 20
    table_a = rendered.grids[0]
    edges.append((TEXT_LEFT + table_a[0] / 20, TEXT_RIGHT))  # the spanned value cells
    found = 0
    for page in rendered.pages:
        for text, x_min, _, x_max, _ in page:
            if text in numbers:
                found += 1
                assert any(a < x_min and x_max < b for a, b in edges), (text, x_min, x_max)
    assert found >= len(numbers)


def test_the_fit_model_holds_for_the_digits_used_here(rendered: Rendered) -> None:
    """The digits LibreOffice sets here are no wider than the fit model assumes."""
    if rendered.name not in WIDE:
        pytest.skip("measured on the wide reports")
    widest = rendered.report.requests.new.natural_person
    boxes = [w for page in rendered.pages for w in page if w[0] == str(widest)]
    assert boxes
    for text, x_min, y_min, x_max, y_max in boxes:
        # The glyph box is about 1.2 em tall in these faces: an upper bound of the size.
        size = (y_max - y_min) / 1.1
        assert (x_max - x_min) <= len(text) * _fit.DIGIT_EM * size, (text, size)


def _column_text(
    rendered: Rendered, page: list[tuple[str, float, float, float, float]]
) -> list[str]:
    """Table B's first three grid columns on ``page``: the words starting in each, in order."""
    grid = rendered.grids[1]
    left = TEXT_LEFT + (TEXT_RIGHT - TEXT_LEFT - sum(grid) / 20) / 2
    columns = []
    for width in grid[:3]:
        words = [w for w in page if left - SLACK <= w[1] < left + width / 20 - SLACK]
        columns.append(_squash("".join(w[0] for w in sorted(words, key=lambda w: (w[2], w[1])))))
        left += width / 20
    return columns


def test_table_b_labels_are_never_cut_by_a_page(rendered: Rendered) -> None:
    """Where Table 三 runs over a page, 三、本年度办理结果 is printed whole on one page,
    and each group's label on the page of all its items (the table breaks between groups)."""
    pages = [_column_text(rendered, page) for page in rendered.pages]
    outer = _squash(labels.REQUEST_ROWS["results"].full)
    assert sum(outer in columns[0] for columns in pages) == 1, [c[0] for c in pages]
    for name, items in labels.RESULT_ITEMS.items():
        group = _squash(labels.RESULT_GROUPS[name].full)
        (home,) = [columns for columns in pages if group in columns[1]]
        for item in items.values():
            assert _squash(item.full) in home[2], (group, item.full)
