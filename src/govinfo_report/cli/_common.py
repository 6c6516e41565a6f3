"""What every command shares: exit codes, the language option, lines of text (private).

No command module imports from :mod:`govinfo_report.cli` itself (which imports them), so
the command line has no import cycle.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Final

from govinfo_report.findings import Severity

if TYPE_CHECKING:
    from collections.abc import Sequence

    from govinfo_report.errors import ReadError
    from govinfo_report.findings import Finding

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "add_lang",
    "finding_line",
    "read_error_line",
    "say",
    "status_code",
    "summary_line",
]

#: Every input is sound.
EXIT_OK: Final = 0
#: Some input has error findings (or warnings, with ``--strict``), or cannot go with the others.
EXIT_FINDINGS: Final = 1
#: Some input cannot be read at all (or the command line is wrong).
EXIT_UNREADABLE: Final = 2


def output_path(raw: str) -> str:
    """The type of every ``-o``: an empty name is a usage error, not the current folder."""
    if not raw:
        msg = "no output file was named (the path is empty) / 未指定输出文件（路径为空）"
        raise argparse.ArgumentTypeError(msg)
    return raw


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The ``--lang zh|en`` option of a command."""
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="message language (default: zh)"
    )


def say(lang: str, zh: str, en: str) -> str:
    """One line of output in the chosen language (``zh`` or ``en``), newline included."""
    return (en if lang == "en" else zh) + "\n"


def status_code(findings: Sequence[Finding], *, strict: bool = False) -> int:
    """The exit code for one input's findings."""
    bad = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in bad for f in findings) else EXIT_OK


_SEVERITY_WORDS: Final = {
    Severity.ERROR: ("错误", "error"),
    Severity.WARNING: ("警告", "warning"),
    Severity.INFO: ("提示", "note"),
}


def finding_line(finding: Finding, lang: str) -> str:
    """One finding as a line of text (no newline): severity, code, message."""
    zh, en = _SEVERITY_WORDS[finding.severity]
    return f"  {en if lang == 'en' else zh} {finding.message(lang)}"


def summary_line(source: str, findings: Sequence[Finding], lang: str) -> str:
    """``FILE: sound`` or ``FILE: N errors, M warnings`` in the chosen language (no newline)."""
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    notes = len(findings) - errors - warnings
    if lang == "en":
        state = "sound" if not errors else "NOT sound"
        return f"{source}: {state} ({errors} errors, {warnings} warnings, {notes} notes)"
    state = "通过" if not errors else "未通过"
    return f"{source}：{state}（错误 {errors} 处，警告 {warnings} 处，提示 {notes} 处）"


def read_error_line(error: ReadError, lang: str) -> str:
    """An unreadable input, as one line (no newline)."""
    word = "cannot read" if lang == "en" else "无法读取"
    return f"{word} {error.message(lang)}"
