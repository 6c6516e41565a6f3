"""``audit --series`` and ``audit --copied``: the sound reports compared with each other (private).

:class:`Across` keeps the report of every input the audit found sound, and names every
input that cannot take part with its reason (status ``not-in-series``). At the end it
writes the continuity of each organ's years (X-CARRY, X-STOCK, X-JUMP, X-SERIES) and, with
``--copied``, the pairs of reports whose narrative sections share more than the threshold
(X-COPY; the ratio is the same whichever report comes first, so each pair is compared once).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Final

from govinfo_report.cli._common import EXIT_FINDINGS, EXIT_OK
from govinfo_report.cli._i18n import tr
from govinfo_report.errors import MismatchError, ReportError
from govinfo_report.model import AnnualReport

if TYPE_CHECKING:
    import argparse

    from govinfo_report.cli._output import Output
    from govinfo_report.findings import Finding
    from govinfo_report.published.record import PublishedReport

__all__ = ["Across", "add_across_options"]

NOT_IN_SERIES: Final = "not-in-series"


def _ratio(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        msg = f"{text} is not a share from 0 to 1"
        raise ValueError(msg)
    return value


def add_across_options(parser: argparse.ArgumentParser) -> None:
    """``--copied``, ``--copy-threshold``, ``--jump-factor`` and ``--jump-floor``."""
    parser.add_argument(
        "--copied",
        action="store_true",
        help=tr(
            "另两两比较通过检查的年报的文字部分，找出雷同（X-COPY）",
            "also compare the narrative of every pair of sound reports (X-COPY)",
        ),
    )
    parser.add_argument(
        "--copy-threshold",
        type=_ratio,
        default=0.5,
        metavar="SHARE",
        help=tr(
            "X-COPY：一个部分的文字相同到多大比例时提示，0 到 1（默认：0.5）",
            "X-COPY: the shared share of a section that is noted, 0-1 (default: 0.5)",
        ),
    )
    parser.add_argument(
        "--jump-factor",
        type=float,
        default=5.0,
        metavar="F",
        help=tr(
            "X-JUMP（--series）：主要数据变化超过 F 倍时提示（默认：5）",
            "X-JUMP (--series): a key figure changing more than F times (default: 5)",
        ),
    )
    parser.add_argument(
        "--jump-floor",
        type=int,
        default=10,
        metavar="N",
        help=tr(
            "X-JUMP（--series）：较大的数值达到 N 时才提示（默认：10）",
            "X-JUMP (--series): only once the larger value reaches N (default: 10)",
        ),
    )


class Across:
    """The cross-report steps of ``audit``; with neither step asked for, it does nothing."""

    __slots__ = ("copied", "factor", "floor", "left_out", "reports", "series", "threshold")

    def __init__(
        self, *, series: bool, copied: bool, factor: float, floor: int, threshold: float
    ) -> None:
        self.series = series
        self.copied = copied
        self.factor = factor
        self.floor = floor
        self.threshold = threshold
        self.reports: list[tuple[str, AnnualReport]] = []
        self.left_out: list[tuple[str, str, str]] = []

    @property
    def enabled(self) -> bool:
        """Whether any cross-report step was asked for."""
        return self.series or self.copied

    def _words(self) -> tuple[str, str]:
        if self.series and self.copied:
            return "年度序列和雷同比较", "series and copy check"
        return ("年度序列", "series") if self.series else ("雷同比较", "copy check")

    def keep(
        self, source: str, record: PublishedReport | AnnualReport | None, findings: list[Finding]
    ) -> None:
        """Keep ``record``'s report (or the report itself), or say why it cannot be kept."""
        if not self.enabled:
            return
        if record is None:
            self._leave_out(source, "无法读取", "cannot be read")
            return
        errors = [f for f in findings if f.severity.value == "error"]
        if errors:
            codes = list(dict.fromkeys(f.code for f in errors))
            self._leave_out(
                source,
                f"有 {len(errors)} 处错误（{'、'.join(codes)}），不能作为年报比较",
                f"{len(errors)} errors ({', '.join(codes)}): not a sound report",
            )
            return
        if isinstance(record, AnnualReport):
            self.reports.append((source, record))
            return
        try:
            self.reports.append((source, record.to_report()))
        except ReportError as exc:
            first = exc.findings[0] if exc.findings else None
            self._leave_out(
                source,
                "无法转换为年报" + (f"：{first.message_zh}" if first else ""),
                "cannot be made a report" + (f": {first.message_en}" if first else ""),
            )

    def _leave_out(self, source: str, zh: str, en: str) -> None:
        where_zh, where_en = self._words()
        zh, en = f"未纳入{where_zh}：{zh}", f"left out of the {where_en}: {en}"
        self.left_out.append((source, zh, en))

    def write(self, output: Output) -> int:
        """The inputs left out, the series, the copied pairs; the exit code.

        The findings are warnings and notes (exit 0); an input left out makes it 1.
        """
        if not self.enabled:
            return EXIT_OK
        series = self._one_a_year() if self.series else self.reports
        for source, zh, en in self.left_out:
            output.left_out(source, NOT_IN_SERIES, zh, en)
        if self.series:
            self._series(output, series)
        if self.copied:
            self._copied(output)
        used, out = len(series), len(self.left_out)
        where_zh, where_en = self._words()
        output.tally(
            f"{where_zh}：使用 {used} 份报告，{out} 份未纳入（见上）",
            f"{where_en}: {used} reports used, {out} left out (see above)",
        )
        return EXIT_FINDINGS if out else EXIT_OK

    def _one_a_year(self) -> list[tuple[str, AnnualReport]]:
        """The reports of the series: one an organ and year; every other named as left out.

        A second report of an organ's year with the same figures (the page and its
        attachment) changes no finding and is merged in silence. One with other figures is
        left out, naming the first and a cell in which they differ: the series follows the
        first, and which of the two is right is for the reader to say.
        """
        from govinfo_report.many._organ import organ_key  # noqa: PLC0415 - lazy
        from govinfo_report.many.compare import compare  # noqa: PLC0415 - lazy

        kept: dict[tuple[str, int], tuple[str, AnnualReport]] = {}
        reports: list[tuple[str, AnnualReport]] = []
        for source, report in self.reports:
            first = kept.setdefault((organ_key(report.organ), report.year), (source, report))
            if first[1] is report:
                reports.append((source, report))
                continue
            try:
                differences = compare(first[1], report).differences
            except MismatchError as exc:  # another edition: the cells do not correspond
                reason_zh, reason_en = exc.reason_zh, exc.reason_en
            else:
                if not differences:
                    continue
                d = differences[0]
                reason_zh = (
                    f"{len(differences)} 格数字不同，如表{d.table}“{d.row}”行“{d.column}”列："
                    f"{d.a} 与 {d.b}"
                )
                reason_en = (
                    f"{len(differences)} cells differ, e.g. table {d.table}, row "
                    f'"{d.row}", column "{d.column}": {d.a} and {d.b}'
                )
            organ, year = report.organ, report.year
            zh = (
                f"未纳入年度序列：与 {first[0]} 同为{organ} {year} 年度的报告，但{reason_zh}；"
                "序列只跟踪前一份，请确认哪一份是正式发布的"
            )
            en = (
                f"left out of the series: another {year} report of {organ} than "
                f"{first[0]}, and {reason_en}; the series follows the first: say which "
                "one was published"
            )
            self.left_out.append((source, zh, en))
        return reports

    def _series(self, output: Output, kept: list[tuple[str, AnnualReport]]) -> None:
        from govinfo_report.many._organ import organ_key  # noqa: PLC0415 - lazy
        from govinfo_report.many.continuity import series  # noqa: PLC0415 - lazy

        reports = [report for _, report in kept]
        years: dict[str, list[int]] = {}
        for report in reports:
            years.setdefault(organ_key(report.organ), []).append(report.year)
        for organ, found in series(reports, factor=self.factor, floor=self.floor).items():
            output.series(organ, sorted(set(years[organ_key(organ)])), found)

    def _copied(self, output: Output) -> None:
        from govinfo_report.many.similarity import copied_text  # noqa: PLC0415 - lazy

        for (a, first), (b, second) in itertools.combinations(self.reports, 2):
            found = copied_text(first, second, threshold=self.threshold)
            if found:
                output.findings(f"{a} | {b}", found, pair=[a, b])
