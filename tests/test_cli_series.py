"""``audit --series`` over published pages: every break with both numbers, every input named.

The three years of ``tests/data/series`` are published as web pages of three CMS families
(GBK and UTF-8, with their furniture) and as a .docx; the 2022 report's stock of documents
breaks (X-STOCK 41 → 39) and the 2023 report's carry-over (X-CARRY 13 → 12). Inputs that
cannot take part — a page whose tables do not add up, a page that is not a report, an
unreadable file — are named with their reason in text, JSON and CSV, and counted.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from govinfo_report import load
from govinfo_report.cli import run

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).parent
SERIES = ROOT / "data" / "series"


def _cms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cms", ROOT / "readers" / "cms.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CMS = _cms()


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def _folder(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for year, family in ((2021, "trs"), (2022, "jcms"), (2023, "dede")):
        report = load(SERIES / f"{year}.json")
        (pages / f"{year}-{family}.html").write_bytes(CMS.page(report, family))
    # Another organ's page whose Table 三 does not add up: audited, but not in the series.
    other = load(SERIES / "2023.json")
    other = attrs.evolve(
        other, organ="某县教育局", title="某县教育局2023年政府信息公开工作年度报告"
    )
    broken = CMS.page(other, "hanweb").replace(b">323<", b">324<", 1)  # 一、…总计
    (pages / "county-hanweb.html").write_bytes(broken)
    (pages / "notice.html").write_text(
        "<html><body><p>关于开展政务公开检查的通知</p></body></html>", encoding="utf-8"
    )
    (pages / "empty.txt").write_bytes(b"")
    return pages


def test_series_of_pages_names_breaks_and_every_input_left_out(tmp_path: Path) -> None:
    pages = _folder(tmp_path)
    code, out, _ = _run("audit", str(pages), "--series", "--lang", "en")
    assert code == 2  # an input cannot be read at all
    lines = out.splitlines()
    start = lines.index("series 某市自然资源和规划局: 2021-2023 (3 years, 2 findings)")
    stock, carry = lines[start + 1], lines[start + 2]
    assert stock.startswith("  2022  warning table 二")
    assert "should be 41, but is 39 [X-STOCK]" in stock
    assert carry.startswith("  2023  warning table 三")
    assert "13, but is 12 [X-CARRY]" in carry
    left = [line for line in lines if "left out of the series" in line]
    assert len(left) == 3
    assert any(line.startswith(str(pages / "county-hanweb.html")) for line in left)
    assert any(line.startswith(str(pages / "notice.html")) for line in left)
    assert any(line.startswith(str(pages / "empty.txt")) for line in left)
    assert "series: 3 reports used, 3 left out (see above)" in lines


def test_series_left_out_in_json_and_csv(tmp_path: Path) -> None:
    pages = _folder(tmp_path)
    code, out, err = _run("audit", str(pages), "--series", "--format", "json")
    assert code == 2
    data = json.loads(out)
    left = {e["file"]: e for e in data if e.get("status") == "not-in-series"}
    assert set(left) == {str(pages / n) for n in ("county-hanweb.html", "notice.html", "empty.txt")}
    assert all(e["reason_zh"].startswith("未纳入年度序列") for e in left.values())
    assert all(e["reason_en"].startswith("left out of the series") for e in left.values())
    (series,) = [e for e in data if "series" in e]
    assert [(f["year"], f["code"], f["expected"], f["found"]) for f in series["findings"]] == [
        (2022, "X-STOCK", 41, 39),
        (2023, "X-CARRY", 13, 12),
    ]
    assert "年度序列：使用 3 份报告，3 份未纳入" in err
    code, out, _ = _run("audit", str(pages), "--series", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["file"] for r in rows if r["code"] == "not-in-series"} == set(left)
    assert [(r["file"], r["expected"], r["found"]) for r in rows if r["code"] == "X-STOCK"] == [
        ("某市自然资源和规划局 2022", "41", "39")
    ]


def test_a_sound_series_exits_zero(tmp_path: Path) -> None:
    pages = tmp_path / "sound"
    pages.mkdir()
    for year, family in ((2021, "trs"), (2022, "word")):
        (pages / f"{year}.html").write_bytes(CMS.page(load(SERIES / f"{year}.json"), family))
    code, out, _ = _run("audit", str(pages), "--series")
    assert code == 0, out
    assert "年度序列：使用 2 份报告，0 份未纳入（见上）" in out


def test_copied_across_the_inputs() -> None:
    """--copied compares every pair of sound reports once; --copy-threshold sets the share."""
    code, out, _ = _run("audit", str(SERIES), "--copied", "--format", "json")
    assert code == 0
    pairs = [e for e in json.loads(out) if "pair" in e]
    assert [[Path(p).name for p in e["pair"]] for e in pairs] == [["2022.json", "2023.json"]]
    (finding,) = pairs[0]["findings"]
    assert (finding["code"], finding["path"], finding["found"]) == ("X-COPY", "$.overview", "0.51")
    code, out, _ = _run("audit", str(SERIES), "--copied", "--copy-threshold", "0.6")
    assert "X-COPY" not in out
    assert "雷同比较：使用 3 份报告，0 份未纳入（见上）" in out
    code, _, err = _run("audit", str(SERIES), "--copied", "--copy-threshold", "2")
    assert code == 2
    assert "--copy-threshold" in err


def test_jump_threshold() -> None:
    _, out, _ = _run("audit", str(SERIES), "--series", "--format", "csv")
    assert ",X-JUMP," not in out
    _code, out, _ = _run(
        "audit", str(SERIES), "--series", "--format", "csv", "--jump-factor", "1.1",
        "--jump-floor", "0",
    )  # fmt: skip
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["code"] == "X-JUMP"]
    assert rows
    assert all(r["severity"] == "info" for r in rows)
