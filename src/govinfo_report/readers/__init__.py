"""Readers of published reports: text, web pages and .docx into the record as published.

Each reader returns a :class:`PublishedReport`: every table cell as printed with where it
was found, the narrative sections split by their headings, and whatever could not be
understood, kept. :func:`read` chooses the reader by the file's content.
"""

from __future__ import annotations

import os
from typing import Final

from govinfo_report._io import read_bytes
from govinfo_report.readers.html import read_html
from govinfo_report.readers.record import (
    PublishedCell,
    PublishedPart,
    PublishedReport,
    PublishedSection,
    Source,
    Unread,
)
from govinfo_report.readers.text import read_text

__all__ = [
    "PublishedCell",
    "PublishedPart",
    "PublishedReport",
    "PublishedSection",
    "Source",
    "Unread",
    "read",
    "read_docx",
    "read_html",
    "read_text",
]

_ZIP: Final = b"PK\x03\x04"


def read(path: str | os.PathLike[str]) -> PublishedReport:
    """Read the report in file ``path``, choosing by content: .docx, HTML or text."""
    name = os.fspath(path)
    data = read_bytes(path)
    if data.startswith(_ZIP):
        return read_docx(data, name=name)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"<", b"\xff\xfe<", b"\xfe\xff\x00<")):
        return read_html(data, name=name)
    return read_text(data, name=name)


def read_docx(
    source: bytes | os.PathLike[str] | str, *, name: str | None = None
) -> PublishedReport:
    """Read a report from a .docx (path or bytes); see :mod:`govinfo_report.readers.docx`."""
    from govinfo_report.readers.docx import read_docx as _read_docx  # noqa: PLC0415 - lazy lxml XML use

    return _read_docx(source, name=name)
