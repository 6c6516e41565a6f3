"""Reading inputs within limits and writing outputs atomically (private)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from govinfo_report.errors import ReadError, WriteError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MAX_INPUT_BYTES", "atomic_write", "read_bytes"]

#: Inputs larger than this are refused before they are read (a report is well under 10 MB).
MAX_INPUT_BYTES: Final = 64 * 1024 * 1024


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole input file, refusing missing, unreadable or oversized files cleanly."""
    p = Path(path)
    try:
        with p.open("rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise ReadError(str(p), "文件不存在", "no such file") from None
    except IsADirectoryError:
        raise ReadError(str(p), "这是一个文件夹，不是文件", "is a directory, not a file") from None
    except OSError as exc:
        raise ReadError(
            str(p), f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})"
        ) from None
    if len(data) > limit:
        raise ReadError(
            str(p),
            f"文件超过 {limit} 字节的上限",
            f"the file is larger than the limit of {limit} bytes",
        )
    return data


def _default_mode(target: Path) -> int:
    """The existing file's mode, or 0666 less the process umask for a new file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:  # an unresolvable path is compared as written
        return path.absolute()


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write ``data`` to ``path`` atomically: a temporary file beside it, fsync, rename.

    ``protect`` names input files that must never be overwritten: writing over one of them
    raises :class:`~govinfo_report.errors.WriteError` and leaves it untouched. A crash leaves
    either the old file or the new one, never a half-written one.
    """
    target = Path(path)
    resolved = _resolved(target)
    for other in protect:
        if resolved == _resolved(Path(other)):
            raise WriteError(
                str(target),
                "输出文件与输入文件相同，拒绝覆盖输入文件",
                "the output is an input file; refusing to overwrite an input",
            )
    directory = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteError(
            str(target),
            f"无法在目标文件夹中写入（{exc.strerror}）",
            f"cannot write in the target folder ({exc.strerror})",
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp creates the file 0600; give it the mode a plain open() would have.
        Path(tmp).chmod(_default_mode(target))
        Path(tmp).replace(target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        if isinstance(exc, OSError):
            raise WriteError(
                str(target), f"写入失败（{exc.strerror}）", f"writing failed ({exc.strerror})"
            ) from None
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable
        with contextlib.suppress(OSError):
            dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    return target
