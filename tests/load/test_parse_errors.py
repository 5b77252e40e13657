"""A YAML or JSON syntax error is said in the reader's language, where the mistake is: each
message the parsers give for a hand-edited file is produced here by the real parser and must
come out of the catalogue (so an upgrade of ruamel.yaml that rewords one shows up here)."""

from __future__ import annotations

import re

import pytest

from doccontrol import catalogue
from doccontrol.load import documents, yaml_source

ZH, EN = catalogue.load("zh"), catalogue.load("en")
# the parsers' English words, which must not reach a Chinese reader
PARSER_WORDS = re.compile(r"while |expected|but found|but got|Expecting|not allowed|token")


@pytest.mark.parametrize(
    ("text", "line", "col", "says"),
    [
        ("id: X\ntitle: [unclosed\n", 2, 8, "方括号列表"),  # the '[', not the end of the file
        ("id: X\nowner: {a: 1\n", 2, 8, "花括号映射"),
        ("title: 变更: 紧急\n", 1, 10, "请给整个值加引号"),
        ("title: 'open\nid: X\n", 1, 8, "引号没有闭合"),
        ('title: "C:\\q"\n', 1, 12, "转义 \\q"),
        ("a: 1\n- b\n", 2, 1, "列表项"),
        ("a: @x\n", 1, 4, "字符 '@'"),
        ('a: "x" y\n', 1, 8, "上一项在这里应已结束"),
        ("a: [1, 2]]\n", 1, 10, "（此处遇到']'）"),
        ("key\nnext: 1\n", 2, 5, "': '"),
        ("a:\n  - x\n  b: 1\n", 3, 3, "上一项在这里应已结束"),
        ("a: |x\n", 1, 5, "'|' 或 '>' 后只能是"),
        ("a: *\n", 1, 5, "应是一个名称；以这些字符开头的值请加引号（此处遇到换行）"),
        ("a: b\nc d\ne: 1\n", 2, 1, "找不到键后的 ':'"),
        ("? a\n", 1, 1, ""),  # valid YAML (a complex key): not a syntax error at all
    ],
)
def test_yaml_syntax_errors_in_the_readers_language(text, line, col, says):
    parsed = yaml_source.parse("records/x.yaml", text)
    syntax = [p for p in parsed.problems if p.code == "DC007"]
    if not says:
        assert not syntax
        return
    (problem,) = syntax
    zh, en = problem.text(ZH), problem.text(EN)
    assert says in zh, zh
    assert not PARSER_WORDS.search(zh), zh
    assert (problem.line, problem.col) == (line, col), problem.format(ZH)
    assert not re.search(r"[\u4e00-\u9fff]", en), en


def test_a_yaml_error_nobody_translated_is_passed_on_as_the_parser_wrote_it():
    from doccontrol.load.parse_errors import yaml_detail

    detail, at_context = yaml_detail("some new complaint", "while doing something")
    assert (detail, at_context) == ("while doing something some new complaint", False)


@pytest.mark.parametrize(
    ("text", "col", "says"),
    [
        ('{"a": 1,}', 9, "属性名"),  # a comma after the last item
        ("{'a': 1}", 2, "双引号"),
        ('{"a" 1}', 6, "缺少 ':'"),
        ('{"a": 1', 8, "缺少 ','"),
        ('{"a": "x', 7, "字符串没有闭合"),
        ('{"a": 1} x', 10, "多余的内容"),
        ('{"a": tru}', 7, "这里应是一个值"),
        ('{"a": "\\q"}', 8, "转义无效"),
        ('{"a": "x\ty"}', 9, "控制字符"),
    ],
)
def test_json_syntax_errors_in_the_readers_language(text, col, says):
    _, problems = documents.load_json("schemas/x.schema.json", text.encode())
    (problem,) = problems
    zh, en = problem.text(ZH), problem.text(EN)
    assert problem.code == "DC015" and (problem.line, problem.col) == (1, col)
    assert says in zh, zh
    assert not PARSER_WORDS.search(zh), zh
    assert not re.search(r"[\u4e00-\u9fff]", en), en
