"""Headings numbered by Word's list numbering (编号): the number is read as Word prints it.

A clerk who numbers the six headings, the （一）（二） of a section or a table's row labels
with Word's or WPS's automatic numbering has only the words in the paragraph's text; the
一、 and （一） come from ``word/numbering.xml`` (directly through ``w:numPr`` or through
the paragraph's style). The reader prints them, so that such a document reads as one whose
numbers are typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from govinfo_report.formats.json.codec import load
from govinfo_report.published.readers import read_docx
from govinfo_report.published.readers._numbering import Numbering, format_number
from govinfo_report.rules.narrative import _chinese

from .test_docx_shapes import summary
from .wordfile import W, filled, level, numbered, paragraph, set_text, w, with_numbering

CITY = load(Path(__file__).parents[2] / "examples" / "city-department-2023.json")
HEADINGS = ("一、", "二、", "三、", "四、", "五、", "六、")
OUTLINE = (
    level(0, "chineseCounting", "%1、")
    + level(1, "chineseCounting", "（%2）")
    + level(2, "decimal", "%3.")
)


@given(st.integers(1, 9999))
def test_chinese_counting_reads_back(n: int) -> None:
    """Word's 一, 十, 十二, 一百〇五 … are the numbers the narrative rules read."""
    assert _chinese(format_number(n, "chineseCounting")) == n


def _typed_by_word(*, style: bool = False) -> tuple[bytes, bytes]:
    """The filled template twice: headings and the parts of 五 typed, and numbered by Word
    (through each paragraph's ``w:numPr``, or with ``style`` through its heading style)."""
    typed = filled(CITY)
    numbered_doc = filled(CITY)
    with_numbering(numbered_doc, {1: OUTLINE})
    if style:
        styles = numbered_doc.parts["word/styles.xml"].decode()
        for sid, ilvl in (("GovH1", 0), ("GovH2", 1)):
            styles = styles.replace(
                "</w:styles>",
                f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/>'
                f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'
                "</w:pPr></w:style></w:styles>",
            )
        numbered_doc.parts["word/styles.xml"] = styles.encode()
    for doc, by_word in ((typed, False), (numbered_doc, True)):
        for p in doc.body.findall(w("p")):
            text = "".join(p.itertext())
            if text[:2] not in HEADINGS or len(text) > 30:
                continue
            if by_word:
                set_text(p, text[2:])
                _number(p, 0, style=style)
            if text[:2] == "五、":
                last = p
                for n, (title, body) in enumerate(
                    (("存在的主要问题", "公开内容不够全面。"), ("改进情况", "下一步加强培训。"))
                ):
                    head = paragraph(title if by_word else f"（{'一二'[n]}）{title}")
                    if by_word:
                        _number(head, 1, style=style)
                    last.addnext(head)
                    head.addnext(paragraph(body))
                    last = head.getnext()  # type: ignore[assignment]
    return typed.docx(), numbered_doc.docx()


def _number(p: etree._Element, ilvl: int, *, style: bool) -> None:
    if not style:
        numbered(p, 1, ilvl)
        return
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        p.insert(0, ppr)
    old = ppr.find(w("pStyle"))
    if old is not None:
        ppr.remove(old)
    ppr.insert(0, etree.Element(w("pStyle"), {w("val"): "GovH1" if ilvl == 0 else "GovH2"}))


@pytest.mark.parametrize("style", [False, True], ids=["numPr", "style"])
def test_numbered_headings_read_as_typed(style: bool) -> None:  # noqa: FBT001
    typed, by_word = _typed_by_word(style=style)
    record = read_docx(by_word)
    assert summary(record) == summary(read_docx(typed))
    problems = next(s for s in record.sections if s.key == "problems")
    assert [p.heading for p in problems.parts] == ["（一）存在的主要问题", "（二）改进情况"]
    assert not record.findings


def _numbering(levels: str, nums: str) -> Numbering:
    xml = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="7">{levels}'
        f"</w:abstractNum>{nums}</w:numbering>"
    )
    return Numbering(etree.fromstring(xml), None)


def _item(num_id: int, ilvl: int) -> etree._Element:
    p = paragraph("x")
    numbered(p, num_id, ilvl)
    return p


@given(st.lists(st.integers(0, 2), min_size=1, max_size=40))
def test_an_outline_is_counted_as_word_counts_it(path: list[int]) -> None:
    """Each level counts its items; a level starts again under each new item above it."""
    numbering = _numbering(OUTLINE, '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>')
    counters = [0, 0, 0]
    for ilvl in path:
        counters[ilvl] += 1
        for lower in range(ilvl + 1, 3):
            counters[lower] = 0
        shown = [max(c, 1) for c in counters]  # a level never used prints its start
        expected = (
            f"{format_number(shown[0], 'chineseCounting')}、",
            f"（{format_number(shown[1], 'chineseCounting')}）",
            f"{shown[2]}.",
        )[ilvl]
        assert numbering.label(_item(3, ilvl)) == expected


def test_list_instances_continue_unless_restarted() -> None:
    """Two ``w:num`` of one list continue its count; a ``w:startOverride`` starts it again."""
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    numbering = _numbering(level(0, "decimal", "%1、", start=1), nums)
    labels = [numbering.label(_item(n, 0)) for n in (1, 1, 2, 3, 3, 0)]
    assert labels == ["1、", "2、", "3、", "1、", "2、", ""]


@pytest.mark.parametrize(
    ("fmt", "text", "labels"),
    [
        ("bullet", "\uf06c", ["", ""]),
        ("none", "", ["", ""]),
        ("decimalEnclosedCircle", "%1", ["①", "②"]),
        ("ideographTraditional", "%1、", ["甲、", "乙、"]),
        ("chineseLegalSimplified", "第%1条", ["第壹条", "第贰条"]),
        ("decimalFullWidth", "%1．", ["１．", "２．"]),
        ("upperRoman", "%1.", ["I.", "II."]),
    ],
)
def test_number_formats(fmt: str, text: str, labels: list[str]) -> None:
    numbering = _numbering(
        level(0, fmt, text), '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
    )
    assert [numbering.label(_item(1, 0)) for _ in labels] == labels


def test_numbered_row_labels_in_a_table_are_read() -> None:
    """Row labels of Table 三 numbered by Word (1. 2. … under （三）不予公开) read as typed."""
    doc = filled(CITY)
    with_numbering(doc, {1: level(0, "decimal", "%1.")})
    found = 0
    for tc in doc.body.iter(w("tc")):
        text = "".join(tc.itertext())
        if text[:2] in ("1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.") and text.startswith(
            ("1.属于国家秘密", "2.其他法律", "3.危及", "4.保护第三方", "5.属于三类", "6.属于四类")
        ):
            p = tc.find(w("p"))
            assert p is not None
            set_text(tc, text[2:])
            numbered(p, 1, 0)
            found += 1
    assert found == 6
    record = read_docx(doc.docx())
    assert summary(record) == summary(read_docx(filled(CITY).docx()))


def test_a_list_style_s_levels_are_its_lists() -> None:
    """Word's outline lists: list 1 links to list style OutlineCN (``w:numStyleLink``),
    whose ``w:numPr`` names list 2 holding the levels; items of list 1 count in list 2."""
    numbering = (
        f'<w:numbering xmlns:w="{W}">'
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="OutlineCN"/></w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="OutlineCN"/>{OUTLINE}'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>'
    )
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="numbering" w:styleId="OutlineCN">'
        '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>'
    )
    counted = Numbering(etree.fromstring(numbering), etree.fromstring(styles))
    labels = [counted.label(_item(n, ilvl)) for n, ilvl in ((1, 0), (1, 1), (2, 1), (1, 0))]
    assert labels == ["一、", "（一）", "（二）", "二、"]
