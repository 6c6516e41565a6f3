"""Tables printed without rules (borders off) read cell for cell, and the record says so.

Our .docx with every table border removed, saved as PDF by LibreOffice: no ruling line
is left, so the grid comes from the header cells' x-ranges (the figures' columns) and the
row labels' y-ranges (the rows). Every cell must read as the report states it, a blank cell
must stay blank in its own column (never 0, never a neighbour's figure moved over), and each
table rebuilt this way must carry an R-GRID note. The drawn WPS-like layouts without rules
(:mod:`.wpslike`) test the same without LibreOffice, across their layout features.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pdfplumber
import pytest
from hypothesis import HealthCheck, Phase, given, settings

from govinfo_report import labels
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.formats.json.codec import load
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import pdf as pdf_reader
from govinfo_report.published.readers import read_docx, read_pdf
from govinfo_report.testing import reports

from .pdfs import breakable, edited, longer, needs_soffice, no_borders, pdf_of, tall
from .wpslike import Style, report_pdf

if TYPE_CHECKING:
    from lxml import etree

    from govinfo_report import AnnualReport
    from govinfo_report.cells import CellKey
    from govinfo_report.published.record import PublishedReport

REPORT = load(Path(__file__).parents[2] / "examples" / "city-department-2023.json")
TABLE_CELLS = [c for c in CELLS if c.table != "六"]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _text(cell: etree._Element) -> str:
    return "".join(t.text or "" for t in cell.iter(_w("t")))


#: Blanked cells: (table index, the row label's start, value positions); every position of
#: a row, the first, the last, and two apart inside a row.
BLANKS = (
    (0, "规章", (1,)),
    (1, "二、上年结转", (0,)),
    (1, "（一）予以公开", (1, 5)),
    (1, "1.属于国家秘密", tuple(range(7))),
    (1, "四、结转下年度", (6,)),
    (2, "", (3, 7, 14)),
)
BLANK_KEYS: tuple[CellKey, ...] = (
    ("proactive", "regulations", "repealed"),
    ("requests", "carried_over", "natural_person"),
    ("requests", "results", "disclosed", "commercial_enterprise"),
    ("requests", "results", "disclosed", "other"),
    *(("requests", "results", "withheld", "state_secret", c) for c in labels.APPLICANT_COLUMNS),
    ("requests", "carried_forward", "total"),
    ("appeals", "reconsideration", "pending"),
    ("appeals", "direct_litigation", "other"),
    ("appeals", "litigation_after_reconsideration", "total"),
)


def _blank_cells(root: etree._Element) -> None:
    """The cells of :data:`BLANKS` emptied (the figure's run removed, the cell kept)."""
    tables = list(root.iter(_w("tbl")))
    for index, start, positions in BLANKS:
        rows = list(tables[index].iter(_w("tr")))
        if start:
            row = next(r for r in rows if any(_text(c).startswith(start) for c in r))
        else:
            row = rows[-1]
        cells = list(row.iter(_w("tc")))
        values = [c for c in cells if _text(c).replace(".", "").isdigit()]
        for position in positions:
            for run in list(values[position].iter(_w("r"))):
                run.getparent().remove(run)  # type: ignore[union-attr]


def _wrong(
    record: PublishedReport, report: AnnualReport, blank: tuple[CellKey, ...] = ()
) -> dict[str, object]:
    found = {c.key: (c.raw if c.blank else c.number) for c in record.cells}
    return {
        c.path: (found.get(c.key), "" if c.key in blank else cell_value(report, c.key))
        for c in TABLE_CELLS
        if found.get(c.key, "absent") != ("" if c.key in blank else cell_value(report, c.key))
    }


def _notes(record: PublishedReport) -> list[str]:
    return sorted(f.place.table or "" for f in record.findings if f.code == "R-GRID")


@pytest.mark.slow
@needs_soffice
def test_borderless_example_reads_as_its_docx() -> None:
    docx = edited(docx_bytes(REPORT), no_borders)
    pdf = pdf_of(docx)
    with pdfplumber.open(io.BytesIO(pdf)) as document:  # no rule is drawn at all
        assert [(p.lines, p.rects) for p in document.pages] == [([], [])] * len(document.pages)
    record = read_pdf(pdf, name="borderless.pdf")
    assert _wrong(record, REPORT) == {}
    assert record.unread == ()
    assert _notes(record) == ["三", "二", "四"]
    note = next(f for f in record.findings if f.code == "R-GRID" and f.place.table == "三")
    assert note.severity.name == "INFO"
    assert "没有框线" in note.message_zh
    assert "no ruling lines" in note.message_en
    assert "第4页" in note.message_zh
    from_docx = read_docx(docx)
    assert [
        (s.key, s.opening, [(p.heading, p.paragraphs) for p in s.parts]) for s in record.sections
    ] == [
        (s.key, s.opening, [(p.heading, p.paragraphs) for p in s.parts]) for s in from_docx.sections
    ]
    # the same audit as the .docx, but for the notes
    assert [f.code for f in audit(record)] == [f.code for f in audit(from_docx)]
    assert record.to_report().requests == REPORT.requests


def _rotated_appeal_headers(root: etree._Element) -> None:
    """Table 四's column headers rotated (btLr: Chinese laid on its side)."""
    for direction in list(root.iter(_w("tbl")))[2].iter(_w("textDirection")):
        direction.set(_w("val"), "btLr")


@pytest.mark.slow
@needs_soffice
def test_borderless_rotated_headers() -> None:
    """Table 四 without rules, its headers rotated: fifteen columns from the rotated glyphs."""
    record = read_pdf(pdf_of(edited(docx_bytes(REPORT), _rotated_appeal_headers, no_borders)))
    assert _wrong(record, REPORT) == {}
    assert record.unread == ()
    assert "四" in _notes(record)


@pytest.mark.slow
@needs_soffice
def test_ruled_example_has_no_grid_note() -> None:
    record = read_pdf(pdf_of(docx_bytes(REPORT)))
    assert _notes(record) == []


@pytest.mark.slow
@needs_soffice
def test_blank_cells_stay_blank_in_their_columns() -> None:
    record = read_pdf(pdf_of(edited(docx_bytes(REPORT), no_borders, _blank_cells)))
    assert _wrong(record, REPORT, BLANK_KEYS) == {}
    for key in BLANK_KEYS:
        cell = record.cell(key)
        assert cell is not None, key
        assert (cell.raw, cell.blank) == ("", True), key  # printed blank, not "0"
    assert record.unread == ()


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("paragraphs", [3, 4, 6])
def test_borderless_table_split_over_pages(paragraphs: int) -> None:
    report = longer(REPORT, paragraphs)
    record = read_pdf(pdf_of(edited(docx_bytes(report), no_borders, breakable)))
    pages = {c.source.page for c in record.cells if c.key[0] == "requests"}
    assert len(pages) == 2  # the break really falls inside Table 三
    assert _wrong(record, report) == {}
    assert record.unread == ()
    assert "三" in _notes(record)


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("kind", ["ruled", "without rules"])
def test_table_three_over_three_pages(kind: str) -> None:
    """Table 三 over three pages, a page footer (— 5 —) between each part.

    LibreOffice cuts the header band itself here (总计 and 申请人情况 stay on the page
    before): without rules, the band's upper rows still give their columns.
    """
    rules = kind == "ruled"
    edits = (tall, breakable) if rules else (tall, breakable, no_borders)
    record = read_pdf(pdf_of(edited(docx_bytes(REPORT), *edits)))
    pages = {c.source.page for c in record.cells if c.key[0] == "requests"}
    assert len(pages) == 3
    assert _wrong(record, REPORT) == {}
    assert record.unread == ()
    assert ("三" in _notes(record)) is not rules
    section = record.section("requests")
    assert section is not None
    assert section.opening == ()  # no header text taken for prose


LAYOUTS = {
    "plain": Style(rules=False),
    "narrow labels, 1、": Style(rules=False, label_width=48, one_dunhao=True),
    "stacked headers": Style(rules=False, appeal_headers="stacked"),
    "rotated headers, big digits, Kangxi": Style(
        rules=False, appeal_headers="rotated", big_digits=True, kangxi=True
    ),
    "cut after the first item": Style(rules=False, break_after="state_secret"),
    "cut in a merged label, headers repeated": Style(
        rules=False, break_after="not_held", repeat_header=True
    ),
    "long narrative, headers repeated": Style(rules=False, long_narrative=12, repeat_header=True),
}


@pytest.mark.parametrize("style", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_drawn_layout_without_rules_reads_cell_for_cell(style: Style) -> None:
    record = read_pdf(report_pdf(REPORT, style), name="layout.pdf")
    assert _wrong(record, REPORT) == {}
    assert [u.text for u in record.unread] == []
    assert _notes(record) == ["三", "二", "四"]
    assert [f.code for f in audit(record) if f.severity.name == "ERROR"] == []


def test_drawn_layout_split_without_rules_spans_two_pages() -> None:
    record = read_pdf(report_pdf(REPORT, LAYOUTS["cut in a merged label, headers repeated"]))
    pages = {
        c.source.page for c in record.cells if c.key[:3] == ("requests", "results", "unavailable")
    }
    assert len(pages) == 2


def test_unmapped_glyphs_without_rules_are_unread() -> None:
    key = ("requests", "new", "commercial_enterprise")
    record = read_pdf(report_pdf(REPORT, Style(rules=False, unmapped=(key,))))
    assert record.cell(key) is None
    assert [f.code for f in record.findings if f.code == "R-UNREAD"] == ["R-UNREAD"]
    assert _wrong(record, REPORT) == {"$.requests.new.commercial_enterprise": (None, 26)}


# LibreOffice takes about two seconds a document: a few examples, no shrinking.
@pytest.mark.slow
@needs_soffice
@settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(reports())
def test_generated_reports_without_rules_read_cell_for_cell(report: AnnualReport) -> None:
    record = read_pdf(pdf_of(edited(docx_bytes(report), no_borders)))
    assert _wrong(record, report) == {}
    assert [u.text for u in record.unread] == []
    assert _notes(record) == ["三", "二", "四"]


def test_too_many_lines_are_not_rebuilt(monkeypatch: pytest.MonkeyPatch) -> None:
    """A section of more lines than any table has is read as text (label matching stays
    bounded on a hostile file): the tables are then named missing, nothing is guessed."""
    monkeypatch.setattr(pdf_reader, "_MOST_TABLE_LINES", 5)
    record = read_pdf(report_pdf(REPORT, Style(rules=False)), name="long.pdf")
    assert _notes(record) == []
    assert [c for c in record.cells if c.key[0] in ("proactive", "requests", "appeals")] == []
    missing = sorted(f.place.path for f in audit(record) if f.code == "R-MISSING")
    assert missing == ["$.appeals", "$.proactive", "$.requests"]


@pytest.mark.slow
@needs_soffice
def test_wide_figures_reaching_past_their_headers() -> None:
    """Six-digit figures in columns the writer widened, beside three-digit ones: a figure is
    placed whole, by its middle (its last digit reaches past its header's range). The report
    is the example Hypothesis found for the property test below."""
    report = load(Path(__file__).parents[1] / "data" / "pdf-wide-figures.json")
    record = read_pdf(pdf_of(edited(docx_bytes(report), no_borders)))
    assert _wrong(record, report) == {}
    cell = record.cell(("requests", "carried_over", "research_institution"))
    assert cell is not None
    assert cell.raw == "106942"
