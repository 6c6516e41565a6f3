"""The HTML writer: the national grid, table semantics, cell keys, scoping, safety, identity."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from govinfo_report import labels
from govinfo_report.cells import CELL_BY_KEY, CELLS, cell_value
from govinfo_report.errors import WriteError
from govinfo_report.formats._prose import format_amount, opening
from govinfo_report.formats.html.writer import (
    COLOPHON_LABELS,
    DATA_ID,
    ROOT_CLASS,
    html_text,
    json_for_script,
    write_html,
)
from govinfo_report.formats.json.codec import dumps, load, loads
from govinfo_report.model import (
    AnnualReport,
    Contact,
    Narrative,
    OtherMatters,
    Part,
    ProactiveDisclosure,
    ProcessingFees,
    Publication,
)
from govinfo_report.model._fields import bad_text
from govinfo_report.published.readers import read_html
from govinfo_report.testing import reports

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "tests" / "data" / "national-template.docx"  # copy of shared/samples/
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
CITY = load(ROOT / "examples" / "city-department-2023.json")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def stripped(page: str) -> str:
    """The page without scripts, styles and attributes (a CMS's copy)."""
    root = lxml_html.document_fromstring(page)
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str):
            el.attrib.clear()
    return lxml_html.tostring(root, encoding="unicode")


def parse(page: str) -> etree._Element:
    return lxml_html.document_fromstring(page)


def tables(page: str) -> list[etree._Element]:
    return parse(page).findall(".//table")


def one(el: etree._Element, path: str) -> etree._Element:
    """The element at ``path`` below ``el``, which must exist."""
    found = el.find(path)
    assert found is not None, path
    return found


def text(el: etree._Element) -> str:
    return "".join(el.itertext())


def anchors(table: etree._Element) -> list[list[tuple[str, int, int]]]:
    """Each row's cells as (text, rowspan, colspan)."""
    return [
        [
            (text(c), int(c.get("rowspan", "1")), int(c.get("colspan", "1")))
            for c in tr
            if c.tag in ("td", "th")
        ]
        for tr in table.iter("tr")
    ]


def _template_anchors(tbl: etree._Element) -> list[list[tuple[str, int, int]]]:
    """The national template's cells as (text, rowspan, colspan), from gridSpan and vMerge."""
    rows: list[list[list[Any]]] = []
    open_at: dict[int, list[Any]] = {}
    for tr in tbl.findall(f"{W}tr"):
        row: list[list[Any]] = []
        col = 0
        for tc in tr.findall(f"{W}tc"):
            found = tc.find(f"{W}tcPr/{W}gridSpan")
            span = 1 if found is None else int(found.get(f"{W}val", "1"))
            vm = tc.find(f"{W}tcPr/{W}vMerge")
            if vm is not None and vm.get(f"{W}val", "continue") == "continue":
                open_at[col][1] += 1
            else:
                cell = ["".join(t.text or "" for t in tc.iter(f"{W}t")), 1, span]
                row.append(cell)
                if vm is not None:
                    open_at[col] = cell
            col += span
        rows.append(row)
    return [[(t, r, c) for t, r, c in row] for row in rows]


def _labels_only(rows: list[list[tuple[str, int, int]]]) -> list[list[tuple[str, int, int]]]:
    """Anchors with numbers blanked (the template's data cells are empty or hold spaces)."""
    return [
        [("" if t.replace(".", "").isdigit() else t.strip(), r, c) for t, r, c in row]
        for row in rows
    ]


# --- the page and the fragment ---------------------------------------------------------------


def test_page_head() -> None:
    page = html_text(CITY)
    assert page.startswith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    root = parse(page)
    assert root.findtext(".//title") == CITY.title
    assert one(root, ".//article").get("class") == ROOT_CLASS
    assert one(root, ".//article").get("lang") == "zh-CN"


def test_fragment_is_the_pages_article_with_its_style() -> None:
    page, fragment = html_text(CITY), html_text(CITY, fragment=True)
    assert fragment.startswith(f'<article class="{ROOT_CLASS}" lang="zh-CN">\n<style>\n')
    assert fragment.endswith("</article>\n")
    style = fragment[fragment.index("<style>") : fragment.index("</style>\n") + 9]
    assert fragment.replace(style, "") in page
    for absent in ("<html", "<body", "<head", "@page", "<!doctype"):
        assert absent not in fragment  # page-wide rules only in the page


def _rules(css: str) -> list[str]:
    """Selectors of the style sheet's rules, @media blocks opened."""
    css = re.sub(r"@media[^{]*\{", "", css)
    return [s.strip() for s in re.findall(r"([^{}]+)\{[^{}]*\}", css)]


def test_every_rule_of_the_fragment_is_scoped_to_the_root_class() -> None:
    fragment = html_text(CITY, fragment=True)
    css = fragment[fragment.index("<style>\n") + 8 : fragment.index("</style>")]
    selectors = [s.strip() for rule in _rules(css) for s in rule.split(",")]
    assert selectors
    for selector in selectors:
        assert selector == f".{ROOT_CLASS}" or selector.startswith(f".{ROOT_CLASS} "), selector


@pytest.mark.parametrize("fragment", [False, True])
def test_no_script_runs_and_nothing_is_loaded_from_elsewhere(fragment: bool) -> None:  # noqa: FBT001
    page = html_text(CITY, fragment=fragment)
    root = parse(page)
    scripts = root.findall(".//script")
    assert [(s.get("type"), s.get("id")) for s in scripts] == [("application/json", DATA_ID)]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag not in ("img", "link", "iframe", "object", "embed", "video", "audio")
        for name in el.attrib:
            assert not name.startswith("on"), (el.tag, name)
            assert name not in ("src", "href", "srcset", "action", "style"), (el.tag, name)
    assert "url(" not in page
    assert "@import" not in page


# --- the three tables ---------------------------------------------------------------------


@pytest.mark.skipif(not TEMPLATE.exists(), reason=f"the national template is not at {TEMPLATE}")
@pytest.mark.parametrize("index", [0, 1, 2])
def test_tables_have_the_national_templates_grid(index: int) -> None:
    theirs = zipfile.ZipFile(TEMPLATE).read("word/document.xml")
    body = etree.fromstring(theirs).find(f"{W}body")
    assert body is not None
    expected = _template_anchors(body.findall(f"{W}tbl")[index])
    ours = anchors(tables(html_text(CITY))[index])
    assert _labels_only(ours) == _labels_only(expected)


@pytest.mark.parametrize(("index", "columns"), [(0, 4), (1, 10), (2, 15)])
def test_every_row_covers_the_whole_grid(index: int, columns: int) -> None:
    rows = anchors(tables(html_text(CITY))[index])
    filled: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        col = 0
        for _, rowspan, colspan in row:
            while filled.get((r, col)):
                col += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    assert not filled.get((r + dr, col + dc))
                    filled[(r + dr, col + dc)] = True
            col += colspan
    for r in range(len(rows)):
        assert [c for c in range(columns) if not filled.get((r, c))] == []
        assert not filled.get((r, columns))


@pytest.mark.parametrize(
    "label",
    sorted(
        {
            *(g.full for g in labels.PROACTIVE_GROUPS.values()),
            labels.PROACTIVE_CONTENT_HEADER,
            *labels.DOCUMENT_COLUMNS.values(),
            labels.DECISIONS_COLUMN,
            labels.FEES_COLUMN,
            *(r.full for r in labels.PROACTIVE_ROWS.values()),
            labels.BALANCE_NOTE,
            labels.APPLICANT_HEADER,
            labels.LEGAL_PERSON_HEADER,
            *labels.APPLICANT_COLUMNS.values(),
            *(r.full for r in labels.REQUEST_ROWS.values()),
            *(g.full for g in labels.RESULT_GROUPS.values()),
            *(i.full for items in labels.RESULT_ITEMS.values() for i in items.values()),
            *labels.APPEAL_HEADERS.values(),
            *(p[-1] for p in labels.APPEAL_GROUPS.values()),
            *labels.APPEAL_COLUMNS.values(),
        }
    ),
)
def test_every_label_is_a_whole_cell_verbatim(label: str) -> None:
    cells = [text(c) for t in tables(html_text(CITY)) for c in t.iter("th", "td")]
    assert label in cells


def test_headers_name_each_numbers_row_and_column() -> None:
    root = parse(html_text(CITY))
    ids = {el.get("id"): text(el) for el in root.iter("th") if el.get("id")}
    every_id = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(every_id) == len(set(every_id))
    for th in root.iter("th"):
        assert th.get("scope") in ("col", "row", "colgroup", "rowgroup")
    cells = root.findall(".//td[@data-cell]")
    assert len(cells) == len([c for c in CELLS if c.table != "六"])
    for td in cells:
        cell = next(c for c in CELLS if c.path == td.get("data-cell"))
        named = [ids[h] for h in td.get("headers", "").split()]
        # every label of the cell's row and its column, outermost first
        assert cell.column in named, (cell.path, named)
        for label in cell.row:
            assert label in named or label in labels.APPEAL_HEADERS.values(), (cell.path, named)
    captions = [text(c) for c in root.iter("caption")]
    assert captions == [labels.SECTIONS[k].text for k in ("proactive", "requests", "appeals")]


def test_table_c_narrow_headers_are_vertical() -> None:
    table = tables(html_text(CITY))[2]
    vertical = [text(s) for s in table.iter("span") if s.get("class") == "govinfo-v"]
    assert vertical == list(labels.APPEAL_COLUMNS.values()) * 3
    assert "writing-mode:vertical-rl" in html_text(CITY)


@settings(max_examples=20)
@given(reports())
def test_every_number_is_printed_in_its_cell_with_its_key(report: AnnualReport) -> None:
    root = parse(html_text(report))
    printed = {
        el.get("data-cell"): text(el) for el in root.iter("td", "span") if el.get("data-cell")
    }
    assert set(printed) == {c.path for c in CELLS}
    for cell in CELLS:
        value = cell_value(report, cell.key)
        assert printed[cell.path] == (
            str(value) if isinstance(value, int) else format_amount(value)
        )


# --- narrative, identity, data ------------------------------------------------------------


def test_sections_headings_and_parts_in_order() -> None:
    report = attrs.evolve(
        CITY,
        problems=Narrative(
            opening=("概述。",), parts=(Part(title="主要问题", paragraphs=("一段。",)),)
        ),
    )
    article = one(parse(html_text(report)), ".//article")
    flow = [(el.tag, text(el)) for el in article.iter("h1", "h2", "h3")]
    assert flow[0] == ("h1", report.title)
    assert [t for tag, t in flow if tag == "h2"] == [s.full for s in labels.SECTIONS.values()]
    assert ("h3", "（一）主要问题") in flow
    h3 = [t for tag, t in flow if tag == "h3"]
    assert h3[: len(CITY.overview.parts)] == [
        f"（{n}）{p.title}"
        for n, p in zip("一二三四五六七八九十", CITY.overview.parts, strict=False)
    ]


@pytest.mark.parametrize(
    ("changes", "lines"),
    [
        ({}, ["报告机关：某县教育局", "报告年度：2023年"]),
        (
            {"publication": Publication(site_name="某县政府网", url="https://x.example/"),
             "contact": Contact(address="某路1号", postcode="100000", telephone="010-1")},
            ["报告机关：某县教育局", "报告年度：2023年", "发布网站：某县政府网",
             "网址：https://x.example/", "联系地址：某路1号", "邮政编码：100000",
             "联系电话：010-1"],
        ),
    ],
)  # fmt: skip
def test_identity_lines(changes: dict[str, Any], lines: list[str]) -> None:
    report = attrs.evolve(AnnualReport(organ="某县教育局", year=2023), **changes)
    colophon = one(parse(html_text(report)), ".//div[@class='govinfo-colophon']")
    assert [text(p) for p in colophon.iter("p")] == lines
    assert all(line.split("：")[0] in COLOPHON_LABELS.values() for line in lines)


@pytest.mark.parametrize(
    ("preface", "printed"),
    [
        (None, None),
        (("本报告依据条例编制。",), ["本报告依据条例编制。"]),
        (("第一段。", "第二段。"), ["第一段。", "第二段。"]),
        ((), []),
    ],
)
def test_opening_paragraphs(preface: tuple[str, ...] | None, printed: list[str] | None) -> None:
    report = AnnualReport(organ="某县教育局", year=2023, preface=preface)
    found = parse(html_text(report)).findall(".//p[@class='govinfo-preface']")
    assert [text(p) for p in found] == ([opening(report)] if printed is None else printed)


def test_closing_signature_and_date_only_with_a_date() -> None:
    undated = parse(html_text(AnnualReport(organ="某县", year=2023)))
    assert undated.find(".//div[@class='govinfo-closing']") is None
    report = AnnualReport(organ="某县", year=2023, date=dt.date(2024, 1, 5))
    closing = one(parse(html_text(report)), ".//div[@class='govinfo-closing']")
    assert [text(p) for p in closing.iter("p")] == ["某县", "2024年1月5日"]
    assert one(closing, ".//time").get("datetime") == "2024-01-05"


def test_fee_sentence_carries_the_fee_cells() -> None:
    report = AnnualReport(
        organ="某县",
        year=2023,
        other_matters=OtherMatters(
            fees=ProcessingFees(notices=2, notices_amount=Decimal("150.50"), collected=Decimal(1))
        ),
    )
    fees = one(parse(html_text(report)), ".//p[@class='govinfo-fees']")
    assert text(fees) == (
        "本年度收取信息处理费情况：发出收费通知的件数为2件，总金额为150.50元，实际收取的总金额为1元。"
    )
    assert [s.get("data-cell") for s in fees.iter("span")] == [
        "$.other_matters.fees.notices",
        "$.other_matters.fees.notices_amount",
        "$.other_matters.fees.collected",
    ]


def test_embedded_data_is_the_reports_json() -> None:
    script = one(parse(html_text(CITY)), f".//script[@id='{DATA_ID}']")
    assert loads(str(script.text)) == CITY
    assert json.loads(str(script.text)) == json.loads(dumps(CITY))


HOSTILE = st.one_of(
    st.sampled_from(
        [
            "</script><script>alert(1)</script>",
            "</SCRIPT >x",
            "<!--<script>",
            "]]><b onmouseover=alert(1)>",
            "&lt;&amp;\u2028\u2029",
            "\"'><img src=x onerror=alert(1)>",
        ]
    ),
    st.text(alphabet="<>&/'\"\u2028\u2029 !-=scriptSCRIPT局", min_size=1, max_size=40),
).filter(lambda t: bad_text(t, nonempty=True) is None)  # what the model accepts (no U+2028)


@settings(max_examples=40)
@given(organ=HOSTILE, site=HOSTILE)
def test_hostile_text_never_closes_the_script_or_makes_markup(organ: str, site: str) -> None:
    report = AnnualReport(
        organ=organ,
        year=2023,
        publication=Publication(site_name=site, url=site),
        overview=Narrative(opening=(site,), parts=(Part(title=organ, paragraphs=(organ,)),)),
    )
    page = html_text(report)
    assert page.lower().count("<script") == 1
    assert page.lower().count("</script") == 1
    root = parse(page)
    [script] = root.findall(".//script")
    assert script.get("id") == DATA_ID
    assert loads(str(script.text)) == report
    for el in root.iter():
        if isinstance(el.tag, str):
            assert el.tag not in ("img", "b"), el.tag
            assert not any(name.startswith("on") for name in el.attrib)


@pytest.mark.parametrize(
    ("text_in", "text_out"),
    [
        ("<>&", "\\u003c\\u003e\\u0026"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ('{"a":"</script>"}', '{"a":"\\u003c/script\\u003e"}'),
        ("普通文字", "普通文字"),
    ],
)
def test_json_for_script(text_in: str, text_out: str) -> None:
    assert json_for_script(text_in) == text_out


# --- determinism, writing --------------------------------------------------------------------


@settings(max_examples=15)
@given(reports())
def test_same_report_same_text(report: AnnualReport) -> None:
    again = loads(dumps(report))  # an equal report, built anew
    assert html_text(again) == html_text(report)
    assert html_text(again, fragment=True) == html_text(report, fragment=True)


def test_same_bytes_in_another_process() -> None:
    code = (
        "import sys;from govinfo_report.formats.json.codec import load;"
        "from govinfo_report.formats.html.writer import html_text;"
        f"sys.stdout.buffer.write(html_text(load({str(EXAMPLES[0])!r})).encode())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, timeout=120
    ).stdout
    assert out == html_text(load(EXAMPLES[0])).encode()


def test_two_reports_on_one_page_share_no_ids() -> None:
    other = attrs.evolve(CITY, organ="另一个局")
    ids = [
        {el.get("id") for el in parse(html_text(r, fragment=True)).iter() if el.get("id")}
        for r in (CITY, other)
    ]
    assert ids[0] & ids[1] == {DATA_ID}  # only the data script's well-known id


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
@pytest.mark.parametrize("fragment", [False, True])
def test_write_html(path: Path, fragment: bool, tmp_path: Path) -> None:  # noqa: FBT001
    report = load(path)
    out = write_html(report, tmp_path / "report.html", fragment=fragment)
    assert out == tmp_path / "report.html"
    assert out.read_bytes() == html_text(report, fragment=fragment).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left


def test_refuses_to_overwrite_a_protected_input(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    source.write_text(dumps(CITY), encoding="utf-8")
    with pytest.raises(WriteError):
        write_html(CITY, source, protect=[source])
    assert loads(source.read_text(encoding="utf-8")) == CITY


def test_rejects_what_is_not_a_report() -> None:
    with pytest.raises(TypeError, match="AnnualReport"):
        html_text({"organ": "某县"})  # type: ignore[arg-type]


def test_importing_the_writer_never_imports_python_docx() -> None:
    code = (
        "import sys, govinfo_report.formats.html.writer as w;"
        "from govinfo_report.formats.json.codec import load;"
        f"w.html_text(load({str(EXAMPLES[0])!r}));"
        "print('docx' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, text=True, timeout=120
    ).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    ("opening", "printed"),
    [
        ((), True),
        (("本年度收费情况良好。",), True),  # mentions fees, states no figure
        (("本机关发出收费通知2件，总金额150.50元，实际收取信息处理费1元。",), False),
    ],
)
def test_fee_sentence_left_out_when_the_narrative_states_the_figures(
    opening: tuple[str, ...],
    printed: bool,  # noqa: FBT001 - a parameter of the table
) -> None:
    report = AnnualReport(
        organ="某县",
        year=2023,
        other_matters=OtherMatters(
            opening=opening,
            fees=ProcessingFees(notices=2, notices_amount=Decimal("150.50"), collected=Decimal(1)),
        ),
    )
    page = html_text(report)
    assert ('class="govinfo-fees"' in page) is printed
    assert read_html(page).to_report() == report
    assert read_html(stripped(page)).to_report() == report


def test_amount_keeps_its_precision() -> None:
    assert isinstance(CITY.proactive, ProactiveDisclosure)
    report = attrs.evolve(
        CITY, proactive=attrs.evolve(CITY.proactive, fees=Decimal("24252.311082"))
    )
    cell = one(parse(html_text(report)), ".//td[@data-cell='$.proactive.fees']")
    assert text(cell) == "24252.311082"
    assert cell.get("colspan") == "3"
    assert CELL_BY_KEY[("proactive", "fees")].kind == "amount"


def _luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of ``#rgb`` or ``#rrggbb``."""
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_have_wcag_aa_contrast_on_the_white_page() -> None:
    css = html_text(CITY)
    css = css[css.index("<style>") : css.index("</style>")]
    assert ".govinfo-report{color:#000;background:#fff;" in css
    texts = re.findall(r"(?<![-\w])color:(#[0-9a-fA-F]{3,6})", css)
    assert texts  # text colours: 4.5:1 at least (1.4.3)
    for colour in texts:
        assert _contrast(colour, "#fff") >= 4.5, colour
    for colour in re.findall(r"(?:border(?:-top)?|outline):\d+px solid (#[0-9a-fA-F]{3,6})", css):
        assert _contrast(colour, "#fff") >= 3, colour
