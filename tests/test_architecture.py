"""The layers of the package (docs/architecture.md), enforced on the source.

Every import of a ``govinfo_report`` module is read from the source (module level and inside
functions alike; imports under ``if TYPE_CHECKING:`` are for type checkers only and are not
counted). A module may import its own layer and the layers below it; the module-level
imports form no cycle; no module takes another module's private (``_``) name.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "govinfo_report"

#: The layers, lowest first: (name, module prefixes). The first matching prefix wins.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "base",
        (
            "govinfo_report.errors",
            "govinfo_report.findings",
            "govinfo_report.labels",
            "govinfo_report.cells",
            "govinfo_report._io",
            "govinfo_report._json",
            "govinfo_report.rules.catalogue",
            "govinfo_report.rules.phrases",
        ),
    ),
    ("model", ("govinfo_report.model", "govinfo_report.rules.narrative")),
    ("formats", ("govinfo_report.formats", "govinfo_report.testing")),
    ("published", ("govinfo_report.published",)),
    ("verbs", ("govinfo_report.rules.checks", "govinfo_report.many")),
    (
        "facade",
        (
            "govinfo_report._hypothesis_hook",
            "govinfo_report.rules",  # the package's docstring only; its modules are above
            "govinfo_report",
        ),
    ),
    ("cli", ("govinfo_report.cli", "govinfo_report.__main__")),
]


#: Imports across the layers that are known and explained, each with its reason.
UPWARD: dict[tuple[str, str], str] = {
    (
        "govinfo_report.formats._prose",
        "govinfo_report.published.readers._interpret",
    ): "fees_stated() reads section 六 with the readers' fee patterns so that what the "
    "writers print reads back the same; the patterns belong in a shared text module (lazy)",
}


def _layer(module: str) -> int:
    for rank, (_, prefixes) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    msg = f"{module} is in no layer: add it to LAYERS and docs/architecture.md"
    raise AssertionError(msg)


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, package: str) -> Iterator[tuple[str, tuple[str, ...], bool]]:
    """(module, names, at module level) for each runtime import of a govinfo_report module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))

    def walk(node: ast.AST, *, top: bool) -> Iterator[tuple[str, tuple[str, ...], bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                yield from (x for c in child.orelse for x in walk(c, top=top))
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("govinfo_report"):
                        yield alias.name, (), top
            elif isinstance(child, ast.ImportFrom):
                module = child.module or ""
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    module = ".".join([*base, module] if module else base)
                if module.startswith("govinfo_report"):
                    yield module, tuple(a.name for a in child.names), top
            inner = top and not isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            yield from walk(child, top=inner)

    yield from walk(tree, top=True)


def _target(module: str, name: str) -> str:
    """``module.name`` when that is a module (``from govinfo_report import _io``), else module."""
    candidate = f"{module}.{name}"
    parts = candidate.split(".")[1:]
    if SRC.joinpath(*parts).with_suffix(".py").exists() or SRC.joinpath(*parts).is_dir():
        return candidate
    return module


MODULES = dict(_modules())


def _package(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_imports_only_its_layer_and_below(name: str) -> None:
    path = MODULES[name]
    rank = _layer(name)
    for module, names, _ in _imports(path, _package(name, path)):
        for target in {_target(module, n) for n in names} or {module}:
            if (name, target) in UPWARD:
                continue
            assert _layer(target) <= rank, (
                f"{name} ({LAYERS[rank][0]}) imports {target} ({LAYERS[_layer(target)][0]})"
            )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_takes_another_modules_private_name(name: str) -> None:
    path = MODULES[name]
    for module, names, _ in _imports(path, _package(name, path)):
        for n in names:
            dunder = n.startswith("__") and n.endswith("__")
            private = n.startswith("_") and not dunder and _target(module, n) == module
            assert not private, f"{name} imports {module}.{n}"


def _module_level_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        graph[name] = set()
        for module, names, top in _imports(path, _package(name, path)):
            if top:
                graph[name] |= {_target(module, n) for n in names} or {module}
    return graph


def test_the_module_level_imports_form_no_cycle() -> None:
    graph = _module_level_graph()
    # A package imports its submodules to re-export them; a submodule importing its own
    # package's __init__ back is the cycle that counts.
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt == node or node.startswith(nxt + "."):
                continue  # a module's own package is imported before it, by Python
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                msg = f"import cycle: {' -> '.join([*cycle, nxt])}"
                raise AssertionError(msg)
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_model_modules_import_attrs_and_the_standard_library_only() -> None:
    """The model is pure: besides attrs and the stdlib, only the base layer and itself."""
    for name, path in MODULES.items():
        if not name.startswith("govinfo_report.model"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                top = (
                    node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                ) or ""
                root = top.split(".")[0]
                assert root in _STDLIB_OK or root in ("attrs", "govinfo_report", ""), (name, top)


_STDLIB_OK = {
    "__future__", "collections", "dataclasses", "datetime", "decimal", "enum", "functools",
    "itertools", "operator", "re", "typing",
}  # fmt: skip


LONG = 400


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_long_module_says_why_at_its_top(name: str) -> None:
    path = MODULES[name]
    text = path.read_text(encoding="utf-8")
    if text.count("\n") <= LONG:
        return
    doc = ast.get_docstring(ast.parse(text)) or ""
    assert "Why one module:" in doc, f"{name}: over {LONG} lines without a reason at its top"
