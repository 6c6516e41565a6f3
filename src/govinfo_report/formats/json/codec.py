"""JSON: the one converter that owns every encoding decision, and the checks on the way in.

The JSON form of a report is a flat object: the envelope (``format``, ``schema_version``,
``edition``), then the report's fields with English keys. Encoding decisions:

* counts are JSON integers; on input ``true``, ``1.0``, ``"3"`` and negative numbers are
  refused (rule A-NONNEG), never coerced;
* amounts (万元 in Table A, 元 for the fees of section 六) are written as decimal strings
  (``"12.50"``, the precision kept); on input a string of digits, an integer, or a JSON
  number read without going through ``float`` are accepted; ``NaN`` and infinities are
  refused;
* every total the printed tables show is written (``total`` of each Table B row, the
  （七）总计 row ``requests.results.total``, each Table C ``total``), so other tools need
  no arithmetic; on input a stated total is optional, and when present it must agree with
  its cells (B-ROWTOTAL, B-HANDLED, C-TOTAL name the cell);
* every other cell is required, unknown keys are errors, the date is ``YYYY-MM-DD``;
* Chinese stays unescaped (``ensure_ascii=False``).

Loading collects every problem of a document at once, each with its JSON path and, for
table cells, the official labels, and raises :class:`~govinfo_report.errors.ReportError`.
A sound document takes a fast path (structured directly, its stated totals compared with
the computed ones); any other is checked cell by cell and rule by rule, which is what names
its problems. Both give the same result.

>>> from govinfo_report import AnnualReport
>>> text = dumps(AnnualReport(organ="某县教育局", year=2023))
>>> loads(text) == AnnualReport(organ="某县教育局", year=2023)
True
>>> bad = text.replace('"natural_person": 0', '"natural_person": true', 1)
>>> try:
...     loads(bad)
... except ReportError as err:
...     print(err.findings[0].code, err.findings[0].place.path)
A-NONNEG $.requests.new.natural_person
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.json import make_converter

from govinfo_report import _io, _json
from govinfo_report.cells import CELLS, Cell, CellKey, cell_value
from govinfo_report.errors import ReadError, ReportError
from govinfo_report.findings import Finding, Place, Severity, make_finding, rebase
from govinfo_report.labels import APPLICANT_COLUMNS
from govinfo_report.model import (
    EDITIONS,
    AnnualReport,
    ApplicantCounts,
    HandlingResults,
    Outcomes,
    Part,
    Requests,
)
from govinfo_report.model.report import year_finding
from govinfo_report.rules.catalogue import (
    FEE_CELLS,
    SUM_RULES,
    check_cell,
    complete_totals,
    evaluate,
    fee_findings,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable

    import cattrs

__all__ = [
    "FORMAT",
    "SCHEMA_VERSION",
    "check_dict",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "structure_part",
    "to_dict",
    "write_json",
]

#: The ``format`` key of the envelope: what kind of document this is.
FORMAT: Final = "govinfo-report"
#: The ``schema_version`` of the JSON layout this library writes.
SCHEMA_VERSION: Final = 2
#: Every ``schema_version`` this library reads. Version 1 held the preface as one string
#: (or ``null``); it is read as a list of one paragraph (an empty string as no paragraph).
READ_VERSIONS: Final = (1, 2)

_ENVELOPE: Final = ("format", "schema_version")
#: Report fields the cell walk does not reach but a document must have.
_REQUIRED_SECTIONS: Final = ("organ", "overview", "problems")
#: The classes whose JSON form states a computed ``total``.
_WITH_TOTAL: Final = (ApplicantCounts, Outcomes, HandlingResults)


class _StrictTypeError(TypeError):
    """A value of the wrong JSON type; carries the expected type in both languages."""

    def __init__(self, value: object, zh: str, en: str) -> None:
        self.value = value
        self.zh = zh
        self.en = en
        super().__init__(f"expected {en}, found {value!r}")


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _StrictTypeError(value, "整数", "an integer")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _StrictTypeError(value, "文本", "a string")
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _StrictTypeError(value, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)")


def _structure_decimal(value: object, _: type) -> Decimal:
    from govinfo_report.rules.catalogue import parse_amount  # noqa: PLC0415 - local to the hook

    amount = parse_amount(value)
    if amount is None:
        raise _StrictTypeError(value, "非负金额", "a non-negative amount")
    return amount


def _make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(Decimal, _structure_decimal)
    # Amounts in plain notation, dates ISO, tuples as lists: the one encoder's choices.
    _json.configure(conv)

    def _strict_list(item: type) -> Any:  # noqa: ANN401 - a cattrs hook
        def hook(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _StrictTypeError(value, "列表", "a list")
            structure = conv.get_structure_hook(item)  # looked up once, not for every item
            out: list[Any] = []
            errors: list[Exception] = []
            for i, v in enumerate(value):
                try:
                    out.append(structure(v, item))
                except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                    exc.add_note(IterableValidationNote(f"@ index {i}", i, item))
                    errors.append(exc)
            if errors:
                msg = f"While structuring a list of {item.__name__}"
                raise IterableValidationError(msg, errors, tuple)
            return tuple(out)

        return hook

    conv.register_structure_hook_func(lambda t: t == tuple[str, ...], _strict_list(str))
    conv.register_structure_hook_func(lambda t: t == tuple[Part, ...], _strict_list(Part))

    def _with_total(cls: type) -> None:
        base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv)

        def unstructure(obj: Any) -> dict[str, Any]:  # noqa: ANN401 - a cattrs hook
            out: dict[str, Any] = base(obj)
            out["total"] = conv.unstructure(obj.total)
            return out

        conv.register_unstructure_hook(cls, unstructure)

    for cls in _WITH_TOTAL:
        _with_total(cls)
    return conv


_CONVERTER: Final = _make_converter()


# --- Out --------------------------------------------------------------------------


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """The JSON-like form of a report: the envelope, then every field, totals included."""
    body: dict[str, Any] = _CONVERTER.unstructure(report)
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION, **body}


def dumps(report: AnnualReport, *, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8, Chinese unescaped, ``indent`` spaces)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent) + "\n"


# --- In ---------------------------------------------------------------------------

_MISSING: Final = object()
#: The cells grouped by the object that holds them, in print order.
_CONTAINER_CELLS: Final = tuple(
    tuple(group) for _, group in itertools.groupby(CELLS, key=lambda c: c.key[:-1])
)
#: Objects that hold only computed cells (the （七）总计 row): optional on input.
_COMPUTED_CONTAINERS: Final = frozenset(
    c.key[:-1] for c in CELLS if all(o.computed for o in CELLS if o.key[:-1] == c.key[:-1])
)


def _path(key: tuple[str | int, ...]) -> str:
    out = "$"
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _check_envelope(data: dict[str, Any]) -> list[Finding]:
    findings = []
    fmt = data.get("format", _MISSING)
    if fmt != FORMAT:
        findings.append(
            make_finding(
                "S-FORMAT",
                Place(path="$.format"),
                expected=FORMAT,
                found=None if fmt is _MISSING else fmt,
                detail=(f"format 应为 “{FORMAT}”", f'"format" must be "{FORMAT}"'),
            )
        )
    version = data.get("schema_version", _MISSING)
    if type(version) is not int or version not in READ_VERSIONS:
        findings.append(
            make_finding(
                "S-FORMAT",
                Place(path="$.schema_version"),
                expected=SCHEMA_VERSION,
                found=None if version is _MISSING else version,
                detail=(
                    f"schema_version 应为 {'或'.join(map(str, READ_VERSIONS))}",
                    f'"schema_version" must be {" or ".join(map(str, READ_VERSIONS))}',
                ),
            )
        )
    edition = data.get("edition", _MISSING)
    if edition not in EDITIONS:
        findings.append(
            make_finding(
                "S-FORMAT",
                Place(path="$.edition"),
                expected=next(iter(EDITIONS)),
                found=None if edition is _MISSING else edition,
                detail=(
                    f"edition 应为 {'、'.join(EDITIONS)}",
                    f'"edition" must be one of {", ".join(EDITIONS)}',
                ),
            )
        )
    return findings


def _check_year(data: dict[str, Any]) -> list[Finding]:
    year = data.get("year", _MISSING)
    if year is _MISSING:
        return [make_finding("S-MISSING", Place(path="$.year"))]
    problem = year_finding(data["edition"], year)
    return [] if problem is None else [problem]


class _CellWalk:
    """Walks every table cell of a JSON-like report once (see :func:`_check_cells`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.values: dict[CellKey, int | Decimal] = {}
        self.findings: list[Finding] = []
        self.clean: dict[str, Any] = dict(data)
        self.reported: set[CellKey] = set()

    def _container(self, key: CellKey) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """The input object holding cell ``key`` (None if absent) and its cleaned copy."""
        node: dict[str, Any] | None = self.data
        target = self.clean
        for depth, name in enumerate(key[:-1]):
            child = node.get(name, _MISSING) if node is not None else _MISSING
            if not isinstance(child, dict):
                self._report_container(key[: depth + 1], child, absent_parent=node is None)
                child = None
            node = child
            sub = target.get(name)
            if not isinstance(sub, dict) or sub is child:
                sub = dict(child) if child is not None else {}
                target[name] = sub
            target = sub
        return node, target

    def _report_container(self, prefix: CellKey, child: object, *, absent_parent: bool) -> None:
        if absent_parent or prefix in self.reported:
            return
        if child is _MISSING and prefix in _COMPUTED_CONTAINERS:
            return  # a stated total row is optional on input
        self.reported.add(prefix)
        place = Place(path=_path(prefix))
        if child is _MISSING:
            self.findings.append(make_finding("S-MISSING", place))
        else:
            detail = ("对象", "an object")
            self.findings.append(make_finding("S-TYPE", place, found=child, detail=detail))

    def visit(self, cells: tuple[Cell, ...]) -> None:
        """Visit the cells of one container (they share every key but the last)."""
        node, target = self._container(cells[0].key)
        for cell in cells:
            self._leaf(cell, node, target)

    def _leaf(self, cell: Cell, node: dict[str, Any] | None, target: dict[str, Any]) -> None:
        leaf = cell.key[-1]
        raw = node.get(leaf, _MISSING) if node is not None else _MISSING
        zero: int | str = 0 if cell.kind == "count" else "0"
        if cell.computed:
            target.pop(leaf, None)
            if raw is _MISSING:
                return
        elif raw is _MISSING:
            if node is not None:
                self.findings.append(make_finding("S-MISSING", cell.place))
            target[leaf] = zero
            return
        value, finding = check_cell(cell, raw)
        if finding is not None:
            self.findings.append(finding)
            if not cell.computed:
                target[leaf] = zero
        elif value is not None:
            self.values[cell.key] = value


def _check_cells(
    data: dict[str, Any],
) -> tuple[dict[CellKey, int | Decimal], list[Finding], dict[str, Any]]:
    """Walk every table cell: values, findings, and a cleaned copy for structuring.

    The cleaned copy has the stated totals removed and every bad or missing cell replaced
    by 0 (its problem is already a finding), so that structuring reports only what the cell
    walk cannot see: identity, narrative, unknown keys.
    """
    walk = _CellWalk(data)
    for cells in _CONTAINER_CELLS:
        walk.visit(cells)
    _strip_handled_total(walk.clean, walk.findings)
    return walk.values, walk.findings, walk.clean


def _strip_handled_total(clean: dict[str, Any], findings: list[Finding]) -> None:
    """Remove the stated （七）总计 row, whose cells the walk has checked; flag unknown keys."""
    results = clean.get("requests", {}).get("results")
    if isinstance(results, dict):
        total = results.pop("total", None)
        if isinstance(total, dict):
            findings.extend(
                make_finding("S-UNKNOWN", Place(path=f"$.requests.results.total.{key}"))
                for key in sorted(set(total) - set(APPLICANT_COLUMNS))
            )


def _finding_from_leaf(exc: BaseException, path: tuple[str | int, ...]) -> list[Finding]:
    place = Place(path=_path(path))
    if isinstance(exc, ReportError):
        out = []
        for f in exc.findings:  # the model's paths are relative to the object made at ``path``
            field = f.place.path.removeprefix("$").removeprefix(".")
            parts = field.split(".") if field else []
            out.append(rebase(f, attrs.evolve(f.place, path=_path((*path, *parts)))))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            make_finding("S-UNKNOWN", Place(path=_path((*path, key))))
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [make_finding("S-MISSING", place)]
    if isinstance(exc, _StrictTypeError):
        return [make_finding("S-TYPE", place, found=exc.value, detail=(exc.zh, exc.en))]
    return [make_finding("S-TYPE", place, found=None, detail=("有效的值", "a valid value"))]


def _findings_from_cattrs(exc: BaseException, path: tuple[str | int, ...]) -> list[Finding]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        out = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            step = note.index if isinstance(note, IterableValidationNote) else note.name
            out.extend(_findings_from_cattrs(sub, (*path, step)))
        for sub in without:
            out.extend(_findings_from_cattrs(sub, path))
        return out
    return _finding_from_leaf(exc, path)


def _structure(clean: dict[str, Any]) -> tuple[AnnualReport | None, list[Finding]]:
    body = {k: v for k, v in clean.items() if k not in _ENVELOPE}
    try:
        return _CONVERTER.structure(body, AnnualReport), []
    except (ClassValidationError, IterableValidationError) as exc:
        return None, _findings_from_cattrs(exc, ())
    except ReportError as exc:
        return None, list(exc.findings)


# --- The fast path -----------------------------------------------------------------
#
# The cell walk and the sum rules exist to say *what* is wrong, with the official labels.
# Most documents have nothing wrong, and for them structuring alone is proof enough: the
# strict hooks refuse every bad value, the model refuses negative counts and computes every
# total, and ``Requests`` checks the 勾稽关系. So a document is first structured directly, by
# a converter as strict as the whole slow path, and the stated totals are compared with the
# computed ones. On any failure at all the slow path runs from the start and finds what is
# wrong. The fast path may give up on a document the slow path accepts (the slow path then
# accepts it), but it never accepts one the slow path refuses, and when both accept they
# return equal reports (tests/property/test_fast_path.py).


class _NotSound(Exception):  # noqa: N818 - a signal to fall back, not an error to report
    """The fast path gives up on a document; the slow path decides."""


def _required_keys() -> dict[type, tuple[int, frozenset[str]]]:
    """For each class on the way to a cell: its depth, and the keys a document must have.

    The model gives every cell a default, so to cattrs they are optional; the cell walk
    reports a missing cell, or a missing object of cells, as S-MISSING, so the fast path must
    refuse it. The depth orders the hooks: a parent's hook is made after its children's.
    """
    found: dict[type, tuple[int, set[str]]] = {AnnualReport: (0, {"year", *_REQUIRED_SECTIONS})}
    for cell in CELLS:
        if cell.computed:
            continue  # a stated total is optional on input
        cls: type = AnnualReport
        for depth, name in enumerate(cell.key):
            old_depth, names = found.setdefault(cls, (depth, set()))
            found[cls] = (max(old_depth, depth), names)
            names.add(name)
            if depth < len(cell.key) - 1:
                field = attrs.fields_dict(attrs.resolve_types(cls))[name]
                cls = cast("type", field.type)
    return {cls: (depth, frozenset(names)) for cls, (depth, names) in found.items()}


#: The columns of the （七）总计 row, the one stated total that is an object.
_HANDLED_COLUMNS: Final = frozenset(
    c.key[-1] for c in CELLS if c.key[:3] == ("requests", "results", "total")
)


def _same_row_total(obj: ApplicantCounts | Outcomes, value: dict[str, Any]) -> None:
    """The stated ``total`` of a row of Table B or a group of Table C, if any, is its sum."""
    stated = value.get("total", _MISSING)
    # ``type(...) is int``: ``true`` and ``4.0`` equal 1 and 4, but the cell walk refuses them.
    if stated is not _MISSING and (type(stated) is not int or stated != obj.total):
        raise _NotSound


def _same_handled(obj: Requests, value: dict[str, Any]) -> None:
    """The stated （七）总计 row, if any, is the sum of the result rows.

    Checked here rather than in the ``HandlingResults`` hook, so that the row need not be
    summed a second time: a ``Requests`` that exists balances in every column (B-BALANCE),
    so （七） = 一 + 二 − 四. Each column is optional, as in the cell walk; an unknown key
    sends the document to the slow path, which decides about it.
    """
    stated = value["results"].get("total", _MISSING)  # "results" is a dict: it structured
    if stated is _MISSING:
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
}


def _sound_hook(
    conv: cattrs.Converter, cls: type, required: frozenset[str]
) -> Callable[[object, type], Any]:
    """A structure hook for a class of cells: every cell key required, a stated total checked.

    Keys are checked here, so the generated function lets ``total`` by; it is not a field.
    """
    base: Callable[[dict[str, Any], type], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=False
    )
    same_total = _TOTAL_CHECKS.get(cls)
    allowed = frozenset(attrs.fields_dict(cls)) | ({"total"} if cls in _WITH_TOTAL else set())

    def hook(value: object, _: type) -> Any:  # noqa: ANN401 - a cattrs hook
        if type(value) is not dict or not required <= value.keys() <= allowed:
            raise _NotSound
        obj = base(value, cls)
        if same_total is not None:
            same_total(obj, value)
        return obj

    return hook


def _make_sound_converter() -> cattrs.Converter:
    # The same hooks as _CONVERTER for everything else; without detailed validation, since
    # the fast path reports nothing and stops at the first failure.
    conv = _make_converter(detailed_validation=False)
    required = _required_keys()
    for cls in sorted(required, key=lambda c: -required[c][0]):  # children first
        conv.register_structure_hook(cls, _sound_hook(conv, cls, required[cls][1]))
    return conv


_SOUND_CONVERTER: Final = _make_sound_converter()


def _structure_sound(data: dict[str, Any]) -> AnnualReport | None:
    """The report of a sound document, or None when the fast path cannot prove it sound."""
    body = {k: v for k, v in data.items() if k not in _ENVELOPE}
    try:
        report: AnnualReport = _SOUND_CONVERTER.structure(body, AnnualReport)
    except Exception:  # noqa: BLE001 - whatever failed, the slow path finds and reports it
        return None
    return report


# --- Both paths ------------------------------------------------------------------------


def _check_head(data: dict[str, Any]) -> list[Finding]:
    """The envelope, the year and the sections outside the tables: cheap, and always run."""
    findings = _check_envelope(data)
    if any(f.place.path == "$.edition" for f in findings):
        return findings  # the year's range depends on the edition
    findings += _check_year(data)
    findings += [
        make_finding("S-MISSING", Place(path=f"$.{name}"))
        for name in _REQUIRED_SECTIONS
        if name not in data
    ]
    return findings


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document in the current layout (a shallow copy; others as they are).

    Version 1 held the preface as one string: it becomes a list of one paragraph, and an
    empty string (nothing printed) the empty list. Any other value is left for the checks.
    """
    if data.get("schema_version") != 1 or type(data.get("schema_version")) is not int:
        return data
    preface = data.get("preface", _MISSING)
    if not isinstance(preface, str):
        return data
    return {**data, "preface": [preface] if preface else []}


def _check(data: object) -> tuple[AnnualReport | None, list[Finding]]:
    """The report (None when it cannot be made) and every finding: errors and warnings."""
    if isinstance(data, dict):
        data = _upgrade(data)
    if isinstance(data, dict) and not _check_head(data):
        report = _structure_sound(data)
        if report is not None:
            # Sound, so the slow path would find no error; only the warnings remain.
            return report, fee_findings({key: cell_value(report, key) for key in FEE_CELLS})
    return _check_slow(data)


def _check_slow(data: object) -> tuple[AnnualReport | None, list[Finding]]:
    """The slow path: every cell and rule checked, each finding with its place and labels.

    The report is then structured from a cleaned copy (see :func:`_check_cells`).
    """
    if not isinstance(data, dict):
        finding = make_finding(
            "S-TYPE", Place(path="$"), found=type(data).__name__, detail=("对象", "an object")
        )
        return None, [finding]
    findings = _check_head(data)
    if any(f.place.path == "$.edition" for f in findings):
        return None, findings  # the cells depend on the edition
    values, cell_findings, clean = _check_cells(data)
    findings += cell_findings
    complete_totals(values)
    findings += evaluate(values, SUM_RULES)
    report, structure_findings = _structure(clean)
    seen = {f.place.path for f in findings}
    for f in structure_findings:
        if f.code in ("B-BALANCE", "A-NONNEG") or f.place.path in seen:
            continue  # the cell walk reports these, with their labels
        findings.append(f)
    findings += fee_findings(values)
    return report, findings


def check_dict(data: object) -> list[Finding]:
    """Every finding about a JSON-like report, without raising: errors and warnings."""
    return _check(data)[1]


def from_dict(data: object) -> AnnualReport:
    """The report of a JSON-like dict; raises ``ReportError`` listing every error at once."""
    report, findings = _check(data)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors or report is None:
        raise ReportError(errors)
    return report


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A repeated key would silently keep its last value: "year": 2023, "year": 2022.
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return out


class _ConstantError(ValueError):
    pass


def _reject_constant(name: str) -> None:
    raise _ConstantError(name)


def parse_json(text: str | bytes, source: str = "<string>") -> object:
    """JSON text to Python values; amounts stay exact, ``NaN``/``Infinity`` are refused.

    Bytes must be UTF-8 (a byte-order mark is allowed).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReadError(
                source,
                f"不是 UTF-8 编码的文本（第 {exc.start} 字节）",
                f"not UTF-8 text (byte {exc.start})",
            ) from None
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=_unique_keys,
        )
    except _DuplicateKeyError as exc:
        raise ReadError(
            source,
            f"JSON 对象中的键 “{exc.key}” 出现了两次",
            f'the key "{exc.key}" occurs twice in one JSON object',
        ) from None
    except json.JSONDecodeError as exc:
        raise ReadError(
            source,
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）",
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
        ) from None
    except _ConstantError as exc:
        raise ReadError(
            source, f"JSON 中不允许 {exc}", f"{exc} is not allowed in the JSON"
        ) from None
    except ValueError:  # an integer of thousands of digits (Python's int_max_str_digits)
        raise ReadError(source, "JSON 中的数字过长", "a number in the JSON is too long") from None
    except RecursionError:
        raise ReadError(source, "JSON 嵌套过深", "the JSON is nested too deeply") from None


def loads(text: str | bytes, *, source: str = "<string>") -> AnnualReport:
    """The report of a JSON text. Raises ``ReadError`` (not JSON) or ``ReportError``."""
    return from_dict(parse_json(text, source))


def write_json(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write the report's JSON to ``path`` atomically; return the path written.

    ``protect`` names input files that must never be overwritten: naming one as ``path``
    raises :class:`~govinfo_report.WriteError` and leaves it untouched.
    """
    return _io.atomic_write(path, dumps(report).encode("utf-8"), protect=protect)


def structure_part(value: object, cls: Any) -> Any:  # noqa: ANN401 - any part of a report
    """``value`` (JSON-like) as ``cls``, strictly; ``ValueError`` when it is not one.

    For other formats that store parts of a report as JSON (the .docx identity property).
    """
    try:
        return _CONVERTER.structure(value, cls)
    except Exception as exc:  # cattrs raises groups of any error: one ValueError for all
        msg = f"not a valid {getattr(cls, '__name__', cls)}: {value!r}"
        raise ValueError(msg) from exc


def load(path: str | os.PathLike[str]) -> AnnualReport:
    """The report of a JSON file. Raises ``ReadError`` or ``ReportError``."""
    return loads(_io.read_bytes(path), source=str(Path(path)))
