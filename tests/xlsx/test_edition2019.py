"""The workbook of the 2019 edition (format section 7): layout, formulas, validation, reading.

``new`` for a report on 2019 or 2020 (or with ``--edition 2019``) writes the 2019 grids:
Table 二's five groups with the signed 本年增/减, Table 三 with （六）其他处理 as one row.
Totals are formulas checked on reading (R-SHEET), the filled workbook reads back to the same
report, and a slip is named by rule code and the official 2019 labels.
"""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import openpyxl
import pytest

from govinfo_report import check, labels
from govinfo_report.cells import cells_of
from govinfo_report.formats.xlsx.layout import (
    IDENTITY_SHEET,
    NARRATIVE_SHEET,
    SHEETS,
    sheets_of,
)
from govinfo_report.formats.xlsx.summary import Unit, key_figures, summary_bytes
from govinfo_report.formats.xlsx.writer import SIGNED_FORMAT, template_bytes, xlsx_bytes
from govinfo_report.model import (
    AnnualReport,
    ApplicantCounts,
    FeeItems2019,
    HandlingResults2019,
    ItemCounts2019,
    ProactiveDisclosure2019,
    Procurement2019,
    Requests2019,
)
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_xlsx

from .helpers import address, edit, fill

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable

    from openpyxl.workbook.workbook import Workbook

SHEETS_2019 = sheets_of("2019")
TEMPLATE = template_bytes("某县教育局", 2020)
REPORT = AnnualReport(
    organ="某县教育局",
    year=2020,
    proactive=ProactiveDisclosure2019(
        licensing=ItemCounts2019(previous=112, change=-7, decisions=12846),
        other_services=ItemCounts2019(previous=40, change=3, decisions=2310),
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
OTHER = ("requests", "results", "other")


def _book(data: bytes = TEMPLATE) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _codes(data: bytes) -> list[tuple[str, str | None, str | None]]:
    record = read_xlsx(data)
    return [(f.code, f.place.row, f.place.column) for f in (*record.findings, *audit(record))]


@pytest.mark.parametrize("name", list(SHEETS_2019))
def test_labels_and_merges_as_the_2019_layout(name: str) -> None:
    ws = _book()[name]
    layout = SHEETS_2019[name]
    assert {str(r) for r in ws.merged_cells.ranges} == set(layout.merges)
    for spec in layout.specs:
        if spec.role in ("label", "label_left", "vertical", "title"):
            assert ws[spec.ref].value == spec.text


def test_the_year_chooses_the_layout_and_the_edition_can_be_given() -> None:
    def table_a_labels(data: bytes) -> set[object]:
        return {c.value for row in _book(data)["表二"].iter_rows() for c in row}

    new_2019 = set(labels.DOCUMENT_COLUMNS_2019.values())
    assert new_2019 <= table_a_labels(TEMPLATE)
    assert new_2019 <= table_a_labels(template_bytes("某县", 2019))
    assert new_2019 <= table_a_labels(template_bytes("某县", 2021, edition="2019"))
    for data in (template_bytes("某县", 2021), template_bytes("某县", 2020, edition="2021")):
        assert not new_2019 & table_a_labels(data)
        assert set(labels.DOCUMENT_COLUMNS.values()) <= table_a_labels(data)
    assert "2019 年版格式" in str(_book()[IDENTITY_SHEET]["A2"].value)
    assert "2019 年版格式" not in str(
        _book(template_bytes("某县", 2021))[IDENTITY_SHEET]["A2"].value
    )


@pytest.mark.parametrize(
    "label",
    sorted(
        {
            *(g.full for g in labels.PROACTIVE_GROUPS_2019.values()),
            *labels.DOCUMENT_COLUMNS_2019.values(),
            *labels.ITEM_COLUMNS_2019.values(),
            *labels.PROCUREMENT_COLUMNS_2019.values(),
            *(r.full for r in labels.PROACTIVE_ROWS_2019.values()),
            labels.RESULT_GROUPS["other"].full,
        }
    ),
)
def test_official_2019_labels_verbatim(label: str) -> None:
    values = {c.value for name in SHEETS_2019 for row in _book()[name].iter_rows() for c in row}
    assert label in values


def test_no_2021_only_label_in_the_2019_workbook() -> None:
    values = {c.value for name in SHEETS_2019 for row in _book()[name].iter_rows() for c in row}
    for label in (
        *labels.DOCUMENT_COLUMNS.values(),
        labels.DECISIONS_COLUMN,
        labels.FEES_COLUMN,
        *(i.full for i in labels.RESULT_ITEMS["other"].values()),
        labels.PROACTIVE_ROWS["normative_documents"].full,
    ):
        assert label not in values


def test_every_cell_has_a_place_and_every_total_is_a_formula() -> None:
    wb = _book()
    placed = {key for layout in SHEETS_2019.values() for key in layout.address}
    assert placed == {c.key for c in cells_of("2019") if c.table != "六"}
    for cell in cells_of("2019"):
        if cell.computed:
            sheet, ref = address(cell.key, "2019")
            assert str(wb[sheet][ref].value).startswith("=SUM("), cell.key
            assert wb[sheet][ref].protection.locked
    # （七）总计 sums the result rows, （六）其他处理 one of them
    table_b = SHEETS_2019["表三"]
    handled = table_b.formulas[("requests", "results", "total", "natural_person")]
    other = table_b.address[(*OTHER, "natural_person")]
    assert handled == f"SUM(D8:{other})"
    assert table_b.formulas[(*OTHER, "total")] == f"SUM(D{other[1:]}:I{other[1:]})"


def test_signed_cells_take_negatives_and_show_their_sign() -> None:
    ws = _book(xlsx_bytes(REPORT))["表二"]
    signed = [c for c in cells_of("2019") if c.kind == "signed"]
    assert len(signed) == 5  # the rows of （五） and （六）, and （八）
    refs = {address(c.key, "2019")[1] for c in signed}
    for ref in refs:
        assert ws[ref].number_format == SIGNED_FORMAT
        assert not ws[ref].protection.locked
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    [signed_rule] = [dv for dv in rules.values() if dv.formula1 == "-999999999"]
    assert set(str(signed_rule.sqref).split()) == {
        r if r != address(("proactive", "fees", "change"), "2019")[1] else f"{r}:D{r[1:]}"
        for r in refs
    }
    assert "负数" in str(signed_rule.prompt)
    licensing = address(("proactive", "licensing", "change"), "2019")[1]
    assert ws[licensing].value == -7
    amount = address(("proactive", "procurement", "amount"), "2019")[1]
    assert str(ws[amount].value) == "3264.5"  # openpyxl reads the stored 3264.50 as a float


def test_the_filled_workbook_reads_back_to_the_report() -> None:
    record = read_xlsx(xlsx_bytes(REPORT))
    assert record.edition == "2019"
    assert record.findings == ()
    assert audit(record) == []
    assert record.to_report() == REPORT


def test_a_blank_2019_workbook_filled_by_a_clerk_is_checked() -> None:
    figures: dict[tuple[str, ...], Any] = {
        ("requests", "new", "natural_person"): 5,
        ("requests", "results", "disclosed", "natural_person"): 3,
        (*OTHER, "natural_person"): 2,
        ("proactive", "licensing", "change"): -4,
        ("proactive", "procurement", "amount"): 12.5,
    }
    record = read_xlsx(fill(TEMPLATE, figures, "2019"))
    assert record.edition == "2019"
    assert check(record) == []
    report = record.to_report()
    assert isinstance(report.proactive, ProactiveDisclosure2019)
    assert report.proactive.licensing.change == -4
    assert report.proactive.procurement.amount == Decimal("12.5")
    assert report.requests.results.total.natural_person == 5
    # a one-cell slip in （六）其他处理: named by the 2019 labels
    slip = fill(TEMPLATE, {**figures, (*OTHER, "natural_person"): 3}, "2019")
    assert _codes(slip) == [
        ("B-BALANCE", None, "自然人"),
        ("B-BALANCE", None, "总计"),
    ]
    # a negative count where only 本年增/减 may be below zero
    negative = fill(TEMPLATE, {**figures, ("proactive", "licensing", "previous"): -1}, "2019")
    assert _codes(negative) == [("A-NONNEG", "第二十条第（五）项/行政许可", "上一年项目数量")]


def _set(sheet: str, ref: str, value: str | int) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        wb[sheet][ref] = value

    return change


def test_a_changed_total_formula_is_named_by_its_2019_place() -> None:
    table_b = SHEETS_2019["表三"]
    handled = table_b.address[("requests", "results", "total", "natural_person")]
    other = table_b.address[(*OTHER, "natural_person")]
    row = int(other[1:])
    # the （七）总计 formula stops short of （六）其他处理
    cut = edit(xlsx_bytes(REPORT), _set("表三", handled, f"=SUM(D8:D{row - 1})"))
    record = read_xlsx(cut)
    assert [(f.code, f.place.row, f.place.column, f.expected) for f in record.findings] == [
        ("R-SHEET", "三、本年度办理结果/（七）总计", "自然人", f"=SUM(D8:D{row})")
    ]
    assert audit(record) == []  # the tool computes the total from the figures
    # the （六）其他处理 row's total is a formula too
    total = table_b.address[(*OTHER, "total")]
    changed = edit(xlsx_bytes(REPORT), _set("表三", total, "=5"))
    assert [(f.code, f.place.row) for f in read_xlsx(changed).findings] == [
        ("R-SHEET", "三、本年度办理结果/（六）其他处理")
    ]


def test_a_2021_workbook_for_2020_reads_as_2021_with_its_warning() -> None:
    data = template_bytes("某县教育局", 2020, edition="2021")
    record = read_xlsx(data)
    assert record.edition == "2021"
    assert [(f.code, f.expected, f.found) for f in audit(record)] == [("E-EDITION", "2019", "2021")]


def test_sheets_and_identity_are_those_of_2021() -> None:
    assert _book().sheetnames == [IDENTITY_SHEET, *SHEETS, NARRATIVE_SHEET]
    assert list(SHEETS_2019) == list(SHEETS)
    assert SHEETS_2019["表四"].specs == SHEETS["表四"].specs


def test_a_summary_of_2019_units() -> None:
    other = AnnualReport(organ="乙镇", year=2020)
    data = summary_bytes(
        REPORT, [Unit(source="a.xlsx", report=REPORT), Unit(source="b", report=other)]
    )
    wb = _book(data)
    units = wb["各单位"]
    headers = [c.value for c in units[1]]
    assert "第二十条第（五）项/行政许可／本年增/减" in headers
    column = headers.index("第二十条第（五）项/行政许可／本年增/减") + 1
    assert units.cell(row=2, column=column).value == -7
    assert len(headers) == 2 + len(key_figures("2019")) + 1
    assert read_xlsx(data).to_report() == REPORT


def test_new_writes_the_2019_workbook_and_check_and_render_take_it(
    tmp_path: pathlib.Path,
) -> None:
    book = tmp_path / "2020年报.xlsx"

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "govinfo_report", *argv],
            capture_output=True,
            text=True,
            check=False,
        )

    done = run("new", "--organ", "某县教育局", "--year", "2020", "-o", str(book))
    assert done.returncode == 0, done.stderr
    assert read_xlsx(book).edition == "2019"
    book.write_bytes(fill(book.read_bytes(), {("proactive", "licensing", "change"): -2}, "2019"))
    done = run("check", str(book))
    assert (done.returncode, "通过" in done.stdout) == (0, True), done.stdout
    for target in ("2020年报.docx", "2020年报.html", "again.xlsx"):
        done = run("render", str(book), "-o", str(tmp_path / target))
        assert done.returncode == 0, done.stdout + done.stderr
    assert read_xlsx(tmp_path / "again.xlsx").to_report() == read_xlsx(book).to_report()
    other = tmp_path / "2021格式.xlsx"
    done = run("new", "--organ", "某县", "--year", "2020", "--edition", "2021", "-o", str(other))
    assert done.returncode == 0, done.stderr
    assert read_xlsx(other).edition == "2021"


def _relabel(data: bytes, sheet: str, labels_to: dict[str, str]) -> bytes:
    def change(wb: Workbook) -> None:
        for row in wb[sheet].iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in labels_to:
                    cell.value = labels_to[cell.value]

    return edit(data, change)


def test_the_edition_is_told_by_the_labels_as_any_reader_matches_them() -> None:
    # a header retyped with a full-width slash is still the 2019 header
    retyped = _relabel(xlsx_bytes(REPORT), "表二", {"本年增/减": "本年增／减"})
    record = read_xlsx(retyped)
    assert record.edition == "2019"
    assert audit(record) == []
    assert record.to_report() == REPORT


def test_tables_of_both_editions_are_named() -> None:
    # a 2021 workbook whose 第二十条第（一）项 headers were overwritten with the 2019 ones
    report = AnnualReport(organ="某县教育局", year=2023)
    mixed = _relabel(
        xlsx_bytes(report),
        "表二",
        dict(
            zip(
                labels.DOCUMENT_COLUMNS.values(), labels.DOCUMENT_COLUMNS_2019.values(), strict=True
            )
        ),
    )
    record = read_xlsx(mixed)
    assert [f.code for f in (*record.findings, *audit(record))] == ["R-EDITION"]
