"""``govinfo-report render``: reports (JSON or any document read) to .docx, PDF, JSON, .xlsx, HTML.

The output's suffix chooses the format (:data:`FORMATS`, case-insensitive): ``-o report.pdf``
writes a PDF; with ``--out-dir``, ``--format`` chooses the suffix (default ``docx``). An
unknown suffix is refused, with the list of formats, before anything is read or written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TextIO

import attrs

from govinfo_report.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_lang,
    output_path,
    say,
)
from govinfo_report.cli._i18n import tr
from govinfo_report.cli._output import TextOutput
from govinfo_report.errors import ReadError, ReportError, WriteError

if TYPE_CHECKING:
    from govinfo_report.model import AnnualReport

__all__ = ["FORMATS", "Format", "register"]


class Format(NamedTuple):
    """An output format: the module and function that write it, the options it takes."""

    module: str
    function: str
    name_zh: str
    name_en: str
    options: tuple[str, ...] = ()


#: Output formats by suffix. A writer is imported only when its format is asked for; a
#: format whose module this installation lacks is refused with a clear message. To add a
#: format, add its suffix here (``options`` names the ``render`` arguments it takes).
FORMATS: Final = {
    ".docx": Format(
        "govinfo_report.formats.docx.writer", "write_docx", "Word 文档", "Word document", ("fonts",)
    ),
    ".pdf": Format(
        "govinfo_report.formats.pdf",
        "write_pdf",
        "PDF（经 LibreOffice 转换）",
        "PDF (through LibreOffice)",
        ("fonts",),
    ),
    ".json": Format("govinfo_report.formats.json.codec", "write_json", "年报 JSON", "report JSON"),
    ".xlsx": Format(
        "govinfo_report.formats.xlsx.writer", "write_xlsx", "Excel 工作簿", "Excel workbook"
    ),
    ".html": Format(
        "govinfo_report.formats.html.writer", "write_html", "网页", "web page", ("fragment",)
    ),
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` command."""
    suffixes = ", ".join(s.lstrip(".") for s in FORMATS)
    render = sub.add_parser(
        "render",
        help=tr(
            "将年报生成 Word、PDF、JSON、Excel 或网页",
            "write report JSON as .docx, PDF, JSON, .xlsx or HTML",
        ),
        description=tr(
            f"按国家格式生成每份年报，格式由输出文件的扩展名决定（{suffixes}；.pdf 需要 "
            "LibreOffice）。一个输入用 -o OUT.docx，多个输入用 --out-dir DIR（按输入命名，"
            "--format 决定扩展名）。不会覆盖输入文件；每个输出都原子写入。",
            "Write each report in the national layout, in the format its output's suffix "
            f"names ({suffixes}; .pdf needs LibreOffice). One input with -o OUT.docx, or "
            "several with --out-dir DIR (each named after its input, --format choosing the "
            "suffix). Inputs are never overwritten; each output is written atomically.",
        ),
    )
    render.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=tr(
            "年报 JSON，或工作簿（.xlsx）、.docx、PDF、网页、文本",
            "report JSON, or a workbook (.xlsx), .docx, PDF, web page or text",
        ),
    )
    where = render.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="OUT.docx",
        help=tr("输出文件，扩展名即格式", "the output file; its suffix is the format"),
    )
    where.add_argument(
        "--out-dir", metavar="DIR", help=tr("输出文件所在的文件夹", "folder for the outputs")
    )
    render.add_argument(
        "--format",
        choices=[s.lstrip(".") for s in FORMATS],
        help=tr(
            "与 --out-dir 合用：输出的格式（默认 docx）；与 -o 合用时须与扩展名一致",
            "with --out-dir: the outputs' format (default docx); with -o it must agree "
            "with the suffix",
        ),
    )
    render.add_argument(
        "--fonts",
        choices=("gb2312", "windows"),
        default="gb2312",
        help=tr(
            "字体方案：gb2312（仿宋_GB2312、楷体_GB2312，默认）或 windows（仿宋、楷体）",
            "font profile: gb2312 (仿宋_GB2312, 楷体_GB2312; default) or windows (仿宋, 楷体)",
        ),
    )
    render.add_argument(
        "--fragment",
        action="store_true",
        help=tr(
            "与 .html 合用：仅生成可嵌入网站页面的片段（样式只作用于片段本身）",
            "with .html: the article alone, its style scoped to it, to paste into a site's pages",
        ),
    )
    render.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_date,
        help=tr(
            "成文日期：文末署名下的日期（覆盖输入中的日期）",
            "the signature date (overrides the input's)",
        ),
    )
    add_lang(render)
    render.set_defaults(func=_cmd_render)


_DATE: Final = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def _date(text: str) -> dt.date:
    """A date as ``2026-01-20`` or ``2026年1月20日`` (argparse says when it is not one)."""
    match = _DATE.fullmatch(text.strip())
    try:
        if match is None:
            raise ValueError(text)  # noqa: TRY301 - one message for both
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        msg = f"不是日期：{text}（应写作 2026-01-20）| not a date: {text} (write 2026-01-20)"
        raise argparse.ArgumentTypeError(msg) from None


def _load(name: str, date: dt.date | None = None) -> AnnualReport:
    """The report in ``name`` (report JSON, or any document a reader reads), dated ``date``."""
    from govinfo_report import _io  # noqa: PLC0415
    from govinfo_report.formats.json.codec import loads  # noqa: PLC0415
    from govinfo_report.many._inputs import is_json_input  # noqa: PLC0415
    from govinfo_report.published.readers import read_content  # noqa: PLC0415

    data = _io.read_bytes(name)
    if is_json_input(data, name):
        report = loads(data, source=name)
    else:  # a workbook, .docx, PDF, web page or text: read and made a report
        report = read_content(data, name=name).to_report()
    return report if date is None else attrs.evolve(report, date=date)


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    files: list[str] = args.files
    lang: str = args.lang
    output = TextOutput(lang, out, err)
    if args.output and len(files) > 1:
        err.write(say(lang, "多个输入文件请使用 --out-dir", "several inputs need --out-dir"))
        return EXIT_UNREADABLE
    suffix = _suffix(args.output, args.format)
    writer = _refusal(suffix, args.format, lang, fragment=args.fragment)
    if isinstance(writer, str):
        err.write(writer)
        return EXIT_UNREADABLE
    options = {name: getattr(args, name) for name in FORMATS[suffix].options}
    targets = _targets(files, args.output, args.out_dir, suffix)
    clashes = _clashes(files, targets)
    if clashes:
        err.writelines(
            say(
                lang,
                f"{'、'.join(names)} 将写入同一个文件 {target}，请分别生成",
                f"{', '.join(names)} would all be written to {target}; render them apart",
            )
            for target, names in clashes.items()
        )
        return EXIT_UNREADABLE
    code = EXIT_OK
    for name, target in zip(files, targets, strict=True):
        try:
            report = _load(name, args.date)
            target.parent.mkdir(parents=True, exist_ok=True)
            writer(report, target, protect=files, **options)
        except ReadError as exc:
            output.unreadable(name, exc)
            code = max(code, EXIT_UNREADABLE)
        except ReportError as exc:
            output.findings(name, exc.findings)
            code = max(code, EXIT_FINDINGS)
        except WriteError as exc:
            err.write(exc.message(lang) + "\n")
            code = max(code, EXIT_UNREADABLE)
        except OSError as exc:  # the output folder cannot be made (a file is in the way)
            err.write(
                say(
                    lang,
                    f"{target}：无法创建输出文件夹（{exc.strerror}）",
                    f"{target}: cannot make the output folder ({exc.strerror})",
                )
            )
            code = max(code, EXIT_UNREADABLE)
        else:
            out.write(say(lang, f"已生成 {target}", f"wrote {target}"))
    return code


def _suffix(output: str | None, fmt: str | None) -> str:
    """The output's format as a suffix: the output's own (lower-cased), or ``--format``'s."""
    if output is not None:
        return Path(output).suffix.lower()
    return "." + (fmt or "docx")


def _refusal(suffix: str, fmt: str | None, lang: str, *, fragment: bool = False) -> Any:  # noqa: ANN401 - a writer
    """The writer of the format, or why the output cannot be written in it (a line)."""
    known = "、".join(f"{s}（{f.name_zh}）" for s, f in FORMATS.items())
    known_en = ", ".join(f"{s} ({f.name_en})" for s, f in FORMATS.items())
    if suffix not in FORMATS:
        shown = suffix or "（无）"
        return say(
            lang,
            f"无法按扩展名 {shown} 生成文件；可用的格式：{known}",
            f"cannot write a file ending in {suffix or '(none)'}; the formats are: {known_en}",
        )
    if fmt is not None and "." + fmt != suffix:
        return say(
            lang,
            f"--format {fmt} 与输出文件的扩展名 {suffix} 不一致",
            f"--format {fmt} disagrees with the output's suffix {suffix}",
        )
    if fragment and "fragment" not in FORMATS[suffix].options:
        return say(
            lang, "--fragment 只用于网页（.html）", "--fragment applies to web pages (.html)"
        )
    writer = _writer(FORMATS[suffix])
    if writer is None:
        name = FORMATS[suffix]
        return say(
            lang,
            f"此版本尚不能生成{name.name_zh}（{suffix}）",
            f"this version cannot write a {name.name_en} ({suffix}) yet",
        )
    return writer


def _writer(fmt: Format) -> Any | None:  # noqa: ANN401 - the writers differ in their options
    """The format's writer function, or ``None`` when this installation lacks its module."""
    try:
        module = importlib.import_module(fmt.module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and fmt.module.startswith(exc.name):
            return None
        raise
    return getattr(module, fmt.function, None)


def _targets(files: list[str], output: str | None, out_dir: str | None, suffix: str) -> list[Path]:
    if output is not None:
        return [Path(output)]
    folder = Path(out_dir or ".")
    return [folder / (Path(name).stem + suffix) for name in files]


def _clashes(files: list[str], targets: list[Path]) -> dict[Path, list[str]]:
    """Outputs that two inputs would share (a/report.json and b/report.json)."""
    seen: dict[Path, list[str]] = {}
    for name, target in zip(files, targets, strict=True):
        seen.setdefault(target.absolute(), []).append(name)
    return {target: names for target, names in seen.items() if len(names) > 1}
