"""Commands on many reports: ``aggregate`` and ``compare`` (private; see :mod:`cli`).

Registered through ``cli._COMMAND_MODULES``. Exit codes as for ``check``: 0 every input
is sound, 1 some input has error findings (or cannot be summed with the others, or a
published total disagrees with its units), 2 some input cannot be read at all.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from govinfo_report import _io
from govinfo_report.cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    finding_line,
    read_error_line,
    say,
    status_code,
    summary_line,
)
from govinfo_report.errors import ReadError, ReportError
from govinfo_report.model import AnnualReport

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator

    from govinfo_report.findings import Finding
    from govinfo_report.many.aggregate import Aggregator, Loaded, MismatchError
    from govinfo_report.many.compare import Comparison
    from govinfo_report.published.readers import PublishedReport

__all__ = ["SeriesCollector", "audit_series", "register"]


def _say(out: TextIO, lang: str, zh: str, en: str) -> None:
    out.write(say(lang, zh, en))


def _report_findings(out: TextIO, source: str, findings: list[Finding], lang: str) -> None:
    out.write(summary_line(source, findings, lang) + "\n")
    out.writelines(finding_line(f, lang) + "\n" for f in findings)


_NOT_REPORT_FILE = (
    (
        "不是 .json 或 .jsonl 文件，未计入（网页、.docx、文本请先用 "
        "`govinfo-report read FILE -o OUT.json` 转换）"
    ),
    (
        "not a .json or .jsonl file; left out (convert a web page, .docx or text with "
        "`govinfo-report read FILE -o OUT.json` first)"
    ),
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
    "其中没有年报（.json 或 .jsonl 文件）",
    "holds no reports (.json or .jsonl files)",
)


def _inputs(
    paths: list[str], *, require: bool = False, not_json: tuple[str, str] = _NOT_JSON_FILE
) -> Iterator[Loaded]:
    """Every input under ``paths``; a file named here must be ``.json`` or ``.jsonl``.

    A ``.json`` file that is not JSON at all (a web page, a .docx) is unreadable with the
    reason ``not_json``. With ``require``, a path that holds no report at all is an
    unreadable input too.
    """
    from govinfo_report.many.aggregate import Loaded, is_report_file, iter_reports  # noqa: PLC0415

    for path in paths:
        p = Path(path)
        if not p.exists():
            yield Loaded(source=path, error=ReadError(path, "文件不存在", "no such file"))
            continue
        if p.is_file() and not is_report_file(p):
            yield Loaded(source=path, error=ReadError(path, *_NOT_REPORT_FILE))
            continue
        found = False
        for item in iter_reports(path):
            found = True
            yield _not_json(item, not_json)
        if require and not found:
            yield Loaded(source=path, error=ReadError(path, *_NO_REPORTS))


def _not_json(item: Loaded, reason: tuple[str, str]) -> Loaded:
    """``item``, its reason replaced by ``reason`` when it is a whole file that is not JSON."""
    from govinfo_report.many.aggregate import Loaded  # noqa: PLC0415 - lazy

    if not isinstance(item.error, ReadError) or not Path(item.source).is_file():
        return item
    try:
        with Path(item.source).open("rb") as f:
            head = f.read(4096)
    except OSError:
        return item
    if _looks_like_json(head):
        return item
    return Loaded(source=item.source, error=ReadError(item.source, *reason))


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

    __slots__ = ("acc", "code", "duplicates", "organs", "skipped")

    def __init__(self, acc: Aggregator) -> None:
        self.acc = acc
        self.code = EXIT_OK
        self.skipped = 0
        self.duplicates = 0
        self.organs: dict[str, str] = {}

    def add(self, item: Loaded, out: TextIO, err: TextIO, lang: str) -> None:
        """Add one input to the sum, or report why it is left out."""
        from govinfo_report.many.aggregate import MismatchError  # noqa: PLC0415 - lazy
        from govinfo_report.rules.checks import check  # noqa: PLC0415 - lazy

        if isinstance(item.error, ReadError):
            err.write(read_error_line(item.error, lang) + "\n")
            self._leave_out(EXIT_UNREADABLE)
            return
        if isinstance(item.error, ReportError):
            _report_findings(out, item.source, list(item.error.findings), lang)
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
                _report_findings(out, item.source, warnings, lang)
            out.write(f"{item.source}: {exc.message(lang)}\n")
            self._leave_out(EXIT_FINDINGS)
            return
        first = self.organs.get(report.organ)
        if first is None:
            self.organs[report.organ] = item.source
        else:
            warnings.append(_duplicate(report.organ, first, item.source))
            self.duplicates += 1
            self.code = max(self.code, EXIT_FINDINGS)
        if warnings:
            _report_findings(out, item.source, warnings, lang)

    def _leave_out(self, code: int) -> None:
        self.code = max(self.code, code)
        self.skipped += 1


def _cmd_aggregate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.formats.json.codec import dumps  # noqa: PLC0415 - lazy
    from govinfo_report.many.aggregate import Aggregator  # noqa: PLC0415 - lazy
    from govinfo_report.rules.checks import check  # noqa: PLC0415 - lazy

    lang = args.lang
    output = Path(args.output)
    folder = _inside(output, [Path(p) for p in args.paths if Path(p).is_dir()])
    if folder is not None and output.suffix.lower() in (".json", ".jsonl"):
        _say(
            err,
            lang,
            f"{output}：输出文件位于输入文件夹 {folder} 中，会被当作输入汇总；请写到别处",
            f"{output}: the output is inside the input folder {folder} and would be summed "
            "as an input; write it elsewhere",
        )
        return EXIT_UNREADABLE
    state = _Sum(Aggregator(year=args.year))
    for item in _inputs(args.paths):
        state.add(item, out, err, lang)
    acc, code = state.acc, state.code
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
    skipped, dup = state.skipped, state.duplicates
    _say(
        out,
        lang,
        f"已汇总 {acc.count} 份 {total.year} 年度报告，写入 {output}"
        + (f"；{skipped} 项未计入（见上）" if skipped else "")
        + (f"；{dup} 份与已汇总的单位重复，被重复计入（见上）" if dup else ""),
        f"summed {acc.count} reports for {total.year} into {output}"
        + (f"; {skipped} inputs left out (see above)" if skipped else "")
        + (f"; {dup} duplicate a unit already summed, counted twice (see above)" if dup else ""),
    )
    return max(code, status_code(warnings, strict=args.strict))


# --- compare ------------------------------------------------------------------------


class _Problems:
    """The inputs ``compare`` could not use: told at once as text, or kept for JSON/CSV."""

    __slots__ = ("code", "entries", "err", "fmt", "lang", "out")

    def __init__(self, fmt: str, lang: str, out: TextIO, err: TextIO) -> None:
        self.fmt = fmt
        self.lang = lang
        self.out = out
        self.err = err
        self.code = EXIT_OK
        self.entries: list[dict[str, Any]] = []

    def unreadable(self, error: ReadError) -> None:
        """An input that cannot be read at all."""
        self.code = max(self.code, EXIT_UNREADABLE)
        if self.fmt == "text":
            self.err.write(read_error_line(error, self.lang) + "\n")
        self.entries.append(
            {
                "file": error.source,
                "status": "unreadable",
                "reason_zh": error.reason_zh,
                "reason_en": error.reason_en,
            }
        )

    def findings(self, source: str, findings: list[Finding]) -> None:
        """An input that breaks rules."""
        self.code = max(self.code, EXIT_FINDINGS)
        if self.fmt == "text":
            _report_findings(self.out, source, findings, self.lang)
        self.entries.append(
            {"file": source, "status": "findings", "findings": [f.to_dict() for f in findings]}
        )

    def refused(self, source: str, error: MismatchError) -> None:
        """A unit that cannot be summed with the published total (another year or edition)."""
        self.code = max(self.code, EXIT_FINDINGS)
        if self.fmt == "text":
            self.out.write(f"{source}: {error.message(self.lang)}\n")
        self.entries.append(
            {
                "file": source,
                "status": "refused",
                "reason_zh": error.reason_zh,
                "reason_en": error.reason_en,
            }
        )

    def loaded(self, item: Loaded) -> AnnualReport | None:
        """The report of ``item``, or ``None`` once its problem is recorded."""
        if isinstance(item.error, ReadError):
            self.unreadable(item.error)
        elif isinstance(item.error, ReportError):
            self.findings(item.source, list(item.error.findings))
        return item.report if item.error is None else None

    def say(self, zh: str, en: str) -> None:
        """A message about the run as a whole (to stderr in every format)."""
        _say(self.err, self.lang, zh, en)


def _looks_like_json(data: bytes) -> bool:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.lstrip(b" \t\r\n")[:1] == b"{"


def _load_one(path: str, problems: _Problems) -> AnnualReport | None:
    from govinfo_report.formats.json.codec import loads  # noqa: PLC0415 - lazy

    try:
        if not Path(path).exists():
            raise ReadError(path, "文件不存在", "no such file")  # noqa: TRY301 - one path
        data = _io.read_bytes(path)
        if not _looks_like_json(data):
            raise ReadError(path, *_NOT_REPORT_JSON)  # noqa: TRY301 - one path
        return loads(data, source=path)
    except ReadError as exc:
        problems.unreadable(exc)
    except ReportError as exc:
        problems.findings(path, list(exc.findings))
    return None


_CSV_HEADER = (
    "path", "table", "row", "column", "a", "b", "change", "computed",
    "file", "code", "severity", "message_zh", "message_en",
)  # fmt: skip


def _csv_rows(
    comparison: Comparison | None, findings: tuple[Finding, ...], problems: _Problems
) -> Iterator[list[object]]:
    by_path = {f.place.path: f for f in findings if f.code == "X-TOTAL"}
    for d in comparison.differences if comparison is not None else ():
        f = by_path.get(d.path)
        yield [
            d.path, d.table, d.row, d.column, d.a, d.b, d.change, str(d.computed).lower(), "",
            *((f.code, f.severity.value, f.message_zh, f.message_en) if f else ("",) * 4),
        ]  # fmt: skip
    for f in findings:
        if f.code != "X-TOTAL":
            yield _finding_row("", f)
    for entry in problems.entries:
        if entry["status"] == "findings":
            for f in entry["findings"]:
                yield [
                    f["path"], f["table"] or "", f["row"] or "", f["column"] or "",
                    "", "", "", "", entry["file"], f["code"], f["severity"],
                    f["message_zh"], f["message_en"],
                ]  # fmt: skip
        else:
            yield [
                "", "", "", "", "", "", "", "", entry["file"], entry["status"], "error",
                entry["reason_zh"], entry["reason_en"],
            ]  # fmt: skip


def _finding_row(source: str, f: Finding) -> list[object]:
    return [
        f.place.path, f.place.table or "", f.place.row or "", f.place.column or "",
        "", "", "", "", source, f.code, f.severity.value, f.message_zh, f.message_en,
    ]  # fmt: skip


def _print_comparison(
    comparison: Comparison | None,
    problems: _Problems,
    out: TextIO,
    findings: tuple[Finding, ...] | None = None,
) -> None:
    """The comparison (``None``: none could be made) with the findings and the inputs left out."""
    if problems.fmt == "json":
        data: dict[str, Any] = (
            comparison.to_dict()
            if comparison is not None
            else {"a": None, "b": None, "differences": None}
        )
        if findings is not None:
            data["findings"] = [f.to_dict() for f in findings]
        data["left_out"] = problems.entries
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif problems.fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_CSV_HEADER)
        writer.writerows(_csv_rows(comparison, findings or (), problems))
    elif comparison is not None:
        out.writelines(finding_line(f, problems.lang) + "\n" for f in findings or ())
        out.write(comparison.to_text(problems.lang) + "\n")


def _cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.many.aggregate import MismatchError  # noqa: PLC0415 - lazy
    from govinfo_report.many.compare import compare  # noqa: PLC0415 - lazy

    problems = _Problems(args.format, args.lang, out, err)
    if args.units:
        return _compare_total(args, problems, out)
    if len(args.files) != 2:  # noqa: PLR2004 - a pair
        problems.say(
            "compare 需要两个报告文件（或一个汇总报告加 --units）",
            "compare takes two report files (or one published total with --units)",
        )
        return EXIT_UNREADABLE
    a, b = (_load_one(p, problems) for p in args.files)
    comparison = None
    if a is not None and b is not None:
        try:
            comparison = compare(a, b)
        except MismatchError as exc:
            problems.refused(args.files[1], exc)
    _print_comparison(comparison, problems, out)
    return problems.code


def _expected_units(path: str | None) -> list[str] | None:
    if path is None:
        return None
    text = _io.read_bytes(path).decode("utf-8-sig", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _compare_total(args: argparse.Namespace, problems: _Problems, out: TextIO) -> int:
    from govinfo_report.many.compare import compare_total  # noqa: PLC0415 - lazy

    if len(args.files) != 1:
        problems.say(
            "与 --units 一起使用时只需一个汇总报告文件",
            "with --units, give exactly one published total",
        )
        return EXIT_UNREADABLE
    published = _load_one(args.files[0], problems)
    if published is None:
        _print_comparison(None, problems, out, ())
        return problems.code
    expected = _expected_units(args.expected_units)
    current = [""]

    def units() -> Iterator[AnnualReport]:
        for item in _inputs(args.units, require=True, not_json=_NOT_REPORT_JSON):
            report = problems.loaded(item)
            if report is not None:
                current[0] = item.source
                yield report

    def refused(_: AnnualReport, exc: MismatchError) -> None:
        problems.refused(current[0], exc)

    result = compare_total(published, units(), expected, on_refused=refused)
    if not result.units:
        problems.say(
            f"--units {' '.join(args.units)}：没有可与汇总报告比较的单位报告",
            f"--units {' '.join(args.units)}: no unit report to compare the total with",
        )
        _print_comparison(None, problems, out, ())
        return max(problems.code, EXIT_FINDINGS)
    _print_comparison(result.comparison, problems, out, result.findings)
    return max(problems.code, EXIT_FINDINGS if result.findings else EXIT_OK)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    add_lang: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add the ``aggregate`` and ``compare`` commands."""
    agg = sub.add_parser(
        "aggregate",
        help="sum reports into a total | 汇总多份年报",
        description="Sum the reports in PATH (JSON files, folders searched recursively, JSON "
        "Lines files; suffixes in any case) into one report of ORGAN, written to -o "
        "atomically. Inputs that cannot be read or summed are reported and left out (a file "
        "named here must be .json or .jsonl); a unit counted twice is reported (X-UNITS); the "
        "total is still written. Exit 0 when every input was summed once, 1 when some input "
        "has errors, another year or duplicates a unit, 2 when an input cannot be read.",
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
        description="Print the cells in which B differs from A (report JSON; convert a "
        "published page or .docx with `govinfo-report read` first). With --units, compare one "
        "published total with the sum of its units' reports (exit 1 when they disagree; units "
        "that cannot be used are reported and left out; no unit at all is an error). JSON and "
        "CSV output list the inputs left out.",
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

    def keep(self, record: PublishedReport | AnnualReport | None, *, sound: bool) -> None:
        """Keep ``record``'s report (or the report itself) when the audit found it sound."""
        if isinstance(record, AnnualReport):
            if self.enabled and sound:
                self.reports.append(record)
            return
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
    from govinfo_report.many.continuity import series  # noqa: PLC0415 - lazy

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
