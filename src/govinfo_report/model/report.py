"""The annual report (政府信息公开工作年度报告) as one sound value: identity and six sections."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final, cast

import attrs

from govinfo_report.errors import ReportError
from govinfo_report.findings import Finding, Place, make_finding
from govinfo_report.model._fields import bad_text, child, optional_texts, text
from govinfo_report.model.appeals import Appeals
from govinfo_report.model.edition2019 import ProactiveDisclosure2019, Requests2019
from govinfo_report.model.narrative import Narrative, OtherMatters
from govinfo_report.model.proactive import ProactiveDisclosure
from govinfo_report.model.requests import Requests

__all__ = [
    "DEFAULT_EDITION",
    "EDITIONS",
    "EDITION_SECTIONS",
    "MAX_YEAR",
    "MIN_YEAR",
    "AnnualReport",
    "Contact",
    "Publication",
    "default_title",
    "edition_for",
    "edition_year_finding",
    "identity_findings",
    "year_finding",
]

#: Editions of the national format this library models, with the first report year each
#: applies to. "2021": 国办公开办函〔2021〕30号, for reports on 2021 and later; "2019":
#: 国办公开办函〔2019〕60号 (试行), for reports on 2019 and 2020.
EDITIONS: Final = {"2021": 2021, "2019": 2019}

#: The edition a report follows unless told otherwise (for a year, see :func:`edition_for`).
DEFAULT_EDITION: Final = "2021"

#: The first year a report can be for: the 2019 Regulations' first year.
MIN_YEAR: Final = min(EDITIONS.values())

#: The last year a report can be for (a four-digit year).
MAX_YEAR: Final = 9999

#: The classes of the sections that differ between editions, keyed by edition and field.
EDITION_SECTIONS: Final[dict[str, dict[str, type]]] = {
    "2021": {"proactive": ProactiveDisclosure, "requests": Requests},
    "2019": {"proactive": ProactiveDisclosure2019, "requests": Requests2019},
}


def edition_for(year: int) -> str:
    """The edition a report on ``year`` follows: "2019" for 2019 and 2020, else "2021".

    >>> edition_for(2020), edition_for(2021)
    ('2019', '2021')
    """
    applies = [e for e, first in EDITIONS.items() if type(year) is int and first <= year]
    return max(applies, key=EDITIONS.__getitem__) if applies else DEFAULT_EDITION


def edition_year_finding(edition: object, year: object) -> Finding | None:
    """E-EDITION (a warning) when ``edition`` is not the one of ``year``, else None.

    Some organs used the new format early or the old one late: the report is kept, and
    the finding says which edition its year calls for.
    """
    if type(edition) is not str or edition not in EDITIONS or type(year) is not int:
        return None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    expected = edition_for(year)
    if edition == expected:
        return None
    return make_finding(
        "E-EDITION",
        Place(path="$.edition"),
        expected=expected,
        found=edition,
        detail=(
            f"{year} 年度的报告应采用 {expected} 版格式",
            f"a report on {year} follows the {expected} edition",
        ),
    )


def edition_finding(edition: object) -> Finding | None:
    """S-TYPE or S-VALUE when ``edition`` is not one of :data:`EDITIONS`, else None."""
    if type(edition) is str and edition in EDITIONS:
        return None
    place = Place(path="$.edition")
    if type(edition) is not str:
        return make_finding("S-TYPE", place, found=edition, detail=("文本", "a string"))
    detail = (
        f"格式版本应为 {'、'.join(EDITIONS)}",
        f"the edition must be one of {', '.join(EDITIONS)}",
    )
    return make_finding("S-VALUE", place, found=edition, detail=detail)


def year_finding(edition: str, year: object) -> Finding | None:
    """S-VALUE when ``year`` is not a whole year from :data:`MIN_YEAR` on, else None.

    A year another ``edition`` applies to is a warning (:func:`edition_year_finding`).
    """
    first = MIN_YEAR if type(edition) is str else 0
    if type(year) is int and first <= year <= MAX_YEAR:
        return None
    detail = (
        f"应为 {first} 至 {MAX_YEAR} 之间的整数年份",
        f"must be a whole year from {first} to {MAX_YEAR}",
    )
    return make_finding("S-VALUE", Place(path="$.year"), found=year, detail=detail)


def identity_findings(
    *,
    organ: object,
    year: object,
    edition: object = "2021",
    title: object = None,
    date: object = None,
) -> list[Finding]:
    """Every problem with a report's identity at once: the one set of identity rules.

    The model checks these when a report is made, and :func:`~govinfo_report.audit` applies
    them to a report as published, so that ``audit`` and ``to_report`` agree. ``organ`` and
    ``title`` (when given) are one-paragraph texts with a visible character, the year one
    the edition applies to, and a date not before the report's year (a report on 2023 is
    written in 2023 at the earliest).
    """
    findings: list[Finding] = []
    for name, value in (("organ", organ), ("title", title)):
        if value is None and name != "organ":
            continue
        bad = bad_text(value, nonempty=True)
        if bad:
            code = "S-TYPE" if not isinstance(value, str) else "S-VALUE"
            findings.append(make_finding(code, Place(path=f"$.{name}"), found=value, detail=bad))
    problem = edition_finding(edition)
    if problem is not None:
        findings.append(problem)
    else:
        problem = year_finding(cast("str", edition), year)
        if problem is not None:
            findings.append(problem)
    if date is not None:
        if type(date) is not dt.date:
            detail = ("日期", "a date")
            findings.append(make_finding("S-TYPE", Place(path="$.date"), found=date, detail=detail))
        elif type(year) is int and date.year < year:
            detail = (
                f"成文日期不应早于报告年度 {year} 年",
                f"the date must not be before the report's year, {year}",
            )
            findings.append(
                make_finding("S-VALUE", Place(path="$.date"), found=date.isoformat(), detail=detail)
            )
    return findings


def default_title(organ: str, year: int) -> str:
    """The title in the form ``{organ}{year}年政府信息公开工作年度报告``.

    >>> default_title("哈尔滨市阿城区金龙山镇", 2021)
    '哈尔滨市阿城区金龙山镇2021年政府信息公开工作年度报告'
    """
    return f"{organ}{year}年政府信息公开工作年度报告"


@attrs.frozen(kw_only=True, weakref_slot=False)
class Publication:
    """Where the report is published: the site's name and its URL."""

    site_name: str = text()
    url: str = text()


@attrs.frozen(kw_only=True, weakref_slot=False)
class Contact:
    """Contact for questions on the report: address, postcode, telephone."""

    address: str = text()
    postcode: str = text()
    telephone: str = text()


def _title_default(self: AnnualReport) -> str:
    organ: object = self.organ  # the annotation is not checked yet: the value may be anything
    if not isinstance(organ, str) or type(self.year) is not int:
        return ""  # the organ or year is refused; the title is not reported as well
    return default_title(organ, self.year)


def _edition(edition: object) -> str | None:
    """``edition`` when it is one of :data:`EDITIONS`, else None (it is reported elsewhere)."""
    return edition if type(edition) is str and edition in EDITION_SECTIONS else None


def _edition_default(self: AnnualReport) -> str:
    return edition_for(self.year)


def _section(name: str) -> Any:  # noqa: ANN401 - attrs.field() is typed as Any by design
    """A section whose class depends on the edition: made by default, checked when made."""

    def default(self: AnnualReport) -> object:
        return EDITION_SECTIONS[_edition(self.edition) or DEFAULT_EDITION][name]()

    def validate(instance: AnnualReport, attribute: attrs.Attribute[Any], value: object) -> None:
        edition = _edition(instance.edition)
        classes = (
            [EDITION_SECTIONS[edition][name]]
            if edition is not None
            else [sections[name] for sections in EDITION_SECTIONS.values()]
        )
        if type(value) not in classes:
            place = Place(path=f"$.{attribute.name}")
            names = "、".join(cls.__name__ for cls in classes)
            detail = (
                f"{names}（{edition} 版格式）" if edition else names,
                f"a {names} (the {edition} edition)" if edition else f"one of {names}",
            )
            raise ReportError((make_finding("S-TYPE", place, found=value, detail=detail),))

    return attrs.field(default=attrs.Factory(default, takes_self=True), validator=validate)


def _optional(cls: type) -> Any:  # noqa: ANN401 - an attrs validator
    def validate(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and type(value) is not cls:
            place = Place(path=f"$.{attribute.name}")
            detail = (cls.__name__, f"a {cls.__name__}")
            raise ReportError((make_finding("S-TYPE", place, found=value, detail=detail),))

    return validate


@attrs.frozen(kw_only=True, weakref_slot=False)
class AnnualReport:
    """Annual report on government information disclosure (政府信息公开工作年度报告).

    The root of the model: the organ's identity and the six sections of the national format,
    in its ``edition``: "2021" (国办公开办函〔2021〕30号) or "2019" (国办公开办函〔2019〕60号,
    whose sections 二 and 三 are :class:`ProactiveDisclosure2019` and :class:`Requests2019`).
    The edition follows from the year unless given (:func:`edition_for`); another edition
    than the year's is a warning (E-EDITION), a year before 2019 an error. An
    ``AnnualReport`` that exists is arithmetically sound: every total the tables print is
    computed from the cells, and the 勾稽关系 (B-BALANCE) is checked when it is made.
    Change one with :func:`attrs.evolve`.

    >>> report = AnnualReport(organ="某县教育局", year=2023)
    >>> report.title
    '某县教育局2023年政府信息公开工作年度报告'
    >>> report.requests.results.total.total
    0
    >>> AnnualReport(organ="某县教育局", year=2020).edition
    '2019'
    """

    organ: str
    year: int
    edition: str = attrs.field(default=attrs.Factory(_edition_default, takes_self=True))
    title: str = attrs.field(default=attrs.Factory(_title_default, takes_self=True))
    #: The unnumbered opening paragraphs before section 一; ``None``: generated when printed.
    preface: tuple[str, ...] | None = optional_texts()
    publication: Publication | None = attrs.field(default=None, validator=_optional(Publication))
    contact: Contact | None = attrs.field(default=None, validator=_optional(Contact))
    date: dt.date | None = None
    overview: Narrative = child(Narrative)
    proactive: ProactiveDisclosure | ProactiveDisclosure2019 = _section("proactive")
    requests: Requests | Requests2019 = _section("requests")
    appeals: Appeals = child(Appeals)
    problems: Narrative = child(Narrative)
    other_matters: OtherMatters = child(OtherMatters)

    def __attrs_post_init__(self) -> None:
        # Identity fields are checked together, so that every problem is named at once.
        findings = identity_findings(
            organ=self.organ,
            year=self.year,
            edition=self.edition,
            # A default title has the organ's problems, which are reported once, on the organ.
            title=None if self.title == _title_default(self) else self.title,
            date=self.date,
        )
        if findings:
            raise ReportError(findings)
