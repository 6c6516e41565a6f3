"""The numbers Word prints before list paragraphs, which are not in their text (private).

A clerk who types 一、总体情况 has the number in the text; one who uses Word's or WPS's
automatic numbering ("编号", a heading style linked to a list) has only 总体情况 there: the
一、 comes from ``word/numbering.xml`` through the paragraph's ``w:numPr`` (its own, or its
style's, through ``w:basedOn``). The reader prints the number as Word does, so that such a
heading reads as typed: each list (``w:abstractNum``) counts its levels in document order, a
level restarting when a higher one advances, from ``w:start`` or a ``w:startOverride``; the
level's ``w:lvlText`` (``（%1）``, ``%1、``, ``%1.%2``) is filled with the counters in the
level's ``w:numFmt`` (一, 1, ①, 甲 …). Bullets and ``none`` print nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml import etree

__all__ = ["Numbering", "format_number"]

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_VAL: Final = _w("val")
_LEVELS: Final = 9
#: Highest counter printed in words or symbols; past it, and for formats not known, digits.
_MAX_WORDS: Final = 9999
_CN: Final = "〇一二三四五六七八九"
_CN_LEGAL: Final = "零壹贰叁肆伍陆柒捌玖"
_FULL_WIDTH: Final = str.maketrans("0123456789", "０１２３４５６７８９")
_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES: Final = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN: Final = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _chinese(n: int, digits: str = _CN, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 105 → 一百〇五 (below 10,000), as Word counts."""
    if n == 0:
        return digits[0]
    out = ""
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit, n = divmod(n, power)
        if digit:
            if zero:
                out += digits[0]
            out += digits[digit] + unit
            zero = False
        elif out:
            zero = True
    if out.startswith(digits[1] + units[0]) and digits is _CN:
        out = out[1:]  # 十二, not 一十二
    return out


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA, 28 → BB (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, mark in _ROMAN:
        count, n = divmod(n, value)
        out += mark * count
    return out


def _enclosed(n: int, first: int, last: int) -> str:
    return chr(first + n - 1) if 1 <= n <= last else str(n)


_FORMATS: Final[dict[str, Callable[[int], str]]] = {
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "taiwaneseCounting": _chinese,
    "chineseLegalSimplified": lambda n: _chinese(n, _CN_LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: _chinese(n, _CN_LEGAL, "拾佰仟"),
    "ideographDigital": lambda n: "".join(_CN[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_CN[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12],
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalZero": lambda n: f"{n:02d}",
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


def format_number(n: int, fmt: str) -> str:
    """Counter ``n`` as Word prints it in number format ``fmt`` (``w:numFmt``).

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 12, 20, 105)]
    ['一', '十', '十二', '二十', '一百〇五']
    >>> format_number(3, "decimalEnclosedCircle"), format_number(2, "ideographTraditional")
    ('③', '乙')
    """
    if n < 1 or n > _MAX_WORDS:
        return str(n)
    return _FORMATS.get(fmt, str)(n)


@attrs.frozen
class _Level:
    fmt: str
    text: str
    start: int
    restart: int | None  # w:lvlRestart: restart after this level (1-based), 0 never


_PLACE: Final = re.compile(r"%([1-9])")
_MAX_START: Final = 1_000_000


def _int(el: etree._Element | None, default: int, high: int = _MAX_START) -> int:
    if el is None:
        return default
    try:
        return max(0, min(int(el.get(_VAL, default)), high))
    except ValueError:
        return default


def _levels(abstract: etree._Element) -> dict[int, _Level]:
    """The levels of a list (``w:abstractNum``) by index."""
    out: dict[int, _Level] = {}
    for lvl in abstract.iter(_w("lvl")):
        ilvl = _level_index(lvl.get(_w("ilvl")))
        if ilvl is None:
            continue
        fmt_el = lvl.find(_w("numFmt"))
        text_el = lvl.find(_w("lvlText"))
        restart_el = lvl.find(_w("lvlRestart"))
        out[ilvl] = _Level(
            fmt="decimal" if fmt_el is None else fmt_el.get(_VAL, "decimal"),
            text="" if text_el is None else text_el.get(_VAL, ""),
            start=_int(lvl.find(_w("start")), 1),
            restart=None if restart_el is None else _int(restart_el, 0, _LEVELS),
        )
    return out


def _level_index(raw: str | None) -> int | None:
    """A level's index (``w:ilvl``, 0 to 8), or ``None`` for none or nonsense."""
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if 0 <= value < _LEVELS else None


class Numbering:
    """The numbering of one document: the label of each list paragraph, in document order.

    Built from the parsed ``word/numbering.xml`` and ``word/styles.xml`` (either may be
    missing); :meth:`label` is asked for every paragraph in the order Word lays them out.
    """

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId: abstract, overrides
        links: dict[str, str] = {}  # abstractNumId: the list style it takes its levels from
        if numbering is not None:
            for abstract in numbering.iter(_w("abstractNum")):
                key = abstract.get(_w("abstractNumId"))
                if key is not None:
                    self._abstract[key] = _levels(abstract)
                    link = abstract.find(_w("numStyleLink"))
                    if link is not None:
                        links[key] = link.get(_VAL, "")
            for num in numbering.iter(_w("num")):
                num_id = num.get(_w("numId"))
                ref = num.find(_w("abstractNumId"))
                if num_id is None or ref is None:
                    continue
                overrides = {}
                for override in num.iter(_w("lvlOverride")):
                    ilvl = _level_index(override.get(_w("ilvl")))
                    start = override.find(_w("startOverride"))
                    if ilvl is not None and start is not None:
                        overrides[ilvl] = _int(start, 1)
                self._nums[num_id] = (ref.get(_VAL, ""), overrides)
        self._styles = _style_numbering(styles)
        self._link(links, styles)
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()

    def _link(self, links: dict[str, str], styles: etree._Element | None) -> None:
        """Count lists that take their levels from a list style as the list it names.

        Word's outline lists (一、 then （一）) are often so: ``w:numStyleLink`` names a
        numbering style, whose ``w:numPr`` names the list holding the levels.
        """
        if not links or styles is None:
            return
        list_styles: dict[str, str] = {}
        for style in styles.iter(_w("style")):
            num_id = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
            sid = style.get(_w("styleId"))
            if style.get(_w("type")) == "numbering" and sid is not None and num_id is not None:
                list_styles[sid] = num_id.get(_VAL, "")
        aliases: dict[str, str] = {}
        for key, style_id in links.items():
            found = self._nums.get(list_styles.get(style_id, ""))
            if found is not None and found[0] != key and found[0] not in links:
                aliases[key] = found[0]
        self._nums = {
            num_id: (aliases.get(key, key), overrides)
            for num_id, (key, overrides) in self._nums.items()
        }

    def __bool__(self) -> bool:
        return bool(self._nums)

    def label(self, p: etree._Element) -> str:
        """The number Word prints before paragraph ``p`` ("" for none), counted."""
        ppr = p.find(_w("pPr"))
        numpr = None if ppr is None else ppr.find(_w("numPr"))
        num_id: str | None = None
        ilvl: int | None = None
        if numpr is not None:
            id_el = numpr.find(_w("numId"))
            num_id = None if id_el is None else id_el.get(_VAL)
            lvl_el = numpr.find(_w("ilvl"))
            ilvl = None if lvl_el is None else _level_index(lvl_el.get(_VAL))
        if num_id is None and ppr is not None:
            style = ppr.find(_w("pStyle"))
            if style is not None:
                found = self._styles.get(style.get(_VAL, ""))
                if found is not None:
                    num_id, style_ilvl = found
                    ilvl = style_ilvl if ilvl is None else ilvl
        if num_id is None or num_id == "0":
            return ""
        return self._count(num_id, ilvl or 0)

    def _count(self, num_id: str, ilvl: int) -> str:
        found = self._nums.get(num_id)
        if found is None:
            return ""
        key, overrides = found
        levels = self._abstract.get(key)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(key, [None] * _LEVELS)
        if num_id not in self._started:  # a list instance with its own start restarts
            self._started.add(num_id)
            for at, start in overrides.items():
                counters[at] = start - 1
        level = levels[ilvl]
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for lower in range(ilvl + 1, _LEVELS):
            below = levels.get(lower)
            if below is None or (below.restart != 0 and (below.restart or lower) > ilvl):
                counters[lower] = None
        if level.fmt in ("bullet", "none"):
            return ""

        def place(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = levels.get(at)
            if shown is None:
                return ""
            value = counters[at]
            return format_number(shown.start if value is None else value, shown.fmt)

        return _PLACE.sub(place, level.text)


def _style_numbering(styles: etree._Element | None) -> dict[str, tuple[str, int | None]]:
    """Each paragraph style's list (its own ``w:numPr`` or its nearest ancestor's)."""
    if styles is None:
        return {}
    own, based = _style_facts(styles)
    out: dict[str, tuple[str, int | None]] = {}
    for sid in {*own, *based}:
        key: str | None = sid
        for _ in range(20):  # w:basedOn chains are short; a loop ends here
            if key is None or key in own:
                break
            key = based.get(key)
        found = own.get(key) if key is not None else None
        if found is not None and found[0] is not None and found[0] != "0":
            out[sid] = (found[0], found[1])
    return out


def _style_facts(
    styles: etree._Element,
) -> tuple[dict[str, tuple[str | None, int | None]], dict[str, str]]:
    """Each paragraph style's own ``w:numPr`` (list and level), and the style it is based on."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        sid = style.get(_w("styleId"))
        if sid is None or style.get(_w("type"), "paragraph") != "paragraph":
            continue
        numpr = style.find(f"{_w('pPr')}/{_w('numPr')}")
        if numpr is not None:
            id_el = numpr.find(_w("numId"))
            lvl_el = numpr.find(_w("ilvl"))
            own[sid] = (
                None if id_el is None else id_el.get(_VAL),
                None if lvl_el is None else _level_index(lvl_el.get(_VAL)),
            )
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[sid] = parent.get(_VAL, "")
    return own, based
