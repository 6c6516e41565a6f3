"""Reading 1,000 workbooks (.xlsx): the clerk's workbooks a supervisor collects.

Run: ``python benchmarks/bench_xlsx.py [--count 1000] [--distinct 20]``. Writes ``--distinct``
filled workbooks (different figures, from the public strategies' seeded draws) once, then
reads ``--count`` of them with ``read_xlsx`` and turns each into a report (``to_report``:
audit included), and prints the machine, the total time and the time per workbook. Writing
is timed apart (``xlsx_bytes``), as is openpyxl's own ``load_workbook`` of the same files
for comparison (our reader parses the XML with lxml; it does not use openpyxl).
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import tracemalloc
from typing import TYPE_CHECKING

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from machine import machine  # benchmarks/machine.py, beside this script

from govinfo_report.formats.xlsx.writer import xlsx_bytes
from govinfo_report.published.readers import read_xlsx
from govinfo_report.testing import reports

if TYPE_CHECKING:
    from govinfo_report.model import AnnualReport


def draw(n: int) -> list[AnnualReport]:
    """``n`` sound reports, reproducibly (hypothesis with a fixed seed, as a generator)."""
    found: list[AnnualReport] = []

    @settings(
        max_examples=n, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(reports(max_count=5_000), st.integers())
    def collect(report: AnnualReport, _: int) -> None:
        if len(found) < n:
            found.append(report)

    collect()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--distinct", type=int, default=20)
    args = parser.parse_args()
    units = draw(args.distinct)
    start = time.perf_counter()
    books = [xlsx_bytes(u) for u in units]
    write = (time.perf_counter() - start) / len(books)
    per: list[float] = []
    start = time.perf_counter()
    for i in range(args.count):
        t = time.perf_counter()
        record = read_xlsx(books[i % len(books)], name=f"unit{i}.xlsx")
        record.to_report()
        per.append(time.perf_counter() - t)
    total = time.perf_counter() - start
    # Memory apart: tracemalloc slows Python down several times over.
    tracemalloc.start()
    for i in range(min(args.count, 50)):
        read_xlsx(books[i % len(books)]).to_report()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    start = time.perf_counter()
    for i in range(min(args.count, 100)):
        openpyxl.load_workbook(io.BytesIO(books[i % len(books)]))
    theirs = (time.perf_counter() - start) / min(args.count, 100)
    for key, value in machine().items():
        print(f"{key:9} {value}")
    print(f"workbooks read: {args.count} ({len(books)} distinct, {len(books[0]) // 1024} KB each)")
    median = statistics.median(per) * 1000
    print(f"read_xlsx + to_report: {total:.1f} s in all, median {median:.1f} ms")
    print(f"peak traced memory while reading (50 workbooks): {peak / 1e6:.1f} MB")
    print(f"xlsx_bytes (writing): {write * 1000:.1f} ms per workbook")
    print(f"openpyxl.load_workbook alone (for comparison): {theirs * 1000:.1f} ms per workbook")


if __name__ == "__main__":
    main()
