"""The documentation site builds without a warning, and the format page maps every row."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report import labels

DOCS = Path(__file__).resolve().parent.parent / "docs"
BUILDERS = ("sphinx", "myst_parser", "furo")


@pytest.mark.skipif(
    any(importlib.util.find_spec(name) is None for name in BUILDERS),
    reason="the docs extra (sphinx, myst-parser, furo) is not installed",
)
def test_sphinx_build_has_no_warnings(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "html" / "index.html").exists()
    # The spec copy is not a page of its own: it is included in the format page.
    assert "第二十条第（一）项" in (tmp_path / "html" / "format.html").read_text(encoding="utf-8")


def _format_rows() -> dict[str, str]:
    """The mapping tables of docs/format.md: field path → row labels as written."""
    rows = {}
    for line in (DOCS / "format.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `((?:proactive|requests)\.[a-z_.]+)` \| (.+) \|$", line)
        if match:
            rows[match[1]] = match[2]
    return rows


def _expected_rows() -> dict[str, str]:
    expected = {}
    for row, label in labels.PROACTIVE_ROWS.items():
        group = labels.PROACTIVE_GROUPS[labels.PROACTIVE_ROW_GROUP[row]].full
        expected[f"proactive.{row}"] = f"{group} | {label.full}"
    results = labels.REQUEST_ROWS["results"].full
    for row, label in labels.REQUEST_ROWS.items():
        if row != "results":
            expected[f"requests.{row}"] = label.full
            continue
        for group, group_label in labels.RESULT_GROUPS.items():
            items = labels.RESULT_ITEMS.get(group)
            if items is None:
                expected[f"requests.results.{group}"] = f"{results}/{group_label.full}"
                continue
            for item, item_label in items.items():
                path = f"requests.results.{group}.{item}"
                expected[path] = f"{results}/{group_label.full}/{item_label.full}"
    return expected


def test_format_page_maps_every_row_of_tables_a_and_b() -> None:
    written = _format_rows()
    expected = _expected_rows()
    assert len(expected) == 6 + 25
    assert {path: written.get(path, "")[: len(text)] for path, text in expected.items()} == expected
