"""Sphinx configuration: MyST Markdown pages, the furo theme, autodoc with Google docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import govinfo_report

project = "govinfo_report"
author = "govinfo_report developers"
copyright = "govinfo_report developers"
release = govinfo_report.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
# No intersphinx: the build must not need the network.

source_suffix = {".md": "markdown"}
root_doc = "index"
language = "zh_CN"
# Partials included by other pages are not pages of their own.
exclude_patterns = ["_build", "format-2021.md", "performance-*.md", "conftest.py"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

napoleon_google_docstring = True
napoleon_numpy_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": True}

html_theme = "furo"
html_title = f"govinfo_report {release}"
