"""The fast path of loading gives what the slow path gives for the 2019 edition too.

As ``test_fast_path.py`` for 2021: sound 2019 documents are structured directly; for
damaged ones both paths, and the public functions, give the same findings and reports, and
the fast path never accepts what the slow path refuses.
"""

import copy
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import AnnualReport, ReportError
from govinfo_report.cells import Cell, cells_of
from govinfo_report.findings import Severity
from govinfo_report.formats.json._fast import structure_sound
from govinfo_report.formats.json._strict import check_head, check_slow
from govinfo_report.formats.json.codec import _check, check_dict, dumps, from_dict
from govinfo_report.testing import reports

JsonPath = tuple[str | int, ...]
OLD = reports(edition="2019", max_count=1000)


def _document(report: AnnualReport) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(report), parse_float=Decimal)
    return data


def _nodes(node: object, path: JsonPath = ()) -> Iterator[tuple[JsonPath, object]]:
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


def _agree(data: dict[str, Any]) -> None:
    before = copy.deepcopy(data)
    slow_report, slow_findings = check_slow(data)
    assert _check(data) == (slow_report, slow_findings)
    assert check_dict(data) == slow_findings
    errors = [f for f in slow_findings if f.severity is Severity.ERROR]
    if errors or slow_report is None:
        with pytest.raises(ReportError) as caught:
            from_dict(data)
        assert list(caught.value.findings) == errors
        if not check_head(data):
            assert structure_sound(data) is None
    else:
        assert from_dict(data) == slow_report
    assert data == before


@given(OLD)
def test_sound_2019_documents_take_the_fast_path(report: AnnualReport) -> None:
    data = _document(report)
    assert structure_sound(data) == report
    _agree(data)


@given(OLD, st.sampled_from(cells_of("2019")), st.sampled_from([1, -1]))
def test_one_2019_cell_changed(report: AnnualReport, cell: Cell, delta: int) -> None:
    data = _document(report)
    value = _get(data, cell.key)
    _set(data, cell.key, str(Decimal(value) + delta) if cell.kind == "amount" else value + delta)
    _agree(data)


@given(OLD, st.data())
def test_a_bad_value_anywhere_in_2019(report: AnnualReport, data: st.DataObject) -> None:
    document = _document(report)
    path, _ = data.draw(st.sampled_from([n for n in _nodes(document) if n[0]]), label="at")
    bad: list[object] = [True, 0.5, -1, None, [], {}, "3", "-1.5", -(10**12)]
    _set(document, path, data.draw(st.sampled_from(bad), label="value"))
    _agree(document)


@given(OLD, st.data())
def test_a_key_removed_or_added_in_2019(report: AnnualReport, data: st.DataObject) -> None:
    document = _document(report)
    keys = [path for path, _ in _nodes(document) if path and isinstance(path[-1], str)]
    path = data.draw(st.sampled_from(keys), label="removed")
    del _get(document, path[:-1])[path[-1]]
    objects = [p for p, node in _nodes(document) if isinstance(node, dict)]
    where = data.draw(st.sampled_from(objects), label="in")
    _set(document, (*where, "unexpected"), 0)
    _agree(document)


@given(OLD)
def test_a_2019_document_stated_as_2021_is_refused_on_both_paths(report: AnnualReport) -> None:
    data = _document(report)
    data["edition"] = "2021"
    _agree(data)
    assert structure_sound(data) is None
