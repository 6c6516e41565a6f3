"""The web page of a 2019-edition report (format section 7): its grids, labels and signs.

Table 二 has the 2019 edition's five groups, each with its own header row; Table 三 has
（六）其他处理 as one row; the signed 本年增/减 is printed with its sign; the identity lines
say the edition. The grids are those of the .docx writer's 2019 tables, cell for cell.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from lxml import etree
from lxml import html as lxml_html

from govinfo_report import labels
from govinfo_report.cells import cell_value, cells_of
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.formats.html.writer import cell_text, html_text
from govinfo_report.model import (
    AnnualReport,
    ApplicantCounts,
    DocumentCounts2019,
    FeeItems2019,
    HandlingResults2019,
    ItemCounts2019,
    ProactiveDisclosure2019,
    Procurement2019,
    Requests2019,
)
from govinfo_report.published.readers import read_html
from govinfo_report.testing import reports

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CELLS_2019 = cells_of("2019")

REPORT = AnnualReport(
    organ="某县教育局",
    year=2020,
    proactive=ProactiveDisclosure2019(
        regulations=DocumentCounts2019(made=2, published=2, public_total=35),
        normative_documents=DocumentCounts2019(made=14, published=13, public_total=286),
        licensing=ItemCounts2019(previous=112, change=-7, decisions=12846),
        other_services=ItemCounts2019(previous=40, change=3, decisions=2310),
        coercion=ItemCounts2019(previous=36, change=0, decisions=25),
        fees=FeeItems2019(previous=8, change=-1),
        procurement=Procurement2019(projects=57, amount=Decimal("3264.50")),
    ),
    requests=Requests2019(
        new=ApplicantCounts(natural_person=5, commercial_enterprise=1),
        results=HandlingResults2019(
            disclosed=ApplicantCounts(natural_person=3),
            other=ApplicantCounts(natural_person=2, commercial_enterprise=1),
        ),
    ),
)


def parse(page: str) -> etree._Element:
    return lxml_html.document_fromstring(page)


def text(el: etree._Element) -> str:
    return "".join(el.itertext())


def tables(page: str) -> list[etree._Element]:
    return parse(page).findall(".//table")


def anchors(table: etree._Element) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, rowspan, colspan)."""
    return [
        [
            (text(c), int(c.get("rowspan", "1")), int(c.get("colspan", "1")))
            for c in tr
            if c.tag in ("td", "th")
        ]
        for tr in table.iter("tr")
    ]


def docx_anchors(tbl: etree._Element) -> list[list[tuple[str, int, int]]]:
    """A .docx table's cells as (text, rowspan, colspan), from gridSpan and vMerge."""
    rows: list[list[list[Any]]] = []
    open_at: dict[int, list[Any]] = {}
    for tr in tbl.findall(f"{W}tr"):
        row: list[list[Any]] = []
        col = 0
        for tc in tr.findall(f"{W}tc"):
            found = tc.find(f"{W}tcPr/{W}gridSpan")
            span = 1 if found is None else int(found.get(f"{W}val", "1"))
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            if vm is not None and vm.get(f"{W}val", "continue") == "continue":
                open_at[col][1] += 1
            else:
                cell = ["".join(t.text or "" for t in tc.iter(f"{W}t")), 1, span]
                row.append(cell)
                if vm is not None:
                    open_at[col] = cell
            col += span
        rows.append(row)
    return [[(t, r, c) for t, r, c in row] for row in rows]


def _labels_only(rows: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """Anchors with the numbers (signed, or amounts) blanked."""
    return [
        [("" if t.lstrip("+-").replace(".", "").isdigit() else t.strip(), r, c) for t, r, c in row]
        for row in rows
    ]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_the_grids_are_those_of_the_2019_docx(index: int) -> None:
    document = zipfile.ZipFile(io.BytesIO(docx_bytes(REPORT))).read("word/document.xml")
    body = etree.fromstring(document).find(f"{W}body")
    assert body is not None
    theirs = docx_anchors(body.findall(f"{W}tbl")[index])
    ours = anchors(tables(html_text(REPORT))[index])
    assert _labels_only(ours) == _labels_only(theirs)


@pytest.mark.parametrize(("index", "columns", "rows"), [(0, 4, 18), (1, 10, 26), (2, 15, 4)])
def test_every_row_covers_the_whole_grid(index: int, columns: int, rows: int) -> None:
    grid = anchors(tables(html_text(REPORT))[index])
    assert len(grid) == rows
    filled: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        col = 0
        for _, rowspan, colspan in row:
            while (r, col) in filled:
                col += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    assert (r + dr, col + dc) not in filled
                    filled.add((r + dr, col + dc))
            col += colspan
    assert filled == {(r, c) for r in range(rows) for c in range(columns)}


@pytest.mark.parametrize(
    "label",
    sorted(
        {
            *(g.full for g in labels.PROACTIVE_GROUPS_2019.values()),
            labels.PROACTIVE_CONTENT_HEADER,
            *labels.DOCUMENT_COLUMNS_2019.values(),
            *labels.ITEM_COLUMNS_2019.values(),
            *labels.FEE_ITEM_COLUMNS_2019.values(),
            *labels.PROCUREMENT_COLUMNS_2019.values(),
            *(r.full for r in labels.PROACTIVE_ROWS_2019.values()),
            *(g.full for g in labels.RESULT_GROUPS.values()),
            *(i.full for items in labels.RESULT_ITEMS_2019.values() for i in items.values()),
        }
    ),
)
def test_every_2019_label_is_a_whole_cell_verbatim(label: str) -> None:
    cells = [text(c) for t in tables(html_text(REPORT)) for c in t.iter("th", "td")]
    assert label in cells


def test_no_2021_only_label_is_printed() -> None:
    page = html_text(REPORT)
    for label in (
        *labels.DOCUMENT_COLUMNS.values(),
        labels.DECISIONS_COLUMN,
        labels.FEES_COLUMN,
        *(i.full for i in labels.RESULT_ITEMS["other"].values()),
        labels.PROACTIVE_ROWS["normative_documents"].full,
    ):
        assert label not in page


def test_the_one_row_other_handling_is_a_row_of_its_own() -> None:
    rows = anchors(tables(html_text(REPORT))[1])
    [other] = [row for row in rows if ("（六）其他处理", 1, 2) in row]
    assert [t for t, _, _ in other[1:]] == ["2", "1", "0", "0", "0", "0", "3"]
    results = next(c for row in rows for c in row if c[0] == "三、本年度办理结果")
    assert results == ("三、本年度办理结果", 20, 1)


def test_the_signed_change_is_printed_with_its_sign() -> None:
    root = parse(html_text(REPORT))
    shown = {td.get("data-cell"): text(td) for td in root.iter("td")}
    assert shown["$.proactive.licensing.change"] == "-7"
    assert shown["$.proactive.other_services.change"] == "+3"
    assert shown["$.proactive.coercion.change"] == "0"
    assert shown["$.proactive.fees.change"] == "-1"
    assert shown["$.proactive.licensing.previous"] == "112"
    assert shown["$.proactive.procurement.amount"] == "3264.50"


@pytest.mark.parametrize(
    ("value", "signed", "shown"),
    [(0, True, "0"), (5, True, "+5"), (-5, True, "-5"), (5, False, "5"), (0, False, "0")],
)
def test_cell_text(value: int, signed: bool, shown: str) -> None:  # noqa: FBT001
    assert cell_text(value, signed=signed) == shown


def test_headers_name_each_numbers_row_and_column() -> None:
    root = parse(html_text(REPORT))
    ids = {el.get("id"): text(el) for el in root.iter("th") if el.get("id")}
    every_id = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(every_id) == len(set(every_id))
    cells = root.findall(".//td[@data-cell]")
    assert len(cells) == len([c for c in CELLS_2019 if c.table != "六"])
    by_path = {c.path: c for c in CELLS_2019}
    for td in cells:
        cell = by_path[td.get("data-cell", "")]
        named = [ids[h] for h in td.get("headers", "").split()]
        assert cell.column in named, (cell.path, named)
        for label in cell.row:
            assert label in named or label in labels.APPEAL_HEADERS.values(), (cell.path, named)


@settings(max_examples=20)
@given(reports(edition="2019"))
def test_every_number_is_printed_in_its_cell_with_its_key(report: AnnualReport) -> None:
    root = parse(html_text(report))
    printed = {
        el.get("data-cell"): text(el) for el in root.iter("td", "span") if el.get("data-cell")
    }
    assert set(printed) == {c.path for c in CELLS_2019}
    for cell in CELLS_2019:
        value = cell_value(report, cell.key)
        assert printed[cell.path] == cell_text(value, signed=cell.kind == "signed")


@pytest.mark.parametrize(
    ("report", "line"),
    [
        (REPORT, "格式版本：2019"),
        (AnnualReport(organ="某县教育局", year=2021, edition="2019"), "格式版本：2019"),
        (AnnualReport(organ="某县教育局", year=2020, edition="2021"), None),
        (AnnualReport(organ="某县教育局", year=2023), None),
    ],
    ids=["2020", "2019-edition-in-2021", "2021-edition-in-2020", "2023"],
)
def test_the_identity_lines_say_an_edition_other_than_2021(
    report: AnnualReport, line: str | None
) -> None:
    colophon = parse(html_text(report)).find(".//div[@class='govinfo-colophon']")
    assert colophon is not None
    lines = [text(p) for p in colophon.iter("p")]
    assert lines[:2] == [f"报告机关：{report.organ}", f"报告年度：{report.year}年"]
    assert lines[2:3] == ([] if line is None else [line])
    record = read_html(html_text(report))
    assert (record.edition, record.to_report()) == (report.edition, report)
