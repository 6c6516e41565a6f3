"""Turning input bytes into text: UTF-8, GBK/GB18030 as declared or detected (private)."""

from __future__ import annotations

import codecs
import re
from typing import Final

__all__ = ["STRICT_UTF8", "decode", "decode_utf8"]

_META: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# GB2312 and GBK pages routinely contain characters only GB18030 has; it is their superset.
_WIDEN: Final = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def _codec(name: str) -> str | None:
    name = _WIDEN.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


#: What :func:`decode_utf8` names strict UTF-8 with: ``data`` is then the text's UTF-8 bytes.
STRICT_UTF8: Final = "utf-8 (strict)"


def decode(data: bytes, *, markup: bool = False) -> tuple[str, str]:
    """``data`` as text, and the encoding used (see :func:`decode_utf8`)."""
    text, codec = decode_utf8(data, markup=markup)
    return text, "utf-8" if codec == STRICT_UTF8 else codec


def decode_utf8(data: bytes, *, markup: bool = False) -> tuple[str, str]:  # noqa: C901, PLR0911 - one fallback chain
    """``data`` as text, and the encoding used (:data:`STRICT_UTF8` for strict UTF-8).

    :data:`STRICT_UTF8` means ``data`` is valid UTF-8 without a BOM, and so exactly the text's
    UTF-8 encoding (a parser can be given it as it is).

    A BOM wins; then strict UTF-8; then, for markup, a ``<meta charset>`` in the first 4 KB;
    then charset-normalizer's best guess; GB18030 with replacement characters as the last
    resort (never an exception: every byte string decodes).
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(name, errors="replace"), name
    if not data.isascii():
        # Valid multi-byte UTF-8 is vanishingly unlikely in GBK text, and sites often keep a
        # stale charset declaration after converting their pages to UTF-8.
        try:
            return data.decode("utf-8"), STRICT_UTF8
        except UnicodeDecodeError:
            pass
    if markup:
        match = _META.search(data[:4096])
        if match:
            codec = _codec(match[1].decode("ascii", errors="replace"))
            if codec is not None and codec not in ("utf-16-le", "utf-16-be", "utf-16"):
                return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), STRICT_UTF8
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for undeclared encodings

    best = from_bytes(data[:262144]).best()
    if best is not None:
        codec = _codec(best.encoding) or "gb18030"
        return data.decode(codec, errors="replace"), codec
    return data.decode("gb18030", errors="replace"), "gb18030"
