"""Each rule of spec section 6, with the finding asserted by value."""

from decimal import Decimal
from typing import Any

import attrs
import pytest

from govinfo_report import AnnualReport, check, to_dict
from govinfo_report.cells import CELL_BY_KEY, CELLS
from govinfo_report.findings import Finding
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.model import (
    ApplicantCounts,
    HandlingResults,
    OtherHandling,
    OtherMatters,
    ProcessingFees,
    Requests,
)
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_docx
from govinfo_report.rules.catalogue import SUM_RULES, evaluate, parse_amount


def _data() -> dict[str, Any]:
    return to_dict(AnnualReport(organ="某县", year=2022))


def _set(data: dict[str, Any], key: tuple[str, ...], value: object) -> None:
    node = data
    for name in key[:-1]:
        node = node[name]
    node[key[-1]] = value


def _summary(data: dict[str, Any]) -> list[tuple[object, ...]]:
    return [(f.code, f.place.row, f.place.column, f.expected, f.found) for f in check(data)]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (
            ("requests", "new", "total"),
            1,
            [
                ("B-ROWTOTAL", "一、本年新收政府信息公开申请数量", "总计", 0, 1),
                ("B-BALANCE", None, "总计", 0, 1),
            ],
        ),
        (
            ("requests", "results", "disclosed", "natural_person"),
            2,
            [
                ("B-ROWTOTAL", "三、本年度办理结果/（一）予以公开", "总计", 2, 0),
                ("B-HANDLED", "三、本年度办理结果/（七）总计", "自然人", 2, 0),
            ],
        ),
        (
            ("requests", "carried_forward", "other"),
            4,
            [
                ("B-ROWTOTAL", "四、结转下年度继续办理", "总计", 4, 0),
                ("B-BALANCE", None, "其他", 4, 0),
            ],
        ),
        (
            ("appeals", "direct_litigation", "pending"),
            1,
            [("C-TOTAL", "行政诉讼/未经复议直接起诉", "总计", 1, 0)],
        ),
    ],
)
def test_single_cell_changes(
    key: tuple[str, ...], value: int, expected: list[tuple[object, ...]]
) -> None:
    data = _data()
    _set(data, key, value)
    assert _summary(data) == expected


@pytest.mark.parametrize(
    "raw",
    [True, False, 1.0, "3", -1, None, [], {}],
)
def test_a_nonneg_names_the_cell(raw: object) -> None:
    data = _data()
    _set(data, ("requests", "results", "withheld", "state_secret", "legal_service_agency"), raw)
    found = check(data)
    assert found[0].code == "A-NONNEG"
    assert found[0].place.row == "三、本年度办理结果/（三）不予公开/1.属于国家秘密"
    assert found[0].place.column == "法律服务机构"
    assert found[0].place.path == "$.requests.results.withheld.state_secret.legal_service_agency"


def test_f_fees_warnings() -> None:
    report = AnnualReport(
        organ="某县",
        year=2022,
        requests=Requests(
            new=ApplicantCounts(other=1),
            results=HandlingResults(other=OtherHandling(fee_unpaid=ApplicantCounts(other=1))),
        ),
        other_matters=OtherMatters(
            fees=ProcessingFees(notices=0, notices_amount=Decimal(10), collected=Decimal("12.5"))
        ),
    )
    found = [(f.code, f.severity.value, f.place.column, f.expected, f.found) for f in check(report)]
    assert found == [
        ("F-FEES", "warning", "实际收取的总金额", Decimal(10), Decimal("12.5")),
        ("F-FEES", "warning", "发出收费通知的件数", None, 0),
    ]


def test_every_rule_names_real_cells_and_no_cell_is_on_both_sides() -> None:
    for rule in SUM_RULES:
        assert all(k in CELL_BY_KEY for k in rule.keys)
        assert not set(rule.lhs) & set(rule.rhs)


def test_every_table_b_and_c_cell_is_in_some_rule() -> None:
    covered = {k for rule in SUM_RULES for k in rule.keys}
    for cell in CELLS:
        if cell.table in ("三", "四"):
            assert cell.key in covered, cell.key


def test_evaluate_skips_rules_with_missing_cells() -> None:
    assert evaluate({}) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0", Decimal(0)),
        ("12.345", Decimal("12.345")),
        (7, Decimal(7)),
        (Decimal("1.10"), Decimal("1.10")),
        ("1e3", None),
        ("-1", None),
        ("1.", None),
        (" 1", None),
        (1.5, None),
        (True, None),
        (Decimal("-0"), None),
        (Decimal("sNaN"), None),
    ],
)
def test_parse_amount(raw: object, expected: Decimal | None) -> None:
    assert parse_amount(raw) == expected


_FEE_KEYS = [c.key for c in CELLS if c.table == "六"]


@pytest.mark.parametrize(
    ("printed", "fees"),
    [
        ((), ProcessingFees()),  # no fee figure printed at all
        ((("other_matters", "fees", "collected"),), ProcessingFees(collected=Decimal("12.5"))),
        (tuple(_FEE_KEYS), ProcessingFees()),  # all printed, 0
    ],
    ids=["none-printed", "only-collected-printed", "all-printed"],
)
def test_audit_gives_the_f_fees_of_the_report_made_from_the_record(
    printed: tuple[tuple[str, ...], ...], fees: ProcessingFees
) -> None:
    report = AnnualReport(
        organ="某县",
        year=2022,
        requests=Requests(
            new=ApplicantCounts(other=3),
            results=HandlingResults(other=OtherHandling(fee_unpaid=ApplicantCounts(other=3))),
        ),
        other_matters=OtherMatters(fees=fees),
    )
    record = read_docx(docx_bytes(report))
    # the document as published without the fee figures it does not print
    record = attrs.evolve(
        record, cells=tuple(c for c in record.cells if c.key not in _FEE_KEYS or c.key in printed)
    )
    assert {c.key for c in record.cells} & set(_FEE_KEYS) == set(printed)

    def fees_findings(found: list[Finding]) -> list[tuple[object, ...]]:
        return [
            (f.code, f.severity, f.place, f.expected, f.found, f.message_zh, f.message_en, f.cells)
            for f in found
            if f.code == "F-FEES"
        ]

    made = record.to_report()
    assert made == report
    expected = fees_findings(check(made))
    assert [f.place.column for f in check(made) if f.code == "F-FEES"] == (
        ["发出收费通知的件数"] if not fees.collected else ["实际收取的总金额", "发出收费通知的件数"]
    )
    assert fees_findings(audit(record)) == expected
    assert fees_findings(check(record)) == expected


def test_an_unreadable_fee_figure_is_not_read_as_0() -> None:
    report = AnnualReport(
        organ="某县",
        year=2022,
        requests=Requests(
            new=ApplicantCounts(other=3),
            results=HandlingResults(other=OtherHandling(fee_unpaid=ApplicantCounts(other=3))),
        ),
    )
    record = read_docx(docx_bytes(report))
    notices = ("other_matters", "fees", "notices")
    record = attrs.evolve(
        record,
        cells=tuple(
            attrs.evolve(c, raw="若干", value=None, blank=False) if c.key == notices else c
            for c in record.cells
        ),
    )
    assert [(f.code, f.place.column) for f in audit(record) if f.place.table == "六"] == [
        ("A-NONNEG", "发出收费通知的件数")
    ]
