"""Reading a report from a Word document (``read_docx``), safely.

Why one module: walking the body, rebuilding tables and telling hidden runs (by their own
properties or their styles) are one traversal of one document's XML.

Any .docx is read by walking its XML directly (python-docx skips cells inside content
controls and text inside tracked insertions, and repeats merged cells): paragraphs with
their style ids, and each table rebuilt into its grid from ``w:gridBefore``, ``w:gridSpan``
and ``w:vMerge``, with ``w:sdt`` and ``w:customXml`` unwrapped, inserted text (``w:ins``)
included and deleted text (``w:del``, ``w:delText``, ``w:moveFrom``) excluded.

Untrusted files: the zip's central directory is checked before anything is inflated (entry
count, declared sizes, compression ratio, the required parts, no macros); XML is parsed
without DTDs, entities or network; anything corrupt gives a :class:`~govinfo_report.ReadError`.

Documents written by :mod:`govinfo_report.formats.docx.writer` read back exactly: their paragraph
styles (``GovTitle``, ``GovHeading1``, ``GovHeading2``, ``GovBody``, ``GovFees``,
``GovSignature``) say what each paragraph is, and the identity comes from the custom
property ``govinfo_report.identity``.
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import TYPE_CHECKING, Final
from urllib.parse import unquote

import attrs

from govinfo_report._io import read_bytes
from govinfo_report.errors import ReadError
from govinfo_report.formats.docx.contract import IDENTITY_PROPERTY, identity_from_json
from govinfo_report.published.readers._blocks import Grid, TextCell, new_cell, new_para
from govinfo_report.published.readers._interpret import WRITER_STYLES, interpret
from govinfo_report.published.readers._limits import (
    MAX_TABLE_CELLS,
    check_text,
    table_too_large,
)
from govinfo_report.published.readers._normal import squash
from govinfo_report.published.readers._numbering import Numbering
from govinfo_report.published.readers._zip import (
    MAX_ELEMENTS as MAX_DOCX_ELEMENTS,
)
from govinfo_report.published.readers._zip import (
    MAX_ENTRIES,
    MAX_RATIO,
    MAX_TOTAL,
    open_zip,
    parse_xml,
    read_part,
)
from govinfo_report.published.record import PublishedReport, Source

if TYPE_CHECKING:
    import zipfile
    from collections.abc import Callable, Iterator

    from lxml import etree

    from govinfo_report.findings import Finding
    from govinfo_report.published.readers._blocks import Block

__all__ = ["MAX_DOCX_ELEMENTS", "MAX_ENTRIES", "MAX_RATIO", "MAX_TOTAL", "read_docx"]

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CUSTOM: Final = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

_MACRO: Final = "macroEnabled"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("t")
_ALT_CHUNK: Final = _w("altChunk")
_CHUNK_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SDT, _SDT_CONTENT, _CUSTOM_XML = _w("sdt"), _w("sdtContent"), _w("customXml")
_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: A shape's text (``w:txbxContent``) is written twice: in ``mc:Choice`` (a DrawingML
#: ``wps:`` shape) and in ``mc:Fallback`` (its VML copy, for Word 2007); the copy is not read.
_FALLBACK: Final = f"{{{_MC}}}Fallback"
_TXBX: Final = _w("txbxContent")
#: Never text of the paragraph: deletions, field codes, the tables and text boxes inside it
#: (read as their own blocks), and the fallback copies of shapes.
_SKIPPED: Final = frozenset(
    {_w("del"), _w("moveFrom"), _w("delText"), _w("instrText"), _TBL, _TXBX, _FALLBACK}
)
#: A table row deleted with changes tracked (its insertion, ``w:ins``, is read).
_ROW_DELETED: Final = f"{_w('trPr')}/{_w('del')}"
_CELL_DELETED: Final = f"{_w('tcPr')}/{_w('cellDel')}"
#: Never content of a cell or a paragraph's text boxes: deletions and fallback copies.
_NOT_CONTENT: Final = frozenset({_w("del"), _w("moveFrom"), _FALLBACK})
_R: Final = _w("r")
_RPR: Final = _w("rPr")
#: Run properties that hide a run from the reader: hidden text, and the hidden paragraph
#: mark that Word's "style separator" uses.
_HIDDEN: Final = (_w("vanish"), _w("specVanish"))
_OFF: Final = frozenset({"0", "false", "off"})


def _vanish(pr: etree._Element | None) -> bool | None:
    """What run properties ``pr`` say of hiding: hidden, shown, or nothing (``None``)."""
    if pr is None:
        return None
    said = None
    for tag in _HIDDEN:
        flag = pr.find(tag)
        if flag is not None:
            on = flag.get(_w("val"), "true").lower() not in _OFF
            said = on or bool(said)
    return said


@attrs.frozen
class _Styles:
    """Which styles of ``word/styles.xml`` hide their text, and the document's default.

    A style hides text with ``w:vanish`` in its run properties, its own or through
    ``w:basedOn``; character and paragraph styles are kept by their ids.
    """

    character: dict[str, bool] = attrs.field(factory=dict)
    paragraph: dict[str, bool] = attrs.field(factory=dict)
    default: bool = False

    def hides(self, run: etree._Element, paragraph: str | None) -> bool:
        """Whether ``run``, in a paragraph of style ``paragraph``, is hidden.

        Word's order: the run's own properties, its character style, the paragraph's
        style, the document's defaults; the nearest that says something decides.
        """
        pr = run.find(_RPR)
        own = _vanish(pr)
        if own is not None:
            return own
        if pr is not None:
            ref = pr.find(_w("rStyle"))
            if ref is not None:
                by_style = self.character.get(ref.get(_w("val"), ""))
                if by_style is not None:
                    return by_style
        if paragraph is not None:
            by_style = self.paragraph.get(paragraph)
            if by_style is not None:
                return by_style
        return self.default


_NO_STYLES: Final = _Styles()
#: XML elements of ``word/styles.xml`` (Word's own: some thousands, latent styles included).
MAX_STYLE_ELEMENTS: Final = 100_000
#: Steps of ``w:basedOn`` followed from a style not yet resolved (Word's own chains are a few
#: steps; a loop ends here).
_MAX_BASED_ON: Final = 20


def _styles(root: etree._Element | None) -> _Styles:
    """The hiding styles of a parsed ``word/styles.xml``."""
    if root is None:
        return _NO_STYLES
    own, based = _style_facts(root)
    resolved: dict[tuple[str, str], bool | None] = {}

    def resolve(key: tuple[str, str]) -> bool | None:
        """What a style says, its own or its nearest ancestor's (each style looked at once)."""
        chain = []
        said = None
        for _ in range(_MAX_BASED_ON):
            if key in resolved:
                said = resolved[key]
                break
            chain.append(key)
            said = own.get(key)
            if said is not None or key not in based:
                break
            key = (key[0], based[key])
        for seen in chain:
            resolved[seen] = said
        return said

    out: dict[str, dict[str, bool]] = {"character": {}, "paragraph": {}}
    for key in own:
        said = resolve(key)
        if said is not None:
            out[key[0]][key[1]] = said
    default = _vanish(root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_RPR}"))
    return _Styles(character=out["character"], paragraph=out["paragraph"], default=bool(default))


def _style_facts(
    root: etree._Element,
) -> tuple[dict[tuple[str, str], bool | None], dict[tuple[str, str], str]]:
    """Each paragraph and character style's own say on hiding, and the style it is based on."""
    own: dict[tuple[str, str], bool | None] = {}
    based: dict[tuple[str, str], str] = {}
    for style in root.iter(_w("style")):
        kind = style.get(_w("type"), "paragraph")
        sid = style.get(_w("styleId"))
        if sid is None or kind not in ("paragraph", "character"):
            continue
        own[kind, sid] = _vanish(style.find(_RPR))
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[kind, sid] = parent.get(_w("val"), "")
    return own, based


def _hidden(run: etree._Element) -> bool:
    """Whether a run is hidden text by its own properties (``w:vanish``/``w:specVanish``)."""
    return bool(_vanish(run.find(_RPR)))


_SPACES: Final = frozenset({_w("tab"), _w("br"), _w("cr"), _w("ptab")})
_HYPHEN: Final = _w("noBreakHyphen")
_SYM: Final = _w("sym")


def read_docx(
    source: bytes | str | os.PathLike[str], *, name: str | None = None
) -> PublishedReport:
    """Read a report from a .docx: ``source`` is its bytes or a path."""
    if isinstance(source, bytes):
        data = source
        name = name or "<docx>"
    else:
        name = name or os.fspath(source)
        data = read_bytes(source)
    parts = _open(data, name)
    body = _parse(parts["document"], name).find(_w("body"))
    if body is None:
        raise ReadError(name, "文档没有正文", "the document has no body")
    identity, note = _identity(parts.get("custom"), name)
    document = parts["document"]
    styles_xml = parts.get("styles", b"")
    hidden = b"anish" in document or b"anish" in styles_xml  # vanish, specVanish
    styles = _NO_STYLES
    styles_root = None
    if b"anish" in styles_xml:  # some style hides text (a real styles part: a few thousand)
        styles_root = parse_xml(styles_xml, name, "样式 XML", max_elements=MAX_STYLE_ELEMENTS)
        styles = _styles(styles_root)
    numbering = None
    numbering_xml = parts.get("numbering")
    if numbering_xml is not None and (b"numPr" in document or b"numPr" in styles_xml):
        if styles_root is None and b"numPr" in styles_xml:
            styles_root = parse_xml(styles_xml, name, "样式 XML", max_elements=MAX_STYLE_ELEMENTS)
        numbering = Numbering(
            parse_xml(numbering_xml, name, "编号 XML", max_elements=MAX_STYLE_ELEMENTS),
            styles_root,
        )
    boxes = b"txbxContent" in document or b"Fallback" in document
    chunks = {key: part for key, part in parts.items() if key.startswith("chunk:")}
    walker = _Walker(
        name, hidden=hidden, styles=styles, boxes=boxes, parts=_Parts(numbering, chunks)
    )
    blocks = walker.blocks_of(body)
    record = interpret(blocks, source=name, fmt="docx", identity=identity)
    if note is not None:
        from govinfo_report.findings import Place, make_finding  # noqa: PLC0415 - rare path

        finding = make_finding("R-UNREAD", Place(path="docProps/custom.xml"), found=note)
        record = _with_finding(record, finding)
    if identity is None:  # not written by this library: perhaps the national template filled
        for finding in _template_leftovers(record):
            record = _with_finding(record, finding)
    return record


#: The placeholder of the national Word template's narrative sections: （文字描述） and
#: （文字描述，收取信息处理费情况在此处报告。）.
_PLACEHOLDER: Final = re.compile(r"（文字描述[^）]*）")


def _template_leftovers(record: PublishedReport) -> list[Finding]:
    """R-TEMPLATE warnings: the template's placeholders left in, no signature date."""
    from govinfo_report.findings import Place, make_finding  # noqa: PLC0415 - rare path

    findings = []
    for section in record.sections:
        texts = [*section.opening, *(p for part in section.parts for p in part.paragraphs)]
        left = next((t for t in texts if _PLACEHOLDER.search(t)), None)
        if left is not None:
            findings.append(
                make_finding(
                    "R-TEMPLATE",
                    Place(path=f"$.{section.key}"),
                    found=left,
                    detail=(
                        "仍是模板的占位文字，请填写这一部分",
                        "still the template's placeholder; write the section",
                    ),
                )
            )
    has_tables = any(c.key[0] == "requests" for c in record.cells)
    if has_tables and record.date is None:
        findings.append(
            make_finding(
                "R-TEMPLATE",
                Place(path="$.date"),
                detail=(
                    "文末未找到成文日期（落款日期）",
                    "no signature date was found at the end of the report",
                ),
            )
        )
    return findings


def _with_finding(record: PublishedReport, finding: Finding) -> PublishedReport:
    import attrs  # noqa: PLC0415 - rare path

    return attrs.evolve(record, findings=(*record.findings, finding))


def _refuse(name: str, zh: str, en: str) -> ReadError:
    return ReadError(name, zh, en)


_KIND: Final = (".docx", "Word 文档", "a Word document")


#: The namespaces of Strict Open XML (Word's "Strict Open XML Document") and their
#: transitional twins, which the reader knows; the strict ones are read as these.
_STRICT: Final = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", _W.encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
)
_RELS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
#: How a relationship's type ends, transitional or strict: the main part, its styles.
_MAIN_REL: Final = "/officeDocument"
_STYLES_REL: Final = "/styles"
_NUMBERING_REL: Final = "/numbering"
_CHUNK_REL: Final = "/afchunk"  # .../relationships/aFChunk, compared without case
_DOCUMENT: Final = "word/document.xml"
#: An OpenDocument file's first entry, stored: ``mimetype``, then the type it names.
_ODF: Final = b"mimetypeapplication/vnd.oasis.opendocument."
_ODF_HEAD: Final = 200
#: Most bytes of a relationships part read to find the document (Word's: about 1 KB).
_MAX_RELS: Final = 1024 * 1024


def _open(data: bytes, name: str) -> dict[str, bytes]:
    """The parts we read, after checking the zip's central directory.

    The keys are ``types``, ``document`` and, when present, ``styles``, ``numbering``,
    ``custom`` and ``chunk:`` with the id of each alternative-format chunk. The document is
    the part the package's relationships name (``word/document.xml`` in Word's and WPS's
    files, ``word/document2.xml`` and others elsewhere), its styles and numbering those its
    own relationships name; Strict Open XML is read in the transitional namespaces.
    """
    if _ODF in data[:_ODF_HEAD]:
        raise _refuse(
            name,
            "这是 OpenDocument 文档（.odt），不是 .docx：请用 WPS、Word 或 LibreOffice 打开，"
            "另存为 .docx 再读取",
            "this is an OpenDocument file (.odt), not a .docx: open it in WPS, Word or "
            "LibreOffice, save it as .docx, then read that",
        )
    archive, names = open_zip(data, name, _KIND, ("[Content_Types].xml",))
    with archive:
        found = _pick(_relations(archive, names, name, "_rels/.rels"), _MAIN_REL)
        document = found or _DOCUMENT
        if document not in names:
            raise _refuse(
                name, f"不是 Word 文档（缺少 {document}）", f"not a Word document (no {document})"
            )
        folder, _, leaf = document.rpartition("/")
        relations = _relations(archive, names, name, f"{folder}/_rels/{leaf}.rels".lstrip("/"))
        parts: dict[str, bytes] = {
            key: read_part(archive, part, name)
            for key, part in (
                ("types", "[Content_Types].xml"),
                ("document", document),
                ("styles", _pick(relations, _STYLES_REL) or "word/styles.xml"),
                ("numbering", _pick(relations, _NUMBERING_REL) or "word/numbering.xml"),
                ("custom", "docProps/custom.xml"),
            )
            if part in names
        }
        if b"altChunk" in parts["document"]:
            chunks = [(i, part) for kind, i, part in relations if kind.lower().endswith(_CHUNK_REL)]
            for rel_id, part in chunks[:MAX_CHUNKS]:
                parts[f"chunk:{rel_id}"] = read_part(archive, part, name)
    if _MACRO.encode() in parts["types"]:
        raise _refuse(
            name, "拒绝读取含宏的文档（.docm）", "refusing a macro-enabled document (.docm)"
        )
    for key in ("document", "styles"):
        xml = parts.get(key)
        if xml is not None and _STRICT[0][0] in xml:
            for strict, transitional in _STRICT:
                xml = xml.replace(strict, transitional)
            parts[key] = xml
    return parts


#: Most alternative-format chunks read from one document (a web system's export has one).
MAX_CHUNKS: Final = 20


def _pick(relations: list[tuple[str, str, str]], kind: str) -> str | None:
    """The part of the first relationship whose type ends with ``kind``."""
    return next((part for rel_kind, _, part in relations if rel_kind.endswith(kind)), None)


def _relations(
    archive: zipfile.ZipFile, names: frozenset[str], name: str, rels: str
) -> list[tuple[str, str, str]]:
    """The type, id and part of each relationship of part ``rels`` to a part in the zip.

    Part names are compared without case, as the package format has them; external
    targets (links) are left out.
    """
    if rels not in names:
        return []
    folder = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/x.rels: word
    root = parse_xml(read_part(archive, rels, name, _MAX_RELS), name, rels)
    by_case = {n.lower(): n for n in names}
    out = []
    for rel in root.iter(f"{{{_RELS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = unquote(rel.get("Target", ""))
        joined = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        part = by_case.get(posixpath.normpath(joined).lower())
        if part is not None:
            out.append((rel.get("Type", ""), rel.get("Id", ""), part))
    return out


def _parse(data: bytes, name: str) -> etree._Element:
    return parse_xml(data, name, "文档 XML", max_elements=MAX_DOCX_ELEMENTS)


def _identity(data: bytes | None, name: str) -> tuple[dict[str, object] | None, str | None]:
    """The identity this library's writer stores, or ``None``; and a note when unreadable."""
    if data is None:
        return None, None
    try:
        root = _parse(data, name)
    except ReadError:
        return None, "custom.xml"
    raw = None
    for prop in root.iter(f"{{{_CUSTOM}}}property"):
        if prop.get("name") == IDENTITY_PROPERTY:
            raw = "".join(prop.itertext())
    if raw is None:
        return None, None
    try:
        return identity_from_json(raw), None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None, raw[:200]


def _text(el: etree._Element, *, hidden: bool = True, styles: _Styles = _NO_STYLES) -> str:
    """The visible text under ``el`` (a paragraph): w:t, insertions in, deletions out.

    Hidden runs (``w:vanish``, ``w:specVanish``, directly or by their character or
    paragraph ``styles``) are left out; ``hidden=False`` says the document has none (its
    XML never names them), which saves looking.
    """
    if hidden and styles is not _NO_STYLES:
        ref = el.find(f"{_w('pPr')}/{_w('pStyle')}")
        paragraph = ref.get(_w("val")) if ref is not None else None
        return _visible_text(el, lambda run: styles.hides(run, paragraph))
    return _visible_text(el, _hidden if hidden else None)


def _visible_text(el: etree._Element, hides: Callable[[etree._Element], bool] | None) -> str:
    parts: list[str] = []
    stack = [el]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag in _SPACES:
            parts.append(" ")
        elif tag == _HYPHEN:  # Word's non-breaking hyphen (Ctrl+Shift+-), printed "-"
            parts.append("-")
        elif tag == _SYM:
            parts.append(_symbol(node))
        stack.extend(
            child
            for child in reversed(node)
            if child.tag not in _SKIPPED and not (hides and child.tag == _R and hides(child))
        )
    return "".join(parts)


def _symbol(sym: etree._Element) -> str:
    """The character of an inserted symbol (``w:sym``), when it is one of Unicode's.

    Word writes Insert > Symbol as ``w:sym`` with the font and the character's code: in a
    Unicode font the code point (2014 —, FF0F ／), in a symbol font (Wingdings, Symbol) a
    code of the Private Use Area (F0xx) that means nothing as text: left out.
    """
    try:
        code = int(sym.get(_w("char"), ""), 16)
    except ValueError:
        return ""
    if code < 0x20 or 0xD800 <= code <= 0xF8FF or code > 0x10FFFF:  # noqa: PLR2004
        return ""
    return chr(code)


def _boxes(p: etree._Element) -> list[etree._Element]:
    """The text boxes anchored in paragraph ``p``, in order (not those inside them)."""
    out: list[etree._Element] = []
    stack = [p]
    while stack:
        node = stack.pop()
        if node.tag == _TXBX:
            out.append(node)
            continue
        stack.extend(child for child in reversed(node) if child.tag not in _NOT_CONTENT)
    return out


def _cell_paragraphs(tc: etree._Element) -> list[etree._Element]:
    """The paragraphs of a cell in order, each followed by those of its text boxes."""
    out: list[etree._Element] = []
    stack = [tc]
    while stack:
        node = stack.pop()
        if node.tag == _P:
            out.append(node)
        stack.extend(child for child in reversed(node) if child.tag not in _NOT_CONTENT)
    return out


def _unwrap(el: etree._Element) -> list[etree._Element]:
    """Children of ``el`` with content controls and custom XML unwrapped."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                out.extend(_unwrap(content))
        elif child.tag == _CUSTOM_XML:
            out.extend(_unwrap(child))
        else:
            out.append(child)
    return out


def _rows(tbl: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """The rows of a table and their index, but for those deleted with changes tracked."""
    for r, tr in enumerate(x for x in _unwrap(tbl) if x.tag == _TR):
        if tr.find(_ROW_DELETED) is None:
            yield r, tr


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    """The cells of a row, but for those deleted with changes tracked (gone from the grid)."""
    for tc in _unwrap(tr):
        if tc.tag == _TC and tc.find(_CELL_DELETED) is None:
            yield tc


def _frames_text(tbl: etree._Element) -> bool:
    """Whether a table only frames text: a title or a signature set in a borderless table.

    Its rows are single cells, or text placed by empty cells before it (at most three
    cells); no row has two cells with text. A row of the report's tables has its label
    first (Table 二's two to four cells) or more cells (Tables 三 and 四), even where a
    clerk leaves the figures of a row blank.
    """
    for _, tr in _rows(tbl):
        cells = list(_cells(tr))
        written = [any(t.strip() for t in tc.itertext(_T, with_tail=False)) for tc in cells]
        if sum(written) > 1:
            return False
        if len(cells) > 1 and (len(cells) > _MAX_FRAME_CELLS or written[0]):
            return False
    return True


#: Most cells of a row of a table that frames text (empty ones placing the text).
_MAX_FRAME_CELLS: Final = 3


def _int_attr(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return max(0, min(int(el.get(_w("val"), default)), 64))
    except ValueError:
        return default


@attrs.frozen
class _Parts:
    """What the document's other parts add to its body."""

    numbering: Numbering | None = None  # the list numbers Word prints
    chunks: dict[str, bytes] = attrs.field(factory=dict)  # "chunk:" + id: a chunk's bytes


class _Walker:
    def __init__(
        self,
        name: str = "<docx>",
        *,
        hidden: bool = True,
        styles: _Styles = _NO_STYLES,
        boxes: bool = True,
        parts: _Parts | None = None,
    ) -> None:
        self.name = name
        self.hidden = hidden  # whether the document may hold hidden runs at all
        self.boxes = boxes  # whether it may hold text boxes (or shapes' fallback copies)
        parts = parts or _Parts()
        self.numbering = parts.numbering or None  # the list numbers Word prints, if any
        self.chunks = parts.chunks  # alternative-format chunks by "chunk:" + relationship id
        self.styles = styles
        self.blocks: list[Block] = []
        self.tables = 0
        self.paragraphs = 0
        self.layout: set[etree._Element] = set()

    def blocks_of(self, body: etree._Element) -> list[Block]:
        # A table holding another table lays the page out (WPS templates put a whole
        # report in one cell, sites a heading beside each table): its cells are walked in
        # document order like the body. Each table's outer tables are marked once.
        for inner in body.iter(_TBL):
            for outer in inner.iterancestors(_TBL):
                if outer in self.layout:
                    break
                self.layout.add(outer)
        self._walk(body)
        return self.blocks

    def _walk(self, el: etree._Element) -> None:
        for child in _unwrap(el):
            if child.tag == _P:
                self._paragraph(child)
            elif child.tag == _TBL:
                if child in self.layout or _frames_text(child):
                    for _, tr in _rows(child):
                        for tc in _cells(tr):
                            self._walk(tc)
                else:
                    self._table(child)
            elif child.tag == _ALT_CHUNK:
                self._chunk(child)

    def _paragraph(self, p: etree._Element) -> None:
        self.paragraphs += 1
        style_el = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        style = style_el.get(_w("val")) if style_el is not None else None
        if self.boxes:  # a shape's text: its own paragraphs, before the one anchoring it
            for box in _boxes(p):
                self._walk(box)
        text = self._text(p)
        if style not in WRITER_STYLES:
            text = squash(text)
        self.blocks.append(new_para(text, Source(paragraph=self.paragraphs), style))

    def _chunk(self, el: etree._Element) -> None:
        """An alternative-format chunk, read where it stands as the blocks of its page.

        Web systems export "Word" files holding a web page (HTML, or a single-file web page)
        that Word converts when it opens the document; a .docx inside is not read.
        """
        data = self.chunks.get(f"chunk:{el.get(_CHUNK_ID, '')}")
        if data is None or data.startswith(b"PK"):  # missing, or a .docx in the .docx
            return
        from govinfo_report.published.readers._decode import decode_utf8  # noqa: PLC0415
        from govinfo_report.published.readers._saved import mht_html, saved_as  # noqa: PLC0415
        from govinfo_report.published.readers.html import html_blocks  # noqa: PLC0415

        page = mht_html(data, self.name) if saved_as(data[:2048].lstrip()) == "mht" else data
        text = page if isinstance(page, str) else decode_utf8(page, markup=True)[0]
        check_text(text, self.name)  # within a web page's bounds
        self.blocks.extend(html_blocks(text, self.name))

    def _text(self, p: etree._Element) -> str:
        """The text of paragraph ``p`` as printed: its list number (if any), then its runs."""
        text = _text(p, hidden=self.hidden, styles=self.styles)
        if self.numbering is None:
            return text
        label = self.numbering.label(p)
        if label[-1:].isalnum() and text[:1].isalnum():
            return f"{label} {text}"
        return label + text

    def _table(self, tbl: etree._Element) -> None:
        self.tables += 1
        index = self.tables
        rows: list[tuple[TextCell, ...]] = []
        open_at: dict[int, bool] = {}
        # merged cells (w:vMerge restart): grid column -> (row index, cell index, rows)
        anchors: dict[int, tuple[int, int, int]] = {}
        anchors_done: list[tuple[int, int, int]] = []
        count = 0
        for r, tr in _rows(tbl):
            col = _int_attr(tr.find(f"{_w('trPr')}/{_w('gridBefore')}"), 0)
            cells: list[TextCell] = []
            for tc in _cells(tr):
                pr = tc.find(_w("tcPr"))
                span = _int_attr(pr.find(_w("gridSpan")) if pr is not None else None, 1) or 1
                vmerge = pr.find(_w("vMerge")) if pr is not None else None
                state = None if vmerge is None else vmerge.get(_w("val"), "continue")
                if state == "continue" and open_at.get(col):
                    anchor = anchors.get(col)
                    if anchor is not None:  # one more row for the merged cell
                        anchors[col] = (anchor[0], anchor[1], anchor[2] + 1)
                    col += span
                    continue
                count += 1
                if count > MAX_TABLE_CELLS:
                    raise table_too_large(
                        self.name,
                        index,
                        (f"超过 {MAX_TABLE_CELLS} 个单元格", f"more than {MAX_TABLE_CELLS} cells"),
                    )
                paragraphs = _cell_paragraphs(tc) if self.boxes else tc.iter(_P)
                text = squash("".join(self._text(p) for p in paragraphs))
                cells.append(new_cell(text, Source(table=index, row=r + 1, column=col + 1)))
                open_at[col] = state == "restart"
                if col in anchors:
                    anchors_done.append(anchors.pop(col))
                if state == "restart":
                    anchors[col] = (len(rows), len(cells) - 1, 1)
                col += span
            rows.append(tuple(cells))
        for at_row, at_cell, spanned in anchors_done + list(anchors.values()):
            if spanned > 1:
                row_cells = list(rows[at_row])
                row_cells[at_cell] = attrs.evolve(row_cells[at_cell], rows=spanned)
                rows[at_row] = tuple(row_cells)
        self.blocks.append(Grid(rows=tuple(rows)))
