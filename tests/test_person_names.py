"""person_names: a typed name compared as a reader reads it (rounds 93–95)."""

from __future__ import annotations

import pytest

from doccontrol.person_names import name_key, name_keys

LISTED = {name_key("刘静"), name_key("liujing"), name_key("王芳"), name_key("wangfang")}


def _bears(typed: str) -> set[str]:
    return set(name_keys(typed)) & LISTED


@pytest.mark.parametrize(
    ("typed", "listed"),
    [
        ("刘静", "刘静"),
        ("刘 静", "刘静"),
        # what prints as nothing or as a blank: marks, selectors, fillers, Braille, format
        *[(f"刘{c}静", "刘静") for c in "\ufe00\U000e0100\u034f\u3164\u2800\u115f\uffa0\u200b"],
        ("刘静（质量部）", "刘静"),
        ("刘静 - 质量部", "刘静"),
        ("刘静 质量部", "刘静"),
        ("质量部 刘静", "刘静"),
        ("质量部：刘静", "刘静"),
        ("Liu Jing", "liujing"),
        ("LiuJing", "liujing"),
        ("Ｌｉｕ　Ｊｉｎｇ", "liujing"),
        ("Liú Jìng", "liujing"),
        ("Jing Liu", "liujing"),
        ("Liu J\u0456ng", "liujing"),  # a Cyrillic і
        ("Liu Jing (QA)", "liujing"),
        ("Dr. Jing LIU, QA", "liujing"),
        ("Fang Wang", "wangfang"),
    ],
)
def test_a_form_of_a_listed_name_bears_it(typed, listed):
    assert _bears(typed) == {name_key(listed)}, typed


@pytest.mark.parametrize(
    "typed", ["刘静怡", "刘靜", "赵磊", "Liu Jingyi", "Jin Liu", "", "（）", "QA"]
)
def test_another_name_bears_none(typed):
    assert _bears(typed) == set(), typed


def test_keys_are_never_empty():
    assert name_keys("") == frozenset() and name_keys(" \u200b（）") == frozenset()
    assert "" not in name_keys("a  b")
