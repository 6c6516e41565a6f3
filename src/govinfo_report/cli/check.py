"""Commands on report JSON: ``check`` and ``schema`` (private; see :mod:`govinfo_report.cli`)."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, TextIO

from govinfo_report import _io
from govinfo_report.cli._common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    add_lang,
    output_path,
    status_code,
    write_data,
)
from govinfo_report.cli._output import FORMATS, make_output
from govinfo_report.errors import GovinfoReportError, ReadError
from govinfo_report.model.report import EDITIONS

if TYPE_CHECKING:
    import argparse

    from govinfo_report.findings import Finding

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``check`` and ``schema`` commands."""
    check = sub.add_parser(
        "check",
        help="check report JSON files or workbooks | 检查年报 JSON 文件或 Excel 工作簿",
        description="Load each report (JSON, or a workbook .xlsx from `new`) and print its "
        "findings. Exit 0 when every report is "
        "sound, 1 when any has error findings, 2 when an input cannot be read.",
    )
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=FORMATS, default="text", help="output format")
    check.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="machine-readable findings (same as --format json)",
    )
    check.add_argument("--strict", action="store_true", help="warnings also fail (exit 1)")
    check.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write the findings to OUT (UTF-8; CSV with a byte-order mark for Excel; "
        ".xlsx: the CSV rows as a workbook) | 写入文件",
    )
    add_lang(check)
    check.set_defaults(func=_cmd_check)

    schema = sub.add_parser("schema", help="print the JSON Schema | 输出 JSON Schema")
    schema.add_argument(
        "-o", "--output", type=output_path, metavar="FILE", help="write to FILE (atomically)"
    )
    schema.add_argument(
        "--edition",
        choices=tuple(EDITIONS),
        default="2021",
        help="the edition of the format (default 2021; 2019: reports on 2019 and 2020) | 格式版本",
    )
    schema.set_defaults(func=_cmd_schema)


def _check_one(path: str) -> list[Finding] | ReadError:
    from govinfo_report.formats.json.codec import check_dict, parse_json  # noqa: PLC0415
    from govinfo_report.published.readers.xlsx import is_workbook  # noqa: PLC0415

    try:
        raw = _io.read_bytes(path)
        if raw.startswith(b"PK") and is_workbook(raw):  # a clerk's workbook (.xlsx)
            return _check_workbook(raw, path)
        data = parse_json(raw, source=path)
    except ReadError as exc:
        return exc
    return check_dict(data)


def _check_workbook(data: bytes, path: str) -> list[Finding]:
    """What reading found, then every rule of the format on the figures as typed."""
    from govinfo_report.published.audit import audit  # noqa: PLC0415
    from govinfo_report.published.readers.xlsx import read_xlsx  # noqa: PLC0415

    record = read_xlsx(data, name=path)
    return [*record.findings, *audit(record)]


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.output:
        buffer = io.StringIO()
        code = _check(args, buffer, err)
        written = write_data(
            args.output, buffer.getvalue(), fmt=args.format, lang=args.lang, err=err,
            protect=args.files,
        )  # fmt: skip
        return max(code, written)
    return _check(args, out, err)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output = make_output(args.format, args.lang, out, err)
    code = EXIT_OK
    for path in args.files:
        findings = _check_one(path)
        if isinstance(findings, ReadError):
            code = max(code, EXIT_UNREADABLE)
            output.unreadable(path, findings)
            continue
        code = max(code, status_code(findings, strict=args.strict))
        status = "sound" if status_code(findings) == EXIT_OK else "findings"
        output.findings(path, findings, status=status)
    output.finish()
    return code


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.formats.json.schema import json_schema  # noqa: PLC0415 - only this command needs it

    text = json.dumps(json_schema(args.edition), ensure_ascii=False, indent=2) + "\n"
    if args.output is not None:
        try:
            _io.atomic_write(args.output, text.encode())
        except GovinfoReportError as exc:
            err.write(f"{exc}\n")
            return EXIT_UNREADABLE
    else:
        out.write(text)
    return EXIT_OK
