"""argparse's own messages follow the language: --lang, then the locale (Chinese by default)."""

from __future__ import annotations

import argparse
import io
import re
from typing import TYPE_CHECKING

import pytest

from govinfo_report.cli import _i18n, build_parser, run

if TYPE_CHECKING:
    from pathlib import Path


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


# --- every command's help, in each language ------------------------------------------------

COMMANDS = ("new", "check", "schema", "aggregate", "compare", "render", "read", "audit")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
#: Words of an English sentence (a Chinese help text has none; option names and metavars
#: such as --out-dir, OUT.docx and {text,json,csv} are no sentence).
_ENGLISH = re.compile(r"\b(?:the|of|and|or|to|in|when|with|write|read|reports?)\b")
#: Chinese an English help may name: the font faces of the --fonts profiles.
_FONT_NAMES = re.compile(r"仿宋_GB2312|楷体_GB2312|仿宋|楷体")


def _parsers(lang: str) -> dict[str, argparse.ArgumentParser]:
    with _i18n.messages(lang):
        parser = build_parser()
    actions = parser._actions  # noqa: SLF001 - argparse lists a parser's options nowhere else
    (sub,) = (a for a in actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    return {"govinfo-report": parser, **sub.choices}


def _texts(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    """The parser's description and each option's help: (what, text)."""
    texts = [("description", parser.description or "")]
    actions = parser._actions  # noqa: SLF001 - argparse lists a parser's options nowhere else
    texts += [("/".join(a.option_strings) or a.dest, a.help or "") for a in actions]
    return [(what, text) for what, text in texts if text != argparse.SUPPRESS]


@pytest.mark.parametrize("command", ["govinfo-report", *COMMANDS])
def test_every_help_text_is_in_chinese(command: str) -> None:
    parser = _parsers("zh")[command]
    for what, text in _texts(parser):
        assert _CJK.search(text), (command, what, text)
        sentence = re.sub(r"govinfo-report(?: [a-z]+)?", "", text)  # the program's own name
        assert not _ENGLISH.search(sentence), (command, what, text)


@pytest.mark.parametrize("command", ["govinfo-report", *COMMANDS])
def test_every_help_text_is_in_english(command: str) -> None:
    parser = _parsers("en")[command]
    for what, text in _texts(parser):
        assert text, (command, what)
        assert not _CJK.search(_FONT_NAMES.sub("", text)), (command, what, text)


def _help(argv: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()
    assert run(argv, out, io.StringIO()) == 0
    return out.getvalue()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("lang_args", "env"),
    [([], {}), (["--lang", "zh"], {"LANG": "en_US.UTF-8"})],
    ids=["default", "lang-zh"],
)
def test_command_help_printed_in_chinese(
    command: str, lang_args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _help([command, "--help", *lang_args], env, monkeypatch)
    assert text.startswith(f"用法：govinfo-report {command}")
    assert "选项：" in text
    assert "显示帮助信息并退出" in text
    assert "usage" not in text
    assert "options" not in text


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["{command}", "--help", "--lang", "en"], {}),
        (["--lang", "en", "{command}", "--help"], {}),
        (["{command}", "--help"], {"LANG": "en_US.UTF-8"}),
    ],
    ids=["lang-after", "lang-before", "locale"],
)
def test_command_help_printed_in_english(
    command: str, argv: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _help([a.format(command=command) for a in argv], env, monkeypatch)
    assert text.startswith(f"usage: govinfo-report {command}")
    assert "options:" in text
    assert "show this help message and exit" in text
    assert not _CJK.search(_FONT_NAMES.sub("", text))


def test_messages_follow_the_language_given_before_the_command(tmp_path: Path) -> None:
    err = io.StringIO()
    assert run(["--lang", "en", "check", str(tmp_path / "none.json")], io.StringIO(), err) == 2
    assert err.getvalue() == f"cannot read {tmp_path / 'none.json'}: no such file\n"
