"""Readers of published reports: text, web pages, .docx, .xlsx and PDF into the record.

Each reader returns a :class:`PublishedReport`: every table cell as printed with where it
was found, the narrative sections split by their headings, and whatever could not be
understood, kept. :func:`read` chooses the reader by the file's content.
"""

from __future__ import annotations

import os
from typing import Final, cast

from govinfo_report._io import read_bytes
from govinfo_report.errors import ReadError
from govinfo_report.published.readers._fetch import DEFAULT_TIMEOUT, fetch, is_address
from govinfo_report.published.readers._saved import (
    flat_opc_docx,
    mht_html,
    refuse_saved_as,
    saved_as,
)
from govinfo_report.published.readers._zip import OLE2_MAGIC, ole2_error
from govinfo_report.published.readers.html import read_html
from govinfo_report.published.readers.text import read_text
from govinfo_report.published.record import (
    CombinedCell,
    Furniture,
    PageMetadata,
    PublishedCell,
    PublishedPart,
    PublishedReport,
    PublishedSection,
    Source,
    Unread,
)

__all__ = [
    "CombinedCell",
    "Furniture",
    "PageMetadata",
    "PublishedCell",
    "PublishedPart",
    "PublishedReport",
    "PublishedSection",
    "Source",
    "Unread",
    "read",
    "read_content",
    "read_docx",
    "read_html",
    "read_pdf",
    "read_text",
    "read_xlsx",
]

_ZIP: Final = b"PK\x03\x04"
_PDF: Final = b"%PDF-"


def read(path: str | os.PathLike[str], *, timeout: float = DEFAULT_TIMEOUT) -> PublishedReport:
    """Read the report in file ``path``, choosing by content: .xlsx, .docx, PDF, HTML or text.

    Files that are none of these (empty, binary, this library's own JSON) are refused with
    :class:`~govinfo_report.ReadError`. An ``http://`` or ``https://`` address is fetched
    (within ``timeout`` seconds a step, and the bounds of docs/limits.md) and read the same
    way, named by its address.
    """
    if not isinstance(cast("object", path), str | os.PathLike):
        msg = (
            f"read() 的参数应为文件路径，实际为 {type(path).__name__}；内容请用 read_text、"
            f"read_html、read_docx 或 read_pdf | read() takes a path, not "
            f"{type(path).__name__}; for content use read_text, read_html, read_docx or read_pdf"
        )
        raise TypeError(msg)
    name = os.fspath(path)
    if is_address(name):
        return read_content(fetch(name, timeout=timeout), name=name)
    return read_content(read_bytes(path), name=name)


def read_content(data: bytes, *, name: str) -> PublishedReport:
    """Read the report in ``data`` (a file's bytes, named ``name``), choosing as :func:`read`."""
    if data.startswith(_ZIP):
        from govinfo_report.published.readers.xlsx import is_workbook  # noqa: PLC0415 - lazy

        # A damaged workbook is named as one (not as a .docx) when its name says it is.
        if is_workbook(data) or name.lower().endswith((".xlsx", ".xlsm")):
            return read_xlsx(data, name=name)
        return read_docx(data, name=name)
    if data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(_PDF):
        return read_pdf(data, name=name)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    saved = saved_as(head)  # what Word and WPS save besides a .docx
    if saved is not None:
        return _read_saved(saved, data, name)
    if head.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<")):
        return read_html(data, name=name)
    _refuse_non_text(data, head, name)
    return read_text(data, name=name)


def _read_saved(saved: str, data: bytes, name: str) -> PublishedReport:
    """A single-file web page or a Word XML document read; RTF and Word 2003 XML refused."""
    if saved == "mht":
        return read_html(mht_html(data, name), name=name)
    if saved == "flat":
        return read_docx(flat_opc_docx(data, name), name=name)
    raise refuse_saved_as(saved, name)


_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES: Final = frozenset(range(9)) | frozenset(range(14, 32))


def _refuse_non_text(data: bytes, head: bytes, name: str) -> None:
    """Refuse what is no published report: empty, binary, or report JSON."""
    if not head.strip():
        raise ReadError(name, "文件是空的", "the file is empty")
    if head.startswith(b"{"):
        raise ReadError(
            name,
            "这是年报 JSON，不是发布的报告：请用 govinfo-report check 或 audit",
            "this is report JSON, not a published report: use govinfo-report check or audit",
        )
    if data.startswith(OLE2_MAGIC):
        raise ole2_error(name)
    sample = data[:4096]
    if not sample.startswith(_UTF16_BOMS):
        control = sum(byte in _CONTROL_BYTES for byte in sample)
        if control * 20 > len(sample):  # more than 5%: no text, web page or .docx
            raise ReadError(
                name,
                "不是文本、网页或 .docx 文件（含二进制数据）",
                "not a text, a web page or a .docx (binary data)",
            )


def read_docx(
    source: bytes | os.PathLike[str] | str, *, name: str | None = None
) -> PublishedReport:
    """Read a report from a .docx (path or bytes); see :mod:`.published.readers.docx`."""
    from govinfo_report.published.readers.docx import (  # noqa: PLC0415 - lazy XML use
        read_docx as _read_docx,
    )

    return _read_docx(source, name=name)


def read_pdf(source: bytes | os.PathLike[str] | str, *, name: str | None = None) -> PublishedReport:
    """Read a report from a PDF (path or bytes); see :mod:`.published.readers.pdf`.

    Needs the optional dependency pdfplumber (``pip install 'govinfo-report[pdf]'``); without
    it a :class:`~govinfo_report.ReadError` says how to install it.
    """
    from govinfo_report.published.readers.pdf import (  # noqa: PLC0415 - optional pdfplumber
        read_pdf as _read_pdf,
    )

    return _read_pdf(source, name=name)


def read_xlsx(
    source: bytes | os.PathLike[str] | str, *, name: str | None = None
) -> PublishedReport:
    """Read a report from an .xlsx (path or bytes); see :mod:`.published.readers.xlsx`."""
    from govinfo_report.published.readers.xlsx import (  # noqa: PLC0415 - lazy XML use
        read_xlsx as _read_xlsx,
    )

    return _read_xlsx(source, name=name)
