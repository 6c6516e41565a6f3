"""Building a report in Python refuses every unsound value, whatever the loader skips.

The JSON loader checks a document's values itself and then makes the objects without
checking them again (``model._trusted``). That shortcut is the loader's alone: every public
way of making an object (each class's constructor, :func:`attrs.evolve`) still checks every
field. These tests go over every field of every class of the model, by the kind of field
its helper declares, and put each class of bad value in it.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

from govinfo_report import AnnualReport, ReportError
from govinfo_report.model import (
    MAX_COUNT,
    MAX_ITEMS,
    ApplicantCounts,
    HandlingResults,
    Outcomes,
    Part,
    ProactiveDisclosure,
    ProcessingFees,
    Requests,
)
from govinfo_report.model._fields import bad_text, checks_fields_only, field_kind
from govinfo_report.model._trusted import maker
from govinfo_report.model.edition2019 import Requests2019


def _classes() -> list[type]:
    """Every attrs class of the model, reached from the report's fields."""
    found: list[type] = []

    def visit(tp: object) -> None:
        if isinstance(tp, type) and attrs.has(tp) and tp not in found:
            found.append(tp)
            for field in attrs.fields(attrs.resolve_types(tp)):
                visit(field.type)
        for arg in getattr(tp, "__args__", ()):
            visit(arg)

    visit(AnnualReport)
    return found


CLASSES = _classes()

#: Every class of bad value a count refuses: bool, float (whole or not, NaN, infinite),
#: negative, numeric strings, Decimal, None, containers, and numbers over the bound.
BAD_COUNTS: list[object] = [
    True,
    False,
    1.0,
    0.5,
    float("nan"),
    float("inf"),
    -1,
    -(10**20),
    "3",
    "0",
    Decimal(3),
    None,
    [],
    {},
    MAX_COUNT + 1,
    10**30,
]

#: Every class of bad value an amount refuses: not a Decimal (float, int, bool, string),
#: NaN and infinities, negative, too many digits either side of the point.
BAD_AMOUNTS: list[object] = [
    1.5,
    3,
    True,
    "2",
    "12.50",
    None,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal(-1),
    Decimal("-0.01"),
    Decimal("1E+30"),
    Decimal("0.00000000001"),
]

#: Texts refused everywhere: not a string, control characters, line breaks, surrogates.
BAD_TEXTS: list[object] = [3, None, b"x", ["x"], "a\nb", "a\x00b", "\u2028", "a\x85b", "\ud800"]


def _bad_values(kind: tuple[Any, ...]) -> list[object]:  # noqa: PLR0911 - one per kind
    name = kind[0]
    if name == "count":
        return BAD_COUNTS
    if name == "signed_count":  # 2019's 本年增/减: below zero allowed, not below the bound
        return [b for b in BAD_COUNTS if b not in (-1, -(10**20))] + [-MAX_COUNT - 1, -(10**30)]
    if name == "amount":
        return BAD_AMOUNTS
    if name == "text":
        return [*BAD_TEXTS, "", " ", "\u200b"] if kind[1] else BAD_TEXTS
    if name == "optional_text":
        return [t for t in BAD_TEXTS if t is not None]
    if name in ("texts", "optional_texts"):
        return ["x", 3, [3], ["a\nb"], ("ok", None), ["x"] * (MAX_ITEMS + 1)]
    if name == "child":
        return [{}, None, 0, "x", Outcomes() if kind[1] is not Outcomes else ApplicantCounts()]
    if name == "items":
        return ["x", [{}], [None], (Part(title="t"), "x"), [Part(title="t")] * (kind[2] + 1)]
    msg = f"no bad values for a field of kind {name}: add them here"
    raise AssertionError(msg)


CASES = [
    pytest.param(cls, field.name, bad, id=f"{cls.__name__}.{field.name}={bad!r:.30}")
    for cls in CLASSES
    for field in attrs.fields(cls)
    if (kind := field_kind(field)) is not None
    for bad in _bad_values(kind)
]


def _valid(cls: type) -> Any:
    """A sound instance of ``cls`` (the required texts given)."""
    required: dict[str, object] = {
        f.name: "x" for f in attrs.fields(cls) if f.default is attrs.NOTHING and f.type is str
    }
    if cls is AnnualReport:
        required = {"organ": "某县", "year": 2023}
    return cls(**required)


def test_every_field_of_the_model_declares_its_kind() -> None:
    # The report's identity fields are checked together by the report (identity_findings);
    # the classes of its sections 二 and 三 depend on its edition, checked by the report too.
    identity = {"organ", "year", "edition", "title", "publication", "contact", "date"}
    identity |= {"proactive", "requests"}
    for cls in CLASSES:
        for field in attrs.fields(cls):
            if cls is AnnualReport and field.name in identity:
                continue
            assert field_kind(field) is not None, f"{cls.__name__}.{field.name}"


@pytest.mark.parametrize(("cls", "name", "bad"), CASES)
def test_the_constructors_refuse_every_bad_value(cls: type, name: str, bad: object) -> None:
    sound = _valid(cls)
    with pytest.raises(ReportError) as caught:
        cls(**{**attrs.asdict(sound, recurse=False), name: bad})
    assert caught.value.findings
    assert all(f.place.path.startswith(f"$.{name}") for f in caught.value.findings)


@pytest.mark.parametrize(("cls", "name", "bad"), CASES)
def test_evolve_refuses_every_bad_value(cls: type, name: str, bad: object) -> None:
    with pytest.raises(ReportError):
        attrs.evolve(_valid(cls), **{name: bad})


@pytest.mark.parametrize(
    "kwargs",
    [
        {"organ": "", "year": 2023},
        {"organ": "某县\n", "year": 2023},
        {"organ": 3, "year": 2023},
        {"organ": "某县", "year": True},
        {"organ": "某县", "year": 2023.0},
        {"organ": "某县", "year": "2023"},
        {"organ": "某县", "year": 2018},
        {"organ": "某县", "year": 10_000},
        {"organ": "某县", "year": 2023, "edition": "2018"},
        {"organ": "某县", "year": 2023, "edition": 2021},
        {"organ": "某县", "year": 2023, "title": " "},
        {"organ": "某县", "year": 2023, "date": "2024-01-01"},
        {"organ": "某县", "year": 2023, "date": dt.date(2022, 12, 31)},
        {"organ": "某县", "year": 2023, "preface": ["a\x00"]},
        {"organ": "某县", "year": 2023, "publication": {"site_name": "x", "url": "y"}},
        {"organ": "某县", "year": 2023, "requests": {}},
        {"organ": "某县", "year": 2023, "requests": Requests2019()},
        {"organ": "某县", "year": 2020, "edition": "2019", "proactive": ProactiveDisclosure()},
    ],
)
def test_the_report_refuses_a_bad_identity_or_section(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ReportError):
        AnnualReport(**kwargs)
    with pytest.raises(ReportError):
        attrs.evolve(AnnualReport(organ="某县", year=2023), **kwargs)


def test_requests_refuse_an_unbalanced_table_and_a_total_over_the_bound() -> None:
    with pytest.raises(ReportError) as caught:
        Requests(new=ApplicantCounts(other=1))
    assert {f.code for f in caught.value.findings} == {"B-BALANCE"}
    # Every row within the bound, but （七）总计 over it: refused as it always was.
    big = ApplicantCounts(other=MAX_COUNT)
    rows = HandlingResults(disclosed=big, partially_disclosed=big)
    with pytest.raises(ReportError):
        Requests(new=big, carried_over=big, results=rows)


def test_the_trusted_maker_is_only_for_classes_without_rules_across_fields() -> None:
    assert not checks_fields_only(Requests)
    assert not checks_fields_only(AnnualReport)
    for cls in (Requests, AnnualReport):
        with pytest.raises(TypeError):
            maker(cls)
    assert checks_fields_only(ApplicantCounts)
    made = maker(ProcessingFees)(2, Decimal("10.00"), Decimal("5.00"))
    assert made == ProcessingFees(
        notices=2, notices_amount=Decimal("10.00"), collected=Decimal("5.00")
    )
    # Unchecked by design: only the loader, which checked the values itself, may use it.
    assert maker(ApplicantCounts)(-1, 0, 0, 0, 0, 0).natural_person == -1


def test_an_object_made_by_the_unfrozen_twin_is_an_ordinary_frozen_object() -> None:
    """``maker`` makes a twin object and turns it into a ``cls``: nothing tells them apart."""
    made = maker(ApplicantCounts)(1, 2, 3, 4, 5, 6)
    built = ApplicantCounts(
        natural_person=1,
        commercial_enterprise=2,
        research_institution=3,
        social_welfare_organization=4,
        legal_service_agency=5,
        other=6,
    )
    assert type(made) is ApplicantCounts
    assert made == built
    assert hash(made) == hash(built)
    assert made.total == built.total == 21
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.other = 7  # type: ignore[misc] # frozen, as every model object
    assert attrs.evolve(made, other=7).other == 7
    with pytest.raises(ReportError):
        attrs.evolve(made, other=-1)  # evolve checks, as the constructor does


def test_every_character_a_text_refuses_is_not_printable() -> None:
    """``bad_text`` searches for control characters only in a text that is not printable."""
    from govinfo_report.model._fields import _CONTROL  # noqa: PLC0415 - the one private name

    for code in range(0x110000):
        char = chr(code)
        if _CONTROL.match(char):
            assert not char.isprintable(), hex(code)
            assert bad_text(char) is not None
            assert bad_text(f"正文{char}正文") is not None
