"""What every command shares: exit codes, the language option, lines of text (private).

No command module imports from :mod:`govinfo_report.cli` itself (which imports them), so
the command line has no import cycle.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from govinfo_report.cli._i18n import tr
from govinfo_report.errors import WriteError
from govinfo_report.findings import Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from govinfo_report.errors import ReadError
    from govinfo_report.findings import Finding

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "EscapingStream",
    "add_lang",
    "csv_safe",
    "finding_line",
    "input_files",
    "one_line",
    "output_among_inputs",
    "output_path",
    "read_error_line",
    "say",
    "status_code",
    "summary_line",
    "terminal_safe",
    "write_data",
]

#: Every input is sound.
EXIT_OK: Final = 0
#: Some input has error findings (or warnings, with ``--strict``), or cannot go with the others.
EXIT_FINDINGS: Final = 1
#: Some input cannot be read at all (or the command line is wrong).
EXIT_UNREADABLE: Final = 2


#: The characters a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER: Final = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")


def csv_safe(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula.

    A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed
    with ``'`` (what OWASP recommends; Excel and WPS then show it as text). A plain number
    such as ``-5`` is left as it is.
    """
    formula = isinstance(value, str) and value.startswith(_FORMULA_START)
    if formula and not _PLAIN_NUMBER.fullmatch(str(value)):
        return f"'{value}"
    return value


#: Characters never written raw to a terminal: C0 controls but tab, newline and carriage
#: return (a progress bar redraws its line), DEL, C1
#: controls, line and paragraph separators, and the direction controls (a "Trojan Source"
#: line reads differently than it is).
_UNSAFE_TERMINAL: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def one_line(text: str) -> str:
    r"""``text`` on one line: a line break or carriage return in it shown as ``\n``, ``\r``.

    For a file name or a message inside a line of text output: a file named
    ``"a.json\nb.json: sound"`` must not print a line of its own, saying another file passed.
    """
    return text.replace("\r", "\\r").replace("\n", "\\n")


def terminal_safe(text: str) -> str:
    """``text`` with each control character shown escaped (as ``u001b``), the rest as is."""
    return _UNSAFE_TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class EscapingStream:
    """A text stream that writes :func:`terminal_safe` text to another one."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text``, escaped."""
        return self.stream.write(terminal_safe(text))

    def writelines(self, lines: Iterable[str]) -> None:
        """Write each line, escaped."""
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Flush the stream underneath."""
        self.stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def output_path(raw: str) -> str:
    """The type of every ``-o``: an empty name is a usage error, not the current folder."""
    if not raw:
        msg = "no output file was named (the path is empty) / 未指定输出文件（路径为空）"
        raise argparse.ArgumentTypeError(msg)
    return raw


def input_files(paths: Sequence[str], suffixes: frozenset[str]) -> list[str]:
    """Every file a batch reads under ``paths``: those named, and those found in folders.

    What an output must never overwrite: a report found in a folder is as much an input
    as one named.
    """
    from govinfo_report.many._inputs import walk  # noqa: PLC0415 - lazy

    return [found for found in walk(paths, suffixes=suffixes) if isinstance(found, str)]


def output_among_inputs(
    output: str, paths: Sequence[str], suffixes: frozenset[str]
) -> tuple[str, str] | None:
    """Why ``output`` cannot be written beside the inputs ``paths`` (zh, en), or None.

    An output inside an input folder, with a suffix the batch reads (any case, not hidden),
    would be read as an input the next time the same command runs (or overwrite one now).
    """
    target = Path(output)
    if target.suffix.lower() not in suffixes or target.name.startswith((".", "~$")):
        return None
    resolved = _resolved(target)
    for raw in paths:
        folder = Path(raw)
        if not folder.is_dir():
            continue
        if resolved.is_relative_to(_resolved(folder)):
            zh = (
                f"{output}：输出文件位于输入文件夹 {raw} 中，再次运行时会被当作输入读取"
                "（或覆盖其中的输入）；请写到别处，未写入任何文件"
            )
            en = (
                f"{output}: the output is inside the input folder {raw} and would be read as "
                "an input the next time (or overwrite one); write it elsewhere; nothing "
                "was written"
            )
            return zh, en
    return None


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: compared as written
        return path.absolute()


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The ``--lang zh|en`` option of a command."""
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help=tr(
            "提示和帮助的语言（默认：zh，或按系统语言）",
            "message language (default: zh, or the locale's)",
        ),
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
    return f"  {en if lang == 'en' else zh} {one_line(finding.message(lang))}"


def summary_line(source: str, findings: Sequence[Finding], lang: str) -> str:
    """``FILE: sound`` or ``FILE: N errors, M warnings`` in the chosen language (no newline)."""
    source = one_line(source)
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
    return f"{word} {one_line(error.message(lang))}"


def write_data(  # noqa: PLR0913 - where, what, its format, the language, the stream, inputs
    path: str, text: str, *, fmt: str, lang: str, err: TextIO, protect: Sequence[str] = ()
) -> int:
    """Write what a command would print to ``path``: UTF-8, CSV with a byte-order mark.

    A byte-order mark is what makes Excel read a CSV file as UTF-8 (without it, Chinese
    Windows opens it as GBK and shows mojibake). ``.xlsx`` writes the CSV rows as a
    worksheet. The file is written atomically and never over an input; on failure nothing
    is written and the reason is said. Returns an exit code (0, or 2 on failure).
    """
    from govinfo_report._io import atomic_write  # noqa: PLC0415 - lazy

    target = Path(path)
    suffix = target.suffix.lower()
    try:
        if suffix == ".xlsx":
            if fmt != "csv":
                err.write(
                    say(
                        lang,
                        f"{path}：只有表格（CSV 格式）可以写成 .xlsx，未写入任何文件",
                        f"{path}: only the CSV format can be written as .xlsx; nothing written",
                    )
                )
                return 2
            from govinfo_report.formats.xlsx.writer import rows_bytes  # noqa: PLC0415 - openpyxl

            data = rows_bytes(list(csv.reader(io.StringIO(text))))
        elif fmt == "csv" or suffix == ".csv":
            data = text.encode("utf-8-sig")
        else:
            data = text.encode("utf-8")
        atomic_write(target, data, protect=protect)
    except WriteError as exc:
        err.write(exc.message(lang) + "\n")
        err.write(say(lang, "未写入任何文件", "nothing was written"))
        return 2
    err.write(say(lang, f"已写入 {path}", f"wrote {path}"))
    return 0
