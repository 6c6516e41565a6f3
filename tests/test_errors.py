"""The exceptions: frozen records, pickled by their fields, printed in both languages."""

import pickle

import attrs
import pytest

from govinfo_report import (
    GovinfoReportError,
    MismatchError,
    ReadError,
    ReportError,
    WriteError,
)
from govinfo_report.findings import Place, make_finding
from govinfo_report.many import aggregate

FINDING = make_finding("S-MISSING", Place(path="$.organ"))


@pytest.mark.parametrize(
    ("error", "base", "text"),
    [
        (ReportError([FINDING]), ValueError, "1 处问题 / 1 problem:"),
        (
            ReadError("a.json", "文件不存在", "no such file"),
            ValueError,
            "a.json：文件不存在 | no such file",
        ),
        (
            WriteError("b.docx", "会覆盖输入文件", "would overwrite an input"),
            OSError,
            "b.docx：会覆盖输入文件",
        ),
        (
            MismatchError(2, "乙镇", "年度不同", "another year"),
            ValueError,
            "年度不同 | another year",
        ),
    ],
)
def test_every_exception_is_a_frozen_record(
    error: ReportError | ReadError | WriteError | MismatchError, base: type, text: str
) -> None:
    assert isinstance(error, GovinfoReportError)
    assert isinstance(error, base)
    assert str(error).startswith(text)
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert type(again) is type(error)
    assert attrs.asdict(again, recurse=False) == attrs.asdict(error, recurse=False)
    assert str(again) == str(error)
    field = attrs.fields(type(error))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(error, field, None)
    with pytest.raises(type(error)) as info:  # it can be raised and chained
        _raise_from(error, KeyError(field))
    assert isinstance(info.value.__cause__, KeyError)


def _raise_from(error: Exception, cause: Exception) -> None:
    raise error from cause


def test_mismatch_error_is_one_class_wherever_it_is_imported() -> None:
    assert aggregate.MismatchError is MismatchError
    assert ReportError(iter([FINDING])).findings == (FINDING,)
    assert ReadError(where="a", reason_zh="甲", reason_en="A").source == "a"
    assert WriteError(where="b", reason_zh="乙", reason_en="B").target == "b"
