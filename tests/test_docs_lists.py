"""The reference pages list exactly what the code has: rule codes, public names."""

import re
from pathlib import Path

import govinfo_report
from govinfo_report.findings import RULES

DOCS = Path(__file__).parent.parent / "docs"


def test_the_rules_page_lists_exactly_the_catalogues_codes() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| ([A-Z]-[A-Z]+) \|", text, flags=re.MULTILINE)
    assert sorted(listed) == sorted(set(listed)), "a code is listed twice"
    assert set(listed) == set(RULES)


def test_the_api_page_lists_every_public_name() -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. auto\w+:: govinfo_report\.(\w+)$", text, re.MULTILINE))
    public = {name for name in govinfo_report.__all__ if name != "__version__"}
    assert public - documented == set()
    assert "__version__" in text
