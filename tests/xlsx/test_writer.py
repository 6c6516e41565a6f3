from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING

import openpyxl
import pytest

from govinfo_report import ReportError, labels
from govinfo_report.cells import CELLS
from govinfo_report.errors import WriteError
from govinfo_report.formats.xlsx.layout import (
    BALANCE_LABEL,
    IDENTITY_SHEET,
    MAX_COUNT,
    NARRATIVE_SHEET,
    SHEETS,
)
from govinfo_report.formats.xlsx.writer import template_bytes, write_template, xlsx_bytes
from govinfo_report.model import (
    AnnualReport,
    ApplicantCounts,
    HandlingResults,
    ProactiveDisclosure,
    Requests,
)

if TYPE_CHECKING:
    import pathlib

TEMPLATE = template_bytes("某县教育局", 2025)


def _book(data: bytes = TEMPLATE) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_sheets_in_order() -> None:
    assert _book().sheetnames == [IDENTITY_SHEET, "表二", "表三", "表四", NARRATIVE_SHEET]


@pytest.mark.parametrize("name", list(SHEETS))
def test_labels_and_merges_as_the_layout(name: str) -> None:
    ws = _book()[name]
    layout = SHEETS[name]
    assert {str(r) for r in ws.merged_cells.ranges} == set(layout.merges)
    for spec in layout.specs:
        if spec.role in ("label", "label_left", "vertical", "title"):
            assert ws[spec.ref].value == spec.text


@pytest.mark.parametrize(
    "label",
    [
        labels.BALANCE_NOTE,
        labels.RESULT_GROUPS["partially_disclosed"].full,
        labels.RESULT_ITEMS["other"]["fee_unpaid"].full,
        labels.FEES_COLUMN,
        labels.APPEAL_GROUPS["litigation_after_reconsideration"][-1],
    ],
)
def test_official_labels_verbatim(label: str) -> None:
    texts = {c.value for ws in _book().worksheets for row in ws.iter_rows() for c in row}
    assert label in texts


def test_every_table_cell_has_a_place() -> None:
    placed = {key for layout in SHEETS.values() for key in layout.address}
    assert placed == {c.key for c in CELLS if c.table != "六"}


@pytest.mark.parametrize(
    ("sheet", "ref", "formula"),
    [
        ("表三", "J6", "=SUM(D6:I6)"),
        ("表三", "D29", "=SUM(D8:D28)"),
        ("表三", "J29", "=SUM(D29:I29)"),
        ("表四", "E6", "=SUM(A6:D6)"),
        ("表四", "O6", "=SUM(K6:N6)"),
        ("表三", "D31", '=IF(D6+D7=D29+D30,"相符","不相符")'),
    ],
)
def test_totals_and_checks_are_formulas(sheet: str, ref: str, formula: str) -> None:
    assert _book()[sheet][ref].value == formula


def test_balance_check_row_labelled() -> None:
    assert _book()["表三"]["A31"].value == BALANCE_LABEL


def test_every_total_is_a_formula_and_locked() -> None:
    wb = _book()
    for layout in SHEETS.values():
        ws = wb[layout.name]
        assert ws.protection.sheet
        assert not ws.protection.password
        for key, ref in layout.address.items():
            cell = ws[ref]
            computed = next(c for c in CELLS if c.key == key).computed
            assert str(cell.value).startswith("=") is computed, ref
            assert cell.protection.locked is computed, ref


def test_inputs_validated_in_chinese() -> None:
    ws = _book()["表三"]
    validations = ws.data_validations.dataValidation
    whole = next(v for v in validations if v.type == "whole")
    assert (whole.formula1, whole.formula2) == ("0", str(MAX_COUNT))
    assert "D6" in whole.sqref
    assert "J6" not in whole.sqref  # a total is not typed in
    assert "整数" in whole.error
    assert "整数" in whole.prompt
    assert whole.showErrorMessage
    amount = next(v for v in _book()["表二"].data_validations.dataValidation if v.type == "decimal")
    assert "B16" in amount.sqref
    assert "金额" in amount.error


def test_identity_filled_in_template() -> None:
    ws = _book()[IDENTITY_SHEET]
    values = {row[0].value: row[1].value for row in ws.iter_rows(min_row=4, max_col=2)}
    assert values["机关名称"] == "某县教育局"
    assert values["年度"] == 2025
    assert values["标题"] is None


def test_same_report_same_bytes() -> None:
    report = AnnualReport(
        organ="某县",
        year=2024,
        requests=Requests(
            new=ApplicantCounts(natural_person=3),
            results=HandlingResults(disclosed=ApplicantCounts(natural_person=3)),
        ),
    )
    assert xlsx_bytes(report) == xlsx_bytes(report)
    assert template_bytes("某县", 2024) == template_bytes("某县", 2024)


def test_text_starting_with_equals_stays_text() -> None:
    report = AnnualReport(organ="=某县", year=2024)
    ws = _book(xlsx_bytes(report))[IDENTITY_SHEET]
    assert ws["B4"].value == "=某县"
    assert ws["B4"].data_type == "s"


def test_amount_digits_written() -> None:
    report = AnnualReport(
        organ="某县", year=2024, proactive=ProactiveDisclosure(fees=Decimal("12.50"))
    )
    assert _book(xlsx_bytes(report))["表二"]["B16"].value == Decimal("12.5")


@pytest.mark.parametrize(("organ", "year"), [("", 2025), ("某县", 2018), ("某县", True)])
def test_template_checks_identity(organ: str, year: int) -> None:
    with pytest.raises(ReportError):
        template_bytes(organ, year)


def test_write_template_never_over_an_input(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "年报.xlsx"
    write_template(path, organ="某县", year=2025)
    assert path.read_bytes() == template_bytes("某县", 2025)
    with pytest.raises(WriteError):
        write_template(path, organ="某县", year=2025, protect=[path])
