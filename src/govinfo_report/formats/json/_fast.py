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
constructor, and the report itself by a generated hook of its edition that structures its
identity with the strict converter's hooks and calls its constructor (its identity rules),
so that those rules run once, on every path.

The hooks also count, for ``loads``'s proof that no object repeats a key: each hook is
given a list ``acc``, appends the object it reads and adds the colons of the texts it
checks to ``acc[0]`` (:func:`structure_counted`; the proof is in ``codec._load_sound``).

Why one module: the hooks' generated source, the names it is compiled with and the order
in which they are made (children first) are one piece, and each is read with the others.
"""

from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Any, Final, cast, get_args

import attrs

from govinfo_report.cells import CELLS, cells_of
from govinfo_report.formats.json._converter import (
    ENVELOPE,
    WITH_TOTAL,
    edition_of,
    make_strict_converter,
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
    texts_colons,
)
from govinfo_report.model._trusted import maker, unfrozen_twin
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
            "texts_colons": texts_colons,
            "new": object.__new__,
        }

    def name(self, key: str, value: object) -> str:
        self.names[key] = value
        return key

    def line(self, text: str, indent: int = 1) -> None:
        self.lines.append("    " * indent + text)


def _field_source(
    out: _Source,
    hooks: dict[type, Callable[[object, list[Any]], Any]],
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
    test = _value_source(out, hooks, i, kind, indent)
    if indent == 2:  # noqa: PLR2004 - the key was optional
        default: Any = field.default
        out.line("else:")
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type] # attrs' Factory is a class
            out.line(f"{v} = {out.name(f'F{i}', default.factory)}()", 2)
        else:
            out.line(f"{v} = {out.name(f'D{i}', default)}", 2)
    return test


def _value_source(
    out: _Source,
    hooks: dict[type, Callable[[object, list[Any]], Any]],
    i: int,
    kind: FieldKind,
    indent: int,
) -> str | None:
    """Lines checking the value given for field ``i`` (``v{i}``), or a count's test.

    A text's colons are added to ``acc[0]``, and an object goes to its class's hook with
    ``acc`` (see :func:`structure_counted`).
    """
    v = f"v{i}"
    if kind[0] == "count":
        return f"type({v}) is int and 0 <= {v} <= MAX_COUNT"
    if kind[0] == "signed_count":
        return f"type({v}) is int and -MAX_COUNT <= {v} <= MAX_COUNT"
    if kind[0] == "amount":
        out.line(f"{v} = parse_amount({v})", indent)
        out.line(f"if {v} is None: raise NotSound", indent)
    elif kind[0] == "child":
        out.line(f"{v} = {out.name(f'H{i}', hooks[kind[1]])}({v}, acc)", indent)
    elif kind[0] in ("text", "optional_text"):
        nonempty = ", nonempty=True" if kind[0] == "text" and kind[1] else ""
        if kind[0] == "optional_text":
            out.line(f"if {v} is not None:", indent)
            indent += 1
        out.line(f"if bad_text({v}{nonempty}) is not None: raise NotSound", indent)
        out.line(f"acc[0] += {v}.count(':')", indent)
    elif kind[0] in ("texts", "optional_texts"):
        if kind[0] == "optional_texts":
            out.line(f"if {v} is not None:", indent)
            indent += 1
        out.line(f"c = texts_colons({v})", indent)
        out.line("if c < 0: raise NotSound", indent)
        out.line("acc[0] += c", indent)
        out.line(f"{v} = tuple({v})", indent)
    elif kind[0] == "items":
        hook = out.name(f"H{i}", hooks[kind[1]])
        out.line(f"if type({v}) is not list or len({v}) > {min(kind[2], MAX_ITEMS)}:", indent)
        out.line("raise NotSound", indent + 1)
        out.line(f"{v} = tuple([{hook}(item, acc) for item in {v}])", indent)
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
    hooks: dict[type, Callable[[object, list[Any]], Any]], cls: type, required: frozenset[str]
) -> Callable[[object, list[Any]], Any] | None:
    """A generated structure hook for ``cls``, or None when its fields are not all known.

    It checks every value of the object the way the slow path and the model together do
    (keys, types, bounds, texts), raising ``_NotSound`` at the first problem, and makes
    the object by setting its slots
    (:func:`~govinfo_report.model._trusted.unfrozen_twin`) when ``cls`` checks each field on
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
    out.line("acc.append(d)")
    counts = [
        test
        for i, field in enumerate(fields)
        if (test := _field_source(out, hooks, i, field, required=field.name in required))
        is not None
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
    return _compiled(out, cls)


def _compiled(out: _Source, cls: type) -> Callable[[object, list[Any]], Any]:
    source = "def hook(d, acc):\n" + "\n".join(out.lines) + "\n"
    filename = f"<govinfo_report fast hook of {cls.__qualname__}>"
    exec(compile(source, filename, "exec"), out.names)  # noqa: S102 - from the model's fields
    hook: Callable[[object, list[Any]], Any] = out.names["hook"]
    return hook


def _make_source(out: _Source, cls: type, *, stated: bool) -> None:
    """Lines making ``obj`` of the values read, then comparing a stated total with it."""
    fields = attrs.fields(cls)
    if checks_fields_only(cls):  # made here, unchecked: every value was checked above
        out.line(f"obj = new({out.name('twin', unfrozen_twin(cls))})")
        for i, field in enumerate(fields):
            out.line(f"obj.{field.name} = v{i}")
        out.line(f"obj.__class__ = {out.name('cls', cls)}")
    else:
        keywords = ", ".join(f"{f.name}=v{i}" for i, f in enumerate(fields))
        out.line(f"obj = {out.name('cls', cls)}({keywords})")
    if cls in (ApplicantCounts, Outcomes) and stated:
        # ``type(...) is int``: ``true`` and ``4.0`` equal 1 and 4, but the cell walk refuses them.
        out.line("if stated:")
        out.line("t = d['total']", 2)
        out.line(f"if type(t) is not int or t != {_total_source(cls)}: raise NotSound", 2)
    elif stated:  # the （七）总计 row, an object: checked by the ``Requests`` hook, counted here
        out.line("if stated and type(d['total']) is dict: acc.append(d['total'])")
    if cls in _TOTAL_CHECKS and cls not in (ApplicantCounts, Outcomes):
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


def _report_source(
    out: _Source,
    hooks: dict[type, Callable[[object, list[Any]], Any]],
    conv: cattrs.Converter,
    sections: dict[str, type],
    required: frozenset[str],
) -> None:
    """The lines of the hook of a report whose sections are made by ``sections``' classes.

    Its fields that are not made by the model's field helpers (the identity: organ, year,
    edition, title, date, the publication and contact) are structured by the strict
    converter's hooks, as cattrs would; a key absent is left to the constructor's default,
    and the report is made by its constructor (its identity and edition rules).
    """
    allowed = frozenset(attrs.fields_dict(AnnualReport)) | frozenset(ENVELOPE)
    out.names.update(REQUIRED=required, ALLOWED=allowed, cls=AnnualReport)
    out.line("if type(d) is not dict or not REQUIRED <= d.keys() <= ALLOWED: raise NotSound")
    out.line("acc.append(d)")
    out.line("kw = {}")
    report_fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(
        attrs.resolve_types(cast("type", AnnualReport))
    )
    for i, field in enumerate(report_fields):
        key, v = repr(field.name), f"v{i}"
        out.line(f"if {key} in d:")
        out.line(f"{v} = d[{key}]", 2)
        kind = ("child", sections[field.name]) if field.name in sections else field_kind(field)
        if kind is not None:
            test = _value_source(out, hooks, i, kind, 2)
            if test is not None:
                out.line(f"if not ({test}): raise NotSound", 2)
        else:
            _identity_source(out, hooks, conv, i, field.type)
        out.line(f"kw[{key}] = {v}", 2)
    out.line("return cls(**kw)")


def _identity_source(
    out: _Source,
    hooks: dict[type, Callable[[object, list[Any]], Any]],
    conv: cattrs.Converter,
    i: int,
    tp: Any,  # noqa: ANN401 - a field's type
) -> None:
    """Lines structuring a report's identity field ``v{i}`` of type ``tp`` (key present)."""
    v = f"v{i}"
    args = [a for a in get_args(tp) if a is not type(None)]
    if len(args) == 1 and type(None) in get_args(tp):  # optional: None stays None
        out.line(f"if {v} is not None:", 2)
        if attrs.has(args[0]):
            out.line(f"{v} = {out.name(f'H{i}', hooks[args[0]])}({v}, acc)", 3)
        else:
            hook = out.name(f"H{i}", conv.get_structure_hook(args[0]))
            out.line(f"{v} = {hook}({v}, {out.name(f'T{i}', args[0])})", 3)
        return
    hook = out.name(f"H{i}", conv.get_structure_hook(tp))
    out.line(f"{v} = {hook}({v}, {out.name(f'T{i}', tp)})", 2)
    if tp is str:
        out.line(f"acc[0] += {v}.count(':')", 2)


def _make_hooks() -> dict[str, Callable[[object, list[Any]], AnnualReport]]:
    """The hook of a report of each edition; the hooks of its classes, children first."""
    # The strict converter's hooks for the identity fields; without detailed validation,
    # since the fast path reports nothing and stops at the first failure.
    conv = make_strict_converter(detailed_validation=False)
    required = _required_keys()
    hooks: dict[type, Callable[[object, list[Any]], Any]] = {}
    for cls in _classes(AnnualReport):  # children first: a parent's hook uses theirs
        hook = _fast_hook(hooks, cls, required[cls][1] if cls in required else frozenset())
        if hook is not None:
            hooks[cls] = hook
    made = {}
    for edition, sections in EDITION_SECTIONS.items():
        out = _Source()
        _report_source(out, hooks, conv, sections, required[AnnualReport][1])
        made[edition] = _compiled(out, AnnualReport)
    return made


_REPORT_HOOKS: Final = _make_hooks()


def structure_counted(data: dict[str, Any]) -> tuple[AnnualReport, int] | None:
    """The report of a sound document and its count, or None when not proved sound.

    The count is the number of members of every object of ``data`` (its envelope's keys
    among them) plus the colons in its texts, what ``loads`` compares with the colons of
    the text to prove that no object repeats a key (:func:`~.codec.loads`). Each hook
    appends the object it reads to ``acc`` and adds the colons of the texts it checks to
    ``acc[0]``; every object and every text of the document is met once.
    """
    acc: list[Any] = [0]
    try:
        report: AnnualReport = _REPORT_HOOKS[edition_of(data)](data, acc)
    except Exception:  # noqa: BLE001 - whatever failed, the slow path finds and reports it
        return None
    return report, acc[0] + sum(map(len, islice(acc, 1, None)))


def structure_sound(data: dict[str, Any]) -> AnnualReport | None:
    """The report of a sound document, or None when the fast path cannot prove it sound."""
    counted = structure_counted(data)
    return None if counted is None else counted[0]
