"""Commands ``read`` and ``audit``: published reports (text, web pages, .docx, PDF) (private).

``read FILE --cells`` prints every table cell as published (CSV ``table,row,column,value``),
``--json`` the whole record, ``-o OUT.json`` the report's JSON when it is sound.
``audit PATH...`` reads files and folders (recursively) and lists the findings of each.
Exit codes as for ``check``: 0 all sound, 1 error findings, 2 an input unreadable.

Why one module: ``read`` of many inputs and ``audit`` walk the same inputs, with the same
suffixes and the same naming of what cannot be read, and write under the same protection of
the inputs; apart, each would carry a copy of the other's walk. Candidate to move out:
``read``'s many-input writing, were it to grow options of its own.
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import math
import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from govinfo_report import _io
from govinfo_report.cli._across import Across, add_across_options
from govinfo_report.cli._batch import Progress, add_batch_options, in_order
from govinfo_report.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_lang,
    csv_safe,
    finding_line,
    input_files,
    output_among_inputs,
    output_path,
    read_error_line,
    say,
    status_code,
    summary_line,
    write_data,
)
from govinfo_report.cli._i18n import tr
from govinfo_report.cli._output import FORMATS, make_output
from govinfo_report.errors import ReadError, ReportError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from govinfo_report.findings import Finding
    from govinfo_report.model import AnnualReport
    from govinfo_report.published.readers import PublishedReport

__all__ = ["register"]

_SUFFIXES: Final = frozenset(
    {".txt", ".htm", ".html", ".shtml", ".mht", ".mhtml", ".docx", ".pdf", ".xlsx", ".json"}
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``read`` and ``audit`` subcommands."""
    read = sub.add_parser(
        "read",
        help=tr(
            "读取已发布的年报（文本、网页、.docx、PDF、工作簿）",
            "read a published report (text, web page, .docx, PDF, workbook)",
        ),
        description=tr(
            "读取一份已发布的年报。--cells：以 CSV 输出表格的每一格；--json：输出完整记录；"
            "-o OUT.json：写出年报 JSON（仅在通过检查时写出）。",
            "Read a published report. --cells: every table cell as CSV; --json: the whole "
            "record; -o OUT.json: the report's JSON, written only when it is sound.",
        ),
    )
    read.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=tr(
            "已发布的年报文件；多个文件或文件夹（逐层查找）时须给出 --out-dir",
            "the published report's file; several files, or folders (searched recursively), "
            "need --out-dir",
        ),
    )
    what = read.add_mutually_exclusive_group()
    what.add_argument(
        "--cells",
        action="store_true",
        help=tr("以 CSV 输出每一格：表格、行、列、数值", "cells as CSV: table,row,column,value"),
    )
    what.add_argument(
        "--json",
        action="store_true",
        help=tr("以 JSON 输出完整记录", "the whole record as JSON"),
    )
    read.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="OUT",
        help=tr(
            "不带 --cells/--json：写出年报 JSON（仅在通过检查时）；带上它们：把输出写入文件"
            "（UTF-8；CSV 带字节顺序标记，Excel 可直接打开；.xlsx：各格写成工作簿）",
            "without --cells/--json: write the report's JSON (only when it is sound); with "
            "them: write what they print (UTF-8; CSV with a byte-order mark for Excel; .xlsx "
            "for the cells as a workbook)",
        ),
    )
    read.add_argument(
        "--out-dir",
        metavar="DIR",
        help=tr(
            "每个输入写出一个文件到 DIR（按输入命名：年报 NAME.json、--json 为 "
            "NAME.record.json、--cells 为 NAME.csv；文件夹中的子文件夹照样建立）",
            "write one file an input into DIR (named after the input: the report NAME.json, "
            "with --json NAME.record.json, with --cells NAME.csv; a folder's subfolders kept)",
        ),
    )
    _add_timeout(read)
    add_lang(read)
    read.set_defaults(func=_cmd_read)

    audit = sub.add_parser(
        "audit",
        help=tr("审核已发布的年报（文件和文件夹）", "audit published reports (files and folders)"),
        description=tr(
            "读取并审核每个文件（文件夹逐层查找）。全部通过时退出码为 0，有错误时为 1，"
            "有文件无法读取时为 2。",
            "Read and audit each file (folders recursively). Exit 0 when every report is "
            "sound, 1 when any has error findings, 2 when an input cannot be read.",
        ),
    )
    audit.add_argument(
        "paths", nargs="+", metavar="PATH", help=tr("文件或文件夹", "files or folders")
    )
    audit.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=tr("输出格式（默认：text）", "output format (default: text)"),
    )
    audit.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=tr(
            "把结果写入文件 OUT（UTF-8；CSV 带字节顺序标记，Excel 可直接打开；"
            ".xlsx：CSV 各行写成工作簿）",
            "write the findings to OUT (UTF-8; CSV with a byte-order mark for Excel; "
            ".xlsx: the CSV rows as a workbook)",
        ),
    )
    audit.add_argument(
        "--series",
        action="store_true",
        help=tr(
            "另按机关核对各年度的衔接（X-CARRY、X-STOCK）；未能纳入的文件逐一列出（退出码 1）",
            "also check continuity along each organ's years (X-CARRY, X-STOCK); inputs "
            "that cannot take part are named (exit 1)",
        ),
    )
    add_across_options(audit)
    add_batch_options(audit)
    _add_timeout(audit)
    add_lang(audit)
    audit.set_defaults(func=_cmd_audit)


def _seconds(raw: str) -> float:
    """A timeout in seconds: a finite number above 0 (argparse's type)."""
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(
            tr(f"应为大于 0 的秒数：{raw}", f"a number of seconds above 0 is needed: {raw}")
        )
    return value


#: ``_fetch.DEFAULT_TIMEOUT``, here so that the command line loads no reader before it reads
#: (tests/test_cli_read_many.py checks they agree).
DEFAULT_TIMEOUT: Final = 20.0


def _add_timeout(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=tr(
            f"http(s) 地址：连接和每次读取的时限（默认 {DEFAULT_TIMEOUT:g} 秒）",
            f"http(s) addresses: the time allowed to connect and for each read "
            f"(default {DEFAULT_TIMEOUT:g} s)",
        ),
    )


def _value(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return "" if value is None else str(value)


def _cmd_read(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang: str = args.lang
    if not (args.cells or args.json or args.output or args.out_dir):
        err.write(
            say(
                lang,
                "请给出 --cells、--json、-o 文件或 --out-dir 文件夹",
                "give --cells, --json, -o FILE or --out-dir DIR",
            )
        )
        return EXIT_UNREADABLE
    if args.out_dir is not None:
        if args.output:
            err.write(say(lang, "-o 与 --out-dir 只能用一个", "give -o or --out-dir, not both"))
            return EXIT_UNREADABLE
        return _read_many(args, err)
    if len(args.paths) != 1 or Path(args.paths[0]).is_dir():
        err.write(
            say(
                lang,
                "多个输入文件或文件夹请使用 --out-dir",
                "several inputs, or a folder, need --out-dir",
            )
        )
        return EXIT_UNREADABLE
    return _read_one(args.paths[0], args, out, err)


def _read_one(file: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.published.readers import read  # noqa: PLC0415 - lxml loads only when used

    lang: str = args.lang
    try:
        record = read(file, timeout=args.timeout)
    except ReadError as exc:
        err.write(read_error_line(exc, lang) + "\n")
        if args.output:
            err.write(say(lang, "未写入任何文件", "nothing was written"))
        return EXIT_UNREADABLE
    if args.cells or args.json:
        text = _cells_csv(record) if args.cells else _record_json(record)
        if not args.output:
            out.write(text)
            return EXIT_OK
        fmt = "csv" if args.cells else "json"
        return write_data(args.output, text, fmt=fmt, lang=lang, err=err, protect=[file])
    report = _report_of(file, record, lang, err)
    if report is None:
        err.write(say(lang, "未写入任何文件", "nothing was written"))
        return EXIT_FINDINGS
    from govinfo_report.formats.json.codec import dumps  # noqa: PLC0415

    return write_data(args.output, dumps(report), fmt="json", lang=lang, err=err, protect=[file])


def _cells_csv(record: PublishedReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["table", "row", "column", "value"])
    for cell in record.cells:
        shown = cell.value if cell.value is not None else cell.raw
        row = [cell.cell.table, cell.cell.row_label, cell.cell.column, _value(shown)]
        writer.writerow([csv_safe(value) for value in row])
    return buffer.getvalue()


def _record_json(record: PublishedReport) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _report_of(file: str, record: PublishedReport, lang: str, err: TextIO) -> AnnualReport | None:
    """The record's report, or None with its findings said."""
    try:
        return record.to_report()
    except ReportError as exc:
        err.writelines(finding_line(finding, lang) + "\n" for finding in exc.findings)
        err.write(summary_line(file, exc.findings, lang) + "\n")
        return None


#: What ``read --out-dir`` writes for an input named NAME.x: (suffix, format).
_MANY_OUTPUTS: Final = {"report": (".json", "json"), "json": (".record.json", "json")}


def _read_many(args: argparse.Namespace, err: TextIO) -> int:
    """``read PATH... --out-dir DIR``: one file an input, named after it, in ``DIR``."""
    from govinfo_report.published.readers import read  # noqa: PLC0415 - lxml loads only when used

    lang: str = args.lang
    mode = "cells" if args.cells else "json" if args.json else "report"
    suffix, fmt = _MANY_OUTPUTS.get(mode, (".csv", "csv"))
    folder = Path(args.out_dir)
    refusal = _out_dir_refusal(folder, args.paths, suffix)
    if refusal is not None:
        err.write(say(lang, *refusal))
        return EXIT_UNREADABLE
    empty: list[str] = []
    unlistable: list[ReadError] = []
    files = list(_files(args.paths, empty, unlistable))
    protect = [*files, *input_files(args.paths, _SUFFIXES)]
    code = EXIT_OK
    for error in unlistable:
        err.write(read_error_line(error, lang) + "\n")
        code = EXIT_UNREADABLE
    for name in empty:
        err.write(say(lang, f"{name}：其中没有可读取的年报", f"{name}: no report to read in it"))
        code = max(code, EXIT_FINDINGS)
    written = 0
    roots = [Path(p) for p in args.paths if Path(p).is_dir()]
    for file, target in zip(files, _targets(files, roots, folder, suffix), strict=True):
        try:
            record = read(file, timeout=args.timeout)
        except ReadError as exc:
            err.write(read_error_line(exc, lang) + "\n")
            code = EXIT_UNREADABLE
            continue
        if mode == "report":
            report = _report_of(file, record, lang, err)
            if report is None:
                code = max(code, EXIT_FINDINGS)
                continue
            from govinfo_report.formats.json.codec import dumps  # noqa: PLC0415

            text = dumps(report)
        else:
            text = _cells_csv(record) if mode == "cells" else _record_json(record)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            err.write(
                say(
                    lang,
                    f"{target.parent}：无法建立文件夹（{exc.strerror}）",
                    f"{target.parent}: cannot make the folder ({exc.strerror})",
                )
            )
            code = EXIT_UNREADABLE
            continue
        result = write_data(str(target), text, fmt=fmt, lang=lang, err=err, protect=protect)
        code = max(code, result)
        written += result == EXIT_OK
    left = len(files) - written + len(unlistable)
    err.write(
        say(
            lang,
            f"读取 {len(files)} 份，写入 {written} 个文件到 {folder}"
            + (f"；{left} 项未写入（见上）" if left else ""),
            f"read {len(files)}, wrote {written} files into {folder}"
            + (f"; {left} inputs not written (see above)" if left else ""),
        )
    )
    return code


def _out_dir_refusal(folder: Path, paths: list[str], suffix: str) -> tuple[str, str] | None:
    """Why ``--out-dir`` cannot be ``folder`` (zh, en), or None."""
    if folder.exists() and not folder.is_dir():
        return (
            f"{folder}：不是文件夹，未写入任何文件",
            f"{folder}: is not a folder; nothing was written",
        )
    # Outputs a later run would read as inputs (report JSON inside an input folder).
    if output_among_inputs(str(folder / f"x{suffix}"), paths, _SUFFIXES) is None:
        return None
    zh = (
        f"{folder}：输出文件夹位于输入文件夹中，写出的文件再次运行时会被当作输入读取；"
        "请写到别处，未写入任何文件"
    )
    en = (
        f"{folder}: the output folder is inside an input folder, where the files written "
        "would be read as inputs the next time; write them elsewhere; nothing was written"
    )
    return zh, en


def _targets(files: list[str], roots: list[Path], folder: Path, suffix: str) -> list[Path]:
    """Where each input's output goes: its name with ``suffix``, in ``folder``.

    Under the subfolders it was found in below one of the folders named, ``roots`` (a file
    named alone: in ``folder`` itself). Two inputs that would share a name (``a.html`` and
    ``a.docx``): the second keeps its own suffix too (``a.html.json``), then a number
    (``a.html-2.json``). Files are taken in the order given (a folder's in name order).
    """
    used: set[str] = set()
    out: list[Path] = []
    for file in files:
        path = Path(file)
        below = next((path.parent.relative_to(r) for r in roots if path.is_relative_to(r)), None)
        base = folder / (below or Path())
        candidates = [base / f"{path.stem}{suffix}", base / f"{path.name}{suffix}"]
        n = 2
        while all(os.path.normcase(c) in used for c in candidates):
            candidates.append(base / f"{path.name}-{n}{suffix}")
            n += 1
        target = next(c for c in candidates if os.path.normcase(c) not in used)
        used.add(os.path.normcase(target))
        out.append(target)
    return out


def _files(paths: list[str], empty: list[str], unlistable: list[ReadError]) -> Iterator[str]:
    """The files named, and those found in the folders named.

    Empty folders go into ``empty``; folders that cannot be listed, and documents of a kind
    no reader reads (a ``.doc`` in a folder), into ``unlistable``.
    """
    from govinfo_report.many._inputs import UnreadKindError, walk  # noqa: PLC0415 - lazy

    for found in walk(paths, suffixes=_SUFFIXES, empty=("", "")):  # the reason is _no_reports
        if isinstance(found, _io.UnlistableFolderError | UnreadKindError):
            unlistable.append(found)
        elif isinstance(found, ReadError):
            empty.append(found.source)
        else:
            yield found


def _audit_one(
    path: str, *, timeout: float = DEFAULT_TIMEOUT
) -> tuple[PublishedReport | AnnualReport | None, list[Finding], ReadError | None]:
    from govinfo_report.published.audit import audit  # noqa: PLC0415
    from govinfo_report.published.readers import read  # noqa: PLC0415

    if Path(path).suffix.lower() == ".json":  # a report in this library's JSON form
        return _audit_json(path)
    try:
        record = read(path, timeout=timeout)
    except ReadError as exc:
        return None, [], exc
    except (RecursionError, MemoryError) as exc:  # a pathological input: reported, not raised
        return None, [], ReadError(path, f"无法读取（{type(exc).__name__}）", type(exc).__name__)
    return record, [*record.findings, *audit(record)], None


def _died(
    path: str,
) -> tuple[PublishedReport | AnnualReport | None, list[Finding], ReadError | None]:
    """The result of an input whose reading process died (``--jobs N``), twice."""
    return (
        None,
        [],
        ReadError(
            path,
            "读取它的进程意外终止（可能是内存不足），重试一次仍然如此",
            "the process reading it ended abruptly (out of memory?), and again when retried",
        ),
    )


def _cmd_audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.output:
        clash = output_among_inputs(args.output, args.paths, _SUFFIXES)
        if clash is not None:
            err.write(say(args.lang, *clash))
            return EXIT_UNREADABLE
        buffer = io.StringIO()
        code = _audit(args, buffer, err)
        protect = input_files(args.paths, _SUFFIXES)
        written = write_data(
            args.output, buffer.getvalue(), fmt=args.format, lang=args.lang, err=err,
            protect=protect,
        )  # fmt: skip
        return max(code, written)
    return _audit(args, out, err)


def _audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output = make_output(args.format, args.lang, out, err, unreadable_to_out=True)
    empty: list[str] = []
    unlistable: list[ReadError] = []
    files = list(_files(args.paths, empty, unlistable))
    # a mistyped folder, or one that cannot be listed, must not pass a check
    code = EXIT_UNREADABLE if empty or unlistable else EXIT_OK
    err.writelines(_no_reports(raw, args.lang) for raw in empty)
    for unlisted in unlistable:
        output.unreadable(unlisted.source, unlisted)
    sound, unreadable = 0, len(unlistable)
    across = Across(  # --series, --copied: the sound reports, compared with each other
        series=args.series,
        copied=args.copied,
        factor=args.jump_factor,
        floor=args.jump_floor,
        threshold=args.copy_threshold,
    )
    progress = Progress(err, len(files), quiet=args.quiet)
    audit_one = functools.partial(_audit_one, timeout=args.timeout)  # picklable: --jobs
    results = in_order(audit_one, files, args.jobs, broken=_died)
    for n, (path, (record, findings, error)) in enumerate(zip(files, results, strict=True), 1):
        progress.step(n, path)
        across.keep(path, record, findings)
        if error is not None:
            code = EXIT_UNREADABLE
            unreadable += 1
            output.unreadable(path, error)
            continue
        status = status_code(findings)
        sound += status == EXIT_OK
        if status == EXIT_FINDINGS and code == EXIT_OK:
            code = EXIT_FINDINGS
        output.findings(
            path,
            findings,
            organ=record.organ if record else None,
            year=record.year if record else None,
            sound=status == EXIT_OK,
        )
    code = max(code, across.write(output))
    output.finish()
    total = len(files) + len(unlistable)
    bad = total - sound - unreadable
    output.tally(
        f"合计：{total} 个文件，通过 {sound} 个，未通过 {bad} 个，无法读取 {unreadable} 个",
        f"total: {total} files, {sound} sound, {bad} not sound, {unreadable} unreadable",
    )
    return code


def _audit_json(path: str) -> tuple[AnnualReport | None, list[Finding], ReadError | None]:
    from govinfo_report.formats.json.codec import check_dict, from_dict, parse_json  # noqa: PLC0415

    try:
        data = parse_json(_io.read_bytes(path), source=path)
    except ReadError as exc:
        return None, [], exc
    from govinfo_report.rules.narrative import narrative_findings  # noqa: PLC0415

    findings = check_dict(data)
    if status_code(findings) != EXIT_OK:
        return None, findings, None
    report = from_dict(data)
    return report, [*findings, *narrative_findings(report)], None


def _no_reports(folder: str, lang: str) -> str:
    kinds = sorted(_SUFFIXES)
    if lang == "en":
        return f"{folder}: no reports found (no {', '.join(kinds)} file)\n"
    return f"{folder}：未找到年报文件（没有 {'、'.join(kinds)} 文件）\n"
