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
