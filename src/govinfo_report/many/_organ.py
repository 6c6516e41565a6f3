"""One organ under several spellings: the key by which reports of one organ are matched (private).

An organ's name comes from a title read off a page or a PDF (``某市 自然资源和规划局``, the
space of a justified line), a clerk's JSON (a trailing space, full-width brackets) or a
supervisor's list of units (a byte-order mark at the start of a line where two lists were
joined, a zero-width space pasted from a web page). None of these is part of the name:
reports are matched on :func:`organ_key`, and shown under the name as first written.
"""

from __future__ import annotations

import unicodedata

__all__ = ["organ_key"]


def organ_key(name: str) -> str:
    r"""``name`` as compared: NFKC (full-width forms folded), without spaces or invisible marks.

    >>> organ_key("\ufeff某市 自然资源和规划局（市林业局）\u200b") == organ_key(
    ...     "某市自然资源和规划局(市林业局)")
    True
    """
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")
