"""Time to write one report as .docx, beside the floor: python-docx saving an empty Document.

Run: ``python benchmarks/bench_docx.py [--repeat N]``. Prints the best and median time of
each, per call, and the ratio (the aim is within 1.5x of the floor).
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from machine import cpu_model  # benchmarks/machine.py, beside this script

from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.formats.json.codec import load

if TYPE_CHECKING:
    from collections.abc import Callable

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "jinlongshan-2021.json"


def floor() -> bytes:
    """What python-docx needs at least: load its template, save it."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def timings(func: Callable[[], object], repeat: int) -> list[float]:
    func()  # warm up: imports, caches
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    report = load(EXAMPLE)
    results = {
        "python-docx empty Document (floor)": timings(floor, args.repeat),
        f"docx_bytes({EXAMPLE.name})": timings(lambda: docx_bytes(report), args.repeat),
    }
    print(f"python {platform.python_version()}, python-docx {docx.__version__}, {cpu_model()}")
    for name, values in results.items():
        best, median = min(values) * 1000, statistics.median(values) * 1000
        print(f"{name:45} best {best:7.2f} ms   median {median:7.2f} ms")
    floor_median, ours_median = (statistics.median(v) for v in results.values())
    print(f"ratio (median): {ours_median / floor_median:.2f}x the floor")


if __name__ == "__main__":
    main()
