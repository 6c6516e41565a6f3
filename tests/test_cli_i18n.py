"""argparse's own messages follow the language: --lang, then the locale (Chinese by default)."""

from __future__ import annotations

import argparse
import io

import pytest

from govinfo_report.cli import run


def _err(argv: list[str]) -> str:
    err = io.StringIO()
    assert run(argv, io.StringIO(), err) == 2
    return err.getvalue()


@pytest.mark.parametrize(
    ("argv", "env", "words"),
    [
        (["check"], {}, ["用法：", "错误：缺少必需的参数：FILE"]),
        (["check", "--lang", "en"], {}, ["usage:", "error: the following arguments are required"]),
        (["check"], {"LANG": "en_US.UTF-8"}, ["usage:", "are required"]),
        (["check", "--lang", "zh"], {"LANG": "en_US.UTF-8"}, ["用法：", "缺少必需的参数"]),
        (["check", "x", "--format", "xml"], {}, ["无效的选择：'xml'"]),
        (["nosuch"], {}, ["无效的选择：'nosuch'"]),
    ],
)
def test_argparse_messages(
    argv: list[str], env: dict[str, str], words: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    err = _err(argv)
    for word in words:
        assert word in err


def test_help_in_chinese() -> None:
    out = io.StringIO()
    assert run(["new", "--help"], out, io.StringIO()) == 0
    assert "显示帮助信息并退出" in out.getvalue()
    assert "选项" in out.getvalue()


def test_other_parsers_left_alone() -> None:
    _err(["check"])
    parser = argparse.ArgumentParser(prog="x")
    assert "usage:" in parser.format_usage()
