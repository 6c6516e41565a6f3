"""The .docx as an official document: signature and date (GB/T 9704 7.3.5.2), the fee
figures of section 六 stated once, and no 兼容模式 in Word.

The signature is checked in the XML here and in LibreOffice's PDF (skipped without it).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from lxml import etree

from govinfo_report.formats.docx.writer import (
    docx_bytes,
    fees_stated,
    format_date,
    signature_indents,
    write_docx,
)
from govinfo_report.formats.json.codec import load
from govinfo_report.model import OtherMatters, Part, ProcessingFees
from govinfo_report.published.readers import read_docx

if TYPE_CHECKING:
    from govinfo_report import AnnualReport

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROOT = Path(__file__).resolve().parents[1]
CITY = load(ROOT / "examples" / "city-department-2023.json")
TEXT_WIDTH = 8844  # twips, 156 mm
ZI = 320  # one 16 pt character, twips
ADVANCE = 315  # a body character after the -0.25 pt spacing
HALF = 155  # a Times New Roman digit (0.5 em) after the same spacing


def _xml(data: bytes, part: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(part))


def _paragraphs(data: bytes) -> list[tuple[str, str, etree._Element]]:
    body = _xml(data, "word/document.xml").find(f"{W}body")
    assert body is not None
    out = []
    for p in body.findall(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        name = "" if style is None else str(style.get(f"{W}val"))
        out.append((name, "".join(t.text or "" for t in p.iter(f"{W}t")), p))
    return out


# --- 兼容模式 -------------------------------------------------------------------------------


def test_word_opens_it_without_compatibility_mode() -> None:
    settings = _xml(docx_bytes(CITY), "word/settings.xml")
    compat = {s.get(f"{W}name"): s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting")}
    assert compat["compatibilityMode"] == "15"  # Word 2013 and later
    assert compat["differentiateMultirowTableHeaders"] == "1"
    assert len(settings.findall(f"{W}compat")) == 1


# --- signature and date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("organ", "date", "longer"),
    [
        ("哈尔滨市阿城区金龙山镇人民政府", "2022年1月5日", "organ"),
        ("某市自然资源和规划局", "2024年1月26日", "organ"),
        ("某市交通运输局", "2024年1月5日", "organ"),  # the date is shorter, by less than 2
        ("某县教育局", "2024年1月26日", "date"),
        ("某局", "2024年12月31日", "date"),
    ],
)
def test_date_starts_two_characters_right_of_the_organ(organ: str, date: str, longer: str) -> None:
    organ_at, date_at = signature_indents(organ, date)
    organ_width = ADVANCE * len(organ)
    date_width = sum(HALF if c.isascii() else ADVANCE for c in date)
    if longer == "organ":
        assert organ_at is None  # the style: right-aligned, 右空二字
        organ_at = TEXT_WIDTH - 2 * ZI - organ_width
    else:
        assert organ_at is not None
        assert date_at + date_width == TEXT_WIDTH - 2 * ZI  # the date 右空二字
        assert organ_at + organ_width < date_at + date_width - 2 * ZI  # the organ moved left
    assert date_at - organ_at == 2 * ZI


def test_signature_paragraphs_carry_the_placement() -> None:
    report = attrs.evolve(CITY, organ="某县教育局", date=dt.date(2024, 11, 26))
    paras = {style: p for style, _, p in _paragraphs(docx_bytes(report))}
    organ_at, date_at = signature_indents("某县教育局", format_date(dt.date(2024, 11, 26)))
    for style, start in (("GovSignature", organ_at), ("GovDate", date_at)):
        ind = paras[style].find(f"{W}pPr/{W}ind")
        assert ind is not None
        assert ind.get(f"{W}left") == str(start)


def test_no_signature_and_date_without_a_date() -> None:
    styles = {s for s, _, _ in _paragraphs(docx_bytes(attrs.evolve(CITY, date=None)))}
    assert not styles & {"GovSignature", "GovDate"}


# --- the fee figures, once ----------------------------------------------------------------

FEES = ProcessingFees(notices=3, notices_amount=Decimal("1240.00"), collected=Decimal("420.00"))
STATED = "本机关2023年发出收费通知3件，总金额1240.00元，实际收取信息处理费420.00元。"


def _with(opening: tuple[str, ...], parts: tuple[Part, ...] = ()) -> AnnualReport:
    other = OtherMatters(opening=opening, parts=parts, fees=FEES)
    return attrs.evolve(CITY, other_matters=other)


@pytest.mark.parametrize(
    ("report", "sentence"),
    [
        (_with((STATED,)), False),  # the narrative states all three: no fixed sentence
        (_with((), (Part(title="信息处理费", paragraphs=(STATED,)),)), False),
        (_with(("全年未发生其他需要报告的事项。",)), True),  # nothing stated: the sentence
        (_with((STATED.replace("420.00", "400.00"),)), True),  # stated otherwise: the model's
        (_with(("本机关实际收取信息处理费420.00元。",)), True),  # one of three stated
    ],
)
def test_section_six_states_the_fee_figures_once(
    report: AnnualReport,
    sentence: bool,  # noqa: FBT001 - a parameter of the table
) -> None:
    assert fees_stated(report.other_matters) is not sentence
    data = docx_bytes(report)
    paras = _paragraphs(data)
    assert ("GovFees" in {s for s, _, _ in paras}) is sentence
    six = "".join(
        t for _, t, _ in paras[[t for _, t, _ in paras].index("六、其他需要报告的事项") :]
    )
    if not sentence or "400.00" not in six:
        assert six.count("1240.00") == 1
    record = read_docx(data)
    assert record.to_report().other_matters == report.other_matters


def test_the_examples_state_their_fees_once() -> None:
    paras = _paragraphs(docx_bytes(CITY))
    assert "GovFees" not in {s for s, _, _ in paras}
    assert sum(t.count("420.00") for _, t, _ in paras) == 1


# --- the signature as LibreOffice lays it out ----------------------------------------------

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to render .docx to PDF",
)
RIGHT = (28 + 156) / 25.4 * 72  # the 版心's right edge, PDF points
CHAR = 16.0  # one 字, points
PAGE_WIDTH = 595.3  # A4, PDF points
SLACK = 1.5


def _last_page_words(bbox_xhtml: str) -> list[tuple[str, float, float, float]]:
    """The last page's words of ``pdftotext -bbox`` output: (text, x_min, y_min, x_max)."""
    last = list(etree.fromstring(bbox_xhtml.encode()).iter("{*}page"))[-1]
    return [
        (w.text or "", float(w.get("xMin", 0)), float(w.get("yMin", 0)), float(w.get("xMax", 0)))
        for w in last.iter("{*}word")
    ]


def _signature_boxes(report: AnnualReport, tmp: Path) -> tuple[tuple[float, float], list[float]]:
    """The organ's (x_min, x_max) and the date line's x positions, from the PDF."""
    docx = write_docx(report, tmp / "r.docx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp), str(docx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = subprocess.run(
        ["pdftotext", "-bbox", str(tmp / "r.pdf"), "-"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    words = _last_page_words(out)
    organ = next(w for w in words if w[0] == report.organ)
    date_line = [w for w in words if abs(w[2] - organ[2] - 28.95) < 1]  # the next line
    assert "".join(w[0] for w in date_line) == format_date(report.date or dt.date.min)
    return (organ[1], organ[3]), [w[1] for w in date_line] + [date_line[-1][3]]


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize(
    ("organ", "date"),
    [("某市自然资源和规划局", dt.date(2024, 1, 26)), ("某县教育局", dt.date(2024, 11, 26))],
    ids=["organ-longer", "date-longer"],
)
def test_signature_positions_in_the_rendered_pdf(organ: str, date: dt.date, tmp_path: Path) -> None:
    report = attrs.evolve(CITY, organ=organ, date=date)
    (organ_start, organ_end), date_xs = _signature_boxes(report, tmp_path)
    # The date starts two characters right of the organ, on any machine (CJK is full width).
    assert abs(date_xs[0] - organ_start - 2 * CHAR) <= SLACK
    if len(organ) * ADVANCE >= sum(HALF if c.isascii() else ADVANCE for c in format_date(date)):
        assert abs(RIGHT - organ_end - 2 * CHAR) <= SLACK  # the organ 右空二字
    else:
        assert organ_end < RIGHT - 3 * CHAR  # moved left of the longer date
        # The date ends 右空二字 with Times New Roman's digits (the XML test above). Here
        # the digits are a substitute's (DejaVu, 0.635 em) and LibreOffice 7.4 adds about
        # 0.2 em at each change between digits and 年月日 even with w:autoSpaceDN off, so
        # the date ends further right: still on one line (its paragraph may run to the
        # paper's edge; see test_the_date_never_breaks_and_keeps_its_place).
        assert RIGHT - 2 * CHAR - SLACK <= date_xs[-1] <= RIGHT + 2 * CHAR


#: Organs of every length that matters around the dates' widths (a 7-character organ is
#: just longer than 2025年12月31日 in Times New Roman, so the date reaches the text block's
#: edge), and the longest and shortest dates.
ORGANS = ("某县局", "某县监管局", "某县规划资源", "某县市场监管局", "某市自然资源和规划局",
          "某某省某某市某某区某某街道办事处综合行政执法局")  # fmt: skip
DATES = (dt.date(2025, 12, 31), dt.date(2025, 1, 1))


@pytest.mark.slow
@needs_libreoffice
@pytest.mark.parametrize("fonts", ["gb2312", "windows"])
def test_the_date_never_breaks_and_keeps_its_place(fonts: str, tmp_path: Path) -> None:
    """Rendered where Times New Roman is substituted (wider digits), the date stays on one
    line, two characters right of the organ's start (GB/T 9704 7.3.5.2), inside the page."""
    cases = [(organ, date) for organ in ORGANS for date in DATES]
    docs = [
        str(write_docx(attrs.evolve(CITY, organ=o, date=d), tmp_path / f"{i}.docx", fonts=fonts))
        for i, (o, d) in enumerate(cases)
    ]
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *docs],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    for i, (organ, date) in enumerate(cases):
        out = subprocess.run(
            ["pdftotext", "-bbox", str(tmp_path / f"{i}.pdf"), "-"],
            check=True, capture_output=True, text=True, timeout=60,
        ).stdout  # fmt: skip
        words = _last_page_words(out)
        at = max(k for k, w in enumerate(words) if w[0] == organ)
        organ_box = words[at]
        # Everything after the organ above the footer: the date's words.
        after = [w for w in words[at + 1 :] if w[2] < organ_box[2] + 3 * 28.95]
        text = format_date(date)
        assert "".join(w[0] for w in after) == text, (organ, date, after)
        assert {round(w[2]) for w in after} == {round(organ_box[2] + 28.95)}, (organ, date, after)
        assert abs(after[0][1] - organ_box[1] - 2 * CHAR) <= SLACK, (organ, date)
        assert after[-1][3] <= PAGE_WIDTH, (organ, date)
