# ruff: noqa: C901, PLR0913, PLR0915 - a page/corpus generator: long literal markup
"""Rebuild the constructed documents of this corpus (run from the repository root).

``python tests/data/published/build_corpus.py`` writes, from the ground truth in
``examples/city-department-2023.json``, documents in the layouts real offices publish, and
beside each its expected cells (``*.expected.json``: the value every printed cell stands for,
the reading notes and the audit findings expected). The expectations come from the ground
truth and the changes made, never from reading the documents back.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import zipfile
from copy import deepcopy
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from govinfo_report import labels
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.formats.json.codec import loads

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from govinfo_report.model import AnnualReport, Narrative, OtherMatters

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
TRUTH = loads((ROOT / "examples" / "city-department-2023.json").read_text(encoding="utf-8"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _load_helper() -> Any:
    spec = importlib.util.spec_from_file_location("wordhtml", ROOT / "tests/readers/wordhtml.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _must(el: etree._Element | None) -> etree._Element:
    """An element the builder's own documents always have."""
    assert el is not None
    return el


def _num(v: object) -> object:
    return str(v) if isinstance(v, Decimal) else v


def expected(
    report: AnnualReport,
    changes: Mapping[Any, object] | None = None,
    *,
    labels_loose: Iterable[str] = (),
    audit: Iterable[tuple[str, str]] = (),
    organ: str | None = None,
    year: int | None = None,
) -> dict[str, object]:
    values = {c.path: _num(cell_value(report, c.key)) for c in CELLS}
    for key, value in (changes or {}).items():
        values["$." + ".".join(key)] = _num(value)
    return {
        "organ": organ or report.organ,
        "year": year or report.year,
        "cells": values,
        "loose_labels": sorted(labels_loose),
        "audit": [list(a) for a in audit],
    }


def write(name: str, data: bytes, expect: dict[str, object]) -> None:
    (HERE / name).write_bytes(data)
    (HERE / (name + ".expected.json")).write_text(
        json.dumps(expect, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


VARIANT_LOOSE = [
    "规范性文件",
    "(二)部分公开(区分处理的，只计这一情况，不计其他情况)",
    "5.属于三类内容事务信息",
    "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
]


def html_cases() -> None:
    helper = _load_helper()
    zeros = ["/", "", "—", "0"]
    counter = iter(range(10_000))

    def zero(_key: tuple[str, ...]) -> str:
        return zeros[next(counter) % len(zeros)]

    page = helper.render(TRUTH, zero=zero, variants=True)
    write(
        "city-department-2023.gbk.html",
        page.encode("gbk"),
        expected(TRUTH, labels_loose=VARIANT_LOOSE),
    )
    # A published arithmetic error: （一）予以公开 / 自然人 printed one too high.
    key = ("requests", "results", "disclosed", "natural_person")
    wrong = cell_value(TRUTH, key) + 1
    counter = iter(range(10_000))
    page = helper.render(TRUTH, zero=zero, variants=True, raw={key: str(wrong)})
    write(
        "city-department-2023-errors.gbk.html",
        page.encode("gbk"),
        expected(
            TRUTH,
            {key: wrong},
            labels_loose=VARIANT_LOOSE,
            audit=[
                ("B-ROWTOTAL", "$.requests.results.disclosed.total"),
                ("B-HANDLED", "$.requests.results.total.natural_person"),
            ],
        ),
    )


def text_case() -> None:
    """Tab-separated cells, one table row a line, as some sites' "plain text" versions."""
    r = TRUTH
    lines = [r.title, "", *(r.preface or ()), ""]

    def narrative(heading: str, section: Narrative | OtherMatters) -> None:
        lines.extend([heading, ""])
        lines.extend(section.opening)
        for i, part in enumerate(section.parts):
            lines.append(f"（{'一二三四五六七八九十'[i]}）{part.title}")
            lines.extend(part.paragraphs)
        lines.append("")

    def row(*cells: object) -> None:
        lines.append("\t" + "\t".join("" if c is None else str(c) for c in cells))

    def v(key: tuple[str, ...]) -> object:
        value = cell_value(r, key)
        return "/" if value == 0 else format(value, "f") if isinstance(value, Decimal) else value

    narrative(labels.SECTIONS["overview"].full, r.overview)
    lines.extend([labels.SECTIONS["proactive"].full, ""])
    row("第二十条第（一）项")
    row("信息内容", *labels.DOCUMENT_COLUMNS.values())
    for f in ("regulations", "normative_documents"):
        row(
            labels.PROACTIVE_ROWS[f].full,
            *(v(("proactive", f, c)) for c in labels.DOCUMENT_COLUMNS),
        )
    for f in ("licensing", "punishment", "coercion", "fees"):
        row(labels.PROACTIVE_ROWS[f].full, v(("proactive", f)))
    lines.extend(["", labels.SECTIONS["requests"].full, ""])
    row(labels.BALANCE_NOTE, labels.APPLICANT_HEADER)
    row("", "自然人", "法人或其他组织", "总计")
    row("", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    prev: tuple[str, ...] = ()
    for cell in CELLS:
        if cell.table != "三" or cell.key[-1] != "natural_person":
            continue
        shown = [lab if i >= len(prev) or prev[i] != lab else "" for i, lab in enumerate(cell.row)]
        prev = cell.row
        row(*shown, *(v((*cell.key[:-1], c)) for c in labels.APPLICANT_COLUMNS))
    lines.extend(["", labels.SECTIONS["appeals"].full, ""])
    row("行政复议", "行政诉讼")
    row("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉")
    row(*(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    row(*(v(("appeals", g, c)) for g in labels.APPEAL_GROUPS for c in labels.APPEAL_COLUMNS))
    lines.append("")
    narrative(labels.SECTIONS["problems"].full, r.problems)
    narrative(labels.SECTIONS["other_matters"].full, r.other_matters)
    write("city-department-2023.tsv.txt", "\n".join(lines).encode("utf-8"), expected(TRUTH))


def _tc_text(tc: etree._Element, text: str, *, how: str = "plain") -> None:
    p = tc.find(f"{{{W}}}p")
    assert p is not None
    for r in p.findall(f"{{{W}}}r"):
        p.remove(r)

    def run(tag: str, value: str) -> etree._Element:
        r = etree.SubElement(p, f"{{{W}}}r")
        etree.SubElement(r, f"{{{W}}}{tag}").text = value
        return r

    if how == "ins":  # a tracked change: "99" deleted, the value inserted
        d = etree.SubElement(p, f"{{{W}}}del", {f"{{{W}}}id": "901", f"{{{W}}}author": "x"})
        d.append(run("delText", "99"))
        ins = etree.SubElement(p, f"{{{W}}}ins", {f"{{{W}}}id": "902", f"{{{W}}}author": "x"})
        ins.append(run("t", text))
    elif text:
        run("t", text)


def docx_case() -> None:
    """The national template filled in by hand: merges as the template has them, a content
    control around one cell, a tracked change, "/" and blanks for zero, a label variant."""
    from govinfo_report.published.readers.docx import _Walker  # noqa: PLC0415 - to locate the grid

    template = ROOT / "tests" / "data" / "national-template.docx"  # shared/samples' copy
    src = zipfile.ZipFile(template)
    doc = etree.fromstring(src.read("word/document.xml"))
    from govinfo_report.published.readers._interpret import interpret  # noqa: PLC0415

    blank = interpret(_Walker().blocks_of(_must(doc.find(f"{{{W}}}body"))), source="t", fmt="docx")
    where = {(c.source.table, c.source.row, c.source.column): c.key for c in blank.cells}
    tables = _must(doc.find(f"{{{W}}}body")).findall(f"{{{W}}}tbl")
    special = {
        ("requests", "new", "natural_person"): "sdt",
        ("requests", "results", "disclosed", "natural_person"): "ins",
    }
    zero_forms = ["/", "", "0"]
    n = 0
    for t_index, tbl in enumerate(tables, start=1):
        open_at: dict[int, bool] = {}
        for r_index, tr in enumerate(tbl.findall(f"{{{W}}}tr"), start=1):
            col = 0
            gb = tr.find(f"{{{W}}}trPr/{{{W}}}gridBefore")
            if gb is not None:
                col = int(gb.get(f"{{{W}}}val", "0"))
            for tc in list(tr.findall(f"{{{W}}}tc")):
                pr = tc.find(f"{{{W}}}tcPr")
                span_el = pr.find(f"{{{W}}}gridSpan") if pr is not None else None
                span = int(span_el.get(f"{{{W}}}val", "1")) if span_el is not None else 1
                vm = pr.find(f"{{{W}}}vMerge") if pr is not None else None
                state = None if vm is None else vm.get(f"{{{W}}}val", "continue")
                if state == "continue" and open_at.get(col):
                    col += span
                    continue
                open_at[col] = state == "restart"
                key = where.get((t_index, r_index, col + 1))
                col += span
                if key is None:
                    text = "".join(tc.itertext())
                    if text == "行政规范性文件":
                        _tc_text(tc, "规范性文件")
                    continue
                value = cell_value(TRUTH, key)
                shown = format(value, "f") if isinstance(value, Decimal) else str(value)
                if value == 0:
                    shown = zero_forms[n % 3]
                    n += 1
                how = special.get(key, "plain")
                _tc_text(tc, shown, how="ins" if how == "ins" else "plain")
                if how == "sdt":
                    sdt = etree.Element(f"{{{W}}}sdt")
                    etree.SubElement(sdt, f"{{{W}}}sdtPr")
                    content = etree.SubElement(sdt, f"{{{W}}}sdtContent")
                    tc.addprevious(sdt)
                    content.append(tc)
    body = _must(doc.find(f"{{{W}}}body"))
    paras = body.findall(f"{{{W}}}p")

    def para_text(p: etree._Element, text: str) -> None:
        for r in p.findall(f"{{{W}}}r"):
            p.remove(r)
        r = etree.SubElement(p, f"{{{W}}}r")
        etree.SubElement(r, f"{{{W}}}t").text = text

    title = next(p for p in paras if "".join(p.itertext()) == "政府信息公开工作年度报告格式模板")
    para_text(title, TRUTH.title)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    no_fees = {("other_matters", "fees", f): 0 for f in labels.FEE_LABELS}  # not written
    write(
        "city-department-2023.template.docx",
        out.getvalue(),
        expected(TRUTH, no_fees, labels_loose=["规范性文件"], audit=[FEES_NOT_PRINTED]),
    )


# --- .docx made the way offices make them: the national template filled in by hand ------

TEMPLATE = ROOT / "tests" / "data" / "national-template.docx"
NO_FEES = {("other_matters", "fees", f): 0 for f in labels.FEE_LABELS}  # not written
#: The truth closes applications under （六）2 (fee not paid); a document that prints no fee
#: notices states none (the report made from it holds 0): an F-FEES warning.
FEES_NOT_PRINTED = ("F-FEES", "$.other_matters.fees.notices")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _filled(
    shown: Callable[[tuple[str, ...], object], str],
    relabel: dict[str, str] | None = None,
    title: str | None = None,
) -> tuple[zipfile.ZipFile, etree._Element]:
    """The template's XML with every data cell holding ``shown(key, value)``, official
    labels (cell or paragraph text) replaced by ``relabel``, and the title set."""
    from govinfo_report.published.readers._interpret import interpret  # noqa: PLC0415
    from govinfo_report.published.readers.docx import _Walker  # noqa: PLC0415 - to locate the grid

    src = zipfile.ZipFile(TEMPLATE)
    doc = etree.fromstring(src.read("word/document.xml"))
    body = _must(doc.find(_w("body")))
    blank = interpret(_Walker().blocks_of(body), source="t", fmt="docx")
    where = {(c.source.table, c.source.row, c.source.column): c.key for c in blank.cells}
    relabel = relabel or {}
    for t_index, tbl in enumerate(body.findall(_w("tbl")), start=1):
        open_at: dict[int, bool] = {}
        for r_index, tr in enumerate(tbl.findall(_w("tr")), start=1):
            col = 0
            for tc in tr.findall(_w("tc")):
                pr = tc.find(_w("tcPr"))
                span_el = pr.find(_w("gridSpan")) if pr is not None else None
                span = int(span_el.get(_w("val"), "1")) if span_el is not None else 1
                vm = pr.find(_w("vMerge")) if pr is not None else None
                state = None if vm is None else vm.get(_w("val"), "continue")
                if state == "continue" and open_at.get(col):
                    col += span
                    continue
                open_at[col] = state == "restart"
                key = where.get((t_index, r_index, col + 1))
                col += span
                if key is None:
                    text = "".join(tc.itertext())
                    if text in relabel:
                        _tc_text(tc, relabel[text])
                    continue
                _tc_text(tc, shown(key, cell_value(TRUTH, key)))
    for p in body.findall(_w("p")):
        text = "".join(p.itertext())
        if text == "政府信息公开工作年度报告格式模板":
            _para_text(p, title or TRUTH.title)
        elif text in relabel:
            _para_text(p, relabel[text])
    return src, doc


def _para_text(p: etree._Element, text: str) -> None:
    for r in p.findall(_w("r")):
        p.remove(r)
    r = etree.SubElement(p, _w("r"))
    etree.SubElement(r, _w("t")).text = text


def _plain(_key: tuple[str, ...], value: object) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _save(src: zipfile.ZipFile, doc: etree._Element) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, data)
    return out.getvalue()


def _tables(doc: etree._Element) -> list[etree._Element]:
    return _must(doc.find(_w("body"))).findall(_w("tbl"))


def _row_of(tbl: etree._Element, label: str) -> etree._Element:
    """The table row holding a cell whose text is ``label``."""
    for tr in tbl.findall(_w("tr")):
        if any("".join(tc.itertext()) == label for tc in tr.findall(_w("tc"))):
            return tr
    raise LookupError(label)


def _vmerge(tc: etree._Element, state: str | None) -> None:
    """Set the cell's vertical merge: ``restart``, ``continue`` or none (``None``)."""
    pr = tc.find(_w("tcPr"))
    if pr is None:
        pr = etree.SubElement(tc, _w("tcPr"))
        tc.remove(pr)
        tc.insert(0, pr)
    for vm in pr.findall(_w("vMerge")):
        pr.remove(vm)
    if state is not None:
        vm = etree.SubElement(pr, _w("vMerge"))
        if state == "restart":
            vm.set(_w("val"), "restart")


def _continued(tr: etree._Element) -> etree._Element:
    """A copy of row ``tr`` as Word inserts it below: merges continued, texts emptied."""
    copy = deepcopy(tr)
    for tc in copy.findall(_w("tc")):
        pr = tc.find(_w("tcPr"))
        vm = pr.find(_w("vMerge")) if pr is not None else None
        if vm is not None:
            _vmerge(tc, "continue")
        _tc_text(tc, "")
    return copy


def _split_row(tbl: etree._Element, label: str, first: str, second: str) -> None:
    """Word splits a row: ``first`` part of the label alone, ``second`` with the numbers."""
    tr = _row_of(tbl, label)
    below = deepcopy(tr)
    for tc in tr.findall(_w("tc")):
        text = "".join(tc.itertext())
        _tc_text(tc, first if text == label else "" if text.strip() and _is_number(text) else text)
    for tc in below.findall(_w("tc")):
        pr = tc.find(_w("tcPr"))
        vm = pr.find(_w("vMerge")) if pr is not None else None
        if vm is not None:
            _vmerge(tc, "continue")
            _tc_text(tc, "")
        elif "".join(tc.itertext()) == label:
            _tc_text(tc, second)
    tr.addnext(below)


def _is_number(text: str) -> bool:
    return text.strip().replace(",", "").replace(".", "").isdigit()


def _expect_docx(
    name: str,
    data: bytes,
    changes: Mapping[Any, object] | None = None,
    audit: Iterable[tuple[str, str]] = (),
    **kw: Any,
) -> None:
    write(
        name,
        data,
        expected(TRUTH, {**NO_FEES, **(changes or {})}, audit=[*audit, FEES_NOT_PRINTED], **kw),
    )


def docx_split_rows_case() -> None:
    """(a) Rows that Word split: a label's first part on one row, the rest and the
    numbers on the next (a level-1 row, and a sub-item inside the merged （六） group)."""
    src, doc = _filled(_plain)
    table_b = _tables(doc)[1]
    new = labels.REQUEST_ROWS["new"].full
    _split_row(table_b, new, "一、本年新收政府信息", "公开申请数量")
    item = labels.RESULT_ITEMS["other"]["no_correction"].full
    _split_row(
        table_b, item, "1.申请人无正当理由逾期不补正、", "行政机关不再处理其政府信息公开申请"
    )
    _expect_docx(
        "city-department-2023.split-rows.docx",
        _save(src, doc),
        labels_loose=["1.申请人无正当理由逾期不补正、", "一、本年新收政府信息"],
    )


def _tc(text: str, span: int = 1, vmerge: str | None = None) -> etree._Element:
    """A new table cell holding ``text`` (spanning ``span`` grid columns)."""
    tc = etree.Element(_w("tc"))
    pr = etree.SubElement(tc, _w("tcPr"))
    if span > 1:
        etree.SubElement(pr, _w("gridSpan")).set(_w("val"), str(span))
    etree.SubElement(tc, _w("p"))
    if vmerge is not None:
        _vmerge(tc, vmerge)
    if text:
        _para_text(_must(tc.find(_w("p"))), text)
    return tc


def docx_spans_case() -> None:
    """(b) Spans other than the official grid: 三、本年度办理结果 not merged (its label on
    the first row, empty cells below), （七）总计 spanning the three label columns, and
    Table C's 行政复议 merged down over the second header row, its five column labels
    on the third header row as for 行政诉讼."""
    src, doc = _filled(_plain)
    _, table_b, table_c = _tables(doc)
    results = labels.REQUEST_ROWS["results"].full
    start = _row_of(table_b, results)
    total = _row_of(table_b, labels.RESULT_GROUPS["total"].full)
    rows = table_b.findall(_w("tr"))
    for tr in rows[rows.index(start) : rows.index(total)]:
        _vmerge(tr.findall(_w("tc"))[0], None)  # each row its own (empty) first cell
    first, label = total.findall(_w("tc"))[:2]
    total.remove(first)
    _must(label.find(f"{_w('tcPr')}/{_w('gridSpan')}")).set(_w("val"), "3")
    h1, h2, h3 = table_c.findall(_w("tr"))[:3]
    _vmerge(h1.findall(_w("tc"))[0], "restart")
    for tc in h2.findall(_w("tc"))[:5]:
        h2.remove(tc)
    h2.insert(0, _tc("", span=5, vmerge="continue"))
    for tc in h3.findall(_w("tc"))[:5]:
        h3.remove(tc)
    for i, tc in enumerate(h3.findall(_w("tc"))[:5]):
        h3.insert(i, deepcopy(tc))
    _expect_docx("city-department-2023.spans.docx", _save(src, doc))


def docx_spacing_case() -> None:
    """(c) An empty row after every table row (inserted as Word does: merges continued)
    and an empty paragraph after every paragraph."""
    src, doc = _filled(_plain)
    for tbl in _tables(doc):
        for tr in tbl.findall(_w("tr")):
            tr.addnext(_continued(tr))
    for p in _must(doc.find(_w("body"))).findall(_w("p")):
        p.addnext(etree.Element(_w("p")))
    _expect_docx("city-department-2023.spacing.docx", _save(src, doc))


DOCX_VARIANTS = {
    "行政规范性文件": "规范性文件",
    labels.RESULT_GROUPS["disclosed"].full: "(一)予以公开",
    labels.RESULT_GROUPS[
        "partially_disclosed"
    ].full: "（二）部分公开（区分处理的，只计这一情况，不计其他情况）",
    labels.RESULT_ITEMS["withheld"]["internal_affairs"].full: "5.属于三类内容事务信息",
    labels.RESULT_ITEMS["other"]["no_correction"].full: labels.RESULT_ITEMS["other"][
        "no_correction"
    ].full.replace("、", "，"),
    labels.RESULT_ITEMS["other"]["fee_unpaid"].full: labels.RESULT_ITEMS["other"][
        "fee_unpaid"
    ].full.replace("、", "，"),
    labels.BALANCE_NOTE: "(本列数据的勾稽关系为:第一项加第二项之和，等于第三项加第四项之和)",
    labels.SECTIONS["appeals"].full: "四、政府信息公开行政复议及行政诉讼情况",
    labels.SECTIONS["problems"].full: "五、存在问题及改进情况",
}


def docx_variants_case() -> None:
    """(d) Label variants of spec section 9 and zeros printed as "/", blank or "—"."""
    forms = iter(["/", "", "—"] * 100)

    def shown(key: tuple[str, ...], value: object) -> str:
        return next(forms) if value == 0 else _plain(key, value)

    src, doc = _filled(shown, DOCX_VARIANTS)
    loose = [v for k, v in DOCX_VARIANTS.items() if k != labels.BALANCE_NOTE]
    _expect_docx("city-department-2023.variants.docx", _save(src, doc), labels_loose=loose)


def docx_errors_case() -> None:
    """(e) Published arithmetic errors in two cells: a stated row total one short, and
    行政复议's 总计 one too many."""
    wrong = {
        ("requests", "results", "withheld", "third_party_rights", "total"): 8,
        ("appeals", "reconsideration", "total"): 10,
    }

    def shown(key: tuple[str, ...], value: object) -> str:
        return str(wrong[key]) if key in wrong else _plain(key, value)

    for key, value in wrong.items():
        assert cell_value(TRUTH, key) != value
    src, doc = _filled(shown)
    _expect_docx(
        "city-department-2023-errors.docx",
        _save(src, doc),
        wrong,
        audit=[
            ("B-ROWTOTAL", "$.requests.results.withheld.third_party_rights.total"),
            ("B-HANDLED", "$.requests.results.total.total"),
            ("C-TOTAL", "$.appeals.reconsideration.total"),
        ],
    )


def jinlongshan_case() -> None:
    """The shared sample as published: only its expectations are written."""
    truth = loads((ROOT / "examples" / "jinlongshan-2021.json").read_text(encoding="utf-8"))
    expect = expected(truth, labels_loose=["总体情况"])
    (HERE / "jinlongshan-2021.txt.expected.json").write_text(
        json.dumps(expect, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    jinlongshan_case()
    html_cases()
    text_case()
    docx_case()
    docx_split_rows_case()
    docx_spans_case()
    docx_spacing_case()
    docx_variants_case()
    docx_errors_case()
