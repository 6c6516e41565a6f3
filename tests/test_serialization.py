"""JSON: strict in, complete out, every problem at once with its path."""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from govinfo_report import (
    AnnualReport,
    ReadError,
    ReportError,
    WriteError,
    dumps,
    from_dict,
    load,
    loads,
    to_dict,
    write_json,
)
from govinfo_report.formats.json._fast import structure_sound
from govinfo_report.formats.json._strict import check_slow
from govinfo_report.formats.json.codec import _check
from govinfo_report.formats.json.schema import json_schema
from govinfo_report.model import (
    ApplicantCounts,
    Narrative,
    Part,
    ProactiveDisclosure,
    Publication,
    Requests,
)


def _report() -> AnnualReport:
    return AnnualReport(
        organ="某县",
        year=2022,
        publication=Publication(site_name="某县人民政府网站", url="http://www.example.gov.cn/"),
        overview=Narrative(
            opening=("开头。",), parts=(Part(title="主动公开", paragraphs=("一段。",)),)
        ),
        proactive=ProactiveDisclosure(fees=Decimal("12.50")),
    )


def _errors(data: object) -> list[tuple[str, str]]:
    with pytest.raises(ReportError) as caught:
        from_dict(data)
    return [(f.code, f.place.path) for f in caught.value.findings]


def test_round_trip_and_envelope() -> None:
    report = _report()
    text = dumps(report)
    data = json.loads(text)
    assert (data["format"], data["schema_version"], data["edition"]) == (
        "govinfo-report",
        2,
        "2021",
    )
    assert data["proactive"]["fees"] == "12.50"
    assert data["requests"]["results"]["total"]["total"] == 0
    assert "以" not in text or "\\u" not in text  # Chinese is not escaped
    assert loads(text) == report
    assert loads(text.encode("utf-8")) == report


@pytest.mark.parametrize(
    ("preface", "expected"),
    [
        ("本报告根据《条例》编制。", ("本报告根据《条例》编制。",)),
        ("", ()),
        (None, None),
    ],
)
def test_version_1_still_loads(preface: str | None, expected: tuple[str, ...] | None) -> None:
    """Schema version 1 held the preface as one string; it is read as paragraphs."""
    data = to_dict(_report())
    data.update(schema_version=1, preface=preface)
    report = from_dict(data)
    assert report.preface == expected
    assert from_dict(json.loads(dumps(report))) == report  # written back as version 2
    assert to_dict(report)["schema_version"] == 2


@pytest.mark.parametrize(
    ("version", "preface", "code"),
    [
        (1, "两段\n文字", "S-VALUE"),
        (2, "one string", "S-TYPE"),  # version 2 has no strings here
    ],
)
def test_each_version_has_its_own_preface(version: int, preface: object, code: str) -> None:
    data = to_dict(_report())
    data.update(schema_version=version, preface=preface)
    errors = _errors(data)
    assert [c for c, _ in errors] == [code]
    assert errors[0][1].startswith("$.preface")


def test_totals_are_optional_on_input() -> None:
    data = to_dict(_report())
    del data["requests"]["new"]["total"]
    del data["requests"]["results"]["total"]
    del data["appeals"]["reconsideration"]["total"]
    assert from_dict(data) == _report()


def test_amount_as_json_number_is_exact() -> None:
    text = dumps(_report()).replace('"fees": "12.50"', '"fees": 12.50')
    assert loads(text).proactive.fees == Decimal("12.50")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(constant: str) -> None:
    text = dumps(_report()).replace('"fees": "12.50"', f'"fees": {constant}')
    with pytest.raises(ReadError):
        loads(text)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.pop("organ"), [("S-MISSING", "$.organ")]),
        (lambda d: d.update(extra=1), [("S-UNKNOWN", "$.extra")]),
        (lambda d: d["requests"]["new"].update(typo=1), [("S-UNKNOWN", "$.requests.new.typo")]),
        (lambda d: d["requests"].pop("carried_over"), [("S-MISSING", "$.requests.carried_over")]),
        (
            lambda d: d["appeals"]["reconsideration"].pop("upheld"),
            [("S-MISSING", "$.appeals.reconsideration.upheld")],
        ),
        (lambda d: d.update(year="2022"), [("S-VALUE", "$.year")]),
        (lambda d: d.update(date="2022/01/05"), [("S-TYPE", "$.date")]),
        (lambda d: d.update(format="other"), [("S-FORMAT", "$.format")]),
        (lambda d: d.update(schema_version=True), [("S-FORMAT", "$.schema_version")]),
        (lambda d: d.update(schema_version=3), [("S-FORMAT", "$.schema_version")]),
        (lambda d: d.update(schema_version=0), [("S-FORMAT", "$.schema_version")]),
        (lambda d: d.update(edition="2018"), [("S-FORMAT", "$.edition")]),
        (lambda d: d["overview"].update(parts="x"), [("S-TYPE", "$.overview.parts")]),
        (
            lambda d: d["overview"]["parts"][0].update(paragraphs=[1]),
            [("S-TYPE", "$.overview.parts[0].paragraphs[0]")],
        ),
        (
            lambda d: d["publication"].update(url=None),
            [("S-TYPE", "$.publication.url")],
        ),
        (lambda d: d.update(requests=[]), [("S-TYPE", "$.requests")]),
        (lambda d: d["proactive"].update(fees=1.5), [("A-NONNEG", "$.proactive.fees")]),
    ],
)
def test_structural_errors_name_their_path(mutate: Any, expected: list[tuple[str, str]]) -> None:
    data = to_dict(_report())
    mutate(data)
    assert _errors(data) == expected


def test_every_problem_is_reported_at_once() -> None:
    data = to_dict(_report())
    data["organ"] = 1
    data["requests"]["new"]["natural_person"] = True
    data["appeals"]["reconsideration"]["total"] = 3
    data["unknown"] = {}
    assert sorted(_errors(data)) == sorted(
        [
            ("A-NONNEG", "$.requests.new.natural_person"),
            ("C-TOTAL", "$.appeals.reconsideration.total"),
            ("S-TYPE", "$.organ"),
            ("S-UNKNOWN", "$.unknown"),
        ]
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("{", "JSON"), ("[1, 2]", None), ('"x"', None), ("\ufeff{}", None)],
)
def test_not_a_report(text: str, fragment: str | None) -> None:
    with pytest.raises((ReadError, ReportError)) as caught:
        loads(text)
    if fragment:
        assert fragment in str(caught.value)


def test_bytes_that_are_not_utf8() -> None:
    with pytest.raises(ReadError, match="UTF-8"):
        loads("{}".encode("utf-16"))


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        load(tmp_path / "nope.json")


def test_schema_is_valid_and_accepts_what_dumps_writes() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(dumps(_report())), schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_what_loads_rejects() -> None:
    data = json.loads(dumps(_report()))
    data["requests"]["new"]["natural_person"] = -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)


# --- The fast path (structure_sound) gives what the slow path gives --------


def _balanced() -> AnnualReport:
    """One request received and carried forward: every stated total of Table B is 0 or 1."""
    one = ApplicantCounts(natural_person=1)
    return attrs.evolve(_report(), requests=Requests(new=one, carried_forward=one))


def test_a_sound_document_takes_the_fast_path() -> None:
    data = to_dict(_balanced())
    assert structure_sound(data) == _balanced()
    assert _check(data) == check_slow(data) == (_balanced(), [])


@pytest.mark.parametrize("kind", [float, Decimal, bool, str])
@pytest.mark.parametrize(
    "path", [("requests", "new", "total"), ("requests", "results", "total", "natural_person")]
)
def test_a_stated_total_equal_in_value_but_not_an_integer_is_refused(
    path: tuple[str, ...], kind: type
) -> None:
    data = to_dict(_balanced())
    node = data
    for name in path[:-1]:
        node = node[name]
    node[path[-1]] = kind(node[path[-1]])  # 1.0, Decimal(1), True, "1" (or the same of 0)
    assert structure_sound(data) is None
    assert _errors(data) == [("A-NONNEG", "$." + ".".join(path))]


def test_a_stated_total_that_disagrees_is_reported_by_the_slow_path() -> None:
    data = to_dict(_balanced())
    data["requests"]["results"]["total"]["total"] = 1
    assert structure_sound(data) is None
    assert sorted(_errors(data)) == [
        ("B-BALANCE", "$.requests.*.total"),
        ("B-HANDLED", "$.requests.results.total.total"),
        ("B-ROWTOTAL", "$.requests.results.total.total"),
    ]


def test_unknown_key_in_the_stated_handled_total() -> None:
    data = to_dict(_report())
    data["requests"]["results"]["total"]["typo"] = 0
    assert _errors(data) == [("S-UNKNOWN", "$.requests.results.total.typo")]


@pytest.mark.parametrize("data", [b"\xff\xfe{}", b"{\xa6}", "{}".encode("utf-16")])
def test_bytes_that_are_not_utf8_give_a_clean_reason(data: bytes) -> None:
    with pytest.raises(ReadError, match="not UTF-8 text"):
        loads(data)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"year": 2023, "year": 2022}', "occurs twice"),
        ('{"x": ' + "9" * 5000 + "}", "too long"),
        ('{"x": NaN}', "NaN is not allowed"),
        ('{"x": }', "line 1, column 7"),
    ],
)
def test_json_that_cannot_be_read(text: str, words: str) -> None:
    with pytest.raises(ReadError, match=words):
        loads(text)


@pytest.mark.parametrize("fees", [Decimal("1E+3"), Decimal("0E-7"), Decimal("12.50")])
def test_amounts_round_trip_in_plain_notation(fees: Decimal) -> None:
    report = AnnualReport(organ="某县", year=2022, proactive=ProactiveDisclosure(fees=fees))
    text = dumps(report)
    assert "E" not in json.loads(text)["proactive"]["fees"]
    assert loads(text) == report


@pytest.mark.parametrize(
    "fees", ["1" * 19, "0.00000000001", "１２", "1e3", 10**18, Decimal("1E+18")]
)
def test_amounts_out_of_bounds_or_not_ascii_are_refused(fees: object) -> None:
    data = to_dict(_report())
    data["proactive"]["fees"] = fees
    assert _errors(data) == [("A-NONNEG", "$.proactive.fees")]


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("organ", "", "S-VALUE"),
        ("organ", "  ", "S-VALUE"),
        ("organ", "\ud800", "S-VALUE"),
        ("title", "", "S-VALUE"),
        ("preface", ["两段\n文字"], "S-VALUE"),
        ("preface", 3, "S-TYPE"),
        ("preface", "一段文字", "S-TYPE"),
        ("date", "２０２２-01-05", "S-TYPE"),
    ],
)
def test_identity_text_is_checked(key: str, value: object, code: str) -> None:
    data = to_dict(_report())
    data[key] = value
    path = f"$.{key}[0]" if isinstance(value, list) else f"$.{key}"
    assert _errors(data) == [(code, path)]


def test_write_json_is_atomic_and_protects_inputs(tmp_path: Path) -> None:
    target = write_json(_report(), tmp_path / "r.json")
    assert load(target) == _report()
    before = target.read_bytes()
    with pytest.raises(WriteError):
        write_json(AnnualReport(organ="别处", year=2023), target, protect=[target])
    assert target.read_bytes() == before


@pytest.mark.parametrize("year", [2018, 10000])
def test_schema_bounds_the_year(year: int) -> None:
    data = json.loads(dumps(_report()))
    data["year"] = year
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)
