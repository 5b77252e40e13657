"""Round 123, holes 1 to 3: the drafter's SM-P-09 reaches main's graph at a path nothing
controls through a commit that is no approval of it (a plain merge that took it, an approval
of doccontrol.yml that carried it, a line commit judged only by blame), is taken back on main,
and a colleague's branch forking from there brings her text into the document; she approves.
Secure outcome: she is among the change's writers, DC503, not approved, `trail --strict`
fails, `log SM-P-09` shows the version not approved, and `approve` refuses. Today: authors
[赵磊], no problem, approved, `trail --strict` 0, and `approve` run by her merges."""

from __future__ import annotations

import pytest
from rt123_helpers import (
    DRAFTER,
    her_draft_copied_from_the_line,
    her_draft_in_an_approval,
    her_draft_taken_by_a_plain_merge,
    verdict,
)

VIAS = [("copy", "forge"), ("copy", "approve"), ("move", "forge")]


@pytest.mark.parametrize(("how", "via"), VIAS)
def test_a_draft_a_plain_merge_took_is_still_hers(scenario, how, via):
    """Fixed (session 40): a merge that approved nothing took no text."""
    if via == "approve":  # run by the drafter, it refuses as history judges it
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_taken_by_a_plain_merge(scenario, how=how, via=via)
        return
    _draft, approval = her_draft_taken_by_a_plain_merge(scenario, how=how, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("how", ["copy", "move"])
def test_control_a_draft_on_a_branch_never_merged(scenario, how):
    _draft, approval = her_draft_taken_by_a_plain_merge(scenario, merged=False, how=how)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("fork", ["approval", "draft"])
@pytest.mark.parametrize(("how", "via"), VIAS)
def test_a_draft_an_approval_of_the_rules_carried_is_still_hers(scenario, how, via, fork):
    """Fixed (session 41): an approval vouches only for the paths it judged; a fork it made,
    or took whole, owes the commits that wrote at the others the lines that land in a
    document (``ApprovalEvent.unjudged``, ``untaken.carried_writers``)."""
    if via == "approve":  # run by the drafter, it refuses as history judges it
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_in_an_approval(scenario, how=how, via=via, fork=fork)
        return
    _draft, approval = her_draft_in_an_approval(scenario, how=how, via=via, fork=fork)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


def test_control_the_same_commit_never_merged(scenario):
    _draft, approval = her_draft_in_an_approval(scenario, in_line=False)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("line", ["direct", "merge"])
@pytest.mark.parametrize("via", ["forge", "approve"])
def test_a_draft_copied_from_a_line_commit_is_still_hers(scenario, line, via):
    """Fixed (session 40): blame -C -C finds the copy from any file of the commit's parent;
    lines any document held before are nobody's new text (no heading names its first
    writer)."""
    if via == "approve":  # run by the drafter, it refuses as history judges it
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_copied_from_the_line(scenario, line=line, via=via)
        return
    _draft, approval = her_draft_copied_from_the_line(scenario, line=line, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("line", ["direct", "merge"])
def test_control_a_draft_moved_from_a_line_commit(scenario, line):
    _draft, approval = her_draft_copied_from_the_line(scenario, line=line, how="move")
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said
