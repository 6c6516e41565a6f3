"""Build an annual report in code, check it, see a rule broken, and write its JSON.

在代码中编制一份年度报告：构造、检查、故意出错看看报错的样子，再把 JSON 写入文件。

Run::

    python examples/build_report.py [OUT]

``OUT`` defaults to ``./out/build_report.json``; its folder is created, and the file is
written atomically (a temporary file beside it, then a rename), so a crash never leaves
half a report behind.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import attrs

import govinfo_report
from govinfo_report import AnnualReport, ReportError
from govinfo_report.model import (
    Appeals,
    ApplicantCounts,
    Contact,
    DocumentCounts,
    HandlingResults,
    Narrative,
    OtherMatters,
    Outcomes,
    Part,
    ProactiveDisclosure,
    ProcessingFees,
    Publication,
    Requests,
    Unavailable,
    Withheld,
)

DEFAULT_OUT = Path("out") / "build_report.json"


def build() -> AnnualReport:
    """A county education bureau's 2023 report: 43 requests, one reconsideration."""
    results = HandlingResults(
        disclosed=ApplicantCounts(natural_person=24, commercial_enterprise=2),
        partially_disclosed=ApplicantCounts(natural_person=5),
        withheld=Withheld(
            third_party_rights=ApplicantCounts(natural_person=2),
            process_information=ApplicantCounts(natural_person=1),
        ),
        unavailable=Unavailable(
            not_held=ApplicantCounts(natural_person=6, legal_service_agency=1),
        ),
    )
    carried_over = ApplicantCounts(natural_person=2)
    carried_forward = ApplicantCounts(natural_person=1)
    # The 勾稽关系 decides 一、本年新收: 一 + 二 = 三（七） + 四, column by column.
    handled = results.total
    new = ApplicantCounts(
        natural_person=handled.natural_person
        + carried_forward.natural_person
        - carried_over.natural_person,
        commercial_enterprise=handled.commercial_enterprise,
        legal_service_agency=handled.legal_service_agency,
    )
    return AnnualReport(
        organ="某县教育局",
        year=2023,
        publication=Publication(site_name="某县人民政府网站", url="https://www.mouxian.example/"),
        contact=Contact(address="某县城关镇学府路1号", postcode="100001", telephone="0000-7654321"),
        date=dt.date(2024, 1, 20),
        overview=Narrative(
            parts=(
                Part(title="主动公开", paragraphs=("全年主动公开招生入学、学校收费等信息412条。",)),
                Part(title="依申请公开", paragraphs=(f"全年新收政府信息公开申请{new.total}件。",)),
                Part(title="政府信息管理", paragraphs=("落实公文公开属性源头认定制度。",)),
                Part(title="政府信息公开平台建设", paragraphs=("更新县政府网站教育专栏。",)),
                Part(title="监督保障", paragraphs=("将政务公开纳入年度绩效考核。",)),
            )
        ),
        proactive=ProactiveDisclosure(
            normative_documents=DocumentCounts(issued=2, repealed=1, in_force=9),
            licensing=37,
            punishment=3,
            fees=Decimal("0.86"),
        ),
        requests=Requests(
            new=new,
            carried_over=carried_over,
            results=results,
            carried_forward=carried_forward,
        ),
        appeals=Appeals(reconsideration=Outcomes(upheld=1)),
        problems=Narrative(
            parts=(
                Part(title="主要问题", paragraphs=("政策解读形式较为单一。",)),
                Part(title="改进情况", paragraphs=("增加图解和视频解读。",)),
            )
        ),
        other_matters=OtherMatters(
            opening=("本年度未发出收费通知，未收取信息处理费。",),
            fees=ProcessingFees(),
        ),
    )


def show_a_slip(report: AnnualReport) -> None:
    """Break the 勾稽关系 on purpose and print the ReportError, in Chinese and English."""
    new = attrs.evolve(report.requests.new, natural_person=report.requests.new.natural_person + 1)
    try:
        attrs.evolve(report.requests, new=new)
    except ReportError as error:
        print(f"一个故意的错误 / a deliberate slip: {len(error.findings)} finding(s)")
        for finding in error.findings:
            print(
                f"  {finding.code} {finding.place.path} 应为/expected {finding.expected}, "
                f"实为/found {finding.found}"
            )
            print(f"  zh: {finding.message('zh')}")
            print(f"  en: {finding.message('en')}")
    else:
        msg = "the unbalanced table was accepted"
        raise AssertionError(msg)


def main(argv: list[str]) -> int:
    """Build, check, show a slip, write; returns the exit code."""
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    report = build()
    print(report.title)
    handled = report.requests.results.total
    print(
        f"三（七）总计 handled: {handled.total}; 四 carried forward: "
        f"{report.requests.carried_forward.total}"
    )

    # An AnnualReport is sound by construction; check() may still list warnings (F-FEES).
    findings = govinfo_report.check(report)
    print(
        f"check: {len(findings)} finding(s); is_consistent: {govinfo_report.is_consistent(report)}"
    )

    # validate() is for the JSON-like form: it returns the report or raises ReportError.
    data = govinfo_report.to_dict(report)
    if govinfo_report.validate(data) != report:
        msg = "validate() changed the report"
        raise AssertionError(msg)

    show_a_slip(report)

    text = govinfo_report.dumps(report)
    if govinfo_report.loads(text) != report:  # the JSON round trip is exact
        msg = "the JSON round trip changed the report"
        raise AssertionError(msg)
    out.parent.mkdir(parents=True, exist_ok=True)
    govinfo_report.write_json(report, out)  # atomic: a temporary file beside it, then a rename
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
