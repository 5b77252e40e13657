"""Round 94: the approver writes her own change under a name every output shows as hers,
which ``config.name_key`` (NFKC, casefold, no white space, no Cf) does not fold to her listed
name: an invisible mark that is not a format character (a variation selector, Mn; the
combining grapheme joiner, Mn; a Hangul filler, Lo; a Braille blank, So), or her name with a
department after it. The writer is then "a stranger", and her approval is clean."""

from __future__ import annotations

import json

import pytest
from rt93_helpers import assert_approve_refuses, branch_by, committed_by, flagged, forge_merge

from gitrepo import ident
from history_helpers import make_scenario
from rules_attacks import events

# each renders as 刘静 (or "刘 静", which the README itself calls 刘静)
INVISIBLE = {
    "variation-selector": "刘\ufe00静",
    "ideographic-vs": "刘静\U000e0100",
    "cgj": "刘\u034f静",
    "hangul-filler": "刘静\u3164",
    "braille-blank": "刘\u2800静",
}
TITLED = "刘静（质量部）"


@pytest.mark.parametrize("name", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_her_name_with_an_invisible_mark_is_still_her(tmp_path, name):
    s = make_scenario(tmp_path)
    branch_by(s, f"{name} <liujing@gmail.com>")
    forge_merge(s)
    event = events(s)[-1]
    assert {a["name"] for a in event["approvers"]} == {"刘静"}
    assert name in {a["name"] for a in event["authors"]}  # shown: 刘静 wrote, 刘静 approved
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_approve_refuses_her_name_with_a_variation_selector(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, f"{INVISIBLE['variation-selector']} <liujing@gmail.com>")
    assert_approve_refuses(s, tmp_path)


def test_her_name_with_a_title_is_still_her(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, f"{TITLED} <liujing@gmail.com>")
    forge_merge(s)
    event = events(s)[-1]
    assert TITLED in {a["name"] for a in event["authors"]}
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_committer_with_an_invisible_mark_stays_a_writer(tmp_path):
    """As round 93's amend, with a variation selector in the committer's name: identities.writers
    keeps an unlisted committer only when config.bears_a_listed_name, so she vanishes."""
    s = make_scenario(tmp_path)
    committed_by(s, INVISIBLE["variation-selector"], "liujing@gmail.com")
    event = events(s)[-1]
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_held_co_author_under_her_name_is_dc503(tmp_path):
    """Held: 赵磊 writes, with `Co-authored-by: 刘静 <liujing@gmail.com>`: DC503 (named)."""
    s = make_scenario(tmp_path)
    branch_by(s, ident("zhaolei"), co_author="刘 静 <liujing@gmail.com>")
    forge_merge(s)
    event = events(s)[-1]
    assert flagged(event)
    assert "DC503" in [p["code"] for p in event["problems"]]


def test_held_id_as_name_at_no_address_is_dc503(tmp_path):
    """Held: `LiuJing <>` (her id, case changed, no address): DC503."""
    s = make_scenario(tmp_path)
    branch_by(s, "LiuJing <>")
    forge_merge(s)
    assert "DC503" in [p["code"] for p in events(s)[-1]["problems"]]


def test_control_zhaolei_change_is_approved_clean(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, ident("zhaolei"))
    forge_merge(s)
    event = events(s)[-1]
    assert event["approved"] and not event["problems"]
