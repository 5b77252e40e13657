"""cli/output.py printable(): what reaches a terminal from history, files and arguments."""

from __future__ import annotations

import unicodedata

from doccontrol.cli.output import printable


def _escaped_by_category(char: str) -> bool:
    # controls other than tab and newline, and format characters (bidi controls, marks, zero
    # widths, tags); U+13439-1343F became Cf in Unicode 15, after this Python's 14
    category = unicodedata.category(char)
    if char in "\t\n":
        return False
    return category in ("Cc", "Cf") or (0x13439 <= ord(char) <= 0x1343F)


def test_printable_escapes_controls_and_format_characters_on_every_code_point():
    differ = [
        hex(code)
        for code in range(0x110000)
        if (printable(chr(code)) != chr(code)) != _escaped_by_category(chr(code))
    ]
    assert differ == []


def test_printable_shows_each_escape_as_its_code():
    assert printable("a\x1b[2K\x07b") == "a\\x1b[2K\\x07b"
    assert printable("合并 \u202eSM-P-01\u2066x\u2069") == "合并 \\u202eSM-P-01\\u2066x\\u2069"
    assert printable("\u200f\u061c\ufeff") == "\\u200f\\u061c\\ufeff"
    assert printable("\U000e0041") == "\\U000e0041"
    # what is shown as it is: text, tab and line breaks, Chinese, emoji
    assert printable("文件\t名称\n第二行 😀") == "文件\t名称\n第二行 😀"
