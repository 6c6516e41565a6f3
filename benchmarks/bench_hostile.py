"""Hostile inputs of issue 10: every bounded-cost case, its time and its peak memory.

``python benchmarks/bench_hostile.py [--only NAME] [--timeout S]``

Each case builds its input (in a temporary folder), then reads or checks it in a fresh
child process, so that one case's memory does not count for the next and a case that never
ends is stopped (``--timeout``, default 60 s) and reported as such. Measured in the child:

* the wall time of the call (``time.perf_counter``);
* the peak resident memory above what the child held before the call (``ru_maxrss``: it
  includes lxml's and zlib's own allocations, which ``tracemalloc`` does not see).

The goal (issue 10): every case within 2 s and 200 MB, read or refused with a clear error.
The outcome column says which: ``read`` (with the number of findings) or the error's class.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from machine import machine  # benchmarks/machine.py, beside this script

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).parents[1]
LIMIT_SECONDS = 2.0
LIMIT_MB = 200.0

_HEAD = "<html><head><meta charset='utf-8'></head><body><h1>某县2023年政府信息公开工作年度报告</h1>"
_TABLE_HEAD = "<p>三、收到和处理政府信息公开申请情况</p><table>"


def _html(body: str) -> bytes:
    return (_HEAD + body + "</body></html>").encode()


def spans(n: int) -> bytes:
    """``n`` cells spanning 512 rows and 64 columns each (21 KB for 300)."""
    rows = '<tr><td rowspan="512" colspan="64">1</td></tr>' * n
    return _html(f"{_TABLE_HEAD}{rows}<tr><td>本年新收</td></tr></table>")


def huge_colspan() -> bytes:
    return _html(
        f'{_TABLE_HEAD}<tr><td colspan="{"9" * 5000}">本年新收</td><td>1</td></tr></table>'
    )


def long_number_cell() -> bytes:
    return _html(f"{_TABLE_HEAD}<tr><td>本年新收</td><td>{'9' * 5000}</td></tr></table>")


def cells(rows: int, columns: int) -> bytes:
    row = "<tr>" + "".join(f"<td>{c}</td>" for c in range(columns)) + "</tr>"
    return _html(_TABLE_HEAD + row * rows + "</table>")


def fonts(n: int) -> bytes:
    return _html(
        "<div>"
        + "<font>" * n
        + "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td></tr></table></div>"
    )


def _styled(css: str, body: str) -> bytes:
    return (
        f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
        f"<h1>某县2023年政府信息公开工作年度报告</h1>{body}</body></html>"
    ).encode()


def css_rules(n: int) -> bytes:
    """A style sheet of ``n`` hiding rules of distinct classes."""
    return _styled("".join(f".c{i}{{display:none}}" for i in range(n)), "<p>x</p>")


def css_keyed(n: int) -> bytes:
    """``n`` hiding rules of distinct classes, each class on an element of the page."""
    css = "".join(f".c{i}{{display:none}}" for i in range(n))
    return _styled(css, "".join(f"<p class=c{i}>x</p>" for i in range(n)) + "<p>y</p>" * n)


def css_matching(rules: int, elements: int) -> bytes:
    """``rules`` descendant rules that each element of a class must be tried against."""
    css = "".join(f"li.n{i} .x{{display:none}}" for i in range(rules))
    return _styled(css, "<div>" + "<span class=x>x</span>" * elements + "</div>")


def css_deep(depth: int, elements: int) -> bytes:
    """A long descendant selector that fails for ``elements`` spans ``depth`` levels deep."""
    css = "li " + "div " * 9 + "span{display:none}"
    return _styled(css, "<div>" * depth + "<span>x</span>" * elements + "</div>" * depth)


def text_table(lines: int) -> bytes:
    head = "某县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    return (head + "".join(f"\t格{i % 97}\n" for i in range(lines))).encode()


def text_rows(lines: int) -> bytes:
    """A table of one-cell rows: a tab, a short label, an empty line (rows of their own)."""
    head = "某县2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    return (head + "".join(f"\t格{i}\n\n" for i in range(lines // 2))).encode()


def tabs(n: int) -> bytes:
    return (
        "某县2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + "\t" * n + "\n"
    ).encode()


def _docx(document: bytes) -> bytes:
    sys.path.insert(0, str(ROOT / "src"))
    from govinfo_report import AnnualReport, docx_bytes  # noqa: PLC0415 - built once, in the parent

    blank = docx_bytes(AnnualReport(organ="某县", year=2023))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(blank)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst,
    ):
        for info in src.infolist():
            data = document if info.filename == "word/document.xml" else src.read(info.filename)
            dst.writestr(info.filename, data)
    return out.getvalue()


_WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_rows(n: int) -> bytes:
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + cell.format("本年新收") + cell.format("1") + "</w:tr>"
    return _docx(
        f"<w:document {_WNS}><w:body><w:tbl>{row * n}</w:tbl></w:body></w:document>".encode()
    )


def docx_paragraphs(n: int) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{i % 10}</w:t></w:r></w:p>" for i in range(n))
    return _docx(f"<w:document {_WNS}><w:body>{body}</w:body></w:document>".encode())


def docx_styles(n: int) -> bytes:
    """A styles part of ``n`` styles, each based on the one before, the first hidden."""
    first = '<w:style w:type="character" w:styleId="s0"><w:rPr><w:vanish/></w:rPr></w:style>'
    rest = "".join(
        f'<w:style w:type="character" w:styleId="s{i}"><w:basedOn w:val="s{i - 1}"/></w:style>'
        for i in range(1, n)
    )
    styles = f"<w:styles {_WNS}>{first}{rest}</w:styles>".encode()
    run = f'<w:r><w:rPr><w:rStyle w:val="s{n - 1}"/></w:rPr><w:t>9</w:t></w:r>'
    document = f"<w:document {_WNS}><w:body><w:p>{run}</w:p></w:body></w:document>".encode()
    data = _docx(document)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            part = styles if info.filename == "word/styles.xml" else src.read(info.filename)
            dst.writestr(info.filename, part)
    return out.getvalue()


def json_list(n: int) -> bytes:
    doc = {
        "format": "govinfo-report",
        "schema_version": 1,
        "edition": "2021",
        "organ": "某县",
        "year": 2023,
        "overview": {"opening": [1] * n, "parts": []},
        "problems": {},
    }
    return json.dumps(doc).encode()


def json_digits(n: int) -> bytes:
    return (
        '{"format": "govinfo-report", "schema_version": 1, "edition": "2021", "organ": "x", '
        f'"year": 2023, "proactive": {{"licensing": {"9" * n}}}}}'
    ).encode()


#: name -> (builder of the input, suffix, what is done with it)
CASES: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "html: 300 cells rowspan=512 colspan=64": (lambda: spans(300), ".html", "read"),
    "html: 1000 cells rowspan=512 colspan=64": (lambda: spans(1000), ".html", "read"),
    "html: colspan of 5000 nines": (huge_colspan, ".html", "read"),
    "html: a 5000-digit cell": (long_number_cell, ".html", "read"),
    "html: 1000 x 10 cells": (lambda: cells(1000, 10), ".html", "read"),
    "html: 250 unclosed <font>": (lambda: fonts(250), ".html", "read"),
    "html: 300 unclosed <font>": (lambda: fonts(300), ".html", "read"),
    "html: style sheet of 10,001 hiding rules": (lambda: css_rules(10_001), ".html", "read"),
    "html: 3,000 hiding classes, each on the page": (lambda: css_keyed(3000), ".html", "read"),
    "html: 50 descendant rules x 5000 elements": (
        lambda: css_matching(50, 5000),
        ".html",
        "read",
    ),
    "html: 10-part selector, 2000 spans 200 deep": (lambda: css_deep(200, 2000), ".html", "read"),
    "text: table of 10,000 lines": (lambda: text_table(10_000), ".txt", "read"),
    "text: table of 20,000 lines": (lambda: text_table(20_000), ".txt", "read"),
    "text: 10,000 lines of one-cell rows": (lambda: text_rows(10_000), ".txt", "read"),
    "text: 20,000 lines of one-cell rows": (lambda: text_rows(20_000), ".txt", "read"),
    "text: 7 million tabs on a line": (lambda: tabs(7_000_000), ".txt", "read"),
    "docx: table of 10,000 rows": (lambda: docx_rows(10_000), ".docx", "read"),
    "docx: 1.1 million paragraphs": (lambda: docx_paragraphs(1_100_000), ".docx", "read"),
    "docx: 100,000 styles in one w:basedOn chain": (
        lambda: docx_styles(100_000),
        ".docx",
        "read",
    ),
    "docx: 30,000 styles in one w:basedOn chain": (
        lambda: docx_styles(30_000),
        ".docx",
        "read",
    ),
    "json: narrative list of a million numbers": (lambda: json_list(1_000_000), ".json", "check"),
    "json: narrative list of 15 million numbers": (
        lambda: json_list(15_000_000),
        ".json",
        "check",
    ),
    "json: a count of 4300 digits": (lambda: json_digits(4300), ".json", "check"),
    "folder: a FIFO named b.json beside a report": (lambda: json_digits(3), ".json", "fifo"),
}


def _child(path: str, action: str, queue: mp.Queue[tuple[float, float, str]]) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import govinfo_report as g  # noqa: PLC0415 - imported in the child, before the baseline
    from govinfo_report.formats.json.codec import parse_json  # noqa: PLC0415

    g.read_html(b"<p>warm</p>")  # load lxml and the readers before measuring
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        if action == "fifo":
            from govinfo_report.many.aggregate import iter_reports  # noqa: PLC0415

            folder = Path(path).parent / "units"
            folder.mkdir()
            Path(path).rename(folder / "a.json")
            os.mkfifo(folder / "b.json")  # never opened for writing: reading it would block
            outcome = f"read ({len(list(iter_reports(folder)))} inputs)"
        elif action == "read":
            outcome = f"read ({len(g.audit(g.read(path)))} findings)"
        else:
            outcome = f"checked ({len(g.check(parse_json(Path(path).read_bytes())))} findings)"
    except g.GovinfoReportError as exc:
        outcome = f"refused: {type(exc).__name__}"
    except Exception as exc:  # noqa: BLE001 - a benchmark reports every outcome
        outcome = f"TRACEBACK {type(exc).__name__}"
    seconds = time.perf_counter() - start
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
    queue.put((seconds, peak, outcome))


def run(name: str, folder: Path, timeout: float) -> tuple[str, float | None, float | None, str]:
    build, suffix, action = CASES[name]
    path = folder / f"case{suffix}"
    path.write_bytes(build())
    queue: mp.Queue[tuple[float, float, str]] = mp.Queue()
    child = mp.Process(target=_child, args=(str(path), action, queue))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return name, None, None, f"did not finish in {timeout:.0f} s"
    if queue.empty():
        return name, None, None, f"child died (exit {child.exitcode})"
    seconds, peak, outcome = queue.get()
    return name, seconds, peak, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    print(" | ".join(f"{k}: {v}" for k, v in machine().items()))
    print()
    print("| case | time (s) | peak memory (MB) | outcome | within bounds |")
    print("|---|---:|---:|---|---|")
    failed = False
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for name in CASES:
            if args.only and args.only not in name:
                continue
            _, seconds, peak, outcome = run(name, Path(tmp), args.timeout)
            ok = (
                seconds is not None
                and peak is not None
                and seconds <= LIMIT_SECONDS
                and peak <= LIMIT_MB
                and "TRACEBACK" not in outcome
            )
            failed |= not ok
            t = "–" if seconds is None else f"{seconds:.2f}"
            m = "–" if peak is None else f"{peak:.0f}"
            print(f"| {name} | {t} | {m} | {outcome} | {'yes' if ok else 'NO'} |", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
