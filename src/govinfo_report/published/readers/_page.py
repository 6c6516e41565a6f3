r"""What a government web page puts around a report, as data: furniture, metadata, titles.

Why one module: the vocabularies of page furniture are data used by one positional rule;
they are kept beside it.

Government sites publish the report inside their CMS page (拓尔思 TRS WCM, 大汉 JCMS,
the provincial 集约化 platforms, DeDe/PHP county sites...). Whatever the CMS, the page
wraps the article in the same kinds of furniture: breadcrumbs, share and font-size widgets,
version switches, download links, QR prompts, print/close buttons, view counters, related
links and the site's footer; and it prints the document's metadata (来源, 发布时间, 索引号,
文号) in lines or tables. The vocabularies below are what these CMSs print (the words, not
one site's markup); :mod:`._interpret` decides by position what is the report's own text.

>>> is_widget("【字体：大 中 小】【打印】【关闭】"), is_widget("微信 微博 QQ空间")
(True, True)
>>> is_widget("扫一扫在手机上查看当前页面"), is_widget("当前位置：首页 > 政务公开 > 年报")
(True, True)
>>> is_widget("全年主动公开信息100条。"), is_widget("无")
(False, False)
>>> meta = metadata_fields("来源：某某办公室 时间：2025-03-10 15:35")
>>> meta["publisher"], meta["published"]
('某某办公室', datetime.date(2025, 3, 10))
>>> title_identity("某县教育局关于2024年政府信息公开工作年度报告")
('某县教育局', 2024)
>>> title_identity("二〇二四年度某市财政局政府信息公开工作年度报告")
('某市财政局', 2024)
>>> parse_date("二〇二四年一月二十六日"), parse_date("2024年1月26日")
(datetime.date(2024, 1, 26), datetime.date(2024, 1, 26))
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Final

__all__ = [
    "METADATA_KEYS",
    "WIDGET_PREFIXES",
    "WIDGET_WORDS",
    "cn_int",
    "is_metadata",
    "is_page_number",
    "is_sentence",
    "is_widget",
    "metadata_fields",
    "parse_date",
    "title_identity",
]

#: Whole words of the widgets CMS pages print around an article (a line made only of
#: these, brackets and separators is furniture wherever it stands).
WIDGET_WORDS: Final = frozenset(
    {
        # sharing
        "分享",
        "分享到",
        "微信",
        "微博",
        "新浪微博",
        "腾讯微博",
        "QQ",
        "QQ空间",
        "QQ好友",
        "朋友圈",
        "微信好友",
        "人人网",
        "豆瓣",
        "复制链接",
        "一键分享",
        "更多",
        # font size and reading aids
        "字号",
        "字体",
        "大",
        "中",
        "小",
        "默认",
        "放大",
        "缩小",
        "A+",
        "A-",
        "A",
        "超大",
        "标准",
        "朗读",
        "听全文",
        "语音播报",
        "播放",
        "暂停",
        "停止",
        "读屏",
        # version switches
        "全真版",
        "文字版",
        "图文版",
        "简体版",
        "繁体版",
        "繁體",
        "简体",
        "繁体",
        "无障碍",
        "无障碍浏览",
        "长者模式",
        "关怀版",
        "适老化",
        "适老版",
        "English",
        "手机版",
        "PC版",
        # downloads and attachments
        "附件",
        "附件下载",
        "文件下载",
        "下载",
        "下载附件",
        "相关附件",
        "原文下载",
        "PDF下载",
        "下载文件",
        "附件列表",
        "查看原文",
        "原文链接",
        "相关文件",
        # QR prompts
        "扫一扫",
        "扫一扫在手机上查看当前页面",
        "扫一扫在手机打开当前页",
        "手机扫一扫",
        "扫码阅读",
        "扫描二维码",
        "用手机扫描二维码",
        "手机查看",
        "在手机上打开",
        "二维码",
        "扫一扫在手机打开",
        "手机阅读",
        "扫一扫在手机上查看",
        # print, close, keep
        "打印",
        "打印本页",
        "打印此页",
        "打印文章",
        "打印页面",
        "关闭",
        "关闭窗口",
        "关闭本页",
        "关闭此页",
        "返回",
        "返回顶部",
        "回到顶部",
        "返回列表",
        "收藏",
        "加入收藏",
        "收藏本页",
        "纠错",
        "我要纠错",
        "保存",
        "保存本页",
        "另存为",
        "TOP",
        "顶部",
        # related links and navigation between articles
        "相关链接",
        "相关新闻",
        "相关阅读",
        "相关文章",
        "相关信息",
        "相关稿件",
        "相关推荐",
        "上一篇",
        "下一篇",
        "上一条",
        "下一条",
        "上一页",
        "下一页",
        "目录",  # a table of contents' label
        "首页",
        "尾页",
        # breadcrumbs
        "当前位置",
        "您当前的位置",
        "您的位置",
        "当前所在位置",
        "您现在的位置",
        "位置",
        "政务公开",
        "政府信息公开",
        "信息公开",
        "政府信息公开年报",
        "政府信息公开年度报告",
        "信息公开年报",
        "年度报告",
        "年报",
        "法定主动公开内容",
        "政府信息公开目录",
        "信息公开目录",
        "正文",
        "详情",
        "内容",
        "首页>",
        # page footer
        "网站地图",
        "联系我们",
        "网站声明",
        "隐私声明",
        "使用帮助",
        "关于我们",
        "网站导航",
        "政府网站找错",
        "网站纠错",
        "主办单位",
        "承办单位",
        "主办",
        "承办",
        "协办",
        "版权所有",
        "技术支持",
        "网站标识码",
        "网站识别码",
        "党政机关",
        "运维单位",
    }
)

#: How a furniture line may start: after one of these the rest of the line is the widget's
#: (a breadcrumb's path, a footer's organ and numbers).
WIDGET_PREFIXES: Final = (
    "当前位置",
    "您当前的位置",
    "您的位置",
    "当前所在位置",
    "您现在的位置",
    "所在位置",
    "分享到",
    "字号",
    "【字体",
    "字体：",
    "扫一扫",
    "版权所有",
    "主办单位",
    "承办单位",
    "主办：",
    "承办：",
    "网站标识码",
    "网站识别码",
    "技术支持",
    "ICP备",
    "京ICP",
    "公网安备",
    "相关链接",
    "Copyright",
    "copyright",
    "©",
    "上一篇",
    "下一篇",
    "浏览次数",
    "阅读次数",
    "点击数",
    "访问量",
    "浏览量",
    "建议使用",
    "为了获得最佳浏览效果",
)

# Brackets and separators between widget words (compact, NFKC: full-width forms folded).
_SEPARATORS: Final = re.compile(r"[\s\[\]【】〔〕()<>《》|｜/\\·•,、:：>»›→\-—_*]+")
_TOKEN_DIGITS: Final = re.compile(r"\d+(次|人次)?")
#: A page's number as print layouts and PDF-to-HTML converters leave it between the
#: paragraphs (NFKC: full-width digits and commas folded): ``第 2 页 共 6 页``,
#: ``第2页，共6页``, ``共6页 第2页``, ``2/6``, ``Page 2 of 6``. (``- 2 -`` and ``— 2 —`` are
#: widget tokens: digits between separators.)
_PAGE_NUMBER: Final = re.compile(
    r"第\s*\d+\s*页(?:\s*[,、/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,、/]?\s*第\s*\d+\s*页"
    r"|\d+\s*/\s*\d+(?:\s*页)?|(?i:page\s*\d+(?:\s*of\s*\d+)?)"
)
_DASHED_NUMBER: Final = re.compile(r"[-—–·•]+\s*\d+\s*[-—–·•]+|\d+")

#: Sentence punctuation: a line with any of these says something (a report's text).
_SENTENCE: Final = re.compile(r"[。！？；，!?;]|[,]\s")


def is_sentence(text: str) -> bool:
    """True when ``text`` has sentence punctuation (a report's text, not a widget)."""
    return _SENTENCE.search(text) is not None


#: The longest widget, and the longest line of several widgets run together.
_WIDGET_MAX: Final = 120
_RUN_MAX: Final = 4 * _WIDGET_MAX


def is_page_number(text: str) -> bool:
    """True when ``text`` is a page's number (``- 2 -``, ``第2页，共6页``, ``2/6``)."""
    if len(text) > _WIDGET_MAX:
        return False
    key = unicodedata.normalize("NFKC", text).strip()
    return _PAGE_NUMBER.fullmatch(key) is not None or _DASHED_NUMBER.fullmatch(key) is not None


@functools.lru_cache(maxsize=4096)
def is_widget(text: str) -> bool:
    """True when ``text`` is one of the widgets CMS pages print around an article.

    Or several run together (inline elements with nothing between them), each piece a
    widget or a metadata line of at most ``_WIDGET_MAX`` characters.
    """
    if len(text) > _RUN_MAX:
        return False
    key = unicodedata.normalize("NFKC", text).strip()
    if not key:
        return False
    if len(text) <= _WIDGET_MAX:
        if key.startswith(WIDGET_PREFIXES) or _PAGE_NUMBER.fullmatch(key):
            return True
        if is_sentence(key):
            return False
        if _widget_tokens(key):
            return True
    return _furniture_run(key)


def _widget_tokens(key: str) -> bool:
    """True when every token of ``key`` is widget words or a counter's digits."""
    tokens = [t for t in _SEPARATORS.split(key) if t]
    return bool(tokens) and all(_TOKEN_DIGITS.fullmatch(t) or _widget_words(t) for t in tokens)


@functools.cache
def _piece_start() -> re.Pattern[str]:
    """Where a piece of furniture may start inside a line.

    A bracket, a widget prefix, a metadata key with its colon (made on first use: the keys
    are defined below).
    """
    keys = "|".join(sorted(map(re.escape, METADATA_KEYS), key=len, reverse=True))
    prefixes = "|".join(re.escape(p) for p in WIDGET_PREFIXES)
    return re.compile(rf"[【\[]|{prefixes}|(?:{keys})\s*[:：]")


def _furniture_run(key: str) -> bool:
    """True when ``key`` is several pieces of furniture run together, each a widget or metadata.

    Inline elements of different widgets with nothing between them read as one line
    (``【打印本页】【关闭窗口】来源：某某办公室 时间：2025-03-10 15:35当前位置：首页 > …``).

    >>> _furniture_run("【打印本页】【关闭窗口】来源：某某办公室当前位置：首页 > 政务公开")
    True
    >>> _furniture_run("【打印】本报告数据来源：统计年鉴")
    False
    """
    starts = sorted({0, *(m.start() for m in _piece_start().finditer(key))})
    if len(starts) < 2:  # noqa: PLR2004 - one piece is not a run
        return False
    pieces = [key[a:b].strip() for a, b in zip(starts, [*starts[1:], len(key)], strict=True)]
    # a piece of brackets and separators alone (the 【 before 字号：…) is nothing
    pieces = [p if _SEPARATORS.sub("", p) else "" for p in pieces]
    return all(
        len(piece) <= _WIDGET_MAX
        and (
            not piece
            or (_widget_tokens(piece) and not is_sentence(piece))
            or piece.startswith(WIDGET_PREFIXES)
            or is_metadata(piece)
        )
        for piece in pieces
    )


_LONGEST_WIDGET_WORD: Final = max(len(w) for w in WIDGET_WORDS)


def _widget_words(token: str) -> bool:
    """True when ``token`` is one widget word, or several run together.

    Two widgets' inline elements with nothing between them read as one token
    (``QQ空间附件下载``).

    >>> _widget_words("QQ空间附件下载"), _widget_words("微信"), _widget_words("微信公开")
    (True, True, False)
    """
    ends = {0}  # positions reached by whole widget words
    for start in range(len(token)):
        if start in ends:
            ends.update(
                start + n
                for n in range(1, min(_LONGEST_WIDGET_WORD, len(token) - start) + 1)
                if token[start : start + n] in WIDGET_WORDS
            )
    return len(token) in ends


#: The metadata keys CMSs print (``来源：…``), each with the record field it fills (``None``:
#: kept with the line, no field of its own).
METADATA_KEYS: Final = {
    "来源": "publisher",
    "信息来源": "publisher",
    "文章来源": "publisher",
    "发布机构": "publisher",
    "发布单位": "publisher",
    "发文机关": "publisher",
    "发文机构": "publisher",
    "所属机构": "publisher",
    "发布时间": "published",
    "发布日期": "published",
    "时间": "published",
    "日期": "published",
    "公开日期": "published",
    "成文日期": None,
    "生成日期": None,
    "索引号": "index_number",
    "文号": "document_number",
    "发文字号": "document_number",
    "作者": None,
    "编辑": None,
    "责任编辑": None,
    "发布者": None,
    "浏览次数": None,
    "阅读次数": None,
    "点击数": None,
    "访问量": None,
    "浏览量": None,
    "主题分类": None,
    "体裁分类": None,
    "组配分类": None,
    "服务对象分类": None,
    "信息分类": None,
    "分类": None,
    "主题词": None,
    "关键词": None,
    "名称": None,
    "标题": None,
    "有效性": None,
    "公开方式": None,
    "公开范围": None,
    "公开时限": None,
    "统一编码": None,
    "字号": None,
}
_KEYS: Final = "|".join(sorted(map(re.escape, METADATA_KEYS), key=len, reverse=True))
# A key followed by its colon, anywhere in the line: CMSs that print their fields in
# <small> tags run them together ("时间:2024-01-26 15:35来源:某局作者:admin").
_KEY_AT: Final = re.compile(rf"(?P<key>{_KEYS})\s*[:：]")
_LEADING: Final = re.compile(r"^[\s【\[]*")
#: A metadata line opens with a key (tested on the text as printed, before normalising).
_KEY_FIRST: Final = re.compile(rf"[\s【\[]*(?:{_KEYS})\s*[:：]")


@functools.lru_cache(maxsize=4096)
def _pairs(text: str) -> tuple[tuple[str, str], ...] | None:
    """The ``key：value`` pairs of a metadata line, or None when it is not one."""
    if len(text) > 300 or _KEY_FIRST.match(text) is None:  # noqa: PLR2004 - lines are short
        return None
    line = unicodedata.normalize("NFKC", text)
    start = _LEADING.match(line).end()  # type: ignore[union-attr]  # always matches
    keys = list(_KEY_AT.finditer(line, start))
    if not keys or keys[0].start() != start:
        return None
    pairs = []
    for i, key in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else len(line)
        value = line[key.end() : end].strip(" 】]|｜")
        # a widget after the last value ("… 【打印】【关闭】") is not part of it
        value = re.split(r"\s*【", value, maxsplit=1)[0].strip()
        pairs.append((key["key"], value))
    return tuple(pairs)


def is_metadata(text: str) -> bool:
    """True when ``text`` is a line of ``key：value`` metadata (来源, 发布时间, 索引号...)."""
    return _pairs(text) is not None


def metadata_fields(text: str) -> dict[str, object]:
    """The record fields a metadata line gives (publisher, published, index/document number)."""
    out: dict[str, object] = {}
    for key, value in _pairs(text) or ():
        field = METADATA_KEYS[key]
        if field is None or not value or field in out:
            continue
        if field == "published":
            date = parse_date(value)
            if date is not None:
                out[field] = date
        else:
            out[field] = value
    return out


_CN_DIGITS: Final = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER: Final = re.compile(r"^[〇零○ＯO一二两三四五六七八九十百千]+$")


def cn_int(text: str) -> int | None:
    """A number written in Chinese numerals: ``二〇二四`` (digit by digit) or ``二十六``."""
    if not text or not _CN_NUMBER.match(text):
        return None
    if not any(c in "十百千" for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total, digit = 0, None
    for char, unit in (("千", 1000), ("百", 100), ("十", 10)):
        if char in text:
            head, _, text = text.partition(char)
            value = 1 if not head else cn_int(head)
            if value is None or value > 9:  # noqa: PLR2004 - one digit before a unit
                return None
            total += value * unit
    if text:
        digit = cn_int(text)
        if digit is None or digit > 9:  # noqa: PLR2004
            return None
        total += digit
    return total


_YEAR: Final = r"(?P<year>\d{4}|[〇零○ＯO一二三四五六七八九]{4})"
_DATE_FORMS: Final = (
    re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s.*)?$"),
    re.compile(
        r"^([〇零○ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月"
        r"([一二三四五六七八九十]{1,3})日$"
    ),
)


def parse_date(text: str) -> dt.date | None:
    """A date as pages print it.

    ``2024年1月26日``, ``2024-01-26 15:35``, ``2024/1/26``, ``二〇二四年一月二十六日``.
    """
    key = unicodedata.normalize("NFKC", text).strip()
    for form in _DATE_FORMS:
        match = form.match(key)
        if match is None:
            continue
        parts = [int(p) if p.isdigit() else cn_int(p) for p in match.groups()]
        if None in parts:
            return None
        try:
            return dt.date(*parts)  # type: ignore[arg-type]  # None excluded just above
        except ValueError:
            return None
    return None


def is_date_line(text: str) -> bool:
    """True when ``text`` is a date alone, as a signature's date line prints it."""
    key = "".join(text.split())
    return len(key) <= 16 and "年" in key and key.endswith("日") and parse_date(key) is not None  # noqa: PLR2004


#: What ends a title: the name of the report, in the forms real titles take.
_TITLE_TAIL: Final = re.compile(
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:的)?"
    rf"(?:{_YEAR}\s*年度?)?(?:年度|年)?(?:工作)?报告$"
)
_TITLE_YEAR: Final = re.compile(rf"{_YEAR}\s*年度?")
#: What a site adds to a title, after it (which version, a file's type) and before it (the
#: column's tag): ``…年度报告（全文）``, ``…年度报告.pdf``, ``【年报】…``.
_TITLE_NOTE: Final = re.compile(
    r"(?:[(（【\[〔](?:全文|全文版|正文|文字版|图文版|图解版|简版|摘要|附件|PDF版|PDF|Word版)[)）】\]〕]"
    r"|\.(?:pdf|PDF|docx?|DOCX?|wps|html?|shtml))+$"
)
_TITLE_TAG: Final = re.compile(r"^[【\[〔][^】\]〕]{1,10}[】\]〕]")


def title_identity(title: str) -> tuple[str | None, int | None] | None:
    """The organ and year a title names, or None when it is no report's title.

    Forms: ``{organ}{year}年…``, ``{year}年度{organ}…``, ``{organ}关于{year}年…``,
    ``关于{organ}{year}年…``, ``{organ}…工作{year}年度报告``; years in Arabic or Chinese
    numerals; what a site adds after (``（全文）``, ``.pdf``) and before (``【年报】``) left
    out.
    """
    key = "".join(unicodedata.normalize("NFKC", title).split())
    if len(key) > 80:  # noqa: PLR2004 - a title, not a paragraph
        return None
    tail = _TITLE_TAIL.search(_TITLE_NOTE.sub("", key))
    if tail is None:
        return None
    head = _TITLE_TAG.sub("", key[: tail.start()])
    year_text = tail["year"]
    if year_text is None:
        years = list(_TITLE_YEAR.finditer(head))
        if years:
            found = years[-1]
            year_text = found["year"]
            head = head[: found.start()] + head[found.end() :]
    year = None
    if year_text is not None:
        year = int(year_text) if year_text.isdigit() else cn_int(year_text)
    organ = head.removeprefix("关于").removesuffix("关于").removesuffix("的").strip()
    organ = organ.removesuffix("关于")
    return (organ or None), year
