"""Reading the pages this library writes (``formats.html``): tags, identity lines, data (private).

Three things a page of :mod:`govinfo_report.formats.html.writer` says beyond any page:

* **Heading elements.** A paragraph from ``<h1>``-``<h6>`` is a heading as a whole: a part's
  ``（一）`` sub-heading in a heading element is never split into a title and a run-in first
  paragraph. When a page sets its parts' sub-headings in heading elements, its ``<p>``
  paragraphs are body text, even one that begins with ``（一）``. Both rules need tags only,
  so they hold for a copy whose site stripped every attribute.
* **Identity lines** (``报告机关：`` …, ``formats.html.writer.COLOPHON_LABELS``): the organ,
  the year, the edition when it is not 2021 (``格式版本：2019``: the page's Tables 二 and 三
  are then read by their 2019 labels), where the report is published and whom to contact,
  as printed.
* **Embedded data** (``<script type="application/json" id="govinfo-report">``): the report's
  JSON, checked against what the page shows. Every cell, the title, the opening paragraph,
  the date and the narrative of sections 一, 五 and 六 are compared; each difference is an
  R-EMBED error naming the place, and what the page shows stays the record (the record is
  the report as published). The identity comes from the data.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_report.cells import cell_value, cells_of
from govinfo_report.errors import GovinfoReportError
from govinfo_report.findings import Place, make_finding
from govinfo_report.model import EDITIONS, AnnualReport, Contact, Publication
from govinfo_report.published.readers._blocks import Para
from govinfo_report.published.readers._interpret import (
    FEES_SENTENCE,
    HEADING_ELEMENT,
    PARAGRAPH_ELEMENT,
    PART,
    match_section,
)
from govinfo_report.published.readers._normal import plain, squash

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml import etree

    from govinfo_report.findings import Finding
    from govinfo_report.model import Narrative, OtherMatters
    from govinfo_report.published.readers._blocks import Block
    from govinfo_report.published.record import PublishedReport, PublishedSection

__all__ = ["DATA_ID", "embedded_data", "mark_elements", "reconcile", "take_colophon"]

#: The id of the script element holding a page's report JSON (``formats.html.writer.DATA_ID``).
DATA_ID: Final = "govinfo-report"
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MAX_DATA: Final = 16 * 1024 * 1024


def mark_elements(
    blocks: Sequence[Block], tags: Sequence[str], inside: Sequence[bool] | None = None
) -> list[Block]:
    """The blocks, paragraphs of heading elements (and, on such pages, ``<p>``) marked.

    ``tags[i]`` is the tag of block ``i``'s element, in lower case ("" for none); only
    blocks ``inside`` the article (``inside[i]`` true) are marked (all, without it).
    """
    # The heading elements found without a Python step a block (``map`` and ``compress`` run
    # in C): unless one of them is a part heading, only they are marked (most pages).
    heads = list(compress(range(len(tags)), map(_HEADINGS.__contains__, tags)))
    if inside is not None:
        heads = [i for i in heads if inside[i]]
    found = [blocks[i] for i in heads]
    headed = any(isinstance(b, Para) and PART.match(b.text) is not None for b in found)
    if not headed:
        marked = list(blocks)
        for i, block in zip(heads, found, strict=True):
            if isinstance(block, Para) and block.style is None:
                marked[i] = attrs.evolve(block, style=HEADING_ELEMENT)
        return marked
    if inside is not None:
        tags = [tag if within else "" for tag, within in zip(tags, inside, strict=True)]
    out: list[Block] = []
    for block, tag in zip(blocks, tags, strict=True):
        if isinstance(block, Para) and block.style is None:
            if tag in _HEADINGS:
                out.append(attrs.evolve(block, style=HEADING_ELEMENT))
                continue
            if tag == "p":  # on a page whose part headings are heading elements
                out.append(attrs.evolve(block, style=PARAGRAPH_ELEMENT))
                continue
        out.append(block)
    return out


# --- identity lines ----------------------------------------------------------------------

_ORGAN: Final = "报告机关："
_YEAR: Final = re.compile(r"^报告年度：(\d{4})年$")
_EDITION: Final = re.compile(r"^格式版本：(\d{4})$")
_PUBLICATION: Final = ("发布网站：", "网址：")
_CONTACT: Final = ("联系地址：", "邮政编码：", "联系电话：")


def take_colophon(blocks: list[Block]) -> tuple[list[Block], dict[str, object] | None]:
    """The blocks without the last run of identity lines, and the identity they state."""
    for i in range(len(blocks) - 2, -1, -1):
        first = blocks[i]
        if not (isinstance(first, Para) and first.text.startswith(_ORGAN)):
            continue  # the organ's line first: a test far cheaper than the year's pattern
        second = blocks[i + 1]
        year = _YEAR.match(second.text) if isinstance(second, Para) else None
        if year is None:
            continue
        identity: dict[str, object] = {
            "organ": first.text.removeprefix(_ORGAN),
            "year": int(year[1]),
        }
        end = i + 2
        third = blocks[end] if end < len(blocks) else None
        edition = _EDITION.match(third.text) if isinstance(third, Para) else None
        if edition is not None and edition[1] in EDITIONS:
            identity["edition"] = edition[1]
            end += 1
        publication = _labelled(blocks[end : end + 2], _PUBLICATION)
        if publication is not None:
            identity["publication"] = Publication(site_name=publication[0], url=publication[1])
            end += 2
        contact = _labelled(blocks[end : end + 3], _CONTACT)
        if contact is not None:
            identity["contact"] = Contact(
                address=contact[0], postcode=contact[1], telephone=contact[2]
            )
            end += 3
        return writer_roles([*blocks[:i], *blocks[end:]], str(identity["organ"])), identity
    return blocks, None


def writer_roles(blocks: list[Block], organ: str) -> list[Block]:
    """The blocks of a page in this library's layout, each paragraph given its role.

    The layout (``formats.html.writer``) fixes what each paragraph is by its element and
    its place, so no guess is needed, even on a copy without attributes: ``<h1>`` the
    title, ``<p>`` before section 一 the opening, ``<h2>`` the sections' headings, ``<h3>``
    the parts', ``<p>`` in a section body text; section 六's last paragraph that is the fee
    sentence; last, the ``organ``'s name and a date (the closing, when the report has a
    date). The roles are the .docx writer's paragraph styles, which the interpreter knows.
    """
    fees_at = _fees_paragraph(blocks)
    paras = [
        i
        for i, b in enumerate(blocks)
        if isinstance(b, Para) and not b.outside and (fees_at is None or i > fees_at)
    ]
    closing: set[int] = set()
    if len(paras) >= 2:  # noqa: PLR2004 - the organ's line and the date's
        name, date = (blocks[i] for i in paras[-2:])
        if (
            isinstance(name, Para)
            and isinstance(date, Para)
            and squash(name.text) == squash(organ)
            and _CLOSING_DATE.match(date.text)
        ):
            closing = set(paras[-2:])
    out: list[Block] = []
    section: str | None = None
    for i, block in enumerate(blocks):
        if not isinstance(block, Para) or block.outside:
            out.append(block)
            continue
        heading = block.style == HEADING_ELEMENT
        if i in closing:
            role = "GovSignature" if i == min(closing) else "GovDate"
        elif i == fees_at:
            role = "GovFees"
        elif heading and match_section(block.text) is not None:
            section = match_section(block.text)[0]  # type: ignore[index]  # matched just above
            role = "GovHeading1"
        elif section is None:
            role = "GovTitle" if heading and not _has_title(out) else "GovBody"
        else:
            role = "GovHeading2" if heading else "GovBody"
        out.append(attrs.evolve(block, style=role))
    return out


#: The closing date as the writer prints it (``format_date``: ``2024年1月5日``).
_CLOSING_DATE: Final = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def _has_title(blocks: list[Block]) -> bool:
    """Whether a title has been given a role among ``blocks`` already."""
    return any(isinstance(b, Para) and b.style == "GovTitle" for b in blocks)


def _fees_paragraph(blocks: list[Block]) -> int | None:
    """The index of section 六's fee sentence: the last paragraph that is one."""
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Para) and not block.outside:
            if FEES_SENTENCE.fullmatch(plain(block.text)):
                return i
            if block.style == HEADING_ELEMENT and match_section(block.text) is not None:
                return None
    return None


def _labelled(blocks: list[Block], labels: tuple[str, ...]) -> list[str] | None:
    if len(blocks) < len(labels):
        return None
    values = []
    for block, label in zip(blocks, labels, strict=False):
        if not isinstance(block, Para) or not block.text.startswith(label):
            return None
        values.append(block.text.removeprefix(label))
    return values


def printed_preface(
    identity: dict[str, object], preface: tuple[str, ...] | None
) -> tuple[str, ...] | None:
    """``preface`` as the report holds it, given the identity lines of the page.

    The writer prints the generated opening for a report whose preface is ``None``, and
    nothing for an empty one: so the generated opening read back is ``None``, and no
    opening paragraph is ``()``.
    """
    from govinfo_report.formats._prose import opening  # noqa: PLC0415 - only for own pages

    if preface is None:
        return ()
    try:
        bare = AnnualReport(**identity)  # type: ignore[arg-type]  # the identity's fields
    except (GovinfoReportError, TypeError):
        return preface
    return None if [squash(p) for p in preface] == [squash(opening(bare))] else preface


# --- embedded data -----------------------------------------------------------------------


def embedded_data(root: etree._Element) -> str | None:
    """The text of the page's report-JSON script element, if it has one."""
    for script in root.iter("script"):
        if script.get("id") == DATA_ID and (script.get("type") or "").strip().lower() == (
            "application/json"
        ):
            text = script.text or ""
            return text[:_MAX_DATA]
    return None


def reconcile(
    record: PublishedReport, data: str, identity: dict[str, object] | None
) -> PublishedReport:
    """``record`` checked against the page's embedded JSON ``data`` (see the module).

    ``identity`` is what the page's identity lines say (used when the data is unreadable).
    """
    from govinfo_report.formats.json.codec import loads  # noqa: PLC0415 - only for own pages

    try:
        report = loads(data, source=f"script#{DATA_ID}")
    except GovinfoReportError as exc:
        problems = getattr(exc, "findings", ())
        why = problems[0].message_zh if problems else str(exc)
        unread = make_finding("R-UNREAD", Place(path=f"script#{DATA_ID}"), found=why[:200])
        preface = record.preface
        if identity is not None:
            preface = printed_preface(identity, preface)
        return attrs.evolve(record, preface=preface, findings=(*record.findings, unread))
    findings = [*_cell_findings(record, report), *_identity_findings(record, report)]
    sections = []
    for section in record.sections:
        if section.key not in _NARRATIVES:
            sections.append(section)
            continue
        held: Narrative | OtherMatters = getattr(report, section.key)
        difference = _narrative_difference(section, held)
        if difference is None:
            sections.append(_exact(section, held))
            continue
        place = Place(path=f"$.{section.key}")
        findings.append(make_finding("R-EMBED", place, expected=difference[0], found=difference[1]))
        sections.append(section)
    seen = {s.key for s in record.sections}
    for key in _NARRATIVES:
        held = getattr(report, key)
        texts = [*held.opening, *(p.title for p in held.parts)]
        if key not in seen and texts:
            findings.append(make_finding("R-EMBED", Place(path=f"$.{key}"), expected=texts[0]))
    title = (
        record.title
        if record.title is not None and _differs(report.title, record.title)
        else report.title
    )
    return attrs.evolve(
        record,
        organ=report.organ,
        year=report.year,
        edition=report.edition,
        title=title,
        preface=report.preface,
        publication=report.publication,
        contact=report.contact,
        date=report.date,
        sections=tuple(sections),
        findings=(*record.findings, *findings),
    )


def _cell_findings(record: PublishedReport, report: AnnualReport) -> list[Finding]:
    """R-EMBED for every cell the page prints otherwise than its data (or not at all)."""
    findings = []
    for cell in cells_of(report.edition):
        expected = cell_value(report, cell.key)
        shown = record.cell(cell.key)
        if shown is None or shown.number != expected:
            found = None if shown is None else shown.raw
            findings.append(make_finding("R-EMBED", cell.place, expected=expected, found=found))
    return findings


def _identity_findings(record: PublishedReport, report: AnnualReport) -> list[Finding]:
    """R-EMBED for the title, the opening paragraph and the date, as printed."""
    from govinfo_report.formats._prose import opening  # noqa: PLC0415 - only for own pages

    printed = (opening(report),) if report.preface is None else report.preface
    date = None if report.date is None else report.date.isoformat()
    shown_date = None if record.date is None else record.date.isoformat()
    return [
        make_finding("R-EMBED", Place(path=path), expected=expected, found=found)
        for path, expected, found in (
            # a title not found on the page is not a difference: any title can be printed
            ("$.title", report.title, record.title or report.title),
            ("$.preface", "\n".join(printed) or None, "\n".join(record.preface or ()) or None),
            ("$.date", date, shown_date),
        )
        if _differs(expected, found)
    ]


_NARRATIVES: Final = ("overview", "problems", "other_matters")


def _differs(expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return expected is not found
    return squash(expected) != squash(found)


def _flat(opening: Sequence[str], parts: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    out = [squash(t) for t in opening]
    for title, paragraphs in parts:
        out.append("（）" + squash(title))
        out.extend(squash(t) for t in paragraphs)
    return [t for t in out if t]


def _narrative_difference(
    section: PublishedSection, held: Narrative | OtherMatters
) -> tuple[str | None, str | None] | None:
    """The first paragraph where the page and the data differ (data, page), or ``None``."""
    shown = _flat(section.opening, [(p.title, p.paragraphs) for p in section.parts])
    meant = _flat(held.opening, [(p.title, p.paragraphs) for p in held.parts])
    if shown == meant:
        return None
    for a, b in zip(meant, shown, strict=False):
        if a != b:
            return a, b
    longer = len(meant) > len(shown)
    extra = (meant if longer else shown)[min(len(meant), len(shown))]
    return (extra, None) if longer else (None, extra)


def _exact(section: PublishedSection, held: Narrative | OtherMatters) -> PublishedSection:
    """The section with the data's exact text (whitespace as written), printed places kept."""
    if len(section.parts) != len(held.parts):
        return section
    parts = tuple(
        attrs.evolve(shown, title=part.title, paragraphs=part.paragraphs)
        for shown, part in zip(section.parts, held.parts, strict=True)
    )
    return attrs.evolve(section, opening=held.opening, parts=parts)
