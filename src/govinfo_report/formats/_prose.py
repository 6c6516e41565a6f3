"""The report's fixed sentences and number forms, shared by the .docx and HTML writers.

Pure text: no python-docx, no lxml. The .docx writer (:mod:`govinfo_report.formats.docx.writer`)
re-exports these names, which is where they are documented for users.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from govinfo_report import labels

if TYPE_CHECKING:
    import datetime as dt
    from decimal import Decimal

    from govinfo_report.model import AnnualReport, OtherMatters

__all__ = [
    "FEES_PATTERN",
    "FEES_SENTENCE",
    "cn_number",
    "fees_sentence",
    "fees_stated",
    "format_amount",
    "format_date",
    "opening",
    "title_lines",
]

#: The fee sentence of section 六; filled with ``str`` counts and :func:`format_amount`.
FEES_SENTENCE: Final = (
    "本年度收取{row}情况：{notices_label}为{{notices}}件，{amount_label}为{{notices_amount}}元，"
    "{collected_label}为{{collected}}元。"
).format(
    row=labels.FEE_ROW,
    notices_label=labels.FEE_LABELS["notices"],
    amount_label=labels.FEE_LABELS["notices_amount"],
    collected_label=labels.FEE_LABELS["collected"],
)

#: Parses the fee sentence: groups ``notices``, ``notices_amount``, ``collected``.
FEES_PATTERN: Final = re.compile(
    re.escape(FEES_SENTENCE)
    .replace(re.escape("{notices}"), r"(?P<notices>\d+)")
    .replace(re.escape("{notices_amount}"), r"(?P<notices_amount>\d+(?:\.\d+)?)")
    .replace(re.escape("{collected}"), r"(?P<collected>\d+(?:\.\d+)?)")
)

_LAW: Final = "《中华人民共和国政府信息公开条例》"
_FORMAT_NOTICE: Final = "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
#: The format each edition's reports cite: the 2019 one was issued for trial (试行).
_FORMAT_NOTICES: Final = {
    "2021": _FORMAT_NOTICE,
    "2019": "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
}


def format_amount(value: Decimal) -> str:
    """An amount with the precision its ``Decimal`` has, never in exponent form.

    >>> from decimal import Decimal
    >>> format_amount(Decimal("12.50")), format_amount(Decimal("1E+2")), format_amount(Decimal(0))
    ('12.50', '100', '0')
    """
    return format(value, "f")


def format_date(date: dt.date) -> str:
    """A date as GB/T 9704 writes it, without zero padding.

    >>> import datetime as dt
    >>> format_date(dt.date(2022, 1, 5))
    '2022年1月5日'
    """
    return f"{date.year}年{date.month}月{date.day}日"


_DIGITS: Final = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (two digits are enough for parts)."""
    if n < 10:  # noqa: PLR2004 - the decimal base
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    if tens >= 10:  # noqa: PLR2004 - the decimal base
        return str(n)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def opening(report: AnnualReport) -> str:
    """The generated opening paragraph: legal basis, six parts, period, site, contact.

    >>> from govinfo_report.model import AnnualReport, Contact, Publication
    >>> r = AnnualReport(organ="某县教育局", year=2023,
    ...     publication=Publication(site_name="某县人民政府网站", url="http://www.example.gov.cn"))
    >>> print(opening(r))  # doctest: +ELLIPSIS
    本报告根据《中华人民共和国政府信息公开条例》和...统计期限自2023年1月1日起至2023年12月31日止。本报告电子版可在“某县人民政府网站”（http://www.example.gov.cn）查阅或下载。
    >>> "国办公开办函〔2019〕60号" in opening(AnnualReport(organ="某县教育局", year=2020))
    True
    """
    parts = "、".join(label.text for label in labels.SECTIONS.values())
    text = (
        f"本报告根据{_LAW}和{_FORMAT_NOTICES.get(report.edition, _FORMAT_NOTICE)}要求编制，"
        f"全文包括{parts}六个部分。"
        f"本报告中所列数据的统计期限自{report.year}年1月1日起至{report.year}年12月31日止。"
    )
    pub = report.publication
    if pub is not None and (pub.site_name or pub.url):
        where = f"“{pub.site_name}”" if pub.site_name else ""
        where += f"（{pub.url}）" if pub.site_name and pub.url else pub.url
        text += f"本报告电子版可在{where}查阅或下载。"
    contact = report.contact
    if contact is not None:
        details = [
            f"{name}：{value}"
            for name, value in (
                ("地址", contact.address),
                ("邮编", contact.postcode),
                ("电话", contact.telephone),
            )
            if value
        ]
        if details:
            text += f"如对本报告有任何疑问，请与{report.organ}联系（{'，'.join(details)}）。"
    return text


#: Characters of the 22 pt title that fit the 156 mm line.
_TITLE_LINE: Final = 20
_TITLE_TAIL: Final = "政府信息公开工作年度报告"


def title_lines(title: str) -> list[str]:
    """The title's lines: a long title breaks before 政府信息公开工作年度报告.

    GB/T 9704 7.3.1 asks for a meaningful break (never one character alone on a line), as
    the sample's page has it:

    >>> title_lines("哈尔滨市阿城区金龙山镇2021年政府信息公开工作年度报告")
    ['哈尔滨市阿城区金龙山镇2021年', '政府信息公开工作年度报告']
    >>> title_lines("某县2023年政府信息公开工作年度报告")
    ['某县2023年政府信息公开工作年度报告']
    """
    head = title.removesuffix(_TITLE_TAIL)
    if len(title) <= _TITLE_LINE or head == title or not head:
        return [title]
    return [head, _TITLE_TAIL]


def fees_sentence(other: OtherMatters) -> str:
    fees = other.fees
    return FEES_SENTENCE.format(
        notices=fees.notices,
        notices_amount=format_amount(fees.notices_amount),
        collected=format_amount(fees.collected),
    )


def fees_stated(other: OtherMatters) -> bool:
    """Whether section 六's narrative already states the three fee figures the model has.

    Then the fixed fee sentence is left out, so the figures are printed once. The
    narrative is read the way a reader of published reports reads it
    (:func:`govinfo_report.published.readers._interpret.stated_fees`), so what is printed
    reads back to the same fees.
    """
    paragraphs = [*other.opening, *(p for part in other.parts for p in part.paragraphs)]
    if not any("收费" in p or "处理费" in p for p in paragraphs):
        return False
    from govinfo_report.published.readers._interpret import stated_fees  # noqa: PLC0415 - the reader's patterns (and lxml), loaded only when fees are mentioned

    fees = other.fees
    expected = {
        "notices": str(fees.notices),
        "notices_amount": format_amount(fees.notices_amount),
        "collected": format_amount(fees.collected),
    }
    return stated_fees(paragraphs) == expected
