"""Read and audit a batch of Word-export-like web pages: reports per second, peak memory.

``python benchmarks/bench_read.py --pdf [--runs R]``: read PDFs instead (pages per second,
and the ratio to pdfplumber's own plain text extraction of the same file): the example saved
as PDF by LibreOffice (when ``soffice`` is installed), the WPS-like drawing of the test
helper ``tests/readers/wpslike.py``, each also without rules (tables rebuilt from their
headers and labels), and the shared WPS-made sample when it is beside the repository.

``python benchmarks/bench_read.py [N] [--runs R]``: N pages (default 200) of about 270 KB
each, made by the test helper ``tests/readers/wordhtml.py`` from the example report, padded
with the narrative a long report has. Every page is different (organ, some figures and every
narrative paragraph vary, with a fixed seed), so that nothing remembered from one page
answers for the next except what real reports share: labels, headers, common values.
The batch is timed ``R`` times (default 3) and the best run is reported, since the machine
may be shared; the same page read N times (the measure first recorded) is shown too.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import io
import json
import os
import platform
import random
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import attrs
from machine import cpu_model  # benchmarks/machine.py, beside this script

from govinfo_report.formats.json.codec import loads
from govinfo_report.model import Part
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_html, read_pdf

ROOT = Path(__file__).parents[1]
_FILLER = "本机关坚持以公开为常态、不公开为例外，持续深化政务公开工作。"


def _helper() -> Any:  # noqa: ANN401 - a module loaded by path
    spec = importlib.util.spec_from_file_location("wordhtml", ROOT / "tests/readers/wordhtml.py")
    assert spec is not None
    assert spec.loader is not None
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    return helper


def _bump(row: dict[str, Any], column: str, k: int) -> None:
    row[column] += k
    row["total"] += k


def _pages(n: int, *, distinct: bool = True, seed: int = 4) -> list[bytes]:
    """``n`` pages in GBK: each different, or (``distinct=False``) one page ``n`` times."""
    helper = _helper()
    rnd = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    base = json.loads((ROOT / "examples/city-department-2023.json").read_text(encoding="utf-8"))
    pages = []
    for i in range(n if distinct else 1):
        d = copy.deepcopy(base)
        if distinct:
            d["organ"] = f"某市某区第{i}单位"
            d["title"] = f"{d['organ']}2023年政府信息公开工作年度报告"
            d["proactive"]["licensing"] = rnd.randint(0, 5000)
            d["proactive"]["punishment"] = rnd.randint(0, 500)
            k, column = rnd.randint(0, 50), rnd.choice(["natural_person", "other"])
            requests = d["requests"]
            _bump(requests["new"], column, k)
            _bump(requests["results"]["disclosed"], column, k)
            _bump(requests["results"]["total"], column, k)
        report = loads(json.dumps(d, ensure_ascii=False))
        parts = tuple(
            Part(
                title=f"工作{j}",
                paragraphs=tuple(
                    (f"第{i}-{j}-{k}段：" if distinct else "") + _FILLER * 6 for k in range(8)
                ),
            )
            for j in range(40)
        )
        report = attrs.evolve(report, overview=attrs.evolve(report.overview, parts=parts))
        pages.append(helper.render(report, zero=lambda _k: "/").encode("gbk"))
    return pages if distinct else pages * n


def _best(pages: list[bytes], runs: int) -> float:
    """The shortest time of ``runs`` passes over ``pages`` (read and audit each)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for page in pages:
            audit(read_html(page))
        best = min(best, time.perf_counter() - start)
    return best


def _pdfs() -> dict[str, bytes]:
    """The PDFs measured (see the module docstring)."""
    from tests.readers import pdfs, wpslike  # noqa: PLC0415 - the test helpers, only for --pdf

    from govinfo_report.formats.docx.writer import docx_bytes  # noqa: PLC0415

    report = loads((ROOT / "examples/city-department-2023.json").read_text(encoding="utf-8"))
    found = {
        "WPS-like drawing (tests/readers/wpslike.py)": wpslike.report_pdf(report),
        "WPS-like drawing, no rules": wpslike.report_pdf(report, wpslike.Style(rules=False)),
    }
    if pdfs.HAVE_SOFFICE:
        docx = docx_bytes(report)
        found["example saved as PDF by LibreOffice"] = pdfs.pdf_of(docx)
        found["the same, borders off"] = pdfs.pdf_of(pdfs.edited(docx, pdfs.no_borders))
    sample = next(
        (d / "shared/samples/huaian-2024.pdf" for d in ROOT.parents if (d / "shared").is_dir()),
        None,
    )
    if sample is not None and sample.exists():
        found["WPS-made sample (huaian-2024.pdf, not in the repository)"] = sample.read_bytes()
    return found


def _plain_text(data: bytes) -> int:
    """pdfplumber's own plain text extraction of every page (the baseline)."""
    import pdfplumber  # noqa: PLC0415 - optional dependency, only for --pdf

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def _time(function: Any, data: bytes, runs: int) -> float:  # noqa: ANN401 - a reader
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function(data)
        best = min(best, time.perf_counter() - start)
    return best


def pdf_main(runs: int) -> None:
    """Pages per second reading PDFs, and the ratio to plain text extraction."""
    import pdfplumber  # noqa: PLC0415 - optional dependency, only for --pdf

    sys.path.insert(0, str(ROOT))
    for name, data in _pdfs().items():
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        _plain_text(data)  # warm: fonts and CMaps loaded once per process
        read = _time(lambda d: audit(read_pdf(d)), data, runs)
        plain = _time(_plain_text, data, runs)
        print(f"{name}: {pages} pages, {len(data) / 1024:.0f} KB")
        print(
            f"  read_pdf+audit: {pages / read:.1f} pages/s ({read * 1000:.0f} ms); "
            f"pdfplumber extract_text: {pages / plain:.1f} pages/s ({plain * 1000:.0f} ms); "
            f"ratio {read / plain:.1f}x"
        )
    tracemalloc.start()
    read_pdf(next(iter(_pdfs().values())))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak traced memory for one PDF: {peak / 1024 / 1024:.1f} MB; best of {runs} runs")
    print(f"machine: nproc={os.cpu_count()}, {cpu_model()}, Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="read PDFs instead of web pages")
    args = parser.parse_args()
    if args.pdf:
        pdf_main(args.runs)
        return
    n = args.n
    pages = _pages(n)
    size = sum(map(len, pages)) / n
    elapsed = _best(pages, args.runs)
    same = _best(_pages(n, distinct=False), args.runs)
    tracemalloc.start()
    audit(read_html(pages[0]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    cpu = cpu_model()
    print(f"pages: {n} different pages, {size / 1024:.0f} KB each (GBK); best of {args.runs} runs")
    print(f"read+audit: {n / elapsed:.1f} reports/s ({elapsed / n * 1000:.1f} ms each), one core")
    print(f"one page read {n} times: {n / same:.1f} reports/s ({same / n * 1000:.1f} ms each)")
    print(f"peak traced memory for one page: {peak / 1024 / 1024:.1f} MB")
    print(f"machine: nproc={os.cpu_count()}, {cpu}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
