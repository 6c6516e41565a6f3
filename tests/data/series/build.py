"""Build the series of 某市自然资源和规划局, 2021-2023 (run from the repository root).

The 2023 report is ``examples/city-department-2023.json``, unchanged. The 2021 and 2022
reports carry its figures back in time the way real series do (similar volumes, the same
kinds of results, text updated from year to year), with two breaks put in on purpose:

* X-CARRY, 2023: the 2022 report carries forward 13 natural-person applications
  (四、结转下年度继续办理), but the 2023 report says 12 were carried over (二、上年结转).
* X-STOCK, 2022: 行政规范性文件 in force were 38 at the end of 2021; 2022 issued 5 and
  repealed 2, so 41 were expected, but the 2022 report says 39.

Everything else carries over: 2021's carried-forward is 2022's carried-over, and the
stock of 规章 and of 2022→2023 行政规范性文件 follows issued and repealed.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from govinfo_report import AnnualReport, dumps, load
from govinfo_report.model import (
    Appeals,
    ApplicantCounts,
    DocumentCounts,
    HandlingResults,
    Narrative,
    NotProcessed,
    OtherHandling,
    OtherMatters,
    Outcomes,
    Part,
    ProactiveDisclosure,
    ProcessingFees,
    Requests,
    Unavailable,
    Withheld,
)

HERE = Path(__file__).parent
COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_agency",
    "other",
)


def row(*values: int) -> ApplicantCounts:
    return ApplicantCounts(**dict(zip(COLUMNS, values, strict=True)))


def requests(
    results: HandlingResults, carried_over: ApplicantCounts, carried_forward: ApplicantCounts
) -> Requests:
    handled = results.total
    new = row(
        *(
            getattr(handled, c) + getattr(carried_forward, c) - getattr(carried_over, c)
            for c in COLUMNS
        )
    )
    return Requests(
        new=new, carried_over=carried_over, results=results, carried_forward=carried_forward
    )


def narrative(year: int, applications: int, documents: int) -> Narrative:
    return Narrative(
        opening=(
            (
                f"{year}年，某市自然资源和规划局认真贯彻落实《条例》和上级关于政务公开工作的部署，"
                "围绕国土空间规划、耕地保护、不动产登记等重点领域，推进决策、执行、管理、服务、"
                "结果公开，政府信息公开工作质量稳步提升。"
            ),
        ),
        parts=(
            Part(
                title="主动公开",
                paragraphs=(
                    (
                        f"全年通过门户网站主动公开政府信息{documents}条，国土空间规划批前公示和批后"
                        "公布、建设用地供应和土地征收信息按规定及时发布。"
                    ),
                    (
                        "按照“谁制定、谁解读”的原则，重要政策文件与解读材料同步起草、同步审签、"
                        "同步发布，采用图解、问答等形式解读政策。"
                    ),
                ),
            ),
            Part(
                title="依申请公开",
                paragraphs=(
                    (
                        f"全年新收政府信息公开申请{applications}件，申请内容主要集中在土地征收补偿、"
                        "不动产登记资料和规划许可等方面。"
                    ),
                    (
                        "严格执行登记、审核、办理、答复、归档的工作流程，所有申请均在法定期限内答复，"
                        "答复文书统一经法制机构审核。"
                    ),
                ),
            ),
        ),
    )


def y2021() -> AnnualReport:
    results = HandlingResults(
        disclosed=row(96, 8, 1, 0, 5, 1),
        partially_disclosed=row(18, 2, 0, 0, 1, 0),
        withheld=Withheld(third_party_rights=row(4, 1, 0, 0, 0, 0)),
        unavailable=Unavailable(
            not_held=row(61, 4, 0, 1, 3, 1), still_unclear=row(3, 0, 0, 0, 0, 0)
        ),
        not_processed=NotProcessed(repeated=row(6, 0, 0, 0, 0, 0)),
        other=OtherHandling(no_correction=row(9, 1, 0, 0, 0, 0)),
    )
    return AnnualReport(
        organ="某市自然资源和规划局",
        year=2021,
        overview=Narrative(
            opening=(
                (
                    "2021年，本局以服务群众办事为导向，把政府信息公开与“放管服”改革结合起来，"
                    "重点做好土地征收成片开发方案、农村宅基地审批和不动产登记便民措施的公开。"
                ),
            ),
            parts=(
                Part(
                    title="主动公开",
                    paragraphs=(
                        (
                            "全年在门户网站发布各类信息1980条，开设征地信息公开查询平台，"
                            "被征地群众可按地块查询批复文件和补偿标准。"
                        ),
                    ),
                ),
            ),
        ),
        proactive=ProactiveDisclosure(
            regulations=DocumentCounts(issued=0, repealed=0, in_force=2),
            normative_documents=DocumentCounts(issued=7, repealed=1, in_force=38),
            licensing=1650,
            punishment=121,
            coercion=6,
            fees=Decimal("10.80"),
        ),
        requests=requests(results, row(6, 0, 0, 0, 0, 0), row(9, 1, 0, 0, 0, 0)),
        appeals=Appeals(
            reconsideration=Outcomes(upheld=4, corrected=1, other=1),
            direct_litigation=Outcomes(upheld=2, other=1, pending=1),
        ),
        problems=Narrative(
            opening=("政策解读形式较为单一，对征地补偿等群众关注事项的主动回应还不够及时。",)
        ),
        other_matters=OtherMatters(fees=ProcessingFees()),
    )


def y2022() -> AnnualReport:
    results = HandlingResults(
        disclosed=row(120, 10, 1, 1, 6, 2),
        partially_disclosed=row(20, 3, 0, 0, 1, 0),
        withheld=Withheld(third_party_rights=row(3, 0, 0, 0, 0, 0)),
        unavailable=Unavailable(not_held=row(70, 5, 1, 0, 4, 1)),
        not_processed=NotProcessed(repeated=row(5, 1, 0, 0, 0, 0)),
        other=OtherHandling(no_correction=row(12, 1, 0, 0, 0, 0)),
    )
    return AnnualReport(
        organ="某市自然资源和规划局",
        year=2022,
        # T-TEXT: the overview says 287 new requests; Table 三 prints 272.
        overview=narrative(2022, 287, 2104),
        proactive=ProactiveDisclosure(
            regulations=DocumentCounts(issued=1, repealed=0, in_force=3),
            # X-STOCK: 38 + 5 - 2 = 41, but the report says 39.
            normative_documents=DocumentCounts(issued=5, repealed=2, in_force=39),
            licensing=1794,
            punishment=104,
            coercion=3,
            fees=Decimal("11.62"),
        ),
        # X-CARRY (seen in 2023): 13 natural persons carried forward; 2023 says 12.
        requests=requests(results, row(9, 1, 0, 0, 0, 0), row(13, 1, 0, 0, 1, 0)),
        appeals=Appeals(
            reconsideration=Outcomes(upheld=6, corrected=1, other=1, pending=1),
            direct_litigation=Outcomes(upheld=3, other=1, pending=1),
            litigation_after_reconsideration=Outcomes(upheld=1),
        ),
        problems=Narrative(
            opening=("政策解读的针对性还不够强，基层公开的标准化规范化水平有待提高。",)
        ),
        other_matters=OtherMatters(
            fees=ProcessingFees(
                notices=1, notices_amount=Decimal("300.00"), collected=Decimal("300.00")
            )
        ),
    )


def main() -> None:
    y2023 = load("examples/city-department-2023.json")
    for report in (y2021(), y2022(), y2023):
        (HERE / f"{report.year}.json").write_text(dumps(report), encoding="utf-8")


if __name__ == "__main__":
    main()
