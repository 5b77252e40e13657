"""Round 126, hole 1: a merge on the line whose side (``git log M ^M^1 -- path``) names no
writer. 刘静 commits her SM-P-09 draft at ``drafts/p9.md`` on a branch (A), merges that branch
into main taking nothing (``-s ours``: A is in main's graph, the line never held the file, so
nothing is indexed), then merges a branch forked from A (one unrelated record commit) keeping
the draft the merge base held. The loose index takes the draft's units from that merge (M),
and asks ``git log M ^M^1 -- drafts/p9.md`` who wrote them: A is reachable from M^1, the
side's own commit did not touch the path, so nobody. She removes the draft, 赵磊 branches
afterwards and copies her text verbatim into SM-P-09 with one line of his own, and she
approves. Secure outcome: she is among the writers, DC503, not approved, `trail --strict`
fails, `log` shows V1.0 not approved, `approve` run by her refuses. Today: authors [赵磊],
no problem, approved, `trail --strict` 0, `approve` merges."""

from __future__ import annotations

import pytest
from rt122_helpers import site_names_her
from rt126_helpers import DRAFTER, her_draft_through_a_merge, verdict

from site_helpers import site_repo

VIAS = ["forge", "approve"]


def _judged(scenario, hidden: bool, via: str, touch: bool = False) -> None:
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_through_a_merge(scenario, hidden=hidden, via=via, touch=touch)
        return
    _draft, approval = her_draft_through_a_merge(scenario, hidden=hidden, via=via, touch=touch)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
def test_a_draft_merged_in_by_a_side_that_did_not_write_it_is_still_hers(scenario, via):
    _judged(scenario, True, via)


@pytest.mark.parametrize("via", VIAS)
def test_control_a_draft_merged_in_from_her_branch_is_hers(scenario, via):
    """The control: she merges her draft branch itself (the side's commit A wrote the file):
    the index names A, so her."""
    _judged(scenario, False, via)


@pytest.mark.parametrize("via", VIAS)
def test_held_a_side_that_touched_the_draft_names_her(scenario, via):
    """The same hidden history, but the side's own commit also edits the draft: ``git log M
    ^M^1 -- drafts/p9.md`` lists that commit, hers, and every unit of the file (first put on
    the line by M) owes it."""
    _judged(scenario, True, via, touch=True)


def _site(scenario, tmp_path, hidden: bool) -> None:
    s = site_repo(scenario)
    her_draft_through_a_merge(s, hidden=hidden)
    site_names_her(s, tmp_path / "site")


def test_the_site_shows_her_hidden_draft_as_approved_by_her(scenario, tmp_path):
    _site(scenario, tmp_path, True)


def test_control_the_site_shows_her_merged_draft_as_hers(scenario, tmp_path):
    _site(scenario, tmp_path, False)
