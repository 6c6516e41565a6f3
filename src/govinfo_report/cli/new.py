"""``govinfo-report new``: the workbook a clerk fills in (private)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from govinfo_report.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, add_lang, say
from govinfo_report.cli._i18n import tr
from govinfo_report.cli._output import TextOutput
from govinfo_report.errors import ReportError, WriteError
from govinfo_report.model.report import EDITIONS

if TYPE_CHECKING:
    import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``new`` command."""
    new = sub.add_parser(
        "new",
        help=tr("生成待填写的 Excel 年报工作簿", "a workbook (.xlsx) to fill in"),
        description=tr(
            "生成一份待填写的年报工作簿（.xlsx）：三张统计表按国家格式排版，黄色格子填写，"
            "总计自动计算，表三下方显示勾稽关系是否相符。填完后用 check 检查、用 render 生成 "
            "Word 文档。",
            "Write a workbook to fill in: the three tables in the national layout, totals as "
            "formulas, the balance checked on the sheet. Then check it, render it.",
        ),
    )
    new.add_argument("--organ", required=True, help=tr("机关名称", "the organ"))
    new.add_argument("--year", required=True, type=int, help=tr("年度", "the year reported on"))
    new.add_argument(
        "--edition",
        choices=tuple(EDITIONS),
        default=None,
        help=tr(
            "格式版本（默认按年度：2019、2020 年度为 2019 版，2021 年度起为 2021 版）",
            "the edition of the format (by default the year's: 2019 for reports on 2019 and "
            "2020, 2021 from 2021 on)",
        ),
    )
    new.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.xlsx",
        help=tr("输出的工作簿（.xlsx）", "the workbook to write (.xlsx)"),
    )
    add_lang(new)
    new.set_defaults(func=_cmd_new)


def _cmd_new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from govinfo_report.formats.xlsx.writer import write_template  # noqa: PLC0415 - openpyxl

    lang: str = args.lang
    target = Path(args.output)
    if target.suffix.lower() != ".xlsx":
        err.write(
            say(
                lang,
                f"{target}：输出文件应以 .xlsx 结尾（Excel 工作簿）",
                f"{target}: the output must end in .xlsx (an Excel workbook)",
            )
        )
        return EXIT_UNREADABLE
    if target.exists():
        err.write(
            say(
                lang,
                f"{target} 已存在，未覆盖（可能已填写了数据）：请换一个文件名或先删除它",
                f"{target} exists and was not overwritten (it may hold figures): choose "
                "another name or delete it first",
            )
        )
        return EXIT_UNREADABLE
    try:
        write_template(target, organ=args.organ, year=args.year, edition=args.edition)
    except ReportError as exc:
        TextOutput(lang, out, err).findings(str(target), exc.findings)
        err.write(say(lang, "未写入任何文件", "nothing was written"))
        return EXIT_FINDINGS
    except WriteError as exc:
        err.write(exc.message(lang) + "\n")
        err.write(say(lang, "未写入任何文件", "nothing was written"))
        return EXIT_UNREADABLE
    out.write(
        say(
            lang,
            f"已写入 {target}：请在 Excel、WPS 或 LibreOffice 中填写黄色格子，"
            f"保存后运行 govinfo-report check {target}",
            f"wrote {target}: fill in the yellow cells in Excel, WPS or LibreOffice, save, "
            f"then run govinfo-report check {target}",
        )
    )
    return EXIT_OK
