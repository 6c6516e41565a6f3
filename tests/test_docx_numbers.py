"""Numbers never break: every number cell of the .docx fits its number on one line.

The fit is computed from digit advance widths (``_fit``); these tests recompute it from the
XML alone (cell width, margins, size, scale), so a change of the planner cannot hide a
number too wide for its cell. ``test_docx_render.py`` checks the same in LibreOffice's PDF.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

from govinfo_report import AnnualReport, labels
from govinfo_report.formats.docx import _fit
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.model import (
    Appeals,
    ApplicantCounts,
    DocumentCounts,
    HandlingResults,
    Outcomes,
    ProactiveDisclosure,
    Requests,
)
from govinfo_report.testing import reports

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NATIONAL = {
    0: [2211] * 4,
    1: [640, 760, 2964, *[640] * 7],
    2: [*[590] * 14, 584],
}


def _tables(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return root.findall(f"{W}body/{W}tbl")


def _int(el: etree._Element | None, attr: str = "val", default: int = 0) -> int:
    if el is None:
        return default
    value = el.get(f"{W}{attr}")
    return default if value is None else int(value)


def _number_cells(tbl: etree._Element) -> list[tuple[str, int, int, int, int]]:
    """(text, cell width, left+right margin, size in half-points, scale) of number cells."""
    default = _int(tbl.find(f"{W}tblPr/{W}tblCellMar/{W}left"), "w")
    out = []
    for tc in tbl.iter(f"{W}tc"):
        text = "".join(t.text or "" for t in tc.iter(f"{W}t"))
        if not text or not all(c.isdigit() or c == "." for c in text):
            continue
        pr = tc.find(f"{W}tcPr")
        assert pr is not None
        assert pr.find(f"{W}noWrap") is not None, text  # a number cell never wraps
        margin = _int(pr.find(f"{W}tcMar/{W}left"), "w", default)
        margin += _int(pr.find(f"{W}tcMar/{W}right"), "w", default)
        rpr = tc.find(f".//{W}r/{W}rPr")
        size = _int(None if rpr is None else rpr.find(f"{W}sz"), default=21)
        scale = _int(None if rpr is None else rpr.find(f"{W}w"), default=100)
        out.append((text, _int(pr.find(f"{W}tcW"), "w"), margin, size, scale))
    return out


def _assert_numbers_fit(data: bytes) -> None:
    for tbl in _tables(data):
        grid = [_int(g, "w") for g in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        assert sum(grid) == 8844  # the 156 mm text width, whatever the numbers
        for text, width, margin, size, scale in _number_cells(tbl):
            assert size >= 16, text  # never below 8 pt
            needed = _fit.em_width(text) * size * 10 * scale / 100 + margin + _fit.SLACK
            assert needed <= width, (text, needed, width)


def _wide(digits: int) -> AnnualReport:
    """Every count of every table with ``digits`` digits (totals one or two more)."""
    n = int("9" * digits)
    row = ApplicantCounts(**dict.fromkeys(list(labels.APPLICANT_COLUMNS)[:6], n))
    outcomes = Outcomes(upheld=n, corrected=n, other=n, pending=n)
    documents = DocumentCounts(issued=n, repealed=n, in_force=n)
    return AnnualReport(
        organ="某省公安厅",
        year=2024,
        proactive=ProactiveDisclosure(
            regulations=documents,
            normative_documents=documents,
            licensing=n,
            punishment=n,
            coercion=n,
            fees=Decimal("24252.311082"),
        ),
        requests=Requests(new=row, results=HandlingResults(disclosed=row)),
        appeals=Appeals(
            reconsideration=outcomes,
            direct_litigation=outcomes,
            litigation_after_reconsideration=outcomes,
        ),
    )


@pytest.mark.parametrize("digits", [1, 4, 5, 6, 7])
@pytest.mark.parametrize("fonts", ["gb2312", "windows"])
def test_every_number_fits_its_cell(digits: int, fonts: str) -> None:
    _assert_numbers_fit(docx_bytes(_wide(digits), fonts=fonts))


@settings(max_examples=20, deadline=None)
@given(reports(max_count=9_999_999))
def test_generated_reports_with_counts_up_to_seven_digits_fit(report: AnnualReport) -> None:
    _assert_numbers_fit(docx_bytes(report))


def test_small_numbers_keep_the_national_grid_and_size() -> None:
    data = docx_bytes(_wide(2))  # totals of three digits
    for index, tbl in enumerate(_tables(data)):
        grid = [_int(g, "w") for g in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        assert grid == NATIONAL[index]
        assert tbl.find(f".//{W}r/{W}rPr") is None  # the style's 10.5 pt, no direct format


@pytest.mark.parametrize(
    ("digits", "table", "size"),
    [
        (4, 1, 21),  # four digits (totals of five): the grid gives the room, 10.5 pt kept
        (5, 1, 20),  # five (totals of six): the item labels at their narrowest, 10 pt
        (6, 1, 16),  # six (totals of seven): 8 pt
        (7, 1, 16),  # seven (totals of eight): 8 pt, never smaller
        (7, 2, 16),  # Table C's fifteen columns of seven digits: 8 pt and narrower
    ],
)
def test_the_grid_gives_room_before_the_size_shrinks(digits: int, table: int, size: int) -> None:
    tbl = _tables(docx_bytes(_wide(digits)))[table]
    cells = _number_cells(tbl)
    assert {s for _, _, _, s, _ in cells} == {size}


def test_past_the_guarantee_the_plan_says_so() -> None:
    fit = _fit.plan(
        [590] * 15, [354] * 15, [_fit.Need(c, 1, 20 * 0.64) for c in range(15)], margin=57
    )
    assert not fit.fits
    assert sum(fit.widths) == 8850


def test_the_fit_model_covers_the_widest_fallback_digits() -> None:
    # DejaVu (fontconfig's stand-in for a missing Times New Roman) has 1303/2048 em digits.
    assert _fit.DIGIT_EM >= 1303 / 2048
    assert _fit.em_width("0123456789.") == pytest.approx(10 * 0.64 + 0.32)


def test_a_report_made_wider_only_moves_width_between_columns() -> None:
    wide = attrs.evolve(_wide(1), requests=_wide(7).requests)
    tables = _tables(docx_bytes(wide))
    assert [_int(g, "w") for g in tables[0].findall(f"{W}tblGrid/{W}gridCol")] == NATIONAL[0]
    grid = [_int(g, "w") for g in tables[1].findall(f"{W}tblGrid/{W}gridCol")]
    assert grid[:2] == NATIONAL[1][:2]  # the narrow label columns are kept
    assert grid[2] < NATIONAL[1][2]  # the item labels gave room to the numbers


# --- Table 三 over a page break ---------------------------------------------------------------


def _keeps_and_tops(data: bytes) -> tuple[list[int], list[str]]:
    """Table B's rows after which a page may break, and the labels set at their cells' top."""
    table_b = _tables(data)[1]
    rows = table_b.findall(f"{W}tr")
    breaks = [i for i, tr in enumerate(rows) if tr.find(f".//{W}pPr/{W}keepNext") is None]
    tops = [
        "".join(tc.itertext())
        for tc in table_b.iter(f"{W}tc")
        if _val(tc.find(f"{W}tcPr/{W}vAlign")) == "top"
    ]
    return breaks, tops


def _val(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(f"{W}val")


def test_a_table_b_that_fits_a_page_is_kept_whole() -> None:
    breaks, tops = _keeps_and_tops(docx_bytes(_wide(1)))
    assert breaks == [27]  # only after its last row
    assert tops == []


def test_a_table_b_taller_than_a_page_breaks_only_between_groups() -> None:
    breaks, tops = _keeps_and_tops(docx_bytes(_wide(7)))
    # After 二 (row 4), after （三）, （四）, （五） and （六）, and the last row. Not after
    # （二） (row 6): 三、本年度办理结果 would not fit its rows above the break.
    assert breaks == [4, 14, 17, 22, 25, 27]
    assert tops == [labels.REQUEST_ROWS["results"].full]  # the one label a break may cross
