"""Column widths and number size so that every number of a table prints on one line (private).

A number that breaks (``123`` over ``45``) misreads as two numbers, so the writer never
lets a table cell wrap one: it sizes the grid columns from the widest number each holds,
within the table's fixed width, and only when the grid cannot give the room sets the
table's numbers smaller (never below 8 pt) and, past that, narrower (character scale,
``w:w``). Widths are computed, not measured, from digit advance widths that hold for any
face a viewer may use for the Latin slot (below), so the result does not depend on the
fonts of the machine that writes the file.

Digit advance widths, in em, measured from LibreOffice's PDF output (10 digits at 10 pt;
Times New Roman's own ``hmtx`` gives 1024/2048 units):

==========================================  ======  ======
face                                         digit  ``.``
==========================================  ======  ======
Times New Roman, Liberation Serif, 宋体       0.500   0.250
Noto Sans CJK SC (proportional digits)       0.554   0.277
Noto Serif CJK SC (proportional digits)      ≤0.556  0.272
DejaVu Serif, DejaVu Sans (fontconfig's      0.635   0.317
fallback for a missing Times New Roman)
==========================================  ======  ======

So the fit uses :data:`DIGIT_EM` = 0.64 and :data:`POINT_EM` = 0.32: on a machine without
Times New Roman (LibreOffice on a bare Linux: DejaVu) the numbers still fit, and in Word
they have a little air.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "DIGIT_EM",
    "MIN_SIZE",
    "POINT_EM",
    "SIZES",
    "Fit",
    "Need",
    "em_width",
    "plan",
]

#: Advance of a digit, in em: the widest of the faces above (DejaVu, 0.635), rounded up.
DIGIT_EM: Final = 0.64
#: Advance of the decimal point (and any other narrow character), in em.
POINT_EM: Final = 0.32
#: Advance of any other character (CJK, full-width), in em.
WIDE_EM: Final = 1.0

#: Number sizes tried, in half-points: 五号 10.5 pt down to 8 pt by half points.
SIZES: Final = (21, 20, 19, 18, 17, 16)
#: The smallest size a number is set in (8 pt), in half-points.
MIN_SIZE: Final = SIZES[-1]
#: The narrowest character scale tried (percent), when 8 pt is still too wide.
MIN_SCALE: Final = 50
#: Cell margin (left and right, twips) of number cells when 8 pt is still too wide: 1 pt.
TIGHT_MARGIN: Final = 20
#: Room kept beside the text in a cell (twips): the 0.5 pt border and rounding.
SLACK: Final = 30


def em_width(text: str) -> float:
    """The advance width of ``text`` in em under the model above.

    >>> em_width("12345"), em_width("24252.311082")
    (3.2, 7.36)
    """
    total = 0.0
    for char in text:
        if char.isascii() and char.isdigit():
            total += DIGIT_EM
        elif char.isascii():
            total += POINT_EM
        else:
            total += WIDE_EM
    return round(total, 6)


class Need(NamedTuple):
    """A number that must fit on one line: grid columns ``start`` to ``start + span``."""

    start: int
    span: int
    em: float


class Fit(NamedTuple):
    """The planned grid: column widths (twips), number size (half-points), scale, margin."""

    widths: tuple[int, ...]
    size: int
    scale: int
    margin: int
    fits: bool


def _text_twips(em: float, size: int, scale: int) -> int:
    """Width of ``em`` at ``size`` half-points and ``scale`` percent, in twips (rounded up)."""
    return math.ceil(em * size * 10 * scale / 100)


def _column_needs(
    columns: int, needs: Sequence[Need], size: int, scale: int, margin: int
) -> list[int]:
    """The width each grid column needs for its one-column numbers."""
    out = [0] * columns
    for need in needs:
        if need.span == 1:
            width = _text_twips(need.em, size, scale) + 2 * margin + SLACK
            out[need.start] = max(out[need.start], width)
    return out


def _spread(base: Sequence[int], need: Sequence[int], total: int) -> tuple[int, ...]:
    """Widths of at least ``need`` summing to ``total``, as close to ``base`` as that allows.

    The spare room goes back to the columns that gave up width, in proportion to what each
    gave up; when every column already has its base width, the result is ``base``.
    """
    spare = total - sum(need)
    give = [max(0, b - n) for b, n in zip(base, need, strict=True)]
    weight = sum(give)
    if weight == 0:
        give = list(base)
        weight = sum(give)
    widths = [n + spare * g // weight for n, g in zip(need, give, strict=True)]
    widths[give.index(max(give))] += total - sum(widths)
    return tuple(widths)


def _spans_fit(
    widths: Sequence[int], needs: Sequence[Need], size: int, scale: int, margin: int
) -> bool:
    return all(
        _text_twips(n.em, size, scale) + 2 * margin + SLACK
        <= sum(widths[n.start : n.start + n.span])
        for n in needs
    )


def plan(base: Sequence[int], minimum: Sequence[int], needs: Sequence[Need], *, margin: int) -> Fit:
    """Column widths and number size so that every number in ``needs`` fits on one line.

    ``base`` is the table's grid (the national proportions) and its sum the table width;
    ``minimum`` the narrowest each column may become (its labels stay legible). The first
    of :data:`SIZES` at which every column gets what its numbers need wins; at 8 pt the
    number cells' margins tighten to :data:`TIGHT_MARGIN` and the character scale narrows
    (down to :data:`MIN_SCALE`). ``fits`` is false only past that: numbers the fit model
    cannot promise to keep whole.

    >>> plan((640, 640), (400, 400), [Need(0, 1, 0.64)], margin=57)
    Fit(widths=(640, 640), size=21, scale=100, margin=57, fits=True)
    >>> plan((640, 640), (400, 400), [Need(0, 1, 3.2)], margin=57)
    Fit(widths=(816, 464), size=21, scale=100, margin=57, fits=True)
    """
    total = sum(base)
    columns = len(base)
    attempts = [(size, 100, margin) for size in SIZES]
    attempts += [(MIN_SIZE, scale, TIGHT_MARGIN) for scale in range(100, MIN_SCALE - 1, -1)]
    for size, scale, cell_margin in attempts:
        column = _column_needs(columns, needs, size, scale, cell_margin)
        need = [max(m, c) for m, c in zip(minimum, column, strict=True)]
        if sum(need) > total:
            continue
        widths = _spread(base, need, total)
        if _spans_fit(widths, needs, size, scale, cell_margin):
            return Fit(widths, size, scale, cell_margin, fits=True)
    size, scale, cell_margin = attempts[-1]
    column = _column_needs(columns, needs, size, scale, cell_margin)
    need = [max(m, c) for m, c in zip(minimum, column, strict=True)]
    # Past the guarantee: share the width in proportion to what each column would need.
    scaled = [max(1, total * n // sum(need)) for n in need]
    scaled[scaled.index(max(scaled))] += total - sum(scaled)
    return Fit(tuple(scaled), size, scale, cell_margin, fits=False)
