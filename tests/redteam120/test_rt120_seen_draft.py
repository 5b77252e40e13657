"""Hole 1: the approver's own draft commit, first merged into main's graph by a merge that
brings none of its text, is read as already merged when a later branch built on it brings the
text in. The history takes a merge's writers from the commits it newly brings into the graph
(``_Deriver.brought_in``, skipping every commit in ``seen``), so the approver is no writer of
her own text and her approval of it is clean: segregation of duties shown held when it is not,
for a document and for the rules (a self-approved doccontrol.yml comes into force)."""

from __future__ import annotations

import pytest
from rt120_helpers import (
    DRAFTER,
    HER_TEXT,
    HER_TITLE,
    PATHS,
    SELF_ON,
    event_of,
    her_text_via_a_noop_merge,
    log_json,
    trail_strict,
)

from gitrepo import PEOPLE

# SM-P-09 drafted by 刘静; her V1.1 of SM-P-01; 陈明远's doccontrol.yml lifting segregation
KINDS = ["new", "old", "config"]
DOC_OF = {"new": "SM-P-09", "old": "SM-P-01"}
MARK = {"new": HER_TITLE, "old": HER_TEXT, "config": SELF_ON}


def _names(people):
    return sorted(p["name"] for p in people)


def _self_approval_allowed(s) -> bool:
    """Whether the doccontrol.yml in force (as history has it) lifts segregation of duties."""
    blob = s.history().config_in_force
    return SELF_ON in s.git.run("cat-file", "blob", blob)


def _assert_refused(s, kind, approval):
    drafter = PEOPLE[DRAFTER[kind]][0]
    event = event_of(s, approval)
    assert drafter in _names(event["authors"]), event["authors"]
    assert "DC503" in {p["code"] for p in event["problems"]}
    assert not event["approved"]
    code, out = trail_strict(s)
    assert code != 0, out
    if kind == "config":
        assert not _self_approval_allowed(s)
    else:
        assert not log_json(s, DOC_OF[kind])[-1]["approved"]


@pytest.mark.parametrize("via", ["approve", "forge"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_draft_brought_in_later_is_still_its_writers(scenario, kind, via):
    s = scenario
    if via == "approve":
        # fixed (session 40): `approve` run by the drafter refuses, as history would judge it
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_text_via_a_noop_merge(s, kind, via=via)
        return
    draft, approval = her_text_via_a_noop_merge(s, kind, via=via)
    # the approved text is the drafter's: the draft commit wrote it, the approver drafted it
    assert MARK[kind] in s.git.run("show", f"{approval}:{PATHS[kind]}")
    assert s.git.run("log", "-1", "--format=%an", draft) == PEOPLE[DRAFTER[kind]][0]
    assert s.git.run("log", "-1", "--format=%an", approval) == PEOPLE[DRAFTER[kind]][0]
    # today: 更改人 赵磊 alone, 批准人 the drafter, approved, no problem, trail --strict 0;
    # for the rules, allow_self_approval: true is in force
    _assert_refused(s, kind, approval)


@pytest.mark.parametrize("kind", KINDS)
def test_control_a_draft_merged_straight_is_dc503(scenario, kind):
    """The same branch on the draft, with no no-op merge before it, merged by a forge with the
    drafter's approval typed: the drafter is a writer (DC503), nothing comes into force."""
    s = scenario
    _draft, approval = her_text_via_a_noop_merge(s, kind, noop=False, via="forge")
    _assert_refused(s, kind, approval)


@pytest.mark.parametrize("kind", KINDS)
def test_held_approve_refuses_a_draft_merged_straight(scenario, kind):
    """Without the no-op merge, `doccontrol approve` run by the drafter refuses: a commit on
    the branch is theirs (in the hole, their commit is not in main..feat, so it merges)."""
    with pytest.raises(AssertionError, match="segregation of duties"):
        her_text_via_a_noop_merge(scenario, kind, noop=False)


@pytest.mark.parametrize("kind", KINDS)
def test_what_the_attack_rests_on(scenario, kind):
    """The no-op merge changes nothing on main (its tree is its first parent's), so nothing is
    judged there; the draft commit is on main's graph before the approval, which is why it is
    neither in main..feat (`approve`) nor among the commits the approval brings in (history);
    and the approval's diff adds the drafter's text all the same."""
    s = scenario
    draft, approval = her_text_via_a_noop_merge(s, kind, via="forge")
    noop = s.git.run("rev-parse", f"{approval}^1")
    assert s.git.run("rev-parse", f"{noop}^{{tree}}") == s.git.run(
        "rev-parse", f"{noop}^1^{{tree}}"
    )
    assert s.git.attempt("merge-base", "--is-ancestor", draft, noop).returncode == 0
    brought = s.git.run("rev-list", f"{noop}..{approval}^2").split()
    assert draft not in brought and brought
    diff = s.git.run("diff", f"{noop}", approval, "--", PATHS[kind])
    assert MARK[kind] in diff
