"""Copied text (内容雷同): how much of a report's narrative is reused from another report.

The national format holds offices accountable for reports whose content is copied. For
each narrative section (一、总体情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项),
:func:`similarity` measures the share of the two reports' text that they share (the same
whichever comes first), and lists the shared passages as the second prints them;
:func:`copied_text` turns the sections above a threshold into notes (X-COPY).

How it measures: the text of each section's paragraphs (part titles are headings, and
left out) is normalised (NFKC, no whitespace, each run of digits one ``#`` so that a
changed year or count does not hide a copy). Boilerplate every report must contain is left
out: sentences citing the legal basis (the 条例, 国办公开办函, the format), sentences about
the report itself (本报告…, 统计期限, 报告如下), contact details, and the official labels of
:mod:`govinfo_report.labels` (a sentence that is only a label; a label of six characters or
more anywhere). A character of the second text counts as reused when it lies
in a run of at least ``min_passage`` characters covered by ``shingle``-character pieces
that also occur in the first text, in any order.

>>> from govinfo_report import AnnualReport
>>> from govinfo_report.model import Narrative
>>> text = ("全年围绕重点领域加强信息发布，持续做好财政预决算、重大建设项目和公共资源"
...         "配置等领域的信息公开，及时回应社会关切，发布政策解读材料十余篇。")
>>> a = AnnualReport(organ="某县教育局", year=2022, overview=Narrative(opening=(text,)))
>>> b = AnnualReport(organ="某县教育局", year=2023,
...                  overview=Narrative(opening=("本机关2023年继续推进公开工作。" + text,)))
>>> reuse = similarity(a, b)[0]
>>> reuse.section, round(reuse.ratio, 2), len(reuse.passages)
('overview', 0.91, 1)
>>> [(f.code, f.severity.value, f.found) for f in copied_text(a, b)]
[('X-COPY', 'info', Decimal('0.91'))]
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_report import labels
from govinfo_report.findings import Finding, Place, make_finding

if TYPE_CHECKING:
    from govinfo_report.model import AnnualReport, Narrative, OtherMatters

__all__ = ["BOILERPLATE", "SectionReuse", "copied_text", "similarity"]

#: The narrative sections compared, by model field.
SECTIONS: Final = ("overview", "problems", "other_matters")

#: Sentences that every report may contain, as patterns: a sentence matching any of them
#: is left out before comparing.
BOILERPLATE: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(p)
    for p in (
        r"(根据|依据|按照|依照|遵照|对照).{0,40}政府信息公开条例",
        r"政府信息公开条例.{0,40}(要求|规定)",
        r"国办公开办函",
        r"年度报告格式",
        r"本(年度)?报告",
        r"报告如下",
        r"统计期限",
        r"1月1日.{0,6}12月31日",
        r"联系电话|邮政编码|邮编|联系地址",
    )
)

_SENTENCE: Final = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
_JUNK: Final = "\x00"
_MASKED_LABEL: Final = 6


def _label_texts() -> tuple[str, ...]:
    found: set[str] = set(labels.OVERVIEW_ASPECTS)
    groups = [
        labels.SECTIONS,
        labels.REQUEST_ROWS,
        labels.RESULT_GROUPS,
        labels.PROACTIVE_ROWS,
        *labels.RESULT_ITEMS.values(),
    ]
    for group in groups:
        for label in group.values():
            found.update((label.text, label.full, *label.variants))
    found.update(labels.APPLICANT_COLUMNS.values())
    found.update(labels.FEE_LABELS.values())
    found.update(labels.DOCUMENT_COLUMNS.values())
    found.add(labels.BALANCE_NOTE)
    return tuple(sorted({_plain(t) for t in found if t}, key=len, reverse=True))


def _plain(text: str) -> str:
    return "".join(_normalize(text)[0])


def _normalize(text: str, offset: int = 0) -> tuple[list[str], list[int]]:
    """Normalised characters and, for each, its index in ``text`` (plus ``offset``)."""
    chars: list[str] = []
    where: list[int] = []
    digits = False
    for i, raw in enumerate(text):
        for ch in unicodedata.normalize("NFKC", raw):
            if ch.isspace():
                continue
            if ch.isdigit():
                if not digits:
                    chars.append("#")
                    where.append(offset + i)
                digits = True
                continue
            digits = False
            chars.append(ch.lower())
            where.append(offset + i)
    return chars, where


_LABELS: Final = _label_texts()


def _section_text(section: Narrative | OtherMatters) -> str:
    paragraphs = list(section.opening)
    for part in section.parts:
        paragraphs.extend(part.paragraphs)
    return "\n".join(paragraphs)


def _prepare(text: str) -> tuple[str, list[int]]:
    """The comparable form of ``text`` (boilerplate and labels masked) and its positions."""
    chars: list[str] = []
    where: list[int] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        if any(p.search(sentence) for p in BOILERPLATE):
            continue
        c, w = _normalize(sentence, match.start())
        if "".join(c) in _LABELS:
            continue
        chars.extend(c)
        where.extend(w)
        chars.append(_JUNK)  # sentences are compared one by one, never across a gap
        where.append(match.end() - 1)
    joined = "".join(chars)
    for label in _LABELS:
        # Short labels (其他, 总计, 主动公开) are ordinary words too; mask only the phrases.
        if len(label) >= _MASKED_LABEL and label in joined:
            joined = joined.replace(label, _JUNK * len(label))
    return joined, where


def _shingles(text: str, k: int) -> set[str]:
    return {text[i : i + k] for i in range(len(text) - k + 1) if _JUNK not in text[i : i + k]}


@attrs.frozen(kw_only=True)
class SectionReuse:
    """How much text one narrative section of two reports shares.

    ``ratio`` is symmetric: the characters of both texts that lie in shared passages over
    the length of both, in normalised characters (boilerplate left out), so that
    ``similarity(a, b)`` and ``similarity(b, a)`` give the same ratio. ``reused`` and
    ``length`` count the second report's characters; ``passages`` are the shared passages
    as printed there.
    """

    section: str
    label: str
    ratio: float
    reused: int
    length: int
    passages: tuple[str, ...] = ()


def _covered(  # noqa: PLR0913 - two texts, the positions, and the two lengths
    known_text: str, text: str, where: list[int], printed: str, *, shingle: int, min_passage: int
) -> tuple[int, list[str]]:
    """Characters of ``text`` in runs shared with ``known_text``, and those runs as printed."""
    known = _shingles(known_text, shingle)
    covered = [False] * len(text)
    for i in range(len(text) - shingle + 1):
        if text[i : i + shingle] in known:
            for j in range(i, i + shingle):
                covered[j] = True
    reused = 0
    passages = []
    start = None
    for i, flag in enumerate([*covered, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start >= min_passage:
                reused += i - start
                passages.append(printed[where[start] : where[i - 1] + 1])
            start = None
    return reused, passages


def _reuse(
    section: str, first: str, second: str, *, shingle: int, min_passage: int
) -> SectionReuse:
    a, where_a = _prepare(first)
    b, where_b = _prepare(second)
    reused, passages = _covered(a, b, where_b, second, shingle=shingle, min_passage=min_passage)
    reused_a, _ = _covered(b, a, where_a, first, shingle=shingle, min_passage=min_passage)
    length = sum(ch != _JUNK for ch in b)
    both = length + sum(ch != _JUNK for ch in a)
    return SectionReuse(
        section=section,
        label=labels.SECTIONS[section].full,
        ratio=(reused + reused_a) / both if both else 0.0,
        reused=reused,
        length=length,
        passages=tuple(passages),
    )


def similarity(
    first: AnnualReport, second: AnnualReport, *, shingle: int = 12, min_passage: int = 20
) -> tuple[SectionReuse, ...]:
    """For each narrative section (一, 五, 六), the share of text ``first`` and ``second`` share.

    ``shingle`` is the length of the pieces looked up (in normalised characters) and
    ``min_passage`` the shortest run that counts as reused.
    """
    if shingle < 1 or min_passage < shingle:
        msg = "need 1 <= shingle <= min_passage"
        raise ValueError(msg)
    return tuple(
        _reuse(
            name,
            _section_text(getattr(first, name)),
            _section_text(getattr(second, name)),
            shingle=shingle,
            min_passage=min_passage,
        )
        for name in SECTIONS
    )


def copied_text(
    first: AnnualReport,
    second: AnnualReport,
    *,
    threshold: float = 0.5,
    shingle: int = 12,
    min_passage: int = 20,
) -> list[Finding]:
    """Notes (X-COPY) on the sections of ``second`` whose reused share reaches ``threshold``.

    ``found`` is the share (the same whichever report comes first), rounded to two places;
    the message names the section, the share, the other report and the number of passages.
    """
    findings = []
    other = f"{first.organ}{first.year}年度报告"
    other_en = f"the {first.year} report of {first.organ}"
    for reuse in similarity(first, second, shingle=shingle, min_passage=min_passage):
        if not reuse.ratio or reuse.ratio < threshold:
            continue
        share = Decimal(f"{reuse.ratio:.2f}")
        percent = f"{reuse.ratio:.0%}"
        n = len(reuse.passages)
        findings.append(
            make_finding(
                "X-COPY",
                Place(path=f"$.{reuse.section}"),
                found=share,
                detail=(
                    f"“{reuse.label}”有 {percent} 的文字与{other}雷同（{n} 段）",
                    f'{percent} of "{reuse.label}" is shared with {other_en} ({n} passages)',
                ),
            )
        )
    return findings
