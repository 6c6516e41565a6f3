"""The annual report (政府信息公开工作年度报告) as one sound value: identity and six sections."""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from govinfo_report.errors import ReportError
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.model._fields import nonempty_text_validator, optional_texts, text
from govinfo_report.model.appeals import Appeals
from govinfo_report.model.narrative import Narrative, OtherMatters
from govinfo_report.model.proactive import ProactiveDisclosure
from govinfo_report.model.requests import Requests

__all__ = [
    "DEFAULT_EDITION",
    "EDITIONS",
    "MAX_YEAR",
    "AnnualReport",
    "Contact",
    "Publication",
    "default_title",
    "year_finding",
]

#: Editions of the national format this library models, with the first report year each
#: applies to. "2021": 国办公开办函〔2021〕30号, for reports on 2021 and later.
EDITIONS: Final = {"2021": 2021}

#: The edition a report follows unless told otherwise.
DEFAULT_EDITION: Final = "2021"

#: The last year a report can be for (a four-digit year).
MAX_YEAR: Final = 9999


def year_finding(edition: str, year: object) -> Finding | None:
    """S-VALUE when ``year`` is not a whole year the ``edition`` applies to, else None."""
    first = EDITIONS[edition]
    if type(year) is int and first <= year <= MAX_YEAR:
        return None
    detail = (
        f"应为 {first} 至 {MAX_YEAR} 之间的整数年份",
        f"must be a whole year from {first} to {MAX_YEAR}",
    )
    return make_finding("S-VALUE", Place(path="$.year"), found=year, detail=detail)


def default_title(organ: str, year: int) -> str:
    """The title in the form ``{organ}{year}年政府信息公开工作年度报告``.

    >>> default_title("哈尔滨市阿城区金龙山镇", 2021)
    '哈尔滨市阿城区金龙山镇2021年政府信息公开工作年度报告'
    """
    return f"{organ}{year}年政府信息公开工作年度报告"


@attrs.frozen(kw_only=True)
class Publication:
    """Where the report is published: the site's name and its URL."""

    site_name: str = text()
    url: str = text()


@attrs.frozen(kw_only=True)
class Contact:
    """Contact for questions on the report: address, postcode, telephone."""

    address: str = text()
    postcode: str = text()
    telephone: str = text()


def _title_default(self: AnnualReport) -> str:
    return default_title(self.organ, self.year)


@attrs.frozen(kw_only=True)
class AnnualReport:
    """Annual report on government information disclosure (政府信息公开工作年度报告).

    The root of the model: the organ's identity and the six sections of the national format
    (国办公开办函〔2021〕30号). An ``AnnualReport`` that exists is arithmetically sound: every
    total the tables print is computed from the cells, and the 勾稽关系 (B-BALANCE) is
    checked when it is made. Change one with :func:`attrs.evolve`.

    >>> report = AnnualReport(organ="某县教育局", year=2023)
    >>> report.title
    '某县教育局2023年政府信息公开工作年度报告'
    >>> report.requests.results.total.total
    0
    """

    organ: str = text(nonempty=True)
    year: int = attrs.field()
    edition: str = DEFAULT_EDITION
    title: str = attrs.field(
        default=attrs.Factory(_title_default, takes_self=True),
        validator=nonempty_text_validator,
    )
    #: The unnumbered opening paragraphs before section 一; ``None``: generated when printed.
    preface: tuple[str, ...] | None = optional_texts()
    publication: Publication | None = None
    contact: Contact | None = None
    date: dt.date | None = None
    overview: Narrative = attrs.field(factory=Narrative)
    proactive: ProactiveDisclosure = attrs.field(factory=ProactiveDisclosure)
    requests: Requests = attrs.field(factory=Requests)
    appeals: Appeals = attrs.field(factory=Appeals)
    problems: Narrative = attrs.field(factory=Narrative)
    other_matters: OtherMatters = attrs.field(factory=OtherMatters)

    def __attrs_post_init__(self) -> None:
        findings = []
        if self.edition not in EDITIONS:
            findings.append(
                make_finding(
                    "S-VALUE",
                    Place(path="$.edition"),
                    found=self.edition,
                    detail=(
                        f"格式版本应为 {'、'.join(EDITIONS)}",
                        f"the edition must be one of {', '.join(EDITIONS)}",
                    ),
                )
            )
        else:
            problem = year_finding(self.edition, self.year)
            if problem is not None:
                findings.append(problem)
        if self.date is not None and type(self.date) is not dt.date:
            findings.append(
                make_finding(
                    "S-TYPE", Place(path="$.date"), found=self.date, detail=("日期", "a date")
                )
            )
        if findings:
            raise ReportError(findings)
