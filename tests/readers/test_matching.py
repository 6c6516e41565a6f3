"""The interpreter's faster label matching gives the same answers as the plain scan.

``_match_row`` looks a label up by its compact form, then (for texts long enough) by prefix,
then by difflib ratio; the ratio scan skips forms whose ratio cannot reach the threshold or
beat the best so far. These tests compare it with the plain scan it replaced, on every label
and variant of :mod:`govinfo_report.labels` and on typed-in mistakes of them, and check that
the remembered classification of cell texts is the classification itself.
"""

from __future__ import annotations

import difflib
import random
import re

from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import labels
from govinfo_report.published.readers._interpret import (
    _CACHED,
    _ROW_FORMS,
    _ROW_INDEX,
    _SHORT,
    _TYPO_RATIO,
    _classify,
    _kind,
    _match_row,
    _Row,
    match_section,
)
from govinfo_report.published.readers._normal import compact


def _plain_match_row(text: str) -> tuple[_Row, bool] | None:
    """The matching as first written: every form compared in full, in row order."""
    key = compact(text)
    if not key:
        return None
    row = _ROW_INDEX.get(key)
    if row is not None:
        return row, re.sub(r"\s", "", text) != row.meant
    if len(key) < 2 * _SHORT:
        return None
    prefixed = {
        candidate.meant: candidate
        for candidate, forms in _ROW_FORMS
        for form in forms
        if form.startswith(key)
    }
    if len(prefixed) == 1:
        return next(iter(prefixed.values())), True
    best: tuple[float, _Row] | None = None
    for candidate, forms in _ROW_FORMS:
        for form in forms:
            if len(form) < 2 * _SHORT:
                continue
            ratio = difflib.SequenceMatcher(None, key, form).ratio()
            if ratio >= _TYPO_RATIO and (best is None or ratio > best[0]):
                best = (ratio, candidate)
    return (best[1], True) if best else None


def _label_texts() -> list[str]:
    groups = [
        labels.SECTIONS,
        labels.PROACTIVE_ROWS,
        labels.REQUEST_ROWS,
        labels.RESULT_GROUPS,
        *labels.RESULT_ITEMS.values(),
    ]
    texts: set[str] = set()
    for group in groups:
        for label in group.values():
            for text in (label.text, *label.variants):
                texts.update({text, label.number + text, f" {label.number} {text}\n"})
    texts.update(labels.APPLICANT_COLUMNS.values())
    texts.update(labels.DOCUMENT_COLUMNS.values())
    texts.update(labels.APPEAL_COLUMNS.values())
    return sorted(texts)


_NOISE = "的之和与其他公开信息申请不予 ，,（(）)、"


def _mistakes(text: str, rnd: random.Random) -> list[str]:
    """Prefixes (a label split over two rows) and one or two typed-in mistakes."""
    out = [text[:i] for i in range(4, len(text), 3)]
    for _ in range(6):
        chars = list(text)
        for _ in range(rnd.choice((1, 2))):
            i = rnd.randrange(len(chars) + 1)
            op = rnd.randrange(3)
            if op == 0 and i < len(chars):
                del chars[i]
            elif op == 1:
                chars.insert(i, rnd.choice(_NOISE))
            elif i < len(chars):
                chars[i] = rnd.choice(_NOISE)
        out.append("".join(chars))
    return out


def test_every_label_and_variant_matches_as_before() -> None:
    texts = _label_texts()
    assert len(texts) > 100
    for text in texts:
        assert _match_row(text) == _plain_match_row(text), text


def test_typed_mistakes_match_as_before() -> None:
    rnd = random.Random(30)  # noqa: S311 - reproducible test data
    texts = [m for text in _label_texts() if len(text) >= 2 * _SHORT for m in _mistakes(text, rnd)]
    loose = 0
    for text in texts:
        found = _match_row(text)
        assert found == _plain_match_row(text), text
        loose += found is not None and found[1]
    assert loose > 100  # the fuzzy and prefix paths are exercised


@given(st.text(alphabet=st.sampled_from("".join(_label_texts()) + " \n/0123"), max_size=40))
def test_any_label_like_text_matches_as_before(text: str) -> None:
    assert _match_row(text) == _plain_match_row(text)


def test_classification_is_remembered_faithfully() -> None:
    texts = [*_label_texts(), "0", "/", "—", "", "12", "若干", "自然人", "本年收费金额（单位：元）"]
    for text in texts * 2:
        assert _classify(text) == _kind(text)
    long = "二、" + "主动公开政府信息情况" * 30
    assert len(long) > _CACHED
    assert _classify(long) == _kind(long)


def test_section_headings_match_as_computed() -> None:
    from govinfo_report.published.readers._interpret import _section_remembered  # noqa: PLC0415

    texts = []
    for label in labels.SECTIONS.values():
        for text in (label.text, *label.variants):
            texts += [text, label.number + text, f" {label.number} {text} ", f"({text})", text[:-1]]
    for text in texts * 2:
        found = match_section(text)
        assert found == _section_remembered.__wrapped__(text), text
    assert match_section("二、主动公开政府信息情况") == ("proactive", False)
    assert match_section("二、 主动公开政府信息情况 ") == ("proactive", False)
    assert match_section("主动公开政府信息情况") == ("proactive", True)
    assert match_section("（一）" + "很长的段落" * 20) is None
