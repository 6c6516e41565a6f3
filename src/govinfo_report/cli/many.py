"""Commands on many reports: ``aggregate`` and ``compare`` (private; see :mod:`cli`).

Exit codes as for ``check``: 0 every input
is sound, 1 some input has error findings (or cannot be summed with the others, or a
published total disagrees with its units), 2 some input cannot be read at all.

Why one module: aggregate and compare share the input walk, the left-out reasons and the
summary of what was summed; apart they would repeat them.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from govinfo_report import _io
from govinfo_report.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_lang,
    input_files,
    output_among_inputs,
    output_path,
    say,
    status_code,
    write_data,
)
from govinfo_report.cli._i18n import tr
from govinfo_report.cli._output import FORMATS, Output, TextOutput, make_output
from govinfo_report.errors import MismatchError, ReadError, ReportError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator

    from govinfo_report.findings import Finding
    from govinfo_report.many.aggregate import Aggregator, Loaded
    from govinfo_report.model import AnnualReport

__all__ = ["register"]


_NOT_REPORT_FILE = (
    "不是年报文件（.json、.jsonl、.xlsx、.docx、.pdf、.html、.htm、.shtml 或 .txt），未计入",
    "not a report file (.json, .jsonl, .xlsx, .docx, .pdf, .html, .htm, .shtml or .txt); left out",
)
_NOT_REPORT_JSON = (
    "compare 需要年报 JSON；请先用 `govinfo-report read FILE -o OUT.json` 转换",
    "compare takes report JSON; convert with `govinfo-report read FILE -o OUT.json` first",
)
_NOT_JSON_FILE = (
    "不是年报 JSON；请先用 `govinfo-report read FILE -o OUT.json` 转换",
    "not report JSON; convert with `govinfo-report read FILE -o OUT.json` first",
)
_NO_REPORTS = (
    "其中没有年报（.json、.jsonl、.xlsx、.docx、.pdf、.html、.htm、.shtml 或 .txt 文件）",
    "holds no reports (.json, .jsonl, .xlsx, .docx, .pdf, .html, .htm, .shtml or .txt files)",
)


def _inputs(
    paths: list[str], *, require: bool = False, not_json: tuple[str, str] = _NOT_JSON_FILE
) -> Iterator[Loaded]:
    """Every input under ``paths`` (see :func:`govinfo_report.many._inputs.load_inputs`)."""
    from govinfo_report.many._inputs import load_inputs  # noqa: PLC0415 - lazy

    empty = _NO_REPORTS if require else None
    return load_inputs(paths, named=_NOT_REPORT_FILE, not_json=not_json, empty=empty)


def _duplicate(organ: str, first: str, source: str) -> Finding:
    from govinfo_report.findings import Place, make_finding  # noqa: PLC0415 - lazy

    return make_finding(
        "X-UNITS",
        Place(path="$.organ"),
        found=organ,
        detail=(
            f"单位“{organ}”被重复计入：{first}、{source}",
            f'the unit "{organ}" is counted more than once: {first} and {source}',
        ),
    )


class _Sum:
    """``aggregate``'s running state: the sum, the organs seen and what was left out."""

    __slots__ = (
        "acc",
        "code",
        "duplicates",
        "organs",
        "output",
        "skipped",
        "units",
        "unlistable",
    )

    def __init__(self, acc: Aggregator, output: Output) -> None:
        self.acc = acc
        self.output = output
        self.code = EXIT_OK
        self.skipped = 0
        self.unlistable = 0  # folders that could not be listed: no total is written
        self.duplicates = 0
        self.organs: dict[str, str] = {}
        #: (source, report or None, findings) of every input, for the summary workbook.
        self.units: list[tuple[str, AnnualReport | None, tuple[Finding, ...]]] = []

    def add(self, item: Loaded) -> None:
        """Add one input to the sum, or report why it is left out (and remember it)."""
        before = len(self.units)
        self._add(item)
        if len(self.units) == before:
            self.units.append((item.source, None, ()))

    def _add(self, item: Loaded) -> None:
        """Add one input to the sum, or report why it is left out."""
        from govinfo_report.rules.checks import check  # noqa: PLC0415 - lazy

        if isinstance(item.error, ReadError):
            self.output.unreadable(item.source, item.error)
            self._leave_out(EXIT_UNREADABLE)
            self.unlistable += isinstance(item.error, _io.UnlistableFolderError)
            return
        if isinstance(item.error, ReportError):
            self.output.findings(item.source, item.error.findings)
            self.units.append((item.source, None, tuple(item.error.findings)))
            self._leave_out(EXIT_FINDINGS)
            return
        report = item.report
        if report is None:  # pragma: no cover - a Loaded holds a report or an error
            self._leave_out(EXIT_UNREADABLE)
            return
        warnings = check(report)
        try:
            self.acc.add(report)
        except MismatchError as exc:
            if warnings:
                self.output.findings(item.source, warnings)
            self.output.refused(item.source, exc)
            self.units.append((item.source, None, tuple(warnings)))
            self._leave_out(EXIT_FINDINGS)
            return
        from govinfo_report.many._organ import organ_key  # noqa: PLC0415 - lazy

        key = organ_key(report.organ)
        first = self.organs.get(key)
        if first is None:
            self.organs[key] = item.source
        else:
            warnings.append(_duplicate(report.organ, first, item.source))
            self.duplicates += 1
            self.code = max(self.code, EXIT_FINDINGS)
        if warnings:
            self.output.findings(item.source, warnings)
        self.units.append((item.source, report, tuple(warnings)))

    def _leave_out(self, code: int) -> None:
        self.code = max(self.code, code)
        self.skipped += 1

    def unlisted_note(self) -> bool:
        """Say that no total is written when a folder could not be listed; whether so."""
        if self.unlistable:
            _unlisted(self.output, self.unlistable, ("未写入汇总", "no total was written"))
        return bool(self.unlistable)


def _unlisted(output: Output, n: int, what: tuple[str, str]) -> None:
    output.note(
        f"{what[0]}：{n} 个文件夹无法读取（见上），其中的报告会被漏掉",
        f"{what[1]}: {n} folders could not be read (see above), and their reports would "
        "be left out",
    )


def _units_listed(path: str, state: _Sum, output: Output) -> int:
    """Name the listed units without a report and the units summed but not listed."""
    from govinfo_report.many.compare import against_expected, units_findings  # noqa: PLC0415

    summed = [report.organ for _, report, _ in state.units if report is not None]
    findings = units_findings(*against_expected(_expected_units(path) or [], summed))
    if findings:
        output.findings(path, findings)
    return EXIT_FINDINGS if findings else EXIT_OK


def _cmd_aggregate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.formats.json.codec import dumps  # noqa: PLC0415 - lazy
    from govinfo_report.many.aggregate import Aggregator  # noqa: PLC0415 - lazy
    from govinfo_report.rules.checks import check  # noqa: PLC0415 - lazy

    lang = args.lang
    output = TextOutput(lang, out, err)
    from govinfo_report.many._inputs import REPORT_SUFFIXES  # noqa: PLC0415 - lazy

    target = Path(args.output)
    clash = output_among_inputs(args.output, args.paths, REPORT_SUFFIXES)
    if clash is not None:
        output.note(*clash)
        return EXIT_UNREADABLE
    state = _Sum(Aggregator(year=args.year), output)
    for item in _inputs(args.paths):
        state.add(item)
    acc, code = state.acc, state.code
    if args.expected_units is not None:
        code = max(code, _units_listed(args.expected_units, state, output))
    if state.unlisted_note():
        return EXIT_UNREADABLE
    if acc.count == 0 and args.year is None:
        output.note(
            "没有可汇总的报告（可用 --year 生成全零的汇总报告）",
            "no report could be summed (--year gives an all-zero total)",
        )
        return max(code, EXIT_FINDINGS)
    total = acc.result(organ=args.organ, year=args.year)
    protect = input_files(args.paths, REPORT_SUFFIXES)
    warnings = check(total)
    if target.suffix.lower() == ".xlsx":  # the supervisor's workbook
        from govinfo_report.formats.xlsx.summary import Unit, write_summary  # noqa: PLC0415

        units = [Unit(source=s, report=r, findings=f) for s, r, f in state.units]
        write_summary(total, units, target, protect=protect)
    else:
        _io.atomic_write(target, dumps(total).encode(), protect=protect)
    if warnings:
        output.findings(str(target), warnings)
    skipped, dup = state.skipped, state.duplicates
    output.tally(
        f"已汇总 {acc.count} 份 {total.year} 年度报告，写入 {target}"
        + (f"；{skipped} 项未计入（见上）" if skipped else "")
        + (f"；{dup} 份与已汇总的单位重复，被重复计入（见上）" if dup else ""),
        f"summed {acc.count} reports for {total.year} into {target}"
        + (f"; {skipped} inputs left out (see above)" if skipped else "")
        + (f"; {dup} duplicate a unit already summed, counted twice (see above)" if dup else ""),
    )
    return max(code, status_code(warnings, strict=args.strict))


# --- compare ------------------------------------------------------------------------


class _Compare:
    """``compare``'s state: the outputter and the exit code of the inputs left out."""

    __slots__ = ("code", "output", "unlistable")

    def __init__(self, output: Output) -> None:
        self.output = output
        self.code = EXIT_OK
        self.unlistable = 0  # unit folders that could not be listed: nothing is compared

    def unreadable(self, error: ReadError) -> None:
        """An input that cannot be read at all."""
        self.code = max(self.code, EXIT_UNREADABLE)
        self.unlistable += isinstance(error, _io.UnlistableFolderError)
        self.output.unreadable(error.source, error)

    def findings(self, source: str, findings: tuple[Finding, ...]) -> None:
        """An input that breaks rules."""
        self.code = max(self.code, EXIT_FINDINGS)
        self.output.findings(source, findings, status="findings")

    def refused(self, source: str, error: MismatchError) -> None:
        """A unit that cannot be summed with the published total (another year or edition)."""
        self.code = max(self.code, EXIT_FINDINGS)
        self.output.refused(source, error)

    def loaded(self, item: Loaded) -> AnnualReport | None:
        """The report of ``item``, or ``None`` once its problem is recorded."""
        if isinstance(item.error, ReadError):
            self.unreadable(item.error)
        elif isinstance(item.error, ReportError):
            self.findings(item.source, item.error.findings)
        return item.report if item.error is None else None

    def load(self, path: str) -> AnnualReport | None:
        """The report in the file ``path``, or ``None`` once its problem is recorded."""
        from govinfo_report.formats.json.codec import loads  # noqa: PLC0415 - lazy
        from govinfo_report.many._inputs import is_json_input, looks_like_json  # noqa: PLC0415
        from govinfo_report.published.readers import read_content  # noqa: PLC0415 - lazy

        try:
            if not Path(path).exists():
                raise ReadError(path, "文件不存在", "no such file")  # noqa: TRY301 - one path
            data = _io.read_bytes(path)
            if not is_json_input(data, path):  # a document: read and made a report
                return read_content(data, name=path).to_report()
            if not looks_like_json(data):
                raise ReadError(path, *_NOT_REPORT_JSON)  # noqa: TRY301 - one path
            return loads(data, source=path)
        except ReadError as exc:
            self.unreadable(exc)
        except ReportError as exc:
            self.findings(path, exc.findings)
        return None


def _cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.output:
        from govinfo_report.many._inputs import REPORT_SUFFIXES  # noqa: PLC0415 - lazy

        inputs = [*args.files, *(args.units or ())]
        clash = output_among_inputs(args.output, inputs, REPORT_SUFFIXES)
        if clash is not None:
            err.write(say(args.lang, *clash))
            return EXIT_UNREADABLE
        buffer = io.StringIO()
        code = _compare(args, buffer, err)
        written = write_data(
            args.output, buffer.getvalue(), fmt=args.format, lang=args.lang, err=err,
            protect=input_files(inputs, REPORT_SUFFIXES),
        )  # fmt: skip
        return max(code, written)
    return _compare(args, out, err)


def _compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.many.aggregate import MismatchError  # noqa: PLC0415 - lazy
    from govinfo_report.many.compare import compare  # noqa: PLC0415 - lazy

    state = _Compare(make_output(args.format, args.lang, out, err))
    if args.units:
        return _compare_total(args, state)
    if len(args.files) != 2:  # noqa: PLR2004 - a pair
        state.output.note(
            "compare 需要两个报告文件（或一个汇总报告加 --units）",
            "compare takes two report files (or one published total with --units)",
        )
        return EXIT_UNREADABLE
    a, b = (state.load(p) for p in args.files)
    comparison = None
    if a is not None and b is not None:
        try:
            comparison = compare(a, b)
        except MismatchError as exc:
            state.refused(args.files[1], exc)
    state.output.comparison(comparison)
    return state.code


def _expected_units(path: str | None) -> list[str] | None:
    if path is None:
        return None
    # UTF-8 (with or without a BOM), UTF-16/32 with a BOM, or GB18030/GBK as saved by
    # Notepad or WPS on a Chinese Windows: detected as for a published text.
    from govinfo_report.many._organ import organ_key  # noqa: PLC0415 - lazy
    from govinfo_report.published.readers._decode import decode  # noqa: PLC0415 - lazy

    text, _ = decode(_io.read_bytes(path))
    # A line of spaces or invisible marks only (a byte-order mark where lists were joined)
    # names no organ.
    return [line.strip() for line in text.splitlines() if organ_key(line)]


def _compare_total(args: argparse.Namespace, state: _Compare) -> int:
    from govinfo_report.many.compare import compare_total  # noqa: PLC0415 - lazy

    output = state.output
    if len(args.files) != 1:
        output.note(
            "与 --units 一起使用时只需一个汇总报告文件",
            "with --units, give exactly one published total",
        )
        return EXIT_UNREADABLE
    published = state.load(args.files[0])
    if published is None:
        output.comparison(None, ())
        return state.code
    expected = _expected_units(args.expected_units)
    current = [""]

    def units() -> Iterator[AnnualReport]:
        for item in _inputs(args.units, require=True, not_json=_NOT_REPORT_JSON):
            report = state.loaded(item)
            if report is not None:
                current[0] = item.source
                yield report

    def refused(_: AnnualReport, exc: MismatchError) -> None:
        state.refused(current[0], exc)

    result = compare_total(published, units(), expected, on_refused=refused)
    if state.unlistable:  # the sum of part of the units is no sum of the units
        _unlisted(output, state.unlistable, ("未作比较", "nothing was compared"))
        output.comparison(None, ())
        return EXIT_UNREADABLE
    if not result.units:
        output.note(
            f"--units {' '.join(args.units)}：没有可与汇总报告比较的单位报告",
            f"--units {' '.join(args.units)}: no unit report to compare the total with",
        )
        output.comparison(None, ())
        return max(state.code, EXIT_FINDINGS)
    output.comparison(result.comparison, result.findings)
    return max(state.code, EXIT_FINDINGS if result.findings else EXIT_OK)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``aggregate`` and ``compare`` commands."""
    agg = sub.add_parser(
        "aggregate",
        help=tr("汇总多份年报", "sum reports into a total"),
        description=tr(
            "把 PATH 中的年报（JSON 文件、JSON Lines 文件、工作簿、.docx、PDF、网页、文本，"
            "逐层查找的文件夹；扩展名不分大小写）汇总为机关 ORGAN 的一份年报，原子写入 -o（.xlsx："
            "汇总工作簿）。无法读取或无法汇总的输入逐一说明并不计入；"
            "同一单位计入两次时给出 X-UNITS；汇总结果仍会写出。"
            "每个输入都恰好计入一次时退出码为 0，有输入含错误、年度不同或单位重复时为 1，"
            "有输入无法读取时为 2。",
            "Sum the reports in PATH (JSON and JSON Lines files, workbooks, .docx, PDF, web "
            "pages, text; folders searched recursively; suffixes in any case) into one report "
            "of ORGAN, written to -o atomically (.xlsx: the supervisor's workbook). Inputs that "
            "cannot be read or summed are reported and left out; a unit counted twice is "
            "reported (X-UNITS); the total is still "
            "written. Exit 0 when every input was summed once, 1 when some input has errors, "
            "another year or duplicates a unit, 2 when an input cannot be read.",
        ),
    )
    agg.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=tr("各单位的年报、工作簿或文件夹", "the units' reports, workbooks or folders"),
    )
    agg.add_argument(
        "-o",
        "--output",
        type=output_path,
        required=True,
        metavar="TOTAL.json",
        help=tr(
            "汇总结果：年报 JSON，或 .xlsx 汇总工作簿（汇总表、各单位主要数据、全部问题）",
            "the total as report JSON, or .xlsx: the supervisor's workbook (the total, each "
            "unit's key figures, every finding)",
        ),
    )
    agg.add_argument(
        "--organ", required=True, help=tr("汇总报告的机关名称", "the organ of the total")
    )
    agg.add_argument(
        "--year",
        type=int,
        help=tr("年度（默认：各年报的年度）", "the year (default: the reports' year)"),
    )
    agg.add_argument(
        "--strict",
        action="store_true",
        help=tr("汇总结果有警告也算未通过", "warnings on the total also fail"),
    )
    agg.add_argument(
        "--expected-units",
        metavar="FILE",
        help=tr(
            "应当汇总的机关名单，每行一个：缺少报告的和名单之外的单位逐一列出（X-UNITS，退出码 1）",
            "organs that should be summed, one a line: the units without a report and those "
            "not listed are named (X-UNITS, exit 1)",
        ),
    )
    add_lang(agg)
    agg.set_defaults(func=_cmd_aggregate)

    cmp = sub.add_parser(
        "compare",
        help=tr("逐格比较两份年报", "compare two reports cell by cell"),
        description=tr(
            "列出 B 与 A 不同的格子（年报 JSON，或工作簿、.docx、PDF、网页、文本：边读取边"
            "转换）。带 --units 时，把一份已发布的汇总与各单位年报之和比较"
            "（不一致时退出码为 1；不能使用的单位逐一说明并不计入；一个单位也没有时报错）。"
            "JSON 和 CSV 输出会列出未计入的输入。",
            "Print the cells in which B differs from A (report JSON, or a workbook, .docx, "
            "PDF, web page or text, read on the way). With --units, compare one "
            "published total with the sum of its units' reports (exit 1 when they disagree; "
            "units that cannot be used are reported and left out; no unit at all is an "
            "error). JSON and CSV output list the inputs left out.",
        ),
    )
    cmp.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=tr("A 和 B，或已发布的汇总", "A B, or the published total"),
    )
    cmp.add_argument(
        "--units", nargs="+", metavar="PATH", help=tr("各单位的年报", "the units' reports")
    )
    cmp.add_argument(
        "--expected-units",
        metavar="FILE",
        help=tr("应当汇总的机关名单，每行一个", "organs that should be summed, one a line"),
    )
    cmp.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=tr("输出格式（默认：text）", "output format (default: text)"),
    )
    cmp.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=tr(
            "把结果写入文件 OUT（UTF-8；CSV 带字节顺序标记，Excel 可直接打开；"
            ".xlsx：CSV 各行写成工作簿）",
            "write the comparison to OUT (UTF-8; CSV with a byte-order mark for Excel; "
            ".xlsx: the CSV rows as a workbook)",
        ),
    )
    add_lang(cmp)
    cmp.set_defaults(func=_cmd_compare)
