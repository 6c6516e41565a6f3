# ruff: noqa: E501, ARG001 - page skeletons (one signature for every family): long literal markup with full-width punctuation
"""Test helper: a report published inside the page skeletons of the CMS families that run
Chinese government sites (not a test module; loaded by path from the tests).

Each family is written as its sites serve pages (the class names, layout and furniture are
the families', the text is invented): the article's markup is a Word export
(``wordhtml.render``) pasted into the CMS's content area, and around it the family's own
furniture, above, inside and below the article:

* ``trs``: 拓尔思 TRS WCM — ``TRS_Editor`` content, an info line with 【字体：大 中 小】
  【打印本页】【关闭窗口】, a share bar, related links, a footer with 网站标识码 and ICP.
* ``jcms``: 大汉 JCMS — a metadata table (索引号 / 发布机构 / 生成日期 / 文号) above the
  title, ``#zoom`` content, 扫一扫在手机上查看当前页面 with a QR image, 【打印】【关闭】.
* ``hanweb``: a provincial 集约化 platform — breadcrumbs, 全真版 / 文字版 switch, a
  ``来源：… 时间：…`` line, 附件下载 with file links, 相关链接, the footer.
* ``word``: a Word page pasted into a small CMS whose title is printed over two lines, with
  a ``发布日期`` line, 文件下载 and 关闭 below the signature.
* ``dede``: a DeDe/PHP county site laid out in nested tables (GBK), ``发布时间 来源 作者
  点击`` line, 上一篇 / 下一篇.

``FURNITURE`` is what these pages print that is not the report (for the property that
inserting it anywhere outside the report's text changes nothing).
"""

from __future__ import annotations

import html
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from govinfo_report import AnnualReport


def _wordhtml() -> ModuleType:
    path = Path(__file__).parent / "wordhtml.py"
    spec = importlib.util.spec_from_file_location("wordhtml_for_cms", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORDHTML = _wordhtml()

#: Furniture lines these CMSs print (one element each), none of them the report's text.
FURNITURE = (
    "当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报",
    "您的位置：<a href='/'>首页</a> &raquo; <a href='/zwgk/'>政府信息公开</a> &raquo; 年度报告",
    "【字体：<a>大</a> <a>中</a> <a>小</a>】",
    "【打印本页】【关闭窗口】",
    "<a>【打印】</a><a>【关闭】</a>",
    "分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a>",
    "<a>微信</a> <a>微博</a> <a>QQ空间</a>",
    "<a>全真版</a> | <a>文字版</a>",
    "扫一扫在手机上查看当前页面",
    "<img src='/qr.png'>扫一扫在手机打开当前页",
    "附件下载：",
    "文件下载",
    "相关链接：",
    "浏览次数：<span>1024</span>",
    "来源：某某办公室 时间：2025-03-10 15:35",
    "发布时间：2024-01-20 09:30 来源：本站 【字号：大 中 小】",
    "索引号：11330000002482076X/2024-00123",
    "上一篇：<a>关于开展政务公开培训的通知</a>",
    "下一篇：<a>无</a>",
    "主办单位：某市人民政府办公室 承办单位：某市大数据中心",
    "网站标识码：3300000001 浙ICP备05000000号 浙公网安备 33000002000001号",
    "版权所有：某市人民政府 技术支持：某某科技有限公司",
    "<a>网站地图</a> | <a>联系我们</a> | <a>网站声明</a>",
    "<a>返回顶部</a>",
    "关闭",
)

FAMILIES = ("trs", "jcms", "hanweb", "word", "dede")
ENCODINGS = {"trs": "utf-8", "jcms": "gbk", "hanweb": "utf-8", "word": "gb18030", "dede": "gbk"}


def article(report: AnnualReport, *, run_in: bool = True) -> str:
    """The report's text and tables as a Word export (title not included)."""
    page: str = WORDHTML.render(report, nav=False, run_in=run_in, signature=True)
    start = page.index("<div class=WordSection1")
    end = page.rindex("</div></div>") + len("</div>")
    return page[start:end]


def _head(title: str, charset: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
        f"<title>{html.escape(title)}</title><link rel=stylesheet href='/css/style.css'>"
        "<script src='/js/jquery.min.js'></script><script>var _hmt = _hmt || [];</script></head>"
    )


def _footer() -> str:
    return (
        "<div class='footer'><div class='links'><a>网站地图</a> | <a>联系我们</a> | <a>网站声明</a></div>"
        "<p>主办单位：某市人民政府办公室 承办单位：某市大数据中心</p>"
        "<p>网站标识码：3300000001 <a>浙ICP备05000000号</a> <img src='/ga.png'>浙公网安备 33000002000001号</p>"
        "<p><span id='_span_jiucuo'><img src='/jiucuo.png'></span></p></div>"
    )


def trs(report: AnnualReport, body: str, title: str, extra: Callable[[str], str]) -> str:
    return (
        _head(title, "utf-8")
        + "<body><div class='header'><div class='nav'><a>首页</a><a>政务公开</a><a>政务服务</a><a>互动交流</a></div></div>"
        + "<div class='main'><div class='position'>当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府信息公开年报</a></div>"
        + extra("top")
        + "<div class='zw_con'>"
        + extra("before")
        + f"<div class='zw_title'>{html.escape(title)}</div>"
        + "<div class='zw_info'><span>发布时间：2024-01-26 10:02</span> <span>来源："
        + html.escape(report.organ)
        + "</span> <span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span> <span><a>【打印本页】</a><a>【关闭窗口】</a></span></div>"
        + extra("inside")
        + f"<div class='TRS_Editor'><div class='Custom_UnionStyle'>{body}</div></div>"
        + extra("after")
        + "<div class='share'>分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>"
        + "<div class='xgxx'><h4>相关链接：</h4><ul><li><a>某市自然资源和规划局2022年政府信息公开工作年度报告</a></li>"
        + "<li><a>关于印发2024年政务公开工作要点的通知</a></li></ul></div>"
        + "</div></div>"
        + extra("bottom")
        + _footer()
        + "</body></html>"
    )


def jcms(report: AnnualReport, body: str, title: str, extra: Callable[[str], str]) -> str:
    return (
        _head(title, "gbk")
        + "<body><div id='top'><a>无障碍</a> <a>长者模式</a></div>"
        + "<div class='bt-position'>您的位置：<a>首页</a> &raquo; <a>政府信息公开</a> &raquo; <a>年度报告</a></div>"
        + extra("top")
        + "<div class='xxgk_content'>"
        + "<table class='xxgk_table' width='100%'><tr><td>索引号：</td><td>113300000024820763/2024-00015</td>"
        + "<td>发布机构：</td><td>"
        + html.escape(report.organ)
        + "</td></tr><tr><td>生成日期：</td><td>2024-01-26</td><td>文号：</td><td>某自然资规〔2024〕3号</td></tr></table>"
        + extra("before")
        + f"<h1 class='title'>{html.escape(title)}</h1>"
        + extra("inside")
        + f"<div id='zoom'>{body}</div>"
        + extra("after")
        + "<div class='ewm'><img src='/qr.png'><p>扫一扫在手机上查看当前页面</p></div>"
        + "<div class='dy'><a>【打印】</a><a>【关闭】</a></div>"
        + "</div>"
        + extra("bottom")
        + _footer()
        + "</body></html>"
    )


def hanweb(report: AnnualReport, body: str, title: str, extra: Callable[[str], str]) -> str:
    return (
        _head(title, "utf-8")
        + "<body><div class='topbar'><a>全真版</a> | <a>文字版</a> <a>登录</a> <a>注册</a></div>"
        + "<div class='crumbs'>当前位置：<a>首页</a>&gt;<a>政务公开</a>&gt;<a>法定主动公开内容</a>&gt;<a>政府信息公开年报</a></div>"
        + extra("top")
        + "<div class='article'>"
        + extra("before")
        + f"<div class='article-title'><h2>{html.escape(title)}</h2></div>"
        + "<div class='article-info'><span>来源：某某办公室</span> <span>时间：2025-03-10 15:35</span> "
        + "<span>浏览次数：<script>document.write(1024)</script>1024</span></div>"
        + "<div class='article-tools'><a>全真版</a> <a>文字版</a> <span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>"
        + extra("inside")
        + f"<div class='article-content' id='zoom'>{body}</div>"
        + extra("after")
        + "<div class='attach'><p>附件下载：</p><p><a>1.政府信息公开工作年度报告（全文）.pdf</a></p></div>"
        + "<div class='related'><p>相关链接：</p><ul><li><a>政府信息公开指南</a></li><li><a>政府信息公开制度</a></li></ul></div>"
        + "<div class='tools'><a>【打印】</a> <a>【关闭】</a></div>"
        + "</div>"
        + extra("bottom")
        + _footer()
        + "</body></html>"
    )


def word(report: AnnualReport, body: str, title: str, extra: Callable[[str], str]) -> str:
    organ_line, _, rest = title.partition(str(report.year))
    return (
        _head(title, "gb18030")
        + "<body><div class='wrap'><div class='dqwz'>当前位置：首页 &gt; 信息公开 &gt; 年度报告</div>"
        + extra("top")
        + "<div class='content'>"
        + extra("before")
        + "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>"
        + html.escape(organ_line)
        + "</span></b></p>"
        + "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>"
        + html.escape(str(report.year) + rest)
        + "</span></b></p>"
        + "<p class='fbrq'>发布日期：2024年01月26日</p>"
        + extra("inside")
        + body
        + extra("after")
        + "<p>文件下载</p><p><a>关闭</a></p>"
        + "</div></div>"
        + extra("bottom")
        + "<div class='foot'>版权所有：某市人民政府 技术支持：某某科技有限公司</div>"
        + "</body></html>"
    )


def dede(report: AnnualReport, body: str, title: str, extra: Callable[[str], str]) -> str:
    return (
        _head(title, "gbk")
        + "<body><table width='980' align='center' border='0' cellpadding='0' cellspacing='0'>"
        + "<tr><td class='banner'><img src='/templets/default/images/banner.jpg'></td></tr>"
        + "<tr><td class='nav'><a>网站首页</a> <a>政务公开</a> <a>政策法规</a></td></tr>"
        + "<tr><td><table width='100%'><tr><td class='place'>当前位置：<a>主页</a> &gt; <a>政务公开</a> &gt; <a>年度报告</a> &gt;</td></tr>"
        + "<tr><td>"
        + extra("top")
        + "<div class='viewbox'>"
        + extra("before")
        + f"<div class='title'><h2>{html.escape(title)}</h2></div>"
        + "<div class='info'><small>时间:</small>2024-01-26 15:35<small>来源:</small>"
        + html.escape(report.organ)
        + "<small>作者:</small>admin<small>点击:</small><script src='/plus/count.php?view=yes&aid=123'></script>次</div>"
        + extra("inside")
        + f"<div class='content'>{body}</div>"
        + extra("after")
        + "<div class='context'><ul><li>上一篇：<a>关于开展政务公开培训的通知</a></li><li>下一篇：没有了</li></ul></div>"
        + "</div>"
        + extra("bottom")
        + "</td></tr></table></td></tr>"
        + "<tr><td class='footer'>Copyright &copy; 2024 某县人民政府 版权所有 技术支持：某某网络</td></tr></table>"
        + "</body></html>"
    )


BUILDERS: dict[str, Callable[[AnnualReport, str, str, Callable[[str], str]], str]] = {
    "trs": trs,
    "jcms": jcms,
    "hanweb": hanweb,
    "word": word,
    "dede": dede,
}


def page(
    report: AnnualReport,
    family: str,
    *,
    title: str | None = None,
    body: str | None = None,
    extra: Callable[[str], str] = lambda _where: "",
) -> bytes:
    """The page of ``family`` publishing ``report``, encoded as the family's sites do.

    ``title``: the title as printed (default: the report's); ``body``: the article's markup
    (default: :func:`article`); ``extra(where)``: markup added at ``top`` (above the
    article), ``before`` (above the title), ``inside`` (between the title and the text),
    ``after`` (below the signature) and ``bottom`` (below the article).
    """
    markup = BUILDERS[family](
        report, article(report) if body is None else body, title or report.title, extra
    )
    encoding = ENCODINGS[family]
    markup = markup.replace("charset=utf-8", f"charset={encoding}")
    markup = markup.replace("charset=gbk", f"charset={encoding}")
    return markup.encode(encoding)
