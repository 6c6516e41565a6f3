"""The command line's one output layer: an outputter per format, text, JSON or CSV (private).

A command tells its outputter what it found, input by input: an input left out (unreadable,
or refused because it cannot go with the others), an input's findings, a series of years, a
comparison. The outputter of the chosen ``--format`` decides how that is written: text as
the results come (a line per finding under a summary line), JSON and CSV as one document at
the end (:meth:`Output.finish`, or :meth:`Output.comparison` for ``compare``).

Every command's CSV has the one layout :data:`CSV_HEADER`, one finding a row (``file`` is
the input, empty for a finding about the comparison as a whole); ``compare`` adds a row
per differing cell with ``a``, ``b``, ``change`` and ``computed`` filled in (and the
finding about that cell, if any, in the same row). An input left out is a row with the
code ``unreadable`` or ``refused``.
"""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, Any, Final, TextIO

from govinfo_report.cli._common import (
    csv_safe,
    finding_line,
    one_line,
    read_error_line,
    say,
    summary_line,
)
from govinfo_report.findings import Finding, Place, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from govinfo_report.errors import MismatchError, ReadError
    from govinfo_report.many.compare import Comparison, Difference

__all__ = ["CSV_HEADER", "FORMATS", "Output", "left_out_finding", "make_output"]

#: The values of ``--format``.
FORMATS: Final = ("text", "json", "csv")

#: The one CSV layout of the command line.
CSV_HEADER: Final = (
    "file", "code", "severity", "table", "row", "column", "path", "expected", "found",
    "message_zh", "message_en", "a", "b", "change", "computed",
)  # fmt: skip


def left_out_finding(code: str, reason_zh: str, reason_en: str) -> Finding:
    """An input left out as a finding: ``unreadable`` or ``refused``, at ``$``, both reasons."""
    return Finding(
        code=code,
        severity=Severity.ERROR,
        place=Place(path="$"),
        message_zh=reason_zh,
        message_en=reason_en,
    )


class Output:
    """What a command found, written in one format (the base writes nothing: see subclasses).

    ``unreadable_to_out`` sends the text line of an unreadable input to stdout rather
    than stderr (``audit`` lists every input in its report).
    """

    def __init__(
        self, lang: str, out: TextIO, err: TextIO, *, unreadable_to_out: bool = False
    ) -> None:
        """An outputter writing to ``out`` (results) and ``err`` (progress and problems)."""
        self.lang = lang
        self.out = out
        self.err = err
        self.unreadable_to_out = unreadable_to_out

    def unreadable(self, source: str, error: ReadError) -> None:
        """``source`` cannot be read at all."""

    def refused(self, source: str, error: MismatchError) -> None:
        """``source`` was read but cannot go with the others (another year or edition)."""

    def left_out(self, source: str, status: str, zh: str, en: str) -> None:
        """``source`` took no part in a step (``status``, e.g. ``not-in-series``), and why."""

    def findings(self, source: str, findings: Sequence[Finding], **extra: object) -> None:
        """The findings of ``source``; ``extra`` are further fields of its JSON object."""

    def series(self, organ: str, years: list[int], found: Sequence[tuple[int, Finding]]) -> None:
        """The continuity findings along ``organ``'s ``years``."""

    def comparison(
        self, comparison: Comparison | None, findings: Sequence[Finding] | None = None
    ) -> None:
        """The result of ``compare`` (``None``: none could be made), ending the output."""

    def finish(self) -> None:
        """End the output (JSON and CSV are written here, as one document)."""

    def note(self, zh: str, en: str) -> None:
        """A message about the run as a whole: to stderr in every format."""
        self.err.write(say(self.lang, zh, en))

    def tally(self, zh: str, en: str) -> None:
        """The closing count: with the text report, or on stderr to keep JSON/CSV parseable."""
        self.err.write(say(self.lang, zh, en))


class TextOutput(Output):
    """Lines of text as the results come, in the chosen language."""

    def unreadable(self, source: str, error: ReadError) -> None:  # noqa: ARG002 - the error names it
        """A line ``cannot read FILE: reason`` (stderr, or stdout for ``audit``)."""
        stream = self.out if self.unreadable_to_out else self.err
        stream.write(read_error_line(error, self.lang) + "\n")

    def refused(self, source: str, error: MismatchError) -> None:
        """A line ``FILE: reason``."""
        sep = ": " if self.lang == "en" else "："
        self.out.write(one_line(f"{source}{sep}{error.message(self.lang)}") + "\n")

    def left_out(self, source: str, status: str, zh: str, en: str) -> None:  # noqa: ARG002 - the words say it
        """A line ``FILE: reason``."""
        line = f"{source}: {en}" if self.lang == "en" else f"{source}：{zh}"
        self.out.write(one_line(line) + "\n")

    def findings(self, source: str, findings: Sequence[Finding], **extra: object) -> None:  # noqa: ARG002 - JSON only
        """A summary line, then a line per finding."""
        self.out.write(summary_line(source, findings, self.lang) + "\n")
        self.out.writelines(finding_line(f, self.lang) + "\n" for f in findings)

    def series(self, organ: str, years: list[int], found: Sequence[tuple[int, Finding]]) -> None:
        """A heading line for the organ, then a line per finding with its year."""
        first, last, n, k = years[0], years[-1], len(years), len(found)
        head = (
            f"series {organ}: {first}-{last} ({n} years, {k} findings)"
            if self.lang == "en"
            else f"年度序列 {organ}：{first}—{last} 年（{n} 个年度，{k} 项发现）"
        )
        self.out.write(head + "\n")
        self.out.writelines(f"  {y}{finding_line(f, self.lang)}\n" for y, f in found)

    def comparison(
        self, comparison: Comparison | None, findings: Sequence[Finding] | None = None
    ) -> None:
        """The findings, then the table of differing cells."""
        if comparison is not None:
            self.out.writelines(finding_line(f, self.lang) + "\n" for f in findings or ())
            self.out.write(comparison.to_text(self.lang) + "\n")

    def tally(self, zh: str, en: str) -> None:
        """The closing count, last line of the report."""
        self.out.write(say(self.lang, zh, en))


class JsonOutput(Output):
    """One JSON document: a list with an object per input (``compare``: one object)."""

    def __init__(
        self, lang: str, out: TextIO, err: TextIO, *, unreadable_to_out: bool = False
    ) -> None:
        """An outputter collecting the objects until :meth:`finish`."""
        super().__init__(lang, out, err, unreadable_to_out=unreadable_to_out)
        self.entries: list[dict[str, Any]] = []

    def unreadable(self, source: str, error: ReadError) -> None:
        """``{"file", "status": "unreadable", "reason_zh", "reason_en"}``."""
        self._left_out(source, "unreadable", error.reason_zh, error.reason_en)

    def refused(self, source: str, error: MismatchError) -> None:
        """``{"file", "status": "refused", "reason_zh", "reason_en"}``."""
        self._left_out(source, "refused", error.reason_zh, error.reason_en)

    def _left_out(self, source: str, status: str, zh: str, en: str) -> None:
        self.entries.append({"file": source, "status": status, "reason_zh": zh, "reason_en": en})

    def left_out(self, source: str, status: str, zh: str, en: str) -> None:
        """``{"file", "status", "reason_zh", "reason_en"}``."""
        self._left_out(source, status, zh, en)

    def findings(self, source: str, findings: Sequence[Finding], **extra: object) -> None:
        """``{"file", **extra, "findings": [...]}``."""
        self.entries.append({"file": source, **extra, "findings": [f.to_dict() for f in findings]})

    def series(self, organ: str, years: list[int], found: Sequence[tuple[int, Finding]]) -> None:
        """``{"series": organ, "years": [...], "findings": [{"year", ...}]}``."""
        self.entries.append(
            {
                "series": organ,
                "years": years,
                "findings": [{"year": y, **f.to_dict()} for y, f in found],
            }
        )

    def comparison(
        self, comparison: Comparison | None, findings: Sequence[Finding] | None = None
    ) -> None:
        """``{"a", "b", "differences", ["findings"], "left_out": [...]}``."""
        data: dict[str, Any] = (
            comparison.to_dict()
            if comparison is not None
            else {"a": None, "b": None, "differences": None}
        )
        if findings is not None:
            data["findings"] = [f.to_dict() for f in findings]
        data["left_out"] = self.entries
        self._dump(data)

    def finish(self) -> None:
        """The list of objects."""
        self._dump(self.entries)

    def _dump(self, data: object) -> None:
        self.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class CsvOutput(Output):
    """One CSV document in the layout :data:`CSV_HEADER`."""

    def __init__(
        self, lang: str, out: TextIO, err: TextIO, *, unreadable_to_out: bool = False
    ) -> None:
        """An outputter collecting the rows until :meth:`finish`."""
        super().__init__(lang, out, err, unreadable_to_out=unreadable_to_out)
        self.rows: list[list[object]] = []

    def unreadable(self, source: str, error: ReadError) -> None:
        """A row with the code ``unreadable`` and both reasons."""
        finding = left_out_finding("unreadable", error.reason_zh, error.reason_en)
        self.rows.append(_row(source, finding))

    def refused(self, source: str, error: MismatchError) -> None:
        """A row with the code ``refused`` and both reasons."""
        finding = left_out_finding("refused", error.reason_zh, error.reason_en)
        self.rows.append(_row(source, finding))

    def left_out(self, source: str, status: str, zh: str, en: str) -> None:
        """A row with the code ``status`` and both reasons."""
        self.rows.append(_row(source, left_out_finding(status, zh, en)))

    def findings(self, source: str, findings: Sequence[Finding], **extra: object) -> None:  # noqa: ARG002 - JSON only
        """A row per finding."""
        self.rows.extend(_row(source, f) for f in findings)

    def series(self, organ: str, years: list[int], found: Sequence[tuple[int, Finding]]) -> None:  # noqa: ARG002 - a row names its year
        """A row per finding, its file ``ORGAN YEAR``."""
        self.rows.extend(_row(f"{organ} {y}", f) for y, f in found)

    def comparison(
        self, comparison: Comparison | None, findings: Sequence[Finding] | None = None
    ) -> None:
        """A row per differing cell (with its finding), per other finding, per input left out."""
        by_path = {f.place.path: f for f in findings or () if f.code == "X-TOTAL"}
        differences = comparison.differences if comparison is not None else ()
        rows = [_cell_row(d, by_path.get(d.path)) for d in differences]
        rows.extend(_row("", f) for f in findings or () if f.code != "X-TOTAL")
        self.rows[:0] = rows
        self.finish()

    def finish(self) -> None:
        """The header and the rows."""
        _write_csv(self.out, self.rows)


def _write_csv(out: TextIO, rows: Iterable[list[object]]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows([csv_safe(cell) for cell in row] for row in rows)


def _row(source: str, f: Finding) -> list[object]:
    d = f.to_dict()
    return [
        source, f.code, f.severity.value, d["table"] or "", d["row"] or "", d["column"] or "",
        f.place.path, _text(d["expected"]), _text(d["found"]), f.message_zh, f.message_en,
        "", "", "", "",
    ]  # fmt: skip


def _cell_row(d: Difference, f: Finding | None) -> list[object]:
    """A differing cell, with the finding about it (if any) in the same row."""
    row = _row("", f) if f is not None else ["", "", "", d.table, d.row, d.column, d.path]
    return [*row[:11], *[""] * (11 - len(row)), d.a, d.b, d.change, str(d.computed).lower()]


def _text(value: object) -> str:
    return "" if value is None else str(value)


_OUTPUTS: Final[dict[str, type[Output]]] = {
    "text": TextOutput,
    "json": JsonOutput,
    "csv": CsvOutput,
}


def make_output(
    fmt: str, lang: str, out: TextIO, err: TextIO, *, unreadable_to_out: bool = False
) -> Output:
    """The outputter for ``--format fmt`` (``text``, ``json`` or ``csv``)."""
    return _OUTPUTS[fmt](lang, out, err, unreadable_to_out=unreadable_to_out)
