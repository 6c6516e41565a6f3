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
from decimal import Decimal
from pathlib import Path

from lxml import etree

from govinfo_report import labels
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.serialization import loads

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
TRUTH = loads((ROOT / "examples" / "city-department-2023.json").read_text(encoding="utf-8"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _load_helper():  # noqa: ANN202 - a module object
    spec = importlib.util.spec_from_file_location("wordhtml", ROOT / "tests/readers/wordhtml.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _num(v: object) -> object:
    return str(v) if isinstance(v, Decimal) else v


def expected(report, changes=None, *, labels_loose=(), audit=(), organ=None, year=None):  # noqa: ANN001, ANN201
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


def write(name: str, data: bytes, expect: dict) -> None:
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
    lines = [r.title, "", r.preface or "", ""]

    def narrative(heading: str, section) -> None:  # noqa: ANN001
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
    from govinfo_report.readers.docx import _Walker  # noqa: PLC0415 - to locate the grid

    template = ROOT / "tests" / "data" / "national-template.docx"  # shared/samples' copy
    src = zipfile.ZipFile(template)
    doc = etree.fromstring(src.read("word/document.xml"))
    from govinfo_report.readers._interpret import interpret  # noqa: PLC0415

    blank = interpret(_Walker().blocks_of(doc.find(f"{{{W}}}body")), source="t", fmt="docx")
    where = {(c.source.table, c.source.row, c.source.column): c.key for c in blank.cells}
    tables = doc.find(f"{{{W}}}body").findall(f"{{{W}}}tbl")
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
                col = int(gb.get(f"{{{W}}}val"))
            for tc in list(tr.findall(f"{{{W}}}tc")):
                pr = tc.find(f"{{{W}}}tcPr")
                span_el = pr.find(f"{{{W}}}gridSpan") if pr is not None else None
                span = int(span_el.get(f"{{{W}}}val")) if span_el is not None else 1
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
    body = doc.find(f"{{{W}}}body")
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
        expected(TRUTH, no_fees, labels_loose=["规范性文件"]),
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
