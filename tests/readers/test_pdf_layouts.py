"""PDFs laid out as WPS and print drivers lay them out read cell for cell (issue 14, item 3).

Each layout is drawn straight into PDF by :mod:`.wpslike` from the example report: wrapped
labels, Table 三 cut by a page break (a merged label split in two, header rows repeated or
not, a ``- N -`` footer under each page), Table 四's headers rotated or one character per
line, numbers larger than their labels and set above their baseline, Kangxi radicals for
一 二 八 十 人, ``1、`` numbering. Every table cell must read as the report states it; a
cell whose glyphs carry no text must be R-UNREAD and missing, never a guessed number.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import labels
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.formats.json.codec import load
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_pdf
from govinfo_report.testing import reports

from .wpslike import Style, report_pdf

if TYPE_CHECKING:
    from govinfo_report import AnnualReport

REPORT = load(Path(__file__).parents[2] / "examples" / "city-department-2023.json")
TABLE_CELLS = [c for c in CELLS if c.table != "六"]

LAYOUTS = {
    "ruled": Style(),
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
    "long narrative": Style(long_narrative=12, repeat_header=True),
    "cut inside a wrapped label row": Style(label_width=40, break_after="needs_creation"),
}


@pytest.mark.parametrize("style", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layout_reads_cell_for_cell(style: Style) -> None:
    record = read_pdf(report_pdf(REPORT, style), name="layout.pdf")
    found = {c.key: c.number for c in record.cells}
    wrong = {
        c.path: (found.get(c.key), cell_value(REPORT, c.key))
        for c in TABLE_CELLS
        if found.get(c.key) != cell_value(REPORT, c.key)
    }
    assert wrong == {}
    assert [u.text for u in record.unread] == []
    assert (record.organ, record.year) == (REPORT.organ, REPORT.year)
    assert [f.code for f in audit(record) if f.severity.name == "ERROR"] == []


def test_cut_merged_label_is_joined() -> None:
    record = read_pdf(report_pdf(REPORT, LAYOUTS["stacked headers, cut in a merged label"]))
    pages = {
        c.source.page for c in record.cells if c.key[:3] == ("requests", "results", "unavailable")
    }
    assert len(pages) == 2  # the group really is split over two pages
    assert not [f for f in record.findings if f.code == "R-UNREAD"]


def test_cells_without_text_are_unread_not_guessed() -> None:
    keys = (
        ("requests", "new", "commercial_enterprise"),
        ("appeals", "reconsideration", "upheld"),
        ("proactive", "fees"),
    )
    record = read_pdf(report_pdf(REPORT, Style(unmapped=keys)), name="unmapped.pdf")
    assert [c.key for c in record.cells if c.key in keys] == []
    unread = [f for f in record.findings if f.code == "R-UNREAD"]
    assert len(unread) == len(keys) == len(record.unread)
    for finding in unread:
        assert "没有 Unicode 映射" in finding.message_zh
        assert "the PDF carries no text here" in finding.message_en
        assert finding.place.table in ("二", "三", "四")
    assert all(u.source.page for u in record.unread)
    # the audit names each cell as missing (the fee amount as implied, as for any report)
    missing = {f.place.path for f in audit(record) if f.code in ("R-MISSING", "R-IMPLIED")}
    assert missing == {"$." + ".".join(k) for k in keys}


#: CJK compatibility ideographs (U+F900 block) for label characters, full-width digits.
COMPAT = (
    *(("不行年理度"[k], "\uf967\ufa08\uf98e\uf9e4\ufa01"[k]) for k in range(5)),
    *((str(d), chr(0xFF10 + d)) for d in range(10)),
)


def test_compatibility_ideographs_and_full_width_digits() -> None:
    """A font mapping glyphs to compatibility ideographs and full-width digits reads exactly."""
    assert all(unicodedata.normalize("NFKC", m) == c for c, m in COMPAT)
    record = read_pdf(report_pdf(REPORT, Style(mapped=COMPAT, kangxi=True)), name="compat.pdf")
    found = {c.key: c.number for c in record.cells}
    wrong = {
        c.path: (found.get(c.key), cell_value(REPORT, c.key))
        for c in TABLE_CELLS
        if found.get(c.key) != cell_value(REPORT, c.key)
    }
    assert wrong == {}
    cell = record.cell(("requests", "new", "natural_person"))
    assert cell is not None
    assert cell.raw == "２７１"  # as printed; the number is read from full-width digits
    assert [f for f in record.findings if f.code == "R-UNREAD"] == []
    # compatibility ideographs are the ideographs; only a label numbered in full-width
    # digits (１.属于国家秘密) is noted as printed otherwise than the format (R-LABEL, info)
    loose = [str(f.found) for f in record.findings if f.code == "R-LABEL"]
    assert loose
    assert all(re.match(r"^[０-９]+[.、]", text) for text in loose), loose
    assert (record.organ, record.year) == (REPORT.organ, REPORT.year)


#: Labels as clerks print them: a typo, stray spaces inside (the interpreter's variants).
PRINTED = (
    ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),
    (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（二）部分公开（区分处理的，只计这一情 形，不计其他情形）",
    ),
    ("5.属于三类内部事务信息", "5.属于三类内部 事务信息"),
)
TOLERATED = {
    "typo, stray spaces": Style(printed=PRINTED),
    "an extra empty label cell": Style(empty_label_cell=True),
    "header band shifted by a cell": Style(shifted_header=True),
    "shifted, cut in a merged label": Style(shifted_header=True, break_after="not_held"),
}


@pytest.mark.parametrize("rules", ["ruled", "without rules"])
@pytest.mark.parametrize("style", TOLERATED.values(), ids=TOLERATED.keys())
def test_tolerated_layout_reads_cell_for_cell(style: Style, rules: str) -> None:
    style = attrs.evolve(style, rules=rules == "ruled")
    record = read_pdf(report_pdf(REPORT, style), name="layout.pdf")
    found = {c.key: c.number for c in record.cells}
    wrong = {
        c.path: (found.get(c.key), cell_value(REPORT, c.key))
        for c in TABLE_CELLS
        if found.get(c.key) != cell_value(REPORT, c.key)
    }
    assert wrong == {}
    assert [u.text for u in record.unread] == []
    loose = [str(f.found) for f in record.findings if f.code == "R-LABEL"]
    assert loose == (["2.其他法律行政止公开"] if style.printed else [])
    assert [f.code for f in audit(record) if f.severity.name == "ERROR"] == []


@pytest.mark.parametrize("rules", ["ruled", "without rules"])
def test_group_six_as_one_row(rules: str) -> None:
    """（六）其他处理 printed as one row (the 2019 layout in a 2023 report): one figure per
    column for its three items, recorded as combined, never split by guesswork."""
    record = read_pdf(report_pdf(REPORT, Style(six_as_one=True, rules=rules == "ruled")))
    items = labels.RESULT_ITEMS["other"]
    combined = {c.keys[0][-1]: c.raw for c in record.combined}
    assert combined == {
        column: str(
            sum(cell_value(REPORT, ("requests", "results", "other", i, column)) for i in items)
        )
        for column in labels.APPLICANT_COLUMNS
    }
    assert all(c.key[:3] != ("requests", "results", "other") for c in record.cells)
    found = {c.key: c.number for c in record.cells}
    others = [c for c in TABLE_CELLS if c.key[:3] != ("requests", "results", "other")]
    assert {c.path: found.get(c.key) for c in others} == {
        c.path: cell_value(REPORT, c.key) for c in others
    }
    assert record.unread == ()
    # figures other than 0 for several cells cannot be split: named, as for any format
    assert "R-MISSING" in [f.code for f in audit(record)]


def test_run_in_headings_split_with_their_place() -> None:
    """Narrative from lines: a paragraph opening with a run-in heading (（一）主要问题。…) is
    split as the other readers split it; each part keeps its page and coordinates."""
    first = "一是部分业务科室对公开属性认定把握不准，依申请公开答复的说理还不够充分，需要加强。"
    second = "加强培训，规范答复文书格式和说理，及时回应群众关切。"
    problems = attrs.evolve(
        REPORT.problems, opening=(f"（一）主要问题。{first}", f"（二）改进措施。{second}"), parts=()
    )
    record = read_pdf(report_pdf(attrs.evolve(REPORT, problems=problems)))
    section = record.section("problems")
    assert section is not None
    assert section.opening == ()
    assert [(p.heading, p.title, p.paragraphs) for p in section.parts] == [
        ("（一）主要问题。", "主要问题", (first,)),
        ("（二）改进措施。", "改进措施", (second,)),
    ]
    assert all(p.source.page and p.source.x and p.source.y for p in section.parts)
    assert record.unread == ()


def _told_as_example(report: AnnualReport) -> AnnualReport:
    """``report``'s tables told in REPORT's words: the drawn layouts set prose as a clerk's
    document does, not every text a generator can make (the LibreOffice round trip does)."""
    other = attrs.evolve(REPORT.other_matters, fees=report.other_matters.fees)
    return attrs.evolve(
        report, overview=REPORT.overview, problems=REPORT.problems, other_matters=other
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_count=999).map(_told_as_example), st.sampled_from(["ruled", "without rules"]))
def test_drawn_reports_read_cell_for_cell(report: AnnualReport, rules: str) -> None:
    """Any report drawn, ruled or without rules, reads cell for cell (figures up to 999 a
    cell: the drawn columns are as narrow as a clerk's)."""
    record = read_pdf(report_pdf(report, Style(rules=rules == "ruled")))
    found = {c.key: (c.raw if c.blank else c.number) for c in record.cells}
    wrong = {
        c.path: (found.get(c.key), cell_value(report, c.key))
        for c in TABLE_CELLS
        if found.get(c.key) != cell_value(report, c.key)
    }
    assert wrong == {}
    assert [u.text for u in record.unread] == []


ITEMS = [item for group in labels.RESULT_ITEMS.values() for item in group]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    item=st.sampled_from(ITEMS),
    repeat=st.booleans(),
    rules=st.booleans(),
    width=st.sampled_from([70.0, 48.0]),
)
def test_a_page_break_after_any_row_of_table_three(
    item: str,
    width: float,
    *,
    repeat: bool,
    rules: bool,
) -> None:
    """Moving Table 三's page break to after any of its rows (header rows repeated or not,
    ruled or not, wide or narrow labels) changes no cell read; rows that do not fit break
    onto a further page, as a word processor breaks them."""
    style = Style(break_after=item, repeat_header=repeat, rules=rules, label_width=width)
    record = read_pdf(report_pdf(REPORT, style), name="break.pdf")
    found = {c.key: c.number for c in record.cells}
    wrong = {
        c.path: (found.get(c.key), cell_value(REPORT, c.key))
        for c in TABLE_CELLS
        if found.get(c.key) != cell_value(REPORT, c.key)
    }
    assert wrong == {}
    assert [f.code for f in audit(record) if f.severity.name == "ERROR"] == []
