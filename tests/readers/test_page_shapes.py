"""Page shapes real sites serve that the CMS skeletons do not: wrong charsets, tables split
at a page break, ... (each read into the report the page prints).

The pages are built here from the report's own text and ``wordhtml``'s tables, in the
shapes Word/WPS exports, PDF-to-HTML converters and CMS templates give them.
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import lxml.html
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from govinfo_report import labels, load
from govinfo_report.errors import ReadError
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_html, read_text

from . import cms

if TYPE_CHECKING:
    from govinfo_report import AnnualReport

ROOT = Path(__file__).parents[2]


TRUTH = load(ROOT / "examples" / "city-department-2023.json")
READ_BACK = attrs.evolve(TRUTH, publication=None, contact=None)


@pytest.mark.parametrize("declared", ["utf-8", "iso-8859-1", "windows-1252", "us-ascii"])
@pytest.mark.parametrize("family", cms.FAMILIES)
def test_gbk_page_under_a_wrong_charset(family: str, declared: str) -> None:
    """GBK bytes whose template declares another charset (saved without the server's header)."""
    markup = cms.BUILDERS[family](TRUTH, cms.article(TRUTH), TRUTH.title, lambda _where: "")
    for charset in ("utf-8", "gbk", "gb18030"):
        markup = markup.replace(f"charset={charset}", f"charset={declared}")
    record = read_html(markup.encode("gbk"))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []
    assert [f.code for f in audit(record)] == []


#: Tables sites print around an article, none of them the report's.
SITE_TABLES = tuple(
    "".join(pieces)
    for pieces in (
        (
            "<table class=fj><tr><th>序号</th><th>附件名称</th><th>下载</th></tr><tr><td>1</td>",
            "<td>某市自然资源和规划局2023年政府信息公开工作年度报告.pdf</td><td><a>下载</a></td>",
            "</tr></table>",
        ),
        (
            "<form><table><tr><td>姓名：</td><td><input></td></tr><tr><td>留言内容：</td>",
            "<td><textarea></textarea></td></tr><tr><td colspan=2><input type=submit ",
            "value=提交></td></tr></table></form>",
        ),
        (
            "<table><tr><td>【字体：<a>大</a> <a>中</a> <a>小</a>】</td>",
            "<td><a>【打印】</a><a>【关闭】</a></td></tr></table>",
        ),
        ("<table><tr><td>分享到：</td><td><a>微信</a></td><td><a>微博</a></td></tr></table>",),
        (
            "<table><tr><td>相关文件：</td></tr><tr><td><a>关于印发2024年政务公开工作要点的",
            "通知</a></td><td>2024-03-01</td></tr></table>",
        ),
    )
)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(cms.FAMILIES),
    st.lists(
        st.tuples(
            st.sampled_from(["top", "before", "inside", "after", "bottom"]),
            st.sampled_from(SITE_TABLES),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_site_tables_around_the_report_are_furniture(
    family: str, inserted: list[tuple[str, str]]
) -> None:
    """A site's table above the report's first sentence or below its end changes nothing."""

    def extra(where: str) -> str:
        return "".join(table for at, table in inserted if at == where)

    record = read_html(cms.page(TRUTH, family, extra=extra))
    assert record.to_report() == READ_BACK
    assert record.unread == ()
    assert [f.code for f in record.findings] == []
    furniture = " ".join(f.text for f in record.furniture)
    for _, table in inserted:
        first_cell = html.unescape(table.split("<td>", 1)[1].split("<", 1)[0])
        assert first_cell in furniture


def test_a_site_table_inside_the_report_is_noted() -> None:
    """Between two sections, a table that gives no figure is text the reader did not place."""
    body = cms.article(TRUTH)
    heading = body.index(labels.SECTIONS["problems"].full)
    at = body.rindex("<p class=MsoNormal", 0, heading)
    body = body[:at] + SITE_TABLES[0] + body[at:]
    record = read_html(cms.page(TRUTH, "trs", body=body))
    assert record.to_report() == READ_BACK
    assert {u.text for u in record.unread} >= {"序号", "附件名称", "下载"}
    assert {f.code for f in record.findings} == {"R-UNREAD"}


@settings(max_examples=30, deadline=None)
@given(
    family=st.sampled_from(cms.FAMILIES),
    wrappers=st.lists(
        st.sampled_from(
            [
                "<div class='d-none d-md-block'>",
                "<div class='d-block d-md-none'>",
                "<section class=m-article>",
                "<div class=pc-only>",
                "<article class=wap>",
            ]
        ),
        min_size=2,
        max_size=3,
    ),
    tables=st.lists(st.booleans(), min_size=3, max_size=3).filter(any),
)
def test_copies_of_the_article_read_as_one(
    family: str, wrappers: list[str], tables: list[bool]
) -> None:
    """A responsive page's copies (for computers and phones, one hidden by an outside style
    sheet) are one report, however each copy is wrapped, and whichever has no tables (a
    phone's copy, a placeholder where they were)."""
    article = cms.article(TRUTH)
    if not any(tables[: len(wrappers)]):
        tables[0] = True
    table = re.compile(r"<div align=center><table.*?</table></div>", re.DOTALL)
    phone = table.sub("<p>（表格请在电脑端查看）</p>", article)
    body = "".join(
        f"{w}{article if with_tables else phone}</{w[1:].split(maxsplit=1)[0].rstrip('>')}>"
        for w, with_tables in zip(wrappers, tables, strict=False)
    )
    record = read_html(cms.page(TRUTH, family, body=body))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []
    assert record.unread == ()


def test_copies_that_differ_are_two_reports() -> None:
    article = cms.article(TRUTH)
    other = article.replace(">148<", ">147<", 1)
    assert other != article
    body = f"<div class=pc>{article}</div><div class=wap>{other}</div>"
    with pytest.raises(ReadError, match="more than one annual report"):
        read_html(cms.page(TRUTH, "trs", body=body))


def _heading_in_table(body: str, key: str, columns: int, *, keep_paragraph: bool) -> str:
    """``body`` with the heading of section ``key`` as its table's first row."""
    heading = labels.SECTIONS[key].full
    paragraph = rf"<p class=MsoNormal[^>]*><b>(?:(?!</p>).)*{heading}.*?</p>\n"
    match = re.search(paragraph, body, re.DOTALL)
    assert match is not None
    table = re.compile(r"<table[^>]*>").search(body, match.end())
    assert table is not None
    row = f"<tr><td colspan={columns}><b><span>{heading}</span></b></td></tr>"
    out = body[: table.end()] + row + body[table.end() :]
    return out if keep_paragraph else out[: match.start()] + out[match.end() :]


@pytest.mark.parametrize("keep_paragraph", [False, True], ids=["row-only", "paragraph-too"])
@pytest.mark.parametrize("family", cms.FAMILIES)
def test_section_headings_as_the_tables_first_row(family: str, keep_paragraph: bool) -> None:  # noqa: FBT001
    """二、主动公开政府信息情况 printed as the first row of Table 二, across it (and so on)."""
    body = cms.article(TRUTH)
    for key, columns in (("proactive", 4), ("requests", 11), ("appeals", 15)):
        body = _heading_in_table(body, key, columns, keep_paragraph=keep_paragraph)
    record = read_html(cms.page(TRUTH, family, body=body))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []
    assert [s.heading for s in record.sections] == [s.full for s in labels.SECTIONS.values()]


_PAGE_NUMBERS = st.builds(
    lambda form, n, total: form.format(n=n, total=total),
    st.sampled_from(
        [
            "- {n} -",
            "— {n} —",
            "第 {n} 页 共 {total} 页",
            "第{n}页，共{total}页",
            "第{n}页",
            "共{total}页 第{n}页",
            "{n}/{total}",
            "{n} / {total} 页",
            "Page {n} of {total}",
        ]
    ),
    st.integers(1, 30),
    st.integers(1, 30),
)


#: The paragraphs of the article, as ``test_page_numbers_between_paragraphs_change_nothing``
#: finds them: the last is the closing date, under the organ's name.
_PARAGRAPHS = len(re.findall(r"(?m)^<p class=MsoNormal", cms.article(TRUTH)))


@settings(max_examples=40, deadline=None)
@example(inserted=[(_PARAGRAPHS - 1, "- 7 -")])  # between the signature and its date
@example(inserted=[(_PARAGRAPHS - 1, "第7页，共7页")])
@given(st.lists(st.tuples(st.integers(0, 10_000), _PAGE_NUMBERS), min_size=1, max_size=4))
def test_page_numbers_between_paragraphs_change_nothing(
    inserted: list[tuple[int, str]],
) -> None:
    """A page's number left between the paragraphs (a print layout, a PDF-to-HTML page)."""
    body = cms.article(TRUTH)
    starts = [m.start() for m in re.finditer(r"(?m)^<p class=MsoNormal", body)]
    places = sorted(((starts[at % len(starts)], number) for at, number in inserted), reverse=True)
    for where, number in places:
        body = f"{body[:where]}<p class=MsoNormal align=center>{number}</p>\n{body[where:]}"
    record = read_html(cms.page(TRUTH, "word", body=body))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []


# --- Tables split at a page break ------------------------------------------------------------

#: The report's tables in wordhtml's pages, with how many header rows each has.
_HEADER_ROWS = (2, 3, 3)


def _anchors(rows: list[etree._Element]) -> list[tuple[int, int, int, etree._Element]]:
    """Each cell of ``rows`` with its row, grid column and row span (spans rebuilt)."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, tr in enumerate(rows):
        col = 0
        for td in tr.iterchildren("td", "th"):
            while (r, col) in taken:
                col += 1
            span = min(int(td.get("rowspan", "1")), len(rows) - r)
            width = int(td.get("colspan", "1"))
            taken.update((r + dr, col + dc) for dr in range(span) for dc in range(width))
            out.append((r, col, span, td))
            col += width
    return out


def _part(
    cells: list[tuple[int, int, int, etree._Element]],
    rows: tuple[int, int],
    carried: list[tuple[int, etree._Element]],
) -> str:
    """The rows ``first`` to ``last`` of a table's ``cells`` (spans cut at ``last``), as
    markup; ``carried``: cells merged down from above ``first``, opening it."""
    first, last = rows
    by_row: dict[int, list[tuple[int, etree._Element]]] = {r: [] for r in range(first, last)}
    for r, col, span, td in cells:
        if first <= r < last:
            by_row[r].append((col, _spanning(td, min(span, last - r))))
    by_row[first] += carried
    return "".join(
        "<tr>" + "".join(etree.tostring(c, encoding="unicode") for _, c in sorted(found)) + "</tr>"
        for found in by_row.values()
    )


def _spanning(td: etree._Element, span: int, *, empty: bool = False) -> etree._Element:
    """A copy of ``td`` spanning ``span`` rows (``empty``: without its content)."""
    cell = copy.deepcopy(td)
    cell.tail = None
    cell.attrib.pop("rowspan", None)
    if span > 1:
        cell.set("rowspan", str(span))
    if empty:
        for child in list(cell):
            cell.remove(child)
        cell.text = None
    return cell


def _split_table(table: etree._Element, at: int, *, repeat: int, carry: bool) -> str:
    """``table`` as two tables, split before row ``at`` as converters and WPS split them.

    The second repeats the first ``repeat`` rows (Word's 标题行重复); a cell merged down
    across the break ends above it and goes on below it, empty or (``carry``) printed again.
    """
    rows = list(table.iter("tr"))
    cells = _anchors(rows)
    carried = [
        (col, _spanning(td, r + span - at, empty=not carry))
        for r, col, span, td in cells
        if r < at < r + span
    ]
    second = (_part(cells, (0, repeat), []) if repeat else "") + _part(
        cells, (at, len(rows)), carried
    )
    first = _part(cells, (0, at), [])
    return f"<table border=1>{first}</table>{{between}}<table border=1>{second}</table>"


@settings(max_examples=60, deadline=None)
@given(
    which=st.integers(0, 2),
    where=st.floats(0, 1),
    repeat=st.booleans(),
    carry=st.booleans(),
    between=st.sampled_from(["", "<p>续表</p>", "<p align=center>- 3 -</p>", "<p>&nbsp;</p>"]),
)
def test_a_table_split_at_any_row_reads_the_same(
    which: int,
    where: float,
    repeat: bool,  # noqa: FBT001
    carry: bool,  # noqa: FBT001
    between: str,
) -> None:
    """Splitting a table at any row boundary (header rows repeated or not) changes nothing."""
    body = cms.article(TRUTH)
    root = lxml.html.fromstring(f"<div>{body}</div>")
    table = [t for t in root.iter("table") if "MsoNormalTable" in (t.get("class") or "")][which]
    rows = len(list(table.iter("tr")))
    at = 1 + round(where * (rows - 2))  # a boundary between two rows
    headers = _HEADER_ROWS[which] if repeat and at > _HEADER_ROWS[which] else 0
    split = _split_table(table, at, repeat=headers, carry=carry).replace("{between}", between)
    start = body.index("<table class=MsoNormalTable", body.index(labels.SECTIONS["overview"].full))
    for _ in range(which):
        start = body.index("<table class=MsoNormalTable", start + 1)
    end = body.index("</table>", start) + len("</table>")
    record = read_html(cms.page(TRUTH, "trs", body=body[:start] + split + body[end:]))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []


#: The metadata tags of a government site's article page (政府网站发展指引).
_HEAD_TAGS = (
    "<meta name='SiteName' content='某市人民政府'><meta name='SiteIDCode' content='3300000001'>"
    "<meta name='ColumnName' content='政府信息公开年报'><meta name='ColumnType' content='年报'>"
    f"<meta name='ArticleTitle' content='{TRUTH.title}'>"
    "<meta name='PubDate' content='2024-01-29 09:30'>"
    "<meta name='ContentSource' content='某市自然资源和规划局办公室'>"
)


@pytest.mark.parametrize("family", cms.FAMILIES)
def test_metadata_tags_where_no_line_says(family: str) -> None:
    """The head's PubDate and ContentSource give what the page's lines do not say."""
    plain = read_html(cms.page(TRUTH, family)).metadata
    markup = cms.BUILDERS[family](TRUTH, cms.article(TRUTH), TRUTH.title, lambda _where: "")
    markup = markup.replace("</title>", "</title>" + _HEAD_TAGS, 1)
    record = read_html(markup)
    assert record.to_report() == READ_BACK
    assert record.metadata.publisher == (plain.publisher or "某市自然资源和规划局办公室")
    assert record.metadata.published == (plain.published or dt.date(2024, 1, 29))
    assert (record.metadata.index_number, record.metadata.document_number) == (
        plain.index_number,
        plain.document_number,
    )


def _run_in_headings(body: str, keys: set[str], mark: str, *, bold: bool) -> str:
    """``body`` with the headings of ``keys`` run on into the paragraph after each."""
    root = lxml.html.fromstring(f"<div>{body}</div>")
    for p in list(root.iter("p")):
        text = p.text_content().strip()
        key = next((k for k in keys if labels.SECTIONS[k].full == text), None)
        after = p.getnext()
        if key is None or after is None or after.tag != "p":
            continue
        rest = after.text_content().strip()
        heading = f"<strong>{text}</strong>" if bold else text
        parent = p.getparent()
        assert parent is not None
        parent.replace(p, lxml.html.fragment_fromstring(f"<p>{heading}{mark}{rest}</p>"))
        parent.remove(after)
    return etree.tostring(root, encoding="unicode", method="html")[5:-6]


@settings(max_examples=30, deadline=None)
@given(
    keys=st.sets(st.sampled_from(["overview", "problems", "other_matters"]), min_size=1),
    mark=st.sampled_from(["", "：", ":", "。", "\u3000\u3000", " "]),
    bold=st.booleans(),
    family=st.sampled_from(cms.FAMILIES),
)
def test_section_headings_run_in(keys: set[str], mark: str, bold: bool, family: str) -> None:  # noqa: FBT001
    """``六、其他需要报告的事项：…`` (and 一、, 五、) on one line with the section's text."""
    body = _run_in_headings(cms.article(TRUTH), keys, mark, bold=bold)
    for key in keys:
        assert f"{labels.SECTIONS[key].full}{'</strong>' if bold else ''}{mark}" in body
    record = read_html(cms.page(TRUTH, family, body=body))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []
    assert [s.heading for s in record.sections] == [s.full for s in labels.SECTIONS.values()]


def test_a_run_in_heading_of_six_keeps_the_fees_in_text() -> None:
    """Every reader shares the rule: 六、… run on into its fee sentence, in flattened text."""
    record = read_text(
        "某县2023年政府信息公开工作年度报告\n一、总体情况：本县认真贯彻落实《条例》。\n"
        "五、存在的主要问题及改进情况。无。\n六、其他需要报告的事项：本机关2023年发出收费通知"
        "2件，总金额100元，实际收取信息处理费50元。\n"
    )
    assert [(s.key, s.opening) for s in record.sections] == [
        ("overview", ("本县认真贯彻落实《条例》。",)),
        ("problems", ("无。",)),
        ("other_matters", ("本机关2023年发出收费通知2件，总金额100元，实际收取信息处理费50元。",)),
    ]
    assert [c.raw for c in record.cells] == ["2", "100", "50"]


@pytest.mark.parametrize(
    ("form", "loose"),
    [
        ("{number}、{text}：", False),
        ("{number}、{text}。", False),
        ("{number}、{text}:", False),
        ("{number}. {text}", True),
        ("{number}．{text}", True),
        ("{number}、{text}（单位：件）", False),
    ],
)
def test_section_headings_as_printed(form: str, loose: bool) -> None:  # noqa: FBT001
    """A heading with a mark or a unit after it, or its number marked ``一.``, is its section's."""
    body = cms.article(TRUTH)
    for label in labels.SECTIONS.values():
        printed = form.format(number=label.number[0], text=label.text)
        body = body.replace(f">{label.full}<", f">{html.escape(printed)}<", 1)
    record = read_html(cms.page(TRUTH, "trs", body=body))
    assert record.to_report() == READ_BACK
    assert [s.key for s in record.sections] == list(labels.SECTIONS)
    assert [f.code for f in record.findings] == ["R-LABEL"] * 6 * loose


# --- A page printed one line to a paragraph ----------------------------------------------------


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` (indented two wide characters) in printed lines of ``width`` (wide: 2)."""
    lines, line, used = [], "", 0
    for ch in "\u3000\u3000" + text:
        size = 1 if ch.isascii() else 2
        if used + size > width:
            lines.append(line)
            line, used = "", 0
        line, used = line + ch, used + size
    return [*lines, line]


def _line_by_line(report: AnnualReport, width: int) -> str:
    """The report's article as a PDF-to-HTML converter gives it: a paragraph a line."""
    markup = cms.article(report)
    tables = iter(re.findall(r"<div align=center><table.*?</table></div>", markup, re.DOTALL))

    def para(text: str) -> str:
        return "".join(f"<p>{html.escape(line)}</p>" for line in _wrapped(text, width))

    out = [f"<p>{html.escape(report.title)}</p>", *map(para, report.preface or ())]
    numbers = "一二三四五六七八九十"
    for key, label in labels.SECTIONS.items():
        out.append(f"<p>{label.full}</p>")
        if key in labels.TABLES:
            out.append(next(tables))
            continue
        section = getattr(report, key)
        out += map(para, section.opening)
        for n, part in enumerate(section.parts):
            out.append(para(f"（{numbers[n]}）{part.title}"))
            out += map(para, part.paragraphs)
    date = report.date
    assert date is not None
    out += [f"<p>{report.organ}</p>", f"<p>{date.year}年{date.month}月{date.day}日</p>"]
    return "\n".join(out)


def _texts(report: AnnualReport) -> list[str]:
    """Each section's text run together (what no joining of lines may move or lose)."""
    out = ["".join(report.preface or ())]
    for key in ("overview", "problems", "other_matters"):
        section = getattr(report, key)
        out.append("".join([*section.opening, *(t for p in section.parts for t in p.paragraphs)]))
        out.append("|".join(p.title for p in section.parts))
    return out


@settings(max_examples=25, deadline=None)
@given(width=st.integers(36, 90), family=st.sampled_from(cms.FAMILIES))
def test_a_page_printed_line_by_line(width: int, family: str) -> None:
    """Every printed line a paragraph of its own: the report's text is all read, where it
    stands, the fees' sentence whole; a paragraph ends where a line ends a sentence."""
    record = read_html(cms.page(TRUTH, family, body=_line_by_line(TRUTH, width)))
    report = record.to_report()
    assert _texts(report) == _texts(READ_BACK)
    assert report.other_matters.fees == READ_BACK.other_matters.fees
    assert [f.code for f in record.findings] == []


def test_a_page_printed_line_by_line_at_a_common_width() -> None:
    record = read_html(cms.page(TRUTH, "word", body=_line_by_line(TRUTH, 56)))
    assert record.to_report() == READ_BACK


@pytest.mark.parametrize(
    "title",
    [
        f"{TRUTH.title}（全文）",
        f"{TRUTH.title}【全文】",
        f"{TRUTH.title}（文字版）",
        f"{TRUTH.title}.pdf",
        f"【年报】{TRUTH.title}",
        f"[政府信息公开年报]{TRUTH.title}",
    ],
)
@pytest.mark.parametrize("family", ["trs", "word"])
def test_titles_with_what_sites_add(title: str, family: str) -> None:
    """A version note or a file's type after the title, a column's tag before it."""
    record = read_html(cms.page(TRUTH, family, title=title))
    assert (record.title, record.organ, record.year) == (title, TRUTH.organ, TRUTH.year)
    assert [f.code for f in record.findings] == []
    assert record.to_report() == attrs.evolve(READ_BACK, title=title)


@pytest.mark.parametrize("family", cms.FAMILIES)
def test_an_article_given_only_in_noscript(family: str) -> None:
    """A page whose script writes the article gives it in <noscript> to readers without one."""
    body = f"<div id=app></div><script>render()</script><noscript>{cms.article(TRUTH)}</noscript>"
    record = read_html(cms.page(TRUTH, family, body=body))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []


def test_noscript_beside_the_article_is_not_read() -> None:
    """Where the article is on the page, <noscript> is what a browser with scripts hides."""
    other = cms.article(TRUTH).replace(">148<", ">147<", 1)
    body = f"{cms.article(TRUTH)}<noscript>{other}</noscript>"
    record = read_html(cms.page(TRUTH, "trs", body=body))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []


@pytest.mark.parametrize("where", ["before", "inside", "after", "bottom"])
@pytest.mark.parametrize("family", cms.FAMILIES)
def test_many_links_of_one_width_are_no_printed_lines(family: str, where: str) -> None:
    """A long list of links, each a line as wide as the next, does not make the page one
    printed line by line: its narrative is not joined."""
    links = "".join(
        f"<p><a>某市某某局{year}年政府信息公开工作年度报告（第{n}版）</a></p>"
        for year in range(2008, 2024)
        for n in (1, 2)
    )
    record = read_html(cms.page(TRUTH, family, extra=lambda at: links if at == where else ""))
    assert record.to_report() == READ_BACK


@pytest.mark.parametrize("above_preface", [True, False])
@pytest.mark.parametrize("family", cms.FAMILIES)
def test_a_table_of_contents(family: str, above_preface: bool) -> None:  # noqa: FBT001
    """目录 and the six headings above the report's text: the page's, not six empty sections
    with the whole report read into the last."""
    contents = "<p>目录</p>" + "".join(f"<p>{s.full}</p>" for s in labels.SECTIONS.values())
    body = cms.article(TRUTH)
    if above_preface:
        body = contents + body
    else:
        heading = body.index(labels.SECTIONS["overview"].full)
        at = body.rindex("<p class=MsoNormal", 0, heading)
        body = body[:at] + contents + body[at:]
    record = read_html(cms.page(TRUTH, family, body=body))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []
    furniture = [f.text for f in record.furniture]
    assert all(s.full in furniture for s in labels.SECTIONS.values())


def test_lines_joined_into_one_long_paragraph() -> None:
    """Tens of thousands of lines of one paragraph are joined once (not a copy a line)."""
    line = "本机关认真贯彻落实条例要求，持续推进政务公开标准化规范化建设工作"
    record = read_text(
        "某县2023年政府信息公开工作年度报告\n一、总体情况\n" + (line + "\n") * 40_000 + "完。\n"
    )
    assert record.sections[0].opening == (line * 40_000 + "完。",)


def test_many_elements_of_headings_are_no_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies are looked for among a few elements (each is compared block by block): a page
    of thousands of elements each holding headings is walked a few times, not once each."""
    from govinfo_report.published.readers import html as reader  # noqa: PLC0415

    calls = []
    inside_each = reader._inside_each  # noqa: SLF001

    def counted(*args: Any) -> list[bool]:
        calls.append(1)
        return inside_each(*args)

    monkeypatch.setattr(reader, "_inside_each", counted)
    heads = "<p>一、总体情况</p><p>二、主动公开政府信息情况</p>"
    record = read_html(f"<html><body><div>{f'<div>{heads}</div>' * 5_000}</div></body></html>")
    assert [s.key for s in record.sections] == ["overview", "proactive"]
    assert len(calls) <= 2


@pytest.mark.parametrize("key", ["proactive", "requests", "appeals", "problems", "other_matters"])
def test_a_later_sections_title_as_a_line_of_the_overview(key: str) -> None:
    """A line of section 一's text that is a later section's bare title (其他需要报告的事项):
    the numbered heading below opens that section, and the line stays 一's text."""
    title = labels.SECTIONS[key].text
    report = attrs.evolve(
        READ_BACK,
        overview=attrs.evolve(READ_BACK.overview, opening=(*READ_BACK.overview.opening, title)),
    )
    page = cms.page(report, "trs", body=cms.article(report))
    record = read_html(page)
    assert [s.heading for s in record.sections] == [s.full for s in labels.SECTIONS.values()]
    assert record.to_report() == report
