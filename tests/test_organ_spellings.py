"""One organ under several spellings: matched as one in a series, a total and a list of units.

A space of a justified title, a trailing space in a clerk's JSON, full-width brackets, a
byte-order mark where two lists of units were joined, a zero-width space pasted from a web
page: none of them makes another organ. Before, a series split in two (its X-STOCK and
X-CARRY warnings lost behind a note "no report for 2022"), and ``compare --expected-units``
said a unit was both missing and unexpected.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import AnnualReport, dumps, load
from govinfo_report.cli import run
from govinfo_report.many.aggregate import aggregate
from govinfo_report.many.compare import compare_total
from govinfo_report.many.continuity import series
from govinfo_report.model import ApplicantCounts, ProactiveDisclosure, Requests

SERIES = Path(__file__).parent / "data" / "series"

#: What a name may carry that is no part of it (a report's name: no control character).
NOISE = (" ", "\u3000", "\ufeff", "\u200b", "\u00a0")
#: A line of a list may also hold a tab.
LIST_NOISE = (*NOISE, "\t")
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
NAMES = st.builds(
    lambda name, branch: name + (f"（{branch}）" if branch else ""),
    st.text(HAN, min_size=2, max_size=10),
    st.text(HAN, max_size=4),
)


@st.composite
def spelled(draw: st.DrawFn, name: str, noise: tuple[str, ...] = NOISE) -> str:
    """``name`` with noise put in, and maybe half-width brackets for full-width ones."""
    chars = list(name)
    for _ in range(draw(st.integers(1, 4))):
        chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(noise)))
    text = "".join(chars)
    if draw(st.booleans()):
        text = text.replace("（", "(").replace("）", ")")
    return text


def _unit(organ: str, n: int) -> AnnualReport:
    row = ApplicantCounts(natural_person=n)
    return AnnualReport(
        organ=organ,
        year=2023,
        proactive=ProactiveDisclosure(licensing=n),
        requests=Requests(new=row, carried_forward=row),
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data(), name=NAMES)
def test_a_series_is_one_under_any_spelling(data: st.DataObject, name: str) -> None:
    years = [load(SERIES / f"{year}.json") for year in (2021, 2022, 2023)]
    plain = [attrs.evolve(r, organ=name) for r in years]
    noisy = [attrs.evolve(r, organ=data.draw(spelled(name))) for r in years]
    expected = series(plain)[name]
    found = series(noisy)
    assert len(found) == 1
    [(organ, findings)] = found.items()
    assert organ == noisy[0].organ  # shown as first written
    assert [(y, f.code, f.found) for y, f in findings] == [
        (y, f.code, f.found) for y, f in expected
    ]
    assert {f.code for _, f in findings} == {"X-STOCK", "X-CARRY"}


@settings(max_examples=60, deadline=None)
@given(data=st.data(), names=st.lists(NAMES, min_size=1, max_size=4, unique=True))
def test_expected_units_match_under_any_spelling(data: st.DataObject, names: list[str]) -> None:
    units = [_unit(name, n) for n, name in enumerate(names, 1)]
    listed = [data.draw(spelled(name, LIST_NOISE)) for name in names]
    # a unit's report itself spelled otherwise than the list
    units = [attrs.evolve(u, organ=data.draw(spelled(u.organ))) for u in units]
    total = aggregate(units, organ="某区")
    result = compare_total(total, units, listed)
    keys = {"".join(n.split()) for n in names}
    if len(keys) == len(names):  # no two names alike once spaces go
        assert result.agrees, [f.message_en for f in result.findings]
        assert (result.missing, result.unexpected, result.duplicates) == ((), (), ())


def test_distinct_organs_stay_distinct() -> None:
    units = [_unit("甲镇人民政府", 1), _unit("乙镇人民政府", 2)]
    result = compare_total(aggregate(units, organ="某区"), units, ["甲镇人民政府", "丙镇人民政府"])
    assert result.missing == ("丙镇人民政府",)
    assert result.unexpected == ("乙镇人民政府",)


def test_a_unit_twice_under_two_spellings_is_a_duplicate() -> None:
    units = [_unit("甲镇人民政府", 1), _unit("甲镇 人民政府\u200b", 1)]
    result = compare_total(aggregate(units, organ="某区"), units)
    assert result.duplicates == ("甲镇人民政府",)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.data(),
    names=st.lists(NAMES, min_size=1, max_size=3, unique_by=lambda n: "".join(n.split())),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    blank=st.sampled_from(["", " ", "\u3000", "\ufeff"]),
    twice=st.booleans(),
)
def test_expected_units_file_as_offices_save_it(  # noqa: PLR0913, PLR0917 - the ways of saving
    tmp_path: Path,
    data: st.DataObject,
    names: list[str],
    newline: str,
    encoding: str,
    blank: str,
    twice: bool,  # noqa: FBT001 - a drawn flag
) -> None:
    """BOM, CRLF, GB18030, blank lines, a line twice, a BOM where two lists were joined."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    (root / "units").mkdir()
    units = [_unit(name, n) for n, name in enumerate(names, 1)]
    for n, unit in enumerate(units):
        (root / "units" / f"{n}.json").write_text(dumps(unit), encoding="utf-8")
    (root / "total.json").write_text(dumps(aggregate(units, organ="某区")), encoding="utf-8")
    lines = [blank, *(data.draw(spelled(n, LIST_NOISE)) for n in names), blank]
    if twice:
        lines.append("\ufeff" + names[0])  # the second list's byte-order mark
    (root / "list.txt").write_bytes(newline.join(lines).encode(encoding))
    code, out, err = _run(
        "compare", str(root / "total.json"), "--units", str(root / "units"),
        "--expected-units", str(root / "list.txt"), "--lang", "en",
    )  # fmt: skip
    assert code == 0, out + err
    assert "X-UNITS" not in out + err


def test_a_series_under_two_spellings_on_the_command_line(tmp_path: Path) -> None:
    """The 2022 report's organ read with a space: the series was split, its warnings lost."""
    for year in (2021, 2022, 2023):
        text = (SERIES / f"{year}.json").read_text(encoding="utf-8")
        if year == 2022:
            text = text.replace('"某市自然资源和规划局"', '"某市 自然资源和规划局 "')
        (tmp_path / f"{year}.json").write_text(text, encoding="utf-8")
    code, out, _ = _run("audit", str(tmp_path), "--series", "--lang", "en")
    assert code == 0
    assert "series 某市自然资源和规划局: 2021-2023 (3 years, 2 findings)" in out
    assert "[X-STOCK]" in out
    assert "[X-CARRY]" in out
    assert "no report for" not in out


def test_aggregate_counts_a_unit_twice_under_two_spellings(tmp_path: Path) -> None:
    units = tmp_path / "units"
    units.mkdir()
    (units / "a.json").write_text(dumps(_unit("甲镇人民政府", 1)), encoding="utf-8")
    (units / "b.json").write_text(dumps(_unit("\u200b甲镇 人民政府", 1)), encoding="utf-8")
    code, out, _ = _run(
        "aggregate", str(units), "-o", str(tmp_path / "t.json"), "--organ", "某区", "--lang", "en"
    )
    assert code == 1
    assert "[X-UNITS]" in out
    assert "1 duplicate a unit already summed" in out
