"""A report of the 2019 edition for the PDF reader's tests (not a test module).

:data:`REPORT_2019` is the 2023 example told as a 2020 report in the 2019 format (format
section 7): the narrative, Tables 三 and 四 are the example's (its three （六） items summed
into the one row 2019 has), the year moved back three years, and Table 二 filled with
figures of every kind the 2019 edition has: counts, a 本年增/减 below zero, above zero and
zero, and a procurement amount with two decimals.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from govinfo_report import dumps, labels
from govinfo_report.cells import CELL_BY_KEY, cell_value, cells_of
from govinfo_report.formats.json.codec import load, loads
from govinfo_report.model import from_cells

if TYPE_CHECKING:
    from govinfo_report import AnnualReport

_EXAMPLE = Path(__file__).parents[2] / "examples" / "city-department-2023.json"

#: Table 二 of the 2019 edition, row by row, in the order of its columns.
TABLE_TWO: dict[str, tuple[int | Decimal, ...]] = {
    "regulations": (2, 2, 15),
    "normative_documents": (12, 11, 87),
    "licensing": (146, -3, 5230),
    "other_services": (38, 4, 912),
    "punishment": (27, 0, 64),
    "coercion": (9, -1, 3),
    "fees": (4, -2),
    "procurement": (23, Decimal("1856.42")),
}


def _report_2019() -> AnnualReport:
    example = load(_EXAMPLE)
    values: dict[str, object] = {}
    for cell in cells_of("2019"):
        key = cell.key
        if cell.table == "二":
            row = [c for c in cells_of("2019") if c.key[:2] == key[:2]]
            values[".".join(key)] = TABLE_TWO[key[1]][row.index(cell)]
        elif key in CELL_BY_KEY:
            values[".".join(key)] = cell_value(example, key)
        else:  # （六）其他处理: one row in 2019, the sum of 2021's three items
            items = labels.RESULT_ITEMS["other"]
            values[".".join(key)] = sum(
                int(cell_value(example, (*key[:3], item, key[-1]))) for item in items
            )
    report = from_cells(values, organ=example.organ, year=2020)
    text = _EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("2024", "2021").replace("2023", "2020")
    text = text.replace("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号")
    data = json.loads(text)
    own = json.loads(dumps(report))
    for field in ("proactive", "requests", "appeals", "edition"):
        data[field] = own[field]
    return loads(json.dumps(data, ensure_ascii=False))


REPORT_2019: AnnualReport = _report_2019()
