"""Loading has a fast path for sound documents; it gives exactly what the slow path gives.

``serialization._check`` first structures a document directly (``structure_sound``) and
falls back on the slow path (``check_slow``: the cell walk, the sum rules, then structuring)
on any failure. These properties hold for sound reports and for every kind of damage:

* ``check_dict``, ``from_dict`` and the slow path alone give the same findings, and equal
  reports (written out identically, so amounts keep their precision);
* the fast path never accepts a document the slow path refuses;
* neither path changes the document it is given.
"""

import contextlib
import copy
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import AnnualReport, ReportError
from govinfo_report.cells import Cell, cells_of
from govinfo_report.findings import Severity
from govinfo_report.formats.json._fast import structure_sound
from govinfo_report.formats.json._strict import check_head, check_slow
from govinfo_report.formats.json.codec import (
    _check,
    check_dict,
    dumps,
    from_dict,
    to_dict,
)
from govinfo_report.model import MAX_ITEMS, MAX_PARTS, ApplicantCounts
from govinfo_report.testing import reports

JsonPath = tuple[str | int, ...]

#: Sound reports of both editions: their sections 二 and 三 are made by other classes.
REPORTS = st.one_of(reports(), reports(edition="2019"))


def _cell(
    data: st.DataObject, report: AnnualReport, *, counts: bool = False, amounts: bool = False
) -> Cell:
    """A cell of the report's edition (only counts, or only amounts, when told)."""
    cells = [
        c
        for c in cells_of(report.edition)
        if not (counts and c.kind == "amount") and not (amounts and c.kind != "amount")
    ]
    return data.draw(st.sampled_from(cells), label="cell")


def _document(report: AnnualReport) -> dict[str, Any]:
    """The report as ``loads`` sees it: JSON text parsed back, amounts as in the text."""
    data: dict[str, Any] = json.loads(dumps(report), parse_float=Decimal)
    return data


def _nodes(node: object, path: JsonPath = ()) -> Iterator[tuple[JsonPath, object]]:
    """Every value of a JSON-like document with its path, the document itself first."""
    yield path, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _nodes(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _nodes(child, (*path, i))


def _get(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _set(data: Any, path: JsonPath, value: object) -> None:
    _get(data, path[:-1])[path[-1]] = value


def _drop(data: dict[str, Any], path: JsonPath) -> None:
    """Remove the key at ``path``, unless a key on the way was removed already."""
    with contextlib.suppress(KeyError):
        del _get(data, path[:-1])[path[-1]]


def _agree(data: object) -> None:
    """Both paths, and the public functions that use them, say the same about ``data``."""
    before = copy.deepcopy(data)
    slow_report, slow_findings = check_slow(data)
    assert _check(data) == (slow_report, slow_findings)
    assert check_dict(data) == slow_findings
    errors = [f for f in slow_findings if f.severity is Severity.ERROR]
    if errors or slow_report is None:
        with pytest.raises(ReportError) as caught:
            from_dict(data)
        assert list(caught.value.findings) == errors
        if isinstance(data, dict) and not check_head(data):
            assert structure_sound(data) is None  # never accepts what the slow path refuses
    else:
        report = from_dict(data)
        assert report == slow_report
        assert dumps(report) == dumps(slow_report)
    assert data == before


# --- Sound documents take the fast path -------------------------------------------------


@given(reports())
def test_sound_documents_take_the_fast_path(report: AnnualReport) -> None:
    data = _document(report)
    assert structure_sound(data) == report
    _agree(data)


@given(REPORTS, st.data())
def test_stated_totals_are_optional_on_the_fast_path(
    report: AnnualReport, data: st.DataObject
) -> None:
    document = _document(report)
    totals = [path for path, _ in _nodes(document) if path and path[-1] == "total"]
    for path in data.draw(st.lists(st.sampled_from(totals), unique=True), label="removed"):
        _drop(document, path)
    assert structure_sound(document) == report
    _agree(document)


# --- Damaged documents: the same findings either way -------------------------------------


@given(REPORTS, st.data(), st.sampled_from([1, -1]))
def test_one_cell_changed(report: AnnualReport, drawn: st.DataObject, delta: int) -> None:
    cell = _cell(drawn, report)
    data = _document(report)
    value = _get(data, cell.key)
    if cell.kind == "count":
        _set(data, cell.key, value + delta)
    else:
        _set(data, cell.key, str(Decimal(value) + delta))
    _agree(data)


def _bad_values(value: object) -> list[object]:
    """Values of the wrong kind, including some equal to ``value`` (``3.0`` for ``3``)."""
    out: list[object] = [True, False, 0.5, -1, None, [], [0], {}, "3", "x", "-1.5"]
    if type(value) is int:
        out += [float(value), str(value), Decimal(value), value == 1]
    return out


@given(REPORTS, st.data())
def test_a_bad_value_anywhere(report: AnnualReport, data: st.DataObject) -> None:
    document = _document(report)
    path, old = data.draw(st.sampled_from([n for n in _nodes(document) if n[0]]), label="at")
    _set(document, path, data.draw(st.sampled_from(_bad_values(old)), label="value"))
    _agree(document)


@given(REPORTS, st.data(), st.sampled_from([float, Decimal, str, bool]))
def test_a_count_of_another_type_equal_to_it(
    report: AnnualReport, drawn: st.DataObject, kind: type
) -> None:
    # ``4.0 == 4`` and ``True == 1``: a stated total compared by value alone would pass.
    cell = _cell(drawn, report, counts=True)
    data = _document(report)
    value = _get(data, cell.key)
    _set(data, cell.key, value == 1 if kind is bool else kind(value))
    _agree(data)


@given(REPORTS, st.data())
def test_a_key_removed_anywhere(report: AnnualReport, data: st.DataObject) -> None:
    document = _document(report)
    keys = [path for path, _ in _nodes(document) if path and isinstance(path[-1], str)]
    path = data.draw(st.sampled_from(keys), label="removed")
    del _get(document, path[:-1])[path[-1]]
    _agree(document)


@given(REPORTS, st.data())
def test_an_unknown_key_added_anywhere(report: AnnualReport, data: st.DataObject) -> None:
    document = _document(report)
    objects = [path for path, node in _nodes(document) if isinstance(node, dict)]
    path = data.draw(st.sampled_from(objects), label="in")
    key = data.draw(st.sampled_from(["unexpected", "total"]), label="key")
    if key in _get(document, path):
        key = "unexpected"  # a stated total is not unknown
    _set(document, (*path, key), data.draw(st.sampled_from([0, "x", None, {}]), label="value"))
    _agree(document)


@given(REPORTS, st.data())
def test_a_total_removed_and_a_cell_changed(report: AnnualReport, data: st.DataObject) -> None:
    # Without its stated total a row has nothing to disagree with; the sums that remain
    # (（七）总计, the 勾稽关系) still decide, on both paths.
    document = _document(report)
    totals = [path for path, _ in _nodes(document) if path and path[-1] == "total"]
    path = data.draw(st.sampled_from(totals), label="removed")
    del _get(document, path[:-1])[path[-1]]
    cell = _cell(data, report, counts=True)
    try:
        value = _get(document, cell.key)
    except KeyError:
        value = None  # the cell was the total just removed, or inside it
    if value is not None:
        _set(document, cell.key, value + data.draw(st.sampled_from([1, -1]), label="delta"))
    _agree(document)


@pytest.mark.parametrize(
    "data",
    [None, [], "report", 3, {}, {"format": "govinfo-report"}],
)
def test_not_a_report(data: object) -> None:
    _agree(data)


def test_the_example_documents_take_the_fast_path() -> None:
    report = AnnualReport(organ="某县教育局", year=2023)
    assert structure_sound(to_dict(report)) == report
    _agree(to_dict(report))


# --- Damage the fast path now checks itself (texts, lists, amounts) ---------------------

#: Strings every text refuses, and some it accepts (the empty one: only where visible text
#: is required, as the organ and titles, is it refused).
_TEXT_DAMAGE = ["", " ", "\u200b", "a\nb", "a\x00b", "\u2028", "a\x85b", "\ud800", "ok"]


@given(REPORTS, st.data())
def test_a_bad_text_anywhere(report: AnnualReport, data: st.DataObject) -> None:
    document = _document(report)
    strings = [path for path, node in _nodes(document) if path and isinstance(node, str)]
    if not strings:
        return
    path = data.draw(st.sampled_from(strings), label="at")
    _set(document, path, data.draw(st.sampled_from(_TEXT_DAMAGE), label="text"))
    _agree(document)


@given(REPORTS, st.data())
def test_a_python_value_in_place_of_its_json_form(
    report: AnnualReport, data: st.DataObject
) -> None:
    # ``from_dict`` takes any Python object: a tuple is not a JSON list, a model object
    # not a JSON object, whatever they hold.
    document = _document(report)
    containers = [p for p, node in _nodes(document) if p and isinstance(node, dict | list)]
    path = data.draw(st.sampled_from(containers), label="at")
    node = _get(document, path)
    if isinstance(node, list):
        _set(document, path, tuple(node))
    else:
        _set(document, path, data.draw(st.sampled_from([ApplicantCounts(), list(node.items())])))
    _agree(document)


@settings(max_examples=20)  # lists of 10,000 paragraphs: few examples are enough
@given(REPORTS, st.sampled_from(["overview", "problems", "other_matters"]), st.data())
def test_a_list_at_and_over_its_bound(
    report: AnnualReport, section: str, data: st.DataObject
) -> None:
    document = _document(report)
    extra = data.draw(st.sampled_from([0, 1]), label="over")
    document[section]["parts"] = [{"title": "t", "paragraphs": []}] * (MAX_PARTS + extra)
    document[section]["opening"] = ["p"] * data.draw(st.sampled_from([0, MAX_ITEMS, MAX_ITEMS + 1]))
    _agree(document)


_AMOUNT_DAMAGE: list[object] = [
    "1" * 18,
    "1" * 19,
    "0." + "1" * 10,
    "0." + "1" * 11,
    "12.5",
    "12.",
    ".5",
    " 1",
    "1e3",
    "NaN",
    "-0",
    Decimal("Infinity"),  # (NaN, never equal to itself, would make equal findings differ)
    Decimal("1E+3"),
    Decimal("-0"),
    10**18,
    10**18 - 1,
    1.5,
]


@given(REPORTS, st.data())
def test_an_amount_in_every_form(report: AnnualReport, data: st.DataObject) -> None:
    cell = _cell(data, report, amounts=True)
    document = _document(report)
    _set(document, cell.key, data.draw(st.sampled_from(_AMOUNT_DAMAGE), label="amount"))
    _agree(document)
