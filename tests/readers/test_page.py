"""What a page puts around a report, as tables: widgets, metadata lines, titles, dates, run-in
headings; and the same reading in every reader (text, HTML, .docx)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from govinfo_report.published.readers import read_docx, read_html, read_text
from govinfo_report.published.readers._interpret import run_in
from govinfo_report.published.readers._page import (
    is_metadata,
    is_widget,
    metadata_fields,
    parse_date,
    title_identity,
)


@pytest.mark.parametrize(
    ("text", "widget"),
    [
        ("【字体：大 中 小】【打印】【关闭】", True),
        ("微信 微博 QQ空间", True),
        ("分享到：", True),
        ("全真版 | 文字版", True),
        ("附件下载：", True),
        ("文件下载", True),
        ("扫一扫在手机上查看当前页面", True),
        ("打印本页 关闭窗口", True),
        ("相关链接：", True),
        ("当前位置：首页 > 政务公开 > 政府信息公开年报", True),
        ("浏览次数：1024", True),
        ("网站标识码：3300000001 浙ICP备05000000号", True),
        ("上一篇：关于开展政务公开培训的通知", True),
        # the report's own text is never a widget
        ("无", False),
        ("全年主动公开信息100条。", False),
        ("通过微信公众号发布信息640条，方便群众查阅。", False),
        ("（一）主动公开", False),
        ("某市自然资源和规划局", False),
        ("2024年1月26日", False),
        ("附件：政府信息公开工作年度报告统计表", False),
    ],
)
def test_widgets(text: str, widget: bool) -> None:  # noqa: FBT001
    assert is_widget(text) is widget


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "来源：某某办公室 时间：2025-03-10 15:35",
            {"publisher": "某某办公室", "published": dt.date(2025, 3, 10)},
        ),
        ("发布机构：某县教育局", {"publisher": "某县教育局"}),
        ("发布日期：2024年01月26日", {"published": dt.date(2024, 1, 26)}),
        ("发布时间：2024/1/26", {"published": dt.date(2024, 1, 26)}),
        (
            "索引号：11330000002482076X/2024-00123",
            {"index_number": "11330000002482076X/2024-00123"},
        ),
        ("文号：某教发〔2024〕5号", {"document_number": "某教发〔2024〕5号"}),
        (
            "索引号： 113300/2024-15 发布机构： 某县教育局 文号： 无",
            {"index_number": "113300/2024-15", "publisher": "某县教育局", "document_number": "无"},
        ),
        (
            "时间:2024-01-26 15:35来源:某县教育局作者:admin点击:次",
            {"published": dt.date(2024, 1, 26), "publisher": "某县教育局"},
        ),
        (
            "发布时间：2024-01-20 来源：本站 【字号：大 中 小】【打印】",
            {"published": dt.date(2024, 1, 20), "publisher": "本站"},
        ),
        ("浏览次数：128", {}),
    ],
)
def test_metadata_lines(line: str, fields: dict[str, object]) -> None:
    assert is_metadata(line)
    assert metadata_fields(line) == fields


@pytest.mark.parametrize(
    "text",
    ["全年主动公开信息100条。", "时间紧、任务重", "（一）主动公开方面。", "一、总体情况"],
)
def test_not_metadata(text: str) -> None:
    assert not is_metadata(text)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("某县教育局2024年政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("某县教育局关于2024年政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("关于某县教育局2024年政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("2024年某县教育局政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("2024年度某县教育局政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("某县教育局2024年度政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("二〇二四年某县教育局政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("某县教育局二〇二四年政府信息公开工作年度报告", ("某县教育局", 2024)),
        ("某县教育局政府信息公开工作2024年度报告", ("某县教育局", 2024)),
        ("某县人民政府2024年政务公开工作年度报告", ("某县人民政府", 2024)),
        ("2024年政府信息公开工作年度报告", (None, 2024)),
        ("某县教育局政府信息公开工作年度报告", ("某县教育局", None)),
        ("关于印发2024年政务公开工作要点的通知", None),
        ("全年主动公开信息100条，政府信息公开工作年度报告按时发布。", None),
    ],
)
def test_titles(title: str, expected: tuple[str | None, int | None] | None) -> None:
    assert title_identity(title) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2024年1月26日", dt.date(2024, 1, 26)),
        ("2024 年 1 月 26 日", dt.date(2024, 1, 26)),
        ("二〇二四年一月二十六日", dt.date(2024, 1, 26)),
        ("二〇二四年十二月三十日", dt.date(2024, 12, 30)),
        ("2024-01-26 15:35", dt.date(2024, 1, 26)),
        ("2024年2月30日", None),
        ("二〇二四年", None),
    ],
)
def test_dates(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "（一）主动公开方面。全年主动公开信息120条。",
            ("（一）主动公开方面。", "主动公开方面", "全年主动公开信息120条。"),
        ),
        ("（二）改进措施：加强培训。", ("（二）改进措施：", "改进措施", "加强培训。")),
        (
            "（一）存在的主要问题:政策解读不够。",
            ("（一）存在的主要问题:", "存在的主要问题", "政策解读不够。"),
        ),
        ("(三)监督保障", ("(三)监督保障", "监督保障", "")),
        ("（四）政府信息管理情况。", ("（四）政府信息管理情况。", "政府信息管理情况", "")),
        (
            "（一）2023年，我局认真贯彻落实《条例》，全面推进决策、执行、管理、服务、结果公开，取得明显成效。",
            (
                "（一）",
                "",
                "2023年，我局认真贯彻落实《条例》，全面推进决策、执行、管理、服务、结果公开，取得明显成效。",
            ),
        ),
    ],
)
def test_run_in_headings(paragraph: str, expected: tuple[str, str, str]) -> None:
    assert run_in(paragraph) == expected


_REPORT = [
    "某县教育局关于2024年政府信息公开工作年度报告",
    "本报告根据《条例》编制。",
    "一、总体情况",
    "（一）主动公开方面。全年主动公开信息120条。",
    "一是加强学习，二是完善制度。",
    "（二）依申请公开：全年收到申请3件。",
    "五、存在的主要问题及改进情况",
    "（一）存在的主要问题:政策解读不够。",
    "（二）改进措施：加强培训。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
    "某县教育局",
    "2025年1月20日",
]

_EXPECTED = {
    "overview": [
        (
            "（一）主动公开方面。",
            "主动公开方面",
            ("全年主动公开信息120条。", "一是加强学习，二是完善制度。"),
        ),
        ("（二）依申请公开：", "依申请公开", ("全年收到申请3件。",)),
    ],
    "problems": [
        ("（一）存在的主要问题:", "存在的主要问题", ("政策解读不够。",)),
        ("（二）改进措施：", "改进措施", ("加强培训。",)),
    ],
}


def _docx(paragraphs: list[str]) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _html(paragraphs: list[str]) -> bytes:
    body = "".join(
        f"<p><b>{t[: t.index('。') + 1]}</b>{t[t.index('。') + 1 :]}</p>"
        if t.startswith("（一）主动")
        else f"<p>{t}</p>"
        for t in paragraphs
    )
    return f"<html><body><div class=content>{body}</div></body></html>".encode()


@pytest.mark.parametrize("reader", ["text", "html", "docx"])
def test_every_reader_reads_run_in_headings_signature_and_title(reader: str) -> None:
    furniture_above = ["当前位置：首页 > 政务公开", "【字体：大 中 小】【打印】【关闭】"]
    furniture_below = ["扫一扫在手机上查看当前页面", "附件下载：", "关闭"]
    paragraphs = [*furniture_above, *_REPORT, *furniture_below]
    if reader == "text":
        record = read_text("\n".join(paragraphs))
    elif reader == "html":
        record = read_html(_html(paragraphs))
    else:
        record = read_docx(_docx(paragraphs))
    assert (record.organ, record.year, record.date) == ("某县教育局", 2024, dt.date(2025, 1, 20))
    assert record.signature == "某县教育局"
    assert record.preface == ("本报告根据《条例》编制。",)
    for key, parts in _EXPECTED.items():
        section = record.section(key)
        assert section is not None
        assert [(p.heading, p.title, p.paragraphs) for p in section.parts] == parts
    other = record.section("other_matters")
    assert other is not None
    assert other.opening == ("本年度未收取信息处理费。",)
    kept = [f.text for f in record.furniture]
    assert kept == [*furniture_above, *furniture_below]
    assert record.unread == ()
    assert record.findings == ()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a lone 一 among Arabic figures is an input method's dash: 0
        (["\t规章\t一\t0\t3"], {"issued": (None, True), "in_force": (3, False)}),
        # where its row or column prints counts in Chinese numerals, 一 is the numeral
        (["\t规章\t一\t二\t三"], {"issued": (1, False), "repealed": (2, False)}),
        (
            ["\t规章\t二\t0\t3", "\t行政规范性文件\t一\t0\t5"],
            {"issued": (2, False), "normative_documents.issued": (1, False)},
        ),
        (
            ["\t规章\t十五\t〇\t一"],
            {"issued": (15, False), "repealed": (0, False), "in_force": (1, False)},
        ),
    ],
)
def test_one_is_a_dash_unless_the_table_prints_chinese_numerals(
    rows: list[str], expected: dict[str, tuple[int | None, bool]]
) -> None:
    record = read_text("\n".join(["二、主动公开政府信息情况", *rows]))
    for name, (value, blank) in expected.items():
        row, _, column = name.rpartition(".")
        cell = record.cell(("proactive", row or "regulations", column))
        assert cell is not None
        assert (cell.value, cell.blank) == (value, blank), name


_OTHER_ITEMS = (
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
)


@pytest.mark.parametrize(("figure", "blank"), [("0", False), ("", True), ("2", False)])
def test_a_docx_cell_merged_over_other_handling(figure: str, blank: bool) -> None:  # noqa: FBT001
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=3, cols=9)
    for r, label in enumerate(_OTHER_ITEMS):
        table.cell(r, 0).text = "（六）其他处理" if r == 0 else ""
        table.cell(r, 1).text = label
    table.cell(0, 0).merge(table.cell(2, 0))
    for c in range(2, 9):
        merged = table.cell(0, c).merge(table.cell(2, c))
        merged.text = figure
    out = io.BytesIO()
    document.save(out)
    record = read_docx(out.getvalue())
    assert len(record.combined) == 7
    assert {len(c.keys) for c in record.combined} == {3}
    assert {(c.raw, c.blank) for c in record.combined} == {(figure, blank)}
    assert not [c for c in record.cells if c.key[2] == "other"]
