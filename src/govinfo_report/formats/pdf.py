"""The report as a PDF: this library's .docx, converted by LibreOffice.

:func:`write_pdf` writes a file atomically; :func:`pdf_bytes` returns the bytes. The PDF is
the .docx (:func:`~govinfo_report.formats.docx.writer.docx_bytes`) as LibreOffice lays it
out, so it has the same layout, fonts permitting: install the official fonts (or choose the
``windows`` profile on a machine that has 仿宋 and 楷体), or LibreOffice substitutes them.

LibreOffice (``soffice``, or ``libreoffice``) must be on the PATH; without it
:class:`~govinfo_report.errors.WriteError` says how to install it and nothing is written.
Each conversion runs in its own temporary folder with its own LibreOffice profile (so
conversions can run side by side, and never touch the user's LibreOffice settings), is
stopped after ``timeout`` seconds, and leaves no file behind but the result.

The PDF's title is the report's title (from the .docx's core properties) and its language
``zh-CN``: LibreOffice writes the document's Western language as the PDF's ``/Lang``, so the
entry is rewritten in place (same length: the PDF's cross-reference offsets stay valid).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

from govinfo_report._io import atomic_write
from govinfo_report.errors import WriteError

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from govinfo_report.model import AnnualReport

__all__ = ["CONVERTERS", "TIMEOUT", "find_converter", "pdf_bytes", "write_pdf"]

#: Program names of LibreOffice, tried in this order on the PATH.
CONVERTERS: Final = ("soffice", "libreoffice")
#: Seconds a conversion may take (a first start with a new profile takes a few seconds).
TIMEOUT: Final = 180.0

_INSTALL_ZH: Final = (
    "生成 PDF 需要 LibreOffice（soffice），但在 PATH 中找不到。请安装后重试："
    "Debian/Ubuntu 执行 apt-get install libreoffice-writer-nogui fonts-noto-cjk；"
    "Windows 或 macOS 从 https://www.libreoffice.org 下载安装，并把 soffice 所在目录加入 PATH。"
    "也可以先生成 .docx，再用 Word 或 WPS 另存为 PDF"
)
_INSTALL_EN: Final = (
    "making a PDF needs LibreOffice (soffice), which is not on the PATH. Install it and try "
    "again: on Debian/Ubuntu apt-get install libreoffice-writer-nogui fonts-noto-cjk; on "
    "Windows or macOS from https://www.libreoffice.org, with the folder of soffice on the "
    "PATH. Or write the .docx and save it as PDF from Word or WPS"
)
_LANG: Final = re.compile(rb"/Lang\s*\(([A-Za-z]{2}-[A-Za-z]{2})\)")


def find_converter() -> str | None:
    """The path of LibreOffice's ``soffice`` on the PATH, or ``None``."""
    for name in CONVERTERS:
        found = shutil.which(name)
        if found is not None:
            return found
    return None


def pdf_bytes(
    report: AnnualReport,
    *,
    fonts: str | Mapping[str, str] = "gb2312",
    timeout: float = TIMEOUT,
    where: str = "PDF",
) -> bytes:
    """The report as the bytes of a PDF (LibreOffice's rendering of our .docx).

    ``where`` names the output in errors. Raises :class:`~govinfo_report.errors.WriteError`
    when LibreOffice is missing, fails or takes longer than ``timeout`` seconds.
    """
    from govinfo_report.formats.docx.writer import docx_bytes  # noqa: PLC0415 - python-docx

    converter = find_converter()
    if converter is None:
        raise WriteError(where, _INSTALL_ZH, _INSTALL_EN)
    document = docx_bytes(report, fonts=fonts)
    with tempfile.TemporaryDirectory(prefix="govinfo-pdf-") as work:
        folder = Path(work)
        source = folder / "report.docx"
        source.write_bytes(document)
        _convert(converter, source, folder, timeout, where)
        result = folder / "report.pdf"
        if not result.is_file():
            raise WriteError(
                where,
                "LibreOffice 未生成 PDF（文档转换失败）",
                "LibreOffice made no PDF (the conversion failed)",
            )
        data = result.read_bytes()
    return _set_language(data, b"zh-CN")


def write_pdf(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
    fonts: str | Mapping[str, str] = "gb2312",
    timeout: float = TIMEOUT,
) -> Path:
    """Write the report to ``path`` as a PDF, atomically; return the path written.

    ``protect`` names input files that must never be overwritten. Needs LibreOffice on the
    PATH (:func:`find_converter`); without it, or when the conversion fails, raises
    :class:`~govinfo_report.errors.WriteError` and writes nothing.
    """
    data = pdf_bytes(report, fonts=fonts, timeout=timeout, where=str(path))
    return atomic_write(path, data, protect=protect)


def _convert(converter: str, source: Path, folder: Path, timeout: float, where: str) -> None:
    """Run LibreOffice on ``source``; its own profile in ``folder``, killed on timeout."""
    command = [
        converter,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(folder),
        str(source),
    ]
    # A session of its own: soffice is a script that starts soffice.bin, and a timeout
    # must stop the whole group, not only the script.
    with subprocess.Popen(  # noqa: S603 - our own arguments, the converter found on PATH
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        cwd=folder,
    ) as process:
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            process.communicate()
            raise WriteError(
                where,
                f"LibreOffice 在 {timeout:g} 秒内未完成转换，已停止",
                f"LibreOffice did not finish the conversion within {timeout:g} seconds; stopped",
            ) from None
        finally:
            _kill(process)
    if process.returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise WriteError(
            where,
            f"LibreOffice 转换失败（退出码 {process.returncode}）{detail[0]}",
            f"LibreOffice failed (exit code {process.returncode}) {detail[0]}",
        )


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Stop the converter's process group, if anything of it is still running."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):  # the group has ended
        return


def _set_language(pdf: bytes, lang: bytes) -> bytes:
    """``pdf`` with its catalog's ``/Lang`` set to ``lang`` (same length, so in place).

    >>> _set_language(b"<</Type/Catalog/Lang(en-US)>>", b"zh-CN")
    b'<</Type/Catalog/Lang(zh-CN)>>'
    """
    match = _LANG.search(pdf)
    if match is None or len(match[1]) != len(lang):
        return pdf
    return pdf[: match.start(1)] + lang + pdf[match.end(1) :]
