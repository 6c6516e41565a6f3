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
from govinfo_report.cli._i18n import tr
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
        help=tr(
            "检查年报（JSON 或任何可读取的文档）", "check reports (JSON or any readable document)"
        ),
        description=tr(
            "读取每份年报（JSON，或 .xlsx 工作簿、.docx、PDF、网页、文本：边读取边转换），"
            "列出检查发现的问题。"
            "全部通过时退出码为 0，有错误时为 1，有文件无法读取时为 2。",
            "Load each report (JSON, or a workbook, .docx, PDF, web page or text, read on the "
            "way) and print its findings. "
            "Exit 0 when every report is sound, 1 when any has error findings, 2 when an "
            "input cannot be read.",
        ),
    )
    check.add_argument(
        "files", nargs="+", metavar="FILE", help=tr("年报 JSON 或工作簿", "report JSON or workbook")
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=tr("输出格式（默认：text）", "output format (default: text)"),
    )
    check.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help=tr(
            "以 JSON 输出检查结果（同 --format json）",
            "machine-readable findings (same as --format json)",
        ),
    )
    check.add_argument(
        "--strict",
        action="store_true",
        help=tr("有警告也算未通过（退出码 1）", "warnings also fail (exit 1)"),
    )
    check.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=tr(
            "把检查结果写入文件 OUT（UTF-8；CSV 带字节顺序标记，Excel 可直接打开；"
            ".xlsx：CSV 各行写成工作簿）",
            "write the findings to OUT (UTF-8; CSV with a byte-order mark for Excel; "
            ".xlsx: the CSV rows as a workbook)",
        ),
    )
    add_lang(check)
    check.set_defaults(func=_cmd_check)

    schema = sub.add_parser(
        "schema",
        help=tr("输出年报 JSON 的 JSON Schema", "print the JSON Schema"),
        description=tr(
            "输出年报 JSON 的 JSON Schema（供其他程序校验）。",
            "Print the JSON Schema of report JSON (for other programs to validate with).",
        ),
    )
    schema.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="FILE",
        help=tr("写入文件 FILE（原子写入）", "write to FILE (atomically)"),
    )
    schema.add_argument(
        "--edition",
        choices=tuple(EDITIONS),
        default="2021",
        help=tr(
            "格式版本（默认 2021；2019：适用于 2019 年度和 2020 年度的年报）",
            "the edition of the format (default 2021; 2019: reports on 2019 and 2020)",
        ),
    )
    schema.set_defaults(func=_cmd_schema)


def _check_one(path: str) -> list[Finding] | ReadError:
    from govinfo_report.formats.json.codec import check_dict, parse_json  # noqa: PLC0415
    from govinfo_report.many._inputs import is_json_input  # noqa: PLC0415

    try:
        raw = _io.read_bytes(path)
        if not is_json_input(raw, path):  # a workbook, .docx, PDF, web page or text
            return _check_document(raw, path)
        data = parse_json(raw, source=path)
    except ReadError as exc:
        return exc
    return check_dict(data)


def _check_document(data: bytes, path: str) -> list[Finding]:
    """What reading found, then every rule of the format on the figures as printed."""
    from govinfo_report.published.audit import audit  # noqa: PLC0415
    from govinfo_report.published.readers import read_content  # noqa: PLC0415

    record = read_content(data, name=path)
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
