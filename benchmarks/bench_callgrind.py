"""Instructions a page to read and audit a web page, counted by callgrind (load does not move them).

``python benchmarks/bench_callgrind.py [--baseline COMMIT ...] [--modes all,read,blocks]``
``[--no-tree] [--utf8] [--wall N [--rounds R]]``

Five different pages of ``bench_read.py`` (GBK, about 270 KB each) are written to a
temporary folder; each mode runs under ``valgrind --tool=callgrind`` with
``PYTHONHASHSEED=0`` once on the first page and once on all five, and the difference over
four is the count for a page (imports, compiled patterns and caches left out). Modes:
``all`` (``audit(read_html(page))``), ``read`` (``read_html``), ``blocks`` (decoding and
the page walk, ``html_blocks``). ``--baseline COMMIT`` (any number of times) measures that
commit's ``src`` (extracted with ``git archive``, first on ``PYTHONPATH``) the same way, on
the same pages, in the same run; ``--no-tree`` leaves out this tree's own ``src``.
libxml2 seeds its hash tables at random: counts differ by a few tenths of a million.
Needs ``valgrind`` (not a Python dependency; skipped with a message when missing).

``--utf8`` measures the same pages in UTF-8 (re-encoded, their declaration ``charset=utf-8``).

``--wall N`` times instead of counting: N different pages (default 50), each source in a
process of its own (three pages read first, then the best of five passes over all N, in ms
a page), the sources taken in turn ``R`` times (default 3) and the best of each kept. Wall
time depends on the machine's load: compare sources only within one run, on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).parents[1]
_PAGES = 5


def _step(mode: str) -> Callable[[bytes], object]:
    """What is measured on one page in ``mode``: read and audit, read, or decode and walk."""
    from govinfo_report.published.audit import audit  # noqa: PLC0415 - the code measured
    from govinfo_report.published.readers import read_html  # noqa: PLC0415
    from govinfo_report.published.readers._decode import (  # noqa: PLC0415
        STRICT_UTF8,
        decode_utf8,
    )
    from govinfo_report.published.readers.html import html_blocks  # noqa: PLC0415

    def blocks(page: bytes) -> object:
        text, codec = decode_utf8(page, markup=True)
        return html_blocks(text, "<html>", utf8=page if codec == STRICT_UTF8 else None)

    if mode == "all":
        return lambda page: audit(read_html(page))
    return read_html if mode == "read" else blocks


def _run(pages: Path, n: int, mode: str) -> None:
    """The measured program: read (and audit) the first ``n`` pages of ``pages``."""
    one = _step(mode)
    for page in [(pages / f"p{i}.html").read_bytes() for i in range(n)]:
        one(page)


def _time(pages: Path, n: int, mode: str) -> None:
    """The timed program: the best of five passes over the ``n`` pages, ms a page."""
    import time  # noqa: PLC0415 - only here

    one = _step(mode)
    data = [(pages / f"p{i}.html").read_bytes() for i in range(n)]
    for page in data[:3]:
        one(page)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for page in data:
            one(page)
        best = min(best, time.perf_counter() - start)
    print(f"{best / n * 1000:.4f}")


def _wall(src: Path | None, pages: Path, n: int, mode: str) -> float:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    command = [sys.executable, __file__, "--time", str(pages), str(n), mode]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return float(out.stdout.split()[-1])


def _report_wall(
    sources: list[tuple[str, Path | None]], pages: Path, modes: list[str], rounds: int
) -> None:
    count = len(list(pages.glob("p*.html")))
    best = {label: [float("inf")] * len(modes) for label, _ in sources}
    for _ in range(rounds):
        for label, src in sources:
            for k, mode in enumerate(modes):
                best[label][k] = min(best[label][k], _wall(src, pages, count, mode))
    print(f"ms a page, best of {rounds} rounds ({count} pages):", ", ".join(modes))
    for label, times in best.items():
        shown = (f"{m} {t:.3f}" for m, t in zip(modes, times, strict=True))
        print(f"{label:>12}: " + "  ".join(shown))


def _count(src: Path | None, pages: Path, n: int, mode: str, out: Path) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    result = out / f"callgrind.{mode}.{n}.out"
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={result}"]
    command += [sys.executable, __file__, "--run", str(pages), str(n), mode]
    subprocess.run(command, env=env, check=True, capture_output=True)  # noqa: S603
    for line in result.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError(result)  # pragma: no cover - callgrind always writes its totals


def _per_page(src: Path | None, pages: Path, mode: str, out: Path) -> float:
    one = _count(src, pages, 1, mode, out)
    many = _count(src, pages, _PAGES, mode, out)
    return (many - one) / (_PAGES - 1) / 1e6


def baseline_src(commit: str, into: Path) -> Path:
    """``commit``'s ``src`` (``git archive``), extracted under ``into``."""
    archive = subprocess.run(  # noqa: S603
        ["git", "-C", str(ROOT), "archive", commit, "src"],  # noqa: S607
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="append", default=[], help="also this commit")
    parser.add_argument("--no-tree", action="store_true", help="only the baselines")
    parser.add_argument("--modes", default="all,read,blocks")
    parser.add_argument("--utf8", action="store_true", help="the pages in UTF-8")
    parser.add_argument("--wall", type=int, metavar="N", help="time N pages instead")
    parser.add_argument("--rounds", type=int, default=3, help="with --wall: rounds")
    parser.add_argument("--run", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--time", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        _run(Path(args.run[0]), int(args.run[1]), args.run[2])
        return
    if args.time:
        _time(Path(args.time[0]), int(args.time[1]), args.time[2])
        return
    if args.wall is None and shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing measured")
        return
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_read  # noqa: PLC0415 - beside this script

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages = folder / "pages"
        pages.mkdir()
        count = _PAGES if args.wall is None else args.wall
        for i, gbk in enumerate(bench_read._pages(count)):  # noqa: SLF001 - the same pages
            page = gbk
            if args.utf8:
                page = gbk.decode("gbk").replace("charset=gbk", "charset=utf-8", 1).encode()
            (pages / f"p{i}.html").write_bytes(page)
        sources: list[tuple[str, Path | None]] = (
            [] if args.no_tree else [("this tree", ROOT / "src")]
        )
        for k, commit in enumerate(args.baseline):
            sources.append((commit, baseline_src(commit, folder / f"baseline{k}")))
        modes = args.modes.split(",")
        if args.wall is not None:
            _report_wall(sources, pages, modes, args.rounds)
            return
        print("instructions a page (M):", ", ".join(modes))
        for label, src in sources:
            counts = [_per_page(src, pages, mode, folder) for mode in modes]
            shown = (f"{m} {c:.2f}" for m, c in zip(modes, counts, strict=True))
            print(f"{label:>12}: " + "  ".join(shown))


if __name__ == "__main__":
    main()
