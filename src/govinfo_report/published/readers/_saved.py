"""What Word and WPS save besides a .docx, often under a .doc or .docx name (private).

- a single-file web page (.mht, .mhtml: "单个文件网页"), a MIME message whose HTML part is
  the document: read as the web page it holds;
- a Word XML document of Word 2007 and later (Flat OPC: the parts of a .docx in one XML
  file, ``pkg:package``): read as the .docx it holds;
- a Word 2003 XML document (``w:wordDocument``) and an RTF file: refused, with what to do
  (open it in Word or WPS and save it as .docx).
"""

from __future__ import annotations

import codecs
import email.parser
import email.policy
import io
import re
import zipfile
from typing import Final

from lxml import etree

from govinfo_report.errors import ReadError
from govinfo_report.published.readers._zip import MAX_ELEMENTS, parse_xml

__all__ = ["flat_opc_docx", "mht_html", "refuse_saved_as", "saved_as"]

_RTF: Final = b"{\\rtf"
_MIME: Final = re.compile(rb"(?i)^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*MIME-Version:")
_PKG: Final = "http://schemas.microsoft.com/office/2006/xmlPackage"
_TYPES: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_WORD2003: Final = b"http://schemas.microsoft.com/office/word/2003/wordml"
#: A package's parts in Flat OPC, twice the elements of the .docx's document alone (its
#: styles, numbering, theme and settings come with it).
_MAX_PACKAGE_ELEMENTS: Final = 2 * MAX_ELEMENTS


def saved_as(head: bytes) -> str | None:
    """Which of these a file's first bytes (white space stripped) say it is, if any."""
    if head.startswith(_RTF):
        return "rtf"
    if _MIME.match(head):
        return "mht"
    if head.startswith(b"<"):
        if _PKG.encode() in head:
            return "flat"
        if _WORD2003 in head:
            return "word2003"
    return None


def refuse_saved_as(kind: str, name: str) -> ReadError:
    """The error for an RTF file or a Word 2003 XML document, with what to do."""
    what_zh, what_en = {
        "rtf": (" RTF 文档", "an RTF document"),
        "word2003": (" Word 2003 XML 文档", "a Word 2003 XML document"),
    }[kind]
    return ReadError(
        name,
        f"这是{what_zh}（不是 .docx）：请用 Word 或 WPS 打开，另存为 .docx 再读取",
        f"this is {what_en}, not a .docx: open it in Word or WPS, save it as .docx, then read that",
    )


def mht_html(data: bytes, name: str) -> str | bytes:
    """The web page inside a single-file web page (its first HTML part), decoded."""
    try:
        message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(data)
        for part in message.walk():
            if part.get_content_type() != "text/html":
                continue
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset()
            if charset is not None:
                try:
                    codec = codecs.lookup(charset).name
                except LookupError:
                    return payload
                if codec in ("gb2312", "gbk"):  # Word writes gb2312; pages hold GBK's more
                    codec = "gb18030"
                return payload.decode(codec, errors="replace")
            return payload
    except (ValueError, LookupError, TypeError, UnicodeError):
        pass
    except RecursionError:  # parts nested thousands deep: no page Word saves
        raise ReadError(
            name,
            "单个文件网页（.mht）的各部分嵌套过深，拒绝读取",
            "the parts of the single-file web page (.mht) are nested too deeply; refused",
        ) from None
    raise ReadError(
        name,
        "这是单个文件网页（.mht），但其中没有可读的网页",
        "this is a single-file web page (.mht) without a readable web page in it",
    )


def flat_opc_docx(data: bytes, name: str) -> bytes:
    """The .docx whose parts a Word XML document (Flat OPC) holds, as a zip."""
    root = parse_xml(data, name, "Word XML", max_elements=_MAX_PACKAGE_ELEMENTS)
    parts: dict[str, bytes] = {}
    types = etree.Element(f"{{{_TYPES}}}Types", nsmap={None: _TYPES})
    for part in root.iter(f"{{{_PKG}}}part"):
        part_name = part.get(f"{{{_PKG}}}name", "").lstrip("/")
        xml = part.find(f"{{{_PKG}}}xmlData")
        if not part_name or xml is None or len(xml) == 0:
            continue  # binary parts (images, fonts): not read
        etree.SubElement(
            types,
            f"{{{_TYPES}}}Override",
            PartName=f"/{part_name}",
            ContentType=part.get(f"{{{_PKG}}}contentType", ""),
        )
        parts[part_name] = etree.tostring(xml[0], encoding="UTF-8", xml_declaration=True)
    parts["[Content_Types].xml"] = etree.tostring(types, encoding="UTF-8", xml_declaration=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for part_name, part_data in parts.items():
            archive.writestr(part_name, part_data)
    return buf.getvalue()
