# ruff: noqa: E501, PERF401, C901, PLR0915 - a page/corpus generator: long literal markup
"""Test helper: a report rendered as a web page the way Word's "Save as Web Page" and a
government site's CMS publish it (not a test module; loaded by path from the tests).

The page has the noise real pages have: site navigation and a sidebar of other reports'
titles around the article, ``<p class=MsoNormal>`` paragraphs with nested ``<span>`` and
``<o:p>``, ``&nbsp;``, tables with ``colspan``/``rowspan``, a header spanning one grid
column more than the data (an extra empty cell closing every row), an empty spacer row,
Table C's narrow headers one character per line, and Word's trailing zero-height row that
defines the grid. Zeros may be printed as ``0``, ``/``, ``—`` or left blank.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from govinfo_report import labels
from govinfo_report.cells import cell_value, cells_of

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from govinfo_report import AnnualReport
    from govinfo_report.cells import CellKey

VARIANTS = {
    "normative_documents": "规范性文件",
    "partially_disclosed": "(二)部分公开(区分处理的，只计这一情况，不计其他情况)",
    "internal_affairs": "5.属于三类内容事务信息",
    "no_correction": "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
}


def _p(text: str, *, bold: bool = False, indent: bool = True, center: bool = False) -> str:
    style = "text-indent:32.0pt;line-height:28.0pt" if indent else "line-height:28.0pt"
    align = " align=center style='text-align:center'" if center else f" style='{style}'"
    span = f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{html.escape(text)}</span>"
    if bold:
        span = f"<b><span style='font-family:黑体'>{span}</span></b>"
    return f"<p class=MsoNormal{align}>{span}<span lang=EN-US><o:p></o:p></span></p>\n"


def _td(
    text: str, *, colspan: int = 1, rowspan: int = 1, width: int = 60, markup: bool = False
) -> str:
    attrs = f" width={width}"
    if colspan > 1:
        attrs += f" colspan={colspan}"
    if rowspan > 1:
        attrs += f" rowspan={rowspan}"
    inner = text if markup or text == "&nbsp;" else html.escape(text)
    return (
        f"<td{attrs} valign=center style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>"
        f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:"
        f"10.5pt;font-family:宋体'><font face=宋体>{inner}</font></span><span lang=EN-US>"
        "<o:p></o:p></span></p></td>"
    )


def _table(rows: list[str], columns: int) -> str:
    spacer = (
        "<tr height=0>"
        + "".join("<td width=40 style='border:none'></td>" for _ in range(columns))
        + "</tr>"
    )
    body = "\n".join(f" <tr style='height:20.0pt'>{r}</tr>" for r in rows)
    return (
        "<div align=center><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
        f"style='border-collapse:collapse'>\n{body}\n {spacer}\n</table></div>\n"
    )


def _vertical(text: str) -> str:
    return "<br>".join(html.escape(ch) for ch in text)


def _table_a(
    rows: list[str], value: Callable[[CellKey], str], label: Callable[[str, str], str]
) -> None:
    """The 2021 Table 二 (format section 3): 4 grid columns."""
    groups = labels.PROACTIVE_GROUPS
    rows.append(_td(groups["documents"].full, colspan=4))
    rows.append(_td("信息内容") + "".join(_td(c) for c in labels.DOCUMENT_COLUMNS.values()))
    for field in ("regulations", "normative_documents"):
        name = label(field, labels.PROACTIVE_ROWS[field].full)
        rows.append(
            _td(name)
            + "".join(_td(value(("proactive", field, c))) for c in labels.DOCUMENT_COLUMNS)
        )
    for group, fields, column in (
        ("licensing", ("licensing",), labels.DECISIONS_COLUMN),
        ("enforcement", ("punishment", "coercion"), labels.DECISIONS_COLUMN),
        ("fees", ("fees",), labels.FEES_COLUMN),
    ):
        rows.append(_td(groups[group].full, colspan=4))
        rows.append(_td("信息内容") + _td(column, colspan=3))
        for field in fields:
            rows.append(
                _td(labels.PROACTIVE_ROWS[field].full) + _td(value(("proactive", field)), colspan=3)
            )


def _table_a_2019(value: Callable[[CellKey], str], minus: str) -> list[str]:
    """The 2019 Table 二 (format section 7): 5 grid columns, as its group rows span.

    The labels' column spans two grid columns; a group of two value columns (（八）, （九）)
    has its last value cell span two. ``minus``: how a negative 本年增/减 is printed.
    """
    columns = {
        "documents": labels.DOCUMENT_COLUMNS_2019,
        "licensing": labels.ITEM_COLUMNS_2019,
        "enforcement": labels.ITEM_COLUMNS_2019,
        "fees": labels.FEE_ITEM_COLUMNS_2019,
        "procurement": labels.PROCUREMENT_COLUMNS_2019,
    }
    rows = []
    for group, group_label in labels.PROACTIVE_GROUPS_2019.items():
        names = columns[group]
        spans = [1] * (len(names) - 1) + [4 - len(names)]
        rows.append(_td(group_label.full, colspan=5))
        rows.append(
            _td(labels.PROACTIVE_CONTENT_HEADER, colspan=2)
            + "".join(_td(c, colspan=n) for c, n in zip(names.values(), spans, strict=True))
        )
        for field, row_group in labels.PROACTIVE_ROW_GROUP_2019.items():
            if row_group != group:
                continue
            cells = ""
            for column, n in zip(names, spans, strict=True):
                shown = value(("proactive", field, column))
                if column == "change" and shown.startswith("-"):
                    shown = minus + shown[1:]
                cells += _td(shown, colspan=n, markup=True)
            rows.append(_td(labels.PROACTIVE_ROWS_2019[field].full, colspan=2) + cells)
    return rows


def render(  # noqa: PLR0912, PLR0913 - one page, written top to bottom
    report: AnnualReport,
    *,
    zero: Callable[[CellKey], str] = lambda _key: "0",
    raw: Mapping[CellKey, str] | None = None,
    variants: bool = False,
    nav: bool = True,
    run_in: bool = False,
    signature: bool = False,
    minus: str = "-",
) -> str:
    """The page as markup (encode it as you like; the meta says GBK).

    ``run_in``: each part's first paragraph runs on after its title (``（一）主动公开。…``);
    ``signature``: the organ and the report's date close the report, when it has a date.
    A report of the 2019 edition is printed in its layout (format section 7: its Table 二,
    （六）其他处理 one row), a negative 本年增/减 with ``minus`` for its sign.
    """
    raw = dict(raw or {})

    def value(key: CellKey) -> str:
        if key in raw:
            return html.escape(raw[key]) or "&nbsp;"
        v = cell_value(report, key)
        if v == 0:
            shown = zero(key)
            return shown or "&nbsp;"
        return format(v, "f") if not isinstance(v, int) else str(v)

    def label(field: str, default: str) -> str:
        return VARIANTS.get(field, default) if variants else default

    out = [
        "<html xmlns:v='urn:schemas-microsoft-com:vml' xmlns:o='urn:schemas-microsoft-com:office:office'>",
        "<head><meta http-equiv=Content-Type content='text/html; charset=gbk'>",
        "<meta name=Generator content='Microsoft Word 15 (filtered)'>",
        "<title>" + html.escape(report.title) + "_政府信息公开</title>",
        "<style>p.MsoNormal{margin:0cm;font-size:10.5pt}</style><script>var _hmt=[];</script></head>",
        "<body lang=ZH-CN>",
    ]
    if nav:
        out.append(
            "<div class=top><ul><li><a href='/'>首页</a></li><li><a href='/zwgk/'>政务公开</a></li>"
            "<li><a href='/hdjl/'>互动交流</a></li></ul></div>"
            "<div class=crumb>当前位置：<a href='/'>首页</a> &gt; <a href='/zwgk/'>政务公开</a> &gt; 年度报告</div>"
            "<div class=side><h3>相关报告</h3><ul>"
            f"<li><a href='/a/1.html'>{html.escape(report.organ)}{report.year - 1}年政府信息公开工作年度报告</a></li>"
            "<li><a href='/a/2.html'>某区2020年政府信息公开工作年度报告</a></li></ul></div>"
        )
    out.append("<div class=article>")
    out.append(f"<h1 class=title>{html.escape(report.title)}</h1>")
    if nav:
        out.append(
            "<div class=info>发布时间：2024-01-20 来源：办公室 浏览次数：<span id=hits>128</span></div>"
        )
    out.append("<div class=WordSection1 style='layout-grid:15.6pt'>")
    out.extend(_p(text) for text in report.preface or ())
    sections = labels.SECTIONS

    def narrative(opening: tuple[str, ...], parts: tuple[object, ...]) -> None:
        for text in opening:
            out.append(_p(text))
        numbers = "一二三四五六七八九十"
        for i, part in enumerate(parts):
            heading = f"（{numbers[i % 10]}）{part.title}"  # type: ignore[attr-defined]
            paragraphs = list(part.paragraphs)  # type: ignore[attr-defined]
            if run_in and paragraphs:
                heading += "。" + paragraphs.pop(0)
            out.append(_p(heading, bold=False))
            for text in paragraphs:
                out.append(_p(text))

    out.append(_p(sections["overview"].full, bold=True))
    narrative(report.overview.opening, report.overview.parts)
    # Table A
    out.append(_p(sections["proactive"].full, bold=True))
    rows: list[str] = []
    if report.edition == "2019":
        out.append(_table(_table_a_2019(value, minus), 5))
    else:
        _table_a(rows, value, label)
        out.append(_table(rows, 4))
    # Table B: 10 grid columns, plus one extra empty column closing every row
    out.append(_p(sections["requests"].full, bold=True))
    rows = []
    cols = labels.APPLICANT_COLUMNS
    rows.append(
        _td(labels.BALANCE_NOTE, colspan=3, rowspan=3) + _td(labels.APPLICANT_HEADER, colspan=8)
    )
    rows.append(
        _td(cols["natural_person"], rowspan=2)
        + _td(labels.LEGAL_PERSON_HEADER, colspan=5)
        + _td(cols["total"], rowspan=2)
        + _td("")
    )
    rows.append(
        "".join(
            _td(_vertical(cols[c]), markup=True) if len(cols[c]) > 4 else _td(cols[c])
            for c in list(cols)[1:6]
        )
        + _td("")
    )
    rows.append(_td("") * 11)  # an empty spacer row
    keys = [c.key for c in cells_of(report.edition) if c.table == "三"]
    prefixes: list[tuple[str, ...]] = []
    for k in keys:
        if k[:-1] not in prefixes:
            prefixes.append(k[:-1])
    results_rows = sum(1 for p in prefixes if p[1] == "results")
    seen_group: set[str] = set()
    for prefix in prefixes:
        cells = "".join(_td(value((*prefix, c))) for c in cols) + _td("")
        if prefix[1] != "results":
            text = labels.REQUEST_ROWS[prefix[1]].full
            rows.append(_td(text, colspan=3) + cells)
            continue
        head = ""
        if prefix == prefixes[2] or prefix[2:3] == ("disclosed",):
            head = _td(labels.REQUEST_ROWS["results"].full, rowspan=results_rows)
        group = prefix[2]
        group_label = labels.RESULT_GROUPS[group].full
        if group == "partially_disclosed":
            group_label = label(group, group_label)
        if len(prefix) == 3:
            rows.append(head + _td(group_label, colspan=2) + cells)
            continue
        item = prefix[3]
        if group not in seen_group:
            seen_group.add(group)
            n = len(labels.RESULT_ITEMS[group])
            head += _td(group_label, rowspan=n)
        item_label = labels.RESULT_ITEMS[group][item].full
        item_label = label(item, item_label)
        rows.append(head + _td(item_label) + cells)
    out.append(_table(rows, 11))
    # Table C
    out.append(_p(sections["appeals"].full, bold=True))
    rows = []
    rows.append(_td("行政复议", colspan=5) + _td("行政诉讼", colspan=10))
    ac = labels.APPEAL_COLUMNS
    rows.append(
        "".join(_td(_vertical(ac[c]), rowspan=2, markup=True) for c in ac)
        + _td("未经复议直接起诉", colspan=5)
        + _td("复议后起诉", colspan=5)
    )
    rows.append("".join(_td(_vertical(ac[c]), markup=True) for _ in range(2) for c in ac))
    rows.append("".join(_td(value(("appeals", g, c))) for g in labels.APPEAL_GROUPS for c in ac))
    out.append(_table(rows, 15))
    out.append(_p(sections["problems"].full, bold=True))
    narrative(report.problems.opening, report.problems.parts)
    out.append(_p(sections["other_matters"].full, bold=True))
    narrative(report.other_matters.opening, report.other_matters.parts)
    fees = report.other_matters.fees
    sentence = (
        f"本年度收取信息处理费情况：发出收费通知的件数为{value(('other_matters', 'fees', 'notices'))}件，"
        f"总金额为{value(('other_matters', 'fees', 'notices_amount'))}元，"
        f"实际收取的总金额为{value(('other_matters', 'fees', 'collected'))}元。"
    )
    del fees
    out.append(_p(sentence.replace("&nbsp;", "0")))
    if signature and report.date is not None:
        d = report.date
        out.append(_p(report.organ, indent=False))
        out.append(_p(f"{d.year}年{d.month}月{d.day}日", indent=False))
    out.append("</div></div>")
    if nav:
        out.append(
            "<div class=footer><p>主办单位：某县人民政府办公室 网站标识码：1234567890</p><p>备案号：某ICP备00000000号</p></div>"
        )
    out.append("</body></html>")
    return "\n".join(out)
