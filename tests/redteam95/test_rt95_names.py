"""Round 95: the approver (刘静, id ``liujing``) writes her own change under a form of her
name that ``config.name_keys`` (letters and digits after NFKC and casefold; the part before a
bracket or one of ``, ; / | :``) does not bring back to 刘静 or ``liujing``: her name in pinyin
with its tone marks, in Western order, with a title after a dash or a space, or a title
before it. The writer is then "a stranger", and 刘静's approval of her own text is clean."""

from __future__ import annotations

import json

import pytest
from rt93_helpers import assert_approve_refuses, branch_by, committed_by, flagged, forge_merge

from gitrepo import ident
from history_helpers import make_scenario
from rules_attacks import events

PERSONAL = "liujing@gmail.com"
# each names 刘静 to anyone who reads it
MISSED = {
    "pinyin-tones": "Liú Jìng",
    "western-order": "Jing Liu",
    "dash-title": "刘静 - 质量部",
    "space-title": "刘静 质量部",
    "title-first": "质量部 刘静",
    "title-first-colon": "质量部：刘静",
    "cyrillic-i": "Liu J\u0456ng",  # prints as "Liu Jing", which is held as her
}
HELD = {
    "pinyin": "Liu Jing",
    "fullwidth": "Ｌｉｕ　Ｊｉｎｇ",
    "bracket-title": "刘静 (QA)",
}


@pytest.mark.parametrize("name", list(MISSED.values()), ids=list(MISSED))
def test_her_name_written_otherwise_is_still_her(tmp_path, name):
    s = make_scenario(tmp_path)
    branch_by(s, f"{name} <{PERSONAL}>")
    forge_merge(s)
    event = events(s)[-1]
    assert {a["name"] for a in event["authors"]} >= {name}
    assert {a["name"] for a in event["approvers"]} == {"刘静"}
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_co_author_with_pinyin_tones_is_her(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, ident("zhaolei"), co_author=f"{MISSED['pinyin-tones']} <{PERSONAL}>")
    forge_merge(s)
    event = events(s)[-1]
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_held_co_author_as_liu_jing_is_dc503(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, ident("zhaolei"), co_author=f"{HELD['pinyin']} <{PERSONAL}>")
    forge_merge(s)
    event = events(s)[-1]
    assert "DC503" in [p["code"] for p in event["problems"]], json.dumps(event, ensure_ascii=False)


def test_approve_refuses_her_pinyin_name_with_tones(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, f"{MISSED['pinyin-tones']} <{PERSONAL}>")
    assert_approve_refuses(s, tmp_path)


def test_committer_with_pinyin_tones_stays_a_writer(tmp_path):
    s = make_scenario(tmp_path)
    # 赵磊 is the author; she commits it (committer from the environment)
    committed_by(s, MISSED["pinyin-tones"], PERSONAL, amend=False)
    event = events(s)[-1]
    assert flagged(event), json.dumps(event, ensure_ascii=False)


@pytest.mark.parametrize("name", list(HELD.values()), ids=list(HELD))
def test_held_forms_of_her_name_are_dc503(tmp_path, name):
    s = make_scenario(tmp_path)
    branch_by(s, f"{name} <{PERSONAL}>")
    forge_merge(s)
    event = events(s)[-1]
    assert not event["approved"]
    assert "DC503" in [p["code"] for p in event["problems"]]


def test_reviewer_writing_in_western_order_is_reviewer_named(tmp_path):
    """The reviewer's side (DC503 reviewer-named): 王芳 (qa-manager, SM-P-01's reviewer)
    writes the change as "Fang Wang <her personal mailbox>"; 刘静 approves, 王芳 reviews."""
    s = make_scenario(tmp_path)
    branch_by(s, "Fang Wang <wangfang@gmail.com>")
    forge_merge(s)
    event = events(s)[-1]
    assert {r["name"] for r in event["reviewers"]} == {"王芳"}
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_control_reviewer_writing_as_wang_fang_is_dc503(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, "Wang Fang <wangfang@gmail.com>")
    forge_merge(s)
    event = events(s)[-1]
    keys = [p["key"] for p in event["problems"]]
    assert "problem.DC503.reviewer-named" in keys, json.dumps(event, ensure_ascii=False)


def test_control_zhaolei_change_is_approved_clean(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, ident("zhaolei"))
    forge_merge(s)
    event = events(s)[-1]
    assert event["approved"] and not event["problems"]
