"""``loads`` proves by counting that no key is repeated; it refuses exactly what it refused.

``loads`` parses a text with plain ``json.loads`` and compares the colons of the text with
the members and text colons the fast path counted (``codec._load_sound``); when they differ
(a repeated key, a ``\\u`` escape, anything unusual) it takes the long way,
``from_dict(parse_json(text))``, which refuses a repeated key with an ``object_pairs_hook``.
These properties hold for reports of both editions written with repeated keys in any
object (the same value or another, before or after the first, written with escapes so that
the keys differ only once decoded, with spaces around the colon), with colons and escapes in
their texts, and for arbitrary JSON texts:

* ``loads`` gives what ``from_dict(parse_json(text))`` gives: an equal report, or the same
  error with the same findings or message;
* a text with a repeated key never takes the counted way;
* a sound report written by ``dumps`` always does (the count is exact, colons in its texts
  included).
"""

import json
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import AnnualReport, ReadError, ReportError
from govinfo_report.formats.json.codec import _load_sound, dumps, from_dict, loads, parse_json
from govinfo_report.testing import reports

REPORTS = st.one_of(reports(), reports(edition="2019"))
JsonPath = tuple[str | int, ...]


def _outcome(text: str | bytes, load: Any) -> tuple[object, ...]:
    """What loading ``text`` gives: the report written out, or the error and its contents."""
    try:
        report = load(text)
    except ReadError as exc:
        return ("ReadError", exc.reason_zh, exc.reason_en, exc.source)
    except ReportError as exc:
        return (
            "ReportError",
            *((f.code, f.place, f.message_zh, f.message_en) for f in exc.findings),
        )
    assert isinstance(report, AnnualReport)
    return ("report", dumps(report))


def _long_way(text: str | bytes) -> AnnualReport:
    return from_dict(parse_json(text))


def _same(text: str | bytes) -> None:
    assert _outcome(text, loads) == _outcome(text, _long_way)


def _objects(value: object, path: JsonPath = ()) -> list[JsonPath]:
    """The path of every object in a JSON-like value."""
    if isinstance(value, dict):
        return [path, *(p for k, v in value.items() for p in _objects(v, (*path, k)))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _objects(v, (*path, i))]
    return []


def _escaped(key: str) -> str:
    """A key written as a JSON string with its first character as a ``\\u`` escape."""
    return f'"\\u{ord(key[0]):04x}' + json.dumps(key[1:], ensure_ascii=False)[1:]


def _at(document: dict[str, Any], path: JsonPath) -> Any:
    node: Any = document
    for step in path:
        node = node[step]
    return node


def _write(value: object, path: JsonPath, extra: dict[JsonPath, tuple[int, str, str]]) -> str:
    """JSON text of ``value``; ``extra[path]`` = (position, written key, written value) adds
    one more member, written as given, to the object at ``path``."""
    if isinstance(value, dict):
        members = [
            f"{json.dumps(k, ensure_ascii=False)}: {_write(v, (*path, k), extra)}"
            for k, v in value.items()
        ]
        if path in extra:
            at, key, written = extra[path]
            members.insert(min(at, len(members)), f"{key}{written}")
        return "{" + ", ".join(members) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_write(v, (*path, i), extra) for i, v in enumerate(value)) + "]"
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _document(report: AnnualReport) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(report), parse_float=Decimal)
    return data


@settings(max_examples=150, deadline=None)
@given(report=REPORTS)
def test_a_sound_report_takes_the_counted_way(report: AnnualReport) -> None:
    text = dumps(report)
    assert _load_sound(text) == report
    assert _load_sound(text.encode()) == report
    _same(text)


@settings(max_examples=300, deadline=None)
@given(report=REPORTS, data=st.data())
def test_a_repeated_key_is_refused_as_before(report: AnnualReport, data: st.DataObject) -> None:
    document = _document(report)
    paths = [p for p in _objects(document) if _at(document, p)]
    path = data.draw(st.sampled_from(paths), label="object")
    node = _at(document, path)
    key = data.draw(st.sampled_from(sorted(node)), label="key")
    written = json.dumps(key, ensure_ascii=False)
    how = data.draw(st.sampled_from(["plain", "escaped", "spaced"]), label="how")
    if how == "escaped":
        written = _escaped(key)
    elif how == "spaced":
        written += " \n\t"
    value = node.get(key)
    other = data.draw(
        st.sampled_from([value, 0, 1, "0", "a:b", None, {}, [1]]), label="value of the repeat"
    )
    at = data.draw(st.integers(0, len(node)), label="position")
    text = _write(document, (), {path: (at, written, ": " + _write(other, (), {}))})
    if data.draw(st.booleans(), label="an escaped colon in a text"):
        # A colon the text does not show: it would balance the repeated key's colon.
        text = text.replace('"organ": "', '"organ": "\\u003a', 1)
    assert _load_sound(text) is None
    _same(text)
    _same(text.encode())
    # The long way names the key; a repeated key is never accepted.
    outcome = _outcome(text, loads)
    assert outcome[0] == "ReadError"
    assert "occurs twice" in str(outcome[2])


@settings(max_examples=200, deadline=None)
@given(report=REPORTS, data=st.data())
def test_colons_and_escapes_in_texts(report: AnnualReport, data: st.DataObject) -> None:
    """Colons in texts are counted; ``\\u`` escapes take the long way; both give the same."""
    organ = data.draw(
        st.text(
            st.sampled_from(["a", ":", "：", " ", "局", '"', "\\"]), min_size=1, max_size=8
        ).map(lambda s: "机关" + s),
        label="organ",
    )
    document = _document(report)
    document["organ"] = organ
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans(), label="ascii"), default=str)
    _same(text)
    if "\\u" not in text and _outcome(text, _long_way)[0] == "report":
        assert _load_sound(text) is not None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.text(':"\\a\u0061é', max_size=3),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(':"\\a\u0061é', max_size=2), children, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(
    value=JSON,
    repeats=st.lists(st.tuples(st.text(':a"é', max_size=2), JSON), max_size=2),
    ascii_=st.booleans(),
)
def test_any_json_text(value: object, repeats: list[tuple[str, object]], ascii_: bool) -> None:  # noqa: FBT001 - a drawn flag
    """Arbitrary JSON (repeated keys, escapes, colons in keys and values) loads the same."""
    text = json.dumps(value, ensure_ascii=ascii_)
    if text.startswith("{") and repeats:
        members = ", ".join(
            f"{json.dumps(k, ensure_ascii=ascii_)}: {json.dumps(v, ensure_ascii=ascii_)}"
            for k, v in repeats
        )
        text = "{" + members + ("" if text == "{}" else ", " + text[1:-1]) + "}"
    _same(text)
