"""read(): what is not a published report is refused cleanly, and inputs are bounded."""

import random
from pathlib import Path

import pytest

from govinfo_report import ReadError, read, read_html, read_text
from govinfo_report.published.readers._limits import MAX_CHARS, MAX_ELEMENTS, MAX_LINES


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b" \r\n\t", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"x" + random.Random(1).randbytes(2048), "binary"),  # noqa: S311 - test data
        (b'{"format": "govinfo-report"}', "report JSON"),
    ],
)
def test_not_a_published_report(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "input.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=words):
        read(path)


def test_utf16_text_is_text_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("哈尔滨市阿城区金龙山镇2021年政府信息公开工作年度报告\n".encode("utf-16"))
    assert read(path).organ == "哈尔滨市阿城区金龙山镇"


@pytest.mark.parametrize("bad", [b"<html></html>", 12, None])
def test_read_takes_a_path(bad: object) -> None:
    with pytest.raises(TypeError, match="takes a path"):
        read(bad)  # type: ignore[arg-type]


def test_bounds() -> None:
    with pytest.raises(ReadError, match="characters"):
        read_text("x" * (MAX_CHARS + 1))
    with pytest.raises(ReadError, match="lines"):
        read_text("1\n" * (MAX_LINES + 1))
    with pytest.raises(ReadError, match="page elements"):
        read_html("<table>" + "<tr><td>1</td></tr>" * (MAX_ELEMENTS // 2 + 1) + "</table>")
