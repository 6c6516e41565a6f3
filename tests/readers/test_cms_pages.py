"""Reports as CMS pages publish them: furniture kept apart, metadata read, every sound page a
report (issue 9, items 1-4 and 7).

The pages are the skeletons of ``cms.py`` (TRS, JCMS, a 集约化 platform, a Word page pasted
into a CMS, a DeDe county site), in GBK, GB18030 and UTF-8, each with its furniture above,
inside and below the article, run-in part headings and the closing signature.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govinfo_report import load
from govinfo_report.errors import ReportError
from govinfo_report.model import ProactiveDisclosure, Requests
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_html

from . import cms

if TYPE_CHECKING:
    from govinfo_report import AnnualReport
    from govinfo_report.published.record import PublishedReport

ROOT = Path(__file__).parents[2]


TRUTH = load(ROOT / "examples" / "city-department-2023.json")
#: What a page cannot say: where the report is published and whom to contact are in the
#: preface's text, not separate fields.
READ_BACK = attrs.evolve(TRUTH, publication=None, contact=None)

#: What each family's metadata says.
METADATA: dict[str, dict[str, object]] = {
    "trs": {"publisher": TRUTH.organ, "published": dt.date(2024, 1, 26)},
    "jcms": {
        "publisher": TRUTH.organ,
        "index_number": "113300000024820763/2024-00015",
        "document_number": "某自然资规〔2024〕3号",
    },
    "hanweb": {"publisher": "某某办公室", "published": dt.date(2025, 3, 10)},
    "word": {"published": dt.date(2024, 1, 26)},
    "dede": {"publisher": TRUTH.organ, "published": dt.date(2024, 1, 26)},
}


def _narrative_texts(record: PublishedReport) -> list[str]:
    out = list(record.preface or ())
    for section in record.sections:
        out += [section.heading, *section.opening]
        for part in section.parts:
            out += [part.heading, part.title, *part.paragraphs]
    return out


@pytest.mark.parametrize("run_in", [True, False], ids=["run-in", "headings"])
@pytest.mark.parametrize("family", cms.FAMILIES)
def test_every_family_reads_into_the_report(family: str, run_in: bool) -> None:  # noqa: FBT001
    page = cms.page(TRUTH, family, body=cms.article(TRUTH, run_in=run_in))
    record = read_html(page, name=f"{family}.html")
    assert record.to_report() == READ_BACK
    assert record.signature == TRUTH.organ
    assert record.unread == ()
    assert [f.code for f in record.findings] == []
    assert [f.code for f in audit(record) if f.severity.value != "info"] == []
    expected: dict[str, object] = {"publisher": None, "published": None, "index_number": None}
    expected |= {"document_number": None, **METADATA[family]}
    assert record.metadata.to_dict() == {
        k: v.isoformat() if isinstance(v, dt.date) else v for k, v in expected.items()
    }


@pytest.mark.parametrize("family", cms.FAMILIES)
def test_no_furniture_in_the_narrative(family: str) -> None:
    record = read_html(cms.page(TRUTH, family))
    narrative = set(_narrative_texts(record))
    furniture = [f.text for f in record.furniture]
    assert furniture, "the page's furniture is kept"
    assert not narrative & set(furniture)
    widgets = {"打印", "关闭", "扫一扫", "分享到", "QQ空间", "附件下载", "相关链接", "全真版"}
    assert not [t for t in narrative if any(w in t for w in widgets)]
    positions = {f.position for f in record.furniture}
    assert "after" in positions  # below the signature, inside the article element


@pytest.mark.parametrize(
    ("title", "organ", "year"),
    [
        ("某市自然资源和规划局关于2023年政府信息公开工作年度报告", TRUTH.organ, 2023),
        ("二〇二三年度某市自然资源和规划局政府信息公开工作年度报告", TRUTH.organ, 2023),
        ("某市自然资源和规划局2023年度政府信息公开工作年度报告", TRUTH.organ, 2023),
        ("某市自然资源和规划局政府信息公开工作2023年度报告", TRUTH.organ, 2023),
        ("关于某市自然资源和规划局2023年政府信息公开工作年度报告", TRUTH.organ, 2023),
    ],
)
def test_titles_as_real_reports_write_them(title: str, organ: str, year: int) -> None:
    record = read_html(cms.page(TRUTH, "trs", title=title))
    assert (record.title, record.organ, record.year) == (title, organ, year)
    assert record.to_report() == attrs.evolve(READ_BACK, title=title)


def test_a_title_over_two_lines() -> None:
    record = read_html(cms.page(TRUTH, "word"))  # 某市自然资源和规划局 / 2023年政府信息公开…
    assert (record.title, record.organ, record.year) == (TRUTH.title, TRUTH.organ, 2023)


@pytest.mark.parametrize(
    ("title", "path", "expected", "found"),
    [
        ("某市自然资源和规划局2022年政府信息公开工作年度报告", "$.title", 2023, 2022),
        ("某县教育局2023年政府信息公开工作年度报告", "$.title", TRUTH.organ, "某县教育局"),
    ],
)
def test_a_title_that_disagrees_is_flagged(
    title: str, path: str, expected: object, found: object
) -> None:
    record = read_html(cms.page(TRUTH, "hanweb", title=title))
    flagged = [(f.code, f.place.path, f.expected, f.found) for f in record.findings]
    assert flagged == [("R-IDENTITY", path, expected, found)]


def test_a_date_outside_the_next_year_is_flagged() -> None:
    report = attrs.evolve(TRUTH, date=dt.date(2026, 1, 26))
    record = read_html(cms.page(report, "dede"))
    assert record.date == dt.date(2026, 1, 26)
    flagged = [(f.code, f.place.path, f.found) for f in record.findings]
    assert flagged == [("R-IDENTITY", "$.date", "2026-01-26")]


# --- Rows real pages leave out -------------------------------------------------------------


def _without_row(body: str, label: str) -> str:
    """``body`` with the table row whose first cell is ``label`` taken out."""
    at = body.index(html.escape(label))
    start = body.rindex("<tr", 0, at)
    end = body.index("</tr>", at) + len("</tr>")
    return body[:start] + body[end:]


def _zero_regulations(report: AnnualReport) -> AnnualReport:
    from govinfo_report.model import DocumentCounts  # noqa: PLC0415 - local to one case

    assert isinstance(report.proactive, ProactiveDisclosure)
    proactive = attrs.evolve(report.proactive, regulations=DocumentCounts())
    return attrs.evolve(report, proactive=proactive)


def test_no_regulations_row() -> None:
    report = _zero_regulations(TRUTH)
    body = _without_row(cms.article(report), "规章")
    record = read_html(cms.page(report, "jcms", body=body))
    notes = [(f.code, f.place.row) for f in audit(record) if f.code == "R-IMPLIED"]
    assert notes == [("R-IMPLIED", "第二十条第（一）项/规章")]
    assert record.to_report() == attrs.evolve(READ_BACK, proactive=report.proactive)


_OTHER = "（六）其他处理"


def _one_row_other(body: str, figures: list[str]) -> str:
    """（六）其他处理 printed as one row, as the 2019 layout has it."""
    first = body.index(html.escape("1.申请人无正当理由逾期不补正"))
    start = body.rindex("<tr", 0, first)
    end = body.index("</tr>", body.index("3.其他", first)) + len("</tr>")
    cells = "".join(f"<td>{f}</td>" for f in figures)
    row = f"<tr><td colspan=2>{_OTHER}</td>{cells}<td></td></tr>"
    return body[:start] + row + body[end:]


def _nothing_other(report: AnnualReport) -> AnnualReport:
    """``report`` with nothing handled under （六）: those applications carried forward."""
    from govinfo_report.model import ApplicantCounts, OtherHandling  # noqa: PLC0415

    requests = report.requests
    assert isinstance(requests, Requests)
    other = requests.results.other
    forward = ApplicantCounts(
        **{
            c: getattr(requests.carried_forward, c)
            + sum(
                getattr(getattr(other, item), c)
                for item in ("no_correction", "fee_unpaid", "other")
            )
            for c in (
                "natural_person",
                "commercial_enterprise",
                "research_institution",
                "social_welfare_organization",
                "legal_service_agency",
                "other",
            )
        }
    )
    results = attrs.evolve(requests.results, other=OtherHandling())
    requests = attrs.evolve(requests, results=results, carried_forward=forward)
    fees = attrs.evolve(report.other_matters.fees, notices=0)
    return attrs.evolve(
        report, requests=requests, other_matters=attrs.evolve(report.other_matters, fees=fees)
    )


def test_other_handling_as_one_row_of_zeros() -> None:
    report = _nothing_other(TRUTH)
    body = _one_row_other(cms.article(report), ["0"] * 7)
    record = read_html(cms.page(report, "hanweb", body=body))
    notes = [f for f in audit(record) if f.code == "R-IMPLIED"]
    assert len(notes) == 7  # one figure a column, for the three items
    assert all(len(f.cells) == 3 for f in notes)
    assert record.to_report() == attrs.evolve(report, publication=None, contact=None)


def test_other_handling_as_one_row_of_zeros_that_are_not() -> None:
    """The stated （七）总计 counts what the one row of zeros leaves out: B-HANDLED."""
    body = _one_row_other(cms.article(TRUTH), ["0"] * 7)
    record = read_html(cms.page(TRUTH, "hanweb", body=body))
    with pytest.raises(ReportError) as info:
        record.to_report()
    assert {f.code for f in info.value.findings} == {"B-HANDLED"}


def test_other_handling_as_one_row_with_a_figure_is_refused() -> None:
    report = TRUTH
    body = _one_row_other(cms.article(report), ["2", "0", "0", "0", "0", "0", "2"])
    record = read_html(cms.page(report, "hanweb", body=body))
    with pytest.raises(ReportError) as info:
        record.to_report()
    missing = [f for f in info.value.findings if f.code == "R-MISSING"]
    assert [(f.place.column, f.found) for f in missing] == [("自然人", "2"), ("总计", "2")]
    assert missing[0].cells == (
        "$.requests.results.other.no_correction.natural_person",
        "$.requests.results.other.fee_unpaid.natural_person",
        "$.requests.results.other.other.natural_person",
    )
    assert "R-MISSING" in str(info.value)


def _merged_other(body: str, figure: str) -> str:
    """The cells of （六）1-3 merged into one per column (``rowspan=3``)."""
    rows = []
    at = body.index(html.escape("1.申请人无正当理由逾期不补正"))
    for n in range(3):
        start = body.rindex("<tr", 0, at)
        end = body.index("</tr>", at) + len("</tr>")
        rows.append((start, end))
        if n < 2:
            at = body.index("<tr", end) + 5
    first_start, first_end = rows[0]
    first = body[first_start:first_end]
    label_end = first.index(html.escape("行政机关不再处理其政府信息公开申请"))
    label_end = first.index("</td>", label_end) + len("</td>")
    merged = (
        first[:label_end]
        + "".join(f"<td rowspan=3>{figure}</td>" for _ in range(7))
        + "<td></td></tr>"
    )
    second = body[rows[1][0] : rows[1][1]]
    third = body[rows[2][0] : rows[2][1]]

    def label_only(row: str) -> str:
        head = row[: row.index("</td>") + len("</td>")]
        return head + "<td></td></tr>"

    return body[:first_start] + merged + label_only(second) + label_only(third) + body[rows[2][1] :]


def test_a_merged_cell_of_zero_over_other_handling() -> None:
    report = _nothing_other(TRUTH)
    body = _merged_other(cms.article(report), "0")
    record = read_html(cms.page(report, "trs", body=body))
    assert len(record.combined) == 7
    assert record.to_report() == attrs.evolve(report, publication=None, contact=None)


def test_a_merged_cell_with_a_figure_is_refused() -> None:
    body = _merged_other(cms.article(TRUTH), "1")
    record = read_html(cms.page(TRUTH, "trs", body=body))
    with pytest.raises(ReportError) as info:
        record.to_report()
    assert {f.code for f in info.value.findings} >= {"R-MISSING"}


# --- The property --------------------------------------------------------------------------

_WHERE = st.sampled_from(["top", "before", "inside", "after", "bottom"])


@settings(max_examples=30, deadline=None)
@example(  # two widgets' inline elements run together: 微信 微博 QQ空间附件下载：
    family="trs",
    inserted=[("inside", "<a>微信</a> <a>微博</a> <a>QQ空间</a>"), ("inside", "附件下载：")],
    tag="span",
)
@example(  # three inline widgets of different kinds run together into one line
    family="trs",
    inserted=[
        ("inside", "【打印本页】【关闭窗口】"),
        ("inside", "来源：某某办公室 时间：2025-03-10 15:35"),
        ("inside", "当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报"),
    ],
    tag="span",
)
@example(  # a breadcrumb and two footers run together, longer than any one widget
    family="trs",
    inserted=[
        ("inside", "当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报"),
        ("inside", "网站标识码：3300000001 浙ICP备05000000号 浙公网安备 33000002000001号"),
        ("inside", "网站标识码：3300000001 浙ICP备05000000号 浙公网安备 33000002000001号"),
    ],
    tag="span",
)
@example(  # a bracket opening a widget prefix: 【字号：大 中 小】 at a line's end
    family="trs",
    inserted=[
        ("inside", "【打印本页】【关闭窗口】"),
        ("inside", "当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报"),
        ("inside", "发布时间：2024-01-20 09:30 来源：本站 【字号：大 中 小】"),
    ],
    tag="span",
)
@given(
    st.sampled_from(cms.FAMILIES),
    st.lists(st.tuples(_WHERE, st.sampled_from(cms.FURNITURE)), max_size=6),
    st.sampled_from(["p", "div", "span", "li"]),
)
def test_furniture_anywhere_outside_the_report_changes_nothing(
    family: str, inserted: list[tuple[str, str]], tag: str
) -> None:
    """Inserting furniture anywhere outside the report's text never changes the report read."""
    base = read_html(cms.page(TRUTH, family))

    def extra(where: str) -> str:
        return "".join(f"<{tag}>{text}</{tag}>" for at, text in inserted if at == where)

    record = read_html(cms.page(TRUTH, family, extra=extra))
    assert record.to_report() == base.to_report() == READ_BACK
    assert _read(record) == _read(base)
    assert record.unread == ()


def _read(record: PublishedReport) -> tuple[object, ...]:
    """What was read, without where (inserted furniture moves the paragraphs' numbers)."""
    sections = [
        (s.key, s.heading, s.opening, [(p.heading, p.title, p.paragraphs) for p in s.parts])
        for s in record.sections
    ]
    cells = [(c.key, c.raw, c.value) for c in record.cells]
    return (record.title, record.preface, sections, cells, record.date, record.signature)


def test_read_json_shows_the_metadata(tmp_path: Path) -> None:
    import io  # noqa: PLC0415 - local to the command-line case
    import json  # noqa: PLC0415

    from govinfo_report.cli import run  # noqa: PLC0415

    path = tmp_path / "hanweb.html"
    path.write_bytes(cms.page(TRUTH, "hanweb"))
    out, err = io.StringIO(), io.StringIO()
    assert run(["read", str(path), "--json"], out, err) == 0
    record = json.loads(out.getvalue())
    assert record["metadata"]["publisher"] == "某某办公室"
    assert record["metadata"]["published"] == "2025-03-10"
    assert record["signature"] == TRUTH.organ
    assert {f["kind"] for f in record["furniture"]} >= {"widget", "metadata"}
