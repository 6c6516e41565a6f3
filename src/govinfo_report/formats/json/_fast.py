"""The fast path of reading report JSON (private): a sound document structured directly.

The cell walk and the sum rules (:mod:`._strict`) exist to say *what* is wrong, with the
official labels. Most documents have nothing wrong, and for them structuring alone is proof
enough. So a document is first structured directly, by hooks as strict as the whole slow
path, and the stated totals are compared with the computed ones. On any failure at all the
slow path runs from the start and finds what is wrong. The fast path may give up on a
document the slow path accepts (the slow path then accepts it), but it never accepts one
the slow path refuses, and when both accept they return equal reports
(tests/property/test_fast_path.py).

Each class of the model whose fields are all made by the model's field helpers gets a
generated hook (:func:`_fast_hook`): it reads each key once, checks the values as the
strict hooks and the model's validators would (the counts of an object in one expression),
and makes the object by setting its slots (:mod:`govinfo_report.model._trusted`), checking
nothing again; a class with a rule across fields (``Requests``: the 勾稽关系) is made by its
constructor, and the report itself by cattrs and its constructor (its identity rules), so
that those rules run once, on every path.

Why one module: the hooks' generated source, the names it is compiled with and the
converter that registers them in order are one piece, and each is read with the others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, cast, get_args

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
from govinfo_report.model import (
    MAX_COUNT,
    MAX_ITEMS,
    AnnualReport,
    ApplicantCounts,
    Outcomes,
    Requests,
)
from govinfo_report.model._fields import (
    FieldKind,
    bad_text,
    checks_fields_only,
    field_kind,
    sound_texts,
)
from govinfo_report.model._trusted import maker, slot_setters
from govinfo_report.model.edition2019 import Requests2019
from govinfo_report.model.report import EDITION_SECTIONS
from govinfo_report.rules.catalogue import parse_amount

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
    Used for the classes :func:`_fast_hook` does not make (the report itself, whose fields
    are not all made by the model's field helpers).
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


class _Source:
    """The source of one generated hook, and the names it uses."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "NotSound": _NotSound,
            "MISSING": MISSING,
            "MAX_COUNT": MAX_COUNT,
            "parse_amount": parse_amount,
            "bad_text": bad_text,
            "sound_texts": sound_texts,
            "new": object.__new__,
        }

    def name(self, key: str, value: object) -> str:
        self.names[key] = value
        return key

    def line(self, text: str, indent: int = 1) -> None:
        self.lines.append("    " * indent + text)


def _field_source(
    out: _Source,
    conv: cattrs.Converter,
    i: int,
    field: attrs.Attribute[Any],
    *,
    required: bool,
) -> str | None:
    """Lines reading and checking field ``i`` into ``v{i}``; a count's test is returned.

    Counts are tested together, in one expression, by the caller. A value given is checked
    (and turned into what the model holds); a key absent takes the field's default.
    """
    kind = field_kind(field)
    assert kind is not None  # noqa: S101 - the caller makes hooks for known kinds only
    key, v = repr(field.name), f"v{i}"
    indent = 1
    if required or field.default is attrs.NOTHING:
        out.line(f"{v} = d[{key}]")
    else:
        out.line(f"if {key} in d:")
        out.line(f"{v} = d[{key}]", 2)
        indent = 2
    test = _value_source(out, conv, i, kind, indent)
    if indent == 2:  # noqa: PLR2004 - the key was optional
        default: Any = field.default
        out.line("else:")
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type] # attrs' Factory is a class
            out.line(f"{v} = {out.name(f'F{i}', default.factory)}()", 2)
        else:
            out.line(f"{v} = {out.name(f'D{i}', default)}", 2)
    return test


def _value_source(
    out: _Source, conv: cattrs.Converter, i: int, kind: FieldKind, indent: int
) -> str | None:
    """Lines checking the value given for field ``i`` (``v{i}``), or a count's test."""
    v = f"v{i}"
    if kind[0] == "count":
        return f"type({v}) is int and 0 <= {v} <= MAX_COUNT"
    if kind[0] == "signed_count":
        return f"type({v}) is int and -MAX_COUNT <= {v} <= MAX_COUNT"
    if kind[0] == "amount":
        out.line(f"{v} = parse_amount({v})", indent)
        out.line(f"if {v} is None: raise NotSound", indent)
    elif kind[0] == "child":
        hook = out.name(f"H{i}", conv.get_structure_hook(kind[1]))
        out.line(f"{v} = {hook}({v}, {out.name(f'C{i}', kind[1])})", indent)
    elif kind[0] == "text":
        nonempty = ", nonempty=True" if kind[1] else ""
        out.line(f"if bad_text({v}{nonempty}) is not None: raise NotSound", indent)
    elif kind[0] == "optional_text":
        out.line(f"if {v} is not None and bad_text({v}) is not None: raise NotSound", indent)
    elif kind[0] in ("texts", "optional_texts"):
        optional = f"{v} is not None and " if kind[0] == "optional_texts" else ""
        out.line(f"if {optional}not sound_texts({v}): raise NotSound", indent)
        out.line(f"if {v} is not None: {v} = tuple({v})", indent)
    elif kind[0] == "items":
        hook = out.name(f"H{i}", conv.get_structure_hook(kind[1]))
        cls = out.name(f"C{i}", kind[1])
        out.line(f"if type({v}) is not list or len({v}) > {min(kind[2], MAX_ITEMS)}:", indent)
        out.line("raise NotSound", indent + 1)
        out.line(f"{v} = tuple([{hook}(item, {cls}) for item in {v}])", indent)
    else:
        msg = f"no fast hook for a field of kind {kind[0]}"
        raise TypeError(msg)
    return None


#: The kinds of field (:data:`~govinfo_report.model._fields.KIND`) a fast hook can check.
_KINDS: Final = frozenset(
    (
        "count",
        "signed_count",
        "amount",
        "child",
        "text",
        "optional_text",
        "texts",
        "optional_texts",
        "items",
    )
)


def _kind_name(field: attrs.Attribute[Any]) -> str | None:
    kind = field_kind(field)
    return None if kind is None else str(kind[0])


def _fast_hook(
    conv: cattrs.Converter, cls: type, required: frozenset[str]
) -> Callable[[object, type], Any] | None:
    """A generated structure hook for ``cls``, or None when its fields are not all known.

    It checks every value of the object the way the slow path and the model together do
    (keys, types, bounds, texts), raising ``_NotSound`` at the first problem, and makes
    the object by setting its slots
    (:func:`~govinfo_report.model._trusted.slot_setters`) when ``cls`` checks each field on
    its own; otherwise (``Requests``: the 勾稽关系) with its constructor, which
    applies its rule across fields. A stated total is then compared with the computed one.
    """
    fields = attrs.fields(cls)
    if not fields or any(_kind_name(field) not in _KINDS for field in fields):
        return None
    out = _Source()
    allowed = frozenset(f.name for f in fields) | ({"total"} if cls in WITH_TOTAL else set())
    names = frozenset(f.name for f in fields)
    allowed = names | ({"total"} if cls in WITH_TOTAL else set())
    # Every field required (a class of cells): the keys are right when each was read (a
    # KeyError gives up too) and there are as many, or one more that is ``total``.
    every = required == names
    if not every:
        out.line("if type(d) is not dict or not REQUIRED <= d.keys() <= ALLOWED: raise NotSound")
        out.names.update(REQUIRED=required, ALLOWED=allowed)
    elif allowed == names:
        out.line(f"if type(d) is not dict or len(d) != {len(names)}: raise NotSound")
    else:
        out.line("if type(d) is not dict: raise NotSound")
    counts = [
        test
        for i, field in enumerate(fields)
        if (test := _field_source(out, conv, i, field, required=field.name in required)) is not None
    ]
    if counts:
        out.line(f"if not ({' and '.join(counts)}): raise NotSound")
    if every and allowed != names:
        out.line(f"stated = len(d) != {len(names)}")
        out.line(f"if stated and (len(d) != {len(allowed)} or 'total' not in d): raise NotSound")
    elif allowed != names:
        out.line("stated = 'total' in d")
    _make_source(out, cls, stated=allowed != names)
    out.line("return obj")
    source = "def hook(d, _):\n" + "\n".join(out.lines) + "\n"
    filename = f"<govinfo_report fast hook of {cls.__qualname__}>"
    exec(compile(source, filename, "exec"), out.names)  # noqa: S102 - from the model's fields
    hook: Callable[[object, type], Any] = out.names["hook"]
    return hook


def _make_source(out: _Source, cls: type, *, stated: bool) -> None:
    """Lines making ``obj`` of the values read, then comparing a stated total with it."""
    fields = attrs.fields(cls)
    if checks_fields_only(cls):  # made here, unchecked: every value was checked above
        out.line(f"obj = new({out.name('cls', cls)})")
        for i, setter in enumerate(slot_setters(cls)):
            out.line(f"{out.name(f'S{i}', setter)}(obj, v{i})")
    else:
        keywords = ", ".join(f"{f.name}=v{i}" for i, f in enumerate(fields))
        out.line(f"obj = {out.name('cls', cls)}({keywords})")
    if cls in (ApplicantCounts, Outcomes) and stated:
        # ``type(...) is int``: ``true`` and ``4.0`` equal 1 and 4, but the cell walk refuses them.
        out.line("if stated:")
        out.line("t = d['total']", 2)
        out.line(f"if type(t) is not int or t != {_total_source(cls)}: raise NotSound", 2)
    elif cls in _TOTAL_CHECKS:
        out.line(f"{out.name('same_total', _TOTAL_CHECKS[cls])}(obj, d)")


def _total_source(cls: type) -> str:
    """The computed total of a row as an expression of the values read (``obj.total``).

    The sum of the fields when the model's ``total`` is that sum (tried on a row whose
    values are distinct powers of two), else the property itself.
    """
    fields = attrs.fields(cls)
    probe: Any = maker(cls)(*(2**i for i in range(len(fields))))
    if probe.total == 2 ** len(fields) - 1:
        return " + ".join(f"v{i}" for i in range(len(fields)))
    return "obj.total"


def _classes(root: type) -> list[type]:
    """Every attrs class reachable from ``root``'s fields, children before their parents."""
    out: list[type] = []

    def visit(tp: object) -> None:
        if isinstance(tp, type) and attrs.has(tp):
            if tp in out:
                return
            for field in attrs.fields(attrs.resolve_types(tp)):
                visit(field.type)
            out.append(tp)
        for arg in get_args(tp):
            visit(arg)

    visit(root)
    return out


def _make_sound_converter() -> cattrs.Converter:
    # The same hooks as CONVERTER for everything else; without detailed validation, since
    # the fast path reports nothing and stops at the first failure.
    conv = make_strict_converter(detailed_validation=False)
    required = _required_keys()
    for cls in _classes(AnnualReport):  # children first: a parent's hook uses theirs
        keys = required[cls][1] if cls in required else frozenset()
        hook = _fast_hook(conv, cls, keys)
        if hook is None and cls in required:
            hook = _sound_hook(conv, cls, keys)
        if hook is not None:
            conv.register_structure_hook(cls, hook)
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
