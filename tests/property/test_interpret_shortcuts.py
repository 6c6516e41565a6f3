# ruff: noqa: SLF001, C901, PLR0912, PLR0915 - the interpreter's first ways, kept to compare
"""The interpreter's shortcuts (round 5 of reading speed) give what the first ways gave.

Each first way is kept here as it was written; the interpreter must give the same calls
and the same results on any input of the kind it is given:

* a table row's cells given to the builder in one step (``add_cells``), against one
  ``add_cell`` a cell;
* the table reader taking a row that is a label then values at once, a row's cells in one
  step, its kinds found inline, against the first reader (a cell at a time);
* a section's plain paragraphs moved a run at a time, against the first loop;
* the pass over the blocks taking a long unstyled paragraph of a section at once, against
  the same pass without that step.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govinfo_report import labels
from govinfo_report.cells import any_cell
from govinfo_report.formats.docx.contract import FEES_SENTENCE
from govinfo_report.model.report import EDITIONS
from govinfo_report.published.readers import _interpret
from govinfo_report.published.readers._blocks import Grid, Para, TextCell
from govinfo_report.published.readers._normal import (
    compact,
    is_blank,
    parse_signed,
    parse_value,
)
from govinfo_report.published.readers._page import is_sentence
from govinfo_report.published.record import (
    PublishedCell,
    PublishedPart,
    PublishedSection,
    Source,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from govinfo_report.cells import CellKey

_Kind = tuple[_interpret._Row, bool] | str


# --- the first ways ----------------------------------------------------------------------


def _first_classify(text: str) -> _Kind:
    return (
        _interpret._kind_remembered(text)
        if len(text) <= _interpret._CACHED
        else _interpret._kind(text)
    )


def _first_fit(values: list[TextCell], n: int) -> tuple[list[TextCell], list[TextCell]]:
    values = list(values)
    if n == 1 and len(values) > 1:
        chosen = next((v for v in values if not is_blank(v.text)), values[0])
        return [chosen], [v for v in values if v is not chosen]
    while len(values) > n and not values[-1].text.strip():
        values.pop()
    while len(values) > n and not values[0].text.strip():
        values.pop(0)
    return values[:n], values[n:]


def _first_add_cell(out: _interpret._Builder, key: CellKey, cell: TextCell, rank: object) -> None:
    """``_Builder.add_cell`` as first written (one call a cell)."""
    held = out.cells.get(key)
    if held is not None:
        out.duplicates += 1
        held_rank = out.ranks[key]
        if rank < held_rank or (rank == held_rank and compact(held.raw) == compact(cell.text)):  # type: ignore[operator]
            out.leftover(cell.text, cell.source, detail=_interpret._ANOTHER_TABLE)
            return
        if rank == held_rank:
            out.contested.setdefault(key, []).append(cell)
            return
        out.leftover(held.raw, held.source, detail=_interpret._ANOTHER_TABLE)
        for lost in out.contested.pop(key, []):
            out.leftover(lost.text, lost.source, detail=_interpret._ANOTHER_TABLE)
    out.ranks[key] = rank  # type: ignore[assignment]
    kind = _interpret._CELL_KINDS[key]
    value = parse_signed(cell.text) if kind == "signed" else parse_value(cell.text)
    if kind == "amount" and isinstance(value, int):
        value = Decimal(value)
    out.cells[key] = PublishedCell(
        key=key,
        raw=cell.text,
        value=value,
        blank=value is None and is_blank(cell.text),
        source=cell.source,
    )


class _FirstEditions(_interpret._Editions):
    def table(self, grid: Grid, matches: list[list[_Kind]], leads: object = None) -> str:
        del leads
        found: dict[str, TextCell] = {}
        counts: Counter[str] = Counter()
        for row, kinds in zip(grid.rows, matches, strict=True):
            for at, kind in enumerate(kinds):
                if isinstance(kind, str):
                    edition = _interpret._HEADER_EDITION.get(kind)
                else:
                    edition = kind[0].sole
                    if kind[0] is _interpret._OTHER_GROUP and not self.one_row:
                        rest = kinds[at + 1 :]
                        self.one_row = "value" in rest and not any(
                            isinstance(k, tuple) for k in rest
                        )
                if edition is not None:
                    found.setdefault(edition, row[at])
                    counts[edition] += 1
        for edition, cell in found.items():
            self.first.setdefault(edition, cell)
        self.counts.update(counts)
        if found:
            said = max(found, key=lambda e: (counts[e], e == next(iter(found))))
            if self.current is None:
                self.current = said
            return said
        if self.current is not None:
            return self.current
        return "2019" if self.one_row else "2021"


class _FirstReader(_interpret._TableReader):
    """The table reader as first written: a cell at a time."""

    def read(self, grid: Grid, section: str | None) -> None:
        self.covered: dict[int, set[int]] = {}
        matches = [[_interpret._classify(c.text) for c in row] for row in grid.rows]
        has_rows = any(isinstance(m, tuple) for row in matches for m in row)
        if has_rows and self.editions is not None:
            self.edition = self.editions.table(grid, matches)  # type: ignore[call-arg]
        if not has_rows and (
            section == "appeals"
            or any(compact(c.text) in _interpret._APPEAL_MARKS for row in grid.rows for c in row)
        ):
            self._appeals(grid)
        else:
            self._rows(grid, matches)

    def _rows(self, grid: Grid, matches: list[list[_Kind]]) -> None:  # type: ignore[override]
        current: _interpret._Open | None = None
        pending: list[TextCell] = []
        held: list[TextCell] = []
        group: str | None = None

        def release() -> None:
            for v in held:
                self.out.leftover(v.text, v.source)
            held.clear()

        def give(row: _interpret._Open | None) -> None:
            if held and row is not None and not row.values:
                row.values = list(held)
                held.clear()
            release()

        for r, (row, row_kinds) in enumerate(zip(grid.rows, matches, strict=True)):
            kinds = row_kinds
            labelled = any(isinstance(k, tuple) for k in kinds)
            if not labelled and pending:
                kinds, labelled = self._join_split_label(pending, row, kinds)
                if labelled:
                    pending = []
                    release()
            if not labelled:
                values = [c for c, k in zip(row, kinds, strict=True) if k == "value"]
                if current is not None and any(not is_blank(v.text) for v in values):
                    n = current.row.width
                    if not current.values or (
                        all(is_blank(v.text) for v in current.values) and not current.replaced
                    ):
                        current.values = values
                        current.replaced = True
                        values = []
                    elif len(current.values) < n:
                        take = n - len(current.values)
                        current.values.extend(values[:take])
                        values = values[take:]
                if values and (pending or "text" in kinds):
                    release()
                    held.extend(values)
                else:
                    for v in values:
                        self.out.leftover(v.text, v.source)
            for at, (cell, kind) in enumerate(zip(row, kinds, strict=True)):
                if isinstance(kind, tuple):
                    opened = self._joined(pending, cell, kind)
                    pending = self._flush_pending(pending, current)
                    if current is not None:
                        self._finish(current)
                    matched, loose = self._as_printed(opened, cell)
                    if (matched.group and matched.is_group) or (
                        matched.group and matched.group != group
                    ):
                        group = matched.group
                    if loose:
                        self.out.loose(cell.text, matched.meant, _interpret._row_place(matched))
                    current = _interpret._Open(row=matched, line=r) if matched.width else None
                    if any(k == "value" for k in kinds[at + 1 :]):
                        release()
                    else:
                        give(current)
                elif kind == "value":
                    if labelled and current is not None and current.line == r:
                        current.values.append(cell)
                    elif labelled:
                        self.out.leftover(cell.text, cell.source)
                elif kind == "text":
                    key = compact(cell.text)
                    meant = compact(current.row.meant) if current is not None else ""
                    if (
                        current is not None
                        and current.line == r
                        and not current.values
                        and not pending
                        and key
                        and (meant.endswith(key) or (len(key) > 1 and key in meant))
                    ):
                        continue
                    joined = self._join(pending, cell)
                    if joined is not None:
                        matched, _ = joined
                        pending = []
                        if current is not None:
                            self._finish(current)
                        current = _interpret._Open(row=matched, line=r) if matched.width else None
                        give(current)
                        continue
                    if (
                        current is not None
                        and current.line == r
                        and len(current.values) < current.row.width
                        and (current.values or not _interpret._LABEL_START.match(cell.text))
                    ):
                        current.values.append(cell)
                        continue
                    if current is not None and compact(cell.text) in compact(current.row.meant):
                        continue
                    pending.append(cell)
                    if len(pending) > _interpret._MAX_PENDING:
                        if id(pending[0]) not in self.quiet:
                            self.out.leftover(pending[0].text, pending[0].source)
                        del pending[0]
                elif kind == "header":
                    quiet = all(id(p) in self.quiet for p in pending)
                    joined = self._join(pending, cell) if pending and not quiet else None
                    if joined is not None:
                        pending = []
                        if current is not None:
                            self._finish(current)
                        current = (
                            _interpret._Open(row=joined[0], line=r) if joined[0].width else None
                        )
                        give(current)
                        continue
                    if quiet:
                        pending = []
                        if _interpret._LABEL_HEAD.match(cell.text):
                            self.quiet.add(id(cell))
                            pending = [cell]
        release()
        self._flush_pending(pending, current)
        if current is not None:
            self._finish(current)

    def _finish(self, current: _interpret._Open) -> None:
        row = current.row
        if row.spans:
            chosen, extra = (
                _first_fit(current.values, len(row.spans)) if current.values else ([], [])
            )
            for keys, cell in zip(row.spans, chosen, strict=False):
                self.out.add_combined(keys, cell)
        elif not self.covered:
            chosen, extra = _first_fit(current.values, len(row.keys))
            for key, cell in zip(row.keys, chosen, strict=False):
                if cell.rows == 1 or not self._merged(current, key, cell):
                    self.out.add_cell(key, cell)
        else:
            pairs, extra = self._place(current)
            for key, cell in pairs:
                if cell.rows == 1 or not self._merged(current, key, cell):
                    self.out.add_cell(key, cell)
        for cell in extra:
            self.out.leftover(cell.text, cell.source)

    def _appeals(self, grid: Grid) -> None:
        candidates = [c for c in map(self._appeal_figures, grid.rows) if c is not None]
        filled = [row for row in candidates if any(not is_blank(c.text) for c in row)]
        data = (
            filled[-1]
            if filled
            else next(
                (row for row in reversed(candidates) if len(row) >= len(_interpret._APPEAL_KEYS)),
                None,
            )
        )
        if data is None:
            return
        chosen, extra = _first_fit(list(data), len(_interpret._APPEAL_KEYS))
        for key, cell in zip(_interpret._APPEAL_KEYS, chosen, strict=False):
            self.out.add_cell(key, cell)
        for cell in extra:
            self.out.leftover(cell.text, cell.source)
        for row in filled[:-1]:
            for c in row:
                self.out.leftover(c.text, c.source)


def _first_build(draft: _interpret._SectionDraft, styles: Mapping[str, str]) -> PublishedSection:
    """``_SectionDraft.build`` as first written: a paragraph at a time."""
    opening: list[str] = []
    parts: list[PublishedPart] = []
    part: tuple[str, str, Source, list[str]] | None = None

    def close() -> None:
        if part is not None:
            heading, title, source, paragraphs = part
            parts.append(
                PublishedPart(
                    heading=heading, title=title, paragraphs=tuple(paragraphs), source=source
                )
            )

    for para in draft.paras:
        kind = styles.get(para.style or "")
        text = para.text
        match = _interpret._PART.match(text)
        if para.style == _interpret.HEADING_ELEMENT:
            kind = "heading2" if match is not None else None
        elif para.style == _interpret.PARAGRAPH_ELEMENT:
            kind = "body"
        if kind == "body" or match is None:
            if kind == "heading2" and match is None:
                close()
                part = (text, text, para.source, [])
            elif part is not None:
                part[3].append(text)
            else:
                opening.append(text)
            continue
        close()
        heading, title, first = _first_run_in(text, styled=kind == "heading2")
        part = (heading, title, para.source, [first] if first else [])
    close()
    return PublishedSection(
        key=draft.key,
        heading=draft.heading,
        source=draft.source,
        opening=tuple(opening),
        parts=tuple(parts),
    )


# --- what the builder is given -----------------------------------------------------------


class _Log:
    """A builder that notes every call it is given, a cell a call."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def add_cell(self, *args: object) -> None:
        self.calls.append(("cell", *args))

    def add_cells(self, keys: Sequence[CellKey], cells: Sequence[TextCell], *rest: object) -> None:
        assert len(keys) == len(cells)
        assert len({key[0] for key in keys}) <= 1, "a step's keys are of one table"
        for key, cell in zip(keys, cells, strict=True):
            self.calls.append(("cell", key, cell, *rest))

    def add_combined(self, *args: object) -> None:
        self.calls.append(("combined", *args))

    def leftover(self, *args: object, **kwargs: object) -> None:
        self.calls.append(("leftover", *args, tuple(sorted(kwargs.items()))))

    def loose(self, *args: object) -> None:
        self.calls.append(("loose", *args))


# --- inputs ------------------------------------------------------------------------------


def _label_texts() -> list[str]:
    texts: set[str] = set()
    for row in _interpret._ROWS:
        label = row.label
        for text in (label.text, *label.variants):
            texts |= {label.number + text, text, text[: len(text) // 2], text[len(text) // 2 :]}
            if len(text) > 8:  # long enough to be matched loosely
                texts.add(text[:-1] + "囗")
    texts |= {
        *labels.APPEAL_HEADERS.values(),
        *labels.APPLICANT_COLUMNS.values(),
        *labels.DOCUMENT_COLUMNS.values(),
        *labels.DOCUMENT_COLUMNS_2019.values(),
        *labels.ITEM_COLUMNS_2019.values(),
        labels.PROACTIVE_CONTENT_HEADER,
        "本年收费金额（单位：万元）",
    }
    return sorted(texts)


_LABELS = st.one_of(
    st.sampled_from(_label_texts()),
    st.sampled_from([g.number + g.text for g in labels.RESULT_GROUPS.values()]),  # （六）…
)
_TEXTS = st.one_of(
    _LABELS,
    st.sampled_from(
        ["0", "1", "23", "/", "—", "", " ", "一", "二", "十五", "无", "1,234", "12.5", "−3", "若干"]
    ),
    st.text(alphabet="一二（）1 0国家秘密其他", max_size=6),
)


_VALUES = st.sampled_from(["0", "1", "23", "/", "—", "", "一", "二"])


@st.composite
def _grids(draw: st.DrawFn) -> Grid:
    rows = []
    for r in range(draw(st.integers(0, 12))):
        n = draw(st.integers(0, 9))
        if draw(st.booleans()):  # a label, then values (most rows of a table)
            texts = [draw(_LABELS), *(draw(_VALUES) for _ in range(n))]
        else:
            texts = [draw(_TEXTS) for _ in range(n)]
        rows.append(
            tuple(
                TextCell(
                    text=text,
                    source=Source(table=1, row=r + 1, column=c + 1),
                    rows=draw(st.sampled_from([1, 1, 1, 1, 2, 3])),
                )
                for c, text in enumerate(texts)
            )
        )
    return Grid(rows=tuple(rows))


_SECTIONS = st.sampled_from([None, *labels.SECTIONS, "appeals"])


# --- the properties ----------------------------------------------------------------------


def _row(r: int, texts: list[str]) -> tuple[TextCell, ...]:
    return tuple(
        TextCell(text=t, source=Source(table=1, row=r, column=c + 1)) for c, t in enumerate(texts)
    )


@settings(max_examples=300)
@given(grids=st.lists(_grids(), min_size=1, max_size=3), section=_SECTIONS)
# Figures held after a label's piece are left over before those of a label's own row (the
# page's order), whether or not the label opens a row (found when two branches met).
@example(
    grids=[
        Grid(
            rows=(
                _row(1, ["1.信访举报投诉类申请", *["0"] * 5]),
                _row(2, ["上年结转政府信", *["0"] * 9]),
                _row(3, ["本年度办理结果", "0"]),
            )
        )
    ],
    section=None,
)
def test_the_table_reader_gives_what_the_first_gave(grids: list[Grid], section: str | None) -> None:
    """The same calls to the builder, the same editions, as the first reader's."""
    runs = []
    for reader, editions in (
        (_FirstReader, _FirstEditions()),
        (_interpret._TableReader, _interpret._Editions()),
    ):
        log = _Log()
        said = []
        for grid in grids:
            tables = reader(log, editions)  # type: ignore[arg-type]
            tables.read(grid, section)
            said.append(tables.edition)
        state = (editions.first, editions.counts, editions.one_row, editions.current)
        runs.append((log.calls, said, state))
    assert runs[0] == runs[1]


_RANKS = st.tuples(st.booleans(), st.integers(0, 3))
_KEYS = st.sampled_from(sorted(_interpret._CELL_KINDS)[:40] + sorted(_interpret._CELL_KINDS)[-40:])
_CELLS = st.builds(
    TextCell,
    text=st.sampled_from(["0", "1", "2", "−3", "/", "", "x", "1.50", "二"]),
    source=st.builds(Source, table=st.integers(1, 3), row=st.integers(1, 9)),
)


@given(
    steps=st.lists(st.tuples(st.lists(st.tuples(_KEYS, _CELLS), max_size=5), _RANKS), max_size=8)
)
def test_a_row_in_one_step_is_its_cells_one_at_a_time(
    steps: list[tuple[list[tuple[CellKey, TextCell]], tuple[bool, int]]],
) -> None:
    """``add_cells`` leaves the builder as ``add_cell`` as first written does, a cell a call."""
    first, now = _interpret._Builder(), _interpret._Builder()
    for pairs, rank in steps:
        for key, cell in pairs:
            _first_add_cell(first, key, cell, rank)
        now.add_cells([k for k, _ in pairs], [c for _, c in pairs], rank)
    first.finish()
    now.finish()
    for name in ("cells", "ranks", "contested", "duplicates", "unread", "findings"):
        assert getattr(first, name) == getattr(now, name), name


@given(
    values=st.lists(_CELLS, max_size=8),
    n=st.integers(0, 8),
)
def test_fitting_a_short_row_is_as_first(values: list[TextCell], n: int) -> None:
    assert _interpret._fit(values, n) == _first_fit(values, n)


_PARA_TEXTS = st.one_of(
    st.sampled_from(
        [
            "（一）主动公开方面。全年主动公开信息120条。",
            "（二）改进措施",
            "(三)存在的问题：一是…",
            " （四）其他",
            "\u3000（五）其他",
            "（十一）超过",
            "（一",
            "（",
            "(",
            "",
            " ",
            "本机关坚持以公开为常态。",
            "（一）2023年，我局认真落实各项要求，持续推进政务公开工作，取得了明显成效，群众满意度持续提升。",
        ]
    ),
    st.text(alphabet="（()）一二三 \u3000\t。：:正文", max_size=8),
)
_STYLES = st.sampled_from(
    [None, None, None, "html:h", "html:p", "GovBody", "GovHeading2", "GovTitle", "Other", ""]
)


@given(
    texts=st.lists(st.tuples(_PARA_TEXTS, _STYLES), max_size=20),
    styles=st.sampled_from([_interpret.WRITER_STYLES, {"": "body"}, {"": "heading2", "x": "body"}]),
)
def test_a_section_is_built_as_first(
    texts: list[tuple[str, str | None]], styles: Mapping[str, str]
) -> None:
    paras = [
        Para(text=text, source=Source(paragraph=i), style=style)
        for i, (text, style) in enumerate(texts)
    ]
    draft = _interpret._SectionDraft(
        key="overview", heading="一、总体情况", source=Source(paragraph=0)
    )
    draft.paras = paras
    assert draft.build(styles) == _first_build(draft, styles)


def test_a_part_starts_with_a_bracket_or_white_space() -> None:
    """``_PART_START`` holds every character a paragraph ``_PART`` matches can start with."""
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (space.match(char) is not None) == char.isspace(), hex(code)
        assert char.isspace() == (char in _interpret._PART_START and char not in "（("), hex(code)


_BLOCK_TEXTS = st.one_of(
    st.sampled_from(
        [
            *(label.number + label.text for label in labels.SECTIONS.values()),
            "（一）工作。" + "本机关坚持以公开为常态，" * 12,
            "本机关坚持以公开为常态，不公开为例外。" * 8,
            "本机关发出收费通知3件，总金额1240.00元，实际收取信息处理费420.00元。",
            "首页",
            "某县教育局2023年政府信息公开工作年度报告",
            "2024年1月20日",
            "分享到：" * 40,
            # the writer's fee sentence, longer than the narrative step's paragraphs
            FEES_SENTENCE.format(notices="1" * 50, notices_amount="2" * 50, collected="3" * 50),
        ]
    ),
    st.text(alphabet="本机关公开。，", min_size=100, max_size=140),
)


@st.composite
def _blocks(draw: st.DrawFn) -> list[Para | Grid]:
    blocks: list[Para | Grid] = []
    for i in range(draw(st.integers(0, 25))):
        if draw(st.integers(0, 9)) == 0:
            blocks.append(draw(_grids()))
            continue
        blocks.append(
            Para(
                text=draw(_BLOCK_TEXTS),
                source=Source(paragraph=i + 1),
                style=draw(
                    st.sampled_from([None, None, None, None, "GovBody", "GovFees", "html:h"])
                ),
                outside=draw(st.integers(0, 9)) == 0,
            )
        )
    return blocks


@settings(max_examples=200)
@given(blocks=_blocks())
def test_the_narrative_taken_at_once_is_read_as_before(blocks: list[Para | Grid]) -> None:
    """The pass over the blocks gives the same record without its narrative step."""
    fast = _read(blocks)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_interpret, "_NARRATIVE", 10**9)
        slow = _read(blocks)
    assert fast == slow


def _read(blocks: list[Para | Grid]) -> object:
    try:
        return _interpret.interpret(blocks, source="x", fmt="html")
    except Exception as exc:  # noqa: BLE001 - compared as data
        return (type(exc), str(exc))


def test_the_narrative_step_is_for_paragraphs_without_a_role() -> None:
    """Its premises: no role without a style, no heading or widget that long."""
    assert "" not in _interpret.WRITER_STYLES
    assert _interpret._NARRATIVE >= _interpret._WIDGET_LENGTH > _interpret._HEADING_MAX
    assert _interpret.match_section("一、总体情况" + "。" * _interpret._HEADING_MAX) is None


# --- remembered readings, headers and the statistical period -----------------------------


def _first_reading(kind: str, text: str) -> tuple[object, bool]:
    value = parse_signed(text) if kind == "signed" else parse_value(text)
    if kind == "amount" and isinstance(value, int):
        value = Decimal(value)
    return value, value is None and is_blank(text)


_CELL_TEXTS = st.one_of(
    st.sampled_from(["0", "1", "1,234", "12.50", "12.50万元", "−3", "－3", "+2", "—", "/", "无"]),
    st.text(alphabet="0123456789.,+-−－—/ 无元万", max_size=8),
    st.text(max_size=300),
)


@given(kind=st.sampled_from(sorted(set(_interpret._CELL_KINDS.values()))), text=_CELL_TEXTS)
def test_a_cells_reading_is_remembered_faithfully(kind: str, text: str) -> None:
    first = _first_reading(kind, text)
    for _ in range(2):
        reading = _interpret._reading_remembered(kind, text)
        assert reading == first
        assert [type(v) for v in reading] == [type(v) for v in first]


@given(
    key=st.one_of(
        st.sampled_from(_interpret._HEADERS).flatmap(
            lambda h: st.tuples(st.integers(0, len(h)), st.integers(0, len(h))).map(
                lambda ij: h[min(ij) : max(ij)]
            )
        ),
        st.text(max_size=80),
    )
)
def test_a_header_piece_is_found_as_first(key: str) -> None:
    first = bool(key) and any(key in header for header in _interpret._HEADERS)
    assert _interpret._is_header(key) == first
    assert _interpret._is_header(key) == first  # remembered


def _first_period(text: str) -> int | None:
    match = _interpret._PERIOD.search(compact(text))
    return int(match[1]) if match else None


_PERIOD_PIECES = st.sampled_from(
    [
        "本报告所列数据的统计期限自",
        "2023年1月1日",
        "２０２３年１月１日",
        "起",
        "至",
        "⾄",
        "㉃",
        "2023年12月31日",
        "２０２３年１２月３１日",
        "2024年12月31日",
        "止",
        "。",
        "｡",
        "，",
        ",",
        "“",
        " ",
        "\u3000",
        "㋀",
        "㋋",
        "㏠",
        "㏾",
        "①",
        "\u0301",
        "\u3099",
        "か",
        "ｶ",
        "\uff9e",
        "가",
        "\u11a8",
        "1",
        "2",
        "3",
        "年",
        "月",
        "日",
    ]
)


@st.composite
def _period_texts(draw: st.DrawFn) -> str:
    """Texts around a statistical period's sentence, its characters in other forms."""
    year = draw(st.sampled_from(["2023", "２０２３", "2022"]))
    forms = {"至": ["至", "⾄", "㉃"], "1": ["1", "１", "①"], "年": ["年", "⾠"], "。": ["。", "｡"]}
    sentence = f"{year}年1月1日{draw(st.sampled_from(['起', '']))}至{year}年12月31日"
    out = []
    for char in sentence:
        out.append(draw(st.sampled_from(forms.get(char, [char]))))
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from([" ", "\u3000", "\u0301", "。", "，"])))
    before = "".join(draw(st.lists(_PERIOD_PIECES, max_size=8)))
    after = "".join(draw(st.lists(_PERIOD_PIECES, max_size=8)))
    return before + "".join(out) + after


@settings(max_examples=500)
@given(text=st.one_of(st.lists(_PERIOD_PIECES, max_size=24).map("".join), _period_texts()))
def test_the_statistical_period_is_found_as_first(text: str) -> None:
    assert _interpret._period_year(text) == _first_period(text)


def test_the_premises_of_the_period_by_sentences() -> None:
    """NFKC of a text is that of its sentences joined by ``。``; only ⾄ and ㉃ make 至."""
    import unicodedata  # noqa: PLC0415 - this test alone

    stop = "\u3002"
    assert unicodedata.combining(stop) == 0
    assert unicodedata.normalize("NFKD", stop) == stop
    makes_zhi = set()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert stop not in unicodedata.decomposition(char), hex(code)  # composes with nothing
        if "至" in unicodedata.normalize("NFKD", char):
            makes_zhi.add(char)
    assert makes_zhi == {"至", "⾄", "㉃"}
    assert not set("“”‘’,，、") & set("0123456789年月日起至")  # what compact changes more


def test_the_interpreter_holds_the_cells_own_key_objects() -> None:
    """Row keys, appeal keys, kinds and print order hold each cell's own key object."""
    held = [
        *(key for row in _interpret._ROWS for key in row.keys),
        *(key for row in _interpret._ROWS for keys in row.spans for key in keys),
        *(key for row in _interpret._ROWS_2019.values() for key in row.keys),
        *_interpret._APPEAL_KEYS,
        *_interpret._CELL_KINDS,
        *(key for edition in EDITIONS for key in _interpret._print_order(edition)),
    ]
    assert held
    for key in held:
        assert key is any_cell(key).key, key


# --- a part's sub-heading ----------------------------------------------------------------


def _first_run_in(text: str, *, styled: bool = False) -> tuple[str, str, str]:
    """``run_in`` as first written: the number's end found by a second pattern."""
    match = _interpret._PART.match(text)
    if match is None:
        return text, text, ""
    number_end = _interpret._NUMBER_PREFIX.match(text).end()  # type: ignore[union-attr]  # _PART matched
    rest = match[2].strip()
    if styled:
        return text, text[number_end:], ""
    end = _interpret._TITLE_END.search(rest)
    if end is not None and end.start() <= _interpret._MAX_TITLE:
        heading_end = match.start(2) + end.end()
        return text[:heading_end].rstrip(), rest[: end.start()].strip(), rest[end.end() :].strip()
    if len(rest) > _interpret._MAX_TITLE and is_sentence(rest):
        return text[:number_end].strip(), "", rest
    return text, rest, ""


@settings(max_examples=500)
@given(
    text=st.one_of(
        _PARA_TEXTS, st.text(alphabet="（()）一二三四十 \u3000\t。：:正文，", max_size=60)
    ),
    styled=st.booleans(),
)
def test_a_run_in_heading_is_split_as_first(text: str, styled: bool) -> None:  # noqa: FBT001
    assert _interpret.run_in(text, styled=styled) == _first_run_in(text, styled=styled)
