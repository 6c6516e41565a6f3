"""Read and audit a batch of Word-export-like web pages: reports per second, peak memory.

``python benchmarks/bench_read.py [N]``: N pages (default 200) of about 300 KB each, made by
the test helper ``tests/readers/wordhtml.py`` from the example report, padded with the
narrative a long report has.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
import time
import tracemalloc
from pathlib import Path

import attrs

from govinfo_report.audit import audit
from govinfo_report.model import Part
from govinfo_report.readers import read_html
from govinfo_report.serialization import loads

ROOT = Path(__file__).parents[1]


def _pages(n: int) -> list[bytes]:
    spec = importlib.util.spec_from_file_location("wordhtml", ROOT / "tests/readers/wordhtml.py")
    assert spec is not None
    assert spec.loader is not None
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    report = loads((ROOT / "examples/city-department-2023.json").read_text(encoding="utf-8"))
    filler = "本机关坚持以公开为常态、不公开为例外，持续深化政务公开工作。" * 6
    parts = tuple(Part(title=f"工作{i}", paragraphs=(filler,) * 8) for i in range(40))
    report = attrs.evolve(report, overview=attrs.evolve(report.overview, parts=parts))
    page = helper.render(report, zero=lambda _k: "/").encode("gbk")
    return [page] * n


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    pages = _pages(n)
    size = len(pages[0])
    start = time.perf_counter()
    for page in pages:
        audit(read_html(page))
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    audit(read_html(pages[0]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    cpu = "unknown"
    with Path("/proc/cpuinfo").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    print(f"pages: {n} x {size / 1024:.0f} KB (GBK)")
    print(f"read+audit: {n / elapsed:.1f} reports/s ({elapsed / n * 1000:.1f} ms each), one core")
    print(f"peak traced memory for one page: {peak / 1024 / 1024:.1f} MB")
    print(f"machine: nproc={os.cpu_count()}, {cpu}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
