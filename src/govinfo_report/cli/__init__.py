"""The command line: ``govinfo-report`` (and ``python -m govinfo_report``).

Every command is a function ``(args, stdout, stderr) -> exit code``, and :func:`run` is
testable without a subprocess. Exit codes: 0 every input is sound, 1 some input has
error findings (or warnings, with ``--strict``), 2 some input cannot be read at all.
Errors are messages, never tracebacks.

Layout: a module per command group (:mod:`~govinfo_report.cli.check` check and schema,
:mod:`~govinfo_report.cli.many` aggregate and compare, :mod:`~govinfo_report.cli.render`,
:mod:`~govinfo_report.cli.read` read and audit); what they share in ``_common`` (exit
codes, ``--lang``, lines of text) and ``_output`` (one outputter per format: text, JSON,
CSV, with one CSV layout). Command modules never import from this module.
"""

from __future__ import annotations

import contextlib
import io
import sys
from typing import TYPE_CHECKING, TextIO, cast

from govinfo_report import __version__
from govinfo_report.cli import _i18n, check, many, new, read, render
from govinfo_report.cli._common import EXIT_OK, EXIT_UNREADABLE, EscapingStream
from govinfo_report.errors import GovinfoReportError, ReportError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

__all__ = ["main", "run"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    tr = _i18n.tr
    parser = _i18n.Parser(
        prog="govinfo-report",
        description=tr(
            "政府信息公开工作年度报告：检查、生成、读取。"
            "各命令的用法见 govinfo-report 命令 --help。",
            "Annual reports on government information disclosure: check, render, read. "
            "See govinfo-report COMMAND --help for each command.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=tr("显示版本号并退出", "show program's version number and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        dest="top_lang",
        help=tr(
            "提示和帮助的语言（默认：zh，或按系统语言）",
            "message language (default: zh, or the locale's)",
        ),
    )
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        parser_class=_i18n.Parser,
        dest="command",
        required=True,
        metavar=tr("命令", "COMMAND"),
        help=tr("要执行的命令，见下", "the command to run, below"),
        title=tr("命令", "commands"),
    )
    # A module per command group, each with ``register(subparsers)``; a command function is
    # ``(args, stdout, stderr) -> int``, and heavy imports wait inside it.
    new.register(sub)
    check.register(sub)
    many.register(sub)
    render.register(sub)
    read.register(sub)
    return parser


def run(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with ``argv``; returns the exit code."""
    # Whatever a report or a file name holds, no control character reaches the terminal raw.
    out = cast("TextIO", EscapingStream(stdout or sys.stdout))
    err = cast("TextIO", EscapingStream(stderr or sys.stderr))
    lang = _i18n.language(sys.argv[1:] if argv is None else list(argv))
    try:
        with (
            _i18n.messages(lang),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return EXIT_UNREADABLE if exc.code not in (0, None) else EXIT_OK
    if hasattr(args, "lang"):  # --lang before or after the command, then the locale
        args.lang = lang
    func: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.func
    try:
        return func(args, out, err)
    except GovinfoReportError as exc:
        err.write(_error_text(exc, getattr(args, "lang", "zh")))
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        err.write("interrupted | 已中断\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _error_text(exc: GovinfoReportError, lang: str) -> str:
    """An error in the chosen language: a file's reason, or each finding's message."""
    if isinstance(exc, ReportError):
        return "".join(f"{f.message(lang)}\n" for f in exc.findings)
    message = getattr(exc, "message", None)
    if callable(message):
        return f"{message(lang)}\n"
    return f"{exc}\n"


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        # Whatever the terminal's encoding, a character it cannot show is escaped, never
        # a traceback (a report may quote any text it was given).
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    sys.exit(run())
