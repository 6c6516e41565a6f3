"""The fast path of reading report JSON (private): a sound document structured directly.

The cell walk and the sum rules (:mod:`._strict`) exist to say *what* is wrong, with the
official labels. Most documents have nothing wrong, and for them structuring alone is proof
enough: the strict hooks refuse every bad value, the model refuses negative counts and
computes every total, and ``Requests`` checks the 勾稽关系. So a document is first
structured directly, by a converter as strict as the whole slow path, and the stated totals
are compared with the computed ones. On any failure at all the slow path runs from the
start and finds what is wrong. The fast path may give up on a document the slow path
accepts (the slow path then accepts it), but it never accepts one the slow path refuses,
and when both accept they return equal reports (tests/property/test_fast_path.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, cast

import attrs
from cattrs.gen import make_dict_structure_fn

from govinfo_report.cells import CELLS, cells_of
from govinfo_report.formats.json._converter import (
    ENVELOPE,
    WITH_TOTAL,
    make_strict_converter,
    report_structure_hook,
)
from govinfo_report.formats.json._strict import MISSING, REQUIRED_SECTIONS
from govinfo_report.model import AnnualReport, ApplicantCounts, Outcomes, Requests
from govinfo_report.model.edition2019 import Requests2019
from govinfo_report.model.report import EDITION_SECTIONS

if TYPE_CHECKING:
    from collections.abc import Callable

    import cattrs

__all__ = ["structure_sound"]


class _NotSound(Exception):  # noqa: N818 - a signal to fall back, not an error to report
    """The fast path gives up on a document; the slow path decides."""


def _required_keys() -> dict[type, tuple[int, frozenset[str]]]:
    """For each class on the way to a cell: its depth, and the keys a document must have.

    The model gives every cell a default, so to cattrs they are optional; the cell walk
    reports a missing cell, or a missing object of cells, as S-MISSING, so the fast path must
    refuse it. The depth orders the hooks: a parent's hook is made after its children's.
    """
    found: dict[type, tuple[int, set[str]]] = {AnnualReport: (0, {"year", *REQUIRED_SECTIONS})}
    for edition, sections in EDITION_SECTIONS.items():
        for cell in cells_of(edition):
            if cell.computed:
                continue  # a stated total is optional on input
            cls: type = AnnualReport
            for depth, name in enumerate(cell.key):
                old_depth, names = found.setdefault(cls, (depth, set()))
                found[cls] = (max(old_depth, depth), names)
                names.add(name)
                if depth < len(cell.key) - 1:
                    if cls is AnnualReport and name in sections:
                        cls = sections[name]  # its class depends on the edition
                        continue
                    field = attrs.fields_dict(attrs.resolve_types(cls))[name]
                    cls = cast("type", field.type)
    return {cls: (depth, frozenset(names)) for cls, (depth, names) in found.items()}


#: The columns of the （七）总计 row, the one stated total that is an object.
_HANDLED_COLUMNS: Final = frozenset(
    c.key[-1] for c in CELLS if c.key[:3] == ("requests", "results", "total")
)


def _same_row_total(obj: ApplicantCounts | Outcomes, value: dict[str, Any]) -> None:
    """The stated ``total`` of a row of Table B or a group of Table C, if any, is its sum."""
    stated = value.get("total", MISSING)
    # ``type(...) is int``: ``true`` and ``4.0`` equal 1 and 4, but the cell walk refuses them.
    if stated is not MISSING and (type(stated) is not int or stated != obj.total):
        raise _NotSound


def _same_handled(obj: Requests | Requests2019, value: dict[str, Any]) -> None:
    """The stated （七）总计 row, if any, is the sum of the result rows.

    Checked here rather than in the ``HandlingResults`` hook, so that the row need not be
    summed a second time: a ``Requests`` that exists balances in every column (B-BALANCE),
    so （七） = 一 + 二 − 四. Each column is optional, as in the cell walk; an unknown key
    sends the document to the slow path, which decides about it.
    """
    stated = value["results"].get("total", MISSING)  # "results" is a dict: it structured
    if stated is MISSING:
        return
    if type(stated) is not dict or not stated.keys() <= _HANDLED_COLUMNS:
        raise _NotSound
    for column, found in stated.items():
        handled = (
            getattr(obj.new, column)
            + getattr(obj.carried_over, column)
            - getattr(obj.carried_forward, column)
        )
        if type(found) is not int or found != handled:
            raise _NotSound


#: What to compare once an object is made, for the classes that have stated totals to check.
_TOTAL_CHECKS: Final[dict[type, Callable[[Any, dict[str, Any]], None]]] = {
    ApplicantCounts: _same_row_total,
    Outcomes: _same_row_total,
    Requests: _same_handled,
    Requests2019: _same_handled,
}


def _sound_hook(
    conv: cattrs.Converter, cls: type, required: frozenset[str]
) -> Callable[[object, type], Any]:
    """A structure hook for a class of cells: every cell key required, a stated total checked.

    Keys are checked here, so the generated function lets ``total`` by; it is not a field.
    """
    base: Callable[[dict[str, Any], type], Any] = (
        report_structure_hook(conv, forbid_extra_keys=False)
        if cls is AnnualReport  # its sections' classes depend on its edition
        else make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=False)
    )
    same_total = _TOTAL_CHECKS.get(cls)
    allowed = frozenset(attrs.fields_dict(cls)) | ({"total"} if cls in WITH_TOTAL else set())

    def hook(value: object, _: type) -> Any:  # noqa: ANN401 - a cattrs hook
        if type(value) is not dict or not required <= value.keys() <= allowed:
            raise _NotSound
        obj = base(value, cls)
        if same_total is not None:
            same_total(obj, value)
        return obj

    return hook


def _make_sound_converter() -> cattrs.Converter:
    # The same hooks as CONVERTER for everything else; without detailed validation, since
    # the fast path reports nothing and stops at the first failure.
    conv = make_strict_converter(detailed_validation=False)
    required = _required_keys()
    for cls in sorted(required, key=lambda c: -required[c][0]):  # children first
        conv.register_structure_hook(cls, _sound_hook(conv, cls, required[cls][1]))
    return conv


_SOUND_CONVERTER: Final = _make_sound_converter()


def structure_sound(data: dict[str, Any]) -> AnnualReport | None:
    """The report of a sound document, or None when the fast path cannot prove it sound."""
    body = {k: v for k, v in data.items() if k not in ENVELOPE}
    try:
        report: AnnualReport = _SOUND_CONVERTER.structure(body, AnnualReport)
    except Exception:  # noqa: BLE001 - whatever failed, the slow path finds and reports it
        return None
    return report
