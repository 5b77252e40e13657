"""Round 124, holes 1 and 2: 刘静's SM-P-09 draft stands on main at a path nothing controls
(a line commit no approval judged) when 赵磊's honest SM-P-08 branch leaves main; she
approves SM-P-08 and takes her draft back on main. 赵磊's next branch forks from that approval
(the tip it merged: hole 1; the approval merge itself: hole 2), copies or moves her draft into
SM-P-09 with one line changed, and she approves it. No approval ever judged her text, and no
approval carried it onto main (round 123's open hole 2 is not needed). Secure outcome: she is
among the writers, DC503, not approved, `trail --strict` fails, `log SM-P-09` shows V1.0 not
approved, and `approve` run by her refuses. Today: authors [赵磊], no problem, approved,
`trail --strict` 0, and `approve` merges."""

from __future__ import annotations

import pytest
from rt124_helpers import DRAFTER, her_draft_beside_an_approval, verdict

VIAS = [("copy", "forge"), ("move", "forge"), ("copy", "approve")]


def _judged(scenario, fork, how, via, sync=False):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_beside_an_approval(scenario, fork=fork, how=how, via=via, sync=sync)
        return
    _draft, approval = her_draft_beside_an_approval(
        scenario, fork=fork, how=how, via=via, sync=sync
    )
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize(("how", "via"), VIAS)
def test_a_draft_under_an_approved_tip_is_still_hers(scenario, how, via):
    _judged(scenario, "tip", how, via)


@pytest.mark.parametrize("via", ["forge", "approve"])
def test_a_draft_under_an_approved_tip_synced_with_main_is_still_hers(scenario, via):
    """赵磊 merges main into ``feat`` before she approves: main's tip is the approval of
    SM-P-08 (an event, vouched), so the new fork asks nothing either."""
    _judged(scenario, "tip", "copy", via, sync=True)


@pytest.mark.parametrize(("how", "via"), VIAS)
def test_a_draft_beside_an_approval_on_the_line_is_still_hers(scenario, how, via):
    _judged(scenario, "merge", how, via)


@pytest.mark.parametrize(("how", "via"), VIAS)
def test_control_the_same_draft_forked_from_her_commit(scenario, how, via):
    """The same history, 赵磊's branch forking from her line commit instead: blame names
    her (``move`` conflicts for `approve`, so its variant copies)."""
    _judged(scenario, "draft", how, via)


def test_held_a_branch_that_merges_main_after_she_took_it_back(scenario):
    """Hole 2 needs ``feat`` not to merge main while main's tip is her deletion: merged, its
    side also forks from that line commit no approval judged, and blame -C -C finds the copy
    in the tree of the commit that made SM-P-09 (hole 1 survives this: there main's tip is
    the approval itself, see ``[sync]`` above)."""
    _draft, approval = her_draft_beside_an_approval(scenario, fork="merge", sync=True)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said
