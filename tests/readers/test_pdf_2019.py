"""PDFs of reports in the 2019 edition (国办公开办函〔2019〕60号, format section 7) read cell
for cell, the edition recognised from the tables' labels (a PDF carries no identity).

Two sources, as for 2021: this library's 2019 .docx saved as PDF by LibreOffice (ruled, borders
off, Table 三 split over two and three pages, cells left blank, slips in each table), and the
same report drawn as WPS and print drivers lay it out (:mod:`.wpslike`), ruled and without
rules. Table 二 of 2019 has five groups, each under its own header row and with its own
columns (the signed 本年增/减, a two-column （八） and （九）); Table 三 has （六）其他处理 as one
row of its own figures.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.cells import cell_by_key, cell_value, cells_of
from govinfo_report.cli import run
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.model import ProactiveDisclosure2019
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_pdf
from govinfo_report.testing import reports

from .edition2019 import REPORT_2019
from .pdfs import breakable, edited, longer, needs_soffice, no_borders, pdf_of, tall
from .wpslike import Style, report_pdf

if TYPE_CHECKING:
    from pathlib import Path

    from lxml import etree

    from govinfo_report import AnnualReport
    from govinfo_report.cells import CellKey
    from govinfo_report.published.record import PublishedReport

TABLE_CELLS = [c for c in cells_of("2019") if c.table != "六"]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _wrong(
    record: PublishedReport, report: AnnualReport, blank: tuple[CellKey, ...] = ()
) -> dict[str, object]:
    """Every table cell read otherwise than the report states it: path -> (read, meant)."""
    found = {c.key: (c.raw if c.blank else c.number) for c in record.cells}
    return {
        c.path: (found.get(c.key), "" if c.key in blank else cell_value(report, c.key))
        for c in TABLE_CELLS
        if found.get(c.key, "absent") != ("" if c.key in blank else cell_value(report, c.key))
    }


def _notes(record: PublishedReport) -> list[str]:
    return sorted(f.place.table or "" for f in record.findings if f.code == "R-GRID")


def _errors(record: PublishedReport) -> list[str]:
    return [f.code for f in audit(record) if f.severity.name == "ERROR"]


def _read_as_2019(record: PublishedReport, report: AnnualReport) -> None:
    """``record`` is ``report``'s tables, read as the 2019 edition, nothing left over."""
    assert record.edition == "2019"
    assert _wrong(record, report) == {}
    assert [u.text for u in record.unread] == []
    assert _errors(record) == []


# --- LibreOffice: this library's 2019 .docx saved as PDF ----------------------------------


@pytest.mark.slow
@needs_soffice
def test_2019_pdf_reads_as_its_report() -> None:
    record = read_pdf(pdf_of(docx_bytes(REPORT_2019)), name="2019.pdf")
    _read_as_2019(record, REPORT_2019)
    assert _notes(record) == []
    assert not [f for f in record.findings if f.code == "R-LABEL"]  # every label as printed
    report = record.to_report()
    assert report.edition == "2019"
    assert (report.proactive, report.requests, report.appeals) == (
        REPORT_2019.proactive,
        REPORT_2019.requests,
        REPORT_2019.appeals,
    )
    assert isinstance(report.proactive, ProactiveDisclosure2019)
    assert report.proactive.licensing.change == -3
    assert report.proactive.procurement.amount == Decimal("1856.42")


@pytest.mark.slow
@needs_soffice
def test_2019_pdf_without_rules_reads_cell_for_cell() -> None:
    record = read_pdf(pdf_of(edited(docx_bytes(REPORT_2019), no_borders)))
    _read_as_2019(record, REPORT_2019)
    assert _notes(record) == ["三", "二", "四"]


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("rules", ["ruled", "without rules"])
@pytest.mark.parametrize(
    "paragraphs",
    [2, 4],
    ids=["cut at （六）其他处理", "cut inside （三）不予公开"],
)
def test_2019_table_three_over_two_pages(paragraphs: int, rules: str) -> None:
    """Rows may break: the page break falls next to the one-row （六）其他处理 (before it,
    ruled; after it, without rules) or inside the merged （三）不予公开."""
    report = longer(REPORT_2019, paragraphs)
    edits = (breakable,) if rules == "ruled" else (breakable, no_borders)
    record = read_pdf(pdf_of(edited(docx_bytes(report), *edits)))
    pages = {c.source.page for c in record.cells if c.key[0] == "requests"}
    assert len(pages) == 2  # the break really falls inside Table 三
    _read_as_2019(record, report)
    assert ("三" in _notes(record)) is (rules != "ruled")


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("rules", ["ruled", "without rules"])
def test_2019_table_three_over_three_pages(rules: str) -> None:
    edits = (tall, breakable) if rules == "ruled" else (tall, breakable, no_borders)
    record = read_pdf(pdf_of(edited(docx_bytes(REPORT_2019), *edits)))
    pages = {c.source.page for c in record.cells if c.key[0] == "requests"}
    assert len(pages) == 3
    _read_as_2019(record, REPORT_2019)
    section = record.section("requests")
    assert section is not None
    assert section.opening == ()  # no header text taken for prose


def _text(cell: etree._Element) -> str:
    return "".join(t.text or "" for t in cell.iter(_w("t")))


def _row(root: etree._Element, table: int, start: str) -> list[etree._Element]:
    """The value cells of the row of Table ``table`` (0: 二) whose label starts ``start``."""
    rows = list(list(root.iter(_w("tbl")))[table].iter(_w("tr")))
    row = next(r for r in rows if any(_text(c).startswith(start) for c in r)) if start else rows[-1]
    cells = list(row.iter(_w("tc")))
    return [c for c in cells if _text(c).lstrip("-").replace(".", "").isdigit()]


def _set(cell: etree._Element, text: str) -> None:
    """The cell's figure replaced by ``text`` (blank: its runs removed, the cell kept)."""
    runs = list(cell.iter(_w("r")))
    for element in runs[1:] if text else runs:
        element.getparent().remove(element)  # type: ignore[union-attr]
    if text:
        next(runs[0].iter(_w("t"))).text = text


#: Blanked cells: (table index, row label's start, value positions), and their keys.
BLANKS = (
    (0, "规范性文件", (0,)),
    (0, "行政许可", (1,)),  # the signed 本年增/减
    (0, "行政事业性收费", (0, 1)),  # a whole row of the two-column （八）
    (0, "政府集中采购", (1,)),  # the amount
    (1, "（六）其他处理", (0, 3, 6)),
    (2, "", (4,)),
)
BLANK_KEYS: tuple[CellKey, ...] = (
    ("proactive", "normative_documents", "made"),
    ("proactive", "licensing", "change"),
    ("proactive", "fees", "previous"),
    ("proactive", "fees", "change"),
    ("proactive", "procurement", "amount"),
    ("requests", "results", "other", "natural_person"),
    ("requests", "results", "other", "social_welfare_organization"),
    ("requests", "results", "other", "total"),
    ("appeals", "reconsideration", "total"),
)


def _blank_cells(root: etree._Element) -> None:
    for table, start, positions in BLANKS:
        values = _row(root, table, start)
        for position in positions:
            _set(values[position], "")


@pytest.mark.slow
@needs_soffice
@pytest.mark.parametrize("rules", ["ruled", "without rules"])
def test_2019_blank_cells_stay_blank_in_their_columns(rules: str) -> None:
    edits = (_blank_cells,) if rules == "ruled" else (no_borders, _blank_cells)
    record = read_pdf(pdf_of(edited(docx_bytes(REPORT_2019), *edits)))
    assert record.edition == "2019"
    assert _wrong(record, REPORT_2019, BLANK_KEYS) == {}
    for key in BLANK_KEYS:
        cell = record.cell(key)
        assert cell is not None, key
        assert (cell.raw, cell.blank) == ("", True), key  # printed blank, not "0"
    assert record.unread == ()


def _slips(root: etree._Element) -> None:
    """One slip in each 2019 table: a count below zero in Table 二, 自然人 of （六）其他处理
    one more than its 总计 allows in Table 三, 行政复议's 结果维持 one more in Table 四."""
    _set(_row(root, 0, "其他对外管理服务事项")[0], "-38")
    other = _row(root, 1, "（六）其他处理")[0]
    _set(other, str(int(_text(other)) + 1))
    upheld = _row(root, 2, "")[0]
    _set(upheld, str(int(_text(upheld)) + 1))


#: What each slip is caught as: (rule code, table, official row label, official column).
SLIPS = {
    ("A-NONNEG", "二", "第二十条第（五）项/其他对外管理服务事项", "上一年项目数量"),
    ("B-ROWTOTAL", "三", "三、本年度办理结果/（六）其他处理", "总计"),
    ("B-HANDLED", "三", "三、本年度办理结果/（七）总计", "自然人"),
    ("C-TOTAL", "四", "行政复议", "总计"),
}


def _caught(record: PublishedReport) -> set[tuple[str, str | None, str | None, str | None]]:
    return {
        (f.code, f.place.table, f.place.row, f.place.column)
        for f in audit(record)
        if f.severity.name == "ERROR"
    }


@pytest.mark.slow
@needs_soffice
def test_a_slip_in_each_2019_table_is_caught_by_its_2019_labels() -> None:
    record = read_pdf(pdf_of(edited(docx_bytes(REPORT_2019), _slips)))
    assert record.edition == "2019"
    assert _caught(record) == SLIPS
    messages = " ".join(f.message_zh for f in audit(record))
    assert "其他对外管理服务事项" in messages
    assert "（六）其他处理" in messages


# --- drawn as WPS and print drivers lay it out (no LibreOffice) ---------------------------

LAYOUTS = {
    "plain": Style(),
    "narrow labels, 1、": Style(label_width=48, one_dunhao=True),
    "rotated headers, big digits, Kangxi": Style(
        appeal_headers="rotated", big_digits=True, kangxi=True
    ),
    "stacked headers, cut in a merged label": Style(
        appeal_headers="stacked", break_after="not_held"
    ),
    "cut after the first item, headers repeated": Style(
        break_after="state_secret", repeat_header=True
    ),
    "cut before （六）其他处理, headers repeated": Style(
        break_after="confirmation", repeat_header=True
    ),
    "long narrative": Style(long_narrative=12, repeat_header=True),
    "cut inside a wrapped label row": Style(label_width=40, break_after="needs_creation"),
}


@pytest.mark.parametrize("rules", ["ruled", "without rules"])
@pytest.mark.parametrize("style", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_drawn_2019_layout_reads_cell_for_cell(style: Style, rules: str) -> None:
    ruled = rules == "ruled"
    record = read_pdf(report_pdf(REPORT_2019, attrs.evolve(style, rules=ruled)), name="2019.pdf")
    _read_as_2019(record, REPORT_2019)
    assert _notes(record) == ([] if ruled else ["三", "二", "四"])
    assert (record.organ, record.year) == (REPORT_2019.organ, REPORT_2019.year)


def test_drawn_2019_unmapped_glyphs_are_unread() -> None:
    keys = (("proactive", "licensing", "change"), ("requests", "results", "other", "total"))
    record = read_pdf(report_pdf(REPORT_2019, Style(rules=False, unmapped=keys)))
    assert [c.key for c in record.cells if c.key in keys] == []
    unread = [f for f in record.findings if f.code == "R-UNREAD"]
    assert {(f.place.table, f.place.row) for f in unread} == {
        ("二", "第二十条第（五）项/行政许可"),
        ("三", "三、本年度办理结果/（六）其他处理"),
    }


@pytest.mark.parametrize("rules", ["ruled", "without rules"])
@pytest.mark.parametrize(
    ("key", "printed", "caught"),
    [
        (
            ("proactive", "punishment", "decisions"),
            "-64",
            ("A-NONNEG", "二", "第二十条第（六）项/行政处罚", "处理决定数量"),
        ),
        (
            ("requests", "results", "other", "commercial_enterprise"),
            "3",
            ("B-ROWTOTAL", "三", "三、本年度办理结果/（六）其他处理", "总计"),
        ),
        (
            ("appeals", "direct_litigation", "pending"),
            "3",
            ("C-TOTAL", "四", "行政诉讼/未经复议直接起诉", "总计"),
        ),
    ],
    ids=["二", "三", "四"],
)
def test_drawn_2019_slip_is_caught_by_its_2019_labels(
    key: CellKey, printed: str, caught: tuple[str, str, str, str], rules: str
) -> None:
    style = Style(rules=rules == "ruled", printed_values=((key, printed),))
    record = read_pdf(report_pdf(REPORT_2019, style))
    assert caught in _caught(record)
    meta = cell_by_key("2019")[key]
    assert all(f.place.table == meta.table for f in audit(record) if f.severity.name == "ERROR"), (
        meta
    )


def _told_as_example_2019(report: AnnualReport) -> AnnualReport:
    """``report``'s tables told in REPORT_2019's words: the drawn layouts set prose as a clerk's
    document does, not every text a generator can make (the LibreOffice round trip does)."""
    other = attrs.evolve(REPORT_2019.other_matters, fees=report.other_matters.fees)
    return attrs.evolve(
        report, overview=REPORT_2019.overview, problems=REPORT_2019.problems, other_matters=other
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    reports(edition="2019", max_count=999).map(_told_as_example_2019),
    st.sampled_from(["ruled", "without rules"]),
)
def test_drawn_2019_reports_read_cell_for_cell(report: AnnualReport, rules: str) -> None:
    """Any 2019 report drawn, ruled or without rules, reads cell for cell.

    Figures up to 999 a cell: the drawn columns are as narrow as a clerk's (Table 四's 29
    points hold four digits); LibreOffice widens them for more (the tests above, and the
    2021 property tests of wide figures)."""
    record = read_pdf(report_pdf(report, Style(rules=rules == "ruled")))
    assert record.edition == "2019"
    assert _wrong(record, report) == {}
    assert [u.text for u in record.unread] == []
    assert (record.to_report().proactive, record.to_report().requests) == (
        report.proactive,
        report.requests,
    )


@pytest.mark.parametrize("rules", ["ruled", "without rules"])
@pytest.mark.parametrize(("printed", "value"), [("－3", -3), ("−3", -3), ("+4", 4), ("－ 3", -3)])
def test_drawn_2019_signs_as_clerks_print_them(printed: str, value: int, rules: str) -> None:
    """本年增/减 with a full-width minus, a minus sign (U+2212), a plus, a space after the
    sign: the signed figure in its column, its neighbours untouched."""
    key = ("proactive", "licensing", "change")
    style = Style(rules=rules == "ruled", printed_values=((key, printed),))
    record = read_pdf(report_pdf(REPORT_2019, style))
    cell = record.cell(key)
    assert cell is not None
    assert (cell.raw.replace(" ", ""), cell.value) == (printed.replace(" ", ""), value)
    proactive = REPORT_2019.proactive
    assert isinstance(proactive, ProactiveDisclosure2019)
    licensing = attrs.evolve(proactive.licensing, change=value)
    report = attrs.evolve(REPORT_2019, proactive=attrs.evolve(proactive, licensing=licensing))
    assert _wrong(record, report) == {}
    assert [u.text for u in record.unread] == []


def test_read_cells_of_a_2019_pdf_name_the_2019_labels(tmp_path: Path) -> None:
    """``govinfo-report read x.pdf --cells``: one row per cell of the 2019 tables, named by
    its 2019 labels (the PDF says nothing of its edition: its tables do)."""
    source = tmp_path / "2020年报.pdf"
    source.write_bytes(report_pdf(REPORT_2019, Style(rules=False)))
    out, err = io.StringIO(), io.StringIO()
    assert run(["read", str(source), "--cells"], out, err) == 0
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["table", "row", "column", "value"]
    assert ["二", "第二十条第（五）项/行政许可", "本年增/减", "-3"] in rows
    assert ["二", "第二十条第（九）项/政府集中采购", "采购总金额", "1856.42"] in rows
    assert ["三", "三、本年度办理结果/（六）其他处理", "总计", "17"] in rows
    assert len(rows) == 1 + len(TABLE_CELLS)  # the drawn prose states no fee figures
