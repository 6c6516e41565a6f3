"""A page this library writes reads back to an equal report (issue 11, item 2): with its
embedded data, and as a copy whose site stripped every attribute, script and style, narrative
included; the fragment reads as the page does; a page edited after publication says where.
The same for a report of the 2019 edition (issue 13), in its own layout.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from govinfo_report.cells import CELLS, Cell, cell_value, cells_of
from govinfo_report.errors import ReportError
from govinfo_report.formats.html.writer import DATA_ID, cell_text, html_text
from govinfo_report.model import AnnualReport, Narrative, Part, ProactiveDisclosure
from govinfo_report.published.readers import read_html
from govinfo_report.testing import reports

if TYPE_CHECKING:
    from govinfo_report.published.record import PublishedReport


def reading_findings(record: PublishedReport) -> list[str]:
    """The codes of what reading noticed, but R-IDENTITY: generated reports are dated at
    random, and a date outside the year after the report's is the report's own slip."""
    return [f.code for f in record.findings if f.code != "R-IDENTITY"]


def stripped(page: str) -> str:
    """The page as a site might keep it: no script, no style, no attribute at all."""
    root = lxml_html.document_fromstring(page)
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str):
            el.attrib.clear()
    return lxml_html.tostring(root, encoding="unicode")


def edited(page: str, path: str, text: str) -> str:
    """The page with the element of ``data-cell=path`` showing ``text``."""
    root = lxml_html.document_fromstring(page)
    [el] = root.xpath("//*[@data-cell=$path]", path=path)
    el.text = text
    return lxml_html.tostring(root, encoding="unicode", doctype="<!doctype html>")


@settings(max_examples=30)
@given(reports())
def test_page_reads_back_with_its_data(report: AnnualReport) -> None:
    record = read_html(html_text(report))
    assert reading_findings(record) == []
    assert record.unread == ()
    assert record.to_report() == report


@settings(max_examples=30)
@given(reports())
def test_stripped_copy_reads_back_from_what_it_shows(report: AnnualReport) -> None:
    record = read_html(stripped(html_text(report)))
    assert reading_findings(record) == []
    assert record.unread == ()
    assert record.to_report() == report


@settings(max_examples=15)
@given(reports())
def test_fragment_reads_as_the_page(report: AnnualReport) -> None:
    page, fragment = read_html(html_text(report)), read_html(html_text(report, fragment=True))
    assert fragment == page
    assert read_html(stripped(html_text(report, fragment=True))).to_report() == report


@settings(max_examples=30)
@given(reports(), st.sampled_from(CELLS), st.integers(1, 1000))
def test_an_edited_cell_is_named(report: AnnualReport, cell: object, delta: int) -> None:
    assert isinstance(cell, type(CELLS[0]))
    value = cell_value(report, cell.key)
    new = value + delta
    page = edited(html_text(report), cell.path, str(new))
    record = read_html(page)
    embed = [f for f in record.findings if f.code == "R-EMBED"]
    assert [(f.place, f.expected, f.found) for f in embed] == [(cell.place, value, str(new))]
    with pytest.raises(ReportError) as caught:
        record.to_report()
    assert "R-EMBED" in {f.code for f in caught.value.findings}
    assert record.cell(cell.key).number == new  # type: ignore[union-attr]  # the page's value


# --- the 2019 edition (format section 7) ----------------------------------------------------


@settings(max_examples=30)
@given(reports(edition="2019"))
def test_2019_page_reads_back_with_its_data(report: AnnualReport) -> None:
    record = read_html(html_text(report))
    assert record.edition == "2019"
    assert reading_findings(record) == []
    assert record.unread == ()
    assert record.to_report() == report


@settings(max_examples=30)
@given(reports(edition="2019"))
def test_2019_stripped_copy_reads_back_from_what_it_shows(report: AnnualReport) -> None:
    record = read_html(stripped(html_text(report)))
    assert record.edition == "2019"
    assert reading_findings(record) == []
    assert record.unread == ()
    assert record.to_report() == report


@settings(max_examples=15)
@given(reports(edition="2019"))
def test_2019_fragment_reads_as_the_page(report: AnnualReport) -> None:
    page, fragment = read_html(html_text(report)), read_html(html_text(report, fragment=True))
    assert fragment == page
    assert read_html(stripped(html_text(report, fragment=True))).to_report() == report


@settings(max_examples=30)
@given(
    reports(edition="2019"),
    st.sampled_from(cells_of("2019")),
    st.integers(1, 1000),
)
def test_an_edited_2019_cell_is_named_by_its_2019_labels(
    report: AnnualReport, cell: Cell, delta: int
) -> None:
    value = cell_value(report, cell.key)
    new = value + delta
    shown = cell_text(new, signed=cell.kind == "signed")
    record = read_html(edited(html_text(report), cell.path, shown))
    embed = [f for f in record.findings if f.code == "R-EMBED"]
    assert [(f.place, f.expected, f.found) for f in embed] == [(cell.place, value, shown)]
    with pytest.raises(ReportError):
        record.to_report()
    assert record.cell(cell.key).number == new  # type: ignore[union-attr]  # the page's value


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("第一段。", "改过的第一段。", "$.overview"),
        ("（一）主动公开", "（一）被动公开", "$.overview"),
        ("问题。", "没有问题。", "$.problems"),
    ],
)
def test_an_edited_paragraph_is_named(old: str, new: str, path: str) -> None:
    report = AnnualReport(
        organ="某县教育局",
        year=2023,
        overview=Narrative(
            opening=("第一段。",), parts=(Part(title="主动公开", paragraphs=("内容。",)),)
        ),
        problems=Narrative(opening=("问题。",)),
    )
    page = html_text(report)
    shown, data = page.split('<script type="application/json"')  # edit what is shown only
    assert shown.count(old) == 1
    record = read_html(shown.replace(old, new) + '<script type="application/json"' + data)
    [finding] = [f for f in record.findings if f.code == "R-EMBED"]
    assert finding.place.path == path
    assert new.removeprefix("（一）") in str(finding.found)
    with pytest.raises(ReportError):
        record.to_report()


def test_unreadable_data_is_noted_and_the_page_is_read() -> None:
    report = AnnualReport(organ="某县教育局", year=2023)
    page = html_text(report)
    start = page.index(f'id="{DATA_ID}">') + len(f'id="{DATA_ID}">')
    broken = page[:start] + "{not json" + page[page.index("</script>") :]
    record = read_html(broken)
    assert [(f.code, f.place.path) for f in record.findings] == [("R-UNREAD", f"script#{DATA_ID}")]
    assert record.to_report() == report


@pytest.mark.parametrize(
    "report",
    [
        # a body paragraph that begins like a part's sub-heading, beside real parts
        AnnualReport(
            organ="某县教育局",
            year=2023,
            overview=Narrative(
                opening=("（一）这不是小标题。",),
                parts=(Part(title="主动公开", paragraphs=("（二）这也不是。",)),),
            ),
        ),
        # a part's title with the punctuation that ends a run-in heading
        AnnualReport(
            organ="某县教育局",
            year=2023,
            problems=Narrative(parts=(Part(title="问题：一。二", paragraphs=("内容。",)),)),
        ),
        # no opening paragraph at all, a custom one, several
        AnnualReport(organ="某县教育局", year=2023, preface=()),
        AnnualReport(organ="某县教育局", year=2023, preface=("自定义的开头。", "第二段。")),
        AnnualReport(
            organ="某县教育局",
            year=2023,
            proactive=ProactiveDisclosure(fees=Decimal("0.10")),
        ),
    ],
    ids=["body-like-heading", "heading-punctuation", "no-preface", "preface", "amount"],
)
def test_layout_cases_read_back_stripped(report: AnnualReport) -> None:
    for page in (html_text(report), stripped(html_text(report))):
        record = read_html(page)
        assert reading_findings(record) == []
        assert record.to_report() == report
