"""T-TEXT, as properties: a narrative written from the report's own figures is never flagged,
and a figure planted against the tables is flagged at its sentence, naming the cell.

The narrative is written the way reports write it: many phrasings of each figure
(``新收…申请N件``, ``N件申请结转下年度``, ``制发规章1件、行政规范性文件5件``), numbers in
Arabic, with thousands separators, full-width, in Chinese numerals and rounded to 万; money in
万元 or 元; and around them distractors that must be left alone (other years, comparisons,
columns, subsets, approximations, other work).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.cells import cell_value
from govinfo_report.model import Narrative, Part
from govinfo_report.rules.narrative import narrative_findings
from govinfo_report.testing import reports

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_report.model import AnnualReport

Reading = tuple[tuple[str, ...], ...]

NEW = (("requests", "new", "total"),)
OVER = (("requests", "carried_over", "total"),)
HANDLED = (("requests", "results", "total", "total"),)
FORWARD = (("requests", "carried_forward", "total"),)
RECON = (("appeals", "reconsideration", "total"),)
LITIGATION = (
    ("appeals", "direct_litigation", "total"),
    ("appeals", "litigation_after_reconsideration", "total"),
)
DIRECT = (("appeals", "direct_litigation", "total"),)
AFTER = (("appeals", "litigation_after_reconsideration", "total"),)


def doc(row: str, column: str) -> Reading:
    return (("proactive", row, column),)


#: Sentences with their fields: each field's readings (any one may be written).
TEMPLATES: tuple[tuple[str, dict[str, tuple[Reading, ...]]], ...] = (
    ("本年度新收政府信息公开申请{a}件。", {"a": (NEW,)}),
    ("全年共收到政府信息公开申请{a}件，其中新收{b}件，上年结转{c}件。",
     {"a": (NEW, NEW + OVER), "b": (NEW,), "c": (OVER,)}),
    ("共受理申请{a}件（含上年结转{b}件）。", {"a": (NEW, NEW + OVER), "b": (OVER,)}),
    ("全年共办结政府信息公开申请{a}件，结转下年度继续办理{b}件。",
     {"a": (HANDLED,), "b": (FORWARD,)}),
    ("已依法答复{a}件，{b}件申请结转下年度办理。", {"a": (HANDLED,), "b": (FORWARD,)}),
    ("本年度共办理政府信息公开申请{a}件。", {"a": (NEW + OVER, HANDLED, NEW)}),
    ("全年制发规章{a}件、行政规范性文件{b}件。",
     {"a": (doc("regulations", "issued"),), "b": (doc("normative_documents", "issued"),)}),
    ("行政规范性文件制发{a}件，废止{b}件，截至年底现行有效{c}件。",
     {"a": (doc("normative_documents", "issued"),), "b": (doc("normative_documents", "repealed"),),
      "c": (doc("normative_documents", "in_force"),)}),
    ("现行有效规章{a}件。", {"a": (doc("regulations", "in_force"),)}),
    ("废止{a}件规章。", {"a": (doc("regulations", "repealed"),)}),
    ("因政府信息公开被申请行政复议{a}件、被提起行政诉讼{b}件。",
     {"a": (RECON,), "b": (LITIGATION,)}),
    ("涉及政府信息公开的行政诉讼中，未经复议直接起诉{a}件，复议后起诉{b}件。",
     {"a": (DIRECT,), "b": (AFTER,)}),
    ("全年作出行政许可决定{a}件，行政处罚决定{b}件，行政强制决定{c}件。",
     {"a": ((("proactive", "licensing"),),), "b": ((("proactive", "punishment"),),),
      "c": ((("proactive", "coercion"),),)}),
)  # fmt: skip

#: Sentences with an amount: the field, its cell, and the cell's unit in 元.
MONEY: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("全年收取行政事业性收费{a}。", ("proactive", "fees"), 10000),
    (
        "本年度发出收费通知的件数为{n}件，总金额为{a}。",
        ("other_matters", "fees", "notices_amount"),
        1,
    ),
    ("实际收取的总金额为{a}。", ("other_matters", "fees", "collected"), 1),
)

#: Sentences that must be left alone whatever their figure.
DISTRACTORS = (
    "新收申请较上年增加{x}件。",
    "新收申请中，自然人申请{x}件。",
    "2019年新收政府信息公开申请{x}件。",
    "其中按期办结{x}件。",
    "新收申请约{x}件。",
    "全年公开行政许可信息{x}件。",
    "清理规范性文件{x}件。",
    "办理人大代表建议{x}件。",
    "收到行政复议申请{x}件。",
    "受理行政许可申请{x}件，办结{x}件。",
    "进一步完善规章制度{x}件。",
    "近三年累计收到申请{x}件。",
    "新收申请{x}余件。",
)

_CN = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """``n`` in Chinese numerals (below 10**8): 二十五, 一百零三, 十万零五."""
    if n < 10:
        return _CN[n]
    high, low = divmod(n, 10000)
    if high:
        head = chinese(high) + "万"
        if not low:
            return head
        return head + ("零" if low < 1000 else "") + chinese(low)
    out, zero = "", False
    for power, name in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, power)
        if digit:
            out += ("零" if zero else "") + _CN[digit] + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _CN[n]
    return out[1:] if out.startswith("一十") else out


def count_forms(n: int) -> st.SearchStrategy[str]:
    forms = [
        str(n),
        f"{n:,}",
        str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    ]
    forms.append(chinese(n))
    if n >= 10000:
        rounded = (Decimal(n) / 10000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        forms.append(f"{rounded}万")
    return st.sampled_from(forms)


def money_forms(value: Decimal, unit: int) -> st.SearchStrategy[str]:
    yuan = value * unit
    return st.sampled_from([f"{yuan:f}元", f"{yuan:,f}元", f"{yuan / 10000:f}万元"])


def total(report: AnnualReport, reading: Reading) -> int:
    return sum(int(cell_value(report, key)) for key in reading)


@st.composite
def consistent(draw: st.DrawFn) -> tuple[AnnualReport, list[str]]:
    """A report and sentences agreeing with its tables, with distractors among them."""
    report = draw(reports(max_count=200_000))
    sentences = []
    for text, fields in draw(st.lists(st.sampled_from(TEMPLATES), min_size=1, max_size=6)):
        values = {}
        for name, readings in fields.items():
            reading = draw(st.sampled_from(readings))
            values[name] = draw(count_forms(total(report, reading)))
        sentences.append(text.format(**values))
    for text, key, unit in draw(st.lists(st.sampled_from(MONEY), max_size=2)):
        value = cell_value(report, key)
        assert isinstance(value, Decimal)
        n = report.other_matters.fees.notices
        sentences.append(text.format(a=draw(money_forms(value, unit)), n=n))
    if report.requests.new.total == 0:
        sentences.append("本年度未收到政府信息公开申请。")
    if report.other_matters.fees.collected == 0:
        sentences.append("本年度未收取信息处理费。")
    sentences.extend(
        text.format(x=draw(st.integers(0, 100_000)))
        for text in draw(st.lists(st.sampled_from(DISTRACTORS), max_size=4))
    )
    return report, draw(st.permutations(sentences))


def with_narrative(
    report: AnnualReport, sentences: list[str], split: Callable[[list[str]], list[str]]
) -> AnnualReport:
    part = Part(title="依申请公开", paragraphs=tuple(split(sentences)))
    return attrs.evolve(report, overview=Narrative(parts=(part,)))


def one_paragraph(sentences: list[str]) -> list[str]:
    return ["".join(sentences)]


def each_paragraph(sentences: list[str]) -> list[str]:
    return sentences


@given(consistent(), st.sampled_from([one_paragraph, each_paragraph]))
def test_consistent_narrative_is_never_flagged(
    drawn: tuple[AnnualReport, list[str]], split: Callable[[list[str]], list[str]]
) -> None:
    report, sentences = drawn
    assert narrative_findings(with_narrative(report, sentences, split)) == []


@given(reports(max_count=200_000), st.sampled_from(TEMPLATES), st.data())
def test_planted_figure_is_flagged_at_its_sentence(
    report: AnnualReport, template: tuple[str, dict[str, tuple[Reading, ...]]], data: st.DataObject
) -> None:
    text, fields = template
    planted = data.draw(st.sampled_from(sorted(fields)))
    values = {name: str(total(report, readings[0])) for name, readings in fields.items()}
    candidates = {total(report, reading) for reading in fields[planted]}
    wrong = max(candidates) + data.draw(st.integers(1, 50))
    values[planted] = str(wrong)
    sentence = text.format(**values)
    filler = "全年主动公开政府信息1234条。"
    report = with_narrative(report, [filler, sentence], each_paragraph)
    findings = narrative_findings(report)
    assert len(findings) == 1
    (finding,) = findings
    assert finding.code == "T-TEXT"
    assert finding.found == wrong
    assert finding.place.path == "$.overview.parts[0].paragraphs[1]"
    assert sentence in finding.message_zh
    assert sentence in finding.message_en
    cells = {".".join(key) for reading in fields[planted] for key in reading}
    assert {c.removeprefix("$.") for c in finding.cells} == cells
    assert finding.expected == total(report, fields[planted][0])


@given(reports(max_count=200_000), st.sampled_from(MONEY), st.data())
def test_planted_amount_is_flagged(
    report: AnnualReport, money: tuple[str, tuple[str, ...], int], data: st.DataObject
) -> None:
    text, key, unit = money
    value = cell_value(report, key)
    assert isinstance(value, Decimal)
    wrong = value + data.draw(st.integers(1, 1000))
    sentence = text.format(
        a=f"{wrong:f}{'万元' if unit == 10000 else '元'}", n=report.other_matters.fees.notices
    )
    findings = narrative_findings(with_narrative(report, [sentence], each_paragraph))
    assert [(f.found, f.expected) for f in findings] == [(wrong, value)]
