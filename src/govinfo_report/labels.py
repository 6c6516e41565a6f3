"""Official labels of the national format (国办公开办函〔2021〕30号), as data.

Every label of sections 2-5 of the format (``docs/format-2021.md``), character for
character, keyed by the model field it belongs to; the ``*_2019`` mappings hold the labels
of the 2019 edition (国办公开办函〔2019〕60号, format section 7) that differ. The row
numbering (``一、``, ``（三）``, ``1.``) is kept apart from the label text; :attr:`Label.full`
joins them. ``variants`` hold spellings seen in published reports (format section 9),
which readers accept and writers never produce.

>>> REQUEST_ROWS["new"].full
'一、本年新收政府信息公开申请数量'
>>> RESULT_GROUPS["withheld"].number, RESULT_GROUPS["withheld"].text
('（三）', '不予公开')
>>> APPLICANT_COLUMNS["natural_person"]
'自然人'
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, TypeVar

import attrs

__all__ = [
    "APPEAL_COLUMNS",
    "APPEAL_GROUPS",
    "APPLICANT_COLUMNS",
    "APPLICANT_HEADER",
    "BALANCE_NOTE",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_COLUMNS_2019",
    "FEE_ITEM_COLUMNS_2019",
    "FEE_LABELS",
    "ITEM_COLUMNS_2019",
    "PROACTIVE_GROUPS",
    "PROACTIVE_GROUPS_2019",
    "PROACTIVE_ROWS",
    "PROACTIVE_ROWS_2019",
    "PROACTIVE_ROW_GROUP_2019",
    "PROCUREMENT_COLUMNS_2019",
    "REQUEST_ROWS",
    "RESULT_GROUPS",
    "RESULT_ITEMS",
    "RESULT_ITEMS_2019",
    "SECTIONS",
    "TABLES",
    "Label",
]


@attrs.frozen(kw_only=True)
class Label:
    """An official label: its number (``一、``, ``（三）``, ``1.`` or empty) and its text."""

    number: str = ""
    text: str
    variants: tuple[str, ...] = ()

    @property
    def full(self) -> str:
        """The label as printed: number and text with nothing between them."""
        return self.number + self.text


_V = TypeVar("_V")


def _frozen(mapping: dict[str, _V]) -> MappingProxyType[str, _V]:
    return MappingProxyType(mapping)


#: The six sections' canonical headings (format section 2), keyed by the model field.
SECTIONS: Final = _frozen(
    {
        "overview": Label(number="一、", text="总体情况"),
        "proactive": Label(number="二、", text="主动公开政府信息情况"),
        "requests": Label(number="三、", text="收到和处理政府信息公开申请情况"),
        "appeals": Label(
            number="四、",
            text="政府信息公开行政复议、行政诉讼情况",
            variants=("政府信息公开行政复议及行政诉讼情况",),
        ),
        "problems": Label(
            number="五、",
            text="存在的主要问题及改进情况",
            variants=("政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况"),
        ),
        "other_matters": Label(number="六、", text="其他需要报告的事项"),
    }
)

#: Which section holds which table: the table identifiers used in places and CSV.
TABLES: Final = _frozen({"proactive": "二", "requests": "三", "appeals": "四"})

# --- Table A, section 二 (format section 3) -----------------------------------------

#: The item of 条例 第二十条 heading each group of Table A, keyed by the group's first field.
PROACTIVE_GROUPS: Final = _frozen(
    {
        "documents": Label(text="第二十条第（一）项"),
        "licensing": Label(text="第二十条第（五）项"),
        "enforcement": Label(text="第二十条第（六）项"),
        "fees": Label(text="第二十条第（八）项"),
    }
)

#: The left-hand ``信息内容`` header of every group of Table A.
PROACTIVE_CONTENT_HEADER: Final = "信息内容"

#: Rows of Table A, keyed by the model field of ``ProactiveDisclosure``.
PROACTIVE_ROWS: Final = _frozen(
    {
        "regulations": Label(text="规章"),
        "normative_documents": Label(text="行政规范性文件", variants=("规范性文件",)),
        "licensing": Label(text="行政许可"),
        "punishment": Label(text="行政处罚"),
        "coercion": Label(text="行政强制"),
        "fees": Label(text="行政事业性收费"),
    }
)

#: Which group of Table A each row belongs to.
PROACTIVE_ROW_GROUP: Final = _frozen(
    {
        "regulations": "documents",
        "normative_documents": "documents",
        "licensing": "licensing",
        "punishment": "enforcement",
        "coercion": "enforcement",
        "fees": "fees",
    }
)

#: Columns of the 第二十条第（一）项 group, keyed by the field of ``DocumentCounts``.
DOCUMENT_COLUMNS: Final = _frozen(
    {
        "issued": "本年制发件数",
        "repealed": "本年废止件数",
        "in_force": "现行有效件数",
    }
)

#: The single value column of the other groups of Table A.
DECISIONS_COLUMN: Final = "本年处理决定数量"
FEES_COLUMN: Final = "本年收费金额（单位：万元）"

# --- Table B, section 三 (format section 4) -----------------------------------------

#: The corner note of Table B (the 勾稽关系).
BALANCE_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEADER: Final = "申请人情况"
LEGAL_PERSON_HEADER: Final = "法人或其他组织"

#: Data columns of Table B, keyed by the field of ``ApplicantCounts`` (``total`` computed).
APPLICANT_COLUMNS: Final = _frozen(
    {
        "natural_person": "自然人",
        "commercial_enterprise": "商业企业",
        "research_institution": "科研机构",
        "social_welfare_organization": "社会公益组织",
        "legal_service_agency": "法律服务机构",
        "other": "其他",
        "total": "总计",
    }
)

#: Level-1 rows of Table B, keyed by the field of ``Requests``.
REQUEST_ROWS: Final = _frozen(
    {
        "new": Label(number="一、", text="本年新收政府信息公开申请数量"),
        "carried_over": Label(number="二、", text="上年结转政府信息公开申请数量"),
        "results": Label(number="三、", text="本年度办理结果"),
        "carried_forward": Label(number="四、", text="结转下年度继续办理"),
    }
)

#: Level-2 rows of 三、本年度办理结果, keyed by the field of ``HandlingResults``.
RESULT_GROUPS: Final = _frozen(
    {
        "disclosed": Label(number="（一）", text="予以公开"),
        "partially_disclosed": Label(
            number="（二）",
            text="部分公开（区分处理的，只计这一情形，不计其他情形）",
            variants=("部分公开（区分处理的，只计这一情况，不计其他情况）",),
        ),
        "withheld": Label(number="（三）", text="不予公开"),
        "unavailable": Label(number="（四）", text="无法提供"),
        "not_processed": Label(number="（五）", text="不予处理"),
        "other": Label(number="（六）", text="其他处理"),
        "total": Label(number="（七）", text="总计"),
    }
)

#: Level-3 rows (sub-items) of each level-2 group that has them, keyed by field.
RESULT_ITEMS: Final = _frozen(
    {
        "withheld": _frozen(
            {
                "state_secret": Label(number="1.", text="属于国家秘密"),
                "prohibited_by_law": Label(number="2.", text="其他法律行政法规禁止公开"),
                "endangers_security": Label(number="3.", text="危及“三安全一稳定”"),
                "third_party_rights": Label(number="4.", text="保护第三方合法权益"),
                "internal_affairs": Label(
                    number="5.", text="属于三类内部事务信息", variants=("属于三类内容事务信息",)
                ),
                "process_information": Label(number="6.", text="属于四类过程性信息"),
                "enforcement_files": Label(number="7.", text="属于行政执法案卷"),
                "query_matters": Label(number="8.", text="属于行政查询事项"),
            }
        ),
        "unavailable": _frozen(
            {
                "not_held": Label(number="1.", text="本机关不掌握相关政府信息"),
                "needs_creation": Label(number="2.", text="没有现成信息需要另行制作"),
                "still_unclear": Label(number="3.", text="补正后申请内容仍不明确"),
            }
        ),
        "not_processed": _frozen(
            {
                "petition": Label(number="1.", text="信访举报投诉类申请"),
                "repeated": Label(number="2.", text="重复申请"),
                "publication": Label(number="3.", text="要求提供公开出版物"),
                "mass_repeated": Label(number="4.", text="无正当理由大量反复申请"),
                "confirmation": Label(number="5.", text="要求行政机关确认或重新出具已获取信息"),
            }
        ),
        "other": _frozen(
            {
                "no_correction": Label(
                    number="1.",
                    text="申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    variants=("申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",),
                ),
                "fee_unpaid": Label(
                    number="2.",
                    text="申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    variants=(
                        "申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请",
                    ),
                ),
                "other": Label(number="3.", text="其他"),
            }
        ),
    }
)

# --- Table C, section 四 (format section 5) -----------------------------------------

#: The two top headers of Table C.
APPEAL_HEADERS: Final = _frozen({"reconsideration": "行政复议", "litigation": "行政诉讼"})

#: The three groups of Table C, keyed by the field of ``Appeals``: their label path.
APPEAL_GROUPS: Final = _frozen(
    {
        "reconsideration": ("行政复议",),
        "direct_litigation": ("行政诉讼", "未经复议直接起诉"),
        "litigation_after_reconsideration": ("行政诉讼", "复议后起诉"),
    }
)

#: Columns of each group of Table C, keyed by the field of ``Outcomes`` (``total`` computed).
APPEAL_COLUMNS: Final = _frozen(
    {
        "upheld": "结果维持",
        "corrected": "结果纠正",
        "other": "其他结果",
        "pending": "尚未审结",
        "total": "总计",
    }
)

# --- Section 六: the information-processing fee (format section 2) -----------------

#: The row label used for the fee figures of section 六 in places and CSV.
FEE_ROW: Final = "信息处理费"

#: The three fee figures, keyed by the field of ``ProcessingFees``.
FEE_LABELS: Final = _frozen(
    {
        "notices": "发出收费通知的件数",
        "notices_amount": "总金额",
        "collected": "实际收取的总金额",
    }
)

#: The five aspects section 一 must cover (format section 2).
OVERVIEW_ASPECTS: Final = (
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
)


# --- The 2019 edition (国办公开办函〔2019〕60号, format section 7) ---------------------
# Table B and Table C are those of 2021 except that （六）其他处理 is one row (no sub-items);
# Table A differs. The labels are copied from the spec's section 7.

#: The item of 条例 第二十条 heading each group of the 2019 Table A, keyed by group.
PROACTIVE_GROUPS_2019: Final = _frozen(
    {
        "documents": Label(text="第二十条第（一）项"),
        "licensing": Label(text="第二十条第（五）项"),
        "enforcement": Label(text="第二十条第（六）项"),
        "fees": Label(text="第二十条第（八）项"),
        "procurement": Label(text="第二十条第（九）项"),
    }
)

#: Rows of the 2019 Table A, keyed by the model field of ``ProactiveDisclosure2019``.
PROACTIVE_ROWS_2019: Final = _frozen(
    {
        "regulations": Label(text="规章"),
        "normative_documents": Label(text="规范性文件"),
        "licensing": Label(text="行政许可"),
        "other_services": Label(text="其他对外管理服务事项"),
        "punishment": Label(text="行政处罚"),
        "coercion": Label(text="行政强制"),
        "fees": Label(text="行政事业性收费"),
        "procurement": Label(text="政府集中采购"),
    }
)

#: Which group of the 2019 Table A each row belongs to.
PROACTIVE_ROW_GROUP_2019: Final = _frozen(
    {
        "regulations": "documents",
        "normative_documents": "documents",
        "licensing": "licensing",
        "other_services": "licensing",
        "punishment": "enforcement",
        "coercion": "enforcement",
        "fees": "fees",
        "procurement": "procurement",
    }
)

#: Columns of the 2019 第二十条第（一）项 group, keyed by the field of ``DocumentCounts2019``.
DOCUMENT_COLUMNS_2019: Final = _frozen(
    {
        "made": "本年新制作数量",
        "published": "本年新公开数量",
        "public_total": "对外公开总数量",
    }
)

#: Columns of the 2019 （五） and （六） groups, keyed by the field of ``ItemCounts2019``;
#: ``change`` (本年增/减) is the one signed count of the format.
ITEM_COLUMNS_2019: Final = _frozen(
    {
        "previous": "上一年项目数量",
        "change": "本年增/减",
        "decisions": "处理决定数量",
    }
)

#: Columns of the 2019 （八） group, keyed by the field of ``FeeItems2019``.
FEE_ITEM_COLUMNS_2019: Final = _frozen({"previous": "上一年项目数量", "change": "本年增/减"})

#: Columns of the 2019 （九） group, keyed by the field of ``Procurement2019`` (the amount
#: has no printed unit: reports write 元 or 万元).
PROCUREMENT_COLUMNS_2019: Final = _frozen({"projects": "采购项目数量", "amount": "采购总金额"})

#: Level-3 rows of the 2019 Table B: those of 2021 but for （六）其他处理, one row there.
RESULT_ITEMS_2019: Final = _frozen(
    {group: items for group, items in RESULT_ITEMS.items() if group != "other"}
)
