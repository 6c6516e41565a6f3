"""Walking inputs: the files and folders a caller or the command line names (private).

The one walker of the library: :func:`walk` turns paths into the files to read (a folder is
searched recursively with :func:`os.walk`, which never follows a symbolic link to a folder,
so a link loop cannot trap it; names in order, a folder's files before its subfolders;
suffixes in any case; hidden files skipped), and yields a :class:`ReadError` for a path that
cannot be used, as the caller asks: missing, a file of the wrong kind, a folder with nothing
to read. :func:`iter_reports` and :func:`load_inputs` read report JSON (and JSON Lines) along
it, one report at a time; ``audit`` walks published documents with it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from govinfo_report import _io
from govinfo_report.errors import ReadError, ReportError
from govinfo_report.formats.json.codec import loads
from govinfo_report.model import AnnualReport

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "REPORT_SUFFIXES",
    "UNREAD_SUFFIXES",
    "Loaded",
    "UnreadKindError",
    "is_json_input",
    "is_report_file",
    "iter_reports",
    "load_inputs",
    "looks_like_json",
    "walk",
]

#: The suffixes of report JSON: one report (``.json``) or one a line (``.jsonl``).
JSON_SUFFIXES: Final = frozenset({".json", ".jsonl"})
#: The suffixes of the documents the readers read (workbooks, Word, PDF, web pages, text):
#: each is read and made a report on the way.
DOCUMENT_SUFFIXES: Final = frozenset(
    {".xlsx", ".docx", ".pdf", ".html", ".htm", ".shtml", ".mht", ".mhtml", ".txt"}
)
#: Every suffix a batch takes.
REPORT_SUFFIXES: Final = JSON_SUFFIXES | DOCUMENT_SUFFIXES

Reason = tuple[str, str]

_SAVE_DOCX = ("请用 Word 或 WPS 另存为 .docx", "save it as .docx in Word or WPS")
_SAVE_XLSX = ("请用 Excel 或 WPS 另存为 .xlsx", "save it as .xlsx in Excel or WPS")
#: Documents a report is often kept in that no reader reads, each with what to do: one
#: found in a folder is named, not passed over (a unit's report saved as .doc would
#: otherwise be left out of a total, or an audit, without a word).
UNREAD_SUFFIXES: Final[dict[str, Reason]] = {
    ".doc": _SAVE_DOCX,
    ".wps": _SAVE_DOCX,
    ".rtf": _SAVE_DOCX,
    ".odt": _SAVE_DOCX,
    ".xls": _SAVE_XLSX,
    ".et": _SAVE_XLSX,
    ".ods": _SAVE_XLSX,
    ".ofd": ("请用 OFD 阅读器导出为 PDF", "export it as PDF from an OFD reader"),
}


class UnreadKindError(ReadError):
    """A file found in a folder, of a kind reports are kept in but no reader reads."""


def _unread(path: Path) -> UnreadKindError:
    suffix = path.suffix.lower()
    zh, en = UNREAD_SUFFIXES[suffix]
    return UnreadKindError(
        str(path),
        f"不能读取 {suffix} 文件，未计入：{zh} 后再试",
        f"{suffix} files cannot be read; left out: {en}, then try again",
    )


@attrs.frozen(kw_only=True)
class Loaded:
    """One input of a batch: its source (``file`` or ``file:line``) and the report or error."""

    source: str
    report: AnnualReport | None = None
    error: ReadError | ReportError | None = None


def is_report_file(name: str | os.PathLike[str]) -> bool:
    """Whether a file name ends in a suffix of :data:`REPORT_SUFFIXES` (in any case)."""
    return Path(name).suffix.lower() in REPORT_SUFFIXES


def files_under(folder: Path, suffixes: frozenset[str]) -> Iterator[Path | ReadError]:
    """The regular files under ``folder`` with one of ``suffixes`` (any case).

    A :class:`ReadError` names each subfolder that cannot be listed, and an
    :class:`UnreadKindError` each document of a kind no reader reads (``.doc``, ``.wps``,
    ``.xls``, ``.ofd``…: see :data:`UNREAD_SUFFIXES`).
    """
    for found in _io.walk(folder):
        if isinstance(found, ReadError):
            yield found
        elif found.name.startswith((".", "~$")):
            continue
        elif found.suffix.lower() in suffixes:
            yield found
        elif found.suffix.lower() in UNREAD_SUFFIXES:
            yield _unread(found)


def walk(
    paths: Iterable[str | os.PathLike[str]],
    *,
    suffixes: frozenset[str],
    missing: bool = False,
    named: Reason | None = None,
    empty: Reason | None = None,
) -> Iterator[str | ReadError]:
    """The files to read under ``paths``, in order, and the paths that cannot be used.

    A folder gives its files with one of ``suffixes``; a file named is given as named. A
    :class:`ReadError` takes the place of a path that does not exist (with ``missing``), of
    a file named whose suffix is not one of ``suffixes`` (with ``named``, its reason) and of
    a folder without such files (with ``empty``, its reason).
    """
    for raw in paths:
        path = Path(raw)
        name = os.fspath(raw)
        if path.is_dir():
            found = False
            for file in files_under(path, suffixes):
                found = found or not isinstance(file, UnreadKindError)
                yield file if isinstance(file, ReadError) else os.fspath(file)
            if not found and empty is not None:
                yield ReadError(name, *empty)
        elif missing and not path.exists():
            yield ReadError(name, "文件不存在", "no such file")
        elif named is not None and path.is_file() and path.suffix.lower() not in suffixes:
            yield ReadError(name, *named)
        else:
            yield name


def iter_reports(path: str | os.PathLike[str]) -> Iterator[Loaded]:
    """Every report under ``path``, one at a time, each a :class:`Loaded`.

    ``path`` may be a JSON file (one report), a JSON Lines file (``.jsonl``: one report a
    line, blank lines skipped; sources are ``file:line``), a document the readers read
    (``.xlsx``, ``.docx``, ``.pdf``, ``.html``, ``.htm``, ``.shtml``, ``.txt``: read and
    made a report) or a folder (every such file in it and its subfolders, in name order;
    suffixes in any case, hidden files skipped). A file, line or report that cannot be read
    is yielded with its error, and the batch goes on.
    """
    for file in walk([path], suffixes=REPORT_SUFFIXES):
        if isinstance(file, ReadError):  # a document no reader reads, a folder unlisted
            yield Loaded(source=file.source, error=file)
        else:
            yield from _iter_file(Path(file))


def load_inputs(
    paths: Iterable[str],
    *,
    named: Reason,
    not_json: Reason,
    empty: Reason | None = None,
) -> Iterator[Loaded]:
    """Every report under ``paths``, and every path that gives none, each a :class:`Loaded`.

    A missing path is unreadable; so is a file named whose suffix is none of
    :data:`REPORT_SUFFIXES` (reason ``named``), a ``.json`` file that is not JSON at all,
    such as a web page or a .docx (reason ``not_json``), and, with ``empty``, a folder
    without reports.
    """
    for file in walk(paths, suffixes=REPORT_SUFFIXES, missing=True, named=named, empty=empty):
        if isinstance(file, ReadError):
            yield Loaded(source=file.source, error=file)
            continue
        for item in _iter_file(Path(file)):
            yield _not_json(item, Path(file), not_json)


def is_json_input(data: bytes, name: str) -> bool:
    """Whether a file is read as report JSON: named ``.json``/``.jsonl``, or JSON by content.

    Anything else (a workbook, .docx, PDF, web page or text) is read by the readers.
    """
    return Path(name).suffix.lower() in JSON_SUFFIXES or looks_like_json(data[:4096])


def looks_like_json(data: bytes) -> bool:
    """Whether ``data`` starts like a JSON object (after a byte-order mark and spaces)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    return data.lstrip(b" \t\r\n")[:1] == b"{"


def _not_json(item: Loaded, file: Path, reason: Reason) -> Loaded:
    """``item``, its reason replaced by ``reason`` when ``file`` as a whole is not JSON."""
    if not isinstance(item.error, ReadError) or item.source != str(file) or not file.is_file():
        return item
    if file.suffix.lower() not in JSON_SUFFIXES:  # a document's own reason stands
        return item
    try:
        with file.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return item
    if looks_like_json(head):
        return item
    return Loaded(source=item.source, error=ReadError(item.source, *reason))


def _iter_file(path: Path) -> Iterator[Loaded]:
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl(path)
        return
    try:
        data = _io.read_bytes(path)
    except ReadError as exc:
        yield Loaded(source=str(path), error=exc)
        return
    if path.suffix.lower() not in JSON_SUFFIXES:
        yield _document(data, str(path))
        return
    yield _load(data, str(path))


def _document(data: bytes, source: str) -> Loaded:
    """A published document or a clerk's workbook, read and made a report."""
    from govinfo_report.published.readers import read_content  # noqa: PLC0415 - lazy lxml

    try:
        return Loaded(source=source, report=read_content(data, name=source).to_report())
    except (ReadError, ReportError) as exc:
        return Loaded(source=source, error=exc)


def _jsonl(path: Path) -> Iterator[Loaded]:
    try:  # only a regular file: a FIFO named x.jsonl would block the batch forever
        f = _io.open_input(path)
    except ReadError as exc:
        yield Loaded(source=str(path), error=exc)
        return
    with f:
        first = True  # the first line that is not blank is yet to come
        for lineno, line in enumerate(iter(lambda: f.readline(_io.MAX_INPUT_BYTES + 1), b""), 1):
            source = f"{path}:{lineno}"
            if len(line) > _io.MAX_INPUT_BYTES:
                yield Loaded(
                    source=source,
                    error=ReadError(source, "该行过长", "the line is too long"),
                )
                # Skip the rest of the overlong line.
                rest = line
                while rest and not rest.endswith(b"\n"):
                    rest = f.readline(_io.MAX_INPUT_BYTES + 1)
                continue
            bare = line.removeprefix(b"\xef\xbb\xbf").strip() if lineno == 1 else line.strip()
            if not bare:
                continue
            if first and bare in (b"{", b"["):
                # Not JSON Lines but one JSON document laid out on many lines (a report's
                # JSON renamed .jsonl): one report, not a parse error for each line.
                f.seek(0)
                yield _whole(f.read(_io.MAX_INPUT_BYTES + 1), str(path))
                return
            first = False
            yield _load(line, source)


def _whole(data: bytes, source: str) -> Loaded:
    """A JSON Lines file that is one JSON document: loaded whole, within the size limit."""
    if len(data) > _io.MAX_INPUT_BYTES:
        limit = _io.MAX_INPUT_BYTES
        return Loaded(
            source=source,
            error=ReadError(
                source,
                f"文件超过 {limit} 字节的上限",
                f"the file is larger than the limit of {limit} bytes",
            ),
        )
    return _load(data, source)


def _load(data: bytes, source: str) -> Loaded:
    try:
        return Loaded(source=source, report=loads(data, source=source))
    except (ReadError, ReportError) as exc:
        return Loaded(source=source, error=exc)
