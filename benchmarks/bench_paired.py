"""Reading (and auditing) time of this tree against a commit's, paired in one process.

``python benchmarks/bench_paired.py --baseline COMMIT [--rounds R] [--pages N] [--utf8]``
``[--site]``

On a shared machine the wall time of one process drifts between runs by more than the
differences worth measuring (5 to 15 % seen here, within minutes). So both sources are run
in one process, on the same page one right after the other (which goes first is drawn for
each page): both meet the same load. Each round (N pages of
``bench_read.py``, default 50, GBK or ``--utf8``) gives the two sources' times a page and
their ratio; the median ratio over ``R`` rounds (default 12) is reported, for reading
(``read_html``) and for reading then auditing (``audit`` of the record).

``--site`` puts the furniture of a real site's page around each report: a style sheet with
``overflow:hidden`` and a hidden pop-up, a search form with ``<input type=hidden>``. Such a
page may hide elements (the words are in it), as nearly every real page may, and is read
the way that looks for hidden elements; the plain pages (Word exports alone) are not.

Both sources are copied and imported under names of the same length, ``govinfo_report_t``
(this tree's ``src``) and ``govinfo_report_b`` (the commit's, from ``git archive``), their
absolute imports rewritten: a source imported as itself and the other as a copy were seen to
differ by 1.5 % where they were the same code. The package imported first is placed
differently in memory, so the measure is taken twice, in two processes, once with each
imported first, and the geometric mean of the two ratios is reported as well.
``--control`` measures this tree against a copy of itself: what the method gives where there
is no difference: on the machine of docs/performance.md, within about 1.5 % of 1 either
way, the resolution of the method.
"""

from __future__ import annotations

import argparse
import importlib
import math
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench_callgrind import baseline_src as archived  # beside this script

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).parents[1]
#: What a real site's page puts around the article, with the words that may hide.
_SITE = (
    "<style>.nav{overflow:hidden;height:36px}.pop{display:none}.ewm img{width:90px}</style>"
    "<div class=nav><a href=/>首页</a><a href=/zwgk/>政务公开</a></div>"
    "<form action=/search><input type=hidden name=webid value=3>"
    "<input type=hidden name=siteid value=12><input name=q></form>"
    "<div class=pop>扫一扫在手机上查看当前页面</div>"
)
_ORIGINAL = "govinfo_report"
_PACKAGE = "govinfo_report_t"  # this tree
_BASELINE = "govinfo_report_b"  # the commit (or, with --control, this tree again)
_IMPORT = re.compile(rf"\b{_ORIGINAL}\b")


def _copy_as(src: Path, name: str, into: Path) -> None:
    """The package of ``src`` as ``name`` under ``into``."""
    for path in (src / _ORIGINAL).rglob("*"):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        target = into / name / path.relative_to(src / _ORIGINAL)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".py":
            target.write_text(_IMPORT.sub(name, path.read_text(encoding="utf-8")))
        else:
            target.write_bytes(path.read_bytes())


def _sources(commit: str | None, into: Path) -> None:
    """This tree's package and ``commit``'s (this tree's again with ``None``) under ``into``."""
    _copy_as(ROOT / "src", _PACKAGE, into)
    _copy_as(
        ROOT / "src" if commit is None else archived(commit, into / "archive"), _BASELINE, into
    )


def _steps(package: str) -> tuple[Callable[[bytes], object], Callable[[object], object]]:
    read = importlib.import_module(f"{package}.published.readers").read_html
    audit = importlib.import_module(f"{package}.published.audit").audit
    return read, audit


def _child(folder: Path, pages_dir: Path, rounds: int, *, baseline_first: bool) -> None:
    """The measured process: prints one line a round, ``read_ratio all_ratio`` (tree/base)."""
    sys.path.insert(0, str(folder))
    order = [_BASELINE, _PACKAGE] if baseline_first else [_PACKAGE, _BASELINE]
    steps = {name: _steps(name) for name in order}
    pages = [path.read_bytes() for path in sorted(pages_dir.glob("p*.html"))]
    for read, audit in steps.values():
        for page in pages[:3]:
            audit(read(page))
    clock = time.perf_counter
    sides = [_PACKAGE, _BASELINE]
    # Which goes first is drawn for each page: taking turns in a fixed pattern was seen to
    # favour one side by 1.5 to 2 % where both were the same code (the garbage collector's
    # passes, due every so many objects, fell in step with the pattern).
    draw = random.Random(1729)  # noqa: S311 - an order, not a secret
    for _ in range(rounds):
        spent = {(name, part): 0.0 for name in sides for part in ("read", "audit")}
        for page in pages:
            for name in sides if draw.random() < 0.5 else reversed(sides):  # noqa: PLR2004
                read, audit = steps[name]
                start = clock()
                record = read(page)
                middle = clock()
                audit(record)
                end = clock()
                spent[name, "read"] += middle - start
                spent[name, "audit"] += end - middle
        tree_read, base_read = spent[_PACKAGE, "read"], spent[_BASELINE, "read"]
        tree_all = tree_read + spent[_PACKAGE, "audit"]
        base_all = base_read + spent[_BASELINE, "audit"]
        n = len(pages)
        print(
            f"{tree_read / base_read:.5f} {tree_all / base_all:.5f} "
            f"{base_read / n * 1e3:.4f} {tree_read / n * 1e3:.4f} "
            f"{base_all / n * 1e3:.4f} {tree_all / n * 1e3:.4f}",
            flush=True,
        )


def _run(folder: Path, pages: Path, rounds: int, *, baseline_first: bool) -> list[list[float]]:
    command = [sys.executable, __file__, "--child", str(folder), str(pages), str(rounds)]
    if baseline_first:
        command.append("--baseline-first")
    out = subprocess.run(command, check=True, capture_output=True, text=True)  # noqa: S603
    return [[float(x) for x in line.split()] for line in out.stdout.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="the commit to compare with")
    parser.add_argument("--control", action="store_true", help="this tree against itself")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--utf8", action="store_true", help="the pages in UTF-8")
    parser.add_argument("--site", action="store_true", help="a site's furniture around them")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--baseline-first", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, pages, rounds = args.child
        _child(Path(folder), Path(pages), int(rounds), baseline_first=args.baseline_first)
        return
    if (args.baseline is None) == (not args.control):
        parser.error("give --baseline COMMIT or --control")
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_read  # noqa: PLC0415 - beside this script

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pages = folder / "pages"
        pages.mkdir()
        for i, gbk in enumerate(bench_read._pages(args.pages)):  # noqa: SLF001 - the same pages
            text, codec = gbk.decode("gbk"), "gbk"
            if args.utf8:
                text, codec = text.replace("charset=gbk", "charset=utf-8", 1), "utf-8"
            if args.site:
                body = text.index(">", text.index("<body")) + 1
                text = text[:body] + _SITE + text[body:]
            (pages / f"p{i:03d}.html").write_bytes(text.encode(codec))
        _sources(None if args.control else args.baseline, folder)
        label = "a copy of this tree" if args.control else args.baseline
        kind = "UTF-8" if args.utf8 else "GBK"
        kind += ", with a site's furniture" if args.site else ""
        print(f"this tree against {label}: {args.pages} pages ({kind}), {args.rounds} rounds")
        means = []
        for baseline_first in (False, True):
            rows = _run(folder, pages, args.rounds, baseline_first=baseline_first)
            first = _BASELINE if baseline_first else _PACKAGE
            ratio_read = statistics.median(row[0] for row in rows)
            ratio_all = statistics.median(row[1] for row in rows)
            means.append((ratio_read, ratio_all))
            print(
                f"  {first} imported first: read {ratio_read:.3f}, read + audit "
                f"{ratio_all:.3f} (ms a page, medians: read "
                f"{statistics.median(row[2] for row in rows):.3f} -> "
                f"{statistics.median(row[3] for row in rows):.3f}, read + audit "
                f"{statistics.median(row[4] for row in rows):.3f} -> "
                f"{statistics.median(row[5] for row in rows):.3f})"
            )
        read = math.sqrt(means[0][0] * means[1][0])
        both = math.sqrt(means[0][1] * means[1][1])
        print(f"  this tree / {label}: read {read:.3f}, read + audit {both:.3f}")


if __name__ == "__main__":
    main()
