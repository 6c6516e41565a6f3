"""The report as a Word document (.docx) in the national layout, typeset as an official document.

Why one module: the national layout (styles, page, the three tables, the signature placed
per GB/T 9704) is one typesetting decision; what the reader shares is in ``contract``, the
raw XML in ``_oxml``.

:func:`write_docx` writes a file atomically; :func:`docx_bytes` returns the bytes. Importing
this module imports python-docx; ``import govinfo_report`` alone does not.

What the document holds, in order (the contract a reader relies on)
-------------------------------------------------------------------

Every paragraph has one of these paragraph styles (style ids), so a reader can tell the
parts apart without guessing from fonts:

==================  =========================================================================
style id            content
==================  =========================================================================
``GovTitle``        ``report.title``
``GovBody``         the opening paragraph; every body paragraph of a narrative section
``GovHeading1``     ``一、总体情况`` … ``六、其他需要报告的事项``, the full canonical headings
``GovHeading2``     ``（一）`` + a part's title, numbered by position within its section
``GovFees``         section 六's fee sentence (below), after the narrative, unless the
                    narrative already states the three figures (:func:`fees_stated`)
``GovSignature``    the organ (one blank line below the text), only when ``report.date`` is set
``GovDate``         then the date as ``2022年1月5日`` (GB/T 9704: no zero padding), placed
                    by :func:`signature_indents` (GB/T 9704 7.3.5.2)
``GovTable``        text of table cells (centred)
``GovTableLeft``    the long row labels of Table B (left-aligned)
==================  =========================================================================

A narrative section (一, 五, 六) is its ``opening`` paragraphs (``GovBody``), then for each
part a ``GovHeading2`` followed by its paragraphs (``GovBody``). Sections 二, 三 and 四 are
their heading and one table each, laid out exactly as ``docs/format-2021.md`` sections 3-5
(the same grid, spans and labels as the national template); every number is printed
(``0``, never blank), totals from the model's computed properties, the 万元 fee with the
precision the ``Decimal`` has (``format(d, "f")``: never an exponent).

The fee sentence of section 六 is fixed (``FEES_SENTENCE``)::

    本年度收取信息处理费情况：发出收费通知的件数为{notices}件，总金额为{notices_amount}元，实际收取的总金额为{collected}元。

Amounts are printed like the 万元 fee; parse it with :data:`FEES_PATTERN`.

The opening paragraphs are ``report.preface`` when the report has them (nothing is printed
for an empty tuple); for ``None`` one is generated from the identity (:func:`opening`).

Identity: the custom property ``govinfo_report.identity``
--------------------------------------------------------

With a custom preface, where the report is published and the contact are not printed, and
a generated preface cannot be parsed back reliably. So ``docProps/custom.xml`` carries ONE
string property named ``govinfo_report.identity`` (:data:`IDENTITY_PROPERTY`) whose value is
compact JSON (UTF-8, ``ensure_ascii=False``, separators ``,`` and ``:``) with exactly these
keys, in this order::

    {"organ": str, "year": int, "edition": str, "title": str, "preface": [str] | null,
     "publication": {"site_name": str, "url": str} | null,
     "contact": {"address": str, "postcode": str, "telephone": str} | null,
     "date": "YYYY-MM-DD" | null}

Layout and fonts
----------------

A4, margins 37/35/28/26 mm (版心 156 × 225 mm), 22 lines of 28.95 pt (``w:line=579`` exact,
``w:docGrid w:linePitch=579``), 28 characters a line (−0.25 pt character spacing: 16 pt × 28
is 2 pt wider than 156 mm). Fonts (:data:`FONTS`) are set in the East Asian slot of each
style with the theme attributes removed; Latin text is Times New Roman. Tables are fixed
layout, 156 mm wide, 10.5 pt single-spaced, their header rows repeated on each page and no
row split. Page numbers ``— N —`` in 宋体 14 pt, odd pages right and even pages left, each
one character in. Core properties: title, author = organ, created = modified =
``report.date`` (or 1 January of the following year), never the clock. The same report
always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from copy import deepcopy
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, cast
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from govinfo_report import labels
from govinfo_report._io import atomic_write
from govinfo_report.formats._prose import (
    FEES_PATTERN,
    FEES_SENTENCE,
    cn_number,
    fees_sentence,
    fees_stated,
    format_amount,
    format_date,
    opening,
    title_lines,
)
from govinfo_report.formats.docx import _oxml
from govinfo_report.formats.docx._oxml import CellSpec
from govinfo_report.formats.docx.contract import IDENTITY_PROPERTY, Style, identity_json
from govinfo_report.model import AnnualReport
from govinfo_report.model.edition2019 import HandlingResults2019, ProactiveDisclosure2019

if TYPE_CHECKING:
    import os
    import pathlib
    from collections.abc import Iterable, Iterator, Mapping

    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

    from govinfo_report.model import ApplicantCounts, Narrative, OtherMatters

__all__ = [
    "FEES_PATTERN",
    "FEES_SENTENCE",
    "FONTS",
    "FONT_PROFILES",
    "IDENTITY_PROPERTY",
    "docx_bytes",
    "fees_stated",
    "format_amount",
    "format_date",
    "identity_json",
    "opening",
    "resolve_fonts",
    "signature_indents",
    "title_lines",
    "write_docx",
]

#: Font of each role, by its East Asian name (GB/T 9704-2012 7.3 and format section 8).
FONTS: Final = {
    "title": "方正小标宋简体",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
    "body": "仿宋_GB2312",
    "table": "仿宋_GB2312",
    "page_number": "宋体",
    "latin": "Times New Roman",
}

#: Font profiles by name. ``gb2312`` (the default) names the faces GB/T 9704 assumes;
#: ``windows`` uses the 仿宋 and 楷体 that Windows 10 and later ship, for offices whose
#: machines lack the legacy _GB2312 faces. Any role can also be given by hand.
FONT_PROFILES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "gb2312": MappingProxyType(FONTS),
        "windows": MappingProxyType({**FONTS, "heading2": "楷体", "body": "仿宋", "table": "仿宋"}),
    }
)


def resolve_fonts(fonts: str | Mapping[str, str] = "gb2312") -> Mapping[str, str]:
    """The font of every role: a profile's name, or roles to change from the default.

    >>> resolve_fonts("windows")["body"]
    '仿宋'
    >>> resolve_fonts({"title": "华文中宋"})["title"], resolve_fonts({"title": "华文中宋"})["body"]
    ('华文中宋', '仿宋_GB2312')
    """
    if isinstance(fonts, str):
        if fonts not in FONT_PROFILES:
            msg = f"unknown font profile {fonts!r}; known: {', '.join(FONT_PROFILES)}"
            raise ValueError(msg)
        return FONT_PROFILES[fonts]
    unknown = set(fonts) - set(FONTS)
    if unknown:
        msg = f"unknown font roles {sorted(unknown)}; roles: {', '.join(FONTS)}"
        raise ValueError(msg)
    given = cast("Mapping[str, object]", fonts)  # callers may be untyped
    bad = [role for role, name in given.items() if not isinstance(name, str) or not name.strip()]
    if bad:
        msg = f"font names must be non-empty strings: {sorted(bad)}"
        raise ValueError(msg)
    return {**FONTS, **fonts}


#: Substitutes a viewer may use when a font is missing (written to the font table).
_ALT_NAMES: Final = {
    "方正小标宋简体": "宋体",
    "楷体_GB2312": "楷体",
    "仿宋_GB2312": "仿宋",
}

# Sizes in half-points and lengths in twips (1/20 pt).
_BODY_SIZE: Final = 32  # 3号 16 pt
_TITLE_SIZE: Final = 44  # 2号 22 pt
_TABLE_SIZE: Final = 21  # 五号 10.5 pt
_PAGE_SIZE: Final = 28  # 4号 14 pt
_LINE: Final = 579  # 28.95 pt: 22 lines fill the 225 mm 版心
_CHAR: Final = 320  # one 16 pt character
_TEXT_WIDTH: Final = 8844  # 156 mm
_RIGHT_MARGIN: Final = 1474  # 26 mm
_TEXT_HEIGHT: Final = 16838 - 2098 - 1984  # 225 mm: the page less the top and bottom margins

# Grid columns of the three tables, in twips; each sums to the 156 mm text width.
_WIDTHS_A: Final = (2211, 2211, 2211, 2211)
# The 2019 Table A: its longest row label, 其他对外管理服务事项, on one line.
_WIDTHS_A_2019: Final = (2844, 2000, 2000, 2000)
_WIDTHS_B: Final = (640, 760, 2964, *(640,) * 7)
_WIDTHS_C: Final = (*(590,) * 14, 584)
# The narrowest each column may become when numbers need room (a number never wraps):
# Table B keeps its two narrow label columns, its item labels at least eight characters
# (1800 twips) and its number columns two characters of header (五号) with margins;
# Table C's columns one vertical character with margins.
_MIN_B: Final = (640, 760, 1800, *(564,) * 7)
_MIN_C: Final = (354,) * 15
# The third header row of Table C holds four-character labels set vertically.
_VERTICAL_ROW_HEIGHT: Final = 1000

_KEEP_STYLES: Final = frozenset({"Normal", "DefaultParagraphFont", "TableNormal", "NoList"})


# --- formatting helpers -----------------------------------------------------------------


# --- public API ---------------------------------------------------------------------------


def docx_bytes(report: AnnualReport, *, fonts: str | Mapping[str, str] = "gb2312") -> bytes:
    """The report as the bytes of a .docx file; the same report always gives the same bytes.

    ``fonts``: a profile of :data:`FONT_PROFILES` or the roles of :data:`FONTS` to change.
    """
    chosen = resolve_fonts(fonts)
    if not isinstance(cast("object", report), AnnualReport):  # callers may be untyped
        msg = f"expected an AnnualReport, got {type(report).__name__}"
        raise TypeError(msg)
    document = docx.Document()
    _prune_template(document, chosen)
    _setup_styles(document, chosen)
    _setup_page(document)
    body = document.element.body
    anchor = body.find(qn("w:sectPr"))
    for el in _content(report):
        anchor.addprevious(el)
    _set_properties(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return _oxml.deterministic_zip(buffer.getvalue())


def write_docx(
    report: AnnualReport,
    path: str | os.PathLike[str],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
    fonts: str | Mapping[str, str] = "gb2312",
) -> pathlib.Path:
    """Write the report to ``path`` as .docx, atomically; return the path written.

    ``protect`` names input files that must never be overwritten (the JSON the report came
    from): naming one as ``path`` raises :class:`~govinfo_report.errors.WriteError`.
    """
    return atomic_write(path, docx_bytes(report, fonts=fonts), protect=protect)


# --- the template: remove what python-docx's default template brings ---------------------


def _prune_template(document: Document, fonts: Mapping[str, str]) -> None:
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in (
            RT.CUSTOM_XML,
            "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
        ):
            del part.rels[rid]
    package = part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[rid]
    # A new styles root holding only the styles we keep: removing the template's 160 styles
    # one by one costs lxml more than writing the whole rest of the document.
    styles_part = document.part._styles_part  # noqa: SLF001 - python-docx: no API to replace
    old = styles_part.element
    styles = _oxml.element("w:styles")
    styles.append(_oxml.element("w:docDefaults"))
    styles.extend(
        deepcopy(style)
        for style in old.iterchildren(qn("w:style"))
        if style.get(qn("w:styleId")) in _KEEP_STYLES
    )
    styles_part._element = cast("BaseOxmlElement", styles)  # noqa: SLF001 - as above
    # The template's font table lists Calibri and MS Mincho; ours lists the fonts we use,
    # with the GB2312 charset and a common substitute for the _GB2312 and 方正 faces.
    for rid, rel in list(part.rels.items()):
        if rel.reltype == RT.FONT_TABLE:
            del part.rels[rid]
    blob = etree.tostring(
        _font_table(fonts), xml_declaration=True, encoding="UTF-8", standalone=True
    )
    part.relate_to(
        Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, blob, package), RT.FONT_TABLE
    )


def _font_table(fonts: Mapping[str, str]) -> etree._Element:
    table = _oxml.element("w:fonts")
    names = dict.fromkeys(fonts.values())
    for name in names:
        font = _oxml.element("w:font", {"w:name": name})
        if name in _ALT_NAMES:
            font.append(_oxml.element("w:altName", {"w:val": _ALT_NAMES[name]}))
        latin = name == fonts["latin"]
        font.append(_oxml.element("w:charset", {"w:val": "00" if latin else "86"}))
        font.append(_oxml.element("w:family", {"w:val": "roman" if latin else "modern"}))
        font.append(_oxml.element("w:pitch", {"w:val": "variable" if latin else "fixed"}))
        table.append(font)
    return table


# --- styles -------------------------------------------------------------------------------


def _style(  # noqa: C901, PLR0912, PLR0913 - one argument (and one branch) per typographic fact
    document: Document,
    style_id: str,
    *,
    based_on: str = "Normal",
    font: str | None = None,
    size: int | None = None,
    align: str | None = None,
    first_line: bool = False,
    line: tuple[int, str] | None = None,
    char_spacing: int | None = None,
    outline: int | None = None,
    keep_next: bool = False,
    no_grid: bool = False,
    no_autospace: bool = False,
    ind: dict[str, str] | None = None,
    after: int | None = None,
    before: int | None = None,
    latin: str = FONTS["latin"],
) -> None:
    style = _oxml.element(
        "w:style", {"w:type": "paragraph", "w:customStyle": "1", "w:styleId": style_id}
    )
    _oxml.child(style, "w:name", {"w:val": style_id})
    _oxml.child(style, "w:basedOn", {"w:val": based_on})
    _oxml.child(style, "w:qFormat")
    ppr = _oxml.child(style, "w:pPr")
    if keep_next:
        _oxml.child(ppr, "w:keepNext")
    if no_autospace:
        _oxml.child(ppr, "w:autoSpaceDE", {"w:val": "0"})
        _oxml.child(ppr, "w:autoSpaceDN", {"w:val": "0"})
    if no_grid:
        _oxml.child(ppr, "w:snapToGrid", {"w:val": "0"})
    if line is not None or after is not None or before is not None:
        spacing = _oxml.child(ppr, "w:spacing", {"w:before": str(before or 0)})
        if after is not None:
            spacing.set(qn("w:after"), str(after))
        if line is not None:
            spacing.set(qn("w:line"), str(line[0]))
            spacing.set(qn("w:lineRule"), line[1])
    if first_line:
        _oxml.child(ppr, "w:ind", {"w:firstLineChars": "200", "w:firstLine": str(2 * _CHAR)})
    elif ind is not None:
        _oxml.child(ppr, "w:ind", ind)
    if align is not None:
        _oxml.child(ppr, "w:jc", {"w:val": align})
    if outline is not None:
        _oxml.child(ppr, "w:outlineLvl", {"w:val": str(outline)})
    rpr = _oxml.child(style, "w:rPr")
    if font is not None:
        _oxml.pin_fonts(rpr, font, latin)
    if char_spacing is not None:
        _oxml.child(rpr, "w:spacing", {"w:val": str(char_spacing)})
    if size is not None:
        _oxml.child(rpr, "w:sz", {"w:val": str(size)})
        _oxml.child(rpr, "w:szCs", {"w:val": str(size)})
    document.styles.element.append(style)


def _setup_styles(document: Document, fonts: Mapping[str, str]) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    for el in list(defaults):
        defaults.remove(el)
    rpr_default = _oxml.element("w:rPrDefault")
    rpr = _oxml.element("w:rPr")
    _oxml.pin_fonts(rpr, fonts["body"], fonts["latin"])
    _oxml.child(rpr, "w:kern", {"w:val": "2"})
    _oxml.child(rpr, "w:sz", {"w:val": str(_BODY_SIZE)})
    _oxml.child(rpr, "w:szCs", {"w:val": str(_BODY_SIZE)})
    _oxml.set_lang(rpr)
    rpr_default.append(rpr)
    ppr_default = _oxml.element("w:pPrDefault")
    ppr = _oxml.element("w:pPr")
    _oxml.child(ppr, "w:spacing", {"w:after": "0", "w:line": "240", "w:lineRule": "auto"})
    ppr_default.append(ppr)
    defaults.extend((rpr_default, ppr_default))

    normal = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']")
    for tag in ("w:pPr", "w:rPr"):
        old = normal.find(qn(tag))
        if old is not None:
            normal.remove(old)
    nppr = _oxml.child(normal, "w:pPr")
    _oxml.child(nppr, "w:widowControl", {"w:val": "0"})
    _oxml.child(
        nppr,
        "w:spacing",
        {"w:before": "0", "w:after": "0", "w:line": str(_LINE), "w:lineRule": "exact"},
    )
    _oxml.child(nppr, "w:jc", {"w:val": "both"})
    nrpr = _oxml.child(normal, "w:rPr")
    _oxml.pin_fonts(nrpr, fonts["body"], fonts["latin"])
    # -0.25 pt: 28 characters of 16 pt fit the 156 mm line (16 x 28 = 448 pt > 442.2 pt).
    _oxml.child(nrpr, "w:spacing", {"w:val": "-5"})
    _oxml.child(nrpr, "w:sz", {"w:val": str(_BODY_SIZE)})
    _oxml.child(nrpr, "w:szCs", {"w:val": str(_BODY_SIZE)})
    _oxml.set_lang(nrpr)

    style = functools.partial(_style, document, latin=fonts["latin"])
    # Off the grid: LibreOffice's grid mode gives a 22 pt line two grid lines.
    style(Style.TITLE, font=fonts["title"], size=_TITLE_SIZE, align="center",
           char_spacing=0, line=(_LINE, "exact"), after=_LINE, keep_next=True, no_grid=True,
           ind={"w:firstLine": "0"})  # fmt: skip
    style(Style.BODY, font=fonts["body"], first_line=True)
    style(Style.HEADING1, based_on=Style.BODY, font=fonts["heading1"], outline=0,
           keep_next=True)  # fmt: skip
    style(Style.HEADING2, based_on=Style.BODY, font=fonts["heading2"], outline=1,
           keep_next=True)  # fmt: skip
    style(Style.FEES, based_on=Style.BODY)
    # GB/T 9704 7.3.5.2: one line below the text, 右空二字; the date on the next line.
    # No automatic space between the date's digits and 年月日 (Word and LibreOffice add
    # about a fifth of a character at each change of script): the placement is computed.
    style(Style.SIGNATURE, font=fonts["body"], align="right", before=_LINE,
           ind={"w:rightChars": "200", "w:right": str(2 * _CHAR)},
           no_autospace=True)  # fmt: skip
    # The date is placed from the left (its start follows the organ's), computed with Times
    # New Roman's digits, so in Word and WPS it ends where GB/T 9704 says. Its line may run
    # to the paper's right edge: a viewer without Times New Roman (LibreOffice with DejaVu's
    # digits, 0.64 em, and a fifth of a character at each change between digits and 年月日)
    # sets the date up to two characters longer, which then ends a little further right but
    # never breaks before its 日. A date that starts where the standard says and runs past
    # the text block is the lesser evil than a date on two lines.
    style(Style.DATE, font=fonts["body"], align="left", ind={"w:right": str(-_RIGHT_MARGIN)},
           no_autospace=True)  # fmt: skip
    style(Style.TABLE, font=fonts["table"], size=_TABLE_SIZE, align="center",
           line=(240, "auto"), char_spacing=0, no_grid=True)  # fmt: skip
    style(Style.TABLE_LEFT, based_on=Style.TABLE, align="left")
    page = {"font": fonts["page_number"], "size": _PAGE_SIZE, "line": (240, "auto"),
            "char_spacing": 0, "no_grid": True}  # fmt: skip
    one = str(_PAGE_SIZE * 10)  # one 14 pt character, in twips
    style(Style.PAGE_NUMBER_ODD, align="right",
           ind={"w:rightChars": "100", "w:right": one}, **page)  # type: ignore[arg-type]  # fmt: skip
    style(Style.PAGE_NUMBER_EVEN, align="left",
           ind={"w:leftChars": "100", "w:left": one}, **page)  # type: ignore[arg-type]  # fmt: skip


# --- page, footers, settings ------------------------------------------------------------------


def _setup_page(document: Document) -> None:
    section = document.sections[0]
    sect = section._sectPr  # noqa: SLF001 - python-docx exposes no docGrid / raw pgSz
    _oxml.child(sect, "w:pgSz", {"w:w": "11906", "w:h": "16838"})
    pgmar = _oxml.child(sect, "w:pgMar")
    for name, value in (("top", 2098), ("right", _RIGHT_MARGIN), ("bottom", 1984), ("left", 1587),
                        ("header", 851), ("footer", 1247), ("gutter", 0)):  # fmt: skip
        pgmar.set(qn(f"w:{name}"), str(value))
    grid = _oxml.child(sect, "w:docGrid", {"w:type": "lines", "w:linePitch": str(_LINE)})
    grid.attrib.pop(qn("w:charSpace"), None)

    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    sel = settings.element
    zoom = sel.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
    _modern_compat(sel)
    lang = sel.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
    for footer, style in ((section.footer, Style.PAGE_NUMBER_ODD),
                          (section.even_page_footer, Style.PAGE_NUMBER_EVEN)):  # fmt: skip
        footer.is_linked_to_previous = False
        ftr = footer._element  # noqa: SLF001 - python-docx has no field API
        for el in list(ftr):
            ftr.remove(el)
        p = _oxml.paragraph("", style)
        p.extend(_oxml.page_field_runs("— ", " —"))
        ftr.append(p)


#: Word 2013 and later (compatibility mode 15): Word opens the file without 兼容模式.
_COMPAT_MODE: Final = "15"
_WORD_URI: Final = "http://schemas.microsoft.com/office/word"


def _modern_compat(settings: etree._Element) -> None:
    """Compatibility settings of a document made by Word 2013 or later.

    python-docx's template says Word 2010 (mode 14), so Word opens it in 兼容模式 and lays
    it out with the 2010 rules. The other settings are those Word 2013+ writes for a new
    document; ``w:useFELayout`` (East Asian line breaking) stays, as Chinese Word keeps it.
    """
    compat = settings.find(qn("w:compat"))
    if compat is None:  # python-docx's template has one; keep working if it ever does not
        compat = _oxml.element("w:compat")
        settings.find(qn("w:rsids")).addprevious(compat)  # type: ignore[union-attr]  # the template has w:rsids
    for old in compat.findall(qn("w:compatSetting")):
        compat.remove(old)
    for name, value in (
        ("compatibilityMode", _COMPAT_MODE),
        ("overrideTableStyleFontSizeAndJustification", "1"),
        ("enableOpenTypeFeatures", "1"),
        ("doNotFlipMirrorIndents", "1"),
        ("differentiateMultirowTableHeaders", "1"),
    ):
        compat.append(
            _oxml.element("w:compatSetting", {"w:name": name, "w:uri": _WORD_URI, "w:val": value})
        )


#: The longest text a core property (title, author) may hold: python-docx refuses more, as
#: Word's document properties do. The body and the identity property keep the whole text.
MAX_CORE_PROPERTY: Final = 255


def _core_text(text: str) -> str:
    if len(text) <= MAX_CORE_PROPERTY:
        return text
    return text[: MAX_CORE_PROPERTY - 1] + "…"


def _set_properties(document: Document, report: AnnualReport) -> None:
    props = document.core_properties
    when = report.date or dt.date(min(report.year + 1, dt.MAXYEAR), 1, 1)
    stamp = dt.datetime(when.year, when.month, when.day)  # noqa: DTZ001 - written as UTC "Z"
    props.title = _core_text(report.title)
    props.author = _core_text(report.organ)
    props.last_modified_by = _core_text(report.organ)
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    props.category = ""
    props.language = "zh-CN"
    package = document.part.package
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2"'
        f' name="{IDENTITY_PROPERTY}"><vt:lpwstr>{escape(identity_json(report))}</vt:lpwstr>'
        "</property></Properties>"
    )
    package.relate_to(
        Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, custom.encode(), package),
        RT.CUSTOM_PROPERTIES,
    )
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>govinfo_report</Application><DocSecurity>0</DocSecurity>"
        f"<Company>{escape(report.organ)}</Company></Properties>"
    )
    package.relate_to(
        Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, app.encode(), package),
        RT.EXTENDED_PROPERTIES,
    )


# --- content ------------------------------------------------------------------------------


def _content(report: AnnualReport) -> Iterator[etree._Element]:
    p = _oxml.paragraph
    yield _oxml.paragraph_lines(title_lines(report.title), Style.TITLE)
    preface = (opening(report),) if report.preface is None else report.preface
    for paragraph in preface:
        yield p(paragraph, Style.BODY)
    sections = labels.SECTIONS
    yield p(sections["overview"].full, Style.HEADING1)
    yield from _narrative(report.overview)
    yield p(sections["proactive"].full, Style.HEADING1)
    yield _table_a(report)
    yield p(sections["requests"].full, Style.HEADING1)
    yield _table_b(report)
    yield p(sections["appeals"].full, Style.HEADING1)
    yield _table_c(report)
    yield p(sections["problems"].full, Style.HEADING1)
    yield from _narrative(report.problems)
    yield p(sections["other_matters"].full, Style.HEADING1)
    yield from _narrative(report.other_matters)
    if not fees_stated(report.other_matters):
        yield p(fees_sentence(report.other_matters), Style.FEES)
    if report.date is not None:
        yield from _signature(report.organ, format_date(report.date))


def _signature(organ: str, date: str) -> Iterator[etree._Element]:
    """The organ and the date, placed by :func:`signature_indents`."""
    for text, style, start in zip(
        (organ, date), (Style.SIGNATURE, Style.DATE), signature_indents(organ, date), strict=True
    ):
        para = _oxml.paragraph(text, style)
        if start is not None:
            ppr = _oxml.child(para, "w:pPr")
            _oxml.child(ppr, "w:ind", {"w:left": str(start), "w:leftChars": "0"})
            if style == Style.SIGNATURE:  # moved left of a longer date
                _oxml.child(ppr, "w:ind", {"w:right": "0", "w:rightChars": "0"})
                _oxml.child(ppr, "w:jc", {"w:val": "left"})
        yield para


#: One 字 (GB/T 9704 3.1: the width of one body character, 16 pt), in twips.
_ZI: Final = _CHAR
#: The advance of a body character after the −0.25 pt character spacing, in twips.
_ADVANCE: Final = _CHAR - 5
#: The advance of a digit (or other half-width character) of the body: Times New Roman's
#: digits are 0.5 em (1024/2048 units), less the same character spacing.
_HALF_ADVANCE: Final = _CHAR // 2 - 5


def _line_width(text: str) -> int:
    """The width of ``text`` set in the body (twips): CJK full width, ASCII half width."""
    return sum(_HALF_ADVANCE if char.isascii() else _ADVANCE for char in text)


def signature_indents(organ: str, date: str) -> tuple[int | None, int]:
    """Where the organ and the date start (left indents in twips), per GB/T 9704 7.3.5.2.

    The organ is set 右空二字 (the ``GovSignature`` style: ``None``, no indent of its own)
    and the date on the next line starts two characters right of the organ's first
    character. When the date is longer than the organ (the standard's words, read
    literally: a date up to two characters shorter than the organ reaches into the right
    blank), the date is set 右空二字 and the organ moves left so that the date still
    starts two characters right of it. The organ's width is full-width characters; the
    date's digits have Times New Roman's half width (0.5 em), so the date's right edge is
    exact in Word and WPS, and the organ-to-date offset exact everywhere.

    >>> signature_indents("哈尔滨市阿城区金龙山镇人民政府", "2022年1月5日")  # organ longer
    (None, 4119)
    >>> signature_indents("某县教育局", "2024年1月26日")  # date longer: both move
    (5534, 6174)
    """
    organ_width, date_width = _line_width(organ), _line_width(date)
    if date_width <= organ_width:
        return None, max(0, _TEXT_WIDTH - organ_width)
    date_start = max(0, _TEXT_WIDTH - 2 * _ZI - date_width)
    return max(0, date_start - 2 * _ZI), date_start


def _narrative(section: Narrative | OtherMatters) -> Iterator[etree._Element]:
    for text in section.opening:
        yield _oxml.paragraph(text, Style.BODY)
    for number, part in enumerate(section.parts, start=1):
        yield _oxml.paragraph(f"（{cn_number(number)}）{part.title}", Style.HEADING2)
        for text in part.paragraphs:
            yield _oxml.paragraph(text, Style.BODY)


def _n(value: int, colspan: int = 1) -> CellSpec:
    return CellSpec(str(value), colspan=colspan, number=True)


def _table_a(report: AnnualReport) -> etree._Element:
    """Table A (format section 3): 4 columns, 14 rows."""
    pro = report.proactive
    if isinstance(pro, ProactiveDisclosure2019):
        return _table_a_2019(pro)
    groups, rows = labels.PROACTIVE_GROUPS, labels.PROACTIVE_ROWS
    content = labels.PROACTIVE_CONTENT_HEADER
    decisions = labels.DECISIONS_COLUMN
    grid: list[list[CellSpec]] = [[CellSpec(groups["documents"].full, colspan=4)]]
    grid.append([CellSpec(content), *(CellSpec(c) for c in labels.DOCUMENT_COLUMNS.values())])
    for name in ("regulations", "normative_documents"):
        counts = getattr(pro, name)
        grid.append(
            [CellSpec(rows[name].full), *(_n(getattr(counts, c)) for c in labels.DOCUMENT_COLUMNS)]
        )
    for group, names in (
        ("licensing", ("licensing",)),
        ("enforcement", ("punishment", "coercion")),
    ):
        grid.append([CellSpec(groups[group].full, colspan=4)])
        grid.append([CellSpec(content), CellSpec(decisions, colspan=3)])
        grid.extend([CellSpec(rows[n].full), _n(getattr(pro, n), colspan=3)] for n in names)
    grid.append([CellSpec(groups["fees"].full, colspan=4)])
    grid.append([CellSpec(content), CellSpec(labels.FEES_COLUMN, colspan=3)])
    fees = CellSpec(format_amount(pro.fees), colspan=3, number=True)
    grid.append([CellSpec(rows["fees"].full), fees])
    # No repeated header: each group has its own header rows, and the table fits a page.
    return _oxml.table(grid, _WIDTHS_A)


def _table_a_2019(pro: ProactiveDisclosure2019) -> etree._Element:
    """Table A of the 2019 edition (format section 7): 4 columns, 18 rows.

    Each group's header row spans the table; a group with two value columns (（八）, （九）)
    has its last column span two.
    """
    groups, rows = labels.PROACTIVE_GROUPS_2019, labels.PROACTIVE_ROWS_2019
    content = labels.PROACTIVE_CONTENT_HEADER
    layout = (
        ("documents", labels.DOCUMENT_COLUMNS_2019),
        ("licensing", labels.ITEM_COLUMNS_2019),
        ("enforcement", labels.ITEM_COLUMNS_2019),
        ("fees", labels.FEE_ITEM_COLUMNS_2019),
        ("procurement", labels.PROCUREMENT_COLUMNS_2019),
    )
    grid: list[list[CellSpec]] = []
    for group, columns in layout:
        spans = [1] * (len(columns) - 1) + [4 - len(columns)]
        grid.append([CellSpec(groups[group].full, colspan=4)])
        grid.append(
            [
                CellSpec(content),
                *(CellSpec(c, colspan=n) for c, n in zip(columns.values(), spans, strict=True)),
            ]
        )
        for name in (r for r, g in labels.PROACTIVE_ROW_GROUP_2019.items() if g == group):
            values = getattr(pro, name)
            cells = [
                CellSpec(_value(getattr(values, c)), colspan=n, number=True)
                for c, n in zip(columns, spans, strict=True)
            ]
            grid.append([CellSpec(rows[name].full), *cells])
    return _oxml.table(grid, _WIDTHS_A_2019)


def _value(value: int | Decimal) -> str:
    """A cell of the 2019 Table A as printed: a count, a signed change, or an amount."""
    return format_amount(value) if isinstance(value, Decimal) else str(value)


def _counts(row: ApplicantCounts) -> list[CellSpec]:
    return [_n(getattr(row, column)) for column in labels.APPLICANT_COLUMNS]


def _table_b(report: AnnualReport) -> etree._Element:
    """Table B (format section 4): 10 columns, 3 header rows, 25 body rows."""
    req = report.requests
    columns = labels.APPLICANT_COLUMNS
    legal = [c for c in columns if c not in ("natural_person", "total")]
    left = Style.TABLE_LEFT
    grid: list[list[CellSpec]] = [
        [CellSpec(labels.BALANCE_NOTE, colspan=3, rowspan=3, style=left),
         CellSpec(labels.APPLICANT_HEADER, colspan=7)],
        [CellSpec(columns["natural_person"], rowspan=2),
         CellSpec(labels.LEGAL_PERSON_HEADER, colspan=5),
         CellSpec(columns["total"], rowspan=2)],
        [CellSpec(columns[c]) for c in legal],
    ]  # fmt: skip
    rows = labels.REQUEST_ROWS
    grid.extend(
        [CellSpec(rows[name].full, colspan=3, style=left), *_counts(getattr(req, name))]
        for name in ("new", "carried_over")
    )
    # Where a table too tall for one page may break: after 二, and after each group of
    # 三 (its label and its items stay on one page).
    breaks = [len(grid) - 1]
    results = req.results
    groups = labels.RESULT_GROUPS
    one_row = isinstance(results, HandlingResults2019)  # （六）其他处理 is one row in 2019
    result_items = labels.RESULT_ITEMS_2019 if one_row else labels.RESULT_ITEMS
    span = 2 + sum(len(items) for items in result_items.values()) + one_row + 1
    first: list[CellSpec] = [CellSpec(rows["results"].full, rowspan=span)]
    for name in ("disclosed", "partially_disclosed"):
        grid.append(
            [
                *first,
                CellSpec(groups[name].full, colspan=2, style=left),
                *_counts(getattr(results, name)),
            ]
        )
        first = []
        breaks.append(len(grid) - 1)
    for group, items in result_items.items():
        sub = getattr(results, group)
        head = [CellSpec(groups[group].full, rowspan=len(items), style=left)]
        for item, label in items.items():
            grid.append([*head, CellSpec(label.full, style=left), *_counts(getattr(sub, item))])
            head = []
        breaks.append(len(grid) - 1)
    if isinstance(results, HandlingResults2019):
        other = [CellSpec(groups["other"].full, colspan=2, style=left), *_counts(results.other)]
        grid.append(other)
        breaks.append(len(grid) - 1)
    grid.append([CellSpec(groups["total"].full, colspan=2, style=left), *_counts(results.total)])
    grid.append(
        [
            CellSpec(rows["carried_forward"].full, colspan=3, style=left),
            *_counts(req.carried_forward),
        ]
    )
    return _oxml.table(
        grid,
        _WIDTHS_B,
        header_rows=3,
        minimum=_MIN_B,
        page=_TEXT_HEIGHT - _LINE,  # the page below the section's heading
        breaks=breaks,
    )


def _table_c(report: AnnualReport) -> etree._Element:
    """Table C (format section 5): 15 columns, 3 header rows (narrow ones vertical), 1 row."""
    appeals = report.appeals
    columns = labels.APPEAL_COLUMNS
    groups = labels.APPEAL_GROUPS
    grid: list[list[CellSpec]] = [
        [CellSpec(labels.APPEAL_HEADERS["reconsideration"], colspan=5),
         CellSpec(labels.APPEAL_HEADERS["litigation"], colspan=10)],
        [*(CellSpec(c, rowspan=2, vertical=True) for c in columns.values()),
         CellSpec(groups["direct_litigation"][-1], colspan=5),
         CellSpec(groups["litigation_after_reconsideration"][-1], colspan=5)],
        [CellSpec(c, vertical=True) for _ in range(2) for c in columns.values()],
        [_n(getattr(getattr(appeals, g), c)) for g in groups for c in columns],
    ]  # fmt: skip
    return _oxml.table(
        grid, _WIDTHS_C, header_rows=3, row_heights={2: _VERTICAL_ROW_HEIGHT}, minimum=_MIN_C
    )
