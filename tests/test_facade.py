"""The facade: a sorted __all__, every name resolves, heavy modules load on first use."""

import subprocess
import sys

import pytest

import govinfo_report


def test_all_is_sorted_and_resolves() -> None:
    names = govinfo_report.__all__
    assert names == sorted(names)
    for name in names:
        assert getattr(govinfo_report, name) is not None


def test_importing_does_not_load_docx_or_hypothesis() -> None:
    code = (
        "import sys, govinfo_report; "
        "print(any(m == 'docx' or m.startswith(('docx.', 'hypothesis', 'lxml')) "
        "for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="nonexistent"):
        govinfo_report.nonexistent  # noqa: B018 - the attribute access is the test


def test_exported_names_survive_importing_every_submodule() -> None:
    # A submodule named like an exported function would replace it as a package attribute
    # once imported (g.continuity became a module): import them all, in a fresh process.
    code = (
        "import govinfo_report as g, pkgutil, importlib, inspect\n"
        "mods = pkgutil.walk_packages(g.__path__, 'govinfo_report.')\n"
        "[importlib.import_module(m.name) for m in mods]\n"
        "bad = [n for n in g.__all__ if n != '__version__' and (\n"
        "    not (isinstance(getattr(g, n), type) if n[0].isupper() else callable(getattr(g, n)))\n"
        "    or inspect.ismodule(getattr(g, n)))]\n"
        "print(bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_testing_module_without_hypothesis_says_how_to_install_it() -> None:
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import govinfo_report.testing\n"
        "except ModuleNotFoundError as error:\n"
        "    print(error.name)\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    name, message = done.stdout.split("\n", 1)
    assert name == "hypothesis"
    assert "pip install 'govinfo-report[testing]'" in message
    assert "需要 Hypothesis" in message
