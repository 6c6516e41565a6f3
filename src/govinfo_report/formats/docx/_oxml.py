"""Raw OOXML helpers for what python-docx 1.2 lacks (private; used by ``docx_writer``).

Why one module: every raw OOXML element python-docx lacks (East Asian fonts, merges,
vertical text, table grids, fitted columns) is built here in the schema's element order;
split, the one list of sequences they must follow would be scattered.

East Asian font pinning (``w:eastAsia`` set, ``*Theme`` attributes removed), schema-ordered
child insertion, tables with column and row spans, vertical text (``tbRl``), repeated
header rows and unsplittable rows, ``PAGE`` fields, and a deterministic re-zip.

Every element is inserted in the order the schema (ECMA-376 part 1, transitional) gives
for its parent: Word "repairs" documents whose property children are out of order, while
LibreOffice silently accepts them, so a bare ``append`` would pass our render tests and
still break in Word. The sequences below are the ones python-docx keeps as ``_tag_seq``.
"""

from __future__ import annotations

import functools
import io
import math
import zipfile
from typing import TYPE_CHECKING, Final, NamedTuple
from xml.sax.saxutils import escape

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from govinfo_report.formats.docx import _fit
from govinfo_report.formats.docx.contract import Style

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "CellSpec",
    "child",
    "deterministic_zip",
    "element",
    "page_field_runs",
    "paragraph",
    "pin_fonts",
    "set_lang",
    "sub",
    "table",
]


def _seq(names: str) -> list[str]:
    return names.split()


_RPR: Final = _seq(
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline "
    "w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color "
    "w:spacing w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd "
    "w:fitText w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath"
)
_PPR: Final = _seq(
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle "
    "w:rPr w:sectPr w:pPrChange"
)
_TCPR: Final = _seq(
    "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar "
    "w:textDirection w:tcFitText w:vAlign w:hideMark w:headers w:cellIns w:cellDel "
    "w:cellMerge w:tcPrChange"
)
_TRPR: Final = _seq(
    "w:cnfStyle w:divId w:gridBefore w:gridAfter w:wBefore w:wAfter w:cantSplit w:trHeight "
    "w:tblHeader w:tblCellSpacing w:jc w:hidden w:ins w:del w:trPrChange"
)
_TBLPR: Final = _seq(
    "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize "
    "w:tblStyleColBandSize w:tblW w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd "
    "w:tblLayout w:tblCellMar w:tblLook w:tblCaption w:tblDescription w:tblPrChange"
)
_SECTPR: Final = _seq(
    "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type w:pgSz w:pgMar "
    "w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote "
    "w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings w:sectPrChange"
)
_STYLE: Final = _seq(
    "w:name w:aliases w:basedOn w:next w:link w:autoRedefine w:hidden w:uiPriority "
    "w:semiHidden w:unhideWhenUsed w:qFormat w:locked w:personal w:personalCompose "
    "w:personalReply w:rsid w:pPr w:rPr w:tblPr w:trPr w:tcPr w:tblStylePr"
)

#: Child order of each property element we touch, by the parent's prefixed tag.
ORDER: Final[dict[str, list[str]]] = {
    "w:rPr": _RPR,
    "w:pPr": _PPR,
    "w:tcPr": _TCPR,
    "w:trPr": _TRPR,
    "w:tblPr": _TBLPR,
    "w:sectPr": _SECTPR,
    "w:style": _STYLE,
}
_ORDER_BY_CLARK: Final = {qn(k): [qn(t) for t in v] for k, v in ORDER.items()}

_THEME_ATTRS: Final = tuple(qn(a) for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"))
# Word and python-docx's template spell the complex-script theme attribute in lowercase.
_CS_THEME_ATTRS: Final = (qn("w:cstheme"), qn("w:csTheme"))


_W_NSMAP: Final = {"w": nsmap["w"]}
_clark = functools.cache(qn)


def element(tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """A new element ``tag`` (``"w:p"``) with ``w:``-prefixed attributes ``attrs``.

    Made by python-docx's parser (so it gets python-docx's element classes) with the ``w``
    namespace declared once; lxml folds the declaration into the document's on insertion.
    """
    el = oxml_parser.makeelement(_clark(tag), nsmap=_W_NSMAP)
    for name, value in (attrs or {}).items():
        el.set(_clark(name), value)
    return el


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """Append a new ``tag`` to ``parent`` (for fresh elements built in schema order)."""
    el = etree.SubElement(parent, _clark(tag))
    for name, value in (attrs or {}).items():
        el.set(_clark(name), value)
    return el


def child(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """The child ``tag`` of ``parent``, created in schema order if missing; ``attrs`` set.

    ``parent`` must be one of the property elements in :data:`ORDER`.
    """
    clark = _clark(tag)
    found = parent.find(clark)
    if found is None:
        found = element(tag)
        order = _ORDER_BY_CLARK[str(parent.tag)]
        later = set(order[order.index(clark) + 1 :])
        for sibling in parent:
            if sibling.tag in later:
                sibling.addprevious(found)
                break
        else:
            parent.append(found)
    for name, value in (attrs or {}).items():
        found.set(qn(name), value)
    return found


def pin_fonts(rpr: etree._Element, east_asia: str, latin: str) -> None:
    """Set all four font slots of ``rpr`` and delete the theme attributes that would win.

    ECMA-376 says an explicit font name is ignored when the matching ``*Theme`` attribute is
    present, and python-docx's ``Font.name`` writes only ``w:ascii``/``w:hAnsi``; so Chinese
    text would fall through to the theme's East Asian font. ``w:hint="eastAsia"`` sends the
    punctuation Chinese and Latin share (“”—…) to the East Asian font.
    """
    fonts = child(rpr, "w:rFonts")
    for attr in (*_THEME_ATTRS, *_CS_THEME_ATTRS):
        fonts.attrib.pop(attr, None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def set_lang(rpr: etree._Element, east_asia: str = "zh-CN") -> None:
    """Declare the East Asian language of ``rpr`` (the default template says ja-JP)."""
    child(rpr, "w:lang", {"w:val": "en-US", "w:eastAsia": east_asia, "w:bidi": "ar-SA"})


def paragraph(text: str, style: str) -> etree._Element:
    """A ``w:p`` in paragraph style ``style`` (a style id) holding ``text`` in one run."""
    p = element("w:p")
    sub(sub(p, "w:pPr"), "w:pStyle", {"w:val": style})
    if text:
        p.append(_run(text))
    return p


def paragraph_lines(lines: list[str], style: str) -> etree._Element:
    """A ``w:p`` in style ``style`` whose ``lines`` are separated by line breaks (``w:br``)."""
    p = paragraph(lines[0], style)
    for line in lines[1:]:
        r = _run(line)
        r.insert(0, element("w:br"))
        p.append(r)
    return p


def _run(text: str) -> etree._Element:
    r = element("w:r")
    t = sub(r, "w:t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def page_field_runs(before: str, after: str) -> list[etree._Element]:
    """Runs for ``before`` + a ``PAGE`` field + ``after``, with a cached result ``1``.

    A field without a cached result shows nothing in viewers that do not update fields.
    """
    runs = [_run(before)]
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None)):
        r = element("w:r")
        if kind:
            r.append(element("w:fldChar", {"w:fldCharType": kind}))
        else:
            it = element("w:instrText")
            it.text = instr
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(it)
        runs.append(r)
    runs.append(_run("1"))
    end = element("w:r")
    end.append(element("w:fldChar", {"w:fldCharType": "end"}))
    runs.extend((end, _run(after)))
    return runs


class CellSpec(NamedTuple):
    """One visible (anchor) cell of a table: text, spans, paragraph style, vertical text.

    ``number`` marks a count or amount: it never wraps (``w:noWrap``), and the table's
    columns are sized so that it fits on one line (``_fit``).
    """

    text: str
    colspan: int = 1
    rowspan: int = 1
    style: str = Style.TABLE
    vertical: bool = False
    number: bool = False


def table(  # noqa: PLR0913 - a table has this many independent layout facts
    rows: Sequence[Sequence[CellSpec]],
    widths: Sequence[int],
    *,
    header_rows: int = 0,
    row_heights: dict[int, int] | None = None,
    cell_margin: int = 57,
    borders: int = 4,
    minimum: Sequence[int] | None = None,
    page: int | None = None,
    breaks: Iterable[int] = (),
) -> etree._Element:
    """A fixed-layout ``w:tbl`` from anchor cells given row by row, like HTML.

    ``rows`` lists each row's anchor cells left to right, skipping grid positions covered
    by a row span from above (as HTML does); row spans become ``w:vMerge`` restart/continue
    cells, column spans ``w:gridSpan``. ``widths`` are the grid columns in twips (written
    both to ``w:tblGrid`` and to every ``w:tcW``: Word reads one, LibreOffice the other).
    The first ``header_rows`` rows repeat on every page (``w:tblHeader``). No row splits
    across pages (``w:cantSplit``), and every row but the last keeps with the next
    (``w:keepNext`` on its paragraphs), so a table shorter than a page stays whole. When
    the table is estimated taller than ``page`` (twips, :func:`estimated_height`), only the
    rows in ``breaks`` (indices) let a page break follow them: each group of rows between
    them stays on one page with the label that spans it. A label spanning rows is set at
    the top of its cell, so that where its span does cross a page it is printed, whole, on
    the first page (centred, Word may put it on the page break).
    ``row_heights`` maps a row index to an at-least height in twips; ``borders`` is the
    width of the single borders in eighths of a point.

    Number cells (``CellSpec.number``) never wrap: the columns are re-planned from
    ``widths`` (the national proportions) so that each holds its widest number, no column
    narrower than ``minimum`` (default: ``widths``), the table width unchanged; numbers are
    set smaller or narrower only when that is not enough (``_fit.plan``).

    Raises ``ValueError`` when the spans do not tile the grid exactly.
    """
    placed = _place(rows, len(widths))
    fit = _fit.plan(
        widths,
        widths if minimum is None else minimum,
        [
            _fit.Need(col, span, _fit.em_width(spec.text))
            for row in placed
            for spec, col, span, _ in row
            if spec is not None and spec.number
        ],
        margin=cell_margin,
    )
    # Built as text and parsed once: an order of magnitude faster than element by element
    # for the ~300 cells of Table B, and the order of every property element is explicit.
    parts = [f'<w:tbl xmlns:w="{nsmap["w"]}">']
    parts.append(_table_properties(sum(fit.widths), cell_margin, borders))
    parts.append("<w:tblGrid>")
    parts.extend(f'<w:gridCol w:w="{w}"/>' for w in fit.widths)
    parts.append("</w:tblGrid>")
    allowed: frozenset[int] = frozenset()
    if page is not None and estimated_height(placed, fit, cell_margin) > page:
        allowed = _breaks_clear_of_labels(placed, fit, cell_margin, breaks)
    for index, row in enumerate(placed):
        height = (row_heights or {}).get(index)
        parts.append("<w:tr><w:trPr><w:cantSplit/>")
        if height:
            parts.append(f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>')
        if index < header_rows:
            parts.append("<w:tblHeader/>")
        parts.append("</w:trPr>")
        keep = index < len(rows) - 1 and index not in allowed
        for spec, col, span, merge in row:
            width = sum(fit.widths[col : col + span])
            # A label whose rows may be broken across pages starts at the top of its cell:
            # printed whole on the first page (centred, Word may set it on the break).
            top = spec is not None and any(index <= b < index + spec.rowspan - 1 for b in allowed)
            parts.append(
                _tc(spec, span, width, merge=merge, keep=keep, fit=fit, margin=cell_margin, top=top)
            )
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return etree.fromstring("".join(parts), oxml_parser)


#: The height of a line of table text (五号, 10.5 pt, single spacing) in twips, taken at
#: the tallest face a viewer may use: Noto Sans CJK's 1.448 em (宋体 and 仿宋 are 1.3 em).
LINE_HEIGHT: Final = 305
#: A row's height beside its lines: borders and rounding, in twips.
ROW_EXTRA: Final = 20


def _lines(spec: CellSpec, width: int, margin: int) -> int:
    """The lines ``spec``'s text takes in a cell ``width`` wide (五号; numbers: one)."""
    if spec.number or spec.vertical:
        return 1
    per_line = max(1, (width - 2 * margin - _fit.SLACK) // (_fit.SIZES[0] * 10))
    return max(1, math.ceil(_fit.em_width(spec.text) / per_line))


def _row_heights(placed: Sequence[Sequence[_Placed]], fit: _fit.Fit, margin: int) -> list[int]:
    """Each row's estimated height in twips, from its one-row cells' lines."""
    return [
        max(
            (
                _lines(spec, sum(fit.widths[col : col + span]), margin)
                for spec, col, span, merge in row
                if spec is not None and merge is None
            ),
            default=1,
        )
        * LINE_HEIGHT
        + ROW_EXTRA
        for row in placed
    ]


def estimated_height(placed: Sequence[Sequence[_Placed]], fit: _fit.Fit, margin: int) -> int:
    """The table's height in twips, from the lines each one-row cell's text takes.

    Text is measured as :func:`_fit.em_width` does (full-width characters 1 em) at
    五号 (10.5 pt); numbers take one line. An upper estimate: it decides only where a page
    may break, never what is printed.
    """
    return sum(_row_heights(placed, fit, margin))


def _breaks_clear_of_labels(
    placed: Sequence[Sequence[_Placed]], fit: _fit.Fit, margin: int, breaks: Iterable[int]
) -> frozenset[int]:
    """The ``breaks`` above which every label spanning the break has room for its text.

    LibreOffice carries a merged label's text that does not fit its rows on one page over
    to the next (``三、本年度办理结`` / ``果``): a break is dropped unless the rows of each
    label crossing it, down to the break, hold all of that label's lines.
    """
    heights = _row_heights(placed, fit, margin)
    allowed = set(breaks)
    for index, row in enumerate(placed):
        for spec, col, span, merge in row:
            if spec is None or merge != "restart":
                continue
            need = _lines(spec, sum(fit.widths[col : col + span]), margin) * LINE_HEIGHT
            for b in range(index, index + spec.rowspan - 1):
                if sum(heights[index : b + 1]) < need:
                    allowed.discard(b)
    return frozenset(allowed)


def _table_properties(width: int, cell_margin: int, borders: int) -> str:
    line = f'w:val="single" w:sz="{borders}" w:space="0" w:color="000000"'
    edges = "".join(
        f"<w:{edge} {line}/>" for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = "".join(
        f'<w:{side} w:w="{value}" w:type="dxa"/>'
        for side, value in (
            ("top", 0),
            ("left", cell_margin),
            ("bottom", 0),
            ("right", cell_margin),
        )
    )
    return (
        f'<w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f"<w:tblCellMar>{margins}</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )


#: A placed cell: its anchor (``None`` where a row span continues), grid column, column
#: span and ``w:vMerge`` value (``"restart"``, ``"continue"`` or ``None``).
_Placed = tuple[CellSpec | None, int, int, str | None]


def _place(rows: Sequence[Sequence[CellSpec]], columns: int) -> list[list[_Placed]]:
    """Every row's cells on the grid: anchors placed around the row spans from above."""
    # pending[col] = (rows still covered below, colspan) of a row span from above
    pending: dict[int, tuple[int, int]] = {}
    out = []
    for index, anchors in enumerate(rows):
        row: list[_Placed] = []
        queue = list(anchors)
        col = 0
        while col < columns:
            if col in pending:
                left, span = pending.pop(col)
                if left > 1:
                    pending[col] = (left - 1, span)
                row.append((None, col, span, "continue"))
                col += span
                continue
            if not queue:
                msg = f"row {index}: grid column {col} is not covered"
                raise ValueError(msg)
            spec = queue.pop(0)
            if col + spec.colspan > columns:
                msg = f"row {index}: cell {spec.text!r} overflows the grid"
                raise ValueError(msg)
            merge = None
            if spec.rowspan > 1:
                merge = "restart"
                pending[col] = (spec.rowspan - 1, spec.colspan)
            row.append((spec, col, spec.colspan, merge))
            col += spec.colspan
        if queue:
            msg = f"row {index}: {len(queue)} cells beyond the grid"
            raise ValueError(msg)
        out.append(row)
    if pending:
        msg = "a row span runs past the last row"
        raise ValueError(msg)
    return out


def _tc(  # noqa: PLR0913 - one cell's independent layout facts
    spec: CellSpec | None,
    span: int,
    width: int,
    *,
    merge: str | None,
    keep: bool,
    fit: _fit.Fit,
    margin: int,
    top: bool = False,
) -> str:
    """One cell as text, a number's run in the planned size and scale.

    The text is centred in its cell, or set at its top (``top``).

    Properties in CT_TcPr order: tcW gridSpan vMerge noWrap tcMar textDirection vAlign.
    """
    parts = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        parts.append(f'<w:gridSpan w:val="{span}"/>')
    if merge == "restart":
        parts.append('<w:vMerge w:val="restart"/>')
    elif merge == "continue":
        parts.append("<w:vMerge/>")
    number = spec is not None and spec.number
    if number:
        parts.append("<w:noWrap/>")
        if fit.margin != margin:
            parts.append(
                f'<w:tcMar><w:left w:w="{fit.margin}" w:type="dxa"/>'
                f'<w:right w:w="{fit.margin}" w:type="dxa"/></w:tcMar>'
            )
    if spec is not None and spec.vertical:
        # tbRl stacks CJK upright top to bottom (btLr would lay Chinese on its side).
        parts.append('<w:textDirection w:val="tbRl"/>')
    style = spec.style if spec is not None else Style.TABLE
    align = "top" if top else "center"
    parts.append(f'<w:vAlign w:val="{align}"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>')
    if keep:
        parts.append("<w:keepNext/>")
    parts.append("</w:pPr>")
    if spec is not None and spec.text:
        parts.append(
            f"<w:r>{_number_rpr(fit) if number else ''}<w:t>{escape(spec.text)}</w:t></w:r>"
        )
    parts.append("</w:p></w:tc>")
    return "".join(parts)


def _number_rpr(fit: _fit.Fit) -> str:
    """A number's run properties: the planned size and character scale, if not the style's."""
    if fit.size == _fit.SIZES[0] and fit.scale == 100:  # noqa: PLR2004 - 100 percent
        return ""
    scale = f'<w:w w:val="{fit.scale}"/>' if fit.scale != 100 else ""  # noqa: PLR2004 - as above
    return f'<w:rPr>{scale}<w:sz w:val="{fit.size}"/><w:szCs w:val="{fit.size}"/></w:rPr>'


#: The fixed timestamp of every zip entry (the earliest a zip can record).
ZIP_EPOCH: Final = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(data: bytes, *, drop: Iterable[str] = ()) -> bytes:
    """Re-zip an OPC package with fixed timestamps and a fixed entry order.

    ``[Content_Types].xml`` first (some consumers sniff it there), then every other entry by
    name; ``drop`` names entries to leave out. Same parts in → same bytes out.
    """
    skip = set(drop)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {name: src.read(name) for name in src.namelist() if name not in skip}
    order = sorted(parts, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            dst.writestr(info, parts[name], compresslevel=6)
    return out.getvalue()
