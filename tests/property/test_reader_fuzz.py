"""Any text, any HTML, any bytes: a record or a clean ``ReadError``, never another exception
(issue 4, "fuzzing"); auditing whatever was read never raises either."""

from __future__ import annotations

import contextlib
import io
import zipfile
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.errors import ReadError, ReportError
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_docx, read_html, read_text

if TYPE_CHECKING:
    from govinfo_report.published.record import PublishedReport

_PIECES = st.sampled_from(
    [
        "<table>",
        "</table>",
        "<tr>",
        "<td colspan=9999>",
        "<td rowspan=0>",
        "<td>",
        "</td>",
        "规章",
        "0",
        "/",
        "一、本年新收政府信息公开申请数量",
        "三、收到和处理政府信息公开申请情况",
        "行政复议",
        "（一）",
        "\t",
        "\n",
        "<p>",
        "<br>",
        "&nbsp;",
        "<o:p>",
        "<meta charset=gbk>",
        "四、政府信息公开行政复议、行政诉讼情况",
        "1.其他",
        "（七）总计",
        "-3",
        "1.5",
    ]
)
_MARKUP = st.lists(_PIECES | st.text(max_size=10), max_size=60).map("".join)


def _settle(record: PublishedReport) -> None:
    audit(record)
    with contextlib.suppress(ReportError):
        record.to_report()


@given(st.text(max_size=2000) | _MARKUP)
def test_any_text(text: str) -> None:
    _settle(read_text(text))


@given(_MARKUP | st.text(max_size=2000))
def test_any_html(markup: str) -> None:
    try:
        record = read_html(markup)
    except ReadError:
        return
    _settle(record)


@given(st.binary(max_size=4000))
def test_any_bytes(data: bytes) -> None:
    for reader in (read_text, read_html, read_docx):
        try:
            record = reader(data)
        except ReadError:
            continue
        _settle(record)


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


@given(st.binary(max_size=3000), st.booleans())
def test_any_document_xml(data: bytes, types: bool) -> None:  # noqa: FBT001 - drawn
    entries = {"word/document.xml": data}
    if types:
        entries["[Content_Types].xml"] = b"<Types/>"
    with contextlib.suppress(ReadError):
        _settle(read_docx(_zip(entries)))
