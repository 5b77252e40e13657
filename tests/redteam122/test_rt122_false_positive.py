"""Hole 5 (low): the blame round 121 added counts the writer of every line a change lands that
main did not hold at that path, however long ago an approval judged it. A GitFlow release (its
``develop`` released before, so its commits are ``unvouched``) in which 赵磊 moves a baseline
paragraph of 王芳's from SM-P-01 into his new SM-P-09 names 王芳, the reviewer, as a writer:
DC503 on both documents, and the honest release is not approved."""

from __future__ import annotations

from rt122_helpers import event_of, moved_in_a_release


def test_a_release_moving_judged_text_is_approved(scenario):
    s = scenario
    release = moved_in_a_release(s)
    event = event_of(s, release)
    names = sorted(p["name"] for p in event["authors"])
    codes = sorted({p["code"] for p in event["problems"]})
    # today: authors=[王芳, 赵磊], DC503 (and DC505) on SM-P-01 and SM-P-09, not approved
    assert event["approved"] and names == ["赵磊"], (names, codes)


def test_control_the_same_move_on_a_branch_never_released(scenario):
    s = scenario
    release = moved_in_a_release(s, released_before=False)
    event = event_of(s, release)
    names = sorted(p["name"] for p in event["authors"])
    assert event["approved"] and names == ["赵磊"], (names, event["problems"])
