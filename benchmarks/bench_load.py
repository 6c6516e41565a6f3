"""Load and check 10,000 report JSON documents, beside ``json.loads`` of the same texts.

The documents are generated deterministically (a seeded :class:`random.Random`) through the
model, from ``examples/city-department-2023.json``: every filled-in cell of the three tables
and the fee figures is redrawn around its value in the example, the 一、本年新收 row follows
from the 勾稽关系, so every document is sound and they all differ. The narrative is the
example's.

Measured, best of ``--repeat`` passes over all documents:

* ``json.loads``: the floor, parsing the text only;
* ``govinfo_report.loads``: parsing, every check of the format, and the ``AnnualReport``;
* ``govinfo_report.check``: parsing with ``json.loads`` and listing findings (what
  ``govinfo-report check`` does per file);
* the slow path alone (``formats.json._strict.check_slow``: the cell walk, the sum rules, then
  structuring), which ``loads`` runs only when its fast path fails: what loading cost before
  the fast path, and what a document with a problem costs;
* the two steps of ``loads``, each alone in the same run: plain ``json.loads`` with exact
  amounts and ``NaN`` refused (``codec._parse_plain``) of each text, then the fast path,
  which checks everything, makes the ``AnnualReport`` and proves by counting that no key is
  repeated (``codec._sound_unique``), of each parsed document;
* the two steps of the long way, which ``loads`` takes when the count cannot prove that no
  key is repeated (and ``from_dict(parse_json(text))`` always takes): ``parse_json``
  (``json.loads`` with a repeated key refused by an ``object_pairs_hook``) and
  ``from_dict``.

Peak memory (``tracemalloc``) is measured in a separate pass that keeps every result in a
list, as a tool aggregating the reports would.

Run::

    .venv/bin/python benchmarks/bench_load.py [--count 10000] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import pstats
import random
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from machine import machine  # benchmarks/machine.py, beside this script

import govinfo_report
from govinfo_report import AnnualReport
from govinfo_report.formats.json._strict import check_slow
from govinfo_report.formats.json.codec import _parse_plain, _sound_unique, from_dict, parse_json
from govinfo_report.model import (
    Appeals,
    ApplicantCounts,
    DocumentCounts,
    HandlingResults,
    NotProcessed,
    OtherHandling,
    Outcomes,
    ProactiveDisclosure,
    ProcessingFees,
    Requests,
    Unavailable,
    Withheld,
)

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "city-department-2023.json"
SEED = 20_240_126
#: How often a cell that is 0 in the example may become 1.
NEW_CELL_CHANCE = 0.1
APPLICANTS = tuple(f.name for f in attrs.fields(ApplicantCounts))
GROUPS: dict[str, type[Withheld | Unavailable | NotProcessed | OtherHandling]] = {
    "withheld": Withheld,
    "unavailable": Unavailable,
    "not_processed": NotProcessed,
    "other": OtherHandling,
}


def _near(rng: random.Random, value: int) -> int:
    """A count around ``value``: 0 to twice it, and sometimes 1 where it was 0."""
    return rng.randint(0, 2 * value + (1 if rng.random() < NEW_CELL_CHANCE else 0))


def _row(rng: random.Random, base: ApplicantCounts) -> ApplicantCounts:
    return ApplicantCounts(**{c: _near(rng, getattr(base, c)) for c in APPLICANTS})


def _results(rng: random.Random, base: HandlingResults) -> HandlingResults:
    groups: dict[str, Any] = {}
    for name, cls in GROUPS.items():
        group = getattr(base, name)
        groups[name] = cls(**{item: _row(rng, getattr(group, item)) for item in cls.ITEMS})
    return HandlingResults(
        disclosed=_row(rng, base.disclosed),
        partially_disclosed=_row(rng, base.partially_disclosed),
        **groups,
    )


def _outcomes(rng: random.Random, base: Outcomes) -> Outcomes:
    return Outcomes(
        upheld=_near(rng, base.upheld),
        corrected=_near(rng, base.corrected),
        other=_near(rng, base.other),
        pending=_near(rng, base.pending),
    )


def _documents(rng: random.Random, base: DocumentCounts) -> DocumentCounts:
    return DocumentCounts(
        issued=_near(rng, base.issued),
        repealed=_near(rng, base.repealed),
        in_force=_near(rng, base.in_force),
    )


def variant(rng: random.Random, base: AnnualReport) -> AnnualReport:
    """A sound report with every filled-in cell redrawn around ``base``'s value."""
    # The benchmark's documents follow the 2021 edition, as the examples it starts from do.
    assert isinstance(base.requests.results, HandlingResults)
    assert isinstance(base.proactive, ProactiveDisclosure)
    results = _results(rng, base.requests.results)
    carried_over = _row(rng, base.requests.carried_over)
    carried_forward = _row(rng, base.requests.carried_forward)
    handled = results.total
    # 一 + 二 = 三（七） + 四: draw 二 and 四, and let 一 follow; raise 四 where 一 would be < 0.
    forward = {
        c: max(getattr(carried_forward, c), getattr(carried_over, c) - getattr(handled, c))
        for c in APPLICANTS
    }
    new = ApplicantCounts(
        **{c: getattr(handled, c) + forward[c] - getattr(carried_over, c) for c in APPLICANTS}
    )
    p = base.proactive
    notices = _near(rng, base.other_matters.fees.notices)
    notices_amount = Decimal(notices * rng.randint(50, 800)).quantize(Decimal("0.01"))
    collected = (notices_amount * Decimal(rng.randint(0, 100)) / 100).quantize(Decimal("0.01"))
    if results.other.fee_unpaid.total and not notices:
        notices, notices_amount = 1, Decimal("100.00")
    return attrs.evolve(
        base,
        proactive=ProactiveDisclosure(
            regulations=_documents(rng, p.regulations),
            normative_documents=_documents(rng, p.normative_documents),
            licensing=_near(rng, p.licensing),
            punishment=_near(rng, p.punishment),
            coercion=_near(rng, p.coercion),
            fees=Decimal(rng.randint(0, 5000)) / 100,
        ),
        requests=Requests(
            new=new,
            carried_over=carried_over,
            results=results,
            carried_forward=ApplicantCounts(**forward),
        ),
        appeals=Appeals(
            reconsideration=_outcomes(rng, base.appeals.reconsideration),
            direct_litigation=_outcomes(rng, base.appeals.direct_litigation),
            litigation_after_reconsideration=_outcomes(
                rng, base.appeals.litigation_after_reconsideration
            ),
        ),
        other_matters=attrs.evolve(
            base.other_matters,
            fees=ProcessingFees(
                notices=notices, notices_amount=notices_amount, collected=collected
            ),
        ),
    )


def corpus(count: int, seed: int = SEED) -> list[str]:
    """``count`` JSON texts, the same for the same ``count`` and ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not cryptography
    base = govinfo_report.load(BASE)
    return [govinfo_report.dumps(variant(rng, base)) for _ in range(count)]


def best_times(
    runs: list[tuple[str, Callable[[Any], object], list[Any]]], repeat: int
) -> dict[str, float]:
    """The fastest of ``repeat`` passes of each run over its inputs, in seconds.

    The passes are interleaved (one of each run per round), so that a shared machine's
    changing load falls on every run alike and the ratios of one run compare; the garbage
    collector is on.
    """
    best = {name: float("inf") for name, _, _ in runs}
    for _ in range(repeat):
        for name, func, inputs in runs:
            gc.collect()
            start = time.perf_counter()
            for item in inputs:
                func(item)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def peak_memory(func: Callable[[str], object], texts: list[str]) -> int:
    """Peak bytes allocated while keeping the result of every text in a list."""
    gc.collect()
    tracemalloc.start()
    kept = [func(text) for text in texts]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return peak


def check_text(text: str) -> object:
    """What ``govinfo-report check`` does for one file, after reading it."""
    findings = govinfo_report.check(json.loads(text, parse_float=Decimal))
    if findings:
        msg = f"unexpected findings: {findings[0].message_en}"
        raise AssertionError(msg)
    return findings


def slow_path(text: str) -> object:
    """``loads`` without its fast path: every cell walked and every rule applied."""
    report, findings = check_slow(json.loads(text, parse_float=Decimal))
    if report is None or findings:
        msg = "unexpected findings"
        raise AssertionError(msg)
    return report


def sound_unique(parsed: tuple[str, dict[str, Any]] | None) -> object:
    """Step 2 of ``loads`` for a document its step 1 parsed."""
    report = None if parsed is None else _sound_unique(*parsed)
    if report is None:
        msg = "every document should take the fast path"
        raise AssertionError(msg)
    return report


def profile(texts: list[str], top: int) -> None:
    """Profile ``govinfo_report.loads`` over ``texts``; print the top functions, cumulative."""
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        govinfo_report.loads(text)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, measure, print a Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10_000, help="documents (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--profile", action="store_true", help="also profile loads()")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    texts = corpus(args.count)
    generated = time.perf_counter() - start
    digest = hashlib.sha256("".join(texts).encode()).hexdigest()[:16]
    size = sum(len(t.encode()) for t in texts)
    first = govinfo_report.loads(texts[0])
    if not all(govinfo_report.is_consistent(json.loads(t)) for t in texts[:100]):
        msg = "the generated documents should be sound"
        raise AssertionError(msg)

    parsed = [parse_json(text) for text in texts]
    plain = [_parse_plain(text) for text in texts]
    runs: list[tuple[str, Callable[[Any], object], list[Any]]] = [
        ("`json.loads` (floor)", json.loads, texts),
        ("`govinfo_report.loads`", govinfo_report.loads, texts),
        ("`govinfo_report.check`", check_text, texts),
        ("slow path alone", slow_path, texts),
        ("step 1 of `loads`: plain `json.loads`", _parse_plain, texts),
        ("step 2 of `loads`: fast path and count", sound_unique, plain),
        ("long way, step 1: `parse_json`", parse_json, texts),
        ("long way, step 2: `from_dict`", from_dict, parsed),
    ]
    print("## Machine\n")
    for key, value in machine().items():
        print(f"- {key}: {value}")
    print(
        f"\n## Corpus\n\n- {args.count} documents, {size / 1e6:.1f} MB of JSON "
        f"(mean {size / args.count / 1024:.1f} KiB), sha256 prefix {digest}, "
        f"generated in {generated:.1f} s\n- first: {first.organ}, "
        f"{first.requests.new.total} new requests\n"
    )
    print(
        f"## Results (best of {args.repeat} interleaved passes)\n\n"
        "| what | seconds | reports/s | × floor | peak memory (MiB) |\n"
        "|---|---:|---:|---:|---:|"
    )
    seconds = best_times(runs, args.repeat)
    floor = seconds[runs[0][0]]
    for name, func, inputs in runs:
        peak = f"{peak_memory(func, texts) / 2**20:,.0f}" if inputs is texts else "—"
        print(
            f"| {name} | {seconds[name]:.2f} | {args.count / seconds[name]:,.0f} | "
            f"{seconds[name] / floor:.2f} | {peak} |"
        )
    del parsed, plain
    if args.profile:
        print("\n## Profile of govinfo_report.loads (cumulative)\n\n```")
        profile(texts[: min(len(texts), 2000)], top=40)
        print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
