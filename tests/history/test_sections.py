"""更改处: the headings whose sections changed, found by the same rule on every path."""

from __future__ import annotations

import random

from doccontrol.history import sections

LINES = [
    "# 1 目的",
    "## 2 范围 ##",
    "#### 4 深层 #",
    "##### 五级不算标题",
    "# ",
    "#",
    "# #",
    "#\t制表符",
    "#\u3000全角空格不算",
    "正文一行",
    "  ## 缩进",
    "",
    "   ",
    "### 三级 ###  ",
    "#话题",
    "# 1 目的",
    "行尾\r",
]


def test_fast_split_agrees_with_the_line_by_line_split():
    """Bodies without code fences take the regex path; the line walk is its definition."""
    rng = random.Random(9)
    for _ in range(20000):
        body = "\n".join(rng.choice(LINES) for _ in range(rng.randint(0, 9)))
        if rng.random() < 0.3:
            body = "\n" + body
        assert sections.split_sections(body) == sections.split_lines(body), repr(body)


def test_headings_text_and_preamble():
    body = "前言\n\n## 1 目的 ##\n\n内容一\n\n## 2 范围\n内容二\n##### 不是标题\n"
    assert sections.split_sections(body) == [
        ("", "前言"),
        ("1 目的", "内容一"),
        ("2 范围", "内容二\n##### 不是标题"),
    ]


def test_a_hash_line_inside_a_code_fence_is_not_a_heading():
    body = "## 1 目的\n\n```bash\n# 注释\n```\n\n## 2 范围\n文字\n"
    assert [t for t, _ in sections.split_sections(body)] == ["1 目的", "2 范围"]


def test_changed_added_and_removed_sections():
    old = "## 1 目的\n甲\n## 2 范围\n乙\n## 3 术语\n丙\n"
    new = "## 1 目的\n甲（改）\n## 2 范围\n乙\n## 4 职责\n丁\n"
    assert sections.changed_sections(old, new) == ("1 目的", "4 职责", "删除：3 术语")
    assert sections.changed_sections(None, new) == ("全文",)
    assert sections.changed_sections(old, old) == ()
    # whitespace at the edges of a section is not a change
    assert sections.changed_sections(old, old.replace("甲\n", "甲  \n\n")) == ()


def test_the_marks_in_sections_changed_are_said_in_the_readers_language():
    """全文, （前言） and 删除： are stable values in the cache and JSON; every output shows them
    through ``shown``, in the catalogue's words."""
    from doccontrol import catalogue

    before = sections.outline("前言一段。\n\n## 1 目的\n\n旧。\n\n## 2 范围\n\n范围。\n")
    after = sections.outline("前言改了。\n\n## 1 目的\n\n新。\n")
    changed = sections.changed_between(before, after)
    assert changed == (sections.PREAMBLE, "1 目的", f"{sections.REMOVED}2 范围")
    english = sections.shown((sections.WHOLE, *changed), catalogue.load("en"))
    assert english == ["Whole document", "(Introduction)", "1 目的", "Removed: 2 范围"]
    chinese = sections.shown((sections.WHOLE, *changed), catalogue.load("zh"))
    assert chinese == ["全文", "（前言）", "1 目的", "删除：2 范围"]


def test_repeated_titles_are_matched_in_order():
    """Two sections titled 说明: each is compared with the old one at the same place among its
    namesakes, never with the last of them."""
    old = "## 说明\n\n说明甲。\n\n## 附录\n\n附录。\n\n## 说明\n\n说明乙。\n"
    rewritten = old.replace("说明甲。", "说明乙。")
    assert sections.changed_sections(old, rewritten) == ("说明",)
    # one of two equal namesakes deleted: a lost duplicate is removed
    twice = "## 说明\n\n同。\n\n## 说明\n\n同。\n"
    assert sections.changed_sections(twice, "## 说明\n\n同。\n") == (f"{sections.REMOVED}说明",)
    # both changed: named once
    assert sections.changed_sections(twice, twice.replace("同。", "异。")) == ("说明",)


def test_a_body_that_changed_always_names_a_part():
    """Removing the text before the first heading is a change of the preamble; bodies that
    differ where no section is found say 全文 rather than nothing."""
    assert sections.changed_sections("前言。\n\n## 1 目的\n\n甲。\n", "## 1 目的\n\n甲。\n") == (
        sections.PREAMBLE,
    )
    # sections moved, each text as it was: no section changed, yet the document reads
    # otherwise
    moved = sections.changed_sections(
        "## 甲\n\n一。\n\n## 乙\n\n二。\n", "## 乙\n\n二。\n\n## 甲\n\n一。\n"
    )
    assert moved == (sections.WHOLE,)
