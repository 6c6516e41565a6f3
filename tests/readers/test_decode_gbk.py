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
