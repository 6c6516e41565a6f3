"""``check``, ``is_consistent`` and ``validate`` on a record as published."""

from pathlib import Path

import pytest

from govinfo_report import (
    PublishedReport,
    ReportError,
    Severity,
    audit,
    check,
    is_consistent,
    read,
    read_text,
    validate,
)

CORPUS = sorted(
    p
    for p in (Path(__file__).parent.parent / "data" / "published").iterdir()
    if p.suffix in (".txt", ".html", ".docx")
)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_the_verbs_agree_with_the_audit(path: Path) -> None:
    record = read(path)
    assert isinstance(record, PublishedReport)
    findings = check(record)
    assert findings == [*record.findings, *audit(record)]
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert is_consistent(record) == (not errors)
    if errors:
        with pytest.raises(ReportError) as info:
            validate(record)
        assert list(info.value.findings) == errors
    else:
        assert validate(record) == record.to_report()


def test_a_record_without_tables_is_not_consistent() -> None:
    record = read_text("某县教育局2023年政府信息公开工作年度报告\n一、总体情况\n无。")
    assert not is_consistent(record)
    codes = {f.code for f in check(record) if f.severity is Severity.ERROR}
    assert codes == {"R-MISSING"}
    with pytest.raises(ReportError):
        validate(record)
