r"""Reading a report from text flattened out of its web page (``read_text``).

Copying a published page to text turns each table into a run of cells: one per line, each
starting with a tab (or several tab-separated on one line), rows separated by empty lines,
long labels continued on the next line without a tab, and Table C's narrow headers one
character per line. Headings and paragraphs are plain lines. This is the layout of
``tests/data/published/jinlongshan-2021.txt``.

>>> record = read_text('''某镇2022年政府信息公开工作年度报告
... 二、主动公开政府信息情况
... \t第二十条第（一）项
...
... \t规章\t1\t0\t4
... \t规范性文件\t/\t\t2
... ''')
>>> record.organ, record.year
('某镇', 2022)
>>> [(c.key[-1], c.raw, c.number) for c in record.cells]  # doctest: +NORMALIZE_WHITESPACE
[('issued', '1', 1), ('repealed', '0', 0), ('in_force', '4', 4),
 ('issued', '/', 0), ('repealed', '', 0), ('in_force', '2', 2)]
>>> [f.code for f in record.findings]
['R-LABEL']
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Final, NoReturn

from govinfo_report._io import read_bytes
from govinfo_report.labels import APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS
from govinfo_report.published.readers._blocks import Grid, TextCell, new_cell, new_para
from govinfo_report.published.readers._decode import decode
from govinfo_report.published.readers._interpret import interpret, match_section
from govinfo_report.published.readers._limits import (
    MAX_ROW_CELLS,
    MAX_TABLE_CELLS,
    check_text,
    refuse_file_name,
    table_too_large,
)
from govinfo_report.published.readers._normal import squash
from govinfo_report.published.record import PublishedReport, Source

if TYPE_CHECKING:
    from govinfo_report.published.readers._blocks import Block

__all__ = ["read_text"]

_TABLE_SECTIONS: Final = frozenset({"proactive", "requests", "appeals"})
_MAX_CELL_LINE: Final = 60

#: A page number as a PDF viewer copies it with the page's text: ``- 3 -``, ``— 3 —``,
#: ``第 3 页``, ``第3页 共8页``, ``3 / 8``, ``Page 3 of 8``. A bare number is not one (it may be
#: a cell), nor ``-3`` (a signed 本年增/减).
_PAGE_NUMBER: Final = re.compile(
    r"[-—–－―‒~·•]+\s*\d{1,4}\s*[-—–－―‒~·•]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?",
    re.IGNORECASE,
)
#: A figure of a table row printed with spaces: a count, an amount, a signed 本年增/减, or a
#: blank's mark (``/``, ``—``, ``-``).
_FIGURE: Final = r"(?:[-－−+]?\d[\d,，]*(?:[.．]\d+)?|[/／—–－-])"
#: A table row copied out of a PDF viewer or a page with its cells separated by spaces:
#: its label (maybe none), then its figures, each set apart by white space.
_SPACED_ROW: Final = re.compile(rf"(?:(?P<label>.*?\S)\s+)?(?P<figures>{_FIGURE}(?:\s+{_FIGURE})*)")
#: Where a row label starts after fragments of the merged labels left of it (``本 2.其他…``,
#: ``办 （三）不 4.保护…``, as a viewer copies a vertically centred cell beside the row).
_LABEL_START: Final = re.compile(
    r"\s+(?=[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])"
)
_MAX_SINGLE_FIGURE_LABEL: Final = 20


def _spaced_row(line: str) -> list[str] | None:
    """The cells of a table row whose cells are separated by spaces, or None.

    A line of two figures or more, or a label then figures (one figure: a label of at most
    20 characters and no sentence punctuation, as Table 二's rows; a sentence of the
    narrative that ends in a number is not a row).
    """
    match = _SPACED_ROW.fullmatch(line.strip())
    if match is None:
        return None
    figures = match["figures"].split()
    label = match["label"]
    if label is None:
        return ["", *figures] if len(figures) > 1 else None
    if "。" in label or "；" in label:
        return None
    if len(figures) == 1 and (
        len(label) > _MAX_SINGLE_FIGURE_LABEL or any(p in label for p in "，,：:")
    ):
        return None
    return [*(p.strip() for p in _LABEL_START.split(label)), *figures]


def _running_title(line: str, seen: set[str]) -> bool:
    """A report's title printed again on later pages (a running header copied with them)."""
    text = squash(line).replace(" ", "")
    if not (text.endswith("报告") and "年" in text):
        return False
    if text in seen:
        return True
    seen.add(text)
    return False


def read_text(
    source: str | bytes | os.PathLike[str], *, name: str | None = None
) -> PublishedReport:
    """Read a report from flattened text: ``source`` is the text, its bytes, or a path.

    ``name`` labels the source in the record (default: the path, or ``<text>``).
    """
    if isinstance(source, os.PathLike):
        name = name or os.fspath(source)
        text, _ = decode(read_bytes(source))
    elif isinstance(source, bytes):
        text, _ = decode(source)
    else:
        text = source
        refuse_file_name(text, name or "<text>")
    check_text(text, name or "<text>", lines=True)
    return interpret(text_blocks(text, name or "<text>"), source=name or "<text>", fmt="text")


class _Lines:
    """The state of the line scanner: the table being gathered and its current row."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells = 0
        self.blocks: list[Block] = []
        self.rows: list[tuple[TextCell, ...]] = []
        self.row: list[list[object]] = []  # [text, line] pairs, texts grow with continuations
        self.tabbed = False
        self.last_was_cell = False

    def end_row(self) -> None:
        if self.row:
            cells = tuple(new_cell(str(t), Source(line=int(str(n)))) for t, n in self.row)
            self.rows.append(cells)
            self.row = []
        self.last_was_cell = False

    def end_table(self) -> None:
        self.end_row()
        if self.rows:
            self.blocks.append(Grid(rows=tuple(self.rows)))
        self.rows = []
        self.cells = 0
        self.tabbed = False

    def cell(self, text: str, line: int) -> None:
        self.row.append([text, line])
        self.last_was_cell = True
        self.cells += 1
        if len(self.row) > MAX_ROW_CELLS or self.cells > MAX_TABLE_CELLS:
            self.refuse()

    def split(self, line: str) -> list[str]:
        """A line's tab-separated pieces, refusing a line of more cells than a row holds."""
        if line.count("\t") > MAX_ROW_CELLS:
            self.row = [[""]] * (MAX_ROW_CELLS + 1)
            self.refuse()
        return line.split("\t")

    def refuse(self) -> NoReturn:
        table = sum(isinstance(b, Grid) for b in self.blocks) + 1
        if len(self.row) > MAX_ROW_CELLS:
            what = (
                f"的一行超过 {MAX_ROW_CELLS} 个单元格",
                f"a row of more than {MAX_ROW_CELLS} cells",
            )
        else:
            what = (f"超过 {MAX_TABLE_CELLS} 个单元格", f"more than {MAX_TABLE_CELLS} cells")
        raise table_too_large(self.name, table, what)


def _lines(text: str) -> list[tuple[int, str]]:
    """The text's numbered lines, page furniture left out, spaced tables made tabbed.

    A page number or a running title copied with a PDF's text is no line of the report (left
    out, not made empty: an empty line ends a table's row). In a table's section where a row
    prints its cells separated by spaces (a label then its figures), every line but the
    headings is a row: its cells are its label and figures, or, without figures, its words
    (headers, a label alone or a part of one); a sentence that ends in a number stays prose.
    """
    titles: set[str] = set()
    kept = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if not (_PAGE_NUMBER.fullmatch(line.strip()) or _running_title(line, titles))
    ]
    # the plain lines of each table section
    runs: list[tuple[str, list[int]]] = []
    section: str | None = None
    for index, (_, line) in enumerate(kept):
        if "\t" in line:
            continue
        heading = match_section(squash(line)) if line.strip() else None
        if heading is not None:
            section = heading[0]
            runs.append((section, []))
        elif section in _TABLE_SECTIONS and line.strip():
            runs[-1][1].append(index)
    for key, run in runs:
        rows = {index: _spaced_row(kept[index][1]) for index in run}
        if not any(rows.values()):
            continue
        widths = _widths(key, [(kept[index][1], cells) for index, cells in rows.items()])
        for (index, row), width in zip(rows.items(), widths, strict=True):
            number, line = kept[index]
            if row is None and _SPACED_ROW.fullmatch(line.strip()):
                continue  # a sentence ending in a number: prose, kept whole
            cells = row or squash(line).split(" ")
            if row is not None and 0 < (count := _figures(row)) < width:
                # a blank cell printed as nothing: the figures cannot be placed, so they are
                # kept together in the row's first cell, which is then no number (A-NONNEG)
                cells = [*row[:-count], " ".join(row[-count:])]
            kept[index] = (number, "\t" + "\t".join(cells))
    return kept


def _figures(cells: list[str]) -> int:
    """How many of a spaced row's cells are figures (they end it)."""
    count = 0
    for cell in reversed(cells):
        if not re.fullmatch(_FIGURE, cell):
            break
        count += 1
    return count


def _widths(section: str, lines: list[tuple[str, list[str] | None]]) -> list[int]:
    """How many figures each row of a spaced table has to print, one for each of its columns.

    Under a header row of Table 二 (``信息内容`` and its columns), as many as the header has
    columns; in Table 三, seven (the format's applicant columns); in Table 四, fifteen, or
    five where every row prints five (the table copied a group a line). A row that prints
    fewer had a blank cell, which spaces do not show.
    """
    widest = max((_figures(cells) for _, cells in lines if cells), default=0)
    if section == "requests":
        return [len(APPLICANT_COLUMNS)] * len(lines)
    if section == "appeals":
        group = len(APPEAL_COLUMNS)
        return [group * len(APPEAL_GROUPS) if widest > group else group] * len(lines)
    width = widest
    out = []
    for line, cells in lines:
        words = squash(line).split(" ")
        if cells is None and words[0] == "信息内容" and len(words) > 1:
            width = len(words) - 1
        out.append(width)
    return out


def text_blocks(text: str, name: str = "<text>") -> list[Block]:  # noqa: C901 - one pass over the lines
    """The paragraphs and table runs of a flattened page."""
    state = _Lines(name)
    section: str | None = None
    for number, line in _lines(text):
        if "\t" in line:
            pieces = state.split(line)
            head, cells = pieces[0], pieces[1:]
            if head.strip():
                if state.last_was_cell and state.tabbed and state.row:
                    state.row[-1][0] = str(state.row[-1][0]) + head.strip()
                else:
                    cells = pieces
            state.tabbed = True
            whole_row = len(cells) > 1  # tab-separated: the line is a row of its own
            if whole_row:
                state.end_row()
            for cell in cells:
                state.cell(cell.strip(), number)
            if whole_row:
                state.end_row()
            continue
        stripped = squash(line)
        if not stripped:
            state.end_row()
            continue
        heading = match_section(stripped)
        if heading is not None:
            state.end_table()
            section = heading[0]
            state.blocks.append(new_para(stripped, Source(line=number)))
            continue
        if state.last_was_cell and state.tabbed and state.row:
            state.row[-1][0] = str(state.row[-1][0]) + stripped.replace(" ", "")
            continue
        if (
            section in _TABLE_SECTIONS
            and not state.tabbed
            and len(stripped) <= _MAX_CELL_LINE
            and not stripped.endswith("。")
        ):
            state.cell(stripped, number)  # one cell per line, without tabs
            continue
        state.end_table()
        state.blocks.append(new_para(stripped, Source(line=number)))
    state.end_table()
    return state.blocks
