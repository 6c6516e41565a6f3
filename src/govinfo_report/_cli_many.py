"""Commands on many reports: ``aggregate`` and ``compare`` (private; see :mod:`cli`).

Registered through ``cli._COMMAND_MODULES``. Exit codes as for ``check``: 0 every input
is sound, 1 some input has error findings (or cannot be summed with the others, or a
published total disagrees with its units), 2 some input cannot be read at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from govinfo_report import _io
from govinfo_report.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    finding_line,
    read_error_line,
    status_code,
    summary_line,
)
from govinfo_report.errors import ReadError, ReportError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator

    from govinfo_report.aggregate import Aggregator, Loaded
    from govinfo_report.findings import Finding
    from govinfo_report.model import AnnualReport
    from govinfo_report.readers import PublishedReport

__all__ = ["SeriesCollector", "audit_series", "register"]


def _say(out: TextIO, lang: str, zh: str, en: str) -> None:
    out.write((en if lang == "en" else zh) + "\n")


def _report_findings(out: TextIO, source: str, findings: list[Finding], lang: str) -> None:
    out.write(summary_line(source, findings, lang) + "\n")
    out.writelines(finding_line(f, lang) + "\n" for f in findings)


def _inputs(paths: list[str]) -> Iterator[Loaded]:
    from govinfo_report.aggregate import Loaded, iter_reports  # noqa: PLC0415 - lazy

    for path in paths:
        if not Path(path).exists():
            yield Loaded(source=path, error=ReadError(path, "文件不存在", "no such file"))
            continue
        yield from iter_reports(path)


def _inside(output: Path, folders: list[Path]) -> Path | None:
    try:
        target = output.resolve()
    except OSError:  # pragma: no cover - resolve() on a path that cannot be resolved
        return None
    for folder in folders:
        try:
            target.relative_to(folder.resolve())
        except (ValueError, OSError):
            continue
        return folder
    return None


def _add_loaded(
    item: Loaded, acc: Aggregator, out: TextIO, err: TextIO, lang: str
) -> tuple[int, bool]:
    """Add one input to the sum: its exit code and whether it was summed."""
    from govinfo_report.aggregate import MismatchError  # noqa: PLC0415 - lazy
    from govinfo_report.checks import check  # noqa: PLC0415 - lazy

    if isinstance(item.error, ReadError):
        err.write(read_error_line(item.error, lang) + "\n")
        return EXIT_UNREADABLE, False
    if isinstance(item.error, ReportError):
        _report_findings(out, item.source, list(item.error.findings), lang)
        return EXIT_FINDINGS, False
    report = item.report
    if report is None:  # pragma: no cover - a Loaded holds a report or an error
        return EXIT_UNREADABLE, False
    warnings = check(report)
    if warnings:
        _report_findings(out, item.source, warnings, lang)
    try:
        acc.add(report)
    except MismatchError as exc:
        out.write(f"{item.source}: {exc.message(lang)}\n")
        return EXIT_FINDINGS, False
    return EXIT_OK, True


def _cmd_aggregate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.aggregate import Aggregator  # noqa: PLC0415 - lazy
    from govinfo_report.checks import check  # noqa: PLC0415 - lazy
    from govinfo_report.serialization import dumps  # noqa: PLC0415 - lazy

    lang = args.lang
    output = Path(args.output)
    folder = _inside(output, [Path(p) for p in args.paths if Path(p).is_dir()])
    if folder is not None and output.suffix in (".json", ".jsonl"):
        _say(
            err,
            lang,
            f"{output}：输出文件位于输入文件夹 {folder} 中，会被当作输入汇总；请写到别处",
            f"{output}: the output is inside the input folder {folder} and would be summed "
            "as an input; write it elsewhere",
        )
        return EXIT_UNREADABLE
    acc = Aggregator(year=args.year)
    code = EXIT_OK
    skipped = 0
    for item in _inputs(args.paths):
        item_code, summed = _add_loaded(item, acc, out, err, lang)
        code = max(code, item_code)
        skipped += not summed
    if acc.count == 0 and args.year is None:
        _say(
            err,
            lang,
            "没有可汇总的报告（可用 --year 生成全零的汇总报告）",
            "no report could be summed (--year gives an all-zero total)",
        )
        return max(code, EXIT_FINDINGS)
    total = acc.result(organ=args.organ, year=args.year)
    protect = [p for p in args.paths if Path(p).is_file()]
    _io.atomic_write(output, dumps(total).encode(), protect=protect)
    warnings = check(total)
    if warnings:
        _report_findings(out, str(output), warnings, lang)
    _say(
        out,
        lang,
        f"已汇总 {acc.count} 份 {total.year} 年度报告，写入 {output}"
        + (f"；{skipped} 项未计入（见上）" if skipped else ""),
        f"summed {acc.count} reports for {total.year} into {output}"
        + (f"; {skipped} inputs left out (see above)" if skipped else ""),
    )
    return max(code, status_code(warnings, strict=args.strict))


def _load_one(path: str, out: TextIO, err: TextIO, lang: str) -> tuple[AnnualReport | None, int]:
    from govinfo_report.serialization import load  # noqa: PLC0415 - lazy

    try:
        return load(path), EXIT_OK
    except ReadError as exc:
        err.write(read_error_line(exc, lang) + "\n")
        return None, EXIT_UNREADABLE
    except ReportError as exc:
        _report_findings(out, path, list(exc.findings), lang)
        return None, EXIT_FINDINGS


def _print_comparison(comparison: Any, fmt: str, lang: str, out: TextIO) -> None:  # noqa: ANN401
    if fmt == "json":
        out.write(comparison.to_json())
    elif fmt == "csv":
        out.write(comparison.to_csv())
    else:
        out.write(comparison.to_text(lang) + "\n")


def _cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.compare import compare  # noqa: PLC0415 - lazy

    if args.units:
        return _compare_total(args, out, err)
    if len(args.files) != 2:  # noqa: PLR2004 - a pair
        _say(
            err,
            args.lang,
            "compare 需要两个报告文件（或一个汇总报告加 --units）",
            "compare takes two report files (or one published total with --units)",
        )
        return EXIT_UNREADABLE
    loaded = [_load_one(p, out, err, args.lang) for p in args.files]
    code = max(c for _, c in loaded)
    a, b = (r for r, _ in loaded)
    if a is None or b is None:
        return code
    _print_comparison(compare(a, b), args.format, args.lang, out)
    return EXIT_OK


def _expected_units(path: str | None) -> list[str] | None:
    if path is None:
        return None
    text = _io.read_bytes(path).decode("utf-8-sig", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _sound_reports(
    paths: list[str], out: TextIO, err: TextIO, lang: str, state: list[int]
) -> Iterator[AnnualReport]:
    """The sound reports under ``paths``; the others are reported, ``state[0]`` the exit code."""
    for item in _inputs(paths):
        if isinstance(item.error, ReadError):
            err.write(read_error_line(item.error, lang) + "\n")
            state[0] = max(state[0], EXIT_UNREADABLE)
        elif isinstance(item.error, ReportError):
            _report_findings(out, item.source, list(item.error.findings), lang)
            state[0] = max(state[0], EXIT_FINDINGS)
        elif item.report is not None:
            yield item.report


def _compare_total(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.aggregate import MismatchError  # noqa: PLC0415 - lazy
    from govinfo_report.compare import compare_total  # noqa: PLC0415 - lazy

    lang = args.lang
    if len(args.files) != 1:
        _say(
            err,
            lang,
            "与 --units 一起使用时只需一个汇总报告文件",
            "with --units, give exactly one published total",
        )
        return EXIT_UNREADABLE
    published, code = _load_one(args.files[0], out, err, lang)
    if published is None:
        return code
    expected = _expected_units(args.expected_units)
    state = [EXIT_OK]
    units = _sound_reports(args.units, out, err, lang, state)
    try:
        result = compare_total(published, units, expected)
    except MismatchError as exc:
        out.write(exc.message(lang) + "\n")
        return max(state[0], EXIT_FINDINGS)
    if args.format == "text":
        out.writelines(finding_line(f, lang) + "\n" for f in result.findings)
    _print_comparison(result.comparison, args.format, lang, out)
    return max(state[0], EXIT_FINDINGS if result.findings else EXIT_OK)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    add_lang: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add the ``aggregate`` and ``compare`` commands."""
    agg = sub.add_parser(
        "aggregate",
        help="sum reports into a total | 汇总多份年报",
        description="Sum the reports in PATH (JSON files, folders searched recursively, JSON "
        "Lines files) into one report of ORGAN, written to -o atomically. Inputs that cannot "
        "be read or summed are reported and left out; the total of the rest is still written. "
        "Exit 0 when every input was summed, 1 when some input has errors or another year, "
        "2 when an input cannot be read.",
    )
    agg.add_argument("paths", nargs="+", metavar="PATH")
    agg.add_argument("-o", "--output", required=True, metavar="TOTAL.json")
    agg.add_argument("--organ", required=True, help="the organ of the total | 汇总报告的机关名称")
    agg.add_argument("--year", type=int, help="the year (default: the reports' year)")
    agg.add_argument("--strict", action="store_true", help="warnings on the total also fail")
    add_lang(agg)
    agg.set_defaults(func=_cmd_aggregate)

    cmp = sub.add_parser(
        "compare",
        help="compare two reports cell by cell | 逐格比较两份年报",
        description="Print the cells in which B differs from A. With --units, compare one "
        "published total with the sum of its units' reports (exit 1 when they disagree).",
    )
    cmp.add_argument("files", nargs="+", metavar="FILE", help="A B, or the published total")
    cmp.add_argument("--units", nargs="+", metavar="PATH", help="the units' reports")
    cmp.add_argument(
        "--expected-units", metavar="FILE", help="organs that should be summed, one a line"
    )
    cmp.add_argument("--format", choices=("text", "csv", "json"), default="text")
    add_lang(cmp)
    cmp.set_defaults(func=_cmd_compare)


class SeriesCollector:
    """``audit --series``: keeps the sound reports, then writes the continuity of each organ.

    A disabled collector does nothing, so the audit command calls it without branching.
    """

    __slots__ = ("enabled", "reports")

    def __init__(self, *, enabled: bool) -> None:
        """A collector; ``enabled`` is the ``--series`` flag."""
        self.enabled = enabled
        self.reports: list[AnnualReport] = []

    def keep(self, record: PublishedReport | None, *, sound: bool) -> None:
        """Keep ``record``'s report when the audit found it sound."""
        if self.enabled and sound and record is not None:
            try:
                self.reports.append(record.to_report())
            except ReportError:
                return

    def write(
        self,
        *,
        fmt: str,
        lang: str,
        out: TextIO,
        rows: list[tuple[str, Finding]],
        results: list[dict[str, object]],
    ) -> None:
        """Write the series: text to ``out``, CSV rows to ``rows``, JSON objects to ``results``.

        For CSV the findings join ``rows`` (source ``organ year``); for JSON one
        ``{"series": organ, "years": [...], "findings": [...]}`` object per organ joins
        ``results``. Warnings only: the exit code is unchanged.
        """
        if self.enabled:
            audit_series(self.reports, fmt=fmt, lang=lang, out=out, rows=rows, results=results)


def audit_series(  # noqa: PLR0913 - the audit command's output state, passed through
    reports: list[AnnualReport],
    *,
    fmt: str,
    lang: str,
    out: TextIO,
    rows: list[tuple[str, Finding]],
    results: list[dict[str, object]],
) -> None:
    """Continuity along each organ's series of ``reports`` (see :class:`SeriesCollector`)."""
    from govinfo_report.continuity import series  # noqa: PLC0415 - lazy

    years: dict[str, list[int]] = {}
    for report in reports:
        years.setdefault(report.organ, []).append(report.year)
    for organ, found in series(reports).items():
        span = sorted(set(years[organ]))
        if fmt == "json":
            results.append(
                {
                    "series": organ,
                    "years": span,
                    "findings": [{"year": y, **f.to_dict()} for y, f in found],
                }
            )
        elif fmt == "csv":
            rows.extend((f"{organ} {y}", f) for y, f in found)
        else:
            head = (
                f"series {organ}: {span[0]}-{span[-1]} ({len(span)} years, {len(found)} findings)"
                if lang == "en"
                else f"年度序列 {organ}：{span[0]}—{span[-1]} 年（{len(span)} 个年度，"
                f"{len(found)} 项发现）"
            )
            out.write(head + "\n")
            out.writelines(f"  {y}{finding_line(f, lang)}\n" for y, f in found)
