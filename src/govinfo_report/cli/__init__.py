"""The command line: ``govinfo-report`` (and ``python -m govinfo_report``).

Every command is a function ``(args, stdout, stderr) -> exit code``, and :func:`run` is
testable without a subprocess. Exit codes: 0 every input is sound, 1 some input has
error findings (or warnings, with ``--strict``), 2 some input cannot be read at all.
Errors are messages, never tracebacks.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib
import io
import json
import sys
from typing import TYPE_CHECKING, Any, Final, TextIO

from govinfo_report import __version__, _io
from govinfo_report.errors import GovinfoReportError, ReadError
from govinfo_report.findings import Finding, Place, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["main", "run"]

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1
EXIT_UNREADABLE: Final = 2

# --- Shared output helpers (used by every command) ---------------------------------


def finding_line(finding: Finding, lang: str) -> str:
    """One finding as a line of text: severity, code, message."""
    severity = {
        Severity.ERROR: ("错误", "error"),
        Severity.WARNING: ("警告", "warning"),
        Severity.INFO: ("提示", "note"),
    }[finding.severity]
    word = severity[1] if lang == "en" else severity[0]
    return f"  {word} {finding.message(lang)}"


def status_code(findings: Sequence[Finding], *, strict: bool = False) -> int:
    """The exit code for one input's findings."""
    bad = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(f.severity in bad for f in findings) else EXIT_OK


def summary_line(source: str, findings: Sequence[Finding], lang: str) -> str:
    """``FILE: sound`` or ``FILE: N errors, M warnings`` in the chosen language."""
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    notes = len(findings) - errors - warnings
    if lang == "en":
        state = "sound" if not errors else "NOT sound"
        return f"{source}: {state} ({errors} errors, {warnings} warnings, {notes} notes)"
    state = "通过" if not errors else "未通过"
    return f"{source}：{state}（错误 {errors} 处，警告 {warnings} 处，提示 {notes} 处）"


def say(lang: str, zh: str, en: str) -> str:
    """One line of output in the chosen language (``zh`` or ``en``), newline included."""
    return (en if lang == "en" else zh) + "\n"


def unreadable_finding(error: ReadError) -> Finding:
    """An unreadable input as a row of findings: code ``unreadable``, both reasons."""
    return Finding(
        code="unreadable",
        severity=Severity.ERROR,
        place=Place(path="$"),
        message_zh=error.reason_zh,
        message_en=error.reason_en,
    )


def read_error_line(error: ReadError, lang: str) -> str:
    """An unreadable input, as one line."""
    word = "cannot read" if lang == "en" else "无法读取"
    return f"{word} {error.message(lang)}"


def write_findings_csv(rows: list[tuple[str, Finding]], out: TextIO) -> None:
    """Findings of several sources as CSV, one finding a row."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "file",
            "code",
            "severity",
            "table",
            "row",
            "column",
            "path",
            "expected",
            "found",
            "message_zh",
            "message_en",
        ]
    )
    for source, f in rows:
        d = f.to_dict()
        writer.writerow(
            [
                source,
                f.code,
                f.severity.value,
                d["table"] or "",
                d["row"] or "",
                d["column"] or "",
                f.place.path,
                _csv(d["expected"]),
                _csv(d["found"]),
                f.message_zh,
                f.message_en,
            ]
        )


def _csv(value: object) -> str:
    return "" if value is None else str(value)


# --- check ------------------------------------------------------------------------


def _check_one(path: str) -> tuple[list[Finding] | None, ReadError | None]:
    from govinfo_report.formats.json.codec import check_dict, parse_json  # noqa: PLC0415

    try:
        data = parse_json(_io.read_bytes(path), source=path)
    except ReadError as exc:
        return None, exc
    return check_dict(data), None


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    code = EXIT_OK
    results: list[dict[str, Any]] = []
    csv_rows: list[tuple[str, Finding]] = []
    for path in args.files:
        findings, error = _check_one(path)
        if error is not None:
            code = max(code, EXIT_UNREADABLE)
            if args.format == "json":
                results.append(
                    {
                        "file": path,
                        "status": "unreadable",
                        "reason_zh": error.reason_zh,
                        "reason_en": error.reason_en,
                    }
                )
            elif args.format == "csv":
                csv_rows.append((path, unreadable_finding(error)))
            else:
                err.write(read_error_line(error, args.lang) + "\n")
            continue
        assert findings is not None  # noqa: S101 - one of the two is set
        code = max(code, status_code(findings, strict=args.strict))
        if args.format == "json":
            status = "sound" if status_code(findings) == EXIT_OK else "findings"
            results.append(
                {"file": path, "status": status, "findings": [f.to_dict() for f in findings]}
            )
        elif args.format == "csv":
            csv_rows.extend((path, f) for f in findings)
        else:
            out.write(summary_line(path, findings, args.lang) + "\n")
            out.writelines(finding_line(f, args.lang) + "\n" for f in findings)
    if args.format == "json":
        json.dump(results, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        write_findings_csv(csv_rows, out)
    return code


# --- schema -----------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.formats.json.schema import json_schema  # noqa: PLC0415 - only this command needs it

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        try:
            _io.atomic_write(args.output, text.encode())
        except GovinfoReportError as exc:
            err.write(f"{exc}\n")
            return EXIT_UNREADABLE
    else:
        out.write(text)
    return EXIT_OK


# --- the parser -------------------------------------------------------------------


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="message language (default: zh)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="政府信息公开工作年度报告：检查、生成、读取 | "
        "annual reports on government information disclosure: check, render, read",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="check report JSON files | 检查年报 JSON 文件",
        description="Load each report and print its findings. Exit 0 when every report is "
        "sound, 1 when any has error findings, 2 when an input cannot be read.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="output format"
    )
    check.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="machine-readable findings (same as --format json)",
    )
    check.add_argument("--strict", action="store_true", help="warnings also fail (exit 1)")
    _add_lang(check)
    check.set_defaults(func=_cmd_check)

    schema = sub.add_parser("schema", help="print the JSON Schema | 输出 JSON Schema")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically)")
    schema.set_defaults(func=_cmd_schema)

    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(sub, _add_lang)
    return parser


#: Modules defining more commands. Each has ``register(subparsers, add_lang)``, which adds
#: its subparser(s) with ``set_defaults(func=...)``; a command function is
#: ``(args, stdout, stderr) -> int``. Keep heavy imports inside the command functions.
_COMMAND_MODULES: list[str] = [
    "govinfo_report.cli.many",
    "govinfo_report.cli.render",
    "govinfo_report.cli.read",
]


def run(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with ``argv``; returns the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return EXIT_UNREADABLE if exc.code not in (0, None) else EXIT_OK
    func: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.func
    try:
        return func(args, out, err)
    except GovinfoReportError as exc:
        err.write(f"{exc}\n")
        return EXIT_UNREADABLE
    except KeyboardInterrupt:
        err.write("interrupted | 已中断\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def main() -> None:
    """Console-script entry point."""
    for stream in (sys.stdout, sys.stderr):
        # Whatever the terminal's encoding, a character it cannot show is escaped, never
        # a traceback (a report may quote any text it was given).
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    sys.exit(run())
