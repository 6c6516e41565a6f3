"""Findings: what a check says about a report, as data.

A :class:`Finding` is a frozen record with value equality: the rule code of the format's
section 6 (or a structural ``S-`` code), the place (JSON path plus the table, row and column
by their official labels), the expected and found values, and a message in Chinese and in
English. The code and the numbers are the contract; the wording is presentation.

>>> place = Place(path="$.requests.new.total", table="三",
...               row="一、本年新收政府信息公开申请数量", column="总计")
>>> f = make_finding("B-ROWTOTAL", place, expected=5, found=6)
>>> f.code, f.severity, f.expected, f.found
('B-ROWTOTAL', <Severity.ERROR: 'error'>, 5, 6)
>>> print(f.message_zh)  # the table named as the format names it, by its section
第三部分（收到和处理政府信息公开申请情况）表格...：总计应为各类申请人之和 5，实际为 6［B-ROWTOTAL］
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from decimal import Decimal
from importlib import resources
from typing import Final, TypeAlias

import attrs

from govinfo_report import _json, labels

__all__ = [
    "MAX_FINDINGS",
    "RULES",
    "Finding",
    "Place",
    "Rule",
    "Severity",
    "capped",
    "make_finding",
    "more_finding",
    "rebase",
]

Value: TypeAlias = int | Decimal | str | None


class Severity(enum.StrEnum):
    """How serious a finding is: errors make a report unsound; warnings and notes do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Place:
    """Where a finding is: a JSON path and, for table cells, the official labels."""

    path: str
    table: str | None = None
    row: str | None = None
    column: str | None = None

    def describe(self, lang: str = "zh") -> str:
        """The place in words, in Chinese (``zh``) or English (``en``).

        In Chinese a table is named as the format names it, by its section (a clerk reads
        “表三” as the third table, which is Table B): ``第三部分（收到和处理政府信息公开申请
        情况）表格``; an identity item or a section by its name, never by a JSON path.

        >>> Place(path="$.requests.new.total", table="三", row="一、本年新收政府信息公开申请数量",
        ...       column="总计").describe()
        '第三部分（收到和处理政府信息公开申请情况）表格“一、本年新收政府信息公开申请数量”行“总计”列'
        >>> Place(path="$.date").describe(), Place(path="$.problems").describe()
        ('成文日期', '第五部分（存在的主要问题及改进情况）')
        """
        # The fee figures stand in the prose of section 六, not in a table.
        in_prose = self.table == "六"
        if lang == "en":
            parts = []
            if self.table:
                parts.append(f"section {self.table}" if in_prose else f"table {self.table}")
            if self.row:
                parts.append(f'row "{self.row}"')
            if self.column:
                parts.append(f'column "{self.column}"')
            return ", ".join(parts) if parts else self.path
        text = ""
        if self.table:
            text += _TABLE_NAMES.get(self.table, f"表{self.table}")
        if self.row:
            text += f"“{self.row}”行"
        if self.column:
            text += f"“{self.column}”列"
        return text or _PATH_NAMES.get(self.path, self.path)


def _section_name(key: str) -> str:
    label = labels.SECTIONS[key]
    return f"第{label.number.rstrip('、')}部分（{label.text}）"


#: Tables as the format names them, by their section; section 六's fee figures are prose.
_TABLE_NAMES: Final = {
    **{table: f"{_section_name(key)}表格" for key, table in labels.TABLES.items()},
    "六": _section_name("other_matters"),
}
#: Places without a table, by what they are (never a JSON path in a Chinese message).
_PATH_NAMES: Final = {
    "$.organ": "发文机关",
    "$.year": "年度",
    "$.title": "标题",
    "$.date": "成文日期",
    "$.preface": "开头段",
    "$.edition": "格式版本",
    **{f"$.{key}": _section_name(key) for key in labels.SECTIONS},
}


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the format (section 6) or of the file format: its code and its wording."""

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    template_zh: str
    template_en: str


def _load_rules() -> dict[str, Rule]:
    """The rule catalogue, ``rules/codes.csv``: one row per rule (code, severity, wording)."""
    text = (resources.files("govinfo_report.rules") / "codes.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return {
        row["code"]: Rule(
            code=row["code"],
            severity=Severity(row["severity"]),
            title_zh=row["title_zh"],
            title_en=row["title_en"],
            template_zh=row["template_zh"],
            template_en=row["template_en"],
        )
        for row in rows
    }


#: Every rule this library reports, keyed by code, from the catalogue ``rules/codes.csv``
#: (one row per rule). Templates take ``where``, ``expected``, ``found`` and ``detail``.
RULES: Final = _load_rules()


@attrs.frozen(kw_only=True)
class Finding:
    """One problem or observation: rule code, place, expected and found, messages."""

    code: str
    severity: Severity
    place: Place
    expected: Value = None
    found: Value = None
    message_zh: str
    message_en: str
    cells: tuple[str, ...] = ()

    def message(self, lang: str = "zh") -> str:
        """The message in Chinese (``zh``, the default) or English (``en``)."""
        return self.message_en if lang == "en" else self.message_zh

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict; numbers stay numbers, amounts become decimal strings."""
        return _json.unstructure(self)  # type: ignore[no-any-return]  # the layout below


def _layout(f: Finding) -> dict[str, object]:
    """A finding as JSON: its place flattened beside the code and the values."""
    return {
        "code": f.code,
        "severity": f.severity.value,
        "path": f.place.path,
        "table": f.place.table,
        "row": f.place.row,
        "column": f.place.column,
        "expected": f.expected,
        "found": f.found,
        "message_zh": f.message_zh,
        "message_en": f.message_en,
        "cells": f.cells,
    }


_json.register(Finding, _layout)


#: Characters a message shows escaped (as ``\\u2028``): controls, separators, invisible and
#: direction-changing characters, lone surrogates. Each is escaped alone; the rest stays.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
#: The longest value a message shows; a longer one is cut, saying how long it was.
MAX_SHOWN: Final = 120
#: Integers up to this many bits are shown in full (any count the model accepts is).
_MAX_SHOWN_BITS: Final = 200


def _escape(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _cut(text: str) -> str:
    if len(text) <= MAX_SHOWN:
        return text
    return f"{text[:MAX_SHOWN]}…（{len(text)}）"


def _scalar(value: object) -> str | None:
    """JSON's spelling of a scalar (a huge integer by its length), or None."""
    spelled = {None: "null", True: "true", False: "false"}
    if value is None or isinstance(value, bool):
        return spelled[value]
    if isinstance(value, int):
        if value.bit_length() > _MAX_SHOWN_BITS:
            digits = int(value.bit_length() * 0.30103) + 1
            return f"<{'-' if value < 0 else ''}~{digits} digits>"
        return str(value)
    if isinstance(value, Decimal | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value[: MAX_SHOWN + 1], ensure_ascii=False)
    return None


def _preview(value: object, budget: list[int]) -> str:
    """The JSON spelling of ``value`` (``null``, ``{"a": 1}``), bounded in size and depth."""
    budget[0] -= 1
    if budget[0] < 0:
        return "…"
    scalar = _scalar(value)
    if scalar is not None:
        return scalar
    if isinstance(value, dict | list | tuple):
        pairs = value.items() if isinstance(value, dict) else ((None, v) for v in value)
        inner = []
        for k, v in pairs:
            if budget[0] <= 0:
                inner.append("…")
                break
            key = "" if k is None else f"{_preview(str(k), budget)}: "
            inner.append(key + _preview(v, budget))
        brackets = "{}" if isinstance(value, dict) else "[]"
        return brackets[0] + ", ".join(inner) + brackets[1]
    return type(value).__name__


def _show(value: object) -> str:
    """A value as a message shows it: JSON's spelling, escaped, at most ``MAX_SHOWN`` long."""
    if value is _ABSENT:
        return "（空）"
    if isinstance(value, str):
        shown = _cut(value)
        return _escape(json.dumps(shown, ensure_ascii=False))
    return _escape(_cut(_preview(value, [32])))


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


#: The ``found`` of a finding about a value that is not there at all.
_ABSENT: Final = _Absent()


def make_finding(  # noqa: PLR0913 - every argument is a field of the record
    code: str,
    place: Place,
    *,
    expected: Value = None,
    found: object = _ABSENT,
    detail: tuple[str, str] = ("", ""),
    cells: tuple[str, ...] = (),
    severity: Severity | None = None,
) -> Finding:
    """Build a finding of rule ``code``, with both messages from the rule's templates.

    ``detail`` is a (Chinese, English) pair filling the templates' ``detail`` slot.
    ``found`` may be any value seen in the input (``None`` is JSON's ``null``; leave it out
    when there was no value); a value that is not a number or a string is kept as its
    (bounded) JSON spelling, as are integers too long to show.
    """
    rule = RULES[code]
    shown_found = _show(found)
    fields = {
        "expected": _show(_ABSENT if expected is None else expected),
        "found": shown_found,
        "detail": detail[0],
        "detail_en": detail[1],
    }
    fields_en = {**fields, "found": "nothing" if found is _ABSENT else shown_found}
    fields_en["expected"] = "nothing" if expected is None else fields["expected"]
    found_value: Value
    if found is _ABSENT or found is None:
        found_value = None
    elif isinstance(found, int) and not isinstance(found, bool):
        found_value = found if found.bit_length() <= _MAX_SHOWN_BITS else shown_found
    elif isinstance(found, Decimal | str):
        found_value = found
    else:
        found_value = shown_found
    return Finding(
        code=code,
        severity=severity or rule.severity,
        place=place,
        expected=expected,
        found=found_value,
        message_zh=rule.template_zh.format(where=place.describe("zh"), **fields) + f"［{code}］",
        message_en=rule.template_en.format(where=place.describe("en"), **fields_en) + f" [{code}]",
        cells=cells,
    )


#: At most this many findings are listed for one document; the rest are counted in one
#: S-LIMIT finding (see :func:`capped`).
MAX_FINDINGS: Final = 1000


def capped(findings: list[Finding], limit: int = MAX_FINDINGS) -> list[Finding]:
    """The first ``limit`` findings, and one S-LIMIT finding counting the rest, if any.

    The S-LIMIT finding is an error when any finding left out is one.
    """
    if len(findings) <= limit:
        return findings
    rest = findings[limit:]
    error = any(f.severity is Severity.ERROR for f in rest)
    # An S-LIMIT finding among the rest already counts the problems it stands for.
    count = sum(f.found if f.code == "S-LIMIT" and isinstance(f.found, int) else 1 for f in rest)
    return [*findings[:limit], more_finding(count, limit=limit, error=error)]


def more_finding(rest: int, *, limit: int = MAX_FINDINGS, error: bool = True) -> Finding:
    """S-LIMIT: ``rest`` more problems were found than are listed."""
    return make_finding(
        "S-LIMIT",
        Place(path="$"),
        found=rest,
        detail=(
            f"另有 {rest} 处问题未列出（最多列出 {limit} 处）",
            f"{rest} more problems not listed (at most {limit} are listed)",
        ),
        severity=Severity.ERROR if error else Severity.WARNING,
    )


def rebase(finding: Finding, place: Place) -> Finding:
    """The same finding at another place (messages keep their wording after the place)."""
    old_zh, old_en = finding.place.describe("zh"), finding.place.describe("en")
    zh, en = finding.message_zh, finding.message_en
    if zh.startswith(old_zh):
        zh = place.describe("zh") + zh[len(old_zh) :]
    if en.startswith(old_en):
        en = place.describe("en") + en[len(old_en) :]
    return attrs.evolve(finding, place=place, message_zh=zh, message_en=en)
