"""Time to write one report as a web page, beside the time to write it as .docx.

Run: ``python benchmarks/bench_html.py [--repeat N]``. Prints the best and median time of
each, per call, and the ratio (the aim: a page in under a tenth of the .docx time), then the
time to read the page back (``read_html``, with its embedded data checked) for scale.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING

from machine import cpu_model  # benchmarks/machine.py, beside this script

from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.formats.html.writer import html_text
from govinfo_report.formats.json.codec import load
from govinfo_report.published.readers import read_html

if TYPE_CHECKING:
    from collections.abc import Callable

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "jinlongshan-2021.json"


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
    page = html_text(report)
    results = {
        f"docx_bytes({EXAMPLE.name})": timings(lambda: docx_bytes(report), args.repeat),
        f"html_text({EXAMPLE.name})": timings(lambda: html_text(report), args.repeat),
        "html_text(..., fragment=True)": timings(
            lambda: html_text(report, fragment=True), args.repeat
        ),
        "read_html(page) (for scale)": timings(lambda: read_html(page), args.repeat),
    }
    print(f"python {platform.python_version()}, {cpu_model()}; page {len(page.encode())} bytes")
    for name, values in results.items():
        best, median = min(values) * 1000, statistics.median(values) * 1000
        print(f"{name:45} best {best:7.2f} ms   median {median:7.2f} ms")
    docx_median, html_median = (statistics.median(v) for v in list(results.values())[:2])
    print(f"ratio (median): the page takes {html_median / docx_median:.3f}x the .docx time")


if __name__ == "__main__":
    main()
