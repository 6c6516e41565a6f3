"""Opening untrusted Office files (.docx, .xlsx) within bounds (private).

The zip's central directory is checked before anything is inflated: entry count, declared
sizes, compression ratio, the parts a document of its kind must have. XML is parsed without
DTDs, entities or network access. Anything corrupt gives a
:class:`~govinfo_report.ReadError`, never a traceback.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING, Final

from lxml import etree

from govinfo_report.errors import ReadError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "MAX_ELEMENTS",
    "MAX_ENTRIES",
    "MAX_PART",
    "MAX_RATIO",
    "MAX_TOTAL",
    "Kind",
    "open_zip",
    "parse_xml",
]

#: Most entries an Office file may have (Word writes about 15, Excel about 15 plus sheets).
MAX_ENTRIES: Final = 2000
#: Most bytes all entries may declare, uncompressed.
MAX_TOTAL: Final = 256 * 1024 * 1024
#: Highest compression ratio allowed for an entry larger than 1 MB (XML compresses ~10-30x).
MAX_RATIO: Final = 200
_RATIO_FLOOR: Final = 1024 * 1024
#: Most bytes one part we read may declare.
MAX_PART: Final = 64 * 1024 * 1024
#: Most XML elements a part may have. Word spends 5 to 20 elements on a paragraph (runs,
#: their properties, fonts), WPS sometimes one run per character: a long report has tens of
#: thousands; this bound keeps a hostile document's tree within about 100 MB.
MAX_ELEMENTS: Final = 400_000

Kind = tuple[str, str, str]  # (suffix, Chinese name, English name): ".docx", "Word 文档", ...

_CORRUPT: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    zlib.error,  # a damaged deflate stream
)


#: The signature of an OLE2 compound file: a Word 97-2003 .doc, a WPS .wps, an .xls, and
#: a password-protected .docx (Office encrypts into this container).
OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2_error(name: str) -> ReadError:
    """The error for an OLE2 file, with what to do about it."""
    return ReadError(
        name,
        "这是旧版 Word/WPS 文档（.doc、.wps）或设置了密码的文档：请用 Word 或 WPS 打开，"
        "去掉密码后另存为 .docx 再读取",
        "this is an old Word/WPS document (.doc, .wps) or a password-protected one: open it "
        "in Word or WPS, remove the password and save it as .docx, then read that",
    )


def open_zip(
    data: bytes, name: str, kind: Kind, required: Iterable[str]
) -> tuple[zipfile.ZipFile, frozenset[str]]:
    """The archive (checked) and the names of its entries; the caller closes it."""
    suffix, what_zh, what_en = kind
    if data.startswith(OLE2_MAGIC):
        raise ole2_error(name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ReadError(
            name,
            f"不是有效的 {suffix} 文件（无法作为 zip 打开）",
            f"not a valid {suffix} (not a zip)",
        ) from None
    try:
        names = _check(archive, name, what_zh, what_en, required)
    except ReadError:
        archive.close()
        raise
    return archive, names


def _check(
    archive: zipfile.ZipFile, name: str, what_zh: str, what_en: str, required: Iterable[str]
) -> frozenset[str]:
    """The names of the entries, after the central directory's bounds are checked."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ReadError(
            name, f"压缩包条目过多（{len(infos)}）", f"too many zip entries ({len(infos)})"
        )
    if sum(i.file_size for i in infos) > MAX_TOTAL:
        raise ReadError(name, "解压后体积过大，疑似压缩炸弹", "declared size too large (zip bomb?)")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise ReadError(
                name,
                f"条目 {info.filename} 压缩比异常（{ratio:.0f}），疑似压缩炸弹",
                f"entry {info.filename} has a suspicious compression ratio ({ratio:.0f})",
            )
    names = frozenset(i.filename for i in infos)
    for part in required:
        if part not in names:
            space = " " if what_zh[:1].isascii() else ""  # 不是 Word 文档
            raise ReadError(
                name, f"不是{space}{what_zh}（缺少 {part}）", f"not {what_en} (no {part})"
            )
    return names


def read_part(archive: zipfile.ZipFile, part: str, name: str, limit: int = MAX_PART) -> bytes:
    """One entry's bytes, refusing one that declares more than ``limit`` bytes."""
    if archive.getinfo(part).file_size > limit:
        raise ReadError(name, f"{part} 过大", f"{part} is too large")
    try:
        data = archive.read(part)
    except _CORRUPT as exc:
        raise ReadError(name, f"压缩包已损坏（{exc}）", f"the zip is corrupt ({exc})") from None
    if len(data) > limit:  # a lying directory: the entry inflated past what it declared
        raise ReadError(name, f"{part} 过大", f"{part} is too large")
    return data


_PARSER: Final = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
)


def parse_xml(
    data: bytes, name: str, part: str = "XML", *, max_elements: int | None = None
) -> etree._Element:
    """Parse one part safely: no DTD, no entities, no network; errors become ReadError.

    With ``max_elements`` (for a .docx: ``MAX_ELEMENTS``), a part of more elements is
    refused: before it is parsed when its markup alone says so (every element has a ``<``,
    and text cannot hold one), else after.
    """
    if max_elements is not None and data.count(b"<") > 2 * max_elements:
        raise _too_many(name, part, max_elements)
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(
            name, f"{part} 无法解析（{exc}）", f"{part} cannot be parsed ({exc})"
        ) from None
    if max_elements is not None:
        for n, _ in enumerate(root.iter()):
            if n >= max_elements:
                raise _too_many(name, part, max_elements)
    return root


def _too_many(name: str, part: str, limit: int) -> ReadError:
    return ReadError(
        name,
        f"{part} 超过 {limit} 个 XML 元素，远超任何一份年度报告，拒绝读取",
        f"{part} has more than {limit} XML elements, far more than any annual report; refused",
    )
