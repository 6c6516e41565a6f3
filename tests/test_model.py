"""The model: immutable, keyword-only, sound by construction, errors as data."""

import datetime as dt
import json
import pickle
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest

from govinfo_report import AnnualReport, ReportError, dumps, loads
from govinfo_report.model import (
    ApplicantCounts,
    HandlingResults,
    Narrative,
    Outcomes,
    Part,
    ProactiveDisclosure,
    ProcessingFees,
    Requests,
    Withheld,
)


def _balanced() -> Requests:
    return Requests(
        new=ApplicantCounts(natural_person=5, commercial_enterprise=2),
        carried_over=ApplicantCounts(natural_person=1),
        results=HandlingResults(
            disclosed=ApplicantCounts(natural_person=3),
            withheld=Withheld(state_secret=ApplicantCounts(commercial_enterprise=2)),
        ),
        carried_forward=ApplicantCounts(natural_person=3),
    )


def test_totals_are_computed() -> None:
    requests = _balanced()
    assert requests.new.total == 7
    assert requests.results.total == ApplicantCounts(natural_person=3, commercial_enterprise=2)
    assert requests.results.withheld.subtotal.total == 2
    assert Outcomes(upheld=1, corrected=2, other=3, pending=4).total == 10


def test_report_is_frozen_and_keyword_only() -> None:
    report = AnnualReport(organ="某县", year=2022)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2023  # type: ignore[misc]
    with pytest.raises(TypeError):
        AnnualReport("某县", 2022)  # type: ignore[call-arg]  # positional on purpose


def test_title_defaults_and_can_be_overridden() -> None:
    assert AnnualReport(organ="某县", year=2022).title == "某县2022年政府信息公开工作年度报告"
    custom = AnnualReport(organ="某县", year=2022, title="2022年某县政府信息公开工作年度报告")
    assert custom.title == "2022年某县政府信息公开工作年度报告"


def test_unbalanced_requests_raise_every_column_at_once() -> None:
    with pytest.raises(ReportError) as caught:
        Requests(new=ApplicantCounts(natural_person=2, other=1))
    found = [
        (f.code, f.place.table, f.place.column, f.expected, f.found) for f in caught.value.findings
    ]
    assert found == [
        ("B-BALANCE", "三", "自然人", 0, 2),
        ("B-BALANCE", "三", "其他", 0, 1),
        ("B-BALANCE", "三", "总计", 0, 3),
    ]
    assert isinstance(caught.value, ValueError)


def test_evolve_keeps_the_checks() -> None:
    requests = _balanced()
    with pytest.raises(ReportError):
        attrs.evolve(requests, carried_forward=ApplicantCounts())


@pytest.mark.parametrize(
    ("kwargs", "column"),
    [
        ({"natural_person": True}, "自然人"),
        ({"other": -1}, "其他"),
        ({"commercial_enterprise": 1.0}, "商业企业"),
        ({"research_institution": "3"}, "科研机构"),
    ],
)
def test_counts_reject_bool_negative_float_and_strings(
    kwargs: dict[str, object], column: str
) -> None:
    with pytest.raises(ReportError) as caught:
        ApplicantCounts(**kwargs)  # type: ignore[arg-type]
    (finding,) = caught.value.findings
    assert (finding.code, finding.place.column) == ("A-NONNEG", column)


def test_all_bad_counts_of_a_row_are_listed() -> None:
    with pytest.raises(ReportError) as caught:
        ApplicantCounts(natural_person=-1, other=-2)
    assert [f.place.column for f in caught.value.findings] == ["自然人", "其他"]


@pytest.mark.parametrize("fees", [Decimal("NaN"), Decimal("Infinity"), Decimal(-1), 1.5, "2", 3])
def test_amounts_are_finite_non_negative_decimals(fees: object) -> None:
    with pytest.raises(ReportError) as caught:
        ProactiveDisclosure(fees=fees)  # type: ignore[arg-type]
    assert caught.value.findings[0].code == "A-NONNEG"


def test_amount_precision_is_kept() -> None:
    assert str(ProactiveDisclosure(fees=Decimal("12.50")).fees) == "12.50"
    assert ProcessingFees(notices=2, notices_amount=Decimal("100.00")).notices == 2


@pytest.mark.parametrize(
    ("kwargs", "code", "path"),
    [
        ({"year": 2018}, "S-VALUE", "$.year"),
        ({"year": True}, "S-VALUE", "$.year"),
        ({"edition": "2018"}, "S-VALUE", "$.edition"),
        ({"date": dt.datetime(2022, 1, 1, tzinfo=dt.UTC)}, "S-TYPE", "$.date"),
    ],
)
def test_identity_values(kwargs: dict[str, object], code: str, path: str) -> None:
    base: dict[str, object] = {"organ": "某县", "year": 2022}
    with pytest.raises(ReportError) as caught:
        AnnualReport(**(base | kwargs))  # type: ignore[arg-type]
    assert [(f.code, f.place.path) for f in caught.value.findings] == [(code, path)]


@pytest.mark.parametrize("bad", ["两行\n文本", "\x00", 5])
def test_text_is_one_paragraph_of_text(bad: object) -> None:
    with pytest.raises(ReportError):
        Part(title=bad, paragraphs=())  # type: ignore[arg-type]
    with pytest.raises(ReportError):
        Part(title="标题", paragraphs=(bad,))  # type: ignore[arg-type]


def test_report_error_pickles_with_its_findings() -> None:
    with pytest.raises(ReportError) as caught:
        ApplicantCounts(other=-1)
    again = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes
    assert again.findings == caught.value.findings


@pytest.mark.parametrize(
    ("make", "paths"),
    [
        (lambda: ApplicantCounts(natural_person=-1), ["$.natural_person"]),
        (lambda: ProcessingFees(collected=Decimal(-1)), ["$.collected"]),
        (lambda: Part(title=5, paragraphs=()), ["$.title"]),  # type: ignore[arg-type]
        (lambda: Part(title="标题", paragraphs=("好", "\x00")), ["$.paragraphs[1]"]),
        (lambda: Narrative(parts=(Part(title="一"), 3)), ["$.parts[1]"]),  # type: ignore[arg-type]
        (
            lambda: Requests(new=ApplicantCounts(natural_person=1)),
            ["$.*.natural_person", "$.*.total"],
        ),
        (lambda: AnnualReport(organ="某县", year=1), ["$.year"]),
    ],
)
def test_the_models_findings_have_json_paths_relative_to_the_object(
    make: Callable[[], object], paths: list[str]
) -> None:
    """``$`` is the object being made; the report is the root of its JSON."""
    with pytest.raises(ReportError) as caught:
        make()
    assert [f.place.path for f in caught.value.findings] == paths


def test_the_json_codec_puts_a_sections_findings_under_its_path() -> None:
    data = json.loads(dumps(AnnualReport(organ="某县", year=2022)))
    data["requests"]["new"]["natural_person"] = -1
    data["overview"]["parts"] = [{"title": "一", "paragraphs": ["\x00"]}]
    with pytest.raises(ReportError) as caught:
        loads(json.dumps(data))
    assert sorted(f.place.path for f in caught.value.findings) == [
        "$.overview.parts[0].paragraphs[0]",
        "$.requests.new.natural_person",
    ]
