"""Turning input bytes into text: UTF-8, GBK/GB18030 as declared or detected (private)."""

from __future__ import annotations

import codecs
import re
from typing import Final

__all__ = ["STRICT_UTF8", "decode", "decode_utf8"]

_META: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# GB2312 and GBK pages routinely contain characters only GB18030 has; it is their superset.
_WIDEN: Final = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


#: Codecs Python counts as text encodings that are no charset of a page: they transform
#: text (or decode escapes) rather than map bytes to characters. UTF-7 is refused by every
#: browser (WHATWG Encoding), being a known way to smuggle markup.
_NOT_CHARSETS: Final = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7"}
)


def _codec(name: str) -> str | None:
    """The codec of a charset name, or None for an unknown name or one that is no charset.

    Only text encodings qualify: ``base64``, ``hex``, ``zlib``, ``rot13``, ``uu`` (bytes or
    str transforms) and the names in ``_NOT_CHARSETS`` are ignored, as unknown names are.
    """
    name = _WIDEN.get(name.lower(), name.lower())
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # CodecInfo._is_text_encoding is False for the bytes-to-bytes and str-to-str transforms.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def _decode_gbk(data: bytes) -> str:
    """``data.decode("gb18030")`` (strict), by the GBK codec first where it decodes ``data``.

    Python's GBK codec is about 5 % cheaper than its GB18030 codec, and where it decodes
    bytes without error GB18030 gives the same text: every GBK pair is decoded to the same
    character by both, and a GBK pair's second byte (0x40 and above) is never the digit that
    opens a four-byte GB18030 sequence (tests/readers/test_decode_gbk.py, every pair and any
    sequence). Bytes GBK refuses (four-byte GB18030 characters, damage) are decoded by
    GB18030 as before.
    """
    try:
        return data.decode("gbk")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _decode_as(data: bytes, codec: str) -> str:
    """``data.decode(codec, errors="replace")``; GB18030 by :func:`_decode_gbk` first."""
    if codec == "gb18030":
        try:
            return _decode_gbk(data)
        except UnicodeDecodeError:
            pass
    return data.decode(codec, errors="replace")


def _single_byte(codec: str) -> bool:
    """Whether ``codec`` gives one character for each byte (Latin-1, windows-1252, KOI8-R...)."""
    return len(bytes(range(0x80, 0x100)).decode(codec, errors="replace")) == 0x80  # noqa: PLR2004


def _declared(data: bytes, codec: str) -> str | None:
    """The codec to read ``data`` (not strict UTF-8) by, when its page declares ``codec``.

    Sites' templates declare a charset their articles are not in, and a page saved without
    the server's header keeps only the template's: GBK bytes under ``charset=utf-8``, or
    under ``iso-8859-1``/``windows-1252``/``ascii`` (a server's default), which would read
    as nonsense. Such a declaration (UTF-8, or a single-byte charset) is not believed where
    the bytes are GB18030 (:func:`_mostly_gb18030`): GB18030 is returned. UTF-8 bytes with
    damage (a download cut short) are almost never GB18030, and are read as declared.
    UTF-16 and UTF-32 are told by their byte-order mark alone: None (not declared).
    """
    if codec.startswith(("utf-16", "utf-32")):
        return None
    if not codec.startswith("utf-8") and not _single_byte(codec):
        return codec
    return "gb18030" if _mostly_gb18030(data) else codec


#: At most one character in this many of the non-ASCII text (and at least one) may be
#: damage in bytes :func:`_mostly_gb18030` takes for GB18030; a text with less than
#: ``_DAMAGE_FEW`` characters to each is not (UTF-8 read as GB18030: one in sixteen).
_DAMAGE: Final = 100
_DAMAGE_FEW: Final = 20


def _mostly_gb18030(data: bytes) -> bool:
    """Whether ``data`` is GB18030 text, but perhaps for a little damage (:func:`_mostly`)."""
    try:
        _decode_gbk(data)
    except UnicodeDecodeError:
        return _mostly(data, "gb18030")
    return True


def _mostly(data: bytes, codec: str) -> bool:
    """Whether ``data`` (not valid ``codec``) is ``codec`` text but for a little damage.

    At most one character in ``_DAMAGE`` of its non-ASCII text is damage, or one (a byte
    astray: a Windows-1252 quote pasted in, a download cut short in the middle of a
    character). UTF-8 read as GB18030, GB18030 read as UTF-8 and Latin text read as either
    are damage throughout.
    """
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", errors="ignore"))
    good = wide - bad
    return bad <= max(1, good // _DAMAGE) and good >= _DAMAGE_FEW * bad


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

    A BOM wins; then strict UTF-8; then, for markup, a ``<meta charset>`` in the first 4 KB
    (unless it cannot be the page's: :func:`_declared`); then GB18030 where the bytes are
    valid GB18030; then charset-normalizer's best guess; GB18030 with replacement
    characters as the last resort (never an exception: every byte string decodes).
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
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
            chosen = None if codec is None else _declared(data, codec)
            if chosen is not None:
                return _decode_as(data, chosen), chosen
    try:
        return data.decode("utf-8"), STRICT_UTF8
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data and _mostly_gb18030(data):
        # These are Chinese reports: text that is GB18030 (but for a byte astray) is read
        # as GB18030. A guess on a short GBK text is often another double-byte encoding
        # (cp949, Big5): garbage.
        return _decode_as(data, "gb18030"), "gb18030"
    if _mostly(data, "utf-8"):  # UTF-8 with a byte astray, its declaration lost
        return data.decode("utf-8", errors="replace"), "utf-8"
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only for undeclared encodings

    best = from_bytes(data[:262144]).best()
    if best is not None:
        codec = _codec(best.encoding) or "gb18030"
        return data.decode(codec, errors="replace"), codec
    return data.decode("gb18030", errors="replace"), "gb18030"
