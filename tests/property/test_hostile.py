"""Hostile input by class (issue 10): any value where one is expected, never a traceback.

``tests/test_hardening.py`` holds the reproductions; these properties cover their classes:
any JSON value at any place of a report, any number of digits, any span values, any charset
name, any nesting depth.
"""

from __future__ import annotations

import codecs
import datetime as dt
import encodings.aliases
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import govinfo_report as g
from govinfo_report import AnnualReport, ReadError, ReportError, check, dumps, model
from govinfo_report.findings import MAX_FINDINGS, Severity
from govinfo_report.formats.json.schema import json_schema
from govinfo_report.rules.catalogue import MAX_COUNT
from govinfo_report.testing import reports

REPORT = json.loads(dumps(AnnualReport(organ="某县教育局", year=2023)))

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


_PATHS = _paths(REPORT)


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


#: The paths of the counts (year and schema_version have rules of their own).
_COUNTS = frozenset(
    p for p in _PATHS if type(_get(REPORT, p)) is int and p[-1] not in ("year", "schema_version")
)


def _replace(path: tuple[Any, ...], value: object) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(REPORT))
    node: Any = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return data


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(_PATHS), value=_json)
def test_any_value_anywhere_is_a_finding_never_a_traceback(
    path: tuple[Any, ...], value: object
) -> None:
    data = _replace(path, value)
    findings = check(data)
    assert len(findings) <= MAX_FINDINGS + 1
    assert all(f.message_zh and f.message_en for f in findings)
    where = "$" + "".join(f".{p}" if isinstance(p, str) else f"[{p}]" for p in path)
    for f in findings:  # a value was there: never "found nothing"
        assert f.place.path != where or "found nothing" not in f.message_en, f.message_en
    errors = [f for f in findings if f.severity is Severity.ERROR]
    refused: ReportError | None = None
    try:
        report = g.validate(data)
    except ReportError as err:
        refused = err
    if refused is not None:
        assert errors
        assert {f.code for f in refused.findings} <= {f.code for f in errors} | {"S-LIMIT"}
    else:
        assert not errors
        assert g.loads(dumps(report)) == report


@settings(max_examples=60)
@given(digits=st.integers(min_value=1, max_value=6000), leaf=st.sampled_from(_PATHS))
def test_any_number_of_digits(digits: int, leaf: tuple[Any, ...]) -> None:
    value = int("9" * digits) if digits <= 4000 else int("9" * 4000) * 10 ** (digits - 4000)
    findings = check(_replace(leaf, value))
    assert all(f.message_en for f in findings)
    if value > MAX_COUNT and leaf in _COUNTS:
        assert any(f.code == "A-NONNEG" for f in findings)


_HEAD = (
    "<html><body><h1>某县2023年政府信息公开工作年度报告</h1>"
    "<p>三、收到和处理政府信息公开申请情况</p>"
)
_NEW_ROW = "<tr><td>一、本年新收政府信息公开申请数量</td>" + "<td>1</td>" * 7 + "</tr>"
_span = st.one_of(
    st.integers(min_value=-5, max_value=10**6).map(str),
    st.integers(min_value=1, max_value=3000).map(lambda n: "9" * n),
    st.text(alphabet="0123456789 +-x%.", max_size=12),
)


@settings(max_examples=80, deadline=None)
@given(spans=st.lists(st.tuples(_span, _span), min_size=1, max_size=40))
def test_any_span_values(spans: list[tuple[str, str]]) -> None:
    rows = "".join(f'<tr><td rowspan="{r}" colspan="{c}">1</td></tr>' for r, c in spans)
    page = f"{_HEAD}<table>{rows}{_NEW_ROW}</table></body></html>".encode()
    try:
        record = g.read_html(page)
    except ReadError as err:
        why = err.reason_en
    else:
        assert all(f.message_en for f in g.audit(record))
        return
    assert "grid positions" in why or "cells" in why


_CITY = (
    (Path(__file__).parents[1] / "data" / "published" / "city-department-2023.gbk.html")
    .read_bytes()
    .decode("gbk")
)
_CITY_VALUES = {c.key: c.value for c in g.read_html(_CITY).cells}
#: Where a decoy may stand: the page's start, between any two of its paragraphs or tables
#: (sections 一 to 六, before and after each table), before its footer.
_GAPS = sorted(
    {
        _CITY.index(">", _CITY.index("<body")) + 1,
        _CITY.index("<div class=footer>"),
        *(m.start() for m in re.finditer(r"\n\n(?=<)", _CITY)),
    }
)
#: Rows a decoy may copy: labels of tables 二 and 三, as printed, with their widths.
_DECOY_ROWS = [
    ("规章", 3),
    ("行政规范性文件", 3),
    ("行政许可", 1),
    ("行政处罚", 1),
    ("一、本年新收政府信息公开申请数量", 7),
    ("（一）予以公开", 7),
    ("四、结转下年度继续办理", 7),
]
_decoy_row = st.sampled_from(_DECOY_ROWS).flatmap(
    lambda row: st.lists(
        st.integers(min_value=0, max_value=10**6), min_size=row[1], max_size=row[1]
    ).map(lambda figures: (row[0], figures))
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    at=st.sampled_from(_GAPS),
    rows=st.lists(_decoy_row, min_size=1, max_size=3),
    sidebar=st.booleans(),
)
def test_any_partial_decoy_table_anywhere_never_wins(
    at: int, rows: list[tuple[str, list[int]]], *, sidebar: bool
) -> None:
    """A visible table matching some labels, anywhere on the page: the report's own
    (complete, in its section) is read, whatever the decoy's figures."""
    cells = "".join(
        f"<tr><td>{label}</td>{''.join(f'<td>{n}</td>' for n in figures)}</tr>"
        for label, figures in rows
    )
    decoy = f"<table>{cells}</table>"
    if sidebar:
        decoy = f"<div class=sidebar><h3>相关数据</h3>{decoy}</div>"
    record = g.read_html(_CITY[:at] + decoy + _CITY[at:])
    assert {c.key: c.value for c in record.cells} == _CITY_VALUES
    assert g.is_consistent(record)


_TAGS = ["span", "b", "em", "font", "div"]
_element = st.tuples(
    st.sampled_from(_TAGS), st.booleans(), st.sets(st.sampled_from(["a", "b", "c", "Dd"]))
)


@st.composite
def _hidden_by_a_selector(draw: st.DrawFn) -> tuple[str, str, bool]:
    """Elements nested around a cell's "99", a selector for the innermost (or not), and
    whether it matches: any chain of compounds, descendant and child combinators."""
    chain = draw(st.lists(_element, min_size=1, max_size=6))
    opened = ""
    for k, (tag, with_id, classes) in enumerate(chain):
        ident = f" id=i{k}" if with_id else ""
        cls = f" class='{' '.join(sorted(classes))}'" if classes else ""
        opened += f"<{tag}{ident}{cls}>"
    markup = opened + "99" + "".join(f"</{tag}>" for tag, _, _ in reversed(chain))
    picked = (
        sorted(draw(st.sets(st.integers(0, len(chain) - 2), max_size=3))) if len(chain) > 1 else []
    )
    picked.append(len(chain) - 1)
    parts = []
    for n, k in enumerate(picked):
        tag, with_id, classes = chain[k]
        compound = draw(st.sampled_from([tag, "*", ""]))
        if with_id and draw(st.booleans()):
            compound += f"#I{k}" if draw(st.booleans()) else f"#i{k}"
        for c in sorted(classes):
            if draw(st.booleans()):
                compound += "." + c
        compound = compound or "*"
        adjacent = n > 0 and picked[n - 1] == k - 1
        joiner = "" if n == 0 else (" > " if adjacent and draw(st.booleans()) else " ")
        parts.append(joiner + compound)
    matches = draw(st.booleans())
    if not matches:
        parts[-1] += ".nowhere"
    hiding = draw(st.sampled_from(["display:none", "visibility:hidden", "mso-hide:all"]))
    # under the cell (``*`` alone would hide the whole page, as it does in a browser)
    return markup, f"td {''.join(parts).lstrip()} {{ {hiding} }}", matches


@settings(max_examples=150, deadline=None)
@given(case=_hidden_by_a_selector())
def test_any_supported_selector_hides_what_it_matches(case: tuple[str, str, bool]) -> None:
    markup, css, matches = case
    page = (
        f"<html><head><style>{css}</style></head><body>"
        "<h1>某县2023年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p>"
        "<table><tr><td>第二十条第（一）项</td></tr>"
        f"<tr><td>规章</td><td>3{markup}7</td><td>0</td><td>5</td></tr></table></body></html>"
    )
    cell = g.read_html(page.encode()).cell(("proactive", "regulations", "issued"))
    assert cell is not None
    assert cell.raw == ("37" if matches else "3997"), css


_CHARSETS = sorted({*encodings.aliases.aliases, *encodings.aliases.aliases.values()})


@settings(max_examples=120)
@given(
    name=st.sampled_from(_CHARSETS)
    | st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)
)
def test_any_charset_name(name: str) -> None:
    page = (
        f'<html><head><meta charset="{name}"></head><body>'
        "<h1>某县2023年政府信息公开工作年度报告</h1></body></html>"
    ).encode("gb18030")
    record = g.read_html(page)  # never LookupError or a transform codec's TypeError
    try:
        text_codec = codecs.lookup(name)._is_text_encoding  # noqa: SLF001 - the codec kind
    except LookupError:
        text_codec = False
    if not text_codec:
        assert record.organ == "某县"  # an unusable charset name is ignored


@settings(max_examples=30, deadline=None)
@given(
    depth=st.integers(min_value=0, max_value=400), tag=st.sampled_from(["font", "span", "div", "b"])
)
def test_any_nesting_depth_is_read_whole_or_refused(depth: int, tag: str) -> None:
    page = (f"{_HEAD}{f'<{tag}>' * depth}<table>{_NEW_ROW}</table></body></html>").encode()
    try:
        record = g.read_html(page)
    except ReadError as err:
        why = err.reason_en
    else:
        cell = record.cell(("requests", "new", "natural_person"))
        assert cell is not None  # never silently dropped
        assert cell.raw == "1"
        return
    assert "nested too deeply" in why
    assert depth > 200


_SCHEMA = Draft202012Validator(json_schema())


def _has_float(value: object) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v) for v in value)
    return False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_schema_accepts_every_sound_document(report: AnnualReport) -> None:
    """What the loader writes and reads back, the schema accepts."""
    assert not list(_SCHEMA.iter_errors(json.loads(dumps(report))))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(_PATHS), value=_json)
def test_schema_and_loader_agree_on_damaged_documents(path: tuple[Any, ...], value: object) -> None:
    """Both ways: the loader accepts => the schema accepts; the loader refuses a value's
    type or form (S-*, A-NONNEG) => the schema refuses.

    What JSON Schema cannot say is left out, as docs/limits.md states: the sums of the
    tables, a date before the report's year, and JSON numbers with a fraction (``1.0`` is
    an integer to JSON Schema; a number's digits after the point cannot be counted).
    """
    data = _replace(path, value)
    schema_ok = not list(_SCHEMA.iter_errors(json.loads(json.dumps(data))))
    errors = [f for f in check(data) if f.severity is Severity.ERROR]
    if not errors:
        assert schema_ok
        return
    form = [
        f
        for f in errors
        if (f.code.startswith("S-") or f.code == "A-NONNEG") and f.place.path != "$.date"
    ]
    if form and not _has_float(value):
        assert not schema_ok, [f.message_en for f in form]


@pytest.mark.parametrize(
    "stated",
    [{}, {"natural_person": 0}, {"other": 0, "legal_service_agency": 0}],
    ids=["no-column", "one-column", "two-columns"],
)
def test_stated_handled_total_columns_are_optional_in_both(stated: dict[str, int]) -> None:
    """The stated （七）总计 row may leave columns out (they are computed): the loader reads
    it so and the schema says so (found by the property above: ``total: {}``)."""
    data = _replace(("requests", "results", "total"), stated)
    assert not [f for f in check(data) if f.severity is Severity.ERROR]
    assert not list(_SCHEMA.iter_errors(data))
    wrong = _replace(("requests", "results", "total"), {**stated, "natural_person": 1})
    assert [f for f in check(wrong) if f.severity is Severity.ERROR]


# --- the JSON Schema and the loader, both ways, on the classes of issue 10 (section 5) -------

_PLACEHOLDER = '"__value__"'
#: Where each class of value goes: a count, the fee amount, the organ and title, objects of
#: cells, the year and the date.
_SLOTS = {
    "count": ("requests", "new", "natural_person"),
    "amount": ("proactive", "fees"),
    "organ": ("organ",),
    "title": ("title",),
    "object": ("requests",),
    "row": ("requests", "new"),
    "year": ("year",),
    "date": ("date",),
}
_digits = st.text(alphabet="0123456789", min_size=1, max_size=22)
_number_tokens = st.one_of(
    st.integers(min_value=-3, max_value=10**14).map(str),  # up to and past MAX_COUNT
    st.tuples(_digits, _digits).map(lambda p: f"{p[0].lstrip('0') or '0'}.{p[1]}"),  # 12.35
    st.integers(min_value=0, max_value=100).map(lambda n: f"{n}.0"),  # 1.0
    st.integers(min_value=0, max_value=30).map(lambda n: f"1e{n}"),
)
_string_tokens = st.one_of(
    _number_tokens.map(json.dumps),  # "12.35", "0.12345678901" as strings
    st.sampled_from(
        ["", " ", "\u3000", "\u200b", "\u200b\ufeff", "x\u2028y", "某县\x01", "某县"]
    ).map(json.dumps),
    st.sampled_from(["2024-01-20", "2023-13-01", "2024-02-30", "20240120", "1900-01-01"]).map(
        json.dumps
    ),
)
_tokens = st.one_of(
    _number_tokens, _string_tokens, st.sampled_from(["{}", "[]", "null", "true", '{"x": 1}'])
)


def _document(slot: str, token: str) -> str:
    data: dict[str, Any] = json.loads(json.dumps(REPORT))
    node: Any = data
    *parents, leaf = _SLOTS[slot]
    for p in parents:
        node = node[p]
    node[leaf] = "__value__"
    return json.dumps(data, ensure_ascii=False).replace(_PLACEHOLDER, token)


def _schema_says(text: str) -> bool:
    return not list(_SCHEMA.iter_errors(json.loads(text)))


def _loader_says(text: str) -> tuple[bool, bool]:
    """Whether the loader accepts the document, and whether it refuses its form (a type, a
    value, a bound: S-*, A-NONNEG), as opposed to its sums or dates (what the schema cannot
    say, docs/limits.md)."""
    from govinfo_report.formats.json.codec import parse_json  # noqa: PLC0415

    try:
        g.loads(text)
    except ReportError as err:
        form = {f.code for f in err.findings if f.severity is Severity.ERROR}
        by_form = any(c.startswith("S-") or c == "A-NONNEG" for c in form)
        paths = {f.place.path for f in check(parse_json(text))}
        return False, by_form and paths != {"$.date"}
    return True, False


def _what_schema_cannot_count(token: str) -> bool:
    """A JSON number with a point or an exponent: to JSON Schema ``1.0`` is the integer 1,
    and digits after the point are not countable (docs/limits.md)."""
    return not token.startswith('"') and any(c in token for c in ".eE")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slot=st.sampled_from(sorted(_SLOTS)), token=_tokens)
def test_schema_and_loader_agree_by_class(slot: str, token: str) -> None:
    """Counts of any size and form, amounts of any digits (numbers and strings), empty and
    invisible texts, empty objects of cells, years, dates: the schema accepts what the loader
    accepts, and refuses what the loader refuses for its form."""
    text = _document(slot, token)
    schema_ok = _schema_says(text)
    loads_ok, refused_for_form = _loader_says(text)
    if loads_ok:
        assert schema_ok, (slot, token)
    elif refused_for_form and not _what_schema_cannot_count(token):
        assert not schema_ok, (slot, token)


# --- errors of a report built in Python: JSON paths and JSON spellings (issue 10, section 5) --

_MODEL = sorted(
    (c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)),
    key=lambda c: c.__name__,
)
_FIELDS = [(c, f.name) for c in _MODEL for f in attrs.fields(c)]
_REQUIRED: dict[type, dict[str, Any]] = {
    AnnualReport: {"organ": "某县", "year": 2023},
    model.Part: {"title": "工作"},
    model.Contact: {"address": "某路1号", "postcode": "100001", "telephone": "0000-12345678"},
    model.Publication: {"site_name": "某县人民政府网", "url": "https://example.gov.cn/"},
}
#: A Python attribute path (``Narrative.opening[0]``), a Python repr (``None`` as
#: ``NoneType``, ``{'a': 1}``, ``Decimal('1')``, ``b'x'``, ``<object ...>``).
_PYTHON = re.compile(r"[A-Z]\w+\.[a-z_]+\b|NoneType|\{'|\['|Decimal\(|\bb'|<\w+ object")
#: A JSON string in a message: where it is one of the value's own (the value found, in
#: JSON's spelling), its text may hold anything (``{"['": null}``) and is not searched.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _without_own_strings(message: str, value: object) -> str:
    try:
        spelled = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # no JSON value: nothing of it is spelled in JSON
        return message
    return _JSON_STRING.sub(lambda m: '""' if m.group() in spelled else m.group(), message)


_python_values = st.sampled_from(
    [object(), b"x", Decimal("NaN"), Decimal(-1), dt.date(1900, 1, 1), ("a", 1), 1.5, -1]
)


@settings(max_examples=300, deadline=None)
@given(target=st.sampled_from(_FIELDS), value=_json | _python_values)
@example(target=(model.AnnualReport, "organ"), value={"['": None})  # JSON, not a repr
def test_a_model_error_names_a_json_path_in_json_spelling(
    target: tuple[type, str], value: object
) -> None:
    """Any value in any field of any model class: a ReportError (or the value is taken),
    its places JSON paths from the object made (``$.opening[0]``), its messages in JSON's
    spelling, never a Python attribute path or repr, never another exception."""
    cls, name = target
    made = cls(**_REQUIRED.get(cls, {}))
    findings: tuple[Any, ...] = ()
    try:
        attrs.evolve(made, **{name: value})
    except ReportError as err:
        findings = tuple(err.findings)
        assert findings
    for finding in findings:
        assert finding.place.path.startswith("$."), finding.place.path
        for message in (finding.message("en"), finding.message("zh")):
            spelled = _without_own_strings(message, value).replace(type(value).__name__, "")
            assert not _PYTHON.search(spelled), message
