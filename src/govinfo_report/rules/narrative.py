r"""T-TEXT: the narrative against the tables (正文与表格不一致).

Why one module: T-TEXT is one rule: its phrases and the matching of a narrative's figures to
cells belong together.

Reports often state a figure in their text that their own table contradicts: a preface or
section 一 saying ``现行有效行政规范性文件393件`` beside a Table 二 that prints 470. This
module reads the figures that follow the phrases of :mod:`govinfo_report.rules.phrases` —
each naming one cell or one sum of cells — and warns (T-TEXT) when a figure agrees with no
reading of its phrase. Everything else is left alone: figures of other years, comparisons
(``较上年增加5件``), shares and approximations (``约``, ``余``, ``左右``), columns and
subsets (``自然人申请``, ``按期办结``), and phrases that are not in the table.

Numbers are read as reports write them: ``25``, ``1,234``, ``２５``, ``二十五``, ``1.2万``,
``12.5万元``, ``1250元``; a rounded figure agrees with the cell it rounds.

>>> from govinfo_report import AnnualReport
>>> from govinfo_report.model import ApplicantCounts, Narrative, Requests
>>> text = "2023年共收到政府信息公开申请30件，其中新收25件，上年结转3件。"
>>> report = AnnualReport(
...     organ="某县教育局", year=2023, overview=Narrative(opening=(text,)),
...     requests=Requests(new=ApplicantCounts(natural_person=25),
...                       carried_over=ApplicantCounts(natural_person=2),
...                       carried_forward=ApplicantCounts(natural_person=27)))
>>> for f in narrative_findings(report):
...     print(f.code, f.place.row, f.place.column, f.expected, f.found)
T-TEXT 一、本年新收政府信息公开申请数量 总计 25 30
T-TEXT 二、上年结转政府信息公开申请数量 总计 2 3
>>> print(narrative_findings(report)[1].message_zh.replace(text, "…"))
第三部分...表格“二、上年结转政府信息公开申请数量”行“总计”列：...中“…”写作“3件”，表中为 2［T-TEXT］

The figure 30 agrees neither with 一 (25) nor with 一 + 二 (27), the two readings of
``收到…申请N件``; 25 (``新收``) agrees with 一.
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import re
import sys
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import TYPE_CHECKING, Any, Final

import attrs

from govinfo_report import labels
from govinfo_report.cells import CELL_BY_KEY, CellKey, cell_by_key, cell_value
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.rules.catalogue import own_key
from govinfo_report.rules.phrases import (
    DOCUMENT_OBJECTS,
    PHRASES,
    TOPICS,
    ZERO_PHRASES,
    Phrase,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from govinfo_report.model import AnnualReport

__all__ = [
    "Paragraph",
    "check_narrative",
    "may_state",
    "narrative_findings",
    "paragraphs_of",
    "stating",
    "stating_at",
]

Number = int | Decimal


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of narrative: its path, its section (model field) and the part's title."""

    path: str
    section: str
    text: str
    title: str = ""


_SENTENCE: Final = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_CLAUSE_END: Final = "，,；;：:、（）()。！？!?\n"
_ZERO_CLAUSE_END: Final = "，,；;：:（）()。！？!?\n"
_STOPS: Final = {
    stops: re.compile(f"[{re.escape(stops)}]") for stops in (_CLAUSE_END, _ZERO_CLAUSE_END)
}
_CN_DIGITS: Final = "零〇一二两三四五六七八九十百千万亿"
#: A figure and its unit: ``num`` a number (``1,240.00``, ``17``) or a Chinese numeral (then
#: ``cn`` is not None), ``mult`` 万 or 亿. Its first character is taken by a character class
#: and the rest of the number follows by what it was (a digit or a Chinese numeral's): a
#: pattern that begins with a class lets ``re`` pass over every position without one in C,
#: where ``\d{1,3}...|\d+...|[...]+`` was tried at each (the same matches, proved on any
#: text by tests/property/test_narrative_filters.py).
_FIGURE: Final = re.compile(
    r"(?P<num>[\d" + _CN_DIGITS + r"]"
    r"(?:(?<=\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
    r"|(?P<cn>(?<=[" + _CN_DIGITS + r"])[" + _CN_DIGITS + r"]*)))"
    r"\s*(?P<mult>万|亿)?\s*(?P<unit>件|宗|起|个|份|部|元)"
)
_CN_UNITS: Final = frozenset("件宗起元")
_BAD_BEFORE: Final = frozenset("第每数几逾近约余多若")
_BAD_TAIL: Final = re.compile(r"^(?:次|余|多|左右|以上|以下|上下|以内|/|[" + _CN_DIGITS + "])")
#: Words that make a figure something other than this year's value of the cell.
_NOT_THIS: Final = re.compile(
    r"去年|上一?年(?!度?(?:结转|转入))|前年|同期|同比|环比|较|比上|增加|增长|减少|下降|上升|提高"
    r"|降低|翻番|累计|以来|历年|近[\d一二三四五六七八九十]+年|分别|平均|月均|日均|人均"
    r"|每[月年日天周]|约|近|超过|逾|不足|将近|多达|至少|最多|上半年|下半年|季度|(?<!12)月"
    r"|以上|以下|以内|预计|计划|目标|力争|拟|将"
)
_YEAR: Final = re.compile(r"(?<!\d)(\d{4})\s*年|([〇零一二三四五六七八九]{4})年")
_AFTER_GAP: Final = re.compile(r"(?:政府信息公开申请|申请|案件)?(?:均|已经|已|全部|依法|都|被)*")
_OBJECT: Final = re.compile(r"行政规范性文件|规范性文件|规章(?!制度)")
_CARRY: Final = re.compile(r"(?:其中|以及|及|和|与|\s)*(?P<object>行政规范性文件|规范性文件|规章)")
_FULLWIDTH: Final = str.maketrans("０１２３４５６７８９．", "0123456789.")
#: What ``_FULLWIDTH`` changes: a sentence without it is translated as it is (``str.translate``
#: looks every other character up in vain, at the price of an exception each).
_FULLWIDTH_CHARS: Final = re.compile("[０１２３４５６７８９．]")
#: A figure needs its unit (see ``_FIGURE``) and a zero clause its 未, 没有 or 无 (see
#: ``ZERO_PHRASES``): text with neither holds nothing T-TEXT reads, and most narrative has
#: neither, so it is passed over at once (:func:`may_state`).
_UNITS: Final = "件宗起个份部元"
_ZERO_WORD: Final = re.compile("未|没有|无")
#: A digit, as ``re.search(r"\d", text)`` finds one (that compiles it in ``re``'s cache).
_DIGIT: Final = re.compile(r"\d")


def _holds_figure(text: str) -> bool:
    r"""Whether ``_FIGURE`` has a match in ``text``: a unit with a digit or numeral before it.

    White space may stand between them. A match ends with its unit, after white space, 万 or
    亿 perhaps and white space, after the number's last character, a digit or a Chinese
    numeral (万 and 亿 are among them): so the character before a unit's white space is one
    of these. And where one is, the pattern matches from it (a digit, or a Chinese numeral,
    alone is a number). Each unit is looked for by ``find`` and the one character before it
    looked at, not every place of the text tried by the pattern, which for a date
    (``2023年1月1日起``) tries each digit with each of its followers. (``str.isspace`` and
    ``str.isdecimal`` are what ``re``'s ``\s`` and ``\d`` test in a str.)
    """
    find = text.find
    for unit in _UNITS:
        at = find(unit)
        while at >= 0:
            before = at - 1
            while before >= 0 and text[before].isspace():
                before -= 1
            if before >= 0 and (text[before].isdecimal() or text[before] in _CN_DIGITS):
                return True
            at = find(unit, at + 1)
    return False


def _has_zero_word(text: str) -> bool:
    """Whether ``_ZERO_WORD`` is found in ``text``: one ``in`` a word, not a pattern's scan."""
    return "未" in text or "无" in text or "没有" in text


def stating(texts: Sequence[str]) -> list[bool]:
    """For each of ``texts``, :func:`may_state` of it (at once: see :func:`stating_at`)."""
    found = [False] * len(texts)
    for k in stating_at(texts):
        found[k] = True
    return found


def stating_at(texts: Sequence[str]) -> list[int]:
    """The indices of ``texts`` of which :func:`may_state` is true, in order.

    Each word is looked for in all the texts joined, and a text found to have one is passed
    over for the rest: one scan a word instead of one a text and word. The texts are joined
    without a separator (the ends of the texts, summed in C, place each find): a
    one-character word lies within one text, and 没有 is found by its 有, counted only when
    the 没 before it is in the same text. 有 is looked for rather than 没 (or the pair):
    Python finds one character in text of two bytes a character by ``memchr`` of its low
    byte, and 没's (U+6CA1) is that of 务 (U+52A1), common in these reports, while 有's
    (U+6709) is a tab; a search for the pair tests every position.
    """
    if not texts:
        return []
    joined = "".join(texts)
    find = joined.find
    ends = list(itertools.accumulate(map(len, texts)))
    last = len(texts) - 1
    found: set[int] = set()
    for word in _STATING_CHARS:
        at = find(word)
        while at >= 0:
            k = bisect.bisect_right(ends, at)
            found.add(k)
            at = find(word, ends[k]) if k < last else -1
    at = find("有", 1)
    while at >= 0:
        k = bisect.bisect_right(ends, at)
        if joined[at - 1] == "没" and (k == 0 or at > ends[k - 1]):
            found.add(k)
            at = find("有", ends[k] + 1) if k < last else -1
        else:
            at = find("有", at + 1)
    return sorted(found)


#: The one-character words of :func:`may_state` (its 没有 is looked for by :func:`stating_at`
#: on its own).
_STATING_CHARS: Final = ("件", "宗", "起", "个", "份", "部", "元", "未", "无")


def may_state(text: str) -> bool:
    """Whether ``text`` may state a figure T-TEXT reads: a unit, or 未, 没有 or 无.

    Narrative without any of them gives no T-TEXT finding, whatever the tables say. (One
    ``in`` a word: Python finds a literal in a str many times faster than a regular
    expression finds one of several.)
    """
    return (
        "件" in text
        or "宗" in text
        or "起" in text
        or "个" in text
        or "份" in text
        or "部" in text
        or "元" in text
        or "未" in text
        or "无" in text
        or "没有" in text
    )


def paragraphs_of(report: AnnualReport) -> list[Paragraph]:
    """Every paragraph of ``report``'s narrative: the preface, and sections 一, 五, 六."""
    found = [
        Paragraph(path=f"$.preface[{i}]", section="preface", text=text)
        for i, text in enumerate(report.preface or ())
    ]
    for key in ("overview", "problems", "other_matters"):
        section = getattr(report, key)
        found.extend(
            Paragraph(path=f"$.{key}.opening[{i}]", section=key, text=text)
            for i, text in enumerate(section.opening)
        )
        for j, part in enumerate(section.parts):
            base = f"$.{key}.parts[{j}]"
            found.append(
                Paragraph(path=f"{base}.title", section=key, text=part.title, title=part.title)
            )
            found.extend(
                Paragraph(path=f"{base}.paragraphs[{k}]", section=key, text=text, title=part.title)
                for k, text in enumerate(part.paragraphs)
            )
    return found


def narrative_findings(report: AnnualReport) -> list[Finding]:
    """T-TEXT warnings on ``report``: figures of its narrative its own tables contradict.

    The phrases name cells of the 2021 edition; in a 2019 report, those it does not have
    (Table A's, （六）'s sub-items) are not read.
    """
    keys = {key for phrase in PHRASES for reading in phrase.readings for key in reading}
    keys |= {key for *_, readings in ZERO_PHRASES for reading in readings for key in reading}
    cells = CELL_BY_KEY if report.edition == "2021" else cell_by_key(report.edition)
    values: dict[CellKey, Number] = {}
    for key in keys:
        if "*" in key:
            for row in set(DOCUMENT_OBJECTS.values()):
                full = tuple(row if part == "*" else part for part in key)
                if full in cells:
                    values[full] = cell_value(report, full)
        elif key in cells:
            values[key] = cell_value(report, key)
    return check_narrative(paragraphs_of(report), values, year=report.year)


def check_narrative(
    paragraphs: Iterable[Paragraph], values: Mapping[CellKey, Number], *, year: int | None
) -> list[Finding]:
    """T-TEXT warnings on ``paragraphs`` against the cell ``values`` of a report of ``year``.

    A reading whose cells are not all in ``values`` is not applied; a figure none of whose
    readings can be applied is left alone.
    """
    findings: list[Finding] = []
    with localcontext(_CONTEXT):
        for paragraph in paragraphs:
            if not may_state(paragraph.text):
                continue
            for found in _SENTENCE.findall(paragraph.text):  # no groups: each match's text
                sentence = found.strip()
                # A sentence without a unit or a zero word gives nothing: passed over at once
                # (``_sentence`` would look for both with three regular expressions).
                if sentence and may_state(sentence):
                    findings.extend(_sentence(paragraph, sentence, values, year))
    return findings


#: The most digits of a figure T-TEXT reads: a longer run of digits states no report's figure.
_MAX_DIGITS: Final = 100
#: T-TEXT's decimal context, whatever the caller's: exact for every figure it reads (at most
#: ``_MAX_DIGITS`` digits, times 亿, divided by a phrase's 万) and every cell value of fewer
#: digits than its precision (a longer one agrees with no figure: :func:`_agrees`). In the
#: default context (28 digits) a 29-digit figure raised InvalidOperation out of ``audit``.
_CONTEXT: Final = Context(
    prec=4 * _MAX_DIGITS,
    rounding=ROUND_HALF_EVEN,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


@attrs.frozen
class _Figure:
    text: str
    value: Decimal
    quantum: Decimal
    kind: str


_SCALE: Final = {None: 1, "万": 10_000, "亿": 100_000_000}
#: ``Decimal(1)`` and ``Decimal(0)`` made once (a Decimal is immutable).
_ONE: Final = Decimal(1)
_ZERO: Final = Decimal(0)


def _figure(m: re.Match[str]) -> _Figure | None:
    raw, unit, mult = m["num"], m["unit"], m["mult"]
    if m["cn"] is not None:
        if unit not in _CN_UNITS:
            return None
        number = _chinese(raw)
        if number is None:
            return None
        value, quantum = Decimal(number), Decimal(1)
    else:
        if len(raw) - raw.count(",") - raw.count(".") > _MAX_DIGITS:
            return None
        try:
            value = Decimal(raw.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits numbers only
            return None
        # The number's exponent read from the text: the pattern admits digits, commas before
        # a point only, and digits after it, so the digits after the point are its exponent
        # (as ``value.as_tuple().exponent``, which builds a tuple of every digit, says).
        dot = raw.find(".")
        quantum = _ONE if dot < 0 else _ONE.scaleb(dot + 1 - len(raw))
    scale = _SCALE[mult]
    return _Figure(
        text=m.group(),
        value=value * scale,
        quantum=quantum * scale,
        kind="amount" if unit == "元" else "count",
    )


_CN_VALUE: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_VALUE.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN_POWER: Final = {"十": 10, "百": 100, "千": 1000}
_CN_BIG: Final = {"万": 10_000, "亿": 100_000_000}


def _chinese(text: str) -> int | None:
    """The value of a Chinese numeral (``二十五``, ``一百零三``, ``两万``), or None."""
    total, section, digit = 0, 0, None
    last_power = 10**9
    for ch in text:
        if ch in "零〇":
            if digit:
                return None  # 三零 is not a number
            digit = None  # 一百零三: the zero only holds a place
        elif ch in _CN_VALUE:
            if digit is not None:
                return None  # 二三 is not a number
            digit = _CN_VALUE[ch]
        elif ch in _CN_POWER:
            power = _CN_POWER[ch]
            if power >= last_power:
                return None
            section += (1 if digit is None else digit) * power
            digit, last_power = None, power
        else:
            big = _CN_BIG[ch]
            section += digit or 0
            if section == 0:
                return None
            total += section * big
            section, digit, last_power = 0, None, 10**9
    if digit is not None:
        section += digit
    return total + section


def _clause(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The clause around ``text[start:end]``, between the stops around it.

    From after the last stop before ``start`` to the first stop at or after ``end`` (or the
    text's ends).
    """
    pattern = _STOPS[stops]
    left = 0
    for m in pattern.finditer(text, 0, start):
        left = m.end()
    right = pattern.search(text, end)
    return left, len(text) if right is None else right.start()


#: No year other than the report's is written in the text (see :func:`_other_year_end`).
_NO_OTHER_YEAR: Final = sys.maxsize


def _other_year_end(plain: str, year: int | None) -> int:
    """Where the first year of ``plain`` other than ``year`` ends (``_NO_OTHER_YEAR``: none).

    Text before ``start`` names only the report's year when ``start`` is less than this
    (every year is another when ``year`` is None). One scan of the sentence answers for each
    of its figures and zero clauses, where a scan of each one's prefix was made before: the
    matches of ``_YEAR`` in ``plain[:start]`` are those in ``plain`` ending by ``start``. A
    match ends at a 年 and holds no other 年; what comes before that 年 (four digits with
    no digit before them and then white space, or four Chinese digits) is fixed by the 年
    alone, so matches of different 年 never overlap and each is found wherever the text
    ends after it (tests/property/test_narrative_filters.py proves it on any text).
    """
    if "年" not in plain:  # every match holds a 年
        return _NO_OTHER_YEAR
    for m in _YEAR.finditer(plain):
        found = int(m[1]) if m[1] else _chinese_year(m[2])
        if year is None or found != year:
            return m.end()
    return _NO_OTHER_YEAR


class _OtherYear:
    """A sentence's first year other than the report's: found when first asked, once."""

    __slots__ = ("_end", "_plain", "_year")

    def __init__(self, plain: str, year: int | None) -> None:
        self._plain = plain
        self._year = year
        self._end = -1  # not looked for yet

    def written_by(self, at: int) -> bool:
        """Whether a year other than the report's is written in ``plain[:at]``."""
        if self._end < 0:
            self._end = _other_year_end(self._plain, self._year)
        return at >= self._end


def _chinese_year(text: str) -> int:
    return int("".join(str(_CN_VALUE[c]) for c in text))


@attrs.frozen
class _TopicPatterns:
    """A :class:`~govinfo_report.rules.phrases.Topic`'s patterns, compiled (``None``: none).

    ``re.search(text_pattern, s)`` compiles ``text_pattern`` with no flags (looked up in
    ``re``'s cache every call); these are the same patterns, compiled once.
    """

    filler: re.Pattern[str]
    forbid: re.Pattern[str]
    context: re.Pattern[str] | None
    elsewhere: re.Pattern[str] | None


_TOPIC_PATTERNS: Final = {
    name: _TopicPatterns(
        filler=re.compile(topic.filler),
        forbid=re.compile(topic.forbid),
        context=re.compile(topic.context) if topic.context else None,
        elsewhere=re.compile(topic.elsewhere) if topic.elsewhere else None,
    )
    for name, topic in TOPICS.items()
}


@attrs.frozen
class _Hit:
    phrase: Phrase
    before: str
    between: str


#: CPython's own parser of regular expressions (private, and so asked for by name: where it is
#: missing or reads differently, every phrase is tried, as :func:`_first_chars` says).
_RE_PARSER: Final = importlib.import_module("re._parser")
_RE: Final = importlib.import_module("re._constants")


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``pattern`` begins with; ``None`` if any or not known.

    Read from the parsed pattern: a literal, a class of listed characters, a group,
    alternatives, an optional or repeated item (an optional one lets the next item begin the
    match too), look-arounds and anchors (which match no character). Anything else — a range
    or category, ``.``, case ignored, a pattern that may match nothing — gives ``None``.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        chars, empty = _starts(_RE_PARSER.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - another Python's parser: no filter, every phrase tried
        return None
    return None if chars is None or empty else frozenset(chars)


def _starts(items: list[tuple[object, Any]]) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence of parsed items, and whether it may match nothing."""
    chars: set[str] = set()
    for op, av in items:
        found, empty = _item_starts(op, av)
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _item_starts(op: object, av: Any) -> tuple[set[str] | None, bool]:  # noqa: ANN401 - the parser's
    """:func:`_starts` of one parsed item (``op``, its argument ``av``)."""
    if op is _RE.LITERAL or (op is _RE.IN and all(kind is _RE.LITERAL for kind, _ in av)):
        # A character, or a class of characters listed one by one.
        return ({chr(av)} if op is _RE.LITERAL else {chr(code) for _, code in av}), False
    if op is _RE.SUBPATTERN:  # a group: (number, flags added, flags removed, items)
        return (None, False) if av[1] & re.IGNORECASE else _starts(av[-1].data)
    if op is _RE.MAX_REPEAT or op is _RE.MIN_REPEAT:
        low, _, item = av
        found, empty = _starts(item.data)
        return found, empty or low == 0
    if op is _RE.ASSERT or op is _RE.ASSERT_NOT or op is _RE.AT:
        return set(), True  # matches no character
    if op is not _RE.BRANCH:
        return None, False
    chars: set[str] | None = set()
    empty = False
    for branch in av[1]:
        found, may = _starts(branch.data)
        chars = None if found is None or chars is None else chars | found
        empty = empty or may
    return chars, empty


#: Each phrase with the characters its keyword begins with (:func:`_first_chars`).
_PHRASE_STARTS: Final = tuple((phrase, _first_chars(phrase.keyword)) for phrase in PHRASES)


def _dispatch(
    starts: Sequence[tuple[Phrase, frozenset[str] | None]],
) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The phrases (their places in ``starts``) by first character, and those always tried."""
    by_first: dict[str, list[int]] = {}
    always = []
    for i, (_, chars) in enumerate(starts):
        if chars is None:
            always.append(i)
        for char in chars or ():
            by_first.setdefault(char, []).append(i)
    return {char: tuple(found) for char, found in by_first.items()}, tuple(always)


_BY_FIRST, _ALWAYS = _dispatch(_PHRASE_STARTS)
_FIRSTS: Final = frozenset(_BY_FIRST)


#: :func:`_to_try`'s answers made so far, by the first characters found in a lead; at most
#: ``_TRIED_MAX`` kept (emptied when full), so any text keeps it small.
_TRIED: Final[dict[frozenset[str], tuple[Phrase, ...]]] = {}
_TRIED_MAX: Final = 4096


def _to_try(firsts: frozenset[str]) -> tuple[Phrase, ...]:
    """The phrases beginning with one of ``firsts`` and those always tried, in ``PHRASES``' order.

    Made once a set of characters (a few dozen sets in a corpus), not by a set, its updates
    and a sort for each figure.
    """
    found = _TRIED.get(firsts)
    if found is None:
        tried = set(_ALWAYS)
        for char in firsts:
            tried.update(_BY_FIRST[char])
        found = tuple(PHRASES[i] for i in sorted(tried))
        if len(_TRIED) >= _TRIED_MAX:
            _TRIED.clear()
        _TRIED[firsts] = found
    return found


def _keyword(lead: str, tail: str) -> _Hit | None:
    """The phrase nearest before the figure (or, failing one, right after it).

    A phrase whose keyword begins with none of the characters of ``lead`` has no match in
    it, so it is not looked for: the phrases tried are those of the lead's characters
    (``_BY_FIRST``), in their order in ``PHRASES``, instead of every phrase.
    """
    best: tuple[int, int, Phrase, re.Match[str]] | None = None
    for phrase in _to_try(_FIRSTS.intersection(lead)):
        for m in phrase.keyword.finditer(lead):
            rank = (m.end(), -m.start())
            if best is None or rank > (best[0], best[1]):
                best = (m.end(), -m.start(), phrase, m)
    if best is not None:
        m = best[3]
        return _Hit(best[2], lead[: m.start()], lead[m.end() :])
    gap = _AFTER_GAP.match(tail)
    at = gap.end() if gap else 0
    for phrase in PHRASES:
        if phrase.after and phrase.keyword.match(tail, at):
            return _Hit(phrase, lead, "")
    return None


def _sentence(
    paragraph: Paragraph, sentence: str, values: Mapping[CellKey, Number], year: int | None
) -> Iterator[Finding]:
    plain = sentence.translate(_FULLWIDTH) if _FULLWIDTH_CHARS.search(sentence) else sentence
    previous_row: str | None = None
    previous_phrase: Phrase | None = None
    years = _OtherYear(plain, year)
    figures = _FIGURE.finditer(plain) if _holds_figure(plain) else ()
    for m in figures:
        start, end = m.span()
        left, right = _clause(plain, start, end, _CLAUSE_END)
        lead, tail = plain[left:start], plain[end:right]
        if (
            (start and plain[start - 1] in _BAD_BEFORE)
            or _BAD_TAIL.match(tail)
            or years.written_by(start)
        ):
            previous_phrase = None
            continue
        hit = _keyword(lead, tail)
        row: str | None = None
        if hit is None and previous_phrase is not None:
            carried = _CARRY.fullmatch(lead)
            if carried is not None:
                hit = _Hit(previous_phrase, "", "")
                row = DOCUMENT_OBJECTS[carried["object"]]
        if hit is None:
            previous_phrase = None
            continue
        # Read only now, for a figure with a phrase (it was read first: every way out
        # before here is the same as for a figure that cannot be read).
        figure = _figure(m)
        phrase, topic = hit.phrase, _TOPIC_PATTERNS[hit.phrase.topic]
        between = topic.filler.fullmatch(hit.between)
        if (
            figure is None
            or between is None
            or phrase.kind != figure.kind
            or topic.forbid.search(hit.before)
            or _NOT_THIS.search(hit.before + hit.between)
            or (phrase.not_after is not None and phrase.not_after.search(hit.before))
            or (topic.elsewhere and topic.elsewhere.search(plain[:left]))
            or (
                topic.context
                and not topic.context.search(plain)
                and not topic.context.search(paragraph.title)
            )
        ):
            previous_phrase = None
            continue
        if phrase.topic == "documents":
            row = row or _document_row(between, hit.before, tail, previous_row)
            if row is None:
                previous_phrase = None
                continue
            previous_row, previous_phrase = row, phrase
        else:
            previous_phrase = None
        finding = _compare(paragraph, sentence, phrase, figure, row, values)
        if finding is not None:
            yield finding
    yield from _zeros(paragraph, sentence, plain, values, years)


def _document_row(
    between: re.Match[str], before: str, tail: str, previous: str | None
) -> str | None:
    if between["object"]:
        return DOCUMENT_OBJECTS[between["object"]]
    named = {DOCUMENT_OBJECTS[m.group()] for m in _OBJECT.finditer(before)}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    after = _OBJECT.match(tail)
    if after is not None:
        return DOCUMENT_OBJECTS[after.group()]
    return previous


def _zeros(
    paragraph: Paragraph,
    sentence: str,
    plain: str,
    values: Mapping[CellKey, Number],
    years: _OtherYear,
) -> Iterator[Finding]:
    if not _has_zero_word(plain):
        return
    start = 0
    while start < len(plain):
        left, right = _clause(plain, start, start, _ZERO_CLAUSE_END)
        clause = plain[left:right]
        start = right + 1
        if not _has_zero_word(clause) or _DIGIT.search(clause) or years.written_by(right):
            continue
        for topic_name, pattern, readings in ZERO_PHRASES:
            m = pattern.search(clause)
            if m is None:
                continue
            topic = _TOPIC_PATTERNS[topic_name]
            before = clause[: m.start()]
            if (
                _NOT_THIS.search(before)
                or topic.forbid.search(before)
                or (
                    topic.context
                    and not topic.context.search(plain)
                    and not topic.context.search(paragraph.title)
                )
            ):
                continue
            zero = _Figure(text=m.group(), value=Decimal(0), quantum=Decimal(1), kind="count")
            finding = _judge(paragraph, sentence, zero, readings, values)
            if finding is not None:
                yield finding
            break


#: :func:`_readings` made so far, by phrase name and row (a dozen at most).
_READINGS: Final[dict[tuple[str, str | None], tuple[tuple[CellKey, ...], ...]]] = {}


def _readings(phrase: Phrase, row: str | None) -> tuple[tuple[CellKey, ...], ...]:
    """The phrase's readings with the document row put for its ``*``, made once each.

    The keys are the cells' own key objects (:func:`own_key`): the same keys, looked up in
    the audit's values at once.
    """
    made = _READINGS.get((phrase.name, row))
    if made is None:
        made = tuple(
            tuple(
                own_key(tuple(row or part if part == "*" else part for part in key))
                for key in reading
            )
            for reading in phrase.readings
        )
        _READINGS[phrase.name, row] = made
    return made


def _compare(  # noqa: PLR0913, PLR0917 - the figure and everything needed to place it
    paragraph: Paragraph,
    sentence: str,
    phrase: Phrase,
    figure: _Figure,
    row: str | None,
    values: Mapping[CellKey, Number],
) -> Finding | None:
    readings = _readings(phrase, row)
    if phrase.unit != 1:
        figure = attrs.evolve(
            figure, value=figure.value / phrase.unit, quantum=figure.quantum / phrase.unit
        )
    return _judge(paragraph, sentence, figure, readings, values)


def _judge(
    paragraph: Paragraph,
    sentence: str,
    figure: _Figure,
    readings: tuple[tuple[CellKey, ...], ...],
    values: Mapping[CellKey, Number],
) -> Finding | None:
    applied: list[tuple[tuple[CellKey, ...], Number]] = []
    for reading in readings:
        if all(key in values for key in reading):
            total = sum((values[key] for key in reading), start=0)
            if _agrees(total, figure):
                return None
            applied.append((reading, total))
    if not applied:
        return None
    return _finding(paragraph, sentence, figure, applied)


_MODES: Final = (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN)


def _agrees(value: Number, figure: _Figure) -> bool:
    """Whether the cell's ``value`` rounds as the figure does, by any of ``_MODES``.

    Each side is divided by the quantum once, not once a mode, and the operations left are
    done in the order the comparison of each mode did them (the cell's side first). A cell
    whose side has more digits than the context holds (``_CONTEXT`` in T-TEXT) agrees with no
    figure: False. An ``int``'s Decimal has exponent 0: no quantum of its own, and no digits
    to look at.
    """
    cell = Decimal(value)
    own: Decimal | int = 0
    if type(value) is not int:
        exponent = cell.as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            own = _ONE.scaleb(exponent)
    quantum = max(figure.quantum, Decimal(own) if own else _ZERO)
    if quantum <= 0:
        return cell == figure.value
    mine = cell / quantum
    theirs: Decimal | None = None
    for mode in _MODES:
        try:
            rounded = mine.quantize(_ONE, rounding=mode)
        except InvalidOperation:  # more digits than the context: no figure T-TEXT reads
            return False
        if theirs is None:
            theirs = figure.value / quantum
        if rounded == theirs.quantize(_ONE, rounding=mode):
            return True
    return False


def _place(reading: tuple[CellKey, ...], path: str) -> Place:
    cells = [CELL_BY_KEY[key] for key in reading]
    columns = {c.column for c in cells}
    column = cells[0].column if len(columns) == 1 else " + ".join(c.column for c in cells)
    rows = dict.fromkeys(c.row_label for c in cells)
    return Place(path=path, table=cells[0].table, row=" + ".join(rows), column=column)


def _section_label(section: str) -> tuple[str, str]:
    if section == "preface":
        return "前言", "the preface"
    label = labels.SECTIONS[section].full if section in labels.SECTIONS else section
    return label, label


def _shown(value: Number) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _finding(
    paragraph: Paragraph,
    sentence: str,
    figure: _Figure,
    applied: list[tuple[tuple[CellKey, ...], Number]],
) -> Finding:
    first, expected = applied[0]
    place = _place(first, paragraph.path)
    where_zh, where_en = _section_label(paragraph.section)
    said_zh = f"“{where_zh}”中“{sentence}”写作“{figure.text}”"
    said_en = f'the text in {where_en} says "{figure.text}" ("{sentence}")'
    if len(applied) == 1:
        detail = (
            f"{said_zh}，表中为 {_shown(expected)}",
            f"{said_en}; the table has {_shown(expected)}",
        )
    else:
        detail = (
            said_zh
            + "，与表中各种读法均不符："
            + "；".join(f"{_place(r, '').describe('zh')}为 {_shown(v)}" for r, v in applied),
            said_en
            + "; no reading of the tables agrees: "
            + "; ".join(f"{_place(r, '').describe('en')} is {_shown(v)}" for r, v in applied),
        )
    found: Number = figure.value
    if figure.kind == "count" and figure.value == figure.value.to_integral_value():
        found = int(figure.value)
    cells = tuple(dict.fromkeys(CELL_BY_KEY[k].path for reading, _ in applied for k in reading))
    return make_finding("T-TEXT", place, expected=expected, found=found, detail=detail, cells=cells)
