"""Batches: reading and auditing in N processes, and progress on a terminal (private).

:func:`in_order` applies a function to every input, in ``jobs`` processes when asked, and
yields the results in the inputs' order, so that the output of ``audit --jobs N`` is the
output of one process, byte for byte. :class:`Progress` tells how far a batch is, on
stderr, only when stderr is a terminal (``--quiet`` silences it): a line per input for a
short batch, one bar redrawn in place for a long one.
"""

from __future__ import annotations

import concurrent.futures
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Final, TextIO, TypeVar

from govinfo_report.cli._common import one_line
from govinfo_report.cli._i18n import tr

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator, Sequence

__all__ = ["Progress", "add_batch_options", "in_order"]

_T = TypeVar("_T")
_R = TypeVar("_R")

#: From this many inputs on, progress is a bar rather than a line per input.
BAR_FROM: Final = 20
_WIDTH: Final = 30


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        msg = f"{text} is not a number of processes (1 or more)"
        raise ValueError(msg)
    return value


def add_batch_options(parser: argparse.ArgumentParser) -> None:
    """``--jobs N`` and ``--quiet``."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help=tr(
            "用 N 个进程并行读取和审核；输出与单进程相同",
            "read and audit in N processes; the output is the same",
        ),
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=tr("终端上不显示进度", "no progress on the terminal"),
    )


def in_order(
    func: Callable[[_T], _R],
    items: Sequence[_T],
    jobs: int,
    *,
    broken: Callable[[_T], _R] | None = None,
) -> Iterator[_R]:
    """``func`` of each item, in the items' order, in ``jobs`` processes (1: this one).

    A process that dies while it works (killed for want of memory, a crash in a library)
    breaks the whole pool. Given ``broken``, the item then awaited is tried again alone in
    a fresh process; if that one dies too, ``broken(item)`` stands for its result, and the
    items after it go on in a fresh pool. So one input that kills its reader is named, and
    the rest are read, as with one process.
    """
    if jobs <= 1 or len(items) <= 1:
        yield from map(func, items)
        return
    start = 0
    while start < len(items):
        rest = items[start:]
        try:
            with concurrent.futures.ProcessPoolExecutor(max_workers=min(jobs, len(rest))) as pool:
                for result in pool.map(func, rest, chunksize=1):
                    start += 1
                    yield result
        except BrokenProcessPool:
            if broken is None:
                raise
            yield _alone(func, items[start], broken)
            start += 1


def _alone(func: Callable[[_T], _R], item: _T, broken: Callable[[_T], _R]) -> _R:
    """``func(item)`` in a process of its own, or ``broken(item)`` if that process dies."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(func, item).result()
        except BrokenProcessPool:
            return broken(item)


class Progress:
    """How far a batch of ``total`` inputs is, on ``err`` when it is a terminal."""

    def __init__(self, err: TextIO, total: int, *, quiet: bool) -> None:
        """Progress on ``err``: silent when ``quiet``, off a terminal, or for one input."""
        isatty = getattr(err, "isatty", None)
        self.err = err
        self.total = total
        self.shown = not quiet and total > 1 and callable(isatty) and bool(isatty())
        self.bar = total >= BAR_FROM

    def step(self, done: int, name: str) -> None:
        """Input number ``done`` (from 1), named ``name``, is finished."""
        if not self.shown:
            return
        if not self.bar:
            self.err.write(f"[{done}/{self.total}] {one_line(name)}\n")
            return
        filled = _WIDTH * done // self.total
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self.err.write(f"\r[{bar}] {done}/{self.total}")
        if done == self.total:
            self.err.write("\n")
        self.err.flush()
