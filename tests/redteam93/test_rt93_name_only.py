"""Round 93: the approver writes the change under her own name with an address doccontrol.yml
does not list (a personal mailbox, a Cyrillic look-alike, no address at all). People are told
apart by address only, so the change's writer is "a stranger called 刘静" and 刘静's approval of
her own text counts, clean, while every output shows 刘静 as both 更改人 and 批准人."""

from __future__ import annotations

import json

import pytest
from rt93_helpers import assert_approve_refuses, branch_by, committed_by, flagged, forge_merge

from gitrepo import ident
from history_helpers import make_scenario
from rules_attacks import events

ADDRESSES = {
    "personal": "刘静 <liujing@gmail.com>",
    "cyrillic-i": "刘静 <liu.j\u0456ng@example.com>",
    "empty": "刘静 <>",
}


@pytest.mark.parametrize("author", list(ADDRESSES.values()), ids=list(ADDRESSES))
def test_her_own_change_under_her_name_is_not_a_clean_approval(tmp_path, author):
    s = make_scenario(tmp_path)
    branch_by(s, author)
    forge_merge(s)
    event = events(s)[-1]
    names = {a["name"] for a in event["authors"]} & {a["name"] for a in event["approvers"]}
    assert names == {"刘静"}  # the trail itself shows her as writer and approver
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_approve_refuses_her_own_change_under_a_personal_address(tmp_path):
    """`doccontrol approve`, run by 刘静 herself, merges it, and the pack calls it approved."""
    s = make_scenario(tmp_path)
    branch_by(s, ADDRESSES["personal"])
    assert_approve_refuses(s, tmp_path)


def test_an_amend_under_a_personal_address_keeps_her_a_writer(tmp_path):
    """赵磊 writes V1.1; 刘静 rewrites it with `git commit --amend` from a machine set up with
    her personal address (git keeps 赵磊 as author, she is the committer). Round 46 made a
    known committer a writer; an unknown one is dropped, so 刘静 appears nowhere among the
    writers and her approval is clean."""
    s = make_scenario(tmp_path)
    committed_by(s, "刘静", "liujing@gmail.com")
    event = events(s)[-1]
    assert flagged(event), json.dumps(event, ensure_ascii=False)


def test_control_her_listed_address_is_dc503(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, ident("liujing"))
    forge_merge(s)
    event = events(s)[-1]
    assert not event["approved"]
    assert [p["code"] for p in event["problems"]] == ["DC503"]


def test_control_another_persons_change_is_approved_clean(tmp_path):
    s = make_scenario(tmp_path)
    branch_by(s, ident("zhaolei"))
    forge_merge(s)
    event = events(s)[-1]
    assert event["approved"] and not event["problems"]
