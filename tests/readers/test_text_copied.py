"""Text copied out of a PDF viewer, or out of a page without its tabs (``read_text``).

A viewer copies a table's row as one line, its cells separated by spaces (``规章 1 0 11``),
and copies the page's furniture with it: page numbers (``- 3 -``, ``第 3 页 共 8 页``) and a
running title between two rows of a table. These are the shapes of ``flattext.spaced`` and
of the page numbers below, drawn over the reports of ``govinfo_report.testing``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import is_consistent, labels
from govinfo_report.cells import cell_value, cells_of
from govinfo_report.formats.json.codec import loads
from govinfo_report.published.readers import read_text
from govinfo_report.testing import reports

from . import flattext

if TYPE_CHECKING:
    from govinfo_report import AnnualReport
    from govinfo_report.published.record import PublishedReport

ROOT = Path(__file__).parents[2]


CITY = loads((ROOT / "examples" / "city-department-2023.json").read_text(encoding="utf-8"))
#: Prose that names no section and no figure: a heading drawn as prose is another test's.
PROSE = st.just("本机关持续深化政务公开工作。")
PAGE_NUMBERS = ("- 3 -", "— 3 —", "－3－", "第 3 页 共 8 页", "第3页", "共8页 第3页", "3 / 8")
SEPARATORS = (" ", "   ", "\u3000")


def _cells(record: PublishedReport) -> dict[tuple[str, ...], object]:
    return {c.key: c.number for c in record.cells}


def _truth(report: AnnualReport) -> dict[tuple[str, ...], object]:
    return {c.key: cell_value(report, c.key) for c in cells_of(report.edition)}


def _table_lines(text: str) -> list[int]:
    """Indices of the lines between Table 二's heading and section 五's."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    return list(range(start + 1, end))


@settings(max_examples=40, deadline=None)
@given(
    report=st.sampled_from(["2021", "2019"]).flatmap(lambda e: reports(edition=e, text=PROSE)),
    separator=st.sampled_from(SEPARATORS),
    zero=st.sampled_from(["0", "/", "—"]),
)
def test_rows_with_cells_separated_by_spaces(
    report: AnnualReport, separator: str, zero: str
) -> None:
    """Each row on one line, its cells set apart by spaces: every cell is read as printed."""
    text = flattext.spaced(flattext.render(report, zero=lambda _k: zero, minus="－"), separator)
    record = read_text(text)
    assert _cells(record) == _truth(report)
    assert record.edition == report.edition
    assert not [f for f in record.findings if f.code == "R-UNREAD"]


@settings(max_examples=40, deadline=None)
@given(
    report=reports(text=PROSE),
    where=st.data(),
    furniture=st.sampled_from(PAGE_NUMBERS),
    spaced=st.booleans(),
)
def test_a_page_number_anywhere_in_the_tables(
    report: AnnualReport, where: st.DataObject, furniture: str, *, spaced: bool
) -> None:
    """A page number copied between any two lines of the tables changes no cell read."""
    text = flattext.render(report)
    if spaced:
        text = flattext.spaced(text)
    lines = text.splitlines()
    at = where.draw(st.sampled_from(_table_lines(text)))
    lines.insert(at, furniture)
    assert _cells(read_text("\n".join(lines))) == _truth(report)


@settings(max_examples=20, deadline=None)
@given(where=st.data(), spaced=st.booleans())
def test_the_running_title_anywhere_in_the_tables(where: st.DataObject, *, spaced: bool) -> None:
    """The report's title repeated at the head of a page, between two rows, is no cell."""
    text = flattext.render(CITY)
    if spaced:
        text = flattext.spaced(text)
    lines = text.splitlines()
    at = where.draw(st.sampled_from(_table_lines(text)))
    lines.insert(at, CITY.title)
    record = read_text("\n".join(lines))
    assert _cells(record) == _truth(CITY)
    assert record.title == CITY.title


def test_one_cell_a_line_with_page_furniture() -> None:
    """Each cell on its own line, a page number and the title between a label and its row."""
    text = flattext.render(CITY).replace(
        "\t2.没有现成信息需要另行制作\n",
        "\t2.没有现成信息需要另行制作\n第 4 页 共 6 页\n" + CITY.title + "\n",
    )
    record = read_text(text.replace("\t", ""))
    assert _cells(record) == _truth(CITY)
    assert record.to_report().requests == CITY.requests


def test_a_number_alone_is_not_a_page_number() -> None:
    """``3`` alone may be a cell, ``-3`` a signed 本年增/减: neither is taken for a page number."""
    record = read_text(
        "某县教育局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 12 -3 340\n"
    )
    assert [(c.cell.column, c.value) for c in record.cells] == [
        ("上一年项目数量", 12),
        ("本年增/减", -3),
        ("处理决定数量", 340),
    ]


def test_a_sentence_ending_in_a_number_stays_a_paragraph() -> None:
    """In a table's section, a line of the narrative that ends in a number is not a row."""
    record = read_text(
        "某县教育局2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "全年通过门户网站主动公开政府信息，其中政策文件 58\n"
        "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
        "规章 1 0 4\n行政规范性文件 6 3 42\n"
    )
    assert [c.value for c in record.cells] == [1, 0, 4, 6, 3, 42]
    assert [u.text for u in record.unread] == ["全年通过门户网站主动公开政府信息，其中政策文件 58"]


def _spaced_rows(text: str, section: str) -> list[int]:
    """Indices of the lines of ``section`` (``proactive`` …) that end in a figure."""
    lines = text.splitlines()
    keys = list(labels.SECTIONS)
    start = lines.index(labels.SECTIONS[section].full)
    end = lines.index(labels.SECTIONS[keys[keys.index(section) + 1]].full)
    return [i for i in range(start + 1, end) if lines[i].rsplit(" ", 1)[-1].isdigit()]


@settings(max_examples=30, deadline=None)
@given(where=st.data(), section=st.sampled_from(["proactive", "requests", "appeals"]))
def test_a_blank_cell_between_spaces_shifts_no_figure(where: st.DataObject, section: str) -> None:
    """A row missing one figure (a blank printed as nothing) gives none of its figures to
    another column: the audit names its row (Table 四's one row: the table), every other
    row is read as printed."""
    text = flattext.spaced(flattext.render(CITY))
    lines = text.splitlines()
    at = where.draw(st.sampled_from(_spaced_rows(text, section)))
    words = lines[at].split(" ")
    figures = [i for i, w in enumerate(words) if w.isdigit()]
    drop = where.draw(st.sampled_from(figures))
    lines[at] = " ".join(w for i, w in enumerate(words) if i != drop)
    record = read_text("\n".join(lines))
    truth = _truth(CITY)
    got = _cells(record)
    line = at + 1
    row = [c for c in record.cells if c.source.line == line]
    if len(figures) == 1:  # a label alone: its blank cell, 0
        assert len(set(truth) - set(got)) == 1
        assert got == {k: v for k, v in truth.items() if k in got}
        return
    assert all(c.number is None for c in row), "no figure of the row is placed"
    assert {k: v for k, v in got.items() if k not in {c.key for c in row}} == {
        k: v for k, v in truth.items() if k in got and k not in {c.key for c in row}
    }
    assert not is_consistent(record)


@settings(max_examples=40, deadline=None)
@given(
    report=st.sampled_from(["2021", "2019"]).flatmap(lambda e: reports(edition=e, text=PROSE)),
    zero=st.sampled_from(["0", "/", "—"]),
)
def test_each_cell_on_a_line_of_its_own(report: AnnualReport, zero: str) -> None:
    """Each cell a line, no empty line between rows (Table 四's headers and figures one run):
    every cell is read as printed."""
    text = flattext.one_a_line(flattext.render(report, zero=lambda _k: zero, minus="－"))
    record = read_text(text)
    assert _cells(record) == _truth(report)
    assert not [f for f in record.findings if f.code == "R-UNREAD"]


@settings(max_examples=60, deadline=None)
@given(where=st.data())
def test_a_label_broken_anywhere_over_two_lines(where: st.DataObject) -> None:
    """A row label of Table 三 broken over two lines at any character, as a viewer copies a
    label wrapped in its cell (no hyphen, the figures after its last piece), reads the same."""
    lines = flattext.one_a_line(flattext.render(CITY)).splitlines()
    start = lines.index(labels.SECTIONS["requests"].full)
    end = lines.index(labels.SECTIONS["appeals"].full)
    rows = [i for i in range(start, end) if len(lines[i]) > 3 and lines[i + 1].isdigit()]
    at = where.draw(st.sampled_from(rows))
    cut = where.draw(st.integers(2, len(lines[at]) - 1))
    label = lines[at]
    lines[at : at + 1] = [label[:cut], label[cut:]]
    assert _cells(read_text("\n".join(lines))) == _truth(CITY)
