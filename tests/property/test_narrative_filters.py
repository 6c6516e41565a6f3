# ruff: noqa: SLF001 - compares T-TEXT with its own unfiltered reading
"""T-TEXT passes over text with nothing it reads, and finds what the full reading finds.

A figure needs its unit and a zero clause its 未, 没有 or 无, so :func:`check_narrative`
skips paragraphs, sentences and clauses without them before anything else. The reference is
the same reading with those quick tests answering "maybe" everywhere: both must give the
same findings on any narrative made of the words T-TEXT reads.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.rules import narrative
from govinfo_report.rules.narrative import Paragraph, check_narrative
from govinfo_report.rules.phrases import DOCUMENT_OBJECTS, PHRASES, ZERO_PHRASES

if TYPE_CHECKING:
    from govinfo_report.cells import CellKey

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
_SENTENCES = st.one_of(
    st.tuples(_LEADS, _FIGURES).map("".join),
    _ZERO_CLAUSES,
    st.lists(_PIECES, max_size=8).map("".join),
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
        mock.patch.object(narrative, "_READABLE", _ANYTHING),
        mock.patch.object(narrative, "_UNIT", _ANYTHING),
        mock.patch.object(narrative, "_ZERO_WORD", _ANYTHING),
    ):
        return check_narrative(paragraphs, values, year=year)


@given(
    st.lists(
        st.one_of(_SENTENCES, _TEXTS, st.lists(_PIECES, max_size=25).map("".join)),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.integers(0, 2), min_size=len(_KEYS), max_size=len(_KEYS)),
    st.sampled_from([2023, 2022, None]),
    st.sampled_from(["", "依申请公开", "行政复议"]),
)
def test_filtered_reading_finds_what_the_full_reading_finds(
    texts: list[str], numbers: list[int], year: int | None, title: str
) -> None:
    values: dict[CellKey, int | Decimal] = dict(zip(_KEYS, numbers, strict=True))
    values[("other_matters", "fees", "collected")] = Decimal(numbers[0])
    paragraphs = [
        Paragraph(
            path=f"$.overview.parts[0].paragraphs[{i}]", section="overview", text=t, title=title
        )
        for i, t in enumerate(texts)
    ]
    assert check_narrative(paragraphs, values, year=year) == _unfiltered(paragraphs, values, year)


def test_the_quick_tests_cover_every_unit_and_zero_phrase() -> None:
    """The data the quick tests rest on: each unit of a figure, each zero phrase's 未/没有/无."""
    units = re.search(r"\(\?P<unit>([^)]*)\)", narrative._FIGURE.pattern)
    assert units is not None
    for unit in units[1].split("|"):
        assert narrative._UNIT.fullmatch(unit)
        assert narrative._READABLE.fullmatch(unit)
    for _, pattern, _ in ZERO_PHRASES:
        head = re.match(r"\(\?:((?:[^|()]+\|)*[^|()]+)\)", pattern.pattern)
        assert head is not None, pattern.pattern
        for word in head[1].split("|"):
            assert narrative._ZERO_WORD.fullmatch(word)
            assert narrative._READABLE.fullmatch(word)


def test_narrative_without_figures_or_zero_words_is_passed_over() -> None:
    text = "本机关坚持以公开为常态、不公开为例外，持续深化政务公开工作。" * 6
    paragraphs = [Paragraph(path="$.preface[0]", section="preface", text=text)]
    assert narrative._READABLE.search(text) is None
    assert check_narrative(paragraphs, {}, year=2023) == []
