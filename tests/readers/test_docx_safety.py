from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govinfo_report.errors import ReadError
from govinfo_report.published.readers import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _doc(body: str) -> bytes:
    xml = f"<w:document {W}><w:body>{body}</w:body></w:document>".encode()
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml})


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not a zip at all", "not a valid .docx"),
        (_zip({"a.txt": b"x"}), "not a Word document"),
        (
            _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document"}),
            "cannot be parsed",
        ),
        (
            _zip(
                {
                    "[Content_Types].xml": b"<Types/>",
                    "word/document.xml": b"\0" * (20 * 1024 * 1024),
                }
            ),
            "compression ratio",
        ),
        (_zip({"[Content_Types].xml": b"macroEnabled", "word/document.xml": b"<x/>"}), "macro"),
    ],
    ids=["not-zip", "no-document", "bad-xml", "zip-bomb", "docm"],
)
def test_refused_cleanly(data: bytes, words: str) -> None:
    with pytest.raises(ReadError) as info:
        read_docx(data)
    assert words in info.value.reason_en


def test_entities_not_expanded() -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": xml})
    try:
        record = read_docx(data)
    except ReadError:
        return
    assert "root:" not in str(record.to_dict())


def test_grid_anchors_sdt_ins_del() -> None:
    def tc(text: str, *, span: int = 1, vmerge: str | None = None) -> str:
        pr = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        if vmerge is not None:
            pr += "<w:vMerge/>" if vmerge == "continue" else f'<w:vMerge w:val="{vmerge}"/>'
        return f"<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    rows = [
        "<w:tr>"
        + tc("三、本年度办理结果", vmerge="restart")
        + tc("（三）不予公开", vmerge="restart")
        + tc("1.属于国家秘密")
        + "".join(tc("1") for _ in range(6))
        + tc("6")
        + "</w:tr>",
        "<w:tr>"
        + tc("", vmerge="continue")
        + tc("", vmerge="continue")
        + "<w:sdt><w:sdtContent>"
        + tc("2.其他法律行政法规禁止公开")
        + "</w:sdtContent></w:sdt>"
        + "<w:tc><w:p><w:del><w:r><w:delText>9</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>2</w:t></w:r></w:ins></w:p></w:tc>"
        + "".join(tc("/") for _ in range(5))
        + tc("2")
        + "</w:tr>",
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + tc("（四）无法提供", vmerge="restart")
        + tc("1.本机关不掌握相关政府信息")
        + tc("3", span=6)
        + tc("3")
        + "</w:tr>",
    ]
    record = read_docx(_doc("<w:tbl>" + "".join(rows) + "</w:tbl>"))
    secret = record.cell(("requests", "results", "withheld", "state_secret", "total"))
    assert secret is not None
    assert secret.value == 6
    law = record.cell(("requests", "results", "withheld", "prohibited_by_law", "natural_person"))
    assert law is not None
    assert (law.raw, law.value, law.source.ref) == ("2", 2, "T1R2C4")
    other = record.cell(("requests", "results", "withheld", "prohibited_by_law", "other"))
    assert other is not None
    assert other.blank
    held = record.cell(("requests", "results", "unavailable", "not_held", "natural_person"))
    assert held is not None
    assert held.source.column == 4


def test_filled_template_leftovers_are_warnings() -> None:
    template = Path(__file__).parents[1] / "data" / "national-template.docx"
    record = read_docx(template)
    found = [(f.code, f.place.path, f.severity.value) for f in record.findings]
    assert found == [
        ("R-TEMPLATE", "$.overview", "warning"),
        ("R-TEMPLATE", "$.problems", "warning"),
        ("R-TEMPLATE", "$.other_matters", "warning"),
        ("R-TEMPLATE", "$.date", "warning"),
    ]
