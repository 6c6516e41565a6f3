# ruff: noqa: C901, PLR0912, PLR0913, PLR0917 - a page generator: one branch per layout feature
"""A report drawn as WPS and print drivers lay it out, straight into PDF (not a test module).

:func:`report_pdf` draws the title, the six headings with the report's narrative, and the
three tables with the official labels (from :mod:`govinfo_report.labels`, never retyped) and
the report's values, in the shapes real attachments have: narrow label columns that wrap a
label over two to four lines, Table 三 split over pages (with or without its header rows
repeated, a ``- N -`` footer under each page), Table 四's headers rotated or one character
per line, numbers in a larger font than their labels and set above the labels' baseline,
rules left out, fonts whose ToUnicode maps ideographs to Kangxi radicals, and cells whose
glyphs carry no text at all. A report of the 2019 edition is drawn in its own layout (format
section 7): its Table 二 of five groups, its Table 三 with （六）其他处理 as one row.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import attrs

from govinfo_report import labels
from govinfo_report.cells import CellKey, cell_value
from govinfo_report.formats.docx.writer import opening

from .pdfbuild import Canvas

if TYPE_CHECKING:
    from govinfo_report import AnnualReport
    from govinfo_report.model import Narrative, OtherMatters

LEFT, RIGHT, TOP, BOTTOM = 79.0, 516.0, 72.0, 760.0
#: Kangxi radicals WPS fonts map common ideographs to (U+2F00 一, U+2F06 二, U+2F0B 八 …).
KANGXI = {"一": "\u2f00", "二": "\u2f06", "八": "\u2f0b", "人": "\u2f08", "十": "\u2f17"}
#: Private Use characters drawn for digits whose glyphs carry no text.
NO_TEXT = {str(d): chr(0xE030 + d) for d in range(10)}


@attrs.frozen(kw_only=True)
class Style:
    """How the report is laid out."""

    rules: bool = True
    appeal_headers: str = "plain"  # "plain", "rotated" or "stacked"
    big_digits: bool = False
    kangxi: bool = False
    unmapped: tuple[CellKey, ...] = ()
    break_after: str | None = None  # Table 三 breaks after the row of this result item
    repeat_header: bool = False
    label_width: float = 70.0  # each of Table 三's three label columns
    long_narrative: int = 0  # extra paragraphs in section 一, pushing the tables down
    one_dunhao: bool = False  # items numbered 1、 as WPS users type them
    #: more glyphs whose ToUnicode maps them elsewhere: (character drawn, text mapped to)
    mapped: tuple[tuple[str, str], ...] = ()
    #: labels of Table 三 printed otherwise: (official label, as printed)
    printed: tuple[tuple[str, str], ...] = ()
    six_as_one: bool = False  # （六）其他处理 as one row of sums (the 2019 layout)
    empty_label_cell: bool = False  # rows 一、二、四、 with an empty third label cell
    shifted_header: bool = False  # the applicant headers one cell left of their figures
    #: cells printed otherwise than the report states them: (cell, as printed)
    printed_values: tuple[tuple[CellKey, str], ...] = ()


@attrs.define
class _Writer:
    style: Style
    canvas: Canvas
    y: float = TOP
    page: int = 1

    def footer(self) -> None:
        self.canvas.text((LEFT + RIGHT) / 2 - 20, 790, f"- {self.page} -", size=12)

    def new_page(self) -> None:
        self.footer()
        self.canvas.new_page()
        self.page += 1
        self.y = TOP

    def paragraph(self, text: str, *, size: float = 16.0, indent: bool = True) -> None:
        per_line = int((RIGHT - LEFT) // size)
        first = 2 if indent else 0
        lines = [text[: per_line - first]]
        rest = text[per_line - first :]
        while rest:
            lines.append(rest[:per_line])
            rest = rest[per_line:]
        for n, line in enumerate(lines):
            if self.y + size * 1.8 > BOTTOM:
                self.new_page()
            self.canvas.text(LEFT + (first * size if n == 0 else 0), self.y, line, size=size)
            self.y += size * 1.8

    def centred(self, text: str, size: float) -> None:
        width = len(text) * size
        self.canvas.text((LEFT + RIGHT - width) / 2, self.y, text, size=size)
        self.y += size * 1.9

    def cell_text(self, box: tuple[float, float, float, float], text: str, kind: str) -> None:
        x0, top, x1, bottom = box
        size = 9.0
        if kind == "value" and self.style.big_digits:
            size = 12.0
            # set above the baseline of the labels beside it
            self.canvas.text(x0 + 3, top + 1, text, size=size)
            return
        if kind == "rotated":
            self.canvas.text(
                (x0 + x1) / 2 - size / 2, bottom - 3 - size, text, size=size, rotate=90
            )
            return
        if kind == "stacked":
            for n, char in enumerate(text):
                self.canvas.text(
                    (x0 + x1) / 2 - size / 2, top + 2 + n * size * 1.1, char, size=size
                )
            return
        per_line = max(1, int((x1 - x0 - 4) // size))
        lines = [text[i : i + per_line] for i in range(0, len(text), per_line)] or [""]
        if kind == "value":  # a figure is never wrapped (its digits are half an em wide)
            lines = [text]
        start = top + max(2.0, ((bottom - top) - len(lines) * size * 1.2) / 2)
        for n, line in enumerate(lines):
            self.canvas.text(x0 + 2, start + n * size * 1.2, line, size=size)

    def box(self, box: tuple[float, float, float, float]) -> None:
        if not self.style.rules:
            return
        x0, top, x1, bottom = box
        self.canvas.line(x0, top, x1, top)
        self.canvas.line(x0, bottom, x1, bottom)
        self.canvas.line(x0, top, x0, bottom)
        self.canvas.line(x1, top, x1, bottom)


def _lines(text: str, width: float, size: float = 9.0) -> int:
    return max(1, math.ceil(len(text) / max(1, int((width - 4) // size))))


def _value(report: AnnualReport, key: CellKey, style: Style) -> str:
    text = dict(style.printed_values).get(key) or str(cell_value(report, key))
    if key in style.unmapped:
        text = "".join(NO_TEXT.get(c, c) for c in text)
    return text


Cell = tuple[str, int, int, str]  # text, colspan, rowspan, kind


def _table(
    w: _Writer,
    edges: list[float],
    rows: list[list[Cell]],
    heights: list[float],
    *,
    header_rows: int = 0,
    cut: int | None = None,
) -> None:
    """Draw a grid: each row lists the cells it starts (text, colspan, rowspan, kind).

    With ``cut``, rows from ``cut`` on go to the next page (after the header rows again when
    the style repeats them); a merged cell spanning the cut prints its text in two parts.
    """
    covered: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, int, int, str, str]] = []
    for r, row in enumerate(rows):
        c = 0
        for text, colspan, rowspan, kind in row:
            while (r, c) in covered:
                c += 1
            placed.append((r, c, colspan, rowspan, text, kind))
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered.add((r + dr, c + dc))
            c += colspan
    n = len(rows)
    if cut is not None and w.y + sum(heights[:cut]) > BOTTOM:
        w.new_page()
    # The rows that fit stay on a page, the rest go on to the next (at ``cut`` at the
    # latest); a page never holds rows past its bottom margin, where its footer stands.
    starts, y = [0], w.y
    for r in range(n):
        room = BOTTOM - (TOP + (sum(heights[:header_rows]) if w.style.repeat_header else 0))
        if r == cut or (y + heights[r] > BOTTOM and r > max(starts[-1], header_rows)):
            starts.append(r)
            y = BOTTOM - room
        y += heights[r]
    segments = list(zip(starts, [*starts[1:], n], strict=True))
    tops: dict[int, float] = {}
    pages: dict[int, int] = {}
    for k, (start, end) in enumerate(segments):
        if k:
            w.new_page()
            if w.style.repeat_header:
                _rows(w, edges, placed, heights, 0, header_rows, tops={}, whole=True)
        y = w.y
        for r in range(start, end):
            tops[r] = y
            pages[r] = len(w.canvas.pages) - 1
            y += heights[r]
        w.y = y
    for r, c, colspan, rowspan, text, kind in placed:
        rows_of = list(range(r, r + rowspan))
        parts = [[x for x in rows_of if s <= x < e] for s, e in segments]
        parts = [p for p in parts if p]
        shown = text
        done = 0
        for m, part in enumerate(parts):
            if len(parts) > 1:  # the text in parts as long as the rows each part spans
                upto = done + len(part)
                first = max(1, round(len(text) * done / rowspan)) if m else 0
                last = len(text) if m == len(parts) - 1 else round(len(text) * upto / rowspan)
                shown = text[first : max(first + 1, last)] if m < len(parts) - 1 else text[first:]
                done = upto
            box = (edges[c], tops[part[0]], edges[c + colspan], tops[part[-1]] + heights[part[-1]])
            w.canvas.current = pages[part[0]]
            w.box(box)
            if shown:
                w.cell_text(box, shown, kind)
    w.canvas.current = -1
    w.y += 20


def _rows(
    w: _Writer,
    edges: list[float],
    placed: list[tuple[int, int, int, int, str, str]],
    heights: list[float],
    start: int,
    end: int,
    *,
    tops: dict[int, float],
    whole: bool,
) -> None:
    """Draw rows ``start`` to ``end`` (the header rows repeated at the top of a page)."""
    del whole
    y = w.y
    for r in range(start, end):
        tops[r] = y
        y += heights[r]
    for r, c, colspan, rowspan, text, kind in placed:
        if start <= r < end:
            last = min(r + rowspan, end) - 1
            box = (edges[c], tops[r], edges[c + colspan], tops[last] + heights[last])
            w.box(box)
            if text:
                w.cell_text(box, text, kind)
    w.y = y


def _heights(rows: list[list[Cell]], widths: list[list[float]], base: float = 18.0) -> list[float]:
    return [
        max(
            [base]
            + [
                _lines(t, wd) * 9.0 * 1.2 + 6
                for (t, _, rs, k), wd in zip(row, ws, strict=False)
                if rs == 1 and k == "label"
            ]
        )
        for row, ws in zip(rows, widths, strict=True)
    ]


def _number(label: labels.Label, style: Style) -> str:
    number = label.number
    if style.one_dunhao and number.endswith("."):
        number = number[:-1] + "、"
    text = number + label.text
    return dict(style.printed).get(text, text)


def _proactive_2019(w: _Writer, report: AnnualReport) -> None:
    """Table 二 of the 2019 edition (format section 7): five groups, each under its own
    header row; a group of two value columns has its last column span two. Narrow labels
    (``label_width`` under 70) wrap 其他对外管理服务事项 and 行政事业性收费 over two lines."""
    first = 120.0 if w.style.label_width >= 70 else 60.0
    edges = [
        LEFT,
        LEFT + first,
        *(LEFT + first + k * (RIGHT - LEFT - first) / 3 for k in (1, 2, 3)),
    ]
    head = labels.PROACTIVE_CONTENT_HEADER
    groups = labels.PROACTIVE_GROUPS_2019
    layout = (
        ("documents", labels.DOCUMENT_COLUMNS_2019),
        ("licensing", labels.ITEM_COLUMNS_2019),
        ("enforcement", labels.ITEM_COLUMNS_2019),
        ("fees", labels.FEE_ITEM_COLUMNS_2019),
        ("procurement", labels.PROCUREMENT_COLUMNS_2019),
    )
    rows_: list[list[Cell]] = []
    widths: list[list[float]] = []
    for group, columns in layout:
        spans = [1] * (len(columns) - 1) + [4 - len(columns)]
        rows_.append([(groups[group].text, 4, 1, "header")])
        rows_.append(
            [
                (head, 1, 1, "header"),
                *((c, n, 1, "header") for c, n in zip(columns.values(), spans, strict=True)),
            ]
        )
        widths += [[0.0], [0.0]]
        for field in (r for r, g in labels.PROACTIVE_ROW_GROUP_2019.items() if g == group):
            values = (
                (_value(report, ("proactive", field, c), w.style), n, 1, "value")
                for c, n in zip(columns, spans, strict=True)
            )
            rows_.append([(labels.PROACTIVE_ROWS_2019[field].text, 1, 1, "label"), *values])
            widths.append([first])
    _table(w, edges, rows_, _heights(rows_, widths, base=20.0))


def _proactive(w: _Writer, report: AnnualReport) -> None:
    if report.edition == "2019":
        _proactive_2019(w, report)
        return
    first = 120.0
    edges = [
        LEFT,
        LEFT + first,
        *(LEFT + first + k * (RIGHT - LEFT - first) / 3 for k in (1, 2, 3)),
    ]

    def v(key: CellKey) -> Cell:
        return (_value(report, key, w.style), 1, 1, "value")

    head = labels.PROACTIVE_CONTENT_HEADER
    groups = labels.PROACTIVE_GROUPS
    rows_: list[list[Cell]] = [
        [(groups["documents"].text, 4, 1, "header")],
        [(head, 1, 1, "header"), *((c, 1, 1, "header") for c in labels.DOCUMENT_COLUMNS.values())],
    ]
    rows_.extend(
        [(labels.PROACTIVE_ROWS[field].text, 1, 1, "label")]
        + [v(("proactive", field, c)) for c in labels.DOCUMENT_COLUMNS]
        for field in ("regulations", "normative_documents")
    )
    for group, fields, column in (
        ("licensing", ("licensing",), labels.DECISIONS_COLUMN),
        ("enforcement", ("punishment", "coercion"), labels.DECISIONS_COLUMN),
        ("fees", ("fees",), labels.FEES_COLUMN),
    ):
        rows_.append([(groups[group].text, 4, 1, "header")])
        rows_.append([(head, 1, 1, "header"), (column, 3, 1, "header")])
        for field in fields:
            value = _value(report, ("proactive", field), w.style)
            rows_.append(
                [(labels.PROACTIVE_ROWS[field].text, 1, 1, "label"), (value, 3, 1, "value")]
            )
    _table(w, edges, rows_, [20.0] * len(rows_))


def _requests(w: _Writer, report: AnnualReport) -> None:
    lw = w.style.label_width
    col = (RIGHT - LEFT - 3 * lw) / 7
    edges = [
        LEFT,
        LEFT + lw,
        LEFT + 2 * lw,
        LEFT + 3 * lw,
        *(LEFT + 3 * lw + k * col for k in range(1, 8)),
    ]
    columns = list(labels.APPLICANT_COLUMNS)
    names = labels.APPLICANT_COLUMNS

    def values(prefix: tuple[str, ...]) -> list[Cell]:
        return [(_value(report, (*prefix, c), w.style), 1, 1, "value") for c in columns]

    rows_: list[list[Cell]] = [
        [(labels.BALANCE_NOTE, 3, 3, "header"), (labels.APPLICANT_HEADER, 7, 1, "header")],
        [
            (names["natural_person"], 1, 2, "header"),
            (labels.LEGAL_PERSON_HEADER, 5, 1, "header"),
            (names["total"], 1, 2, "header"),
        ],
        [(names[c], 1, 1, "header") for c in columns[1:6]],
    ]
    if w.style.shifted_header:
        rows_[0] = [
            (labels.BALANCE_NOTE, 2, 3, "header"),
            (labels.APPLICANT_HEADER, 7, 1, "header"),
            ("", 1, 3, "header"),
        ]
    widths: list[list[float]] = [[0.0], [0.0], [0.0]]
    span = 2 if w.style.empty_label_cell else 3
    empty: list[Cell] = [("", 1, 1, "label")] if w.style.empty_label_cell else []
    for field in ("new", "carried_over"):
        rows_.append(
            [
                (_number(labels.REQUEST_ROWS[field], w.style), span, 1, "label"),
                *empty,
                *values(("requests", field)),
            ]
        )
        widths.append([span * lw])
    result_rows: list[list[Cell]] = []
    result_widths: list[list[float]] = []
    cut_item: int | None = None
    # the 2019 edition: （六）其他处理 is one row of its own figures
    result_items = labels.RESULT_ITEMS_2019 if report.edition == "2019" else labels.RESULT_ITEMS
    for group, label in labels.RESULT_GROUPS.items():
        items = result_items.get(group)
        prefix = ("requests", "results", group)
        if items is None:
            result_rows.append([(_number(label, w.style), 2, 1, "label"), *values(prefix)])
            result_widths.append([2 * lw])
            continue
        if group == "other" and w.style.six_as_one:
            sums = [
                str(sum(int(cell_value(report, (*prefix, i, c))) for i in items)) for c in columns
            ]
            result_rows.append([(_number(label, w.style), 2, 1, "label")])
            result_rows[-1] += [(v, 1, 1, "value") for v in sums]
            result_widths.append([2 * lw])
            continue
        for n, (item, item_label) in enumerate(items.items()):
            cells: list[Cell] = []
            if n == 0:
                cells.append((_number(label, w.style), 1, len(items), "group"))
            cells.append((_number(item_label, w.style), 1, 1, "label"))
            result_rows.append(cells + values((*prefix, item)))
            result_widths.append([lw] * (2 if n == 0 else 1))
            if item == w.style.break_after:
                cut_item = len(rows_) + len(result_rows)
    result_rows[0].insert(
        0, (_number(labels.REQUEST_ROWS["results"], w.style), 1, len(result_rows), "group")
    )
    result_widths[0].insert(0, lw)
    rows_ += result_rows
    widths += result_widths
    rows_.append(
        [
            (_number(labels.REQUEST_ROWS["carried_forward"], w.style), span, 1, "label"),
            *empty,
            *values(("requests", "carried_forward")),
        ]
    )
    widths.append([span * lw])
    heights = _heights(rows_, widths)
    heights[0] = heights[1] = heights[2] = 18.0
    _table(w, edges, rows_, heights, header_rows=3, cut=cut_item)


def _appeals(w: _Writer, report: AnnualReport) -> None:
    col = (RIGHT - LEFT) / 15
    edges = [LEFT + k * col for k in range(16)]
    kind = {"plain": "label", "rotated": "rotated", "stacked": "stacked"}[w.style.appeal_headers]
    header = [(name, 1, 1, kind) for _ in range(3) for name in labels.APPEAL_COLUMNS.values()]
    rows_: list[list[Cell]] = [
        [
            (labels.APPEAL_HEADERS["reconsideration"], 5, 2, "header"),
            (labels.APPEAL_HEADERS["litigation"], 10, 1, "header"),
        ],
        [
            (labels.APPEAL_GROUPS["direct_litigation"][-1], 5, 1, "header"),
            (labels.APPEAL_GROUPS["litigation_after_reconsideration"][-1], 5, 1, "header"),
        ],
        header,
        [
            (_value(report, ("appeals", g, c), w.style), 1, 1, "value")
            for g in labels.APPEAL_GROUPS
            for c in labels.APPEAL_COLUMNS
        ],
    ]
    tall = 4 * 9.0 * 1.1 + 8 if kind in ("rotated", "stacked") else 2 * 9.0 * 1.2 + 6
    _table(w, edges, rows_, [18.0, 18.0, tall, 18.0])


def report_pdf(report: AnnualReport, style: Style | None = None) -> bytes:
    """``report`` drawn as a WPS-made attachment in ``style`` (see the module docstring)."""
    style = style or Style()
    unicode_of: dict[str, str | None] = {}
    if style.kangxi:
        unicode_of.update(KANGXI)
    unicode_of.update(dict(style.mapped))
    unicode_of.update(dict.fromkeys(NO_TEXT.values()))
    w = _Writer(style=style, canvas=Canvas(unicode_of=unicode_of))
    w.centred(f"{report.organ}{report.year}年", 22)
    w.centred("政府信息公开工作年度报告", 22)
    w.y += 10
    for paragraph in report.preface if report.preface is not None else (opening(report),):
        w.paragraph(paragraph)
    sections = labels.SECTIONS
    narratives: dict[str, Narrative | OtherMatters] = {
        "overview": report.overview,
        "problems": report.problems,
        "other_matters": report.other_matters,
    }
    for key, label in sections.items():
        if w.y + 60 > BOTTOM:
            w.new_page()
        w.paragraph(label.full)
        if key in narratives:
            narrative = narratives[key]
            for text in narrative.opening:
                w.paragraph(text)
            for n, part in enumerate(narrative.parts):
                w.paragraph(f"（{'一二三四五六七八九十'[n % 10]}）{part.title}")
                for text in part.paragraphs:
                    w.paragraph(text)
            if key == "overview":
                for k in range(style.long_narrative):
                    w.paragraph(
                        f"第{k + 1}项工作："
                        + "按照年度工作要点，持续推进政务公开标准化规范化建设。" * 3
                    )
        elif key == "proactive":
            _proactive(w, report)
        elif key == "requests":
            if w.y + 200 > BOTTOM and style.break_after is None:
                w.new_page()
            _requests(w, report)
        elif key == "appeals":
            if w.y + 150 > BOTTOM:
                w.new_page()
            _appeals(w, report)
    w.footer()
    return w.canvas.pdf()
