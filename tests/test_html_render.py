"""The web page as a browser lays it out: headless Chromium at 1280 px, at 1280 px zoomed to
200 % (640 CSS px) and at 375 px.

From the boxes of the rendered DOM: every table cell's text lies inside its cell (vertical
headers included) and no number is broken over two lines; Table 三 scrolls inside its own
box on a narrow screen while the page itself never scrolls sideways; the article's blocks do
not overlap and stay within its column. Needs the Debian package ``chromium`` (``.ci/run``
installs it); skipped with the reason where it is absent.

Chromium is driven through its DevTools protocol over a pipe (``--remote-debugging-pipe``,
standard library only): the screen is emulated at its width (headless windows are at least
500 px wide), and the measuring script is evaluated from outside, so the page measured is the
page published. Run this file as a script to refresh the screenshots in ``docs/images/``.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from govinfo_report import labels
from govinfo_report.cells import cells_of
from govinfo_report.formats.html.writer import html_text
from govinfo_report.formats.json.codec import load
from govinfo_report.model import (
    ApplicantCounts,
    DocumentCounts2019,
    FeeItems2019,
    HandlingResults2019,
    ItemCounts2019,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    Procurement2019,
    Requests,
    Requests2019,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from govinfo_report.model import AnnualReport

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "city-department-2023.json"
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)"
)

#: Screens narrower than this are phones; this wide and wider, a desktop at 100 %.
PHONE, DESKTOP = 500, 1000

#: Flags that let Chromium run headless as root in a container, offline and quietly.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)

#: Evaluated in the laid-out page: the boxes the tests look at, as JSON-ready data.
MEASURE = r"""
(() => {
  const tol = 1;
  const inside = (t, c) => t.left >= c.left - tol && t.right <= c.right + tol &&
                           t.top >= c.top - tol && t.bottom <= c.bottom + tol;
  const textRects = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  };
  const out = {width: window.innerWidth, pageWidth: document.documentElement.scrollWidth,
               cells: [], blocks: [], tables: []};
  for (const cell of document.querySelectorAll(".govinfo-report th, .govinfo-report td")) {
    const box = cell.getBoundingClientRect();
    const rects = textRects(cell);
    const tops = new Set(rects.map((r) => Math.round(r.top)));
    out.cells.push({text: cell.textContent, key: cell.getAttribute("data-cell"),
                    outside: rects.filter((r) => !inside(r, box)).length,
                    lines: tops.size, empty: rects.length === 0});
  }
  const article = document.querySelector(".govinfo-report").getBoundingClientRect();
  const flow = document.querySelectorAll(
    ".govinfo-report > :not(style):not(script):not(section), .govinfo-report section > *");
  for (const el of flow) {
    const box = el.getBoundingClientRect();
    const rects = el.classList.contains("govinfo-table") ? [] : textRects(el);
    out.blocks.push({tag: el.tagName.toLowerCase(), text: el.textContent.slice(0, 30),
                     left: box.left, right: box.right, top: box.top, bottom: box.bottom,
                     textOutside: rects.filter((r) => !inside(r, box)).length});
  }
  out.article = {left: article.left, right: article.right};
  for (const wrap of document.querySelectorAll(".govinfo-report .govinfo-table")) {
    out.tables.push({caption: wrap.querySelector("caption").textContent,
                     scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth,
                     overflowX: getComputedStyle(wrap).overflowX});
  }
  return out;
})()
"""


class DevTools:
    """Headless Chromium driven over ``--remote-debugging-pipe`` (fds 3 and 4 of the child)."""

    def __init__(self, profile: str) -> None:
        assert CHROMIUM is not None
        to_browser, self._to_browser = os.pipe()
        self._from_browser, from_browser = os.pipe()

        def pipes() -> None:  # runs in the child: the protocol's pipes as fds 3 and 4
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=pipes,  # noqa: PLW1509 - no threads are running; dup2 only
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next = 0
        self.session = ""
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t["targetId"] for t in targets if t["type"] == "page")
        attached = self.call("Target.attachToTarget", targetId=page, flatten=True)
        self.session = attached["sessionId"]
        self.call("Page.enable")

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], 60)
            assert ready, "Chromium did not answer within 60 s"
            chunk = os.read(self._from_browser, 1 << 20)
            assert chunk, "Chromium closed the DevTools pipe"
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        result: dict[str, Any] = json.loads(message)
        return result

    def call(self, method: str, **params: object) -> dict[str, Any]:
        """Send one command; skip events until its answer; the answer's result."""
        self._next += 1
        message: dict[str, object] = {"id": self._next, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next:
                assert "error" not in answer, answer
                result: dict[str, Any] = answer["result"]
                return result

    def wait_for(self, event: str) -> None:
        while self._read().get("method") != event:
            pass

    def open(self, url: str, width: int, height: int) -> None:
        """Show ``url`` on an emulated screen ``width`` x ``height`` px, loaded."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def screenshot(self) -> bytes:
        return base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])

    def close(self) -> None:
        with contextlib.suppress(AssertionError, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


@contextlib.contextmanager
def browser() -> Iterator[DevTools]:
    """A headless Chromium with a fresh profile, closed afterwards."""
    with tempfile.TemporaryDirectory(prefix="chromium-html-") as profile:
        tools = DevTools(profile)
        try:
            yield tools
        finally:
            tools.close()


def measure(tools: DevTools, report: AnnualReport, width: int, folder: Path) -> dict[str, Any]:
    """The boxes of the page of ``report`` laid out on a screen ``width`` px wide."""
    path = folder / f"page-{width}.html"
    path.write_text(html_text(report), encoding="utf-8")
    tools.open(path.as_uri(), width, 900)
    result: dict[str, Any] = tools.evaluate(MEASURE)
    assert result["width"] == width
    return result


def screenshot(  # noqa: PLR0913 - the report, the screen, the file and where to look
    tools: DevTools, report: AnnualReport, width: int, height: int, out: Path, *, section: int = 2
) -> None:
    """The page of ``report`` on a ``width`` x ``height`` screen, at the top of a section
    (index ``section``: 2 is Table 三's, 1 Table 二's)."""
    with tempfile.TemporaryDirectory(prefix="html-shot-") as folder:
        path = Path(folder) / "page.html"
        path.write_text(html_text(report), encoding="utf-8")
        tools.open(path.as_uri(), width, height)
        tools.evaluate(
            f"document.querySelectorAll('.govinfo-report section')[{section}].scrollIntoView()"
        )
        out.write_bytes(tools.screenshot())


def _big_numbers(report: AnnualReport) -> AnnualReport:
    """``report`` with 7-digit counts in Table 三 and a long 万元 amount."""
    requests = report.requests
    assert isinstance(requests, Requests)
    assert isinstance(report.proactive, ProactiveDisclosure)
    new = attrs.evolve(requests.new, natural_person=requests.new.natural_person + 9_000_000)
    results = attrs.evolve(
        requests.results,
        disclosed=attrs.evolve(
            requests.results.disclosed,
            natural_person=requests.results.disclosed.natural_person + 9_000_000,
        ),
    )
    return attrs.evolve(
        report,
        requests=attrs.evolve(requests, new=new, results=results),
        proactive=attrs.evolve(report.proactive, fees=Decimal("24252.311082")),
    )


def as_2019(report: AnnualReport) -> AnnualReport:
    """``report`` in the 2019 edition (year 2020): its Table 三 with （六） summed into one row,
    a Table 二 of the 2019 layout with signed changes and a long 采购总金额."""
    requests = report.requests
    assert isinstance(requests, Requests)
    results = requests.results
    other = results.other
    columns = [c for c in labels.APPLICANT_COLUMNS if c != "total"]
    one_row = ApplicantCounts(
        **{c: sum(getattr(getattr(other, i), c) for i in other.ITEMS) for c in columns}
    )
    return attrs.evolve(
        report,
        year=2020,
        edition="2019",
        proactive=ProactiveDisclosure2019(
            regulations=DocumentCounts2019(made=2, published=2, public_total=35),
            normative_documents=DocumentCounts2019(made=14, published=13, public_total=286),
            licensing=ItemCounts2019(previous=112, change=-7, decisions=1_284_600),
            other_services=ItemCounts2019(previous=40, change=3, decisions=2310),
            punishment=ItemCounts2019(previous=1203, change=0, decisions=417),
            coercion=ItemCounts2019(previous=36, change=-2, decisions=25),
            fees=FeeItems2019(previous=8, change=-1),
            procurement=Procurement2019(projects=57, amount=Decimal("1326458.254")),
        ),
        requests=Requests2019(
            new=requests.new,
            carried_over=requests.carried_over,
            results=HandlingResults2019(
                disclosed=results.disclosed,
                partially_disclosed=results.partially_disclosed,
                withheld=results.withheld,
                unavailable=results.unavailable,
                not_processed=results.not_processed,
                other=one_row,
            ),
            carried_forward=requests.carried_forward,
        ),
    )


CASES = {
    "example": load(EXAMPLE),
    "seven-digits": _big_numbers(load(EXAMPLE)),
    "edition-2019": as_2019(load(EXAMPLE)),
}


@pytest.fixture(scope="module")
def tools() -> Iterator[DevTools]:
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    with browser() as opened:
        yield opened


# 640 px is the 1280 px screen zoomed to 200 % (WCAG 1.4.4): CSS pixels double in size.
@pytest.fixture(scope="module", params=[1280, 640, 375], ids=["1280px", "1280px-zoom-200", "375px"])
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


@pytest.fixture(scope="module", params=sorted(CASES))
def laid_out(
    request: pytest.FixtureRequest,
    width: int,
    tools: DevTools,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Any]:
    report = CASES[request.param]
    result = measure(tools, report, width, tmp_path_factory.mktemp("render"))
    result["numbers"] = len([c for c in cells_of(report.edition) if c.table != "六"])
    return result


@needs_chromium
def test_every_cells_text_is_inside_its_cell(laid_out: dict[str, Any]) -> None:
    cells = laid_out["cells"]
    assert len(cells) > 200  # the three tables' header and number cells
    assert [c for c in cells if c["outside"]] == []
    assert [c for c in cells if c["empty"]] == []


@needs_chromium
def test_no_number_is_broken_over_lines(laid_out: dict[str, Any]) -> None:
    numbers = [c for c in laid_out["cells"] if c["key"]]
    assert len(numbers) == laid_out["numbers"]  # Tables 二, 三 and 四
    assert laid_out["numbers"] in (10 + 175 + 15, 22 + 161 + 15)  # 2021, 2019
    assert [c for c in numbers if c["lines"] != 1] == []


@needs_chromium
def test_the_page_never_scrolls_sideways(laid_out: dict[str, Any]) -> None:
    assert laid_out["pageWidth"] <= laid_out["width"]


@needs_chromium
def test_tables_scroll_in_their_own_box_on_a_narrow_screen(laid_out: dict[str, Any]) -> None:
    tables = {t["caption"]: t for t in laid_out["tables"]}
    table_b = tables["收到和处理政府信息公开申请情况"]
    assert table_b["overflowX"] == "auto"
    if laid_out["width"] < PHONE:
        assert table_b["scrollWidth"] > table_b["clientWidth"]
    elif laid_out["width"] >= DESKTOP:
        assert table_b["scrollWidth"] <= table_b["clientWidth"]


@needs_chromium
def test_blocks_do_not_overlap_and_stay_in_the_column(laid_out: dict[str, Any]) -> None:
    blocks = laid_out["blocks"]
    assert len(blocks) > 10
    article = laid_out["article"]
    for block in blocks:
        assert block["left"] >= article["left"] - 1, block
        assert block["right"] <= article["right"] + 1, block
        assert block["textOutside"] == 0, block
    for before, after in itertools.pairwise(blocks):
        assert before["bottom"] <= after["top"] + 1, (before, after)


#: The screenshots in docs/images/: (width, height) of the screen.
SHOTS = ((1280, 1400), (375, 812))


#: The screenshot of the 2019 edition's Table 二 in docs/images/ (width, height).
SHOT_2019 = (1280, 1000)


@needs_chromium
def test_screenshots(tools: DevTools, tmp_path: Path) -> None:
    for width, height in SHOTS:
        out = tmp_path / f"{width}.png"
        screenshot(tools, load(EXAMPLE), width, height, out)
        assert out.read_bytes().startswith(b"\x89PNG")
    out = tmp_path / "2019.png"
    screenshot(tools, CASES["edition-2019"], *SHOT_2019, out, section=1)
    assert out.read_bytes().startswith(b"\x89PNG")


@needs_chromium
def test_prints_on_a4_with_page_numbers(tools: DevTools, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(html_text(load(EXAMPLE)), encoding="utf-8")
    tools.open(path.as_uri(), 1280, 900)
    pdf = base64.b64decode(tools.call("Page.printToPDF", preferCSSPageSize=True)["data"])
    boxes = {
        tuple(round(float(n)) for n in m)
        for m in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    }
    assert boxes == {(595, 842)}  # A4 in points, every page
    if shutil.which("pdftotext") is not None:
        out = tmp_path / "page.pdf"
        out.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        numbers = [int(n) for n in re.findall(r"—\s*(\d+)\s*—", text)]
        assert numbers == list(range(1, len(numbers) + 1))
        assert len(numbers) > 1


if __name__ == "__main__":  # refresh the screenshots shown in docs/html.md
    with browser() as opened:
        for shot_width, shot_height in SHOTS:
            target = ROOT / "docs" / "images" / f"html-{shot_width}.png"
            screenshot(opened, load(EXAMPLE), shot_width, shot_height, target)
        target = ROOT / "docs" / "images" / "html-2019-1280.png"
        screenshot(opened, CASES["edition-2019"], *SHOT_2019, target, section=1)
    sys.exit(0)
