# ruff: noqa: SLF001 - compares T-TEXT with its own unfiltered reading
"""T-TEXT passes over text with nothing it reads, and finds what the full reading finds.

A figure needs its unit and a zero clause its 未, 没有 or 无, so :func:`check_narrative`
skips paragraphs, sentences and clauses without them before anything else. The reference is
the same reading with those quick tests answering "maybe" everywhere: both must give the
same findings on any narrative made of the words T-TEXT reads.
"""

from __future__ import annotations

import contextlib
import decimal
import re
from decimal import Decimal, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import attrs
from hypothesis import assume, example, given
from hypothesis import strategies as st

from govinfo_report.formats.html.writer import html_text
from govinfo_report.formats.json.codec import loads
from govinfo_report.model import Narrative
from govinfo_report.published import audit as audit_module
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read, read_html
from govinfo_report.published.record import PublishedPart, PublishedSection, Source
from govinfo_report.rules import narrative
from govinfo_report.rules.narrative import Paragraph, check_narrative
from govinfo_report.rules.phrases import DOCUMENT_OBJECTS, PHRASES, TOPICS, ZERO_PHRASES, Phrase

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from govinfo_report.cells import CellKey
    from govinfo_report.findings import Finding
    from govinfo_report.published.record import PublishedReport

_ANYTHING = re.compile("")


def _keys() -> list[CellKey]:
    keys = {key for phrase in PHRASES for reading in phrase.readings for key in reading}
    keys |= {key for *_, readings in ZERO_PHRASES for reading in readings for key in reading}
    out: list[CellKey] = []
    for key in sorted(keys):
        if "*" in key:
            out.extend(
                tuple(row if part == "*" else part for part in key)
                for row in sorted(set(DOCUMENT_OBJECTS.values()))
            )
        else:
            out.append(key)
    return out


_KEYS = _keys()
_PIECES = st.sampled_from(
    [
        *(phrase.example for phrase in PHRASES),
        "新收",
        "收到",
        "办结",
        "结转下年度",
        "上年结转",
        "政府信息公开申请",
        "申请",
        "规章",
        "行政规范性文件",
        "现行有效",
        "行政复议",
        "行政诉讼",
        "行政许可",
        "收取信息处理费",
        "发出收费通知",
        "总金额",
        "未",
        "没有",
        "无",
        "未收到政府信息公开申请",
        "没有收取信息处理费",
        "无因政府信息公开引起的行政复议",
        "2023年",
        "2022年",
        "二〇二三年",
        "较上年增加",
        "约",
        "0",
        "3",
        "12",
        "1,234",
        "２５",
        "二十五",
        "三",
        "万",
        "件",
        "元",
        "个",
        "次",
        "。",
        "，",
        "；",
        "：",
        "、",
        "（",
        "）",
        "\n",
        " ",
    ]
)


_LEADS = st.sampled_from(
    [
        "新收政府信息公开申请",
        "共收到申请",
        "办结",
        "结转下年度",
        "上年结转",
        "制发规章",
        "现行有效行政规范性文件",
        "因政府信息公开被申请行政复议",
        "被提起行政诉讼",
        "作出行政许可决定",
        "收取行政事业性收费",
        "实际收取信息处理费",
        "发出收费通知",
    ]
)
_ZERO_CLAUSES = st.sampled_from(
    [
        "未收到政府信息公开申请",
        "没有收到申请",
        "无因政府信息公开引起的行政复议",
        "没有因政府信息公开被提起行政诉讼",
        "未收取信息处理费",
        "未发出收费通知",
    ]
)
_FIGURES = st.tuples(
    st.sampled_from(["0", "1", "2", "３", "二", "两", "1,000", "0.5万"]),
    st.sampled_from(["件", "个", "宗", "起", "份", "部", "元", "万元", "次", "余件"]),
).map("".join)
#: Numbers as reports write them and as they should not: Arabic digits of any script, with
#: thousands separators (right and wrong) and decimals, long ones, Chinese numerals.
_NUMBERS = st.one_of(
    st.from_regex(r"\d{1,3}(?:,\d{3})*(?:\.\d{1,4})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,6}(?:[.,][0-9]{1,5})?", fullmatch=True),
    st.integers(0, 10**35).map(str),
    st.decimals(min_value=0, max_value=10**9, places=2).map(str),
    st.text(alphabet=narrative._CN_DIGITS, min_size=1, max_size=5),
    st.sampled_from(["1240.00", "12.35", "99999999999999999999999999995", "0." + "0" * 30 + "1"]),
)
#: A figure: a number, 万 or 亿 perhaps, and a unit (or a word that is none).
_ANY_FIGURE = st.tuples(
    _NUMBERS,
    st.sampled_from(["", " ", "万", " 万 ", "亿", "余"]),
    st.sampled_from(["件", "个", "宗", "起", "份", "部", "元", "次", "年"]),
).map("".join)
_SENTENCES = st.one_of(
    st.tuples(_LEADS, _FIGURES).map("".join),
    st.tuples(_LEADS, _ANY_FIGURE).map("".join),
    _ZERO_CLAUSES,
    st.lists(_PIECES, max_size=8).map("".join),
)
_RECORD = read_html(
    html_text(
        loads(
            (Path(__file__).parents[2] / "examples/city-department-2023.json").read_text(
                encoding="utf-8"
            )
        )
    )
)
_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(["", "2023年", "2022年", "全年"]),
        _SENTENCES,
        st.sampled_from(["。", "，", "；", ""]),
    ).map("".join),
    max_size=8,
).map("".join)


def _unfiltered(
    paragraphs: list[Paragraph], values: dict[CellKey, int | Decimal], year: int | None
) -> object:
    with (
        mock.patch.object(narrative, "may_state", return_value=True),
        mock.patch.object(narrative, "_holds_figure", return_value=True),
        mock.patch.object(narrative, "_ZERO_WORD", _ANYTHING),
        mock.patch.object(narrative, "_has_zero_word", return_value=True),
    ):
        return check_narrative(paragraphs, values, year=year)


#: A narrative of up to four texts, the figures of the cells T-TEXT reads, the year and a
#: part's title: what the tests below draw.
_NARRATIVE_CASES = (
    st.lists(
        st.one_of(_SENTENCES, _TEXTS, st.lists(_PIECES, max_size=25).map("".join)),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.integers(0, 2), min_size=len(_KEYS), max_size=len(_KEYS)),
    st.sampled_from([2023, 2022, None]),
    st.sampled_from(["", "依申请公开", "行政复议"]),
)


def _values(numbers: list[int]) -> dict[CellKey, int | Decimal]:
    """The cells' values for the drawn ``numbers`` (the fee collected from the first)."""
    values: dict[CellKey, int | Decimal] = dict(zip(_KEYS, numbers, strict=True))
    values[("other_matters", "fees", "collected")] = Decimal(numbers[0])
    return values


@given(*_NARRATIVE_CASES)
def test_filtered_reading_finds_what_the_full_reading_finds(
    texts: list[str], numbers: list[int], year: int | None, title: str
) -> None:
    values = _values(numbers)
    paragraphs = [
        Paragraph(
            path=f"$.overview.parts[0].paragraphs[{i}]", section="overview", text=t, title=title
        )
        for i, t in enumerate(texts)
    ]
    assert _outcome(check_narrative, paragraphs, values, year=year) == _outcome(
        _unfiltered, paragraphs, values, year
    )


def test_the_quick_tests_cover_every_unit_and_zero_phrase() -> None:
    """The data the quick tests rest on: each unit of a figure, each zero phrase's 未/没有/无."""
    units = re.search(r"\(\?P<unit>([^)]*)\)", narrative._FIGURE.pattern)
    assert units is not None
    for unit in units[1].split("|"):
        assert unit in narrative._UNITS
        assert narrative.may_state(unit)
    for _, pattern, _ in ZERO_PHRASES:
        head = re.match(r"\(\?:((?:[^|()]+\|)*[^|()]+)\)", pattern.pattern)
        assert head is not None, pattern.pattern
        for word in head[1].split("|"):
            assert narrative._ZERO_WORD.fullmatch(word)
            assert narrative.may_state(word)


def test_narrative_without_figures_or_zero_words_is_passed_over() -> None:
    text = "本机关坚持以公开为常态、不公开为例外，持续深化政务公开工作。" * 6
    paragraphs = [Paragraph(path="$.preface[0]", section="preface", text=text)]
    assert not narrative.may_state(text)
    assert check_narrative(paragraphs, {}, year=2023) == []


def _audits(record: PublishedReport) -> tuple[list[Finding], list[Finding]]:
    """``audit`` of ``record``, and the same with every paragraph read in full."""
    with (
        mock.patch.object(narrative, "may_state", return_value=True),
        mock.patch.object(
            audit_module, "stating_at", side_effect=lambda texts: list(range(len(texts)))
        ),
    ):
        full = audit(record)
    return audit(record), full


def test_audit_finds_what_the_full_reading_finds() -> None:
    """On every page of the corpus, and on a narrative contradicting its tables."""
    root = Path(__file__).parents[2]
    paths = sorted(
        p
        for p in (root / "tests/data/published").iterdir()
        if not p.name.endswith((".json", ".py"))
    )
    assert paths
    for path in paths:
        quick, full = _audits(read(path))
        assert quick == full, path.name
    report = loads((root / "examples/city-department-2023.json").read_text(encoding="utf-8"))
    text = "本年度新收政府信息公开申请999件，未收到政府信息公开申请，没有收取信息处理费。"
    report = attrs.evolve(report, overview=Narrative(opening=(text, "无。", "其他工作。")))
    quick, full = _audits(read_html(html_text(report)))
    assert quick == full
    assert [f.code for f in quick].count("T-TEXT") >= 2


@given(st.lists(st.one_of(_SENTENCES, _PIECES, st.text(max_size=6)), max_size=12))
def test_stating_is_may_state_of_each(texts: list[str]) -> None:
    """The texts joined and scanned once say what each text says alone."""
    assert narrative.stating(texts) == [narrative.may_state(t) for t in texts]


@given(st.lists(st.text(alphabet="没有a务件", max_size=5), max_size=12))
def test_stating_at_is_may_state_of_each(texts: list[str]) -> None:
    """The texts joined without a separator: 没 and 有 of two texts side by side are no 没有."""
    assert narrative.stating_at(texts) == [
        k for k, text in enumerate(texts) if narrative.may_state(text)
    ]


def test_stating_at_the_edges() -> None:
    texts = ["", "没", "有", "件", "\n", "abc没有", "无", "", "元"]
    assert narrative.stating(texts) == [False, False, False, True, False, True, True, False, True]
    assert narrative.stating([]) == []
    texts = ["没", "有没", "有", "有没有", "没有", "", "务没务有", "没有"]
    assert narrative.stating_at(texts) == [3, 4, 7]


def _first_clause(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The clause as first written: the nearest stop of each kind, either side."""
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    rights = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return left, min(rights, default=len(text))


@given(
    st.lists(
        st.sampled_from(["，", "；", "：", "、", "（", "）", "。", "\n", "a", "件", "1", "?"])
    ),
    st.data(),
)
def test_clause_as_first_written(chars: list[str], data: st.DataObject) -> None:
    text = "".join(chars)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for stops in (narrative._CLAUSE_END, narrative._ZERO_CLAUSE_END):
        assert narrative._clause(text, start, end, stops) == _first_clause(text, start, end, stops)


def _paragraphs_first_way(record: PublishedReport) -> list[Paragraph]:
    """Every paragraph of the narrative with its path, then those that may state a figure."""
    out = [
        Paragraph(path=f"$.preface[{i}]", section="preface", text=text)
        for i, text in enumerate(record.preface or ())
    ]
    for section in record.sections:
        key = section.key
        out.extend(
            Paragraph(path=f"$.{key}.opening[{i}]", section=key, text=text)
            for i, text in enumerate(section.opening)
        )
        for j, part in enumerate(section.parts):
            out.append(
                Paragraph(
                    path=f"$.{key}.parts[{j}].title", section=key, text=part.title, title=part.title
                )
            )
            out.extend(
                Paragraph(
                    path=f"$.{key}.parts[{j}].paragraphs[{k}]",
                    section=key,
                    text=text,
                    title=part.title,
                )
                for k, text in enumerate(part.paragraphs)
            )
    return [p for p in out if narrative.may_state(p.text)]


_RECORD = read_html(
    html_text(
        loads(
            (Path(__file__).parents[2] / "examples/city-department-2023.json").read_text(
                encoding="utf-8"
            )
        )
    )
)
_ONE_TEXT: st.SearchStrategy[str] = st.one_of(_SENTENCES, _PIECES, st.text(max_size=6))
_NARRATIVE: st.SearchStrategy[tuple[str, ...]] = st.lists(_ONE_TEXT, max_size=4).map(tuple)
_PARTS = st.lists(
    st.builds(
        PublishedPart,
        heading=st.just("（一）"),
        title=st.one_of(_PIECES, st.text(max_size=6)),
        paragraphs=_NARRATIVE,
        source=st.just(Source(paragraph=1)),
    ),
    max_size=3,
).map(tuple)


@given(
    st.one_of(st.none(), _NARRATIVE),
    st.lists(
        st.builds(
            PublishedSection,
            key=st.sampled_from(["overview", "proactive", "problems", "other_matters"]),
            heading=st.just("一、总体情况"),
            source=st.just(Source(paragraph=1)),
            opening=_NARRATIVE,
            parts=_PARTS,
        ),
        max_size=4,
    ).map(tuple),
)
def test_paragraphs_as_first_found(
    preface: tuple[str, ...] | None, sections: tuple[PublishedSection, ...]
) -> None:
    """The audit's paragraphs: the texts scanned first, places made for those found."""
    record = attrs.evolve(_RECORD, preface=preface, sections=sections)
    assert audit_module._paragraphs(record) == _paragraphs_first_way(record)


_PATTERNS = [
    *(phrase.keyword for phrase in PHRASES),
    *(pattern for _, pattern, _ in ZERO_PHRASES),
    narrative._OBJECT,
    narrative._CARRY,
    *map(
        re.compile,
        [
            "a?b",
            "(?:x|y)?z",
            "(?<=q)w",
            "(?<!a)b|c",
            "a*b",
            "(?:a|)b",
            "(?:ab)+|b",
            "[ab]c",
            "[^a]b",
            "[a-c]d",
            r"\dx",
            ".b",
            "(?i:a)b",
            "(?i)ab",
            "^a|$",
            "a??b",
        ],
    ),
]


@given(st.sampled_from(_PATTERNS), st.data())
def test_first_chars_begin_every_match(pattern: re.Pattern[str], data: st.DataObject) -> None:
    """A match of the pattern, at any place of any text, begins with one of its first chars."""
    first = narrative._first_chars(pattern)
    alphabet = sorted(set(pattern.pattern) | set("aAbB1、 件"))
    text = data.draw(st.text(alphabet=alphabet, max_size=12))
    for at in range(len(text) + 1):
        m = pattern.match(text, at)
        if m is not None and first is not None:
            assert m.end() > at
            assert text[at] in first, (pattern.pattern, text, at)


def test_first_chars_of_every_phrase_are_known() -> None:
    """Each phrase is looked for only where its first characters are (none is always tried)."""
    assert all(starts for _, starts in narrative._PHRASE_STARTS)
    assert narrative._first_chars(re.compile("新(?:收到?|接收)")) == frozenset("新")
    assert narrative._first_chars(re.compile("(?:新)?(?:制发|印发)")) == frozenset("新制印")
    assert narrative._first_chars(re.compile("a?")) is None
    assert narrative._first_chars(re.compile("(?i:a)b")) is None


@contextlib.contextmanager
def _every_phrase() -> Iterator[None]:
    """``_keyword`` trying every phrase, as first written."""
    with (
        mock.patch.object(narrative, "_BY_FIRST", {}),
        mock.patch.object(narrative, "_FIRSTS", frozenset()),
        mock.patch.object(narrative, "_ALWAYS", tuple(range(len(PHRASES)))),
        mock.patch.object(narrative, "_TRIED", {}),
    ):
        yield


def test_phrases_by_first_character() -> None:
    assert narrative._ALWAYS == ()
    for i, (phrase, starts) in enumerate(narrative._PHRASE_STARTS):
        assert phrase is PHRASES[i]
        assert starts == frozenset(c for c, found in narrative._BY_FIRST.items() if i in found)
    assert narrative._dispatch([(PHRASES[0], None), (PHRASES[1], frozenset("ab"))]) == (
        {"a": (1,), "b": (1,)},
        (0,),
    )


_LEAD_TEXT = st.lists(
    st.one_of(_PIECES, _LEADS, st.sampled_from([p.keyword.pattern[:3] for p in PHRASES])),
    max_size=6,
).map("".join)


@given(_LEAD_TEXT, _LEAD_TEXT)
def test_keyword_finds_what_trying_every_phrase_finds(lead: str, tail: str) -> None:
    """The phrases passed over by their first characters would have had no match."""
    with _every_phrase():
        full = narrative._keyword(lead, tail)
    assert narrative._keyword(lead, tail) == full


def test_readings_made_once_are_the_readings() -> None:
    """Each phrase's readings with its row put for ``*``: as ``_compare`` first made them."""
    assert len({phrase.name for phrase in PHRASES}) == len(PHRASES)
    for phrase in PHRASES:
        for row in (None, *DOCUMENT_OBJECTS.values()):
            first = tuple(
                tuple(tuple(row or part if part == "*" else part for part in key) for key in r)
                for r in phrase.readings
            )
            assert narrative._readings(phrase, row) == first
            assert narrative._readings(phrase, row) is narrative._readings(phrase, row)


def test_topic_patterns_are_the_topics_compiled() -> None:
    for name, topic in TOPICS.items():
        compiled = narrative._TOPIC_PATTERNS[name]
        assert compiled.filler.pattern == topic.filler
        assert compiled.forbid.pattern == topic.forbid
        assert (compiled.context.pattern if compiled.context else None) == (topic.context or None)
        assert (compiled.elsewhere.pattern if compiled.elsewhere else None) == (
            topic.elsewhere or None
        )
        assert compiled.filler.flags == re.compile(topic.filler).flags == re.UNICODE


#: A unit, as the sentence first looked for one before its figures.
_FIRST_UNIT = re.compile("[件宗起个份部元]")


def _first_sentence(  # noqa: C901 - the reference, as first written
    paragraph: Paragraph,
    sentence: str,
    values: Mapping[CellKey, int | Decimal],
    year: int | None,
) -> Iterator[Finding]:
    """``_sentence`` as first written: each figure read first, the topics' patterns given to
    ``re`` as text, the readings made for each figure, every phrase tried, each figure's and
    zero clause's prefix scanned for years, a figure's exponent and the rounding of a cell
    and a figure read as first written (the ``_first_*`` helpers below)."""
    n = narrative
    plain = sentence.translate(n._FULLWIDTH) if n._FULLWIDTH_CHARS.search(sentence) else sentence
    previous_row: str | None = None
    previous_phrase: Phrase | None = None
    figures = n._FIGURE.finditer(plain) if _FIRST_UNIT.search(plain) else ()
    for m in figures:
        figure = _first_figure(m)
        start, end = m.span()
        left, right = n._clause(plain, start, end, n._CLAUSE_END)
        lead, tail = plain[left:start], plain[end:right]
        if (
            figure is None
            or (start and plain[start - 1] in n._BAD_BEFORE)
            or n._BAD_TAIL.match(tail)
            or not _first_years_ok(plain[:start], year)
        ):
            previous_phrase = None
            continue
        with _every_phrase():
            hit = n._keyword(lead, tail)
        row: str | None = None
        if hit is None and previous_phrase is not None:
            carried = n._CARRY.fullmatch(lead)
            if carried is not None:
                hit = n._Hit(previous_phrase, "", "")
                row = DOCUMENT_OBJECTS[carried["object"]]
        if hit is None:
            previous_phrase = None
            continue
        phrase, topic = hit.phrase, TOPICS[hit.phrase.topic]
        between = re.fullmatch(topic.filler, hit.between)
        if (
            between is None
            or phrase.kind != figure.kind
            or re.search(topic.forbid, hit.before)
            or n._NOT_THIS.search(hit.before + hit.between)
            or (phrase.not_after is not None and phrase.not_after.search(hit.before))
            or (topic.elsewhere and re.search(topic.elsewhere, plain[:left]))
            or (
                topic.context
                and not re.search(topic.context, plain)
                and not re.search(topic.context, paragraph.title)
            )
        ):
            previous_phrase = None
            continue
        if phrase.topic == "documents":
            row = row or n._document_row(between, hit.before, tail, previous_row)
            if row is None:
                previous_phrase = None
                continue
            previous_row, previous_phrase = row, phrase
        else:
            previous_phrase = None
        readings = tuple(
            tuple(tuple(row or part if part == "*" else part for part in key) for key in r)
            for r in phrase.readings
        )
        if phrase.unit != 1:
            figure = attrs.evolve(
                figure, value=figure.value / phrase.unit, quantum=figure.quantum / phrase.unit
            )
        finding = _first_judge(paragraph, sentence, figure, readings, values)
        if finding is not None:
            yield finding
    yield from _first_zeros(paragraph, sentence, plain, values, year)


def _first_years_ok(prefix: str, year: int | None) -> bool:
    """Whether ``prefix`` names no year but ``year``: as first written, a scan a prefix."""
    for m in narrative._YEAR.finditer(prefix):
        found = int(m[1]) if m[1] else narrative._chinese_year(m[2])
        if year is None or found != year:
            return False
    return True


def _first_figure(m: re.Match[str]) -> narrative._Figure | None:
    """``_figure`` as first written: the quantum from the Decimal's tuple of digits."""
    raw, unit, mult = m["num"], m["unit"], m["mult"]
    if m["cn"] is not None:
        if unit not in narrative._CN_UNITS:
            return None
        number = narrative._chinese(raw)
        if number is None:
            return None
        value, quantum = Decimal(number), Decimal(1)
    else:
        value = Decimal(raw.replace(",", ""))
        quantum = Decimal(1).scaleb(value.as_tuple().exponent)  # type: ignore[arg-type]
    scale = narrative._SCALE[mult]
    return narrative._Figure(
        text=m.group(),
        value=value * scale,
        quantum=quantum * scale,
        kind="amount" if unit == "元" else "count",
    )


def _first_agrees(value: int | Decimal, figure: narrative._Figure) -> bool:
    """``_agrees`` as first written: both sides divided and rounded again for each mode."""
    cell = Decimal(value)
    exponent = cell.as_tuple().exponent
    own = Decimal(1).scaleb(exponent) if isinstance(exponent, int) and exponent < 0 else 0
    quantum = max(figure.quantum, Decimal(own) if own else Decimal(0))
    if quantum <= 0:
        return cell == figure.value
    return any(
        (cell / quantum).quantize(Decimal(1), rounding=mode)
        == (figure.value / quantum).quantize(Decimal(1), rounding=mode)
        for mode in narrative._MODES
    )


def _first_judge(
    paragraph: Paragraph,
    sentence: str,
    figure: narrative._Figure,
    readings: tuple[tuple[CellKey, ...], ...],
    values: Mapping[CellKey, int | Decimal],
) -> Finding | None:
    """``_judge`` with :func:`_first_agrees`."""
    applied: list[tuple[tuple[CellKey, ...], int | Decimal]] = []
    for reading in readings:
        if all(key in values for key in reading):
            total = sum((values[key] for key in reading), start=0)
            if _first_agrees(total, figure):
                return None
            applied.append((reading, total))
    if not applied:
        return None
    return narrative._finding(paragraph, sentence, figure, applied)


def _first_zeros(
    paragraph: Paragraph,
    sentence: str,
    plain: str,
    values: Mapping[CellKey, int | Decimal],
    year: int | None,
) -> Iterator[Finding]:
    """``_zeros`` as first written: 未/没有/无 and a digit looked for by patterns, each
    clause's prefix scanned for years."""
    n = narrative
    if n._ZERO_WORD.search(plain) is None:
        return
    start = 0
    while start < len(plain):
        left, right = n._clause(plain, start, start, n._ZERO_CLAUSE_END)
        clause = plain[left:right]
        start = right + 1
        if (
            n._ZERO_WORD.search(clause) is None
            or re.search(r"\d", clause)
            or not _first_years_ok(plain[:right], year)
        ):
            continue
        for topic_name, pattern, readings in ZERO_PHRASES:
            m = pattern.search(clause)
            if m is None:
                continue
            topic = TOPICS[topic_name]
            before = clause[: m.start()]
            if (
                n._NOT_THIS.search(before)
                or re.search(topic.forbid, before)
                or (
                    topic.context
                    and not re.search(topic.context, plain)
                    and not re.search(topic.context, paragraph.title)
                )
            ):
                continue
            zero = n._Figure(text=m.group(), value=Decimal(0), quantum=Decimal(1), kind="count")
            finding = _first_judge(paragraph, sentence, zero, readings, values)
            if finding is not None:
                yield finding
            break


_YEAR_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                *"0123456789٣２年 \u3000\t件，。",
                *"〇零一二三四五六七八九十两",
                "2023",
                "2022",
                "二〇二三",
                "二〇二二",
                "12023",
                "2023 年",
                "20234年",
            ]
        ),
        st.text(max_size=2),
    ),
    max_size=16,
).map("".join)


@given(
    st.tuples(
        st.sampled_from(["", "2022年", "2023年", "二〇二二年", "x2023 年", "2023"]), _YEAR_TEXT
    ).map("".join),
    st.sampled_from([2023, 2022, 9999, 0, None]),
)
@example("2022年新收申请3件", 2023)
@example("二〇二三年 2022年3件", 2023)
def test_other_year_end_is_the_years_of_each_prefix(text: str, year: int | None) -> None:
    """One scan of the sentence says, for every place, what a scan of the text before said."""
    end = narrative._other_year_end(text, year)
    for start in range(len(text) + 1):
        assert (start < end) == _first_years_ok(text[:start], year), (text, start)


def _outcome(read: Callable[..., object], *args: Any, **kwargs: Any) -> object:
    """What ``read`` gives, or the type of the exception it raises: a figure too long for the
    decimal context (29 digits) raises, and must raise the same way each way."""
    try:
        return read(*args, **kwargs)
    except ArithmeticError as e:
        return type(e)


_CELLS = st.one_of(
    st.integers(-5, 10**6),
    st.integers(10**20, 10**40),
    st.booleans(),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.sampled_from([Decimal("1240.00"), Decimal("12.35"), Decimal("0E+3"), Decimal("1E+30")]),
)
_FIGURE_NUMBERS = st.sampled_from(
    [
        "3",
        "1240.00",
        "420.00",
        "12.35万",
        "1.2万",
        "0.5万",
        "1,234",
        "1,240.5",
        "25",
        "0",
        "99999999999999999999999999995",
        "1" * 40,
        "0." + "0" * 40 + "1",
        "٣",
        "1.2345亿",
        "二十五",
        "两万",
        "一百零三",
    ]
)


@given(
    _CELLS,
    st.one_of(_FIGURE_NUMBERS, _NUMBERS),
    st.sampled_from(["件", "元", "万元", "亿件"]),
    st.sampled_from([1, 10000]),
)
def test_agrees_as_first(cell: int | Decimal, number: str, unit: str, per: int) -> None:
    """The rounding compared once a side: the same answer, or the same exception, as before;
    ``per``: the phrase's unit (万元 cells), as :func:`_compare` divides by it."""
    m = narrative._FIGURE.fullmatch(number + unit)
    assume(m is not None)
    assert m is not None
    figure = _first_figure(m)
    assume(figure is not None)
    assert figure is not None
    with localcontext(narrative._CONTEXT):  # as check_narrative calls it
        if per != 1:
            figure = attrs.evolve(figure, value=figure.value / per, quantum=figure.quantum / per)
        first = _outcome(_first_agrees, cell, figure)
        # A cell too long for the context (the first way raised) agrees with no figure.
        expected = False if first is decimal.InvalidOperation else first
        assert _outcome(narrative._agrees, cell, figure) == expected


def test_the_narrative_is_checked_the_same_in_any_decimal_context() -> None:
    """T-TEXT's arithmetic is its own: a 29-digit figure (which raised InvalidOperation out
    of ``audit`` in the default context) is compared exactly, in a caller's narrow context
    as in the default one; a run of more than ``_MAX_DIGITS`` digits is no figure."""
    key: CellKey = ("requests", "new", "total")
    texts = [
        "本年度新收政府信息公开申请99999999999999999999999999995件。",
        "本年度新收政府信息公开申请" + "9" * 101 + "件。",
        "本年度新收政府信息公开申请1,240件。",
    ]
    paragraphs = [
        Paragraph(path=f"$.overview.parts[0].paragraphs[{i}]", section="overview", text=t)
        for i, t in enumerate(texts)
    ]
    values: dict[CellKey, int | Decimal] = {key: 1240}
    found = check_narrative(paragraphs, values, year=2023)
    assert [f.code for f in found] == ["T-TEXT"]
    assert "99999999999999999999999999995" in found[0].message_zh
    assert check_narrative(paragraphs, {key: 10**28 - 5}, year=2023)[1:] != []
    for prec, emax in ((5, 20), (28, 999999), (1000, 10**6)):
        with localcontext() as context:
            context.prec, context.Emax = prec, emax
            assert check_narrative(paragraphs, values, year=2023) == found
    huge = {key: Decimal("1E+999999")}  # a cell longer than any context: agrees with nothing
    assert len(check_narrative(paragraphs[2:], huge, year=2023)) == 1


def test_a_figure_longer_than_the_decimal_context_is_audited_not_raised() -> None:
    """A page stating a 29-digit figure was read, then ``audit`` raised InvalidOperation."""
    root = Path(__file__).parents[2]
    report = loads((root / "examples/city-department-2023.json").read_text(encoding="utf-8"))
    text = "本年度新收政府信息公开申请99999999999999999999999999995件。"
    report = attrs.evolve(report, overview=Narrative(opening=(text, "其他工作。")))
    found = [f for f in audit(read_html(html_text(report))) if f.code == "T-TEXT"]
    assert len(found) == 1
    assert "99999999999999999999999999995" in found[0].message_zh


@given(st.text(alphabet="未没有无件a", max_size=8))
def test_zero_word_is_the_pattern(text: str) -> None:
    assert narrative._has_zero_word(text) == (narrative._ZERO_WORD.search(text) is not None)


def _first_to_try(firsts: frozenset[str]) -> tuple[Phrase, ...]:
    """The phrases ``_keyword`` tried, as first written: a set, its updates, a sort."""
    tried = set(narrative._ALWAYS)
    for char in firsts:
        tried.update(narrative._BY_FIRST[char])
    return tuple(PHRASES[i] for i in sorted(tried))


@given(st.lists(st.sets(st.sampled_from(sorted(narrative._FIRSTS))), max_size=12))
def test_phrases_to_try_as_first_made(sets: list[set[str]]) -> None:
    """Made once a set of first characters, the same phrases in the same order; the store
    emptied when full stays small."""
    with mock.patch.object(narrative, "_TRIED", {}), mock.patch.object(narrative, "_TRIED_MAX", 3):
        for firsts in map(frozenset, sets):
            assert narrative._to_try(firsts) == _first_to_try(firsts)
            assert narrative._to_try(firsts) == _first_to_try(firsts)
            assert len(narrative._TRIED) <= 3


@given(*_NARRATIVE_CASES)
def test_sentences_read_as_first_written(
    texts: list[str], numbers: list[int], year: int | None, title: str
) -> None:
    values = _values(numbers)
    paragraphs = [
        Paragraph(path=f"$.preface[{i}]", section="preface", text=t, title=title)
        for i, t in enumerate(texts)
    ]
    found = _outcome(check_narrative, paragraphs, values, year=year)
    with mock.patch.object(narrative, "_sentence", _first_sentence):
        assert found == _outcome(check_narrative, paragraphs, values, year=year)


#: The figure pattern as first written: the number's three forms one after another.
_FIGURE_FIRST = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?P<cn>[" + narrative._CN_DIGITS + r"]+))"
    r"\s*(?P<mult>万|亿)?\s*(?P<unit>件|宗|起|个|份|部|元)"
)
_FIGURE_PIECES = st.sampled_from(
    [
        *"0123456789٣０,.，．  万亿件宗起个份部元次多年第",
        *narrative._CN_DIGITS,
        "1,240",
        "12,34",
        "3.",
        ".5",
    ]
)


def _figures(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [
        (m.span(), m["num"], m["cn"] is not None, m["mult"], m["unit"], m.group())
        for m in pattern.finditer(text)
    ]


@given(st.lists(st.one_of(_FIGURE_PIECES, st.text(max_size=2)), max_size=40))
def test_figures_are_found_as_first(pieces: list[str]) -> None:
    """The figure pattern that begins with a class finds what the first one found."""
    text = "".join(pieces)
    assert _figures(narrative._FIGURE, text) == _figures(_FIGURE_FIRST, text)


def _figure_fields(figure: narrative._Figure | None) -> object:
    """A figure's fields, its numbers' digits and exponents included (Decimal's ``==`` does
    not look at them, but a finding's ``found`` shows them)."""
    if figure is None:
        return None
    return (figure.text, figure.kind, figure.value.as_tuple(), figure.quantum.as_tuple())


@given(st.lists(st.one_of(_ANY_FIGURE, _FIGURE_PIECES, st.text(max_size=2)), max_size=12))
def test_figures_read_as_first(pieces: list[str]) -> None:
    """The quantum read from the number's text is the one read from its Decimal."""
    text = "".join(pieces)
    for m in narrative._FIGURE.finditer(text):
        assert _figure_fields(narrative._figure(m)) == _figure_fields(_first_figure(m)), text


@given(
    st.lists(
        st.one_of(
            _ANY_FIGURE, _FIGURE_PIECES, st.sampled_from("²①\x1c\u3000"), st.text(max_size=2)
        ),
        max_size=10,
    )
)
@example(["2023年1月1日起至12月31日止"])
@example(["三 \u3000\x1c件"])
@example(["a 件"])
@example(["²件①个"])
def test_holds_figure_is_a_match_of_the_figure_pattern(pieces: list[str]) -> None:
    """A unit with a digit or a Chinese numeral before it: where, and only where, the figure
    pattern finds a figure."""
    for text in ("".join(pieces), " ".join(pieces), "\u3000".join(pieces)):
        assert narrative._holds_figure(text) == (narrative._FIGURE.search(text) is not None)
