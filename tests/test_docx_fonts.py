"""Font profiles of the .docx writer: the default GB2312 faces, Windows faces, by hand."""

import io
import zipfile

import pytest
from lxml import etree

from govinfo_report import AnnualReport
from govinfo_report.formats.docx.writer import FONTS, docx_bytes, resolve_fonts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT = AnnualReport(organ="某县", year=2022)


def _east_asia_fonts(data: bytes) -> dict[str | None, str | None]:
    """Each paragraph style's East Asian font."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    out = {}
    for style in styles.iter(f"{W}style"):
        fonts = style.find(f"{W}rPr/{W}rFonts")
        if fonts is not None:
            out[style.get(f"{W}styleId")] = fonts.get(f"{W}eastAsia")
    return out


@pytest.mark.parametrize(
    ("fonts", "expected"),
    [
        (
            "gb2312",
            {"GovBody": "仿宋_GB2312", "GovHeading2": "楷体_GB2312", "GovTitle": "方正小标宋简体"},
        ),
        ("windows", {"GovBody": "仿宋", "GovHeading2": "楷体", "GovTitle": "方正小标宋简体"}),
        ({"title": "华文中宋"}, {"GovBody": "仿宋_GB2312", "GovTitle": "华文中宋"}),
    ],
)
def test_profiles_set_the_east_asian_fonts(fonts: object, expected: dict[str, str]) -> None:
    found = _east_asia_fonts(docx_bytes(REPORT, fonts=fonts))  # type: ignore[arg-type]
    assert {k: found[k] for k in expected} == expected


def test_default_is_gb2312() -> None:
    assert docx_bytes(REPORT) == docx_bytes(REPORT, fonts="gb2312")
    assert resolve_fonts() == FONTS


@pytest.mark.parametrize(
    ("fonts", "message"),
    [
        ("mac", "unknown font profile"),
        ({"bodyy": "仿宋"}, "unknown font roles"),
        ({"body": ""}, "non-empty"),
    ],
)
def test_bad_fonts_are_refused(fonts: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        docx_bytes(REPORT, fonts=fonts)  # type: ignore[arg-type]
