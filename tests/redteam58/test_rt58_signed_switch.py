"""Round 58, question 1: the signed switch (``signed_whole`` in ``_Deriver.commit``) adopts the
doccontrol.yml it starts from unless ``_Deriver.pushed`` holds it, and ``pushed`` is filled
only by ``kind == "direct"``. A change that reached main by a merge nobody approved (no
evidence at all, an octopus, trailers naming someone who does not count) is as unapproved as a
push, but it is not in ``pushed``: the honest signed switch adopts it, and the trail still
calls it unapproved and never applied."""

from __future__ import annotations

import pytest
from rt56_helpers import in_force_text, switch_on
from rt57_helpers import approve_signed
from rt58_helpers import (
    event_of,
    evil_key_for_liu,
    evil_signed_merge,
    switched_by_liu,
    unsigned_start,
)

from forge_helpers import merge


def _plain_merge(s):
    """GitHub's merge commit made by 赵磊: no trailers, no note, no signature."""
    return merge(s, 7, who="zhaolei")


def _octopus(s):
    """An octopus of cr-7 and an empty branch, by 赵磊, no evidence."""
    s.git.checkout("main")
    s.git.branch("cr-7b")
    s.git.commit("空", who="zhaolei")
    s.git.checkout("main")
    return s.git.merge_message(
        "Merge branches 'cr-7' and 'cr-7b'\n\n整理", "cr-7", "cr-7b", who="zhaolei"
    )


def _typed_non_approver(s):
    """A merge with typed trailers naming 王芳 (no config approver) as its approver."""
    return s.git.merge(
        "cr-7",
        "整理人员",
        who="zhaolei",
        approvers=("wangfang",),
        reviewers=("hewei",),
        platform="github",
        number=7,
    )


def _direct(s):
    """Control: the same change pushed directly (round 57 hole 2's fix: _Deriver.pushed)."""
    s.git.checkout("main")
    s.git.run("merge", "--ff-only", "-q", "cr-7", who="zhaolei")
    return s.git.head()


WAYS = {
    "plain-merge": _plain_merge,
    "octopus": _octopus,
    "typed-non-approver": _typed_non_approver,
}


def _attack(tmp_path, way):
    s, _, _ = unsigned_start(tmp_path)
    evil, evil_pub = evil_key_for_liu(s, tmp_path, 7)
    landed = way(s)
    s.git.checkout("main")
    switch = switched_by_liu(s, 9)
    attack = evil_signed_merge(s, evil, 10)
    return s, evil_pub, landed, switch, attack


def test_control_a_direct_push_is_not_adopted_by_the_signed_switch(tmp_path):
    s, evil_pub, landed, switch, attack = _attack(tmp_path, _direct)
    assert not event_of(s, landed).approved
    assert "problem.DC516.adopts" in {p.key for p in event_of(s, switch).problems}
    assert evil_pub not in in_force_text(s)
    assert event_of(s, attack).signature.verified_for != "liujing"


@pytest.mark.parametrize("way", sorted(WAYS))
def test_a_signed_switch_adopts_a_change_merged_without_approval(tmp_path, way):
    s, evil_pub, landed, switch, attack = _attack(tmp_path, WAYS[way])
    landed_event, switch_event, attack_event = (event_of(s, x) for x in (landed, switch, attack))
    assert not landed_event.approved, "the attacker's merge itself is unapproved"
    assert evil_pub not in in_force_text(s) and attack_event.signature.verified_for != "liujing", (
        f"{way}: the merge that put 赵磊's key under 刘静 was never approved (problems "
        f"{[p.key for p in landed_event.problems]}) but is no direct push, so it is not in "
        f"_Deriver.pushed; 刘静's honest signed switch adopts it (its problems: "
        f"{[p.key for p in switch_event.problems]}, approved {switch_event.approved}). His own "
        f"merge is now signed as 刘静 (verified_for {attack_event.signature.verified_for!r}, "
        f"approved {attack_event.approved}, evidence {attack_event.evidence}) under "
        "require_signed"
    )


def test_control_approve_sign_refuses_the_switch_over_an_unapproved_merge(tmp_path):
    """``approve --sign`` compares main's file with ``History.in_force_files`` and so refuses
    the switch whichever way the change reached main: only the hand-signed merge the README
    allows ("or a merge its approver signs") is left, and only history can refuse that."""
    s, _, _ = unsigned_start(tmp_path)
    evil_key_for_liu(s, tmp_path, 7)
    landed = _plain_merge(s)
    s.git.checkout("main")
    switch_on(s, 9)
    result, tip = approve_signed(s, "cr-9")
    assert result.returncode == 1 and tip == landed, result.stdout
