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
>>> print(f.message_zh)
表三“一、本年新收政府信息公开申请数量”行“总计”列：总计应为各类申请人之和 5，实际为 6［B-ROWTOTAL］
"""

from __future__ import annotations

import enum
import json
import re
from decimal import Decimal
from typing import Final, TypeAlias

import attrs

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
        """The place in words, in Chinese (``zh``) or English (``en``)."""
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
            text += f"第{self.table}部分" if in_prose else f"表{self.table}"
        if self.row:
            text += f"“{self.row}”行"
        if self.column:
            text += f"“{self.column}”列"
        return text or self.path


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the format (section 6) or of the file format: its code and its wording."""

    code: str
    severity: Severity
    title_zh: str
    title_en: str
    template_zh: str
    template_en: str


def _rule(code: str, severity: Severity, title: tuple[str, str], tpl: tuple[str, str]) -> Rule:
    return Rule(
        code=code,
        severity=severity,
        title_zh=title[0],
        title_en=title[1],
        template_zh=tpl[0],
        template_en=tpl[1],
    )


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every rule this library reports, keyed by code. Templates take ``where``, ``expected``,
#: ``found`` and ``detail``.
RULES: Final = {
    r.code: r
    for r in (
        _rule(
            "A-NONNEG",
            _E,
            (
                "数值应为非负整数或非负金额",
                "counts are non-negative integers, amounts non-negative",
            ),
            (
                "{where}：应为{detail}，实际为 {found}",
                "{where}: must be {detail_en}, found {found}",
            ),
        ),
        _rule(
            "B-ROWTOTAL",
            _E,
            ("总计列等于各申请人之和", "the 总计 column is the sum of the applicant columns"),
            (
                "{where}：总计应为各类申请人之和 {expected}，实际为 {found}",
                (
                    "{where}: the total should be the sum of the six applicant columns, "
                    "{expected}, but is {found}"
                ),
            ),
        ),
        _rule(
            "B-HANDLED",
            _E,
            ("（七）总计等于（一）至（六）之和", "（七）总计 is the sum of results （一）-（六）"),
            (
                "{where}：（七）总计应为（一）至（六）各项之和 {expected}，实际为 {found}",
                (
                    "{where}: （七）总计 should be the sum of results （一） to （六）, "
                    "{expected}, but is {found}"
                ),
            ),
        ),
        _rule(
            "B-BALANCE",
            _E,
            ("勾稽关系：一加二等于三（七）加四", "balance: 一 + 二 = 三（七） + 四"),
            (
                "{where}：第一项加第二项之和（{found}）应等于第三项加第四项之和（{expected}）",
                "{where}: 一 + 二 ({found}) should equal 三（七）总计 + 四 ({expected})",
            ),
        ),
        _rule(
            "C-TOTAL",
            _E,
            ("复议诉讼总计等于四项之和", "each Table C 总计 is the sum of its four results"),
            (
                (
                    "{where}：总计应为结果维持、结果纠正、其他结果、尚未审结之和 {expected}，"
                    "实际为 {found}"
                ),
                (
                    "{where}: the total should be upheld + corrected + other + pending, "
                    "{expected}, but is {found}"
                ),
            ),
        ),
        _rule(
            "X-CARRY",
            _W,
            ("本年上年结转等于上年结转下年度", "carried over equals last year's carried forward"),
            (
                "{where}：应等于上年报告的“四、结转下年度继续办理” {expected}，实际为 {found}",
                (
                    "{where}: should equal last year's 四、结转下年度继续办理, "
                    "{expected}, but is {found}"
                ),
            ),
        ),
        _rule(
            "X-STOCK",
            _W,
            ("现行有效件数的延续", "stock in force carries over"),
            (
                "{where}：上年现行有效件数加本年制发减本年废止应为 {expected}，实际为 {found}",
                (
                    "{where}: last year's stock + issued - repealed should be "
                    "{expected}, but is {found}"
                ),
            ),
        ),
        _rule(
            "F-FEES",
            _W,
            ("信息处理费数据一致", "information-processing fee figures agree"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "T-TEXT",
            _W,
            ("正文数字与表格一致", "the narrative's figures agree with the tables"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "X-JUMP",
            _I,
            ("关键数据较上年变化过大", "a key figure changed sharply from last year"),
            (
                "{where}：由上年的 {expected} 变为 {found}，{detail}",
                "{where}: {expected} last year, {found} this year, {detail_en}",
            ),
        ),
        _rule(
            "X-SERIES",
            _I,
            ("年度序列不连续", "a gap or duplicate in a series of years"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "X-COPY",
            _I,
            ("内容雷同", "copied text"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "X-TOTAL",
            _W,
            ("汇总报告等于各单位之和", "a published total equals the sum of its units"),
            (
                "{where}：各单位之和为 {expected}，汇总报告为 {found}",
                "{where}: the units sum to {expected}, the published total is {found}",
            ),
        ),
        _rule(
            "X-UNITS",
            _W,
            ("汇总所含单位", "the units of a total"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "S-FORMAT",
            _E,
            ("不是本格式的年报数据", "not a report of a supported format"),
            ("{where}：{detail}，实际为 {found}", "{where}: {detail_en}, found {found}"),
        ),
        _rule(
            "S-MISSING",
            _E,
            ("缺少必填项", "a required key is missing"),
            ("{where}：缺少必填项", "{where}: required key is missing"),
        ),
        _rule(
            "S-UNKNOWN",
            _E,
            ("未知的键", "unknown key"),
            ("{where}：未知的键", "{where}: unknown key"),
        ),
        _rule(
            "S-TYPE",
            _E,
            ("类型错误", "wrong type"),
            (
                "{where}：应为{detail}，实际为 {found}",
                "{where}: must be {detail_en}, found {found}",
            ),
        ),
        _rule(
            "S-VALUE",
            _E,
            ("取值无效", "invalid value"),
            ("{where}：{detail}，实际为 {found}", "{where}: {detail_en}, found {found}"),
        ),
        _rule(
            "S-LIMIT",
            _E,
            ("超出本库的上限", "beyond a limit of this library"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "R-LABEL",
            _I,
            ("标签按近似写法识别", "a label was matched loosely"),
            (
                "{where}：标签 {found} 按 {expected} 识别",
                "{where}: label {found} read as {expected}",
            ),
        ),
        _rule(
            "R-EMBED",
            _E,
            (
                "网页显示的内容与其内嵌数据不一致",
                "a web page shows something other than its embedded data",
            ),
            (
                "{where}：网页显示 {found}，内嵌数据为 {expected}",
                "{where}: the page shows {found}, its embedded data {expected}",
            ),
        ),
        _rule(
            "R-MISSING",
            _E,
            ("发布的报告缺少表格、行或单元格", "the published report lacks a table, row or cell"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "R-IDENTITY",
            _W,
            (
                "标题、落款与统计期限所示机关或年度不一致",
                "the title, signature and period disagree on the organ or year",
            ),
            (
                "{where}：{detail}：应为 {expected}，实际为 {found}",
                "{where}: {detail_en}: expected {expected}, found {found}",
            ),
        ),
        _rule(
            "R-IMPLIED",
            _I,
            ("未印出的单元格按 0 计", "cells the page leaves out are read as 0"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
        _rule(
            "R-UNREAD",
            _W,
            ("未能识别的内容", "content that could not be understood"),
            (
                "{where}：未能识别的内容 {found}{detail}",
                "{where}: content not understood: {found}{detail_en}",
            ),
        ),
        _rule(
            "R-SHEET",
            _W,
            ("工作簿与填报模板不符", "the workbook departs from the template"),
            ("{where}：{detail}", "{where}: {detail_en}"),
        ),
    )
}


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
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.place.path,
            "table": self.place.table,
            "row": self.place.row,
            "column": self.place.column,
            "expected": _jsonable(self.expected),
            "found": _jsonable(self.found),
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "cells": list(self.cells),
        }


def _jsonable(value: Value) -> int | str | None:
    if isinstance(value, Decimal):
        return str(value)
    return value


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
