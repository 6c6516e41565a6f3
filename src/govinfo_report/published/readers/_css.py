"""What a page's own style sheets hide (private): a small, bounded subset of CSS.

Why one module: parsing the rules, matching selectors with their budget, and finding the
elements a rule is keyed to are one cascade over one page's elements; each part is only
meaningful with the others' bounds. Candidate to move out: the selector parser, were a
second use of it to come.

A person sees a page as its style sheets draw it: a table whose class a ``<style>`` rule
sets to ``display:none`` is not seen, and must not be read. This module applies the rules
of the page's ``<style>`` elements that hide or show elements, and marks each element they
hide with the ``hidden`` attribute, so that the reader's one test (:func:`.html.is_hidden`)
covers both.

The subset (documented in ``docs/limits.md``):

* rules of ``<style>`` elements; an external style sheet is never fetched. Rules inside an
  at-rule block (``@media``, ``@supports``...) are not applied: what they hide depends on
  the screen;
* selectors: compound selectors (a type or ``*``, ``#id``, ``.class``, several together)
  joined by the descendant (space) and child (``>``) combinators, in comma lists; a
  selector with anything else (attributes, pseudo-classes, ``+``, ``~``) is ignored. Ids
  and classes are compared without case, as browsers do for pages without a doctype;
* declarations: ``display`` (``none`` hides, any other value shows), ``visibility``
  (``hidden`` or ``collapse`` hide, ``visible`` shows) and Word's ``mso-hide`` (``all``);
  each cascades on its own, by ``!important``, then the style attribute over the sheet,
  then specificity, then order. An element hidden by its own style attribute stays hidden.

Bounds: at most ``MAX_CSS_CHARS`` characters of style sheets and ``MAX_CSS_RULES``
selectors that hide or show, and ``MAX_CSS_STEPS`` steps of selector matching for the
page; past any of them the page is refused (:class:`~govinfo_report.ReadError`).

>>> from lxml import etree
>>> root = etree.fromstring(
...     "<html><head><style>.ad, #x > td {display: none}</style></head><body>"
...     "<p class='AD'>decoy</p><table><tr id=x><td>1</td></tr></table></body></html>",
...     etree.HTMLParser(),
... )
>>> hide_by_style_sheets(root, "<html>")
True
>>> [el.tag for el in root.iter() if el.get("hidden") is not None]
['p', 'td']
"""

from __future__ import annotations

import re
from typing import Final

import attrs
from lxml import etree

from govinfo_report.errors import ReadError

__all__ = [
    "CSS_SPACE",
    "MAX_CSS_CHARS",
    "MAX_CSS_RULES",
    "MAX_CSS_STEPS",
    "hide_by_style_sheets",
]

#: Characters of a page's ``<style>`` elements read (a Word page has some tens of KB).
MAX_CSS_CHARS: Final = 1_000_000
#: Selectors of rules that hide or show elements.
MAX_CSS_RULES: Final = 10_000
#: Steps of selector matching for one page (an element tried against a compound selector).
MAX_CSS_STEPS: Final = 100_000

_PROPERTIES: Final = ("display", "visibility", "mso-hide")
_QUICK: Final = re.compile(r"display|visibility|mso-hide", re.IGNORECASE)
_COMMENT: Final = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
#: CSS white space (space, tab, line breaks, form feed), not every Unicode space: a browser
#: reads ``display:\u3000none`` as no declaration, and ``div\u3000p`` as one type's name.
CSS_SPACE: Final = " \t\n\r\f"
_S: Final = f"[{CSS_SPACE}]"  # in a pattern
_DECLARATION: Final = re.compile(
    rf"^{_S}*(display|visibility|mso-hide){_S}*:{_S}*([^!]*?){_S}*(!{_S}*important)?{_S}*$",
    re.IGNORECASE | re.ASCII,
)
_COMPOUND: Final = re.compile(r"^(\*|[a-zA-Z][a-zA-Z0-9-]*)?((?:[#.][\w-]+)*)$")
_SIMPLE: Final = re.compile(r"([#.])([\w-]+)")
_COMBINATOR: Final = re.compile(rf"{_S}*>{_S}*|{_S}+")

_Compound = tuple[str | None, str | None, frozenset[str]]  # type, id, classes (lower case)
_Rank = tuple[bool, bool, tuple[int, int, int], int]  # important, own style, specificity, order


@attrs.frozen
class _Rule:
    """One selector of a rule, with what it says of each property (True: hides)."""

    parts: tuple[tuple[_Compound, str], ...]  # each compound with the combinator before it
    specificity: tuple[int, int, int]
    order: int
    says: tuple[tuple[str, bool, bool], ...]  # (property, hides, important)


def _says(value: str) -> bool:
    """Whether a declaration (``property: value``, lower case) hides."""
    prop, _, val = value.partition(":")
    if prop == "display":
        return val == "none"
    if prop == "visibility":
        return val in ("hidden", "collapse")
    return val == "all"  # mso-hide


def _declarations(body: str) -> tuple[tuple[str, bool, bool], ...]:
    out = []
    for declaration in body.split(";"):
        match = _DECLARATION.match(declaration)
        if match is not None:
            prop = match[1].lower()
            hides = _says(f"{prop}:{match[2].strip(CSS_SPACE).lower()}")
            out.append((prop, hides, match[3] is not None))
    return tuple(out)


def _compound(text: str) -> _Compound | None:
    match = _COMPOUND.match(text)
    if match is None or not text:
        return None
    kind = match[1].lower() if match[1] and match[1] != "*" else None
    ident = None
    classes = set()
    for mark, name in _SIMPLE.findall(match[2]):
        if mark == "#":
            ident = name.lower()
        else:
            classes.add(name.lower())
    return kind, ident, frozenset(classes)


def _selector(text: str) -> tuple[tuple[tuple[_Compound, str], ...], tuple[int, int, int]] | None:
    """A selector's compounds (each with the combinator before it) and its specificity."""
    text = text.strip(CSS_SPACE)
    if not text:
        return None
    pieces = _COMBINATOR.split(text)
    combinators = [m.strip(CSS_SPACE) or " " for m in _COMBINATOR.findall(text)]
    parts = []
    ids = classes = types = 0
    for i, piece in enumerate(pieces):
        compound = _compound(piece)
        if compound is None:
            return None
        parts.append((compound, combinators[i - 1] if i else ""))
        ids += compound[1] is not None
        classes += len(compound[2])
        types += compound[0] is not None
    return tuple(parts), (ids, classes, types)


def _rules(css: str, name: str) -> list[_Rule]:
    """The selectors of ``css`` that hide or show, outside at-rule blocks."""
    css = _COMMENT.sub(" ", css)
    rules: list[_Rule] = []
    pos = 0
    while True:
        brace = css.find("{", pos)
        if brace < 0:
            break
        prelude = css[pos:brace].rsplit(";", 1)[-1].strip(CSS_SPACE)  # after @import ...; and so on
        if prelude.startswith("@"):
            pos = _block_end(css, brace)
            continue
        end = css.find("}", brace)
        end = len(css) if end < 0 else end
        body = css[brace + 1 : end]
        pos = end + 1
        if not _QUICK.search(body):
            continue
        says = _declarations(body)
        if not says:
            continue
        for text in prelude.split(","):
            selector = _selector(text)
            if selector is None:
                continue
            rules.append(_Rule(selector[0], selector[1], len(rules), says))
            if len(rules) > MAX_CSS_RULES:
                raise _too_much(name, f"超过 {MAX_CSS_RULES} 条", f"more than {MAX_CSS_RULES}")
    return rules


def _block_end(css: str, brace: int) -> int:
    """Where the block opened at ``brace`` ends (nested blocks included)."""
    depth = 0
    for match in re.compile(r"[{}]").finditer(css, brace):
        depth += 1 if match[0] == "{" else -1
        if depth == 0:
            return match.end()
    return len(css)


def _too_much(name: str, zh: str, en: str) -> ReadError:
    return ReadError(
        name,
        f"网页的样式表过大或过于复杂（{zh}），无法判断哪些内容可见",
        f"the page's style sheets are too large or too complex ({en}) to tell what is seen",
    )


class _Matcher:
    """Selector matching with a budget of steps for the page."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.steps = 0
        self.facts: dict[etree._Element, tuple[str, str, frozenset[str]]] = {}  # type, id, classes
        # by rule: (element, compound index) -> whether it matches there / at or above it
        self.known_at: dict[int, dict[tuple[etree._Element, int], bool]] = {}
        self.known_above: dict[int, dict[tuple[etree._Element, int], bool]] = {}

    def compound(self, el: etree._Element, compound: _Compound) -> bool:
        self.steps += 1
        if self.steps > MAX_CSS_STEPS:
            raise _too_much(
                self.name, f"选择器匹配超过 {MAX_CSS_STEPS} 步", f"over {MAX_CSS_STEPS} steps"
            )
        facts = self.facts.get(el)
        if facts is None:
            tag = el.tag
            facts = self.facts[el] = (
                tag.lower() if isinstance(tag, str) else "",
                (el.get("id") or "").lower(),
                frozenset((el.get("class") or "").lower().split()),
            )
        kind, ident, classes = compound
        return (
            bool(facts[0])
            and (kind is None or facts[0] == kind)
            and (ident is None or facts[1] == ident)
            and classes <= facts[2]
        )

    def matches(self, el: etree._Element, rule: _Rule) -> bool:  # noqa: C901 - two closures
        """Whether ``el`` matches ``rule``: linear in the depth of ``el`` and the rule's parts.

        ``at(node, i)``: the ``i``-th compound matches ``node`` and the ones before it match
        above it; ``above(node, i)``: ``node`` or an ancestor matches up to the ``i``-th.
        Both are remembered for the page (the elements kept alive, so they stay the same
        objects), so that an ancestor is looked at once for a rule, whatever lies below it.
        """
        known_at = self.known_at.setdefault(rule.order, {})
        known_above = self.known_above.setdefault(rule.order, {})

        def at(node: etree._Element, i: int) -> bool:
            key = (node, i)
            answer = known_at.get(key)
            if answer is None:
                compound, combinator = rule.parts[i]
                answer = self.compound(node, compound)
                if answer and i:
                    parent = node.getparent()
                    if parent is None:
                        answer = False
                    elif combinator == ">":
                        answer = at(parent, i - 1)
                    else:
                        answer = above(parent, i - 1)
                known_at[key] = answer
            return answer

        def above(node: etree._Element, i: int) -> bool:
            chain: list[etree._Element] = []
            answer = False
            current: etree._Element | None = node
            while current is not None:
                known = known_above.get((current, i))
                if known is not None:
                    answer = known
                    break
                chain.append(current)
                if at(current, i):
                    answer = True
                    break
                current = current.getparent()
            for seen in chain:  # each node of the chain: as found for the first above it
                known_above[seen, i] = answer
            return answer

        return at(el, len(rule.parts) - 1)


def hide_by_style_sheets(
    root: etree._Element, name: str, *, kelvin: bool = True, sheets: list[str] | None = None
) -> bool:
    """Mark with ``hidden`` the elements the page's ``<style>`` rules hide; whether any.

    ``kelvin=False``: no tag name holds the Kelvin sign (the page's text has none).
    ``sheets``: the text of each ``<style>`` element, when known.
    """
    if sheets is None:
        sheets = [el.text or "" for el in root.iter("style")]
    css = "".join(sheets)
    if not _QUICK.search(css):
        return False
    if len(css) > MAX_CSS_CHARS:
        raise _too_much(
            name, f"超过 {MAX_CSS_CHARS} 个字符", f"more than {MAX_CSS_CHARS} characters"
        )
    rules = _rules(css, name)
    if not any(hides for rule in rules for _, hides, _ in rule.says):
        return False  # rules that only show (display:block...) hide nothing
    index = _index(rules)
    matcher = _Matcher(name)
    hid = False
    for el in _candidates(root, index, kelvin=kelvin):
        if el.get("hidden") is None and _hides(el, index, matcher):
            el.set("hidden", "")
            hid = True
    return hid


#: The page's class and id values, as plain strings (no link to their element: cheaper).
_VALUES: Final = {
    attribute: etree.XPath(f"//@{attribute}", smart_strings=False) for attribute in ("class", "id")
}
#: ``str.lower`` of a tag name, for the names a rule can have (ASCII): the Kelvin sign is the
#: one other character it lowers to ASCII (``İ`` becomes two characters, never a rule's name).
_UPPER: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ\u212a"
_LOWER: Final = "abcdefghijklmnopqrstuvwxyzk"


#: Paths of the XPath union at most (one pass over the page each); past it every element is
#: asked, in one pass, as first written (a style sheet keying thousands of the page's class
#: values would otherwise make thousands of passes).
_MAX_PATHS: Final = 16


def _candidates(
    root: etree._Element, index: dict[tuple[str, str], list[_Rule]], *, kelvin: bool = True
) -> list[etree._Element]:
    """The elements some rule of ``index`` is keyed to, in document order.

    :func:`_hides` looks up no other element's rules. Not every element of the page is
    asked (a Python object and three look-ups each: 5 ms on a long report's page): the
    page's class and id values, each once, tell which are keyed to (compared as
    :func:`_hides` compares them), and one XPath union, in C, finds the elements with those
    values or of a type a rule names, in document order, so that the rules are matched in
    the same order and count the same steps. A type is compared as ``str.lower`` gives the
    tag: libxml2 gives tag names in lower case (ASCII), and the Kelvin sign is the one other
    character lowered to ASCII (``kelvin``: a tag name may hold it). With a rule for every
    element (``*``), more than ``_MAX_PATHS`` paths, or a value XPath cannot be given, every
    element is asked.
    """
    kinds: dict[str, set[str]] = {"": set(), ".": set(), "#": set()}
    for kind, key in index:
        kinds[kind].add(key)
    if "*" in kinds[""]:
        return _every_element(root)
    values = _keyed_values(root, kinds["."], "class")
    values += _keyed_values(root, kinds["#"], "id")
    if len(values) + len(kinds[""]) > _MAX_PATHS:  # each path is a pass over the page
        return _every_element(root)
    paths = [f"//@{attribute}[.=$v{n}]/.." for n, (attribute, _) in enumerate(values)]
    variables = {f"v{n}": value for n, (_, value) in enumerate(values)}
    for kind in sorted(kinds[""]):
        if kelvin:
            variables[f"v{len(variables)}"] = kind
            paths.append(f"//*[translate(local-name(), $upper, $lower)=$v{len(variables) - 1}]")
        else:
            paths.append(f"//{kind}")
    if not paths:
        return []
    find = etree.XPath(" | ".join(paths))
    try:
        found: list[etree._Element] = find(root, upper=_UPPER, lower=_LOWER, **variables)
    except ValueError:  # a value with characters XPath cannot be given
        return _every_element(root)
    return found


def _keyed_values(root: etree._Element, keys: set[str], attribute: str) -> list[tuple[str, str]]:
    """The page's distinct values of ``attribute`` (class or id) that name one of ``keys``."""
    if not keys:
        return []
    out = []
    for value in set(_VALUES[attribute](root)):
        names = value.lower().split() if attribute == "class" else [value.lower()]
        if value and keys.intersection(names):
            out.append((attribute, value))
    return out


def _every_element(root: etree._Element) -> list[etree._Element]:
    return [el for el in root.iter() if isinstance(el.tag, str)]


def _index(rules: list[_Rule]) -> dict[tuple[str, str], list[_Rule]]:
    """The rules by what their last compound needs: an id, a class, or a type (``*``)."""
    index: dict[tuple[str, str], list[_Rule]] = {}
    for rule in rules:
        kind, ident, classes = rule.parts[-1][0]
        if ident is not None:
            key = ("#", ident)
        elif classes:
            key = (".", min(classes))
        else:
            key = ("", kind or "*")
        index.setdefault(key, []).append(rule)
    return index


def _hides(
    el: etree._Element, index: dict[tuple[str, str], list[_Rule]], matcher: _Matcher
) -> bool:
    """Whether the cascade of the rules matching ``el`` (and its style attribute) hides it."""
    keys = [("", str(el.tag).lower()), ("", "*")]
    ident = el.get("id")
    if ident:
        keys.append(("#", ident.lower()))
    keys.extend((".", c) for c in (el.get("class") or "").lower().split())
    best: dict[str, tuple[_Rank, bool]] = {}
    for key in keys:
        for rule in index.get(key, ()):
            if matcher.matches(el, rule):
                for prop, hides, important in rule.says:
                    rank = (important, False, rule.specificity, rule.order)
                    if prop not in best or rank > best[prop][0]:
                        best[prop] = (rank, hides)
    if not best:
        return False
    for prop, hides, important in _declarations(el.get("style") or ""):
        rank = (important, True, (0, 0, 0), 0)
        if prop not in best or rank > best[prop][0]:
            best[prop] = (rank, hides)
    return any(hides for _, hides in best.values())
