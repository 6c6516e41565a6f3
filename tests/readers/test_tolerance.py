# ruff: noqa: C901, PLR0915, PERF401 - documents written top to bottom
"""The readers' tolerance (format section 9, issue 4), as a table of cases.

Each case is the report ``examples/city-department-2023.json`` printed with the official
labels and one deviation seen in published reports, once as flattened text (one cell a line,
as copied out of a page) and once as a web page (tables with their spans). For each: the
cells read (raw text kept, the number it stands for), the R-LABEL notes naming the label
found and the label meant, and whether ``record.to_report()`` gives the report back.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from govinfo_report import labels
from govinfo_report.cells import CELLS, CellKey, cell_value
from govinfo_report.errors import ReportError
from govinfo_report.formats.json.codec import loads
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_html, read_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_report.published.record import PublishedReport

ROOT = Path(__file__).parents[2]
TRUTH = loads((ROOT / "examples" / "city-department-2023.json").read_text(encoding="utf-8"))
SECTIONS = {k: v.full for k, v in labels.SECTIONS.items()}
ROWS: dict[str, str] = {
    **{k: v.full for k, v in labels.PROACTIVE_ROWS.items()},
    **{k: v.full for k, v in labels.REQUEST_ROWS.items()},
    **{k: v.full for k, v in labels.RESULT_GROUPS.items()},
    **{f"{g}.{k}": v.full for g, items in labels.RESULT_ITEMS.items() for k, v in items.items()},
}
APPEAL_COLUMNS = list(labels.APPEAL_COLUMNS.values())
LEGAL = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


@attrs.frozen(kw_only=True)
class Print:
    """How the report is printed: label and heading replacements, raw cell texts, layout.

    ``lab`` replaces row labels (keys of ``ROWS``), ``heads`` section headings, ``split``
    any printed text (headers included) by another (``\\n`` where a line breaks), ``raw``
    the text of cells; ``header`` False leaves out the tables' header rows, ``spacer``
    adds an empty row after every row, ``split_rows`` prints these row labels over two
    rows (first part alone, second part with the numbers), as Word splits a row.
    """

    lab: Mapping[str, str] = attrs.Factory(dict)
    heads: Mapping[str, str] = attrs.Factory(dict)
    split: Mapping[str, str] = attrs.Factory(dict)
    raw: Mapping[CellKey, str] = attrs.Factory(dict)
    header: bool = True
    spacer: bool = False
    split_rows: Mapping[str, tuple[str, str]] = attrs.Factory(dict)


def _shown(key: CellKey, p: Print) -> str:
    if key in p.raw:
        return p.raw[key]
    value = cell_value(TRUTH, key)
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _b_rows(p: Print) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """Table B's body: the labels printed on each row (outer ones on the first row of their
    span only), the cell-key prefix, and the row's own label key."""
    out: list[tuple[tuple[str, ...], tuple[str, ...], str]] = [
        ((p.lab.get(f, ROWS[f]),), ("requests", f), f) for f in ("new", "carried_over")
    ]
    first = True
    for group in labels.RESULT_GROUPS:
        outer = (p.lab.get("results", ROWS["results"]),) if first else ()
        first = False
        items = labels.RESULT_ITEMS.get(group)
        if items is None:
            texts = (*outer, p.lab.get(group, ROWS[group]))
            out.append((texts, ("requests", "results", group), group))
            continue
        for i, item in enumerate(items):
            head = (p.lab.get(group, ROWS[group]),) if i == 0 else ()
            name = f"{group}.{item}"
            texts = (*(outer if i == 0 else ()), *head, p.lab.get(name, ROWS[name]))
            out.append((texts, ("requests", "results", group, item), name))
    out.append(
        (
            (p.lab.get("carried_forward", ROWS["carried_forward"]),),
            ("requests", "carried_forward"),
            "carried_forward",
        )
    )
    return out


_A_GROUPS = (
    ("licensing", ("licensing",), labels.DECISIONS_COLUMN),
    ("enforcement", ("punishment", "coercion"), labels.DECISIONS_COLUMN),
    ("fees", ("fees",), labels.FEES_COLUMN),
)


def text_doc(p: Print) -> str:
    """The report as text copied out of a page: a cell a line after a tab, rows apart."""
    lines = [TRUTH.title, ""]

    def head(key: str) -> None:
        lines.extend([p.heads.get(key, SECTIONS[key]), ""])

    def row(*cells: str) -> None:
        lines.extend("\t" + p.split.get(c, c) for c in cells)
        lines.append("")
        if p.spacer:
            lines.extend(["\t"] * len(cells) + [""])

    head("overview")
    lines.extend(["本机关认真贯彻落实《中华人民共和国政府信息公开条例》。", ""])
    head("proactive")
    row(labels.PROACTIVE_GROUPS["documents"].full)
    if p.header:
        row(labels.PROACTIVE_CONTENT_HEADER, *labels.DOCUMENT_COLUMNS.values())
    for f in ("regulations", "normative_documents"):
        row(
            p.lab.get(f, ROWS[f]),
            *(_shown(("proactive", f, c), p) for c in labels.DOCUMENT_COLUMNS),
        )
    for group, fields, column in _A_GROUPS:
        row(labels.PROACTIVE_GROUPS[group].full)
        if p.header:
            row(labels.PROACTIVE_CONTENT_HEADER, column)
        for f in fields:
            row(p.lab.get(f, ROWS[f]), _shown(("proactive", f), p))
    head("requests")
    if p.header:
        row(labels.BALANCE_NOTE, labels.APPLICANT_HEADER)
        row("自然人", labels.LEGAL_PERSON_HEADER, "总计")
        row(*LEGAL)
    for texts, prefix, name in _b_rows(p):
        values = [_shown((*prefix, c), p) for c in labels.APPLICANT_COLUMNS]
        if name in p.split_rows:
            first, second = p.split_rows[name]
            row(*texts[:-1], first)
            row(second, *values)
        else:
            row(*texts, *values)
    head("appeals")
    if p.header:
        row(*labels.APPEAL_HEADERS.values())
        row(*APPEAL_COLUMNS, "未经复议直接起诉", "复议后起诉")
        row(*APPEAL_COLUMNS * 2)
    row(
        *(_shown(("appeals", g, c), p) for g in labels.APPEAL_GROUPS for c in labels.APPEAL_COLUMNS)
    )
    head("problems")
    lines.extend(["工作人员力量不足。", ""])
    head("other_matters")
    lines.extend(["无其他需要报告的事项。", ""])
    return "\n".join(lines)


def html_doc(p: Print) -> str:  # noqa: PLR0912 - one page, top to bottom
    """The report as a web page: each table with the official spans."""

    def td(text: str, cs: int = 1, rs: int = 1) -> str:
        attr = (f" colspan={cs}" if cs > 1 else "") + (f" rowspan={rs}" if rs > 1 else "")
        inner = "<br>".join(html.escape(t) for t in p.split.get(text, text).split("\n"))
        return f"<td{attr}><p class=MsoNormal><span>{inner or '&nbsp;'}</span></p></td>"

    out = ["<html><head><meta charset=utf-8></head><body>", f"<p>{TRUTH.title}</p>"]

    def para(text: str) -> None:
        out.append(f"<p class=MsoNormal><span>{html.escape(text)}</span></p>")

    def table(rows: list[str], n: int) -> None:
        spacer = "<tr>" + "<td>&nbsp;</td>" * n + "</tr>" if p.spacer else ""
        out.append("<table border=1>" + "".join(f"<tr>{r}</tr>{spacer}" for r in rows) + "</table>")

    para(p.heads.get("overview", SECTIONS["overview"]))
    para("本机关认真贯彻落实《中华人民共和国政府信息公开条例》。")
    para(p.heads.get("proactive", SECTIONS["proactive"]))
    rows = [td(labels.PROACTIVE_GROUPS["documents"].full, 4)]
    if p.header:
        rows.append(
            td(labels.PROACTIVE_CONTENT_HEADER)
            + "".join(td(c) for c in labels.DOCUMENT_COLUMNS.values())
        )
    for f in ("regulations", "normative_documents"):
        rows.append(
            td(p.lab.get(f, ROWS[f]))
            + "".join(td(_shown(("proactive", f, c), p)) for c in labels.DOCUMENT_COLUMNS)
        )
    for group, fields, column in _A_GROUPS:
        rows.append(td(labels.PROACTIVE_GROUPS[group].full, 4))
        if p.header:
            rows.append(td(labels.PROACTIVE_CONTENT_HEADER) + td(column, 3))
        for f in fields:
            rows.append(td(p.lab.get(f, ROWS[f])) + td(_shown(("proactive", f), p), 3))
    table(rows, 4)
    para(p.heads.get("requests", SECTIONS["requests"]))
    rows = []
    if p.header:
        rows.append(td(labels.BALANCE_NOTE, 3, 3) + td(labels.APPLICANT_HEADER, 7))
        rows.append(td("自然人", 1, 2) + td(labels.LEGAL_PERSON_HEADER, 5) + td("总计", 1, 2))
        rows.append("".join(td(c) for c in LEGAL))
    body = _b_rows(p)
    n_results = sum(1 for _, prefix, _ in body if prefix[1] == "results")
    for texts, prefix, name in body:
        values = "".join(td(_shown((*prefix, c), p)) for c in labels.APPLICANT_COLUMNS)
        if prefix[1] != "results":
            if name in p.split_rows:
                first, second = p.split_rows[name]
                rows.append(td(first, 3) + td("") * 7)
                rows.append(td(second, 3) + values)
            else:
                rows.append(td(texts[0], 3) + values)
            continue
        rest = list(texts)
        head = ""
        if prefix[2] == "disclosed":
            head += td(rest.pop(0), 1, n_results)
        if len(prefix) == 3:  # a group without sub-items
            rows.append(head + td(rest[0], 2) + values)
            continue
        if len(rest) == 2:  # the group's label, on its first item
            head += td(rest.pop(0), 1, len(labels.RESULT_ITEMS[prefix[2]]))
        rows.append(head + td(rest[0]) + values)
    table(rows, 10)
    para(p.heads.get("appeals", SECTIONS["appeals"]))
    rows = []
    if p.header:
        rows.append(td("行政复议", 5) + td("行政诉讼", 10))
        rows.append(
            "".join(td(c, 1, 2) for c in APPEAL_COLUMNS)
            + td("未经复议直接起诉", 5)
            + td("复议后起诉", 5)
        )
        rows.append("".join(td(c) for c in APPEAL_COLUMNS * 2))
    rows.append(
        "".join(
            td(_shown(("appeals", g, c), p))
            for g in labels.APPEAL_GROUPS
            for c in labels.APPEAL_COLUMNS
        )
    )
    table(rows, 15)
    para(p.heads.get("problems", SECTIONS["problems"]))
    para("工作人员力量不足。")
    para(p.heads.get("other_matters", SECTIONS["other_matters"]))
    para("无其他需要报告的事项。")
    out.append("</body></html>")
    return "\n".join(out)


FORMATS: dict[str, tuple[Callable[[Print], str], Callable[[str], PublishedReport]]] = {
    "text": (text_doc, read_text),
    "html": (html_doc, read_html),
}


@attrs.frozen(kw_only=True)
class Case:
    """One deviation: how it is printed, and what reading it must give.

    ``cells``: cell key → (raw, value, blank, number) as read; ``loose``: the R-LABEL notes
    as (path, label found, label meant); ``errors``: the audit's errors as (code, path),
    which ``to_report`` must raise (none: it must give the report back).
    """

    id: str
    printed: Print
    cells: Mapping[CellKey, tuple[str, Any, bool, Any]] = attrs.Factory(dict)
    loose: tuple[tuple[str, str, str], ...] = ()
    errors: tuple[tuple[str, str], ...] = ()


P2 = ROWS["partially_disclosed"]
NO_CORRECTION = ROWS["other.no_correction"]
FEE_UNPAID = ROWS["other.fee_unpaid"]
NEW = ("requests", "new")
CARRIED = ("requests", "carried_over")


def _zero(raw: str) -> tuple[str, None, bool, int]:
    return (raw, None, True, 0)


def _num(raw: str, n: int) -> tuple[str, int, bool, int]:
    return (raw, n, False, n)


CASES = [
    Case(id="official", printed=Print(), cells={(*NEW, "total"): _num("323", 323)}),
    Case(
        id="halfwidth-parentheses-in-row-labels",
        printed=Print(
            lab={
                "disclosed": "(一)予以公开",
                "partially_disclosed": P2.replace("（", "(").replace("）", ")"),
            }
        ),
        cells={("requests", "results", "disclosed", "natural_person"): _num("128", 128)},
        loose=(
            ("$.requests.results.disclosed", "(一)予以公开", "（一）予以公开"),
            (
                "$.requests.results.partially_disclosed",
                "(二)部分公开(区分处理的，只计这一情形，不计其他情形)",
                P2,
            ),
        ),
    ),
    Case(
        id="halfwidth-parentheses-and-colon-in-headers",
        printed=Print(
            split={
                labels.BALANCE_NOTE: labels.BALANCE_NOTE.replace("（", "(")
                .replace("）", ")")
                .replace("：", ":"),
                labels.FEES_COLUMN: "本年收费金额(单位:万元)",
                "第二十条第（一）项": "第二十条第(一)项",
            }
        ),
        cells={("proactive", "fees"): ("12.35", Decimal("12.35"), False, Decimal("12.35"))},
    ),
    Case(
        id="qingkuang-for-qingxing-once",
        printed=Print(
            lab={"partially_disclosed": "（二）部分公开（区分处理的，只计这一情况，不计其他情形）"}
        ),
        cells={("requests", "results", "partially_disclosed", "total"): _num("27", 27)},
        loose=(
            (
                "$.requests.results.partially_disclosed",
                "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
                P2,
            ),
        ),
    ),
    Case(
        id="qingkuang-for-qingxing-twice",
        printed=Print(lab={"partially_disclosed": P2.replace("情形", "情况")}),
        cells={("requests", "results", "partially_disclosed", "total"): _num("27", 27)},
        loose=(("$.requests.results.partially_disclosed", P2.replace("情形", "情况"), P2),),
    ),
    Case(
        id="neirong-for-neibu",
        printed=Print(lab={"withheld.internal_affairs": "5.属于三类内容事务信息"}),
        cells={
            ("requests", "results", "withheld", "internal_affairs", "natural_person"): _num("4", 4)
        },
        loose=(
            (
                "$.requests.results.withheld.internal_affairs",
                "5.属于三类内容事务信息",
                "5.属于三类内部事务信息",
            ),
        ),
    ),
    Case(
        id="comma-for-dunhao-in-other-handling",
        printed=Print(
            lab={
                "other.no_correction": NO_CORRECTION.replace("、", "，"),
                "other.fee_unpaid": FEE_UNPAID.replace("、", "，"),
            }
        ),
        cells={
            ("requests", "results", "other", "no_correction", "natural_person"): _num("7", 7),
            ("requests", "results", "other", "fee_unpaid", "total"): _num("2", 2),
        },
        loose=(
            (
                "$.requests.results.other.no_correction",
                NO_CORRECTION.replace("、", "，"),
                NO_CORRECTION,
            ),
            ("$.requests.results.other.fee_unpaid", FEE_UNPAID.replace("、", "，"), FEE_UNPAID),
        ),
    ),
    Case(
        id="guifanxing-wenjian",
        printed=Print(lab={"normative_documents": "规范性文件"}),
        cells={
            ("proactive", "normative_documents", "issued"): _num("6", 6),
            ("proactive", "normative_documents", "in_force"): _num("42", 42),
        },
        loose=(("$.proactive.normative_documents", "规范性文件", "行政规范性文件"),),
    ),
    Case(
        id="headers-split-over-lines",
        printed=Print(
            split={
                "商业企业": "商业\n企业",
                "社会公益组织": "社会\n公益\n组织",
                "结果维持": "结\n果\n维\n持",
            }
        ),
        cells={
            (*NEW, "commercial_enterprise"): _num("26", 26),
            ("appeals", "reconsideration", "upheld"): _num("5", 5),
        },
    ),
    Case(
        id="row-labels-split-over-lines",
        printed=Print(
            split={
                ROWS["new"]: "一、本年新收政府\n信息公开申请数量",
                NO_CORRECTION: "1.申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开申请",
            }
        ),
        cells={
            (*NEW, "natural_person"): _num("271", 271),
            ("requests", "results", "other", "no_correction", "natural_person"): _num("7", 7),
        },
    ),
    Case(
        id="row-split-over-two-rows",
        printed=Print(split_rows={"new": ("一、本年新收政府信息", "公开申请数量")}),
        cells={(*NEW, "natural_person"): _num("271", 271), (*NEW, "total"): _num("323", 323)},
        loose=(
            (
                "$.requests.new",
                "一、本年新收政府信息",
                "一、本年新收政府信息公开申请数量",
            ),
        ),
    ),
    Case(
        # the first half is too short to stand for the label alone: the rows are joined
        id="short-row-label-split-over-two-rows",
        printed=Print(split_rows={"carried_forward": ("四、结转下年度", "继续办理")}),
        cells={
            ("requests", "carried_forward", "natural_person"): _num("15", 15),
            ("requests", "carried_forward", "total"): _num("19", 19),
        },
    ),
    Case(
        id="tables-without-header-rows",
        printed=Print(header=False),
        cells={
            ("proactive", "regulations", "issued"): _num("1", 1),
            (*NEW, "natural_person"): _num("271", 271),
            ("appeals", "reconsideration", "upheld"): _num("5", 5),
            ("appeals", "litigation_after_reconsideration", "total"): _num("2", 2),
        },
    ),
    Case(
        id="empty-spacer-rows",
        printed=Print(spacer=True),
        cells={
            (*NEW, "natural_person"): _num("271", 271),
            (*CARRIED, "total"): _num("14", 14),
            ("requests", "carried_forward", "total"): _num("19", 19),
        },
    ),
    Case(
        id="placeholders-for-zero",
        printed=Print(
            raw={
                ("proactive", "regulations", "repealed"): "/",
                (*CARRIED, "research_institution"): "—",
                (*CARRIED, "social_welfare_organization"): "-",
                (*CARRIED, "other"): "无",
                ("requests", "results", "partially_disclosed", "research_institution"): "",
                ("appeals", "direct_litigation", "corrected"): "/",
                ("appeals", "litigation_after_reconsideration", "other"): "",
            }
        ),
        cells={
            ("proactive", "regulations", "repealed"): _zero("/"),
            (*CARRIED, "research_institution"): _zero("—"),
            (*CARRIED, "social_welfare_organization"): _zero("-"),
            (*CARRIED, "other"): _zero("无"),
            ("requests", "results", "partially_disclosed", "research_institution"): _zero(""),
            ("appeals", "direct_litigation", "corrected"): _zero("/"),
            ("appeals", "litigation_after_reconsideration", "other"): _zero(""),
        },
    ),
    Case(
        id="fullwidth-digits",
        printed=Print(
            raw={
                (*NEW, "natural_person"): "２７１",
                ("proactive", "normative_documents", "in_force"): "４２",
                ("appeals", "reconsideration", "total"): "９",
            }
        ),
        cells={
            (*NEW, "natural_person"): _num("２７１", 271),
            ("proactive", "normative_documents", "in_force"): _num("４２", 42),
            ("appeals", "reconsideration", "total"): _num("９", 9),
        },
    ),
    Case(
        id="thousands-separator",
        printed=Print(raw={("proactive", "licensing"): "1,873"}),
        cells={("proactive", "licensing"): _num("1,873", 1873)},
    ),
    Case(
        id="section-heading-variants",
        printed=Print(
            heads={
                "overview": "总体情况",
                "appeals": "四、政府信息公开行政复议及行政诉讼情况",
                "problems": "五、存在问题及改进情况",
            }
        ),
        cells={("appeals", "direct_litigation", "total"): _num("6", 6)},
        loose=(
            ("$.overview", "总体情况", "一、总体情况"),
            (
                "$.appeals",
                "四、政府信息公开行政复议及行政诉讼情况",
                "四、政府信息公开行政复议、行政诉讼情况",
            ),
            ("$.problems", "五、存在问题及改进情况", "五、存在的主要问题及改进情况"),
        ),
    ),
    Case(
        id="words-in-a-count-cell",
        printed=Print(raw={(*NEW, "other"): "若干"}),
        cells={(*NEW, "other"): ("若干", None, False, None)},
        errors=(("A-NONNEG", "$.requests.new.other"),),
    ),
]


def _numbers(case: Case) -> dict[str, object]:
    """The number every cell of the tables must stand for."""
    numbers: dict[str, object] = {
        c.path: cell_value(TRUTH, c.key) for c in CELLS if c.table != "六"
    }
    for key, (_raw, _value, _blank, number) in case.cells.items():
        numbers["$." + ".".join(key)] = number
    return numbers


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_tolerance(case: Case, fmt: str) -> None:
    write, read = FORMATS[fmt]
    record = read(write(case.printed))
    assert (record.organ, record.year) == (TRUTH.organ, TRUTH.year)
    for key, expected in case.cells.items():
        cell = record.cell(key)
        assert cell is not None, key
        assert (cell.raw, cell.value, cell.blank, cell.number) == expected, key
    numbers = {c.cell.path: c.number for c in record.cells}
    assert numbers == _numbers(case)
    notes = [(f.place.path, f.found, f.expected) for f in record.findings if f.code == "R-LABEL"]
    assert notes == list(case.loose)
    assert [f for f in record.findings if f.code != "R-LABEL"] == []
    assert record.unread == ()
    errors = [(f.code, f.place.path) for f in audit(record) if f.code != "F-FEES"]
    assert errors == list(case.errors)
    if case.errors:
        with pytest.raises(ReportError) as info:
            record.to_report()
        assert [(f.code, f.place.path) for f in info.value.findings] == list(case.errors)
    else:
        report = record.to_report()
        assert (report.proactive, report.requests, report.appeals) == (
            TRUTH.proactive,
            TRUTH.requests,
            TRUTH.appeals,
        )
