"""Published reports in the 2019 layout (format section 7) are read as the 2019 edition.

The readers recognise the edition from the tables' labels and shape, not from the year:
Table 二's headers and rows, Table 三's （六）其他处理 printed as one row. The pages are
Word exports (``wordhtml.render``) inside the CMS skeletons of ``cms.py``, and the text is
the flattened layout of ``flattext.render``, both built from the spec's grids.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import labels, load
from govinfo_report.cli import run
from govinfo_report.errors import ReportError
from govinfo_report.model import (
    ApplicantCounts,
    DocumentCounts2019,
    FeeItems2019,
    HandlingResults2019,
    ItemCounts2019,
    Narrative,
    Part,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    Procurement2019,
    Requests,
    Requests2019,
)
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_html, read_text
from govinfo_report.testing import reports

from . import cms, flattext

if TYPE_CHECKING:
    from govinfo_report import AnnualReport

ROOT = Path(__file__).parents[2]


WORDHTML = cms.WORDHTML


def as_2019(report: AnnualReport, year: int = 2020) -> AnnualReport:
    """``report`` (2021 edition) as a report of ``year`` in the 2019 edition.

    Table 三 is the same but for （六）其他处理, one row (its items summed); Table 二 is the
    2019 table, with a negative 本年增/减.
    """
    requests = report.requests
    assert isinstance(requests, Requests)
    results = requests.results
    columns = [c for c in labels.APPLICANT_COLUMNS if c != "total"]
    other = results.other
    six = ApplicantCounts(
        **{
            c: sum(getattr(getattr(other, item), c) for item in labels.RESULT_ITEMS["other"])
            for c in columns
        }
    )
    shared = {g: getattr(results, g) for g in labels.RESULT_ITEMS_2019}
    old_results = HandlingResults2019(
        disclosed=results.disclosed,
        partially_disclosed=results.partially_disclosed,
        other=six,
        **shared,
    )
    old_requests = Requests2019(
        new=requests.new,
        carried_over=requests.carried_over,
        results=old_results,
        carried_forward=requests.carried_forward,
    )
    proactive = ProactiveDisclosure2019(
        regulations=DocumentCounts2019(made=2, published=1, public_total=5),
        normative_documents=DocumentCounts2019(made=7, published=6, public_total=48),
        licensing=ItemCounts2019(previous=212, change=-3, decisions=1873),
        other_services=ItemCounts2019(previous=40, change=2, decisions=310),
        punishment=ItemCounts2019(previous=96, change=0, decisions=96),
        coercion=ItemCounts2019(previous=12, change=-12, decisions=4),
        fees=FeeItems2019(previous=3, change=-1),
        procurement=Procurement2019(projects=5, amount=Decimal("128.60")),
    )
    organ = report.organ
    return attrs.evolve(
        report,
        year=year,
        edition="2019",
        title=f"{organ}{year}年政府信息公开工作年度报告",
        preface=None,
        publication=None,
        contact=None,
        date=dt.date(year + 1, 1, 26),
        proactive=proactive,
        requests=old_requests,
    )


TRUTH = load(ROOT / "examples" / "city-department-2023.json")
OLD = as_2019(TRUTH)


# --- the 2019 layout, read ------------------------------------------------------------


@pytest.mark.parametrize("family", cms.FAMILIES)
def test_every_family_reads_a_2019_page_into_the_report(family: str) -> None:
    page = cms.page(OLD, family, body=cms.article(OLD))
    record = read_html(page, name=f"{family}.html")
    assert record.edition == "2019"
    assert record.to_report() == OLD
    assert record.unread == ()
    assert [f.code for f in record.findings] == []
    assert [f.code for f in audit(record) if f.severity.value != "info"] == []


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_text_in_the_2019_layout_reads_into_the_report(encoding: str) -> None:
    record = read_text(flattext.render(OLD, minus="－").encode(encoding))
    assert record.edition == "2019"
    assert record.to_report() == OLD
    assert [f.code for f in audit(record) if f.severity.value != "info"] == []


def test_cells_are_the_2019_cells_by_their_official_labels() -> None:
    record = read_text(flattext.render(OLD))
    change = record.cell(("proactive", "licensing", "change"))
    assert change is not None
    assert (change.raw, change.value) == ("-3", -3)
    assert change.cell.row_label == "第二十条第（五）项/行政许可"
    assert change.cell.column == "本年增/减"
    six = record.cell(("requests", "results", "other", "total"))
    assert six is not None
    assert six.cell.row_label == "三、本年度办理结果/（六）其他处理"
    assert record.combined == ()
    procurement = record.cell(("proactive", "procurement", "amount"))
    assert procurement is not None
    assert procurement.value == Decimal("128.60")


_PROSE = st.sampled_from(
    [
        "本机关严格按照条例要求，及时主动公开政府信息，依法做好依申请公开工作。",
        "全年组织政务公开业务培训，进一步提高工作人员的业务水平。",
        "下一步将继续完善制度，加强政府信息公开平台建设。",
    ]
)
_NARRATIVE = st.builds(
    Narrative,
    opening=st.lists(_PROSE, max_size=2).map(tuple),
    parts=st.lists(
        st.builds(
            Part,
            title=st.sampled_from(["主动公开情况", "依申请公开情况", "监督保障情况"]),
            paragraphs=st.lists(_PROSE, min_size=1, max_size=2).map(tuple),
        ),
        max_size=3,
    ).map(tuple),
)


def _printable(report: AnnualReport, narrative: Narrative) -> AnnualReport:
    """``report`` with what a page prints of its narrative (the tables are the subject here)."""
    matters = attrs.evolve(report.other_matters, opening=narrative.opening, parts=narrative.parts)
    return attrs.evolve(
        report,
        preface=None,
        publication=None,
        contact=None,
        overview=narrative,
        problems=narrative,
        other_matters=matters,
    )


@settings(max_examples=20, deadline=None)
@given(
    reports(edition="2019"),
    _NARRATIVE,
    st.sampled_from(["0", "/", "", "—"]),
    st.sampled_from(["-", "－"]),
    st.sampled_from([*cms.FAMILIES, "text-gbk", "text-utf-8"]),
)
def test_any_2019_report_reads_back(
    report: AnnualReport, narrative: Narrative, zero: str, minus: str, how: str
) -> None:
    report = _printable(report, narrative)
    if how.startswith("text-"):
        record = read_text(
            flattext.render(report, zero=lambda _k: zero, minus=minus).encode(how[5:])
        )
    else:
        body = cms.article(report) if minus == "-" else _article(report, zero, minus)
        record = read_html(cms.page(report, how, body=body))
    assert record.edition == "2019"
    assert [f for f in audit(record) if f.severity.value == "error"] == []
    assert record.to_report() == report


def _article(report: AnnualReport, zero: str, minus: str) -> str:
    page: str = WORDHTML.render(
        report,
        nav=False,
        run_in=True,
        signature=True,
        # the tables' zeros as drawn; the fee sentence of section 六 states its figures
        zero=lambda key: "0" if key[0] == "other_matters" else zero,
        minus=minus,
    )
    start = page.index("<div class=WordSection1")
    return page[start : page.rindex("</div></div>") + len("</div>")]


# --- a slip in each table, by rule code and official 2019 label --------------------------


def _slip(raw: dict[tuple[str, ...], str]) -> list[tuple[str, str | None, str | None]]:
    page = WORDHTML.render(OLD, raw=raw)
    record = read_html(page.encode("gbk"))
    assert record.edition == "2019"
    with pytest.raises(ReportError) as caught:
        record.to_report()
    return [(f.code, f.place.row, f.place.column) for f in caught.value.findings]


def test_a_slip_in_table_two() -> None:
    found = _slip({("proactive", "other_services", "previous"): "-4"})
    assert found == [("A-NONNEG", "第二十条第（五）项/其他对外管理服务事项", "上一年项目数量")]


def test_a_slip_in_table_three() -> None:
    key = ("requests", "results", "other", "total")
    other = OLD.requests.results.other
    assert isinstance(other, ApplicantCounts)
    found = _slip({key: str(other.total + 1)})
    assert ("B-ROWTOTAL", "三、本年度办理结果/（六）其他处理", "总计") in found
    assert {code for code, _, _ in found} <= {"B-ROWTOTAL", "B-HANDLED", "B-BALANCE"}


def test_a_slip_in_table_four() -> None:
    key = ("appeals", "reconsideration", "total")
    found = _slip({key: str(OLD.appeals.reconsideration.total + 1)})
    assert found == [("C-TOTAL", "行政复议", "总计")]


@pytest.mark.parametrize(
    ("column", "raw", "value", "codes"),
    [
        ("change", "-3", -3, []),
        ("change", "－3", -3, []),
        ("change", "−3", -3, []),
        ("change", "+2", 2, []),
        ("previous", "-3", -3, ["A-NONNEG"]),
        ("decisions", "−3", None, ["A-NONNEG"]),
    ],
)
def test_signed_only_in_the_change_column(
    column: str, raw: str, value: int | None, codes: list[str]
) -> None:
    key = ("proactive", "licensing", column)
    record = read_html(WORDHTML.render(OLD, raw={key: raw}).encode("utf-8"))
    cell = record.cell(key)
    assert cell is not None
    assert (cell.raw, cell.value) == (raw, value)
    assert [f.code for f in audit(record) if f.place.path == "$." + ".".join(key)] == codes


# --- editions and years ------------------------------------------------------------------


def test_the_edition_is_the_layout_s_not_the_year_s() -> None:
    late = attrs.evolve(OLD, year=2021, title=OLD.title.replace("2020", "2021"))
    late = attrs.evolve(late, date=dt.date(2022, 1, 20))
    record = read_text(flattext.render(late))
    assert (record.edition, record.year) == ("2019", 2021)
    warnings = [(f.code, f.expected, f.found) for f in audit(record)]
    assert ("E-EDITION", "2021", "2019") in warnings
    assert record.to_report() == late  # kept, with the warning
    early = attrs.evolve(TRUTH, year=2020, title=TRUTH.title.replace("2023", "2020"))
    early = attrs.evolve(early, preface=None, date=dt.date(2021, 1, 20), edition="2021")
    record = read_text(flattext.render(early))
    assert (record.edition, record.year) == ("2021", 2020)
    assert ("E-EDITION", "2019", "2021") in [(f.code, f.expected, f.found) for f in audit(record)]


def test_a_2021_page_is_read_as_2021() -> None:
    record = read_html(cms.page(TRUTH, "trs"))
    assert record.edition == "2021"
    record = read_text(flattext.render(TRUTH))
    assert record.edition == "2021"
    assert record.to_report().edition == "2021"


def test_tables_of_both_editions_are_a_finding() -> None:
    """A 2019 Table 二 beside a 2021 Table 三 (（六） with its items): R-EDITION."""
    old_page = WORDHTML.render(OLD)
    new_page = WORDHTML.render(TRUTH)
    cut = html.escape(labels.SECTIONS["requests"].full)
    mixed = old_page[: old_page.index(cut)] + new_page[new_page.index(cut) :]
    record = read_html(mixed.encode("utf-8"))
    (finding,) = [f for f in record.findings if f.code == "R-EDITION"]
    assert (finding.severity.value, finding.expected, finding.found) == ("error", "2019", "2021")
    assert "本年新制作数量" in finding.message_zh
    assert "申请人无正当理由逾期不补正" in finding.message_zh
    with pytest.raises(ReportError) as caught:
        record.to_report()
    assert "R-EDITION" in {f.code for f in caught.value.findings}


def test_read_cells_names_the_2019_labels(tmp_path: Path) -> None:
    path = tmp_path / "2020.txt"
    path.write_text(flattext.render(OLD), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["read", str(path), "--cells"], out, err) == 0, err.getvalue()
    rows = out.getvalue().splitlines()
    assert "二,第二十条第（五）项/行政许可,本年增/减,-3" in rows
    assert "二,第二十条第（九）项/政府集中采购,采购总金额,128.60" in rows
    assert any(r.startswith("三,三、本年度办理结果/（六）其他处理,总计,") for r in rows)


# --- a five-year series across the change of edition ------------------------------------

SERIES = ROOT / "tests" / "data" / "series"
_COLUMNS = [c for c in labels.APPLICANT_COLUMNS if c != "total"]


def _carried(report: AnnualReport, carried_over: ApplicantCounts) -> AnnualReport:
    """``report`` with 二、上年结转 ``carried_over``, 一 (and if need be 四) rebalanced."""
    requests = report.requests
    handled = requests.results.total
    new, forward = {}, {}
    for c in _COLUMNS:
        n = getattr(handled, c) + getattr(requests.carried_forward, c) - getattr(carried_over, c)
        new[c], forward[c] = max(n, 0), getattr(requests.carried_forward, c) + max(-n, 0)
    return attrs.evolve(
        report,
        requests=attrs.evolve(
            requests,
            new=ApplicantCounts(**new),
            carried_over=carried_over,
            carried_forward=ApplicantCounts(**forward),
        ),
    )


def _series(slip: int = 0) -> list[AnnualReport]:
    """One organ, 2019-2023: sound (X-CARRY and X-STOCK hold), but for ``slip`` taken from
    2021's 二、上年结转 (自然人), 一 rebalanced so that the report itself stays sound."""
    base = load(SERIES / "2021.json")
    years = [as_2019(base, 2019), as_2019(base, 2020)]
    for year in (2021, 2022, 2023):
        report = load(SERIES / f"{year}.json")
        years.append(
            attrs.evolve(
                report,
                title=report.title.replace(str(report.year), str(year)),
                preface=None,
                date=dt.date(year + 1, 1, 26),
            )
        )
    chained = [years[0]]
    for drawn in years[1:]:
        last = chained[-1]
        over = last.requests.carried_forward
        if drawn.year == 2021 and slip:  # the first year of the 2021 edition
            over = attrs.evolve(over, natural_person=over.natural_person - slip)
        report = _carried(drawn, over)
        if report.edition == last.edition == "2021":
            assert isinstance(report.proactive, ProactiveDisclosure)
            assert isinstance(last.proactive, ProactiveDisclosure)
            stock = {
                name: attrs.evolve(
                    getattr(report.proactive, name),
                    in_force=getattr(last.proactive, name).in_force
                    + getattr(report.proactive, name).issued
                    - getattr(report.proactive, name).repealed,
                )
                for name in ("regulations", "normative_documents")
            }
            report = attrs.evolve(report, proactive=attrs.evolve(report.proactive, **stock))
        chained.append(report)
    return chained


def _publish(reports: list[AnnualReport], folder: Path) -> Path:
    """2019 and 2020 in the 2019 layout, 2021-2023 in 2021's: pages and texts, GBK and UTF-8."""
    folder.mkdir()
    how = {2019: "jcms", 2020: "text-gbk", 2021: "trs", 2022: "text-utf-8", 2023: "dede"}
    for report in reports:
        way = how[report.year]
        if way.startswith("text-"):
            data = flattext.render(report).encode(way[5:])
            (folder / f"{report.year}.txt").write_bytes(data)
        else:
            (folder / f"{report.year}-{way}.html").write_bytes(cms.page(report, way))
    return folder


def _audit_series(folder: Path) -> tuple[int, list[dict[str, Any]]]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["audit", str(folder), "--series", "--format", "json"], out, err)
    return code, json.loads(out.getvalue())


def test_a_sound_five_year_series_across_the_change_of_edition(tmp_path: Path) -> None:
    reports = _series()
    folder = _publish(reports, tmp_path / "sound")
    code, data = _audit_series(folder)
    assert code == 0, data
    editions = {e["file"]: e for e in data if "file" in e}
    assert len(editions) == 5  # every document read and kept
    (series,) = [e for e in data if "series" in e]
    assert series["years"] == [2019, 2020, 2021, 2022, 2023]
    codes = [(f["year"], f["code"]) for f in series["findings"]]
    assert not [c for c in codes if c[1] in ("X-CARRY", "X-STOCK")], codes
    assert (2021, "X-SERIES") in codes  # the change of edition is said, not skipped


def test_a_broken_carry_from_2020_to_2021_names_both_numbers(tmp_path: Path) -> None:
    reports = _series(slip=1)
    last = reports[1].requests.carried_forward.natural_person
    folder = _publish(reports, tmp_path / "broken")
    _, data = _audit_series(folder)
    (series,) = [e for e in data if "series" in e]
    carry = [f for f in series["findings"] if f["code"] == "X-CARRY"]
    assert [(f["year"], f["expected"], f["found"]) for f in carry] == [(2021, last, last - 1)]
    assert carry[0]["column"] == "自然人"


# --- a .docx that does not say its edition; labels as real pages print them ----------------


def test_a_docx_without_its_edition_property_is_read_by_its_labels() -> None:
    """A .docx in the 2019 layout, not naming its edition (as Word or WPS saves one)."""
    import zipfile  # noqa: PLC0415 - this case alone

    from govinfo_report.formats.docx.writer import docx_bytes  # noqa: PLC0415
    from govinfo_report.published.readers import read_docx  # noqa: PLC0415

    written = io.BytesIO(docx_bytes(OLD))
    bare = io.BytesIO()
    with zipfile.ZipFile(written) as src, zipfile.ZipFile(bare, "w") as dst:
        for item in src.infolist():
            if item.filename != "docProps/custom.xml":
                data = src.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(b'<Override PartName="/docProps/custom.xml"', b"<X ")
                dst.writestr(item, data)
    record = read_docx(bare.getvalue())
    assert record.edition == "2019"
    assert record.to_report().requests == OLD.requests
    assert record.to_report().proactive == OLD.proactive


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("其他对外管理 服务事项", "其他对外管理服务事项"),  # a space Word kept
        ("(六)其他处理", "（六）其他处理"),  # half-width brackets
        ("第二十条第(九)项", "第二十条第（九）项"),
        ("本年增／减", "本年增/减"),  # a full-width slash
    ],
)
def test_2019_labels_as_pages_print_them(printed: str, meant: str) -> None:
    page = WORDHTML.render(OLD)
    assert html.escape(meant) in page
    page = page.replace(html.escape(meant), html.escape(printed), 1)
    record = read_html(page.encode("utf-8"))
    assert record.edition == "2019"
    assert record.to_report() == attrs.evolve(OLD, date=None)  # no signature printed
    assert record.unread == ()
