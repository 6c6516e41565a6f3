"""The exception family: one base, ``ValueError`` subclasses where the input is bad.

>>> from govinfo_report.findings import Place, make_finding
>>> f = make_finding("S-MISSING", Place(path="$.organ"))
>>> err = ReportError((f,))
>>> isinstance(err, ValueError), err.findings == (f,)
(True, True)
>>> print(err)
1 problem / 1 处问题:
  $.organ：缺少必填项［S-MISSING］ | $.organ: required key is missing [S-MISSING]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from govinfo_report.findings import Finding

__all__ = ["GovinfoReportError", "ReadError", "ReportError", "WriteError"]


class GovinfoReportError(Exception):
    """Base of every exception this library raises on purpose."""


class ReportError(GovinfoReportError, ValueError):
    """A report breaks rules. ``findings`` lists every violation at once."""

    findings: tuple[Finding, ...]

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        super().__init__(self._summary())

    def _summary(self) -> str:
        n = len(self.findings)
        lines = [f"{n} problem{'s' if n != 1 else ''} / {n} 处问题:"]
        lines.extend(f"  {f.message_zh} | {f.message_en}" for f in self.findings)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[ReportError], tuple[tuple[Finding, ...]]]:
        return (type(self), (self.findings,))


class _FileError(GovinfoReportError):
    """A file that cannot be read or written: where, and why in Chinese and English."""

    where: str
    reason_zh: str
    reason_en: str

    def __init__(self, where: str, reason_zh: str, reason_en: str) -> None:
        self.where = where
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        super().__init__(f"{where}: {reason_zh} | {reason_en}")

    def message(self, lang: str = "zh") -> str:
        """The reason in Chinese (``zh``, the default) or English (``en``)."""
        return f"{self.where}: {self.reason_en if lang == 'en' else self.reason_zh}"

    def __reduce__(self) -> tuple[type[_FileError], tuple[str, str, str]]:
        return (type(self), (self.where, self.reason_zh, self.reason_en))


class ReadError(_FileError, ValueError):
    """An input cannot be read at all: not a file of ours, corrupt, too large, unsafe."""

    @property
    def source(self) -> str:
        """The input, as the caller named it."""
        return self.where


class WriteError(_FileError, OSError):
    """An output cannot be written (or would overwrite an input); nothing was changed."""

    @property
    def target(self) -> str:
        """The output, as the caller named it."""
        return self.where
