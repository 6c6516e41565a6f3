"""The strict path of reading report JSON (private): every cell and rule, every problem named.

The cell walk visits every table cell once (values, findings with the official labels, a
cleaned copy); the sum rules run on the values; the cleaned copy is then structured, and
cattrs's errors become findings at their JSON paths. Slow and thorough: it runs when the
fast path (:mod:`._fast`) cannot prove a document sound.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Final

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from govinfo_report.cells import CELLS, Cell, CellKey, cells_of
from govinfo_report.errors import ReportError
from govinfo_report.findings import (
    MAX_FINDINGS,
    Finding,
    Place,
    make_finding,
    more_finding,
    rebase,
)
from govinfo_report.formats.json._converter import (
    CONVERTER,
    ENVELOPE,
    FORMAT,
    READ_VERSIONS,
    SCHEMA_VERSION,
    LimitError,
    StrictTypeError,
    edition_of,
)
from govinfo_report.labels import APPLICANT_COLUMNS
from govinfo_report.model import EDITIONS, AnnualReport
from govinfo_report.model._fields import too_many
from govinfo_report.model.report import edition_year_finding, year_finding
from govinfo_report.rules.catalogue import (
    check_cell,
    complete_totals,
    evaluate,
    fee_findings,
    sum_rules,
)

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["MISSING", "REQUIRED_SECTIONS", "check_head", "check_slow", "upgrade"]

#: Report fields the cell walk does not reach but a document must have.
REQUIRED_SECTIONS: Final = ("organ", "overview", "problems")

MISSING: Final = object()
#: The cells of each edition grouped by the object that holds them, in print order.
_CONTAINER_CELLS: Final = {
    edition: tuple(
        tuple(group) for _, group in itertools.groupby(cells_of(edition), key=lambda c: c.key[:-1])
    )
    for edition in EDITIONS
}
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
    fmt = data.get("format", MISSING)
    if fmt != FORMAT:
        findings.append(
            make_finding(
                "S-FORMAT",
                Place(path="$.format"),
                expected=FORMAT,
                **({} if fmt is MISSING else {"found": fmt}),
                detail=(f"format 应为 “{FORMAT}”", f'"format" must be "{FORMAT}"'),
            )
        )
    version = data.get("schema_version", MISSING)
    if type(version) is not int or version not in READ_VERSIONS:
        findings.append(
            make_finding(
                "S-FORMAT",
                Place(path="$.schema_version"),
                expected=SCHEMA_VERSION,
                **({} if version is MISSING else {"found": version}),
                detail=(
                    f"schema_version 应为 {'或'.join(map(str, READ_VERSIONS))}",
                    f'"schema_version" must be {" or ".join(map(str, READ_VERSIONS))}',
                ),
            )
        )
    edition = data.get("edition", MISSING)
    if type(edition) is not str or edition not in EDITIONS:
        quoted = ", ".join(f'"{e}"' for e in EDITIONS)
        findings.append(
            make_finding(
                "S-FORMAT",
                Place(path="$.edition"),
                expected=next(iter(EDITIONS)),
                **({} if edition is MISSING else {"found": edition}),
                detail=(
                    f"edition 应为 {'、'.join(f'“{e}”' for e in EDITIONS)}",
                    f'"edition" must be one of {quoted}',
                ),
            )
        )
    return findings


def _check_year(data: dict[str, Any]) -> list[Finding]:
    year = data.get("year", MISSING)
    if year is MISSING:
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
            child = node.get(name, MISSING) if node is not None else MISSING
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
        if child is MISSING and prefix in _COMPUTED_CONTAINERS:
            return  # a stated total row is optional on input
        self.reported.add(prefix)
        place = Place(path=_path(prefix))
        if child is MISSING:
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
        raw = node.get(leaf, MISSING) if node is not None else MISSING
        zero: int | str = 0 if cell.kind == "count" else "0"
        if cell.computed:
            target.pop(leaf, None)
            if raw is MISSING:
                return
        elif raw is MISSING:
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
    for cells in _CONTAINER_CELLS[edition_of(data)]:
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
                for key in sorted(set(total) - set(APPLICANT_COLUMNS), key=str)
            )


def _at(data: object, path: tuple[str | int, ...]) -> object:
    """The value at ``path`` in ``data``, or ``MISSING``."""
    node = data
    for step in path:
        if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            continue
        if not isinstance(node, dict) or step not in node:
            return MISSING
        node = node[step]
    return node


def _finding_from_leaf(
    exc: BaseException, path: tuple[str | int, ...], data: object = MISSING
) -> list[Finding]:
    place = Place(path=_path(path))
    if isinstance(exc, ReportError):
        out = []
        for f in exc.findings:  # the model's paths are relative to the object made at ``path``
            field = f.place.path.removeprefix("$").removeprefix(".")
            parts = field.split(".") if field else []
            out.append(rebase(f, attrs.evolve(f.place, path=_path((*path, *parts)))))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = sorted(exc.extra_fields, key=str)
        out = [
            make_finding("S-UNKNOWN", Place(path=_path((*path, str(key)))))
            for key in keys[:MAX_FINDINGS]
        ]
        if len(keys) > MAX_FINDINGS:
            out.append(more_finding(len(keys) - MAX_FINDINGS))
        return out
    if isinstance(exc, LimitError):
        return [too_many(place.path, exc.value)]
    if isinstance(exc, KeyError):
        return [make_finding("S-MISSING", place)]
    if isinstance(exc, StrictTypeError):
        return [make_finding("S-TYPE", place, found=exc.value, detail=(exc.zh, exc.en))]
    return [_not_an_object(place, _at(data, path))]


def _not_an_object(place: Place, value: object) -> Finding:
    """A model object structured from something else: the object due, and what was found.

    (A list or a number where a section or a part is due.)
    """
    if value is MISSING:
        return make_finding("S-TYPE", place, detail=("有效的值", "a valid value"))
    if not isinstance(value, dict):
        return make_finding("S-TYPE", place, found=value, detail=("对象", "an object"))
    return make_finding("S-TYPE", place, found=value, detail=("有效的值", "a valid value"))


def _findings_from_cattrs(
    exc: BaseException, path: tuple[str | int, ...], data: object = MISSING
) -> list[Finding]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        out = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            step = note.index if isinstance(note, IterableValidationNote) else note.name
            out.extend(_findings_from_cattrs(sub, (*path, step), data))
        for sub in without:
            out.extend(_findings_from_cattrs(sub, path, data))
        return out
    return _finding_from_leaf(exc, path, data)


def _structure(clean: dict[str, Any]) -> tuple[AnnualReport | None, list[Finding]]:
    body = {k: v for k, v in clean.items() if k not in ENVELOPE}
    try:
        return CONVERTER.structure(body, AnnualReport), []
    except (ClassValidationError, IterableValidationError) as exc:
        return None, _findings_from_cattrs(exc, (), body)
    except ReportError as exc:
        return None, list(exc.findings)


# --- Both paths ------------------------------------------------------------------------


def check_head(data: dict[str, Any]) -> list[Finding]:
    """The envelope, the year and the sections outside the tables: cheap, and always run."""
    findings = _check_envelope(data)
    if not any(f.place.path == "$.edition" for f in findings):
        findings += _check_year(data)  # the year's range depends on the edition
    findings += [
        make_finding("S-MISSING", Place(path=f"$.{name}"))
        for name in REQUIRED_SECTIONS
        if name not in data
    ]
    return findings


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """A version-1 document in the current layout (a shallow copy; others as they are).

    Version 1 held the preface as one string: it becomes a list of one paragraph, and an
    empty string (nothing printed) the empty list. Any other value is left for the checks.
    """
    if data.get("schema_version") != 1 or type(data.get("schema_version")) is not int:
        return data
    preface = data.get("preface", MISSING)
    if not isinstance(preface, str):
        return data
    return {**data, "preface": [preface] if preface else []}


def check_slow(data: object) -> tuple[AnnualReport | None, list[Finding]]:
    """The slow path: every cell and rule checked, each finding with its place and labels.

    The report is then structured from a cleaned copy (see :func:`_check_cells`).
    """
    if not isinstance(data, dict):
        finding = make_finding("S-TYPE", Place(path="$"), found=data, detail=("对象", "an object"))
        return None, [finding]
    findings = check_head(data)
    values, cell_findings, clean = _check_cells(data)
    findings += cell_findings
    complete_totals(values, edition_of(data))
    findings += evaluate(values, sum_rules(edition_of(data)))
    report, structure_findings = _structure(clean)
    seen = {f.place.path for f in findings}
    for f in structure_findings:
        if f.code in ("B-BALANCE", "A-NONNEG") or f.place.path in seen:
            continue  # the cell walk reports these, with their labels
        findings.append(f)
    findings += fee_findings(values)
    edition = edition_year_finding(data.get("edition"), data.get("year"))
    if edition is not None:
        findings.append(edition)
    return report, findings
