"""Page shapes real sites serve that the CMS skeletons do not: wrong charsets, tables split
at a page break, ... (each read into the report the page prints).

The pages are built here from the report's own text and ``wordhtml``'s tables, in the
shapes Word/WPS exports, PDF-to-HTML converters and CMS templates give them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest

from govinfo_report import load
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_html

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).parents[2]


def _helper(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, Path(__file__).parent / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CMS = _helper("cms")
TRUTH = load(ROOT / "examples" / "city-department-2023.json")
READ_BACK = attrs.evolve(TRUTH, publication=None, contact=None)


@pytest.mark.parametrize("declared", ["utf-8", "iso-8859-1", "windows-1252", "us-ascii"])
@pytest.mark.parametrize("family", CMS.FAMILIES)
def test_gbk_page_under_a_wrong_charset(family: str, declared: str) -> None:
    """GBK bytes whose template declares another charset (saved without the server's header)."""
    markup = CMS.BUILDERS[family](TRUTH, CMS.article(TRUTH), TRUTH.title, lambda _where: "")
    for charset in ("utf-8", "gbk", "gb18030"):
        markup = markup.replace(f"charset={charset}", f"charset={declared}")
    record = read_html(markup.encode("gbk"))
    assert record.to_report() == READ_BACK
    assert [f.code for f in record.findings] == []
    assert [f.code for f in audit(record)] == []
