"""Making PDFs for the PDF reader's tests, as offices make them (not a test module).

:func:`pdf_of` converts a .docx to PDF with LibreOffice headless, as "save as PDF" does; each
conversion gets its own LibreOffice profile (concurrent runs collide otherwise) and is cached
by the .docx's hash, in memory for the session and on disk between sessions, because
LibreOffice takes about two seconds a document.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import uuid
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from lxml import etree

from govinfo_report.model import Part

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo_report import AnnualReport

HAVE_SOFFICE = shutil.which("soffice") is not None
needs_soffice = pytest.mark.skipif(
    not HAVE_SOFFICE, reason="LibreOffice (soffice) is needed to make PDFs from .docx"
)

_CACHE_DIR = Path(tempfile.gettempdir()) / "govinfo-report-pdf-cache"
_MEMORY: dict[str, bytes] = {}


def pdf_of(docx: bytes, options: str = "") -> bytes:
    """The PDF LibreOffice makes of the .docx ``docx`` (cached by the .docx's SHA-256).

    ``options``: the PDF export filter's options as LibreOffice's JSON (encryption, say).
    """
    key = hashlib.sha256(docx + options.encode()).hexdigest()
    if key in _MEMORY:
        return _MEMORY[key]
    cached = _CACHE_DIR / f"{key}.pdf"
    if cached.exists():
        data = cached.read_bytes()
        _MEMORY[key] = data
        return data
    with tempfile.TemporaryDirectory(prefix="lo-pdf-") as work:
        directory = Path(work)
        source = directory / "report.docx"
        source.write_bytes(docx)
        profile = Path(tempfile.gettempdir()) / f"lo-pdf-{uuid.uuid4().hex}"
        try:
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--convert-to",
                    f"pdf:writer_pdf_Export:{options}" if options else "pdf",
                    "--outdir",
                    str(directory),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        data = (directory / "report.pdf").read_bytes()
    _CACHE_DIR.mkdir(exist_ok=True)
    partial = _CACHE_DIR / f"{key}.{os.getpid()}.part"
    partial.write_bytes(data)
    partial.replace(cached)
    _MEMORY[key] = data
    return data


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edited(docx: bytes, *edits: Callable[[etree._Element], None]) -> bytes:
    """``docx`` with each of ``edits`` applied to its ``word/document.xml``, in order."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(source.read("word/document.xml"))
    for edit in edits:
        edit(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    return out.getvalue()


def no_borders(root: etree._Element) -> None:
    """Every table's and cell's borders removed: no ruling line is drawn (borders off)."""
    for tag in ("tblBorders", "tcBorders"):
        for element in list(root.iter(f"{_W}{tag}")):
            element.getparent().remove(element)  # type: ignore[union-attr]


def breakable(root: etree._Element) -> None:
    """Rows may break across pages, nothing kept with the next (as a clerk's document)."""
    for tag in ("keepNext", "cantSplit"):
        for element in list(root.iter(f"{_W}{tag}")):
            element.getparent().remove(element)  # type: ignore[union-attr]


def tall(root: etree._Element) -> None:
    """Table 三's rows at least 1000 twips high, no header row repeated: over three pages."""
    table = list(root.iter(f"{_W}tbl"))[1]
    for header in list(table.iter(f"{_W}tblHeader")):
        header.getparent().remove(header)  # type: ignore[union-attr]
    for row in table.iter(f"{_W}tr"):
        properties = row.find(f"{_W}trPr")
        assert properties is not None
        for old in list(properties.iter(f"{_W}trHeight")):
            properties.remove(old)
        height = etree.SubElement(properties, f"{_W}trHeight")
        height.set(f"{_W}val", "1000")
        height.set(f"{_W}hRule", "atLeast")


FILLER = "本机关坚持以公开为常态、不公开为例外，持续深化政务公开工作，按时完成年度各项任务。"


def longer(report: AnnualReport, paragraphs: int) -> AnnualReport:
    """``report`` with ``paragraphs`` more paragraphs in section 一 (pushing the tables on)."""
    extra = Part(title="其他工作", paragraphs=tuple(FILLER * 2 for _ in range(paragraphs)))
    overview = attrs.evolve(report.overview, parts=(*report.overview.parts, extra))
    return attrs.evolve(report, overview=overview)
