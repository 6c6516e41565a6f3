# ruff: noqa: SLF001 - compares the private decoders with the codec they stand for
"""GBK first, GB18030 as before: the same text wherever GBK decodes the bytes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.published.readers import _decode
from govinfo_report.published.readers._decode import decode_utf8


def _gbk_pairs() -> list[bytes]:
    pairs = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            pair = bytes((lead, trail))
            try:
                pair.decode("gbk")
            except UnicodeDecodeError:
                continue
            pairs.append(pair)
    return pairs


_PAIRS = _gbk_pairs()


def test_every_gbk_pair_is_the_same_character_in_gb18030() -> None:
    assert len(_PAIRS) > 20000  # the whole GBK table, not an empty loop
    for pair in _PAIRS:
        assert pair.decode("gbk") == pair.decode("gb18030"), pair


_PIECES = st.one_of(
    st.sampled_from(_PAIRS),
    st.binary(max_size=3),  # anything: ASCII, digits, lone lead bytes, damage
    st.sampled_from(
        [
            "𠀀".encode("gb18030"),  # four-byte GB18030 characters
            "€".encode("gb18030"),
            "\u3000".encode("gb18030"),
            "\xa0".encode("gb18030"),
            b"\x81\x30",
            b"\x80",
            b"\xff",
        ]
    ),
)


@given(st.lists(_PIECES, max_size=30))
def test_decoded_as_gb18030_decodes_them(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert _decode._decode_as(data, "gb18030") == data.decode("gb18030", errors="replace")
    try:
        expected = data.decode("gb18030")
    except UnicodeDecodeError:
        expected = None
    try:
        got = _decode._decode_gbk(data)
    except UnicodeDecodeError:
        got = None
    assert got == expected


@given(st.lists(_PIECES, max_size=30))
def test_a_page_declaring_gbk_reads_as_before(pieces: list[bytes]) -> None:
    data = b'<meta charset="gbk"><p>' + b"".join(pieces)
    text, codec = decode_utf8(data, markup=True)
    if codec == "gb18030":
        assert text == data.decode("gb18030", errors="replace")


#: Chinese text as reports print it: CJK characters, full-width punctuation, digits, ASCII.
_REPORT_TEXT = st.text(
    alphabet=st.sampled_from("政府信息公开工作年度报告（一）、。：；“”〔〕0123456789 ab<>/=\u3000"),
    max_size=60,
)


@given(
    text=_REPORT_TEXT,
    declared=st.sampled_from(["utf-8", "UTF8", "iso-8859-1", "windows-1252", "ascii", "latin1"]),
)
def test_gbk_bytes_under_a_template_charset_read_as_gbk(text: str, declared: str) -> None:
    """A GBK page saved without its server's header keeps its template's wrong charset."""
    page = f'<meta http-equiv="Content-Type" content="text/html; charset={declared}"><p>中{text}'
    data = page.encode("gbk")
    got, codec = decode_utf8(data, markup=True)
    assert got == page
    assert codec in {"gb18030", _decode.STRICT_UTF8}


def test_a_utf8_page_cut_short_is_read_as_declared() -> None:
    page = '<meta charset="utf-8"><p>某县教育局2024年政府信息公开工作年度报告'.encode()
    got, codec = decode_utf8(page[:-1], markup=True)
    assert codec == "utf-8"
    assert got.startswith('<meta charset="utf-8"><p>某县教育局2024年政府信息公开工作年度')


def test_a_western_page_keeps_its_declaration() -> None:
    page = '<meta charset="iso-8859-1"><p>Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve'.encode("latin-1")
    assert decode_utf8(page, markup=True) == (page.decode("latin-1"), "iso8859-1")


_PAGE = (
    '<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    "<p>某市自然资源和规划局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>"
    "<p>2023年，某市自然资源和规划局认真贯彻落实《条例》，全年主动公开政府信息2316条。</p>"
)


@given(
    declared=st.sampled_from(["utf-8", "iso-8859-1", "windows-1252", "ascii"]),
    at=st.integers(0, 10_000),
    stray=st.sampled_from([b"\x80", b"\x93", b"\xff", b"\xd6"]),
)
def test_gbk_bytes_with_a_stray_byte_under_a_template_charset(
    declared: str, at: int, stray: bytes
) -> None:
    """A byte astray between characters (a Windows quote pasted in), or a page cut short in
    a character, leaves the page GBK."""
    page = _PAGE.format(declared=declared)
    at %= len(page) + 2
    if at > len(page):  # the last character's first byte, the rest cut off
        damaged = page[:-1].encode("gbk") + page[-1].encode("gbk")[:1]
    else:
        damaged = page[:at].encode("gbk") + stray + page[at:].encode("gbk")
    text, codec = decode_utf8(damaged, markup=True)
    assert codec == "gb18030"
    assert text == damaged.decode("gb18030", errors="replace")


@given(at=st.integers(0, 10_000), stray=st.sampled_from([b"\x80", b"\xd6", b"\xff", b"\xe4"]))
def test_utf8_with_a_stray_byte_is_read_as_utf8(at: int, stray: bytes) -> None:
    """As declared; and where the byte spoils the declaration, as UTF-8 all the same."""
    data = _PAGE.format(declared="utf-8").encode()
    at %= len(data) + 1
    damaged = data[:at] + stray + data[at:]
    text, codec = decode_utf8(damaged, markup=True)
    assert codec == "utf-8"
    assert text == damaged.decode("utf-8", errors="replace")
