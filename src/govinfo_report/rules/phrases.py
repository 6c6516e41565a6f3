"""The narrative phrases T-TEXT checks against the tables, as data.

Each :class:`Phrase` names one cell, or one sum of cells, unambiguously enough that a figure
written right after it can be compared with the table: ``新收政府信息公开申请25件`` is Table
三's ``一、本年新收政府信息公开申请数量`` × ``总计``. A phrase with two readings in practice
(``收到…申请N件``: 一 in some reports, 一 + 二 in others) lists both, and a figure is
flagged only when no reading matches. :class:`Topic` holds what the words around a figure
may and may not be for the phrases of one subject. :mod:`govinfo_report.rules.narrative`
applies them.

>>> [p.name for p in PHRASES][:4]
['new', 'carried_over', 'carried_forward', 'handled']
>>> [".".join(key) for key in PHRASES[0].readings[0]]
['requests.new.total']
"""

from __future__ import annotations

import re
from typing import Final, Literal

import attrs

from govinfo_report.cells import CellKey

__all__ = ["DOCUMENT_OBJECTS", "PHRASES", "TOPICS", "ZERO_PHRASES", "Phrase", "Topic"]

Kind = Literal["count", "amount"]

#: Words that may close the gap between a phrase and its figure (共、合计、为、达…).
_END: Final = r"(?:共计|总计|合计|共|计|为|达到|达|是|有|了|\s)*"


@attrs.frozen(kw_only=True)
class Topic:
    """What the words around a figure may be, for the phrases of one subject.

    ``filler``: what may stand between the phrase and the figure (nothing else may);
    ``forbid``: words that, anywhere before the figure in its clause, make it another
    figure (a column of the table, a channel, a subset); ``context``: a pattern the
    sentence or the part's title must contain (``None``: the phrase is enough);
    ``elsewhere``: words of other subjects that, earlier in the sentence, make it about
    something else.
    """

    filler: str
    forbid: str
    context: str | None = None
    elsewhere: str | None = None


_OTHER_WORK = (
    r"复议|诉讼|行政许可|许可|处罚|信访|投诉|举报|建议|提案|热线|12345|咨询|留言|来信|来访"
)

#: The subjects, keyed by name.
TOPICS: Final = {
    "requests": Topic(
        filler=(
            r"(?:的|了|各类|\s)*(?:(?:政府)?信息公开|依申请公开)?(?:的)?(?:申请|请求)?"
            r"(?:件数|数量|数)?" + _END
        ),
        forbid=(
            r"自然人|法人|企业|组织|机构|律师|网上|网络|在线|当面|现场|信函|传真|邮件|邮寄"
            r"|电话|平台|渠道|" + _OTHER_WORK
        ),
        context=r"申请",
        elsewhere=_OTHER_WORK,
    ),
    "documents": Topic(
        filler=(
            r"(?:了|的|\s)*(?P<object>行政规范性文件|规范性文件|规章(?!制度))?"
            r"(?:件数|数量|数)?" + _END
        ),
        forbid=r"清理|备案|审核|审查|起草|解读|公开|梳理|评估|征求|修订|修改|废改|合法性",
    ),
    "appeals": Topic(
        filler=r"(?:的|\s)*(?:案件|申请)?(?:件数|数量|数)?" + _END,
        forbid=r"纠错|纠正|维持|败诉|胜诉|撤销|确认违法|驳回|审结|判决|调解|和解",
        context=r"信息公开",
    ),
    "decisions": Topic(
        filler=r"(?:的|\s)*(?:处理决定|决定)?(?:件数|数量|数)?" + _END,
        forbid=r"申请|受理|立案|事项|信息|公示|公开|清单|目录|案卷|评查|听证",
    ),
    "fees": Topic(
        filler=r"(?:的|\s)*(?:总金额|金额|总额|收入)?" + _END,
        forbid=r"项目|标准|减免|免收|免征|降低|减少|清单|目录",
    ),
    "processing_fees": Topic(
        filler=r"(?:的|\s)*(?:件数|数量|总金额|金额|总额)?" + _END,
        forbid=r"减免|免收|免征|标准|退还|退费",
    ),
}

#: The rows of Table 二's first group, by the words that name them.
DOCUMENT_OBJECTS: Final = {
    "行政规范性文件": "normative_documents",
    "规范性文件": "normative_documents",
    "规章": "regulations",
}


@attrs.frozen(kw_only=True)
class Phrase:
    """A phrase naming a cell or a sum of cells: its keyword and the readings of its figure.

    ``readings``: each a tuple of cell keys whose sum the figure may state (in Table 二's
    document rows the row is ``*``, filled from the object named: 规章 or 规范性文件).
    ``kind``: ``count`` (件、宗、起…) or ``amount`` (元、万元), and ``unit``: the unit of
    the cell (``1`` for counts and 元; ``10000`` for the 万元 of Table 二). ``after``: the
    phrase may also follow its figure (``2件结转下年度继续办理``). ``not_after``: words that
    must not stand right before the phrase (``按期办结`` is a part of ``办结``).
    ``example``: a sentence as reports write it (the docs quote it; a test proves it is read).
    """

    name: str
    topic: str
    keyword: re.Pattern[str]
    readings: tuple[tuple[CellKey, ...], ...]
    example: str
    kind: Kind = "count"
    unit: int = 1
    after: bool = False
    not_after: re.Pattern[str] | None = None


def _p(  # noqa: PLR0913 - each argument is a field of the record
    name: str,
    topic: str,
    keyword: str,
    readings: tuple[tuple[CellKey, ...], ...],
    example: str,
    *,
    kind: Kind = "count",
    unit: int = 1,
    after: bool = False,
    not_after: str | None = None,
) -> Phrase:
    return Phrase(
        name=name,
        topic=topic,
        keyword=re.compile(keyword),
        readings=readings,
        example=example,
        kind=kind,
        unit=unit,
        after=after,
        not_after=re.compile(f"(?:{not_after})$") if not_after else None,
    )


_NEW: Final = ("requests", "new", "total")
_OVER: Final = ("requests", "carried_over", "total")
_HANDLED: Final = ("requests", "results", "total", "total")
_FORWARD: Final = ("requests", "carried_forward", "total")
_RECONSIDERATION: Final = ("appeals", "reconsideration", "total")
_DIRECT: Final = ("appeals", "direct_litigation", "total")
_AFTER: Final = ("appeals", "litigation_after_reconsideration", "total")
_FEES: Final = ("other_matters", "fees")
_TIMING: Final = r"按期|按时|如期|逾期|延期|超期|当场|当日|当天|提前|限期|及时"

#: Every phrase T-TEXT reads, in the order the docs list them.
PHRASES: Final[tuple[Phrase, ...]] = (
    _p(
        "new",
        "requests",
        r"新(?:收到?|接收|受理)",
        ((_NEW,),),
        "2023年，本机关新收政府信息公开申请25件。",
    ),
    _p(
        "carried_over",
        "requests",
        r"上一?年度?(?:结转|转入)(?:至本年度?|到本年度?)?",
        ((_OVER,),),
        "另有上年结转申请2件。",
    ),
    _p(
        "carried_forward",
        "requests",
        r"(?:结转|转入)(?:至|到)?下一?年度?(?:继续)?(?:办理)?",
        ((_FORWARD,),),
        "结转下年度继续办理的申请1件。",
        after=True,
    ),
    _p(
        "handled",
        "requests",
        r"办结|答复|回复",
        ((_HANDLED,),),
        "全年共办结政府信息公开申请26件。",
        after=True,
        not_after=_TIMING + r"|不予",
    ),
    _p(
        "received",
        "requests",
        r"收到|接收|接到|受理",
        ((_NEW,), (_NEW, _OVER)),
        "全年共收到政府信息公开申请27件。",
        not_after=r"新",
    ),
    _p(
        "dealt_with",
        "requests",
        r"办理|处理",
        ((_NEW, _OVER), (_HANDLED,), (_NEW,)),
        "本年度共办理政府信息公开申请27件。",
        not_after=r"予|不予|其他|不再|继续|" + _TIMING,
    ),
    _p(
        "issued",
        "documents",
        r"(?:新)?(?:制发|制定|出台|印发)",
        ((("proactive", "*", "issued"),),),
        "全年制发行政规范性文件6件。",
    ),
    _p(
        "repealed",
        "documents",
        r"废止|宣布失效",
        ((("proactive", "*", "repealed"),),),
        "废止规章1件。",
    ),
    _p(
        "in_force",
        "documents",
        r"现行有效",
        ((("proactive", "*", "in_force"),),),
        "截至年底，现行有效行政规范性文件393件。",
    ),
    _p(
        "reconsideration",
        "appeals",
        r"行政复议",
        ((_RECONSIDERATION,),),
        "因政府信息公开被申请行政复议2件。",
    ),
    _p(
        "litigation",
        "appeals",
        r"行政诉讼|行政起诉",
        ((_DIRECT, _AFTER),),
        "因政府信息公开被提起行政诉讼1件。",
    ),
    _p(
        "direct_litigation",
        "appeals",
        r"(?:未经复议)?直接(?:提起)?(?:行政)?(?:起诉|诉讼)",
        ((_DIRECT,),),
        "政府信息公开行政诉讼中，未经复议直接起诉1件。",
    ),
    _p(
        "litigation_after_reconsideration",
        "appeals",
        r"复议后(?:提起)?(?:行政)?(?:起诉|诉讼)",
        ((_AFTER,),),
        "政府信息公开行政诉讼中，复议后起诉0件。",
    ),
    _p(
        "licensing",
        "decisions",
        r"行政许可",
        ((("proactive", "licensing"),),),
        "全年作出行政许可决定1,234件。",
    ),
    _p(
        "punishment",
        "decisions",
        r"行政处罚",
        ((("proactive", "punishment"),),),
        "作出行政处罚决定56件。",
    ),
    _p(
        "coercion",
        "decisions",
        r"行政强制",
        ((("proactive", "coercion"),),),
        "行政强制决定三件。",
    ),
    _p(
        "fees",
        "fees",
        r"行政事业性收费",
        ((("proactive", "fees"),),),
        "全年收取行政事业性收费12.5万元。",
        kind="amount",
        unit=10000,
    ),
    _p(
        "fee_notices",
        "processing_fees",
        r"发出(?:信息处理费)?收费通知书?",
        (((*_FEES, "notices"),),),
        "本年度发出收费通知的件数为2件。",
    ),
    _p(
        "fee_notices_amount",
        "processing_fees",
        r"收费通知书?(?:的)?总金额|总金额",
        (((*_FEES, "notices_amount"),),),
        "发出收费通知2件，总金额为120元。",
        kind="amount",
        not_after=r"收取|收取的|收|费|费的|费用|费用的",
    ),
    _p(
        "fee_collected",
        "processing_fees",
        r"实际收取(?:的)?(?:信息处理费|费用)?(?:的)?(?:总金额|金额|总额)?"
        r"|收取(?:了)?(?:政府信息公开)?(?:信息处理费|信息处理费用)(?:的)?(?:总金额|金额|总额)?",
        (((*_FEES, "collected"),),),
        "实际收取信息处理费80元。",
        kind="amount",
    ),
)

_SUBJECT: Final = r"(?:政府信息公开|信息公开)"

#: Clauses saying there was nothing (``未收到政府信息公开申请``): pattern, readings (all
#: zero), and the subject whose context they need. The pattern runs to the clause's end.
ZERO_PHRASES: Final[tuple[tuple[str, re.Pattern[str], tuple[tuple[CellKey, ...], ...]], ...]] = (
    (
        "requests",
        re.compile(
            r"(?:未|没有)(?:收到|受理|接到|接收)(?:过)?(?:任何)?(?:新的?)?"
            rf"(?:{_SUBJECT}|依申请公开)?(?:的)?申请(?:事项)?$"
        ),
        ((_NEW,), (_NEW, _OVER)),
    ),
    (
        "appeals",
        re.compile(
            rf"(?:未|没有|无)(?:发生|产生|出现|涉及)?(?:因|涉及)?{_SUBJECT}?(?:工作)?"
            r"(?:方面)?(?:引起|引发|而引起)?(?:的)?(?:被申请|被提起)?行政复议"
            r"(?:案件|情况|事项)?$"
        ),
        ((_RECONSIDERATION,),),
    ),
    (
        "appeals",
        re.compile(
            rf"(?:未|没有|无)(?:发生|产生|出现|涉及)?(?:因|涉及)?{_SUBJECT}?(?:工作)?"
            r"(?:方面)?(?:引起|引发|而引起)?(?:的)?(?:被申请|被提起)?行政复议(?:案件)?"
            r"(?:、|和|及|或|与|以及)(?:被提起)?(?:行政)?诉讼(?:案件|情况|事项)?$"
        ),
        ((_RECONSIDERATION, _DIRECT, _AFTER),),
    ),
    (
        "appeals",
        re.compile(
            rf"(?:未|没有|无)(?:发生|产生|出现|涉及)?(?:因|涉及)?{_SUBJECT}?(?:工作)?"
            r"(?:方面)?(?:引起|引发|而引起)?(?:的)?(?:被提起)?行政诉讼(?:案件|情况|事项)?$"
        ),
        ((_DIRECT, _AFTER),),
    ),
    (
        "processing_fees",
        re.compile(r"(?:未|没有)(?:收取|收)(?:任何)?(?:信息处理费|信息处理费用|费用)$"),
        (((*_FEES, "collected"),),),
    ),
    (
        "processing_fees",
        re.compile(r"(?:未|没有)(?:发出|开具)(?:任何)?(?:信息处理费)?收费通知书?$"),
        (((*_FEES, "notices"),),),
    ),
)
