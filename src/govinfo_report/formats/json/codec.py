"""JSON: reading and writing reports, and the checks on the way in.

The JSON form of a report is a flat object: the envelope (``format``, ``schema_version``,
``edition``), then the report's fields with English keys. Encoding decisions:

* counts are JSON integers; on input ``true``, ``1.0``, ``"3"`` and negative numbers are
  refused (rule A-NONNEG), never coerced;
* amounts (万元 in Table A, 元 for the fees of section 六) are written as decimal strings
  (``"12.50"``, the precision kept); on input a string of digits, an integer, or a JSON
  number read without going through ``float`` are accepted; ``NaN`` and infinities are
  refused;
* every total the printed tables show is written (``total`` of each Table B row, the
  （七）总计 row ``requests.results.total``, each Table C ``total``), so other tools need
  no arithmetic; on input a stated total is optional, and when present it must agree with
  its cells (B-ROWTOTAL, B-HANDLED, C-TOTAL name the cell);
* every other cell is required, unknown keys are errors, the date is ``YYYY-MM-DD``;
* Chinese stays unescaped (``ensure_ascii=False``).

Loading collects every problem of a document at once, each with its JSON path and, for
table cells, the official labels, and raises :class:`~govinfo_report.errors.ReportError`.
A sound document takes a fast path (structured directly, its stated totals compared with
the computed ones); any other is checked cell by cell and rule by rule, which is what names
its problems. Both give the same result.

>>> from govinfo_report import AnnualReport
>>> text = dumps(AnnualReport(organ="某县教育局", year=2023))
>>> loads(text) == AnnualReport(organ="某县教育局", year=2023)
True
>>> bad = text.replace('"natural_person": 0', '"natural_person": true', 1)
>>> try:
...     loads(bad)
... except ReportError as err:
...     print(err.findings[0].code, err.findings[0].place.path)
A-NONNEG $.requests.new.natural_person
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from govinfo_report import _io
from govinfo_report.cells import cell_values
from govinfo_report.errors import ReadError, ReportError
from govinfo_report.findings import Finding, Severity, capped
from govinfo_report.formats.json._converter import (
    FORMAT,
    READ_VERSIONS,
    SCHEMA_VERSION,
    dumps,
    only_reports,
    structure_part,
    to_dict,
)
from govinfo_report.formats.json._fast import structure_counted, structure_sound
from govinfo_report.formats.json._strict import check_head, check_slow, upgrade
from govinfo_report.model.report import EDITIONS, edition_year_finding
from govinfo_report.rules.catalogue import fee_cells, fee_findings

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable

    from govinfo_report.model import AnnualReport

__all__ = [
    "FORMAT",
    "MAX_JSON_SIZE",
    "READ_VERSIONS",
    "SCHEMA_VERSION",
    "check_dict",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "parse_json",
    "report_warnings",
    "structure_part",
    "to_dict",
    "write_json",
]


#: For each edition, the cells rule F-FEES reads and a function reading them from a report.
_FEE_VALUES: Final = {
    edition: (fee_cells(edition), cell_values(fee_cells(edition))) for edition in EDITIONS
}


def _check(data: object) -> tuple[AnnualReport | None, list[Finding]]:
    """The report (None when it cannot be made) and every finding: errors and warnings."""
    if isinstance(data, dict):
        data = upgrade(data)
    if isinstance(data, dict) and not check_head(data):
        report = structure_sound(data)
        if report is not None:
            # Sound, so the slow path would find no error; only the warnings remain.
            return report, report_warnings(report)
    return check_slow(data)


def report_warnings(report: AnnualReport) -> list[Finding]:
    """The findings a sound report can still have: F-FEES and E-EDITION (warnings)."""
    keys, read = _FEE_VALUES[report.edition]
    findings = fee_findings(dict(zip(keys, read(report), strict=True)))
    edition = edition_year_finding(report.edition, report.year)
    if edition is not None:
        findings.append(edition)
    return findings


def check_dict(data: object) -> list[Finding]:
    """Every finding about a JSON-like report, without raising: errors and warnings.

    At most :data:`~govinfo_report.findings.MAX_FINDINGS` are listed, then one S-LIMIT
    finding counts the rest.
    """
    return capped(_check(data)[1])


def from_dict(data: object) -> AnnualReport:
    """The report of a JSON-like dict; raises ``ReportError`` listing every error at once."""
    report, findings = _check(data)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors or report is None:
        raise ReportError(capped(errors))
    return report


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A repeated key would silently keep its last value: "year": 2023, "year": 2022.
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return out


class _ConstantError(ValueError):
    pass


def _reject_constant(name: str) -> None:
    raise _ConstantError(name)


def _is_gbk(data: bytes) -> bool:
    """True when ``data`` (not UTF-8) decodes as GB18030 and holds Chinese characters."""
    try:
        text = data[:65536].decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


#: The longest JSON document read, in bytes or characters: a report's JSON is some KB (its
#: narrative included, well under 1 MB); the bound keeps parsing within bounded time and
#: memory (15 million list items would otherwise take seconds and hundreds of MB).
MAX_JSON_SIZE: Final = 16 * 1024 * 1024


def _utf8(raw: bytes, source: str) -> str:
    """The text of a JSON file's bytes (UTF-8, a byte-order mark allowed), or a ReadError."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        zh, en = "", ""
        if _is_gbk(raw):  # Notepad on Chinese Windows saved it as ANSI (GBK)
            zh = "；文件看起来是 GBK（ANSI）编码：请用记事本打开，“另存为”时把编码选为 UTF-8"
            en = (
                "; the file looks like GBK (ANSI): open it in Notepad and save it "
                "again with the encoding UTF-8"
            )
        if raw[:2] == b"PK":
            zh = "；这是 .docx 或 .xlsx 文件，不是 JSON"
            en = "; this is a .docx or .xlsx file, not JSON"
        raise ReadError(
            source,
            f"不是 UTF-8 编码的文本（第 {exc.start} 字节）{zh}",
            f"not UTF-8 text (byte {exc.start}){en}",
        ) from None


def parse_json(text: str | bytes, source: str = "<string>") -> object:
    """JSON text to Python values; amounts stay exact, ``NaN``/``Infinity`` are refused.

    Bytes must be UTF-8 (a byte-order mark is allowed). A document longer than
    ``MAX_JSON_SIZE`` is refused before it is parsed.
    """
    if len(text) > MAX_JSON_SIZE:
        raise ReadError(
            source,
            f"JSON 文档超过 {MAX_JSON_SIZE // 2**20} MB，远超任何一份年度报告，拒绝读取",
            f"the JSON document is larger than {MAX_JSON_SIZE // 2**20} MB, far more than "
            "any annual report; refused",
        )
    if isinstance(text, bytes):
        text = _utf8(text, source)
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=_unique_keys,
        )
    except _DuplicateKeyError as exc:
        raise ReadError(
            source,
            f"JSON 对象中的键 “{exc.key}” 出现了两次",
            f'the key "{exc.key}" occurs twice in one JSON object',
        ) from None
    except json.JSONDecodeError as exc:
        raise ReadError(
            source,
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）",
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
        ) from None
    except _ConstantError as exc:
        raise ReadError(
            source, f"JSON 中不允许 {exc}", f"{exc} is not allowed in the JSON"
        ) from None
    except ValueError:  # an integer of thousands of digits (Python's int_max_str_digits)
        raise ReadError(source, "JSON 中的数字过长", "a number in the JSON is too long") from None
    except RecursionError:
        raise ReadError(source, "JSON 嵌套过深", "the JSON is nested too deeply") from None


def loads(text: str | bytes, *, source: str = "<string>") -> AnnualReport:
    """The report of a JSON text. Raises ``ReadError`` (not JSON) or ``ReportError``.

    The same as ``from_dict(parse_json(text, source))``, parsing a sound document once
    without a Python call per object (see :func:`_load_sound`).
    """
    report = _load_sound(text)
    if report is not None:
        return report
    return from_dict(parse_json(text, source))


def _parse_plain(text: str | bytes) -> tuple[str, dict[str, Any]] | None:
    r"""The text and the object plain ``json.loads`` makes of it, when the count can hold.

    None for text that is too long, not UTF-8, not JSON, not an object, or with a ``\u``
    escape: :func:`parse_json` says what is wrong, if anything.
    """
    if len(text) > MAX_JSON_SIZE:
        return None
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
    if "\\" in text and "\\u" in text:  # the first test is the fast one (memchr)
        return None
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return None
    return (text, data) if type(data) is dict else None


def _load_sound(text: str | bytes) -> AnnualReport | None:
    r"""The report of a sound document proved to repeat no key, else None.

    :func:`parse_json` refuses a repeated key with an ``object_pairs_hook``: a list of
    pairs, a Python call and a dict for each object, about 0.4× the cost of parsing. Here
    the text is parsed by plain ``json.loads`` and a repeated key is ruled out by counting:

    * outside strings, valid JSON has one colon for each member of an object (the other
      structural characters are ``{}[],``; numbers, ``true``, ``false`` and ``null`` have
      none), so ``text.count(":")`` is the number of members written, ``K``, plus the
      colons written inside strings, ``L``;
    * without a ``\u`` escape in the text (the one escape that can make a colon), each
      string's value has as many colons as its written form, so the colons of the texts
      of the parsed document, ``C``, are at most ``L``: each comes from its own string of
      the text (the values of a repeated key, dropped, are missing);
    * the sizes of the parsed objects add up to ``N <= K``, with ``N == K`` exactly when no
      object repeats a key (after decoding: ``"a"`` and ``"\u0061"`` are one key).

    The fast path gives ``N + C`` (:func:`~._fast.structure_counted`: every object and
    text of a document it accepts is met once, never twice). When ``text.count(":")``
    equals it, ``K + L = N + C``, so ``N == K`` and ``C == L``: no key is repeated and the
    plain parse is the one ``parse_json`` makes. Anything else (a repeated key, a ``\u``,
    text that is not JSON or a document the fast path does not accept, an error among the
    warnings) returns None, and ``loads`` takes the long way, which reports it as before.
    """
    parsed = _parse_plain(text)
    return None if parsed is None else _sound_unique(*parsed)


def _sound_unique(text: str, data: dict[str, Any]) -> AnnualReport | None:
    """The report of ``data``, parsed from ``text``, when sound and proved to repeat no key."""
    data = upgrade(data)
    if check_head(data):
        return None
    counted = structure_counted(data)
    if counted is None or counted[1] != text.count(":"):
        return None
    report = counted[0]
    if any(f.severity is Severity.ERROR for f in report_warnings(report)):
        return None
    return report


def write_json(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Write the report's JSON to ``path`` atomically; return the path written.

    ``protect`` names input files that must never be overwritten: naming one as ``path``
    raises :class:`~govinfo_report.WriteError` and leaves it untouched.
    """
    only_reports(report)
    return _io.atomic_write(path, dumps(report).encode("utf-8"), protect=protect)


def load(path: str | os.PathLike[str]) -> AnnualReport:
    """The report of a JSON file. Raises ``ReadError`` or ``ReportError``."""
    return loads(_io.read_bytes(path), source=str(Path(path)))
