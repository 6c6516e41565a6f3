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
from typing import TYPE_CHECKING, Final, NoReturn

from govinfo_report._io import read_bytes
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


def text_blocks(text: str, name: str = "<text>") -> list[Block]:  # noqa: C901 - one pass over the lines
    """The paragraphs and table runs of a flattened page."""
    state = _Lines(name)
    section: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
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
