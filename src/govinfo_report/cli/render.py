"""``govinfo-report render``: report JSON files to .docx in the national layout (private)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from govinfo_report.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, add_lang, say
from govinfo_report.cli._output import TextOutput
from govinfo_report.errors import ReadError, ReportError, WriteError

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``render`` command."""
    render = sub.add_parser(
        "render",
        help="write report JSON as .docx | 将年报 JSON 生成 Word 文档",
        description="Write each report as a .docx in the national layout. One input with "
        "-o OUT.docx, or several with --out-dir DIR (each named after its input). Inputs "
        "are never overwritten; each output is written atomically.",
    )
    render.add_argument("files", nargs="+", metavar="FILE.json")
    where = render.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="OUT.docx", help="the output file")
    where.add_argument("--out-dir", metavar="DIR", help="folder for the outputs")
    render.add_argument(
        "--fonts",
        choices=("gb2312", "windows"),
        default="gb2312",
        help="font profile: gb2312 (仿宋_GB2312, 楷体_GB2312; default) or windows (仿宋, 楷体)",
    )
    add_lang(render)
    render.set_defaults(func=_cmd_render)


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.formats.docx.writer import write_docx  # noqa: PLC0415 - loads python-docx
    from govinfo_report.formats.json.codec import load  # noqa: PLC0415

    files: list[str] = args.files
    lang: str = args.lang
    output = TextOutput(lang, out, err)
    if args.output and len(files) > 1:
        err.write(say(lang, "多个输入文件请使用 --out-dir", "several inputs need --out-dir"))
        return EXIT_UNREADABLE
    targets = _targets(files, args.output, args.out_dir)
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
            report = load(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_docx(report, target, protect=files, fonts=args.fonts)
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


def _targets(files: list[str], output: str | None, out_dir: str | None) -> list[Path]:
    if output is not None:
        return [Path(output)]
    folder = Path(out_dir or ".")
    return [folder / (Path(name).stem + ".docx") for name in files]


def _clashes(files: list[str], targets: list[Path]) -> dict[Path, list[str]]:
    """Outputs that two inputs would share (a/report.json and b/report.json)."""
    seen: dict[Path, list[str]] = {}
    for name, target in zip(files, targets, strict=True):
        seen.setdefault(target.absolute(), []).append(name)
    return {target: names for target, names in seen.items() if len(names) > 1}
