"""Hole 2: ``check``'s new DC220 "name" pattern (``validate/active_content._ATTR_LIST_NAME``)
takes any ``{…src=…}`` or ``{…href=…}`` in prose for an attribute list, wherever it stands.
attr_list reads an attribute list only at the end of a block's last line or right after an
inline element; a firewall rule written in a procedure's prose
(``过滤条件 {proto=tcp, src=10.0.0.0/8} 的流量``) is text on the page and in the copy, yet
``check`` reports DC220 (which fails a strict build, tests/site/test_fail_closed.py)."""

from __future__ import annotations

import pytest
from rt85_helpers import png
from rt88_helpers import RED
from rt91_helpers import setup

from history_helpers import cli

FILES = {"docs/procedures/flow.png": png(RED)}
PROSE = "见 ![流程](flow.png) 第一版正文。防火墙过滤条件 {proto=tcp, src=10.0.0.0/8} 的流量须记录。"
TABLE = (
    "见 ![流程](flow.png) 第一版正文\n\n| 规则 | 说明 |\n|---|---|\n"
    "| {src=10.0.0.0/8, dst=any} 放行 | 内网 |\n"
)
CODE = (
    "见 ![流程](flow.png) 第一版正文。防火墙过滤条件 `{proto=tcp, src=10.0.0.0/8}` 的流量须记录。"
)


def _check(tmp_path, text):
    s = setup(tmp_path, text, FILES)
    return cli(s.root, "check")


def test_control_code_span_is_not_reported(tmp_path):
    result = _check(tmp_path, CODE)
    assert "DC220" not in result.stdout + result.stderr


def test_control_real_attribute_list_is_reported(tmp_path):
    result = _check(tmp_path, '见 ![流程](flow.png){: src="x.png" } 第一版正文')
    assert "DC220" in result.stdout + result.stderr


@pytest.mark.parametrize("text", [PROSE, TABLE], ids=["prose", "table"])
def test_prose_braces_are_not_an_attribute_list(tmp_path, text):
    result = _check(tmp_path, text)
    assert "DC220" not in result.stdout + result.stderr
