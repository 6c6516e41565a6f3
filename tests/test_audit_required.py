# ruff: noqa: SLF001 - the table R-MISSING reads, against what it was made from
"""R-MISSING's required cells by table, made once, are the required cells grouped as before."""

from __future__ import annotations

from govinfo_report.published import audit as audit_module


def test_required_by_table_is_the_required_cells_grouped() -> None:
    for edition, cells in audit_module._REQUIRED.items():
        by_table = audit_module._REQUIRED_BY_TABLE[edition]
        # every cell once, in its order, under its own table; tables in first-seen order
        assert [c for group in by_table.values() for c in group] == sorted(
            cells, key=lambda c: list(by_table).index(c.table)
        )
        assert all(c.table == table for table, group in by_table.items() for c in group)
        assert list(by_table) == list(dict.fromkeys(c.table for c in cells))
        assert len(by_table) == 3  # Tables 二, 三 and 四
