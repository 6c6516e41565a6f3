"""Reading inputs within limits and writing outputs atomically (private)."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final

from govinfo_report.errors import ReadError, WriteError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "MAX_INPUT_BYTES",
    "UnlistableFolderError",
    "atomic_write",
    "open_input",
    "read_bytes",
    "walk",
]

#: Inputs larger than this are refused before they are read (a report is well under 10 MB).
MAX_INPUT_BYTES: Final = 64 * 1024 * 1024


def open_input(path: str | os.PathLike[str]) -> BinaryIO:
    """Open an input file for reading; only a regular file is an input.

    A FIFO, a device or a socket is refused at once (opened without blocking, then looked
    at), so that a FIFO named ``x.json`` in a folder cannot stall a batch forever.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if p.is_symlink():
            raise ReadError(
                str(p),
                "是一个断开的符号链接（所指的文件不存在）",
                "is a dangling symbolic link (the file it points to does not exist)",
            ) from None
        raise ReadError(str(p), "文件不存在", "no such file") from None
    except IsADirectoryError:
        raise ReadError(str(p), "这是一个文件夹，不是文件", "is a directory, not a file") from None
    except OSError as exc:
        raise ReadError(
            str(p), f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})"
        ) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise ReadError(str(p), "这是一个文件夹，不是文件", "is a directory, not a file")
        raise ReadError(
            str(p),
            "不是普通文件（管道、设备或套接字），不作为输入读取",
            "not a regular file (a FIFO, device or socket); only regular files are inputs",
        )
    if hasattr(os, "O_NONBLOCK"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def walk(folder: str | os.PathLike[str]) -> Iterator[Path | ReadError]:
    """Every regular file under ``folder`` in name order; an error for an unlistable folder.

    A subfolder that cannot be listed is named, so that a partial batch is never taken for
    a whole one. Symbolic links to folders are not followed (a link loop cannot trap us); FIFOs,
    devices and sockets are not files to read. A name that cannot be looked at (a dangling
    symbolic link, a loop of links, a file gone since the folder was listed) is given all
    the same: reading it fails with a :class:`ReadError` that names it, so that no input
    is left out in silence.
    """
    errors: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from (_folder_error(e, folder) for e in errors)
        errors.clear()
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            try:
                mode = path.stat().st_mode
            except OSError:  # a dangling link, a link loop: left to its reading to name
                yield path
                continue
            if stat.S_ISREG(mode):
                yield path
    yield from (_folder_error(e, folder) for e in errors)


class UnlistableFolderError(ReadError):
    """A folder of a batch that cannot be listed: which inputs it holds is unknown.

    A total or a comparison made without it would be taken for a whole one.
    """


def _folder_error(exc: OSError, folder: str | os.PathLike[str]) -> UnlistableFolderError:
    where = exc.filename if exc.filename is not None else folder
    why = exc.strerror or type(exc).__name__
    return UnlistableFolderError(
        os.fspath(where), f"无法读取文件夹（{why}）", f"cannot read the folder ({why})"
    )


def read_bytes(path: str | os.PathLike[str], *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole input file, refusing missing, unreadable or oversized files cleanly."""
    p = Path(path)
    try:
        with open_input(p) as f:
            data = f.read(limit + 1)
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


def _refuse(target: Path | str, zh: str, en: str) -> WriteError:
    return WriteError(str(target), zh, en)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # unresolvable (a loop of links): compared as written
        return path.absolute()


def _destination(target: Path) -> tuple[Path, int | None]:
    """The regular file to replace (a symlink's target) and its mode; None: a new file.

    Refuses a target that is not a regular file (a folder, a FIFO, a device such as
    ``/dev/null``, a socket), and a symlink to one or a dangling symlink.
    """
    try:
        st = target.lstat()
    except FileNotFoundError:
        return target, None
    except OSError as exc:
        why = exc.strerror
        raise _refuse(
            target, f"无法访问输出位置（{why}）", f"cannot reach the output ({why})"
        ) from None
    if stat.S_ISLNK(st.st_mode):
        # A symlink is written through: the file it points to is replaced, the link stays.
        try:
            real = target.resolve(strict=True)
            st = real.stat()
        except (OSError, RuntimeError):
            raise _refuse(
                target,
                "输出位置是一个断开的符号链接，拒绝写入",
                "the output is a dangling symbolic link; refusing to write",
            ) from None
        target = real
    if stat.S_ISDIR(st.st_mode):
        raise _refuse(target, "输出位置是一个文件夹", "the output is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(
            target,
            "输出位置不是普通文件（设备、管道或套接字），拒绝替换",
            "the output is not a regular file (a device, FIFO or socket); refusing to replace it",
        )
    return target, stat.S_IMODE(st.st_mode)


#: Temporary files are named ``.{name}.{pid}.{random}.tmp`` beside the target.
_TEMP: Final = re.compile(r"\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[0-9a-f]{16}\.tmp")
#: A temporary file of a process that is gone is removed once it is this old (seconds).
_STALE_AFTER: Final = 60.0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _sweep(directory: Path, name: str) -> None:
    """Remove this library's temporary files for ``name`` left by processes that are gone.

    A process killed between creating its temporary file and renaming it (``kill -9``)
    leaves one behind; its name carries the process id, so a later write can tell.
    """
    now = time.time()
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        match = _TEMP.fullmatch(entry.name)
        if match is None or match["name"] != name or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            if now - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER:
                Path(entry.path).unlink()


def _temp_file(directory: Path, name: str) -> tuple[int, Path | None]:
    """An open file descriptor to write the new content to, and its name (None: unnamed).

    Where the kernel allows (Linux's ``O_TMPFILE``), the file has no name until it is
    complete, so a killed process leaves nothing behind. Else it is named with the process
    id (see :func:`_sweep`). Either way it is created with mode 0666 less the umask, as a
    plain ``open()`` would: the process umask is never changed.
    """
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if tmpfile and Path("/proc/self/fd").is_dir():
        try:
            return os.open(directory, tmpfile | os.O_WRONLY, 0o666), None
        except OSError:
            pass  # the filesystem does not support it: a named file then
    tmp = directory / f".{name}.{os.getpid()}.{secrets.token_hex(8)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    return os.open(tmp, flags, 0o666), tmp


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write ``data`` to ``path`` atomically: a temporary file beside it, fsync, rename.

    The rules for every output of the library and the command line:

    * a missing parent folder is created;
    * an existing regular file is replaced and keeps its permissions; a new file gets
      0666 less the umask (the process umask is never changed, so threads may write);
    * a symbolic link is written through: the file it points to is replaced;
    * a folder, a FIFO, a device (``/dev/null``), a socket, a dangling link and an empty
      path are refused with :class:`~govinfo_report.errors.WriteError`;
    * ``protect`` names input files that must never be overwritten: writing over one of
      them raises ``WriteError`` and leaves it untouched.

    A crash leaves either the old file or the new one, never a half-written one, and no
    temporary file that outlives its process (see :func:`_temp_file`).
    """
    target = _checked(path, protect)
    final, mode = _destination(target)
    directory = final.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temp_file(directory, final.name)
    except OSError as exc:
        raise _refuse(
            target,
            f"无法在目标文件夹中写入（{exc.strerror}）",
            f"cannot write in the target folder ({exc.strerror})",
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if mode is not None:
                os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
            if tmp is None:  # unnamed: give it a name now, only to rename it at once
                tmp = directory / f".{final.name}.{os.getpid()}.{secrets.token_hex(8)}.tmp"
                _link(f.fileno(), tmp)
        tmp.replace(final)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if isinstance(exc, PermissionError):
            # On Windows a file open in Word, Excel or WPS cannot be replaced.
            raise _refuse(
                target,
                f"写入失败（{exc.strerror}）：文件可能正在 Word、Excel 或 WPS 中打开，"
                "请先关闭它再试",
                f"writing failed ({exc.strerror}): the file may be open in Word, Excel or "
                "WPS; close it first and try again",
            ) from None
        if isinstance(exc, OSError):
            raise _refuse(
                target, f"写入失败（{exc.strerror}）", f"writing failed ({exc.strerror})"
            ) from None
        raise
    _sweep(directory, final.name)
    _sync(directory)
    return target


def _link(fd: int, name: Path) -> None:
    """Give the unnamed file open as ``fd`` a name (linkat with AT_SYMLINK_FOLLOW)."""
    # os.link follows the /proc magic link only through linkat, which it uses when a
    # directory descriptor is given.
    proc = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(fd), name, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def _checked(path: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str]]) -> Path:
    """The target as a path: not empty, and none of the protected inputs."""
    if not os.fspath(path):
        nothing = ""
        raise _refuse(
            nothing, "未指定输出文件（路径为空）", "no output file was named (the path is empty)"
        )
    target = Path(path)
    resolved = _resolved(target)
    for other in protect:
        if resolved == _resolved(Path(other)):
            raise _refuse(
                target,
                "输出文件与输入文件相同，拒绝覆盖输入文件",
                "the output is an input file; refusing to overwrite an input",
            )
    return target


def _sync(directory: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself durable
        with contextlib.suppress(OSError):
            dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
