"""The 2019 edition of the format (国办公开办函〔2019〕60号, spec section 7) beside 2021."""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import docx
import jsonschema
import pytest

from govinfo_report import (
    AnnualReport,
    MismatchError,
    ReportError,
    aggregate,
    check,
    compare,
    continuity,
    dumps,
    labels,
    loads,
    to_dict,
)
from govinfo_report.cells import CELLS, cell_by_key, cells_of
from govinfo_report.cli import run
from govinfo_report.formats.docx.writer import docx_bytes
from govinfo_report.formats.json.schema import json_schema
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
    edition_for,
    from_cells,
)
from govinfo_report.published.audit import audit
from govinfo_report.published.readers import read_docx, read_html

SPEC = (Path(__file__).parents[1] / "docs" / "format-2021.md").read_text(encoding="utf-8")
SECTION_7 = SPEC.split("## 7.")[1].split("## 8.")[0]
QUOTED_7 = set(re.findall(r"`([^`]+)`", SECTION_7))


def _labels_2019() -> list[str]:
    out = [label.full for label in labels.PROACTIVE_GROUPS_2019.values()]
    out += [label.full for label in labels.PROACTIVE_ROWS_2019.values()]
    for columns in (
        labels.DOCUMENT_COLUMNS_2019,
        labels.ITEM_COLUMNS_2019,
        labels.FEE_ITEM_COLUMNS_2019,
        labels.PROCUREMENT_COLUMNS_2019,
    ):
        out += columns.values()
    return out


@pytest.mark.parametrize("label", _labels_2019())
def test_every_2019_label_is_quoted_in_section_7(label: str) -> None:
    assert label in QUOTED_7


def test_every_label_of_section_7_table_a_is_modelled() -> None:
    modelled = {*_labels_2019(), labels.PROACTIVE_CONTENT_HEADER}
    # The two Table B labels section 7 quotes are 2021's, which the 2019 edition shares.
    shared = {labels.RESULT_GROUPS["other"].full, labels.REQUEST_ROWS["results"].full}
    assert modelled | shared == QUOTED_7


@pytest.mark.parametrize(
    ("cls", "names"),
    [
        (DocumentCounts2019, list(labels.DOCUMENT_COLUMNS_2019)),
        (ItemCounts2019, list(labels.ITEM_COLUMNS_2019)),
        (FeeItems2019, list(labels.FEE_ITEM_COLUMNS_2019)),
        (Procurement2019, list(labels.PROCUREMENT_COLUMNS_2019)),
        (ProactiveDisclosure2019, list(labels.PROACTIVE_ROWS_2019)),
        (HandlingResults2019, [g for g in labels.RESULT_GROUPS if g != "total"]),
        (Requests2019, list(labels.REQUEST_ROWS)),
    ],
)
def test_2019_labels_and_fields_map_one_to_one(cls: type, names: list[str]) -> None:
    assert [f.name for f in attrs.fields(cls)] == names


@pytest.mark.parametrize(("table", "count"), [("二", 22), ("三", 161), ("四", 15), ("六", 3)])
def test_2019_cell_counts_per_table_follow_section_7(table: str, count: int) -> None:
    # Table B: 23 data rows × 7 columns; Table A: 6 + 4 × 3 + 2 + 2 values.
    assert sum(c.table == table for c in cells_of("2019")) == count


def test_2019_cells_have_distinct_places_and_the_2021_table_is_unchanged() -> None:
    old = cells_of("2019")
    assert len({(c.table, c.row_label, c.column) for c in old}) == len(old)
    assert cells_of("2021") is CELLS
    assert [c.key for c in old if c.kind == "signed"] == [
        ("proactive", row, "change")
        for row in ("licensing", "other_services", "punishment", "coercion", "fees")
    ]
    other = cell_by_key("2019")[("requests", "results", "other", "natural_person")]
    assert other.row_label == "三、本年度办理结果/（六）其他处理"


@pytest.mark.parametrize(
    ("year", "edition"), [(2019, "2019"), (2020, "2019"), (2021, "2021"), (2035, "2021")]
)
def test_the_edition_follows_the_year(year: int, edition: str) -> None:
    assert edition_for(year) == edition
    report = AnnualReport(organ="某县", year=year)
    assert report.edition == edition
    old = edition == "2019"
    assert isinstance(report.proactive, ProactiveDisclosure2019 if old else ProactiveDisclosure)
    assert isinstance(report.requests, Requests2019 if old else Requests)
    assert check(report) == []
    assert check(to_dict(report)) == []


@pytest.mark.parametrize(("year", "edition"), [(2020, "2021"), (2021, "2019"), (2024, "2019")])
def test_another_edition_than_the_year_s_is_a_warning(year: int, edition: str) -> None:
    report = AnnualReport(organ="某县", year=year, edition=edition)
    for findings in (check(report), check(to_dict(report))):
        assert [(f.code, f.severity.value, f.place.path, f.found) for f in findings] == [
            ("E-EDITION", "warning", "$.edition", edition)
        ]
        assert findings[0].expected == edition_for(year)
        assert findings[0].message_zh.startswith("格式版本")
    assert loads(dumps(report)) == report


def test_a_year_before_2019_is_refused() -> None:
    with pytest.raises(ReportError) as caught:
        AnnualReport(organ="某县", year=2018)
    assert [(f.code, f.place.path) for f in caught.value.findings] == [("S-VALUE", "$.year")]


def test_the_sections_must_be_those_of_the_edition() -> None:
    with pytest.raises(ReportError) as caught:
        AnnualReport(organ="某县", year=2020, proactive=ProactiveDisclosure())
    (finding,) = caught.value.findings
    assert (finding.code, finding.place.path) == ("S-TYPE", "$.proactive")
    assert "ProactiveDisclosure2019" in finding.message_en
    with pytest.raises(ReportError):
        AnnualReport(organ="某县", year=2023, requests=Requests2019())


def test_only_the_change_may_be_below_zero() -> None:
    row = ItemCounts2019(previous=3, change=-3, decisions=0)
    assert row.change == -3
    assert FeeItems2019(previous=1, change=-1).change == -1
    with pytest.raises(ReportError) as caught:
        ItemCounts2019(previous=-1, change=True, decisions=-2)
    assert [(f.code, f.place.column) for f in caught.value.findings] == [
        ("A-NONNEG", "上一年项目数量"),
        ("A-NONNEG", "本年增/减"),
        ("A-NONNEG", "处理决定数量"),
    ]
    for bad in ({"made": -1}, {"published": 1.0}, {"public_total": "3"}):
        with pytest.raises(ReportError):
            DocumentCounts2019(**bad)
    with pytest.raises(ReportError):
        Procurement2019(amount=Decimal(-1))
    with pytest.raises(ReportError):
        FeeItems2019(change=10**12)


def test_the_2019_balance_is_enforced() -> None:
    row = ApplicantCounts(natural_person=2)
    with pytest.raises(ReportError) as caught:
        Requests2019(new=row)
    assert {f.code for f in caught.value.findings} == {"B-BALANCE"}
    ok = Requests2019(new=row, results=HandlingResults2019(other=row))
    assert ok.results.total == row
    assert ok.results.rows()[-1] is ok.results.other


def test_2019_json_strictness_names_the_2019_labels() -> None:
    data = to_dict(AnnualReport(organ="某县", year=2020))
    data["proactive"]["licensing"]["change"] = -4  # allowed: signed
    data["proactive"]["other_services"]["previous"] = -1
    data["proactive"]["procurement"]["amount"] = 1.5
    data["requests"]["results"]["other"]["natural_person"] = 1
    found = {(f.code, f.place.row, f.place.column) for f in check(data)}
    assert found == {
        ("A-NONNEG", "第二十条第（五）项/其他对外管理服务事项", "上一年项目数量"),
        ("A-NONNEG", "第二十条第（九）项/政府集中采购", "采购总金额"),
        ("B-ROWTOTAL", "三、本年度办理结果/（六）其他处理", "总计"),
        ("B-HANDLED", "三、本年度办理结果/（七）总计", "自然人"),
    }


def test_2021_tables_in_a_2019_document_are_refused() -> None:
    data = to_dict(AnnualReport(organ="某县", year=2023))
    data["edition"] = "2019"
    data["year"] = 2020
    paths = {f.place.path for f in check(data)}
    assert "$.proactive.regulations.made" in paths  # missing
    assert "$.proactive.regulations.issued" in paths  # unknown


def test_from_cells_builds_a_2019_report() -> None:
    report = from_cells(
        {
            "proactive.licensing.change": -2,
            "proactive.procurement.amount": "1200.50",
            "requests.new.natural_person": 1,
            "requests.results.other.natural_person": 1,
        },
        organ="某县",
        year=2020,
    )
    assert report.edition == "2019"
    assert isinstance(report.proactive, ProactiveDisclosure2019)
    assert report.proactive.licensing.change == -2
    assert report.proactive.procurement.amount == Decimal("1200.50")
    with pytest.raises(ReportError) as caught:
        from_cells({"proactive.licensing": 1}, organ="某县", year=2020)
    assert [f.code for f in caught.value.findings] == ["S-UNKNOWN"]


@pytest.mark.parametrize("edition", ["2019", "2021"])
def test_each_edition_has_its_own_schema(edition: str) -> None:
    year = 2020 if edition == "2019" else 2023
    data = json.loads(dumps(AnnualReport(organ="某县", year=year)))
    other = json.loads(dumps(AnnualReport(organ="某县", year=4043 - year)))
    schema = json_schema(edition)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(other, schema, cls=jsonschema.Draft202012Validator)


def test_the_2019_schema_allows_a_negative_change_only() -> None:
    data = json.loads(dumps(AnnualReport(organ="某县", year=2020)))
    schema = json_schema("2019")
    data["proactive"]["coercion"]["change"] = -7
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    data["proactive"]["coercion"]["decisions"] = -7
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_schema_command_takes_the_edition() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["schema", "--edition", "2019"], stdout=out, stderr=err) == 0
    schema = json.loads(out.getvalue())
    assert schema["properties"]["edition"] == {"const": "2019"}
    assert "ProactiveDisclosure2019" in schema["$defs"]


def _unit(organ: str, year: int, change: int) -> AnnualReport:
    items = ItemCounts2019(previous=5, change=change, decisions=1)
    return AnnualReport(organ=organ, year=year, proactive=ProactiveDisclosure2019(licensing=items))


def test_2019_reports_sum_and_compare_within_their_edition() -> None:
    total = aggregate([_unit("甲镇", 2020, -2), _unit("乙镇", 2020, 3)], organ="某县")
    assert total.edition == "2019"
    assert isinstance(total.proactive, ProactiveDisclosure2019)
    assert total.proactive.licensing == ItemCounts2019(previous=10, change=1, decisions=2)
    differences = compare(_unit("甲镇", 2020, -2), _unit("乙镇", 2020, 3)).differences
    assert [(d.row, d.column, d.a, d.b) for d in differences] == [
        ("第二十条第（五）项/行政许可", "本年增/减", -2, 3)
    ]
    with pytest.raises(MismatchError):
        aggregate(
            [_unit("甲镇", 2020, 0), AnnualReport(organ="乙镇", year=2020, edition="2021")],
            organ="某县",
        )


def test_continuity_reads_the_2019_reports_and_the_carry_into_2021() -> None:
    forward = ApplicantCounts(natural_person=2)
    last = AnnualReport(
        organ="某县",
        year=2020,
        requests=Requests2019(new=forward, carried_forward=forward),
    )
    assert continuity(_unit("某县", 2019, 0), attrs.evolve(_unit("某县", 2019, 0), year=2020)) == []
    this = AnnualReport(organ="某县", year=2021)
    found = continuity(last, this)
    assert [(f.code, f.place.column) for f in found] == [("X-SERIES", None), ("X-CARRY", "自然人")]
    note = found[0]  # across the change of edition: what was not compared, said
    assert (note.severity.value, note.place.path, note.expected, note.found) == (
        "info",
        "$.edition",
        "2019",
        "2021",
    )
    assert "X-STOCK" in note.message_zh
    assert "X-STOCK" in note.message_en
    assert "2020 follows the 2019 format and 2021 the 2021 format" in note.message_en


def test_check_and_render_take_2019_json(tmp_path: Path) -> None:
    source = tmp_path / "2019.json"
    source.write_text(dumps(_unit("某县教育局", 2020, -1)), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["check", str(source)], stdout=out, stderr=err) == 0
    target = tmp_path / "2019.docx"
    assert run(["render", str(source), "-o", str(target)], stdout=out, stderr=err) == 0
    assert target.exists()
    page = tmp_path / "2019.html"
    assert run(["render", str(source), "-o", str(page)], stdout=out, stderr=err) == 0
    assert read_html(page).to_report() == _unit("某县教育局", 2020, -1)
    assert run(["check", str(page)], stdout=out, stderr=err) == 0


def test_a_2019_docx_reads_back_and_a_slip_in_it_is_named_by_2019_labels() -> None:
    report = _unit("某县教育局", 2020, -1)
    data = docx_bytes(report)
    record = read_docx(data)
    assert record.edition == "2019"
    assert audit(record) == []
    assert record.to_report() == report
    document = docx.Document(io.BytesIO(data))
    table_a, table_b = document.tables[0], document.tables[1]
    assert table_a.rows[6].cells[0].text == "行政许可"
    table_a.rows[6].cells[1].paragraphs[0].runs[0].text = "-1"  # 上一年项目数量
    other = table_b.rows[23]
    assert other.cells[1].text == "（六）其他处理"
    other.cells[-7].paragraphs[0].runs[0].text = "5"  # 自然人
    out = io.BytesIO()
    document.save(out)
    found = {(f.code, f.place.row, f.place.column) for f in audit(read_docx(out.getvalue()))}
    assert ("A-NONNEG", "第二十条第（五）项/行政许可", "上一年项目数量") in found
    assert ("B-ROWTOTAL", "三、本年度办理结果/（六）其他处理", "总计") in found
