r"""The report as a web page in the national layout, carrying its own data (HTML).

Why one module: the page is one document (its markup, its stylesheet, the tables' grids and
the embedded JSON it is checked against), written in one pass.

:func:`html_text` gives the page as text, :func:`write_html` writes it atomically. Two
forms, with the same article in both:

* the **page** (default): ``<!doctype html>``, ``<html lang="zh-CN">``, ``<meta
  charset="utf-8">``, the report's title as ``<title>``, the stylesheet in ``<head>`` with
  the A4 print rules (``@page``: GB/T 9704 margins and page numbers);
* the **fragment** (``fragment=True``), for a site's content management system: the
  ``<article>`` alone, its stylesheet in a ``<style>`` element as its first child.

Neither has a script that runs or loads anything from elsewhere. Every CSS rule of the
article is scoped to its root class :data:`ROOT_CLASS`, so it cannot change the rest of a
site; only the page form has the page-wide rules (``@page``, ``body``).

What the article holds, in order (the contract a reader relies on)
------------------------------------------------------------------

============================================  ===============================================
element                                       content
============================================  ===============================================
``<h1>``                                      ``report.title``
``<p class="govinfo-preface">``               the opening paragraphs (``report.preface``, or
                                              the generated one of the .docx for ``None``)
``<section>`` with ``<h2>``                   each of the six sections, under its canonical
                                              heading (``一、总体情况`` …)
``<h3>`` and ``<p>``                          a narrative part, ``（一）`` + its title, then
                                              its paragraphs (opening paragraphs first)
``<div class="govinfo-table">`` + ``<table>``  Tables 二, 三, 四 in the national grid
``<p class="govinfo-fees">``                  section 六's fee sentence, left out as in the
                                              .docx when the narrative states the figures
``<div class="govinfo-closing">``             the organ and the date (GB/T 9704 7.3.5.2),
                                              only when ``report.date`` is set
``<div class="govinfo-colophon">``            the identity as labelled lines (below)
``<script type="application/json"             the report's JSON (:func:`~govinfo_report.dumps`
id="govinfo-report">``                        without indentation), escaped (below)
============================================  ===============================================

The tables have the national template's grid exactly (``docs/format-2021.md`` sections 3-5:
every label from :mod:`govinfo_report.labels`, the same ``rowspan``/``colspan``), a
``<caption>``, ``<th scope>`` on every header and, on every number cell, ``headers`` naming
its row and column headers from the outermost in, so a screen reader says each number with
its row and column. Table 四's narrow headers are set vertically (``writing-mode``). A report
of the 2019 edition has that edition's grids (format section 7, as its .docx): Table 二's
five groups each with its own header row, Table 三's （六）其他处理 as one row; its signed
本年增/减 is printed with its sign (:func:`cell_text`).

**Cell keys.** Every number cell carries ``data-cell`` with the cell's JSON path
(:attr:`govinfo_report.cells.Cell.path`, e.g. ``$.requests.results.withheld.state_secret
.natural_person``): the same path addresses the value in the embedded JSON, in findings and
in ``govinfo-report read --cells``. The fee figures of the fee sentence carry it too (when
the narrative states them instead, they are in the embedded JSON only).

**Identity lines.** The colophon prints, one ``<p>`` each, ``报告机关：``\ organ,
``报告年度：``\ year\ ``年``, ``格式版本：``\ edition for a report of another edition than
2021, then (when set) ``发布网站：`` and ``网址：``, ``联系地址：``,
``邮政编码：`` and ``联系电话：``, so that a copy whose scripts were stripped still says
everything the report holds.

**The embedded JSON** is ``dumps(report, indent=None)`` with ``<``, ``>``, ``&``, U+2028 and
U+2029 written as ``\u003c``, ``\u003e``, ``\u0026``, ``\u2028``, ``\u2029``: still the
same JSON, and no text in it can end the script element or start markup.

Ids are prefixed with a short digest of the report (``gr-1a2b3c4d-``), so two reports on one
page do not share ids; the same report always gives the same bytes.

>>> from govinfo_report import AnnualReport
>>> page = html_text(AnnualReport(organ="某县教育局", year=2023))
>>> page.startswith('<!doctype html>\n<html lang="zh-CN">')
True
>>> '<td data-cell="$.requests.new.total"' in page
True
"""

from __future__ import annotations

import hashlib
import html
from decimal import Decimal
from typing import TYPE_CHECKING, Final, cast

from govinfo_report import labels
from govinfo_report._io import atomic_write
from govinfo_report.cells import CellKey, any_cell, cell_value
from govinfo_report.formats._prose import (
    FEES_SENTENCE,
    cn_number,
    fees_stated,
    format_amount,
    format_date,
    opening,
    title_lines,
)
from govinfo_report.formats.json.codec import dumps
from govinfo_report.model import DEFAULT_EDITION, AnnualReport
from govinfo_report.model.edition2019 import HandlingResults2019, ProactiveDisclosure2019

if TYPE_CHECKING:
    import os
    import pathlib
    from collections.abc import Callable, Iterable

    from govinfo_report.model import Narrative, OtherMatters

__all__ = [
    "COLOPHON_LABELS",
    "DATA_ID",
    "ROOT_CLASS",
    "cell_text",
    "html_text",
    "json_for_script",
    "write_html",
]

#: The class of the article's root element; every rule of the stylesheet is scoped to it.
ROOT_CLASS: Final = "govinfo-report"
#: The id of the ``<script type="application/json">`` element holding the report's JSON.
DATA_ID: Final = "govinfo-report"

#: The labels of the identity lines, by field (``year`` is printed as ``2023年``).
COLOPHON_LABELS: Final = {
    "organ": "报告机关",
    "year": "报告年度",
    "edition": "格式版本",
    "site_name": "发布网站",
    "url": "网址",
    "address": "联系地址",
    "postcode": "邮政编码",
    "telephone": "联系电话",
}

# --- the stylesheet --------------------------------------------------------------------------

# Font stacks: the faces GB/T 9704 names, their Windows and macOS names, then the free CJK
# faces most Linux machines have, then the generic family.
_FANGSONG: Final = (
    '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", '
    '"Noto Serif CJK SC", "Source Han Serif SC", serif'
)
_HEITI: Final = '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
_KAITI: Final = (
    '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif'
)
_XIAOBIAOSONG: Final = (
    '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "STZhongsong", '
    '"Noto Serif CJK SC", "Source Han Serif SC", serif'
)
_SONG: Final = '"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif'

_R: Final = "." + ROOT_CLASS

#: Rules of the article, every selector under the root class. Screen first, then print
#: (A4, 3号 16 pt body on a 28.95 pt line, 2号 22 pt title, 五号 10.5 pt tables), as the .docx.
_ARTICLE_CSS: Final = f"""\
{_R}{{color:#000;background:#fff;font-family:{_FANGSONG};font-size:1.125rem;\
line-height:1.8;text-align:start;overflow-wrap:anywhere;max-width:48em;margin:0 auto}}
{_R} *{{box-sizing:border-box}}
{_R} h1{{font-family:{_XIAOBIAOSONG};font-weight:normal;font-size:1.6em;line-height:1.5;\
text-align:center;margin:0 0 1em;text-wrap:balance}}
{_R} .govinfo-tl{{display:inline-block}}
{_R} h2{{font-family:{_HEITI};font-weight:normal;font-size:1em;margin:1em 0 0;text-indent:2em}}
{_R} h3{{font-family:{_KAITI};font-weight:normal;font-size:1em;margin:0;text-indent:2em}}
{_R} p{{margin:0;text-indent:2em}}
{_R} .govinfo-table{{overflow-x:auto;margin:.5em 0 1em;max-width:100%}}
{_R} .govinfo-table:focus{{outline:2px solid #1a4f9c;outline-offset:2px}}
{_R} table{{border-collapse:collapse;width:100%;font-size:.875em;line-height:1.4;\
text-align:center;overflow-wrap:normal}}
{_R} caption{{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;\
clip:rect(0 0 0 0);white-space:nowrap;border:0}}
{_R} th,{_R} td{{border:1px solid #000;padding:.3em .4em;font-weight:normal;\
vertical-align:middle}}
{_R} td{{white-space:nowrap;font-variant-numeric:tabular-nums;font-family:"Times New Roman",\
{_FANGSONG}}}
{_R} th.govinfo-l{{text-align:left}}
{_R} td.govinfo-note{{text-align:left;font-size:.9em;white-space:normal}}
{_R} .govinfo-b{{min-width:44em}}
{_R} .govinfo-b td{{min-width:3.6em}}
{_R} .govinfo-c{{min-width:26em}}
{_R} .govinfo-v{{writing-mode:vertical-rl;text-orientation:upright;letter-spacing:.1em;\
white-space:nowrap;display:inline-block}}
{_R} .govinfo-fees{{margin-top:0}}
{_R} .govinfo-closing{{display:flex;justify-content:flex-end;margin-top:1.8em;\
padding-right:2em}}
{_R} .govinfo-closing p{{text-indent:0}}
{_R} .govinfo-closing .govinfo-date{{padding-left:2em}}
{_R} .govinfo-colophon{{margin-top:2em;padding-top:.5em;border-top:1px solid #767676;\
color:#4d4d4d;font-size:.875em;line-height:1.6}}
{_R} .govinfo-colophon p{{text-indent:0}}
@media print{{
{_R}{{font-size:16pt;line-height:28.95pt;max-width:none;margin:0;letter-spacing:-.25pt;\
text-align:justify}}
{_R} h1{{font-size:22pt;line-height:28.95pt;margin:0 0 28.95pt;letter-spacing:0}}
{_R} .govinfo-table{{overflow:visible}}
{_R} table{{font-size:10.5pt;line-height:1.25;letter-spacing:0}}
{_R} .govinfo-b,{_R} .govinfo-c{{min-width:0}}
{_R} thead{{display:table-header-group}}
{_R} tr,{_R} th,{_R} td{{break-inside:avoid}}
{_R} h2,{_R} h3{{break-after:avoid}}
{_R} .govinfo-table:focus{{outline:none}}
{_R} .govinfo-colophon{{font-size:12pt;line-height:1.5;color:#000}}
}}
"""

#: Rules of the whole page (only in the page form): A4 with the GB/T 9704 margins, page
#: numbers ``— N —`` in 宋体 4号, odd pages right and even pages left, one character in.
_PAGE_CSS: Final = f"""\
html{{background:#fff}}
body{{margin:0;padding:1.5rem 1rem}}
@page{{size:A4;margin:37mm 26mm 35mm 28mm}}
@page :right{{@bottom-right{{content:"— " counter(page) " —";font-family:{_SONG};\
font-size:14pt;vertical-align:top;padding-top:7mm;margin-right:14pt}}}}
@page :left{{@bottom-left{{content:"— " counter(page) " —";font-family:{_SONG};\
font-size:14pt;vertical-align:top;padding-top:7mm;margin-left:14pt}}}}
@media print{{body{{padding:0}}}}
"""

# --- escaping ------------------------------------------------------------------------------


def _e(text: str) -> str:
    """Text for an element or a quoted attribute value."""
    return html.escape(text, quote=True)


_SCRIPT_ESCAPES: Final = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_for_script(text: str) -> str:
    r"""JSON text made safe inside ``<script type="application/json">``: the same JSON.

    ``<``, ``>`` and ``&`` occur in JSON only inside strings, where ``\u003c`` and the like
    mean the same characters; with none of them left, nothing can close the element.

    >>> json_for_script('{"organ":"</script><script>x</script>"}')
    '{"organ":"\\u003c/script\\u003e\\u003cscript\\u003ex\\u003c/script\\u003e"}'
    """
    return text.translate(_SCRIPT_ESCAPES)


def cell_text(value: int | Decimal, *, signed: bool = False) -> str:
    """A table cell's number as printed: a count, an amount, or a signed change.

    A signed count (the 2019 edition's 本年增/减) is printed with its sign, ``+`` above zero
    and ``-`` below (``0`` as it is), so a rise and a fall cannot be told apart only by
    a missing minus.

    >>> [cell_text(3), cell_text(3, signed=True), cell_text(-3, signed=True)]
    ['3', '+3', '-3']
    >>> cell_text(0, signed=True)
    '0'
    >>> cell_text(Decimal("12.50"))
    '12.50'
    """
    if isinstance(value, Decimal):
        return format_amount(value)
    return f"{value:+d}" if signed and value else str(value)


# --- public API ----------------------------------------------------------------------------


def html_text(report: AnnualReport, *, fragment: bool = False) -> str:
    """The report as an HTML page, or as a fragment for a site's pages (``fragment=True``).

    The same report always gives the same text.
    """
    if not isinstance(cast("object", report), AnnualReport):  # callers may be untyped
        msg = f"expected an AnnualReport, got {type(report).__name__}"
        raise TypeError(msg)
    data = dumps(report, indent=None).rstrip("\n")
    if fragment:
        # The style element inside the article: one element to paste, and a page whose
        # content starts with <style> has it put in <head> by some parsers (libxml2's),
        # and the article after it with it.
        return _Article(report, data, style=_ARTICLE_CSS).render()
    article = _Article(report, data).render()
    return (
        '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="govinfo_report">\n'
        f"<title>{_e(report.title)}</title>\n"
        f"<style>\n{_PAGE_CSS}{_ARTICLE_CSS}</style>\n</head>\n<body>\n{article}</body>\n</html>\n"
    )


def write_html(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    fragment: bool = False,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> pathlib.Path:
    """Write the report to ``path`` as HTML (UTF-8), atomically; return the path written.

    ``protect`` names input files that must never be overwritten (the JSON the report came
    from): naming one as ``path`` raises :class:`~govinfo_report.errors.WriteError`.
    """
    return atomic_write(path, html_text(report, fragment=fragment).encode("utf-8"), protect=protect)


# --- the article ---------------------------------------------------------------------------


class _Article:
    def __init__(self, report: AnnualReport, data: str, style: str | None = None) -> None:
        self.report = report
        self.data = data
        self.style = style
        self.prefix = "gr-" + hashlib.sha256(data.encode("utf-8")).hexdigest()[:8]
        self.out: list[str] = []

    def id(self, *parts: str) -> str:
        return "-".join((self.prefix, *parts))

    def render(self) -> str:
        report, w = self.report, self.out.append
        w(f'<article class="{ROOT_CLASS}" lang="zh-CN">\n')
        if self.style is not None:
            w(f"<style>\n{self.style}</style>\n")
        # GB/T 9704 7.3.1: a long title breaks before 政府信息公开工作年度报告, as in the .docx;
        # each line is kept whole where the line is wide enough.
        lines = title_lines(report.title)
        if len(lines) == 1:
            w(f"<h1>{_e(report.title)}</h1>\n")
        else:
            spans = "".join(f'<span class="govinfo-tl">{_e(line)}</span>' for line in lines)
            w(f"<h1>{spans}</h1>\n")
        preface = (opening(report),) if report.preface is None else report.preface
        for paragraph in preface:
            w(f'<p class="govinfo-preface">{_e(paragraph)}</p>\n')
        self.narrative("overview", report.overview)
        self.table_section("proactive", self.table_a)
        self.table_section("requests", self.table_b)
        self.table_section("appeals", self.table_c)
        self.narrative("problems", report.problems)
        self.narrative("other_matters", report.other_matters, fees=True)
        if report.date is not None:
            w(
                '<div class="govinfo-closing"><div>'
                f'<p class="govinfo-signature">{_e(report.organ)}</p>'
                f'<p class="govinfo-date"><time datetime="{report.date.isoformat()}">'
                f"{format_date(report.date)}</time></p></div></div>\n"
            )
        self.colophon()
        w(f'<script type="application/json" id="{DATA_ID}">{json_for_script(self.data)}</script>\n')
        w("</article>\n")
        return "".join(self.out)

    # --- sections ---------------------------------------------------------------------

    def open_section(self, key: str) -> None:
        hid = self.id("s", key)
        self.out.append(
            f'<section aria-labelledby="{hid}">\n'
            f'<h2 id="{hid}">{_e(labels.SECTIONS[key].full)}</h2>\n'
        )

    def narrative(self, key: str, section: Narrative | OtherMatters, *, fees: bool = False) -> None:
        w = self.out.append
        self.open_section(key)
        for text in section.opening:
            w(f"<p>{_e(text)}</p>\n")
        for number, part in enumerate(section.parts, start=1):
            w(f"<h3>（{cn_number(number)}）{_e(part.title)}</h3>\n")
            for text in part.paragraphs:
                w(f"<p>{_e(text)}</p>\n")
        if fees and not fees_stated(self.report.other_matters):
            w(f'<p class="govinfo-fees">{self.fees_sentence()}</p>\n')
        w("</section>\n")

    def fees_sentence(self) -> str:
        fees = self.report.other_matters.fees

        def figure(field: str, text: str) -> str:
            return f'<span data-cell="$.other_matters.fees.{field}">{text}</span>'

        # The sentence's own text has no markup characters; only the figures are wrapped.
        return FEES_SENTENCE.format(
            notices=figure("notices", str(fees.notices)),
            notices_amount=figure("notices_amount", format_amount(fees.notices_amount)),
            collected=figure("collected", format_amount(fees.collected)),
        )

    def table_section(self, key: str, table: Callable[[str], None]) -> None:
        self.open_section(key)
        cap = self.id(labels.TABLES[key], "caption")
        self.out.append(
            f'<div class="govinfo-table" role="region" aria-labelledby="{cap}" tabindex="0">\n'
        )
        table(f'<caption id="{cap}">{_e(labels.SECTIONS[key].text)}</caption>\n')
        self.out.append("</div>\n</section>\n")

    def colophon(self) -> None:
        report = self.report
        lines = [("organ", report.organ), ("year", f"{report.year}年")]
        if report.edition != DEFAULT_EDITION:
            lines.append(("edition", report.edition))
        if report.publication is not None:
            lines += [("site_name", report.publication.site_name), ("url", report.publication.url)]
        if report.contact is not None:
            contact = report.contact
            lines += [
                ("address", contact.address),
                ("postcode", contact.postcode),
                ("telephone", contact.telephone),
            ]
        w = self.out.append
        w('<div class="govinfo-colophon">\n')
        for field, value in lines:
            w(f"<p>{COLOPHON_LABELS[field]}：{_e(value)}</p>\n")
        w("</div>\n")

    # --- cells ----------------------------------------------------------------------------

    def td(self, key: CellKey, headers: Iterable[str], colspan: int = 1) -> str:
        cell = any_cell(key)
        text = cell_text(cell_value(self.report, key), signed=cell.kind == "signed")
        span = f' colspan="{colspan}"' if colspan != 1 else ""
        return f'<td data-cell="{cell.path}"{span} headers="{" ".join(headers)}">{_e(text)}</td>'

    def th(  # noqa: PLR0913 - the attributes of a header cell
        self,
        text: str,
        hid: str | None,
        scope: str,
        *,
        colspan: int = 1,
        rowspan: int = 1,
        left: bool = False,
        vertical: bool = False,
    ) -> str:
        attrs = f' id="{hid}"' if hid else ""
        if colspan != 1:
            attrs += f' colspan="{colspan}"'
        if rowspan != 1:
            attrs += f' rowspan="{rowspan}"'
        attrs += f' scope="{scope}"'
        if left:
            attrs += ' class="govinfo-l"'
        body = f'<span class="govinfo-v">{_e(text)}</span>' if vertical else _e(text)
        return f"<th{attrs}>{body}</th>"

    # --- Table 二 (format section 3) ------------------------------------------------------

    def table_a(self, caption: str) -> None:
        if isinstance(self.report.proactive, ProactiveDisclosure2019):
            self.table_a_2019(caption)
            return
        groups, rows = labels.PROACTIVE_GROUPS, labels.PROACTIVE_ROWS
        content = labels.PROACTIVE_CONTENT_HEADER
        w = self.out.append
        w(f'<table class="govinfo-a">\n{caption}<tbody>\n')
        layout: tuple[tuple[str, tuple[str, ...]], ...] = (
            ("documents", ("regulations", "normative_documents")),
            ("licensing", ("licensing",)),
            ("enforcement", ("punishment", "coercion")),
            ("fees", ("fees",)),
        )
        for group, names in layout:
            gid = self.id("a", "g", group)
            w(f"<tr>{self.th(groups[group].full, gid, 'colgroup', colspan=4)}</tr>\n")
            cid = self.id("a", group, "content")
            head = [self.th(content, cid, "col")]
            if group == "documents":
                columns = {c: self.id("a", group, c) for c in labels.DOCUMENT_COLUMNS}
                head += [
                    self.th(label, columns[c], "col")
                    for c, label in labels.DOCUMENT_COLUMNS.items()
                ]
            else:
                vid = self.id("a", group, "value")
                label = labels.FEES_COLUMN if group == "fees" else labels.DECISIONS_COLUMN
                head.append(self.th(label, vid, "col", colspan=3))
            w(f"<tr>{''.join(head)}</tr>\n")
            for name in names:
                rid = self.id("a", "r", name)
                cells = [self.th(rows[name].full, rid, "row")]
                if group == "documents":
                    cells += [
                        self.td(("proactive", name, c), (gid, rid, columns[c]))
                        for c in labels.DOCUMENT_COLUMNS
                    ]
                else:
                    cells.append(self.td(("proactive", name), (gid, rid, vid), colspan=3))
                w(f"<tr>{''.join(cells)}</tr>\n")
        w("</tbody>\n</table>\n")

    def table_a_2019(self, caption: str) -> None:
        """Table 二 of the 2019 edition (format section 7): 4 columns, 18 rows.

        Each group has its own header row; a group with two value columns (（八）, （九）)
        has its last column span two, as in the .docx.
        """
        groups, rows = labels.PROACTIVE_GROUPS_2019, labels.PROACTIVE_ROWS_2019
        content = labels.PROACTIVE_CONTENT_HEADER
        w = self.out.append
        w(f'<table class="govinfo-a">\n{caption}<tbody>\n')
        layout = (
            ("documents", labels.DOCUMENT_COLUMNS_2019),
            ("licensing", labels.ITEM_COLUMNS_2019),
            ("enforcement", labels.ITEM_COLUMNS_2019),
            ("fees", labels.FEE_ITEM_COLUMNS_2019),
            ("procurement", labels.PROCUREMENT_COLUMNS_2019),
        )
        for group, columns in layout:
            spans = [1] * (len(columns) - 1) + [4 - len(columns)]
            gid = self.id("a", "g", group)
            w(f"<tr>{self.th(groups[group].full, gid, 'colgroup', colspan=4)}</tr>\n")
            ids = {c: self.id("a", group, c) for c in columns}
            head = [self.th(content, self.id("a", group, "content"), "col")]
            head += [
                self.th(label, ids[c], "col", colspan=n)
                for (c, label), n in zip(columns.items(), spans, strict=True)
            ]
            w(f"<tr>{''.join(head)}</tr>\n")
            for name in (r for r, g in labels.PROACTIVE_ROW_GROUP_2019.items() if g == group):
                rid = self.id("a", "r", name)
                cells = [self.th(rows[name].full, rid, "row")]
                cells += [
                    self.td(("proactive", name, c), (gid, rid, ids[c]), colspan=n)
                    for c, n in zip(columns, spans, strict=True)
                ]
                w(f"<tr>{''.join(cells)}</tr>\n")
        w("</tbody>\n</table>\n")

    # --- Table 三 (format section 4) ------------------------------------------------------

    def table_b(self, caption: str) -> None:
        columns = labels.APPLICANT_COLUMNS
        legal = [c for c in columns if c not in ("natural_person", "total")]
        w = self.out.append
        applicant, legal_id = self.id("b", "applicant"), self.id("b", "legal")
        col_ids = {c: self.id("b", "c", c) for c in columns}
        chains = {
            c: (applicant, legal_id, col_ids[c]) if c in legal else (applicant, col_ids[c])
            for c in columns
        }
        w(f'<table class="govinfo-b">\n{caption}')
        w("<thead>\n")
        w(
            f'<tr><td class="govinfo-note" colspan="3" rowspan="3">{_e(labels.BALANCE_NOTE)}</td>'
            f"{self.th(labels.APPLICANT_HEADER, applicant, 'colgroup', colspan=7)}</tr>\n"
        )
        w(
            "<tr>"
            + self.th(columns["natural_person"], col_ids["natural_person"], "col", rowspan=2)
            + self.th(labels.LEGAL_PERSON_HEADER, legal_id, "colgroup", colspan=5)
            + self.th(columns["total"], col_ids["total"], "col", rowspan=2)
            + "</tr>\n"
        )
        w("<tr>" + "".join(self.th(columns[c], col_ids[c], "col") for c in legal) + "</tr>\n")
        w("</thead>\n<tbody>\n")

        def counts(prefix: CellKey, rows: tuple[str, ...]) -> str:
            return "".join(self.td((*prefix, c), (*rows, *chains[c])) for c in columns)

        rows = labels.REQUEST_ROWS
        for name in ("new", "carried_over"):
            rid = self.id("b", "r", name)
            head = self.th(rows[name].full, rid, "row", colspan=3, left=True)
            w(f"<tr>{head}{counts(('requests', name), (rid,))}</tr>\n")
        results_id = self.id("b", "r", "results")
        one_row = isinstance(self.report.requests.results, HandlingResults2019)
        # （六）其他处理 is one row in the 2019 edition (format section 7)
        result_items = labels.RESULT_ITEMS_2019 if one_row else labels.RESULT_ITEMS
        span = 2 + sum(len(items) for items in result_items.values()) + one_row + 1
        first = self.th(rows["results"].full, results_id, "rowgroup", rowspan=span, left=True)
        groups = labels.RESULT_GROUPS
        for name in ("disclosed", "partially_disclosed"):
            gid = self.id("b", "r", name)
            head = self.th(groups[name].full, gid, "row", colspan=2, left=True)
            prefix: CellKey = ("requests", "results", name)
            w(f"<tr>{first}{head}{counts(prefix, (results_id, gid))}</tr>\n")
            first = ""
        for group, items in result_items.items():
            gid = self.id("b", "r", group)
            head = self.th(groups[group].full, gid, "rowgroup", rowspan=len(items), left=True)
            for item, label in items.items():
                iid = self.id("b", "r", group, item)
                item_head = self.th(label.full, iid, "row", left=True)
                prefix = ("requests", "results", group, item)
                w(f"<tr>{head}{item_head}{counts(prefix, (results_id, gid, iid))}</tr>\n")
                head = ""
        if one_row:
            oid = self.id("b", "r", "other")
            head = self.th(groups["other"].full, oid, "row", colspan=2, left=True)
            prefix = ("requests", "results", "other")
            w(f"<tr>{head}{counts(prefix, (results_id, oid))}</tr>\n")
        tid = self.id("b", "r", "handled")
        head = self.th(groups["total"].full, tid, "row", colspan=2, left=True)
        w(f"<tr>{head}{counts(('requests', 'results', 'total'), (results_id, tid))}</tr>\n")
        fid = self.id("b", "r", "carried_forward")
        head = self.th(rows["carried_forward"].full, fid, "row", colspan=3, left=True)
        w(f"<tr>{head}{counts(('requests', 'carried_forward'), (fid,))}</tr>\n")
        w("</tbody>\n</table>\n")

    # --- Table 四 (format section 5) ------------------------------------------------------

    def table_c(self, caption: str) -> None:
        columns = labels.APPEAL_COLUMNS
        groups = labels.APPEAL_GROUPS
        w = self.out.append
        top = {k: self.id("c", "h", k) for k in labels.APPEAL_HEADERS}
        group_ids = {g: self.id("c", g) for g in groups}
        chains: dict[str, tuple[str, ...]] = {
            "reconsideration": (top["reconsideration"],),
            "direct_litigation": (top["litigation"], group_ids["direct_litigation"]),
            "litigation_after_reconsideration": (
                top["litigation"],
                group_ids["litigation_after_reconsideration"],
            ),
        }
        w(f'<table class="govinfo-c">\n{caption}<thead>\n<tr>')
        w(self.th(labels.APPEAL_HEADERS["reconsideration"], top["reconsideration"], "colgroup",
                  colspan=5))  # fmt: skip
        w(self.th(labels.APPEAL_HEADERS["litigation"], top["litigation"], "colgroup", colspan=10))
        w("</tr>\n<tr>")
        for column, label in columns.items():
            w(self.th(label, self.id("c", "reconsideration", column), "col", rowspan=2,
                      vertical=True))  # fmt: skip
        for group in ("direct_litigation", "litigation_after_reconsideration"):
            w(self.th(groups[group][-1], group_ids[group], "colgroup", colspan=5))
        w("</tr>\n<tr>")
        for group in ("direct_litigation", "litigation_after_reconsideration"):
            for column, label in columns.items():
                w(self.th(label, self.id("c", group, column), "col", vertical=True))
        w("</tr>\n</thead>\n<tbody>\n<tr>")
        for group in groups:
            for column in columns:
                ids = (*chains[group], self.id("c", group, column))
                w(self.td(("appeals", group, column), ids))
        w("</tr>\n</tbody>\n</table>\n")
