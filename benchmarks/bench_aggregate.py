"""Aggregate and check N reports from a JSON Lines file: time and peak memory.

Usage: ``python benchmarks/bench_aggregate.py [N] [--seed S] [--keep DIR]``
(default N = 100,000). The file is generated in a temporary folder, with a fixed seed,
by varying the reports of ``tests/data/series`` (organ, Table A figures, and Table B in
ways that keep the 勾稽关系). Each phase runs in a fresh process, so its peak resident
memory (``ru_maxrss``) is its own:

* ``floor``: ``json.loads`` of every line (the least any reader must do);
* ``aggregate``: :func:`~govinfo_report.many.aggregate.iter_reports` (parse, check every rule,
  build the model) + :func:`~govinfo_report.check` (warnings) +
  :class:`~govinfo_report.many.aggregate.Aggregator`, then the total.

The same phases on N/10 reports show whether memory stays flat as N grows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from machine import cpu_model  # benchmarks/machine.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
SERIES = ROOT / "tests" / "data" / "series"


def _bump(row: dict[str, Any], column: str, k: int) -> None:
    row[column] += k
    row["total"] += k


def generate(path: Path, n: int, seed: int) -> None:
    """Write ``n`` sound reports of 2023, one a line, varied from the series' 2023 report."""
    rnd = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    base = json.loads((SERIES / "2023.json").read_text(encoding="utf-8"))
    columns = ["natural_person", "commercial_enterprise", "other"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            d = json.loads(json.dumps(base))
            d["organ"] = f"某市某区第{i}单位"
            d["title"] = f"{d['organ']}2023年政府信息公开工作年度报告"
            d["proactive"]["licensing"] = rnd.randint(0, 5000)
            d["proactive"]["fees"] = f"{rnd.randint(0, 100000) / 100:.2f}"
            k, column = rnd.randint(0, 50), rnd.choice(columns)
            requests = d["requests"]
            _bump(requests["new"], column, k)
            _bump(requests["results"]["disclosed"], column, k)
            _bump(requests["results"]["total"], column, k)
            f.write(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n")


def _maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1024 / 1024


def phase(name: str, path: Path) -> dict[str, Any]:
    """Run one phase in this process; returns its time and peak memory."""
    start = time.perf_counter()
    if name == "floor":
        with path.open("rb") as f:
            count = sum(1 for line in f if json.loads(line) is not None)
        summed = count
    else:
        from govinfo_report import check  # noqa: PLC0415 - timed phase only
        from govinfo_report.many.aggregate import Aggregator, iter_reports  # noqa: PLC0415

        acc = Aggregator()
        count = warnings = 0
        for item in iter_reports(path):
            count += 1
            assert item.report is not None, item.error
            warnings += len(check(item.report))
            acc.add(item.report)
        total = acc.result(organ="某市某区")
        summed = acc.count
        assert total.requests.new.total > 0
    seconds = time.perf_counter() - start
    return {
        "phase": name,
        "n": count,
        "summed": summed,
        "seconds": seconds,
        "maxrss_mb": _maxrss_mb(),
    }


def _child(name: str, path: Path) -> dict[str, Any]:
    out = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, __file__, "--phase", name, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20231231)
    parser.add_argument("--keep", metavar="DIR", help="generate the file in DIR and keep it")
    parser.add_argument("--phase", nargs=2, metavar=("NAME", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase[0], Path(args.phase[1]))))
        return
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
        for n in (args.n // 10, args.n):
            path = Path(tmp) / f"reports-{n}.jsonl"
            start = time.perf_counter()
            generate(path, n, args.seed)
            size = path.stat().st_size / 1e6
            print(f"\nN = {n:,}: generated {size:,.0f} MB in {time.perf_counter() - start:.1f} s")
            floor = _child("floor", path)
            for r in (floor, _child("aggregate", path)):
                per = r["seconds"] / r["n"] * 1e6
                ratio = r["seconds"] / floor["seconds"]
                print(
                    f"  {r['phase']:<9} {r['seconds']:8.1f} s  {per:8.0f} µs/report  "
                    f"{ratio:5.1f}x floor  peak RSS {r['maxrss_mb']:6.1f} MB"
                )
            path.unlink()


if __name__ == "__main__":
    main()
