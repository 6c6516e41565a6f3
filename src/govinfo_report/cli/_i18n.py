"""The command line's help and argparse's own messages in the user's language (private).

Every help text and description is given in both languages with :func:`tr`, which picks
the language of the parser being built.

argparse translates its messages through :func:`gettext.gettext`, bound in the module as
``argparse._`` when it is imported; Python ships no Chinese catalogue for it. While the
command line is built and parsed, :func:`messages` binds ``argparse._`` to a table of
Chinese translations when the language is Chinese, and restores it afterwards, so a library
user's own parsers are left alone.

The language follows ``--lang`` on the command line, then the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``): ``en…`` is English, anything else Chinese (the default).

>>> language(["check", "--lang", "en", "x.json"]), language(["check", "--lang=zh"])
('en', 'zh')
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import os
import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["ZH", "HelpFormatter", "Parser", "language", "messages", "tr"]

#: argparse's messages and their Chinese, with Chinese punctuation.
ZH: Final = {
    "usage: ": "用法：",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选择：%(value)r（可选：%(choices)s）"
    ),
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "至多需要一个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "有歧义的选项：%(option)s 可能是 %(matches)s"
    ),
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示帮助信息并退出",
    "show program's version number and exit": "显示版本号并退出",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "ignored explicit argument %r": "多余的值 %r 被忽略",
}


#: A section heading of the help ("位置参数:"): argparse ends it with an ASCII colon.
_CHINESE_HEADING: Final = re.compile(r"(?m)^(\s*[^\x00-\x7f][^\n]*):$")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with the full-width colon after a Chinese section heading."""

    def format_help(self) -> str:
        """The help text; ``位置参数：`` rather than ``位置参数:``."""
        return _CHINESE_HEADING.sub(r"\1：", super().format_help())


class Parser(argparse.ArgumentParser):
    """An argument parser whose help uses :class:`HelpFormatter` (commands are made so)."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        return HelpFormatter(prog=self.prog)


def language(argv: Sequence[str]) -> str:
    """``zh`` or ``en``: ``--lang`` in ``argv``, else the locale's language, else ``zh``."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.partition("=")[2] == "en" else "zh"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


#: The language of the parser being built (``messages`` sets it).
_LANG: Final = contextvars.ContextVar("govinfo_report_cli_lang", default="zh")


def tr(zh: str, en: str) -> str:
    """A help text in the language of the parser being built: ``zh``, or ``en``.

    >>> with messages("en"):
    ...     tr("检查", "check")
    'check'
    >>> tr("检查", "check")
    '检查'
    """
    return en if _LANG.get() == "en" else zh


def _chinese(message: str) -> str:
    return ZH.get(message, message)


@contextlib.contextmanager
def messages(lang: str) -> Iterator[None]:
    """The help texts (:func:`tr`) and argparse's messages in ``lang`` while the block runs."""
    token = _LANG.set(lang)
    try:
        if lang != "zh":
            yield
            return
        saved = argparse._  # type: ignore[attr-defined]  # argparse's gettext binding
        argparse._ = _chinese  # type: ignore[attr-defined]
        try:
            yield
        finally:
            argparse._ = saved  # type: ignore[attr-defined]
    finally:
        _LANG.reset(token)
