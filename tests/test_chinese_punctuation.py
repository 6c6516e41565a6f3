"""Chinese messages use Chinese punctuation: no ASCII ``:`` (or ``,;?!``) after Chinese text.

Three nets: the rule catalogue's Chinese templates and every rule's message as rendered;
the Chinese literal of every message the source builds (errors, ``detail`` pairs); and what
the command line prints in Chinese for inputs that go wrong.
"""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import pytest

from govinfo_report.cli import run
from govinfo_report.errors import MismatchError, ReadError, WriteError
from govinfo_report.findings import RULES, Place, make_finding

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "govinfo_report"

#: Chinese text: CJK ideographs, CJK and full-width punctuation, Chinese quotation marks.
_CJK = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]"
#: ASCII punctuation right after Chinese text, or an ASCII colon right before it (``!`` is
#: left alone: ``表三!D6`` is a spreadsheet's own reference).
ASCII_AFTER_CJK = re.compile(rf"{_CJK}\s*[:;?]|{_CJK},|:\s*{_CJK}")


def _bad(text: str) -> list[str]:
    return [text[max(0, m.start() - 12) : m.end() + 12] for m in ASCII_AFTER_CJK.finditer(text)]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("a.json: 文件不存在", "bad"),
        ("总计:5", "bad"),
        ("第一项，第二项,第三项", "bad"),
        ("a.json：文件不存在", "good"),
        ("a.json: no such file", "good"),
        ("表三!D6", "good"),
    ],
)
def test_the_scan_sees_ascii_punctuation_in_chinese(text: str, verdict: str) -> None:
    assert bool(_bad(text)) is (verdict == "bad")


def test_the_catalogue_and_every_rule_message() -> None:
    place = Place(
        path="$.requests.new.natural_person",
        table="三",
        row="一、本年新收政府信息公开申请数量",
        column="自然人",
    )
    for code, rule in RULES.items():
        assert not _bad(rule.title_zh), code
        assert not _bad(rule.template_zh), code
        finding = make_finding(code, place, expected=3, found=4, detail=("细节", "detail"))
        assert not _bad(finding.message_zh), (code, finding.message_zh)


def test_errors_in_chinese_use_the_full_width_colon() -> None:
    errors: list[ReadError | WriteError | MismatchError] = [
        ReadError("a.json", "文件不存在", "no such file"),
        WriteError("b.docx", "会覆盖输入文件", "would overwrite an input"),
        MismatchError(2, "某县教育局", "年度不同", "years differ"),
    ]
    for error in errors:
        assert not _bad(error.message("zh")), error
        assert not _bad(str(error)), error
    assert ReadError("a.json", "文件不存在", "no such file").message("zh") == "a.json：文件不存在"


def _literals(node: ast.expr) -> list[str]:
    """The text of a string literal or f-string (placeholders as ``{}``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [
            "".join(
                v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
                for v in node.values
            )
        ]
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


#: Calls whose argument at this index is the Chinese of a message.
_CHINESE_ARGUMENT = {"ReadError": 1, "WriteError": 1, "MismatchError": 2}


def _chinese_messages() -> list[tuple[str, int, str]]:
    """Every Chinese message literal in the source: (file, line, text)."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args: list[ast.expr] = []
            index = _CHINESE_ARGUMENT.get(name)
            if index is not None and len(node.args) > index:
                args.append(node.args[index])
            args.extend(k.value for k in node.keywords if k.arg in ("reason_zh", "zh"))
            args.extend(  # detail=(Chinese, English)
                k.value.elts[0]
                for k in node.keywords
                if k.arg == "detail" and isinstance(k.value, ast.Tuple) and k.value.elts
            )
            found.extend(
                (path.relative_to(ROOT).as_posix(), node.lineno, text)
                for arg in args
                for text in _literals(arg)
            )
    return found


def test_every_chinese_message_in_the_source() -> None:
    messages = _chinese_messages()
    assert len(messages) > 50  # the scan finds the messages (ReadError alone has dozens)
    bad = [(where, line, _bad(text)) for where, line, text in messages if _bad(text)]
    assert not bad


def _cli(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    run(["--lang", "zh", *argv] if argv[:1] == ("--help",) else [*argv, "--lang", "zh"], out, err)
    return out.getvalue() + err.getvalue()


def test_what_the_command_line_prints_in_chinese(tmp_path: Path) -> None:
    example = json.loads((ROOT / "examples" / "city-department-2023.json").read_text("utf-8"))
    example["requests"]["new"]["natural_person"] = -1
    (tmp_path / "wrong.json").write_text(json.dumps(example, ensure_ascii=False), "utf-8")
    (tmp_path / "bad.json").write_text('{"organ":', "utf-8")
    (tmp_path / "notes.txt").write_text("x", "utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    (tmp_path / "gbk.json").write_bytes('{"organ": "某县"}'.encode("gbk"))
    outputs = [
        _cli("check", str(tmp_path / name))
        for name in ("wrong.json", "bad.json", "notes.txt", "broken.xlsx", "gbk.json", "none.json")
    ]
    outputs += [
        _cli("audit", str(tmp_path)),
        _cli("render", str(tmp_path / "wrong.json"), "-o", str(tmp_path / "x.foo")),
        _cli("new", "--organ", "某县教育局", "--year", "2025", "-o", str(tmp_path / "x.txt")),
        _cli("compare", str(tmp_path / "notes.txt"), str(tmp_path / "wrong.json")),
        _cli("aggregate", str(tmp_path), "-o", str(tmp_path / "t.json"), "--organ", "某市"),
        _cli("check"),
    ]
    text = "\n".join(outputs)
    assert "无法读取" in text
    assert "用法" in text
    assert not _bad(text)
