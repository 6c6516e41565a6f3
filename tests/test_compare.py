"""Comparing reports cell by cell; a published total against its units."""

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest

from govinfo_report import AnnualReport
from govinfo_report.many.aggregate import MismatchError, aggregate
from govinfo_report.many.compare import compare, compare_total
from govinfo_report.model import (
    Appeals,
    ApplicantCounts,
    Outcomes,
    ProactiveDisclosure,
    Requests,
)

ORGAN = "某县教育局"
BASE = AnnualReport(organ=ORGAN, year=2022)


def _unit(organ: str, n: int) -> AnnualReport:
    row = ApplicantCounts(natural_person=n)
    return AnnualReport(
        organ=organ,
        year=2023,
        proactive=ProactiveDisclosure(licensing=n, fees=Decimal("0.5") * n),
        requests=Requests(new=row, carried_forward=row),
    )


@pytest.mark.parametrize(
    ("b", "expected"),
    [
        (attrs.evolve(BASE, year=2023), []),
        (
            attrs.evolve(BASE, year=2023, proactive=ProactiveDisclosure(fees=Decimal("1.20"))),
            [
                (
                    "二",
                    "第二十条第（八）项/行政事业性收费",
                    "本年收费金额（单位：万元）",
                    0,
                    Decimal("1.20"),
                )
            ],
        ),
        (
            attrs.evolve(BASE, appeals=Appeals(direct_litigation=Outcomes(pending=2))),
            [
                ("四", "行政诉讼/未经复议直接起诉", "尚未审结", 0, 2),
                ("四", "行政诉讼/未经复议直接起诉", "总计", 0, 2),
            ],
        ),
    ],
)
def test_compare_cells(b: AnnualReport, expected: list[tuple[object, ...]]) -> None:
    result = compare(BASE, b)
    assert [(d.table, d.row, d.column, d.a, d.change) for d in result.differences] == expected
    assert bool(result) == bool(expected)


def test_compare_reports_totals_and_marks_them() -> None:
    a, b = _unit("甲镇", 1), _unit("乙镇", 3)
    result = compare(a, b)
    assert (result.a, result.b) == ("甲镇 2023", "乙镇 2023")
    rows = {(d.path, d.a, d.b, d.change, d.computed) for d in result.differences}
    assert ("$.requests.new.natural_person", 1, 3, 2, False) in rows
    assert ("$.requests.new.total", 1, 3, 2, True) in rows
    assert ("$.proactive.fees", Decimal("0.5"), Decimal("1.5"), Decimal("1.0"), False) in rows


def test_same_name_is_told_apart() -> None:
    result = compare(BASE, BASE)
    assert (result.a, result.b) == (f"A: {ORGAN} 2022", f"B: {ORGAN} 2022")
    assert result.to_text("en") == f"A: {ORGAN} 2022 and B: {ORGAN} 2022: every cell is the same"
    assert result.to_text() == f"A: {ORGAN} 2022与B: {ORGAN} 2022：各单元格数值相同"


def test_text_csv_json() -> None:
    b = attrs.evolve(
        BASE, year=2023, proactive=ProactiveDisclosure(punishment=4, fees=Decimal("2.5"))
    )
    result = compare(BASE, b)
    text = result.to_text("zh").splitlines()
    assert text[0].split() == ["表", "行", "列", f"{ORGAN}", "2022", f"{ORGAN}", "2023", "变化"]
    assert text[1].split() == [
        "二",
        "第二十条第（六）项/行政处罚",
        "本年处理决定数量",
        "0",
        "4",
        "+4",
    ]
    assert result.to_text("en").splitlines()[0].split()[:3] == ["table", "row", "column"]
    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert [(r["path"], r["a"], r["b"], r["change"]) for r in rows] == [
        ("$.proactive.punishment", "0", "4", "4"),
        ("$.proactive.fees", "0", "2.5", "2.5"),
    ]
    data = json.loads(result.to_json())
    assert data["differences"][1] == {
        "path": "$.proactive.fees",
        "table": "二",
        "row": "第二十条第（八）项/行政事业性收费",
        "column": "本年收费金额（单位：万元）",
        "a": "0",
        "b": "2.5",
        "change": "2.5",
        "computed": False,
    }


def test_text_columns_line_up_with_wide_characters() -> None:
    b = attrs.evolve(BASE, proactive=ProactiveDisclosure(punishment=4, licensing=12345))
    lines = compare(BASE, b).to_text().splitlines()

    # The change column starts at the same display column on every line.
    def width(s: str) -> int:
        return sum(2 if "\u4e00" <= ch <= "\u9fff" or ch in "（）" else 1 for ch in s)

    starts = {width(line[: line.rindex(" ") + 1]) for line in lines}
    assert len(starts) == 1


# --- A published total against its units -----------------------------------------------


def test_total_that_agrees() -> None:
    units = [_unit("甲镇", 1), _unit("乙镇", 2)]
    published = aggregate(units, organ="某县")
    result = compare_total(published, iter(units), expected_units={"甲镇", "乙镇"})
    assert result.agrees
    assert result.units == tuple(sorted(["甲镇", "乙镇"]))
    assert result.findings == ()


def test_total_that_does_not_agree_names_cells_and_units() -> None:
    units = [_unit("甲镇", 1), _unit("乙镇", 2), _unit("乙镇", 2), _unit("丁镇", 4)]
    published = attrs.evolve(
        aggregate(units[:2], organ="某县"),
        proactive=ProactiveDisclosure(licensing=9, fees=Decimal("1.5")),
    )
    result = compare_total(published, units, expected_units=["甲镇", "乙镇", "丙镇"])
    assert not result.agrees
    assert result.missing == ("丙镇",)
    assert result.unexpected == ("丁镇",)
    assert result.duplicates == ("乙镇",)
    assert [(f.code, f.place.path, f.expected, f.found) for f in result.findings] == [
        ("X-TOTAL", "$.proactive.fees", Decimal("4.5"), Decimal("1.5")),
        ("X-TOTAL", "$.requests.new.natural_person", 9, 3),
        ("X-TOTAL", "$.requests.carried_forward.natural_person", 9, 3),
        ("X-UNITS", "$", None, 1),
        ("X-UNITS", "$", None, 1),
        ("X-UNITS", "$", None, 1),
    ]
    messages = [f.message_zh for f in result.findings if f.code == "X-UNITS"]
    assert messages == [
        "$：缺少以下单位的报告：丙镇［X-UNITS］",
        "$：以下单位不在应汇总的单位之列：丁镇［X-UNITS］",
        "$：以下单位的报告被重复汇总：乙镇［X-UNITS］",
    ]
    # The totals (总计) differ too, and are shown, but are not findings of their own.
    assert ("$.requests.new.total", True) in {
        (d.path, d.computed) for d in result.comparison.differences
    }


def test_total_refuses_units_of_another_year() -> None:
    with pytest.raises(MismatchError, match="2022"):
        compare_total(_unit("甲镇", 1), [attrs.evolve(_unit("乙镇", 1), year=2022)])


def test_total_goes_on_past_refused_units_when_asked() -> None:
    late = attrs.evolve(_unit("乙镇", 1), year=2022)
    refused: list[tuple[str, str]] = []
    result = compare_total(
        _unit("甲镇", 1),
        [late, _unit("甲镇", 1)],
        ["甲镇", "乙镇"],
        on_refused=lambda r, exc: refused.append((r.organ, exc.message("en"))),
    )
    assert refused == [("乙镇", "report 1 (乙镇) is for 2022, not 2023")]
    assert (result.units, result.missing) == (("甲镇",), ("乙镇",))


# The wrong arguments are the point: called through Any, as from untyped code.
_any_cmp: Any = compare
_any_total: Any = compare_total


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: _any_cmp({}, {}),
            "compare() argument a must be an AnnualReport, not dict",
        ),
        (
            lambda: _any_cmp(None, BASE),
            "compare() argument a must be an AnnualReport, not NoneType",
        ),
        (
            lambda: _any_cmp(BASE, 3),
            "compare() argument b must be an AnnualReport, not int",
        ),
        (
            lambda: _any_total(None, []),
            "compare_total() argument published_total must be an AnnualReport, not NoneType",
        ),
        (
            lambda: _any_total(BASE, [BASE, {}]),
            "compare_total() argument units[1] must be an AnnualReport, not dict",
        ),
        (
            lambda: _any_total(BASE, None),
            "compare_total() argument units must be an iterable of AnnualReport, not NoneType",
        ),
    ],
)
def test_type_errors_name_the_parameter(call: Callable[[], object], message: str) -> None:
    with pytest.raises(TypeError) as info:
        call()
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "各单位之和与某县 2023：各单元格数值相同"),
     ("en", "sum of units and 某县 2023: every cell is the same")],
)  # fmt: skip
def test_total_header_in_one_language(lang: str, expected: str) -> None:
    units = [_unit("甲镇", 1)]
    result = compare_total(aggregate(units, organ="某县"), units)
    assert result.comparison.to_text(lang) == expected
