"""The .docx writer: layout, fonts, the three tables' grids, every label and number, identity."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from lxml import etree

from govinfo_report import labels
from govinfo_report.cells import CELLS, cell_value
from govinfo_report.errors import WriteError
from govinfo_report.formats.docx import _oxml
from govinfo_report.formats.docx.writer import (
    FEES_PATTERN,
    FONTS,
    IDENTITY_PROPERTY,
    docx_bytes,
    format_amount,
    opening,
    write_docx,
)
from govinfo_report.formats.json.codec import load
from govinfo_report.model import (
    AnnualReport,
    Appeals,
    ApplicantCounts,
    Contact,
    DocumentCounts,
    HandlingResults,
    Narrative,
    NotProcessed,
    OtherHandling,
    OtherMatters,
    Outcomes,
    Part,
    ProactiveDisclosure,
    ProcessingFees,
    Publication,
    Requests,
    Unavailable,
    Withheld,
)
from govinfo_report.testing import reports

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "tests" / "data" / "national-template.docx"  # copy of shared/samples/
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


# --- sample reports -----------------------------------------------------------------------


def _row(base: int) -> ApplicantCounts:
    return ApplicantCounts(
        natural_person=base,
        commercial_enterprise=base + 1,
        research_institution=base + 2,
        social_welfare_organization=base + 3,
        legal_service_agency=base + 4,
        other=base + 5,
    )


def _group(cls: Any, base: int) -> Any:
    return cls(**{name: _row(base + 10 * i) for i, name in enumerate(cls.ITEMS)})


def rich_report(**changes: Any) -> AnnualReport:
    """Every cell non-zero and different, every identity field, two narrative levels."""
    results = HandlingResults(
        disclosed=_row(100),
        partially_disclosed=_row(110),
        withheld=_group(Withheld, 200),
        unavailable=_group(Unavailable, 300),
        not_processed=_group(NotProcessed, 400),
        other=_group(OtherHandling, 500),
    )
    carried_over, carried_forward = _row(1), _row(20)
    total = results.total
    new = ApplicantCounts(
        **{
            c: getattr(total, c) + getattr(carried_forward, c) - getattr(carried_over, c)
            for c in labels.APPLICANT_COLUMNS
            if c != "total"
        }
    )
    report = AnnualReport(
        organ="某市生态环境局",
        year=2023,
        publication=Publication(
            site_name="某市人民政府门户网站", url="https://www.example.gov.cn/"
        ),
        contact=Contact(address="某市某路1号", postcode="100000", telephone="010-12345678"),
        date=dt.date(2024, 1, 5),
        overview=Narrative(
            opening=("2023年，我局认真贯彻落实《条例》。",),
            parts=(
                Part(title="主动公开", paragraphs=("主动公开政府信息。", "第二段。")),
                Part(title="依申请公开", paragraphs=("依申请公开情况。",)),
            ),
        ),
        proactive=ProactiveDisclosure(
            regulations=DocumentCounts(issued=1, repealed=2, in_force=3),
            normative_documents=DocumentCounts(issued=4, repealed=5, in_force=6),
            licensing=7,
            punishment=8,
            coercion=9,
            fees=Decimal("3.1400"),
        ),
        requests=Requests(
            new=new, carried_over=carried_over, results=results, carried_forward=carried_forward
        ),
        appeals=Appeals(
            reconsideration=Outcomes(upheld=11, corrected=12, other=13, pending=14),
            direct_litigation=Outcomes(upheld=21, corrected=22, other=23, pending=24),
            litigation_after_reconsideration=Outcomes(upheld=31, corrected=32, other=0, pending=34),
        ),
        problems=Narrative(parts=(Part(title="主要问题", paragraphs=("问题。",)),)),
        other_matters=OtherMatters(
            opening=("无其他需要报告的事项。",),
            fees=ProcessingFees(
                notices=2, notices_amount=Decimal("150.50"), collected=Decimal("1E+2")
            ),
        ),
    )
    return attrs.evolve(report, **changes)


RICH = rich_report()
EMPTY = AnnualReport(organ="某县教育局", year=2023)


# --- reading the package back, the way a reader would -------------------------------------


class Package:
    """The parts of a written .docx, parsed."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = self.zip.namelist()

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    @property
    def body(self) -> etree._Element:
        return one(self.xml("word/document.xml"), f"{W}body")

    def paragraphs(self) -> list[tuple[str, str]]:
        """(style id, text) of the body's top-level paragraphs."""
        out = []
        for p in self.body.findall(f"{W}p"):
            style = p.find(f"{W}pPr/{W}pStyle")
            out.append((val(style) if style is not None else "", _text(p)))
        return out

    def tables(self) -> list[etree._Element]:
        return self.body.findall(f"{W}tbl")


def one(el: etree._Element, path: str) -> etree._Element:
    """The element at ``path`` below ``el``, which must exist."""
    found = el.find(path)
    assert found is not None, path
    return found


def val(el: etree._Element, attr: str = "val") -> str:
    """A ``w:`` attribute that must exist."""
    value = el.get(f"{W}{attr}")
    assert value is not None, attr
    return str(value)


def span(tc: etree._Element) -> int:
    """The grid columns a ``w:tc`` covers."""
    found = tc.find(f"{W}tcPr/{W}gridSpan")
    return 1 if found is None else int(val(found))


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def anchors(tbl: etree._Element) -> list[list[tuple[str, int, int]]]:
    """Each row's visible cells as (text, rowspan, colspan), spans resolved from vMerge."""
    rows: list[list[tuple[str, int, int]]] = []
    open_at: dict[int, list[Any]] = {}
    for tr in tbl.findall(f"{W}tr"):
        row: list[Any] = []
        col = 0
        for tc in tr.findall(f"{W}tc"):
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            if vm is not None and vm.get(f"{W}val", "continue") == "continue":
                open_at[col][1] += 1
            else:
                cell = [_text(tc), 1, span(tc)]
                row.append(cell)
                if vm is not None:
                    open_at[col] = cell
            col += span(tc)
        rows.append(row)
    return [[(t, r, c) for t, r, c in row] for row in rows]


@pytest.fixture(scope="module")
def rich() -> Package:
    return Package(docx_bytes(RICH))


# --- page, styles, fonts ------------------------------------------------------------------


def test_page_is_a4_with_gbt9704_margins_and_grid(rich: Package) -> None:
    sect = one(rich.body, f"{W}sectPr")
    size = one(sect, f"{W}pgSz")
    assert (val(size, "w"), val(size, "h")) == ("11906", "16838")
    margins = one(sect, f"{W}pgMar")
    got = {k: val(margins, k) for k in ("top", "bottom", "left", "right")}
    assert got == {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474"}
    assert val(one(sect, f"{W}docGrid"), "linePitch") == "579"


def _styles(pkg: Package) -> dict[str, etree._Element]:
    root = pkg.xml("word/styles.xml")
    return {val(s, "styleId"): s for s in root.findall(f"{W}style")}


def _effective(styles: dict[str, etree._Element], style_id: str, path: str, attr: str) -> str:
    """An rPr/pPr value looked up through basedOn, as Word resolves a style."""
    sid: str | None = style_id
    while sid is not None:
        style = styles[sid]
        el = style.find(path)
        if el is not None and el.get(f"{W}{attr}") is not None:
            return str(el.get(f"{W}{attr}"))
        based = style.find(f"{W}basedOn")
        sid = val(based) if based is not None else None
    msg = f"{style_id}: no {path}@{attr}"
    raise AssertionError(msg)


@pytest.mark.parametrize(
    ("style_id", "font", "size"),
    [
        ("GovTitle", FONTS["title"], "44"),
        ("GovHeading1", "黑体", "32"),
        ("GovHeading2", "楷体_GB2312", "32"),
        ("GovBody", "仿宋_GB2312", "32"),
        ("GovFees", "仿宋_GB2312", "32"),
        ("GovSignature", "仿宋_GB2312", "32"),
        ("GovDate", "仿宋_GB2312", "32"),
        ("GovTable", "仿宋_GB2312", "21"),
        ("GovTableLeft", "仿宋_GB2312", "21"),
        ("GovPageNumberOdd", "宋体", "28"),
        ("GovPageNumberEven", "宋体", "28"),
    ],
)
def test_style_fonts_are_in_the_east_asian_slot(
    rich: Package, style_id: str, font: str, size: str
) -> None:
    styles = _styles(rich)
    assert _effective(styles, style_id, f"{W}rPr/{W}rFonts", "eastAsia") == font
    assert _effective(styles, style_id, f"{W}rPr/{W}rFonts", "ascii") == "Times New Roman"
    assert _effective(styles, style_id, f"{W}rPr/{W}sz", "val") == size


@pytest.mark.parametrize(
    ("style_id", "line", "rule", "first_line_chars"),
    [
        ("GovBody", "579", "exact", "200"),
        ("GovHeading1", "579", "exact", "200"),
        ("GovHeading2", "579", "exact", "200"),
        ("GovTable", "240", "auto", None),
    ],
)
def test_line_pitch_and_indent(
    rich: Package, style_id: str, line: str, rule: str, first_line_chars: str | None
) -> None:
    styles = _styles(rich)
    assert _effective(styles, style_id, f"{W}pPr/{W}spacing", "line") == line
    assert _effective(styles, style_id, f"{W}pPr/{W}spacing", "lineRule") == rule
    if first_line_chars:
        assert _effective(styles, style_id, f"{W}pPr/{W}ind", "firstLineChars") == "200"


def test_no_theme_fonts_and_chinese_language(rich: Package) -> None:
    for part in ("word/styles.xml", "word/document.xml"):
        for fonts in rich.xml(part).iter(f"{W}rFonts"):
            assert not [a for a in fonts.attrib if "heme" in a], part
    styles = rich.xml("word/styles.xml")
    lang = one(styles, f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert val(lang, "eastAsia") == "zh-CN"
    theme_lang = one(rich.xml("word/settings.xml"), f"{W}themeFontLang")
    assert val(theme_lang, "eastAsia") == "zh-CN"
    for name in rich.names:
        assert b"ja-JP" not in rich.zip.read(name), name
        assert b"python-docx" not in rich.zip.read(name), name


def test_only_our_styles_and_no_direct_run_formatting(rich: Package) -> None:
    assert set(_styles(rich)) == {
        "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "GovTitle", "GovBody",
        "GovHeading1", "GovHeading2", "GovFees", "GovSignature", "GovDate", "GovTable",
        "GovTableLeft", "GovPageNumberOdd", "GovPageNumberEven",
    }  # fmt: skip
    assert rich.body.find(f".//{W}r/{W}rPr") is None
    assert "word/stylesWithEffects.xml" not in rich.names
    assert "docProps/thumbnail.jpeg" not in rich.names


def test_page_numbers_odd_right_even_left(rich: Package) -> None:
    settings_xml = rich.xml("word/settings.xml")
    assert settings_xml.find(f"{W}evenAndOddHeaders") is not None
    sect = one(rich.body, f"{W}sectPr")
    refs = {val(r, "type") for r in sect.findall(f"{W}footerReference")}
    assert refs == {"default", "even"}
    footers = [n for n in rich.names if n.startswith("word/footer")]
    seen = set()
    for name in footers:
        ftr = rich.xml(name)
        seen.add(val(one(ftr, f"{W}p/{W}pPr/{W}pStyle")))
        assert "".join(i.text or "" for i in ftr.iter(f"{W}instrText")).strip() == "PAGE"
        assert _text(ftr) == "— 1 —"
    assert seen == {"GovPageNumberOdd", "GovPageNumberEven"}
    styles = _styles(rich)
    assert _effective(styles, "GovPageNumberOdd", f"{W}pPr/{W}jc", "val") == "right"
    assert _effective(styles, "GovPageNumberEven", f"{W}pPr/{W}jc", "val") == "left"


def _check_order(el: etree._Element) -> None:
    order = _oxml.ORDER.get(etree.QName(el).localname and "w:" + etree.QName(el).localname)
    if order is not None and el.getparent() is not None:
        tags = ["w:" + etree.QName(c).localname for c in el]
        positions = [order.index(t) for t in tags]
        assert positions == sorted(positions), (etree.QName(el).localname, tags)


def test_property_children_in_schema_order(rich: Package) -> None:
    for part in ("word/document.xml", "word/styles.xml"):
        for el in rich.xml(part).iter():
            _check_order(el)


# --- content ------------------------------------------------------------------------------


def test_title_headings_and_narrative_in_order(rich: Package) -> None:
    paras = rich.paragraphs()
    assert paras[0] == ("GovTitle", RICH.title)
    assert paras[1] == ("GovBody", opening(RICH))
    headings = [t for s, t in paras if s == "GovHeading1"]
    assert headings == [label.full for label in labels.SECTIONS.values()]
    i = paras.index(("GovHeading1", "一、总体情况"))
    assert paras[i + 1 : i + 7] == [
        ("GovBody", "2023年，我局认真贯彻落实《条例》。"),
        ("GovHeading2", "（一）主动公开"),
        ("GovBody", "主动公开政府信息。"),
        ("GovBody", "第二段。"),
        ("GovHeading2", "（二）依申请公开"),
        ("GovBody", "依申请公开情况。"),
    ]
    assert paras[-2:] == [("GovSignature", "某市生态环境局"), ("GovDate", "2024年1月5日")]


def test_parts_are_numbered_in_chinese() -> None:
    parts = tuple(Part(title=f"第{i}部分") for i in range(1, 13))
    pkg = Package(docx_bytes(attrs.evolve(EMPTY, problems=Narrative(parts=parts))))
    numbers = [t.split("）")[0] + "）" for s, t in pkg.paragraphs() if s == "GovHeading2"]
    assert numbers[0] == "（一）"
    assert numbers[9:] == ["（十）", "（十一）", "（十二）"]


@pytest.mark.parametrize(
    ("changes", "present", "absent"),
    [
        (
            {},
            ["《中华人民共和国政府信息公开条例》", "国办公开办函〔2021〕30号", "2023年1月1日",
             "2023年12月31日", "总体情况、主动公开政府信息情况", "某市人民政府门户网站",
             "https://www.example.gov.cn/", "某市某路1号", "100000", "010-12345678"],
            [],
        ),
        ({"publication": None}, ["2023年12月31日", "010-12345678"], ["门户网站", "查阅"]),
        ({"contact": None}, ["门户网站"], ["联系", "010-12345678"]),
        ({"publication": None, "contact": None}, ["六个部分"], ["查阅", "联系"]),
    ],
)  # fmt: skip
def test_generated_opening_has_each_clause_only_with_its_data(
    changes: dict[str, Any], present: list[str], absent: list[str]
) -> None:
    text = opening(rich_report(**changes))
    for fragment in present:
        assert fragment in text
    for fragment in absent:
        assert fragment not in text


def test_custom_preface_is_printed_verbatim_and_identity_kept() -> None:
    report = rich_report(preface=("本报告由某市生态环境局编制。", "第二段。"))
    pkg = Package(docx_bytes(report))
    paras = pkg.paragraphs()
    assert paras[1:3] == [("GovBody", "本报告由某市生态环境局编制。"), ("GovBody", "第二段。")]
    body_text = "".join(t for _, t in paras)
    assert "010-12345678" not in body_text
    assert "某市人民政府门户网站" not in body_text
    identity = _identity(pkg)
    assert identity["contact"]["telephone"] == "010-12345678"
    assert identity["publication"]["url"] == "https://www.example.gov.cn/"
    assert identity["preface"] == ["本报告由某市生态环境局编制。", "第二段。"]


def test_no_signature_without_a_date() -> None:
    pkg = Package(docx_bytes(EMPTY))
    assert not {"GovSignature", "GovDate"} & {style for style, _ in pkg.paragraphs()}


def _identity(pkg: Package) -> dict[str, Any]:
    root = pkg.xml("docProps/custom.xml")
    props = root.findall("{*}property")
    assert [p.get("name") for p in props] == [IDENTITY_PROPERTY]
    value = one(props[0], "{*}lpwstr").text
    assert value is not None
    result: dict[str, Any] = json.loads(value)
    return result


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            RICH,
            {"organ": "某市生态环境局", "year": 2023, "edition": "2021",
             "title": "某市生态环境局2023年政府信息公开工作年度报告", "preface": None,
             "publication": {"site_name": "某市人民政府门户网站",
                             "url": "https://www.example.gov.cn/"},
             "contact": {"address": "某市某路1号", "postcode": "100000",
                         "telephone": "010-12345678"},
             "date": "2024-01-05"},
        ),
        (
            EMPTY,
            {"organ": "某县教育局", "year": 2023, "edition": "2021",
             "title": "某县教育局2023年政府信息公开工作年度报告", "preface": None,
             "publication": None, "contact": None, "date": None},
        ),
    ],
)  # fmt: skip
def test_identity_custom_property(report: AnnualReport, expected: dict[str, Any]) -> None:
    identity = _identity(Package(docx_bytes(report)))
    assert identity == expected
    assert list(identity) == list(expected)


@pytest.mark.parametrize(
    ("report", "created"),
    [(RICH, "2024-01-05T00:00:00Z"), (EMPTY, "2024-01-01T00:00:00Z")],
)
def test_core_properties_come_from_the_report(report: AnnualReport, created: str) -> None:
    core = Package(docx_bytes(report)).xml("docProps/core.xml")
    values = {etree.QName(el).localname: el.text for el in core}
    assert values["title"] == report.title
    assert values["creator"] == report.organ
    assert values["lastModifiedBy"] == report.organ
    assert values["created"] == created
    assert values["modified"] == created
    assert values.get("description") in (None, "")


# --- the three tables ------------------------------------------------------------------------

_TABLE_B_HEADER = [
    [(labels.BALANCE_NOTE, 3, 3), ("申请人情况", 1, 7)],
    [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
    [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1),
     ("其他", 1, 1)],
]  # fmt: skip


def _labels_only(rows: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """Anchors with numbers blanked (the template's data cells are empty or hold spaces)."""
    return [
        [("" if t.replace(".", "").isdigit() else t.strip(), r, c) for t, r, c in row]
        for row in rows
    ]


@pytest.mark.parametrize(
    ("index", "shape", "checks"),
    [
        (0, (14, 4), {(0, 0): ("第二十条第（一）项", 1, 4), (5, 1): ("本年处理决定数量", 1, 3),
                      (13, 1): ("3.1400", 1, 3)}),
        (1, (28, 10), {(5, 0): ("三、本年度办理结果", 22, 1), (7, 0): ("（三）不予公开", 8, 1),
                       (15, 0): ("（四）无法提供", 3, 1), (18, 0): ("（五）不予处理", 5, 1),
                       (23, 0): ("（六）其他处理", 3, 1), (26, 0): ("（七）总计", 1, 2),
                       (27, 0): ("四、结转下年度继续办理", 1, 3)}),
        (2, (4, 15), {(0, 0): ("行政复议", 1, 5), (0, 1): ("行政诉讼", 1, 10),
                      (1, 0): ("结果维持", 2, 1), (1, 5): ("未经复议直接起诉", 1, 5),
                      (1, 6): ("复议后起诉", 1, 5), (2, 9): ("总计", 1, 1)}),
    ],
)  # fmt: skip
def test_table_spans_follow_the_official_grid(
    rich: Package, index: int, shape: tuple[int, int], checks: dict[tuple[int, int], Any]
) -> None:
    tbl = rich.tables()[index]
    assert len(tbl.findall(f"{W}tblGrid/{W}gridCol")) == shape[1]
    rows = anchors(tbl)
    assert len(rows) == shape[0]
    for (r, i), expected in checks.items():
        assert rows[r][i] == expected
    if index == 1:
        assert rows[:3] == _TABLE_B_HEADER
    for tr in tbl.findall(f"{W}tr"):  # every row covers the whole grid
        assert sum(span(tc) for tc in tr.findall(f"{W}tc")) == shape[1]


@pytest.mark.skipif(not TEMPLATE.exists(), reason=f"the national template is not at {TEMPLATE}")
@pytest.mark.parametrize("index", [0, 1, 2])
def test_tables_match_the_national_template(rich: Package, index: int) -> None:
    theirs = Package(TEMPLATE.read_bytes()).tables()[index]
    assert _labels_only(anchors(rich.tables()[index])) == _labels_only(anchors(theirs))


@pytest.mark.parametrize("index", [0, 1, 2])
def test_tables_fit_the_text_width_with_fixed_layout(rich: Package, index: int) -> None:
    tbl = rich.tables()[index]
    grid = [int(val(g, "w")) for g in tbl.findall(f"{W}tblGrid/{W}gridCol")]
    assert sum(grid) == 8844  # 156 mm
    assert val(one(tbl, f"{W}tblPr/{W}tblLayout"), "type") == "fixed"
    for tr in tbl.findall(f"{W}tr"):
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
        col = 0
        for tc in tr.findall(f"{W}tc"):
            width = int(val(one(tc, f"{W}tcPr/{W}tcW"), "w"))
            assert width == sum(grid[col : col + span(tc)])
            col += span(tc)


@pytest.mark.parametrize(("index", "header_rows"), [(0, 0), (1, 3), (2, 3)])
def test_header_rows_repeat(rich: Package, index: int, header_rows: int) -> None:
    rows = rich.tables()[index].findall(f"{W}tr")
    flags = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in rows]
    assert flags == [True] * header_rows + [False] * (len(rows) - header_rows)


def test_table_c_narrow_headers_are_vertical(rich: Package) -> None:
    tbl = rich.tables()[2]
    vertical = []
    for tc in tbl.iter(f"{W}tc"):
        direction = tc.find(f"{W}tcPr/{W}textDirection")
        if direction is not None:
            assert val(direction) == "tbRl"
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is None or merge.get(f"{W}val") == "restart":
                vertical.append(_text(tc))
    assert vertical == [*labels.APPEAL_COLUMNS.values()] * 3


def _all_labels() -> list[str]:
    out = [label.full for label in labels.SECTIONS.values()]
    out += [label.full for label in labels.PROACTIVE_GROUPS.values()]
    out += [label.full for label in labels.PROACTIVE_ROWS.values()]
    out += [*labels.DOCUMENT_COLUMNS.values(), labels.DECISIONS_COLUMN, labels.FEES_COLUMN]
    out += [labels.PROACTIVE_CONTENT_HEADER, labels.BALANCE_NOTE, labels.APPLICANT_HEADER]
    out += [labels.LEGAL_PERSON_HEADER, *labels.APPLICANT_COLUMNS.values()]
    out += [label.full for label in labels.REQUEST_ROWS.values()]
    out += [label.full for label in labels.RESULT_GROUPS.values()]
    out += [label.full for items in labels.RESULT_ITEMS.values() for label in items.values()]
    out += [*labels.APPEAL_HEADERS.values(), *labels.APPEAL_COLUMNS.values()]
    out += [path[-1] for path in labels.APPEAL_GROUPS.values()]
    return out


@pytest.mark.parametrize("label", _all_labels())
def test_every_label_is_a_whole_paragraph_verbatim(rich: Package, label: str) -> None:
    texts = {_text(p) for p in rich.body.iter(f"{W}p")}
    assert label in texts


def _expected_numbers(report: AnnualReport, table: str) -> list[str]:
    out = []
    for cell in CELLS:
        if cell.table == table:
            value = cell_value(report, cell.key)
            out.append(format_amount(value) if isinstance(value, Decimal) else str(value))
    return out


def _printed_numbers(pkg: Package, table: str) -> list[str]:
    """The data cells of a table in reading order: the last anchors of each body row."""
    index, body, values = {"二": (0, None, 0), "三": (1, range(3, 28), 7), "四": (2, [3], 15)}[
        table
    ]
    rows = anchors(pkg.tables()[index])
    if body is None:  # Table A: the value cells of its six data rows
        return [t for r in (2, 3, 6, 9, 10, 13) for t, _, _ in rows[r][1:]]
    return [t for r in body for t, _, _ in rows[r][-values:]]


@pytest.mark.parametrize("report", [RICH, EMPTY], ids=["rich", "empty"])
@pytest.mark.parametrize("table", ["二", "三", "四"])
def test_every_number_is_printed_in_its_cell(report: AnnualReport, table: str) -> None:
    pkg = Package(docx_bytes(report))
    expected = _expected_numbers(report, table)
    assert _printed_numbers(pkg, table) == expected
    assert all(expected)  # 0 is printed, never blank


def test_totals_come_from_the_model(rich: Package) -> None:
    rows = anchors(rich.tables()[1])
    total_row = [t for t, _, _ in rows[26][1:]]
    total = RICH.requests.results.total
    assert total_row == [str(getattr(total, c)) for c in labels.APPLICANT_COLUMNS]
    assert rows[3][-1][0] == str(RICH.requests.new.total)


@pytest.mark.parametrize(
    ("fees", "sentence_values"),
    [
        (ProcessingFees(), ("0", "0", "0")),
        (
            ProcessingFees(notices=2, notices_amount=Decimal("150.50"), collected=Decimal("1E+2")),
            ("2", "150.50", "100"),
        ),
    ],
)
def test_fee_sentence_is_fixed_and_parseable(
    fees: ProcessingFees, sentence_values: tuple[str, str, str]
) -> None:
    report = attrs.evolve(EMPTY, other_matters=OtherMatters(fees=fees))
    fee_paras = [t for s, t in Package(docx_bytes(report)).paragraphs() if s == "GovFees"]
    assert len(fee_paras) == 1
    match = FEES_PATTERN.fullmatch(fee_paras[0])
    assert match is not None
    assert match.group("notices", "notices_amount", "collected") == sentence_values
    assert Decimal(match.group("collected")) == fees.collected


# --- determinism, files, laziness ------------------------------------------------------------


def test_same_report_same_bytes() -> None:
    first = docx_bytes(RICH)
    assert docx_bytes(rich_report()) == first
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"


@settings(max_examples=25, deadline=None)
@given(reports())
def test_generated_reports_print_every_number_deterministically(report: AnnualReport) -> None:
    data = docx_bytes(report)
    assert docx_bytes(report) == data
    pkg = Package(data)
    for table in ("二", "三", "四"):
        assert _printed_numbers(pkg, table) == _expected_numbers(report, table)
    assert _identity(pkg)["title"] == report.title


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_write(path: Path, tmp_path: Path) -> None:
    report = load(path)
    out = write_docx(report, tmp_path / "out.docx", protect=[path])
    assert Package(out.read_bytes()).paragraphs()[0] == ("GovTitle", report.title)


def test_write_is_atomic_and_returns_the_path(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")
    assert write_docx(RICH, target) == target
    assert target.read_bytes() == docx_bytes(RICH)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]


def test_refuses_to_overwrite_a_protected_input(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    source.write_text("{}", encoding="utf-8")
    with pytest.raises(WriteError):
        write_docx(RICH, source, protect=[source])
    assert source.read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_rejects_what_is_not_a_report() -> None:
    with pytest.raises(TypeError, match="AnnualReport"):
        docx_bytes({"organ": "x"})  # type: ignore[arg-type]


def test_importing_the_package_does_not_import_python_docx() -> None:
    code = "import sys, govinfo_report; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([[_oxml.CellSpec("a")]], "not covered"),
        ([[_oxml.CellSpec("a", colspan=3)]], "overflows"),
        ([[_oxml.CellSpec("a"), _oxml.CellSpec("b"), _oxml.CellSpec("c")]], "beyond the grid"),
        ([[_oxml.CellSpec("a", rowspan=2), _oxml.CellSpec("b")]], "past the last row"),
    ],
)
def test_table_builder_refuses_spans_that_do_not_tile(
    rows: list[list[_oxml.CellSpec]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        _oxml.table(rows, [100, 100])
