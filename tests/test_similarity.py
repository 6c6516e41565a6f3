"""Copied text (内容雷同) between two reports' narrative sections."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import AnnualReport, Severity, load
from govinfo_report.many.similarity import copied_text, similarity
from govinfo_report.model import Narrative, OtherMatters, Part

SERIES = Path(__file__).parent / "data" / "series"

OWN = (
    "全年围绕重点领域加强信息发布，持续做好财政预决算、重大建设项目和公共资源配置等"
    "领域的信息公开，及时回应社会关切。"
)
OTHER = "今年重点推进乡村振兴领域信息公开，新建村级公开栏三十二处，群众满意度明显提升。"
LEGAL = (
    "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
    "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉"
    "的通知》（国办公开办函〔2021〕30号）的要求编制。"
)
PERIOD = "本报告中所列数据统计期限自2021年1月1日至2021年12月31日。"


def _report(year: int, *paragraphs: str, problems: tuple[str, ...] = ()) -> AnnualReport:
    return AnnualReport(
        organ="某县教育局",
        year=year,
        overview=Narrative(opening=paragraphs),
        problems=Narrative(opening=problems),
    )


@pytest.mark.parametrize(
    ("first", "second", "ratio", "passages"),
    [
        ((OWN,), (OWN,), 1.0, 1),
        ((OWN,), (OTHER,), 0.0, 0),
        ((OWN, OTHER), (OTHER, OWN), 1.0, 2),  # order does not hide a copy
        (("做好财政预决算、重大建设项目和公共资源",), (OWN,), 0.0, 0),  # too short a piece
        ((), (OWN,), 0.0, 0),
        ((OWN,), (), 0.0, 0),
        ((LEGAL, PERIOD), (LEGAL, PERIOD, OTHER), 0.0, 0),  # boilerplate is left out
        ((LEGAL, OWN), (LEGAL, OWN), 1.0, 1),
        (("主动公开", OWN), ("主动公开", OTHER), 0.0, 0),  # headings as paragraphs
    ],
)
def test_overview_ratio(
    first: tuple[str, ...], second: tuple[str, ...], ratio: float, passages: int
) -> None:
    reuse = similarity(_report(2022, *first), _report(2023, *second))[0]
    assert reuse.section == "overview"
    assert reuse.ratio == pytest.approx(ratio)
    assert len(reuse.passages) == passages


def test_numbers_and_spacing_do_not_hide_a_copy() -> None:
    before = (
        "2022年全年共发布信息1200条，其中政策解读56篇，"
        "组织开展政务公开业务培训3次，覆盖全部下属单位。"
    )
    after = (
        "2023年 全年共发布信息 1350 条，其中政策解读 61 篇，"
        "组织开展政务公开业务培训 4 次，覆盖全部下属单位。"
    )
    reuse = similarity(_report(2022, before), _report(2023, after))[0]
    assert reuse.ratio == pytest.approx(1.0)
    assert reuse.passages == (after,)


def test_passages_are_quoted_as_printed_in_the_second_report() -> None:
    second = "本局继续推进公开工作。" + OWN
    reuse = similarity(_report(2022, OWN), _report(2023, second))[0]
    assert reuse.passages == (OWN,)
    assert 0.5 < reuse.ratio < 1


def test_sections_are_compared_separately() -> None:
    a = AnnualReport(
        organ="甲",
        year=2023,
        problems=Narrative(parts=(Part(title="问题", paragraphs=(OWN,)),)),
        other_matters=OtherMatters(opening=(OTHER,)),
    )
    b = AnnualReport(
        organ="乙",
        year=2023,
        overview=Narrative(opening=(OWN,)),
        problems=Narrative(opening=(OWN,)),
    )
    ratios = {r.section: r.ratio for r in similarity(a, b)}
    assert ratios == {"overview": 0.0, "problems": 1.0, "other_matters": 0.0}


@pytest.mark.parametrize(
    ("threshold", "sections"),
    [(0.7, ["$.overview"]), (1.0, ["$.overview"]), (0.0, ["$.overview", "$.problems"])],
)
def test_copied_text_threshold(threshold: float, sections: list[str]) -> None:
    a = _report(2022, OWN, problems=(OWN,))
    b = _report(2023, OWN, problems=(OTHER + OTHER[:-1] + "再次。" + OWN,))
    found = copied_text(a, b, threshold=threshold)
    assert [f.place.path for f in found] == sections
    assert all(f.code == "X-COPY" and f.severity is Severity.INFO for f in found)


def test_copied_text_message() -> None:
    (finding,) = copied_text(_report(2022, OWN), _report(2023, OWN))
    assert finding.message_zh == (
        "第一部分（总体情况）：“一、总体情况”有 100% 的文字"
        "与某县教育局2022年度报告雷同（1 段）［X-COPY］"
    )
    assert str(finding.found) == "1.00"


def test_series_data_overview_reuse() -> None:
    y2022, y2023 = load(SERIES / "2022.json"), load(SERIES / "2023.json")
    overview = similarity(y2022, y2023)[0]
    assert 0.45 < overview.ratio < 0.6
    assert overview.ratio == similarity(y2023, y2022)[0].ratio
    assert any("谁制定、谁解读" in p for p in overview.passages)
    assert copied_text(y2022, y2023, threshold=0.6) == []
    assert [f.place.path for f in copied_text(y2022, y2023)] == ["$.overview"]


def test_bad_parameters() -> None:
    with pytest.raises(ValueError, match="shingle"):
        similarity(_report(2022), _report(2023), shingle=20, min_passage=10)


SHARED = st.sampled_from([OWN, OTHER, LEGAL, PERIOD, "主动公开"])
PROSE = st.text(alphabet="政府信息公开工作全年发布政策解读培训考核平台建设，。", max_size=60)


@given(
    st.lists(SHARED | PROSE, max_size=4).map(tuple),
    st.lists(SHARED | PROSE, max_size=4).map(tuple),
    st.integers(1, 20),
    st.integers(0, 20),
)
def test_the_ratio_is_symmetric(
    first: tuple[str, ...], second: tuple[str, ...], shingle: int, extra: int
) -> None:
    """similarity(a, b) and similarity(b, a) give the same ratio, so copied_text does too."""
    a, b = _report(2022, *first), _report(2023, *second)
    forth = similarity(a, b, shingle=shingle, min_passage=shingle + extra)
    back = similarity(b, a, shingle=shingle, min_passage=shingle + extra)
    assert [r.ratio for r in forth] == [r.ratio for r in back]
    assert all(0.0 <= r.ratio <= 1.0 for r in forth)
    assert [f.found for f in copied_text(a, b, threshold=0.2)] == [
        f.found for f in copied_text(b, a, threshold=0.2)
    ]
