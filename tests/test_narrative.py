"""T-TEXT on sentences as real reports write them: what is read, what is left alone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govinfo_report.cells import CELLS
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_text
from govinfo_report.rules.narrative import Paragraph, check_narrative
from govinfo_report.rules.phrases import PHRASES

#: The tables of one report: 一 25, 二 2, （七） 26, 四 1, and so on.
VALUES: dict[tuple[str, ...], int | Decimal] = {
    ("requests", "new", "total"): 25,
    ("requests", "carried_over", "total"): 2,
    ("requests", "results", "total", "total"): 26,
    ("requests", "carried_forward", "total"): 1,
    ("proactive", "regulations", "issued"): 1,
    ("proactive", "regulations", "repealed"): 0,
    ("proactive", "regulations", "in_force"): 12,
    ("proactive", "normative_documents", "issued"): 6,
    ("proactive", "normative_documents", "repealed"): 3,
    ("proactive", "normative_documents", "in_force"): 470,
    ("proactive", "licensing"): 1234,
    ("proactive", "punishment"): 56,
    ("proactive", "coercion"): 3,
    ("proactive", "fees"): Decimal("12.50"),
    ("appeals", "reconsideration", "total"): 2,
    ("appeals", "direct_litigation", "total"): 1,
    ("appeals", "litigation_after_reconsideration", "total"): 0,
    ("other_matters", "fees", "notices"): 2,
    ("other_matters", "fees", "notices_amount"): Decimal(120),
    ("other_matters", "fees", "collected"): Decimal(80),
}


def flagged(text: str, title: str = "") -> list[tuple[str, object, object]]:
    paragraph = Paragraph(path="$.overview.opening[0]", section="overview", text=text, title=title)
    return [
        (f"{f.place.row}|{f.place.column}", f.expected, f.found)
        for f in check_narrative([paragraph], VALUES, year=2023)
    ]


NEW = "一、本年新收政府信息公开申请数量|总计"
REGS_IN_FORCE = "第二十条第（一）项/行政规范性文件|现行有效件数"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Agreeing figures, in many phrasings and number forms.
        ("2023年，本机关新收政府信息公开申请25件。", []),
        ("新收政府信息公开申请二十五件。", []),
        ("新收政府信息公开申请２５件。", []),
        ("全年共收到政府信息公开申请27件（含上年结转2件）。", []),
        ("全年共收到政府信息公开申请25件。", []),
        ("本年度共办理政府信息公开申请27件。", []),
        ("全年共办结政府信息公开申请26件，结转下年度继续办理1件。", []),
        ("已依法答复26件，1件申请结转下年度办理。", []),
        ("全年制发行政规范性文件6件，废止3件，现行有效470件。", []),
        ("全年制发规章1件、行政规范性文件6件。", []),
        ("制发6件规范性文件。", []),
        ("因政府信息公开被申请行政复议2件、被提起行政诉讼1件。", []),
        ("全年作出行政许可决定1,234件，行政处罚决定56件，行政强制决定三件。", []),
        ("全年收取行政事业性收费12.5万元。", []),
        ("全年收取行政事业性收费125000元。", []),
        ("全年收取行政事业性收费13万元。", []),  # rounded to 万元
        ("本年度发出收费通知的件数为2件，总金额为120元，实际收取的总金额为80元。", []),
        ("本年度未发生政府信息公开行政复议案件。", [
            ("行政复议|总计", 2, 0),
        ]),
        # Left alone: other years, comparisons, columns, subsets, approximations, other work.
        ("新收申请较上年增加5件。", []),
        ("新收自然人申请20件。", []),
        ("其中按期办结20件。", []),
        ("2022年新收政府信息公开申请20件。", []),
        ("新收申请约30件。", []),
        ("新收申请30余件。", []),
        ("上年新收申请30件，本年新收25件。", []),
        ("新收政府信息公开申请中，予以公开20件。", []),
        ("进一步完善规章制度3件。", []),
        ("受理行政许可申请1300件，办结1290件。", []),
        ("全年清理规范性文件120件。", []),
        ("全年主动公开政府信息1234条。", []),
        ("办理人大代表建议10件、政协提案8件。", []),
        ("实行一件一档管理。", []),
        ("全年共收到申请30件。", [(NEW, 25, 30)]),  # neither 一 (25) nor 一 + 二 (27)
        # Disagreeing figures.
        ("2023年，本机关新收政府信息公开申请24件。", [(NEW, 25, 24)]),
        ("截至年底，现行有效行政规范性文件393件。", [(REGS_IN_FORCE, 470, 393)]),
        ("全年制发规章1件、行政规范性文件5件。", [
            ("第二十条第（一）项/行政规范性文件|本年制发件数", 6, 5),
        ]),
        ("全年作出行政许可决定1.2万件。", [
            ("第二十条第（五）项/行政许可|本年处理决定数量", 1234, 12000),
        ]),
        ("共办结26件申请，2件结转下年度。", [("四、结转下年度继续办理|总计", 1, 2)]),
        ("实际收取信息处理费90元。", [
            ("信息处理费|实际收取的总金额", Decimal(80), Decimal(90)),
        ]),
        ("本年度未收取信息处理费。", [("信息处理费|实际收取的总金额", Decimal(80), 0)]),
        ("本年度未收到政府信息公开申请。", [(NEW, 25, 0)]),
        ("因政府信息公开被提起行政诉讼3件。", [
            ("行政诉讼/未经复议直接起诉 + 行政诉讼/复议后起诉|总计", 1, 3),
        ]),
    ],
)  # fmt: skip
def test_sentences(text: str, expected: list[tuple[str, object, object]]) -> None:
    assert flagged(text) == expected


def test_context_from_the_parts_title() -> None:
    assert flagged("全年新收30件。") == []  # no 申请 anywhere: not read
    assert flagged("全年新收30件。", title="依申请公开") == [(NEW, 25, 30)]


def test_other_years_need_the_reports_year() -> None:
    paragraph = Paragraph(path="$.preface", section="preface", text="2023年新收申请30件。")
    assert check_narrative([paragraph], VALUES, year=None) == []
    assert len(check_narrative([paragraph], VALUES, year=2023)) == 1


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: p.name)
def test_every_phrase_example_is_read(phrase: object) -> None:
    """Each documented example is read as its phrase: against other values, it is flagged."""
    example = phrase.example  # type: ignore[attr-defined]
    readings = phrase.readings  # type: ignore[attr-defined]
    other = {c.key: (Decimal(999_999) if c.kind == "amount" else 999_999) for c in CELLS}
    paragraph = Paragraph(path="$.p", section="overview", text=example, title="依申请公开")
    findings = check_narrative([paragraph], other, year=2023)
    assert findings, example
    wanted = {".".join(k).replace("*", "") for reading in readings for k in reading}
    got = {c.removeprefix("$.") for f in findings for c in f.cells}
    assert any(
        g.startswith(w.split("..")[0]) and g.endswith(w.split("..")[-1])
        for w in wanted
        for g in got
    ), (example, got)


def test_the_message_quotes_sentence_figure_and_cell() -> None:
    paragraph = Paragraph(
        path="$.overview.parts[1].paragraphs[0]",
        section="overview",
        text="截至年底，现行有效行政规范性文件393件。",
    )
    (finding,) = check_narrative([paragraph], VALUES, year=2023)
    assert finding.code == "T-TEXT"
    assert finding.severity.value == "warning"
    assert finding.place.path == "$.overview.parts[1].paragraphs[0]"
    assert finding.cells == ("$.proactive.normative_documents.in_force",)
    assert finding.message_zh == (
        "第二部分（主动公开政府信息情况）表格“第二十条第（一）项/行政规范性文件”行“现行有效件数”列：“一、总体情况”中"
        "“截至年底，现行有效行政规范性文件393件。”写作“393件”，表中为 470［T-TEXT］"
    )
    assert finding.message_en == (
        'table 二, row "第二十条第（一）项/行政规范性文件", column "现行有效件数": the text '
        'in 一、总体情况 says "393件" ("截至年底，现行有效行政规范性文件393件。"); '
        "the table has 470 [T-TEXT]"
    )


SAMPLE = Path(__file__).parent / "data" / "published" / "jinlongshan-2021.txt"


def test_audit_of_a_published_report() -> None:
    """The town's report says it received no request; planted, it says 3 (its table: 0)."""
    text = SAMPLE.read_text(encoding="utf-8")
    said = "2021年度，金龙山镇未收到政府信息公开申请。"
    assert said in text
    assert [f for f in audit(read_text(text)) if f.code == "T-TEXT"] == []
    planted = text.replace(said, "2021年度，金龙山镇新收政府信息公开申请3件。")
    findings = [f for f in audit(read_text(planted)) if f.code == "T-TEXT"]
    assert [(f.place.row, f.expected, f.found) for f in findings] == [
        ("一、本年新收政府信息公开申请数量", 0, 3)
    ]
    assert "金龙山镇新收政府信息公开申请3件" in findings[0].message_zh
