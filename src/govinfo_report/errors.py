"""The exception family: one base, ``ValueError`` subclasses where the input is bad.

Each exception is a frozen attrs record with typed fields (``findings``, or the place and
the reason in Chinese and English), made positionally or by keyword, pickled by its fields,
and printed in both languages.

>>> from govinfo_report.findings import Place, make_finding
>>> f = make_finding("S-MISSING", Place(path="$.organ"))
>>> err = ReportError((f,))
>>> isinstance(err, ValueError), err.findings == (f,)
(True, True)
>>> print(err)
1 处问题 / 1 problem:
  发文机关：缺少必填项［S-MISSING］ | $.organ: required key is missing [S-MISSING]
>>> err = ReadError("a.json", "文件不存在", "no such file")
>>> err.source, err.message("en"), err.message("zh")
('a.json', 'a.json: no such file', 'a.json：文件不存在')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from govinfo_report.findings import Finding

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["GovinfoReportError", "MismatchError", "ReadError", "ReportError", "WriteError"]


class GovinfoReportError(Exception):
    """Base of every exception this library raises on purpose."""


def _tuple(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


@attrs.frozen
class ReportError(GovinfoReportError, ValueError):
    """A report breaks rules. ``findings`` lists every violation at once."""

    findings: tuple[Finding, ...] = attrs.field(converter=_tuple)

    def __str__(self) -> str:
        """How many problems, then one line per finding in both languages."""
        n = len(self.findings)
        lines = [f"{n} 处问题 / {n} problem{'s' if n != 1 else ''}:"]
        lines.extend(f"  {f.message_zh} | {f.message_en}" for f in self.findings)
        return "\n".join(lines)


class _Reasons:
    """Where, and why in Chinese and English: what a file error says (a mixin)."""

    __slots__ = ()
    where: str
    reason_zh: str
    reason_en: str

    def message(self, lang: str = "zh") -> str:
        """The reason in Chinese (``zh``, the default) or English (``en``).

        Chinese text takes the full-width colon (``a.json：文件不存在``), English the ASCII one.
        """
        if lang == "en":
            return f"{self.where}: {self.reason_en}"
        return f"{self.where}：{self.reason_zh}"

    def __str__(self) -> str:
        """``where：原因 | reason``."""
        return f"{self.where}：{self.reason_zh} | {self.reason_en}"


@attrs.frozen
class ReadError(_Reasons, GovinfoReportError, ValueError):
    """An input cannot be read at all: not a file of ours, corrupt, too large, unsafe."""

    where: str
    reason_zh: str
    reason_en: str

    @property
    def source(self) -> str:
        """The input, as the caller named it."""
        return self.where


@attrs.frozen
class WriteError(_Reasons, GovinfoReportError, OSError):
    """An output cannot be written (or would overwrite an input); nothing was changed."""

    where: str
    reason_zh: str
    reason_en: str

    @property
    def target(self) -> str:
        """The output, as the caller named it."""
        return self.where


@attrs.frozen
class MismatchError(GovinfoReportError, ValueError):
    """Reports that cannot go together: different years or editions, organs, or not consecutive.

    ``index`` is the 1-based position of the offending report in its sequence (``None``
    when the problem is the pair as a whole) and ``organ`` its organ.
    """

    index: int | None
    organ: str
    reason_zh: str
    reason_en: str

    def message(self, lang: str = "zh") -> str:
        """The reason in Chinese (``zh``, the default) or English (``en``)."""
        return self.reason_en if lang == "en" else self.reason_zh

    def __str__(self) -> str:
        """``原因 | reason``."""
        return f"{self.reason_zh} | {self.reason_en}"
