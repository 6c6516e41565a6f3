# ruff: noqa: PLR0915, C901 - a text generator, written top to bottom
"""Test helper: a report as the text a reader copies out of its web page (not a test module;
loaded by path from the tests).

The layout of ``tests/data/published/jinlongshan-2021.txt``: headings and paragraphs are
plain lines; each table is a run of cells, one a line, each starting with a tab, rows
separated by empty lines; a merged cell appears once, on its first row; Table 四's narrow
headers one character a line. The grids are those of the report's edition: format section
3-5 for 2021, section 7 for 2019 (its Table 二 with 本年新制作数量 …, 上一年项目数量 /
本年增/减 / 处理决定数量, 政府集中采购; （六）其他处理 one row of Table 三).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govinfo_report import labels
from govinfo_report.cells import cell_value, cells_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_report import AnnualReport
    from govinfo_report.cells import CellKey

_NUMBERS = "一二三四五六七八九十"


def render(
    report: AnnualReport,
    *,
    zero: Callable[[CellKey], str] = lambda _key: "0",
    minus: str = "-",
) -> str:
    """The report as flattened text; zeros as ``zero(key)`` prints them, a negative
    本年增/减 with ``minus`` for its sign."""
    lines: list[str] = [report.title, ""]

    def value(key: CellKey) -> str:
        v = cell_value(report, key)
        if v == 0:
            return zero(key)
        shown = format(v, "f") if not isinstance(v, int) else str(v)
        return minus + shown[1:] if shown.startswith("-") else shown

    def row(*cells: str) -> None:
        lines.extend("\t" + c for c in cells)
        lines.append("")

    def narrative(opening: tuple[str, ...], parts: tuple[object, ...]) -> None:
        lines.extend(opening)
        for i, part in enumerate(parts):
            lines.append(f"（{_NUMBERS[i % 10]}）{part.title}")  # type: ignore[attr-defined]
            lines.extend(part.paragraphs)  # type: ignore[attr-defined]

    sections = labels.SECTIONS
    lines.extend(report.preface or ())
    lines.append(sections["overview"].full)
    narrative(report.overview.opening, report.overview.parts)
    lines.append(sections["proactive"].full)
    if report.edition == "2019":
        _table_a_2019(row, value)
    else:
        _table_a(row, value)
    lines.append(sections["requests"].full)
    cols = labels.APPLICANT_COLUMNS
    row(labels.BALANCE_NOTE, labels.APPLICANT_HEADER)
    row(cols["natural_person"], labels.LEGAL_PERSON_HEADER, cols["total"])
    row(*(cols[c] for c in list(cols)[1:6]))
    prefixes = list(dict.fromkeys(c.key[:-1] for c in cells_of(report.edition) if c.table == "三"))
    seen: set[str] = set()
    for prefix in prefixes:
        heads: list[str] = []
        if prefix[1] != "results":
            heads.append(labels.REQUEST_ROWS[prefix[1]].full)
        else:
            if prefix[2] == "disclosed":
                heads.append(labels.REQUEST_ROWS["results"].full)
            group = prefix[2]
            if len(prefix) == 3:  # a group printed as one row
                heads.append(labels.RESULT_GROUPS[group].full)
            else:
                if group not in seen:
                    seen.add(group)
                    heads.append(labels.RESULT_GROUPS[group].full)
                heads.append(labels.RESULT_ITEMS[group][prefix[3]].full)
        row(*heads, *(value((*prefix, c)) for c in cols))
    lines.append(sections["appeals"].full)
    row(labels.APPEAL_HEADERS["reconsideration"], labels.APPEAL_HEADERS["litigation"])
    ac = labels.APPEAL_COLUMNS
    lines.extend("\t" + "\n".join(ac[c]) for c in ac)
    row(
        labels.APPEAL_GROUPS["direct_litigation"][-1],
        labels.APPEAL_GROUPS["litigation_after_reconsideration"][-1],
    )
    lines.extend("\t" + "\n".join(ac[c]) for _ in range(2) for c in ac)
    lines.append("")
    row(*(value(("appeals", g, c)) for g in labels.APPEAL_GROUPS for c in ac))
    lines.append(sections["problems"].full)
    narrative(report.problems.opening, report.problems.parts)
    lines.append(sections["other_matters"].full)
    narrative(report.other_matters.opening, report.other_matters.parts)
    fees = [
        format(cell_value(report, ("other_matters", "fees", f)), "f") for f in labels.FEE_LABELS
    ]
    lines.append(
        f"本年度收取信息处理费情况：发出收费通知的件数为{fees[0]}件，总金额为{fees[1]}元，"
        f"实际收取的总金额为{fees[2]}元。"
    )
    if report.date is not None:
        d = report.date
        lines.extend([report.organ, f"{d.year}年{d.month}月{d.day}日"])
    return "\n".join(lines) + "\n"


def _table_a(row: Callable[..., None], value: Callable[[CellKey], str]) -> None:
    groups = labels.PROACTIVE_GROUPS
    content = labels.PROACTIVE_CONTENT_HEADER
    row(groups["documents"].full)
    row(content, *labels.DOCUMENT_COLUMNS.values())
    for field in ("regulations", "normative_documents"):
        row(
            labels.PROACTIVE_ROWS[field].full,
            *(value(("proactive", field, c)) for c in labels.DOCUMENT_COLUMNS),
        )
    for group, fields, column in (
        ("licensing", ("licensing",), labels.DECISIONS_COLUMN),
        ("enforcement", ("punishment", "coercion"), labels.DECISIONS_COLUMN),
        ("fees", ("fees",), labels.FEES_COLUMN),
    ):
        row(groups[group].full)
        row(content, column)
        for field in fields:
            row(labels.PROACTIVE_ROWS[field].full, value(("proactive", field)))


def _table_a_2019(row: Callable[..., None], value: Callable[[CellKey], str]) -> None:
    columns = {
        "documents": labels.DOCUMENT_COLUMNS_2019,
        "licensing": labels.ITEM_COLUMNS_2019,
        "enforcement": labels.ITEM_COLUMNS_2019,
        "fees": labels.FEE_ITEM_COLUMNS_2019,
        "procurement": labels.PROCUREMENT_COLUMNS_2019,
    }
    for group, group_label in labels.PROACTIVE_GROUPS_2019.items():
        row(group_label.full)
        row(labels.PROACTIVE_CONTENT_HEADER, *columns[group].values())
        for field, row_group in labels.PROACTIVE_ROW_GROUP_2019.items():
            if row_group == group:
                row(
                    labels.PROACTIVE_ROWS_2019[field].full,
                    *(value(("proactive", field, c)) for c in columns[group]),
                )


def spaced(text: str, sep: str = " ") -> str:
    """``text`` (as :func:`render` gives it) as a PDF viewer copies it: each table row on one
    line, its cells separated by ``sep`` (one space; several, as a web page copied without
    its tabs), no empty line between rows. Every cell must print something."""
    out: list[str] = []
    row: list[str] = []
    for line in text.splitlines():
        if line.startswith("\t"):
            row.append(line[1:])
        elif row and line:
            row[-1] += line  # a header one character a line: one cell
        elif row:
            out.append(sep.join(row))
            row = []
        else:
            out.append(line)
    if row:
        out.append(sep.join(row))
    return "\n".join(out) + "\n"


def one_a_line(text: str) -> str:
    """``text`` (as :func:`render` gives it) as some PDF viewers copy it: each table cell on a
    line of its own (a header printed one character a line joined), no empty line between
    rows. Every cell must print something."""
    out: list[str] = []
    for line in text.splitlines():
        if line.startswith("\t"):
            out.append(line[1:])
        elif out and len(line) == 1:
            out[-1] += line  # a header one character a line: one cell
        elif line:
            out.append(line)
    return "\n".join(out) + "\n"
