"""Round 121: round 120's fix (``_Deriver.untaken``, 4c1fd08) counts as writers of a merge
the commits of a fork an earlier merge brought into the line without its text. It asks only
about forks that are parents of the commits the merge brings (or its merged parents when it
brings none), only whether the earlier merge held the fork's version of each path the
approval changes, by path name. Each hole below brings the approver's own draft commit's text
into an approval she makes, with the history reading someone else as its only writer."""

from __future__ import annotations

import pytest
from rt121_helpers import (
    DRAFTER,
    HER_TEXT,
    HER_TITLE,
    NEW,
    PATHS,
    event_of,
    her_draft_in_an_octopus,
    her_draft_merged_before_control,
    her_draft_renamed_in,
    log_json,
    refused,
)

from gitrepo import PEOPLE

HER = PEOPLE[DRAFTER][0]
DOC_OF = {"new": "SM-P-09", "old": "SM-P-01"}


def _wrote(s, draft: str) -> None:
    """Her draft commit is hers, as git itself tells it."""
    assert s.git.run("log", "-1", "--format=%an", draft) == HER


# --- hole 1: the draft at another file name -------------------------------------------------


@pytest.mark.parametrize("via", ["forge", "approve"])
def test_a_draft_moved_to_its_name_is_still_hers(scenario, via):
    s = scenario
    if via == "approve":
        # fixed (session 40): `approve` run by the drafter refuses, as history would judge it
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_renamed_in(s, via=via)
        return
    draft, approval = her_draft_renamed_in(s, via=via)
    _wrote(s, draft)
    # git follows the file back to her draft commit: she wrote its text
    follow = s.git.run("log", "--follow", "--format=%H", approval, "--", NEW).split()
    assert draft in follow, follow
    assert HER_TEXT in s.git.run("show", f"{approval}:{NEW}")
    ok, said = refused(s, approval, "SM-P-09")
    # today: 更改人 赵磊 alone, 批准人 刘静, approved, no problem, trail --strict exits 0
    assert ok, said


def test_control_a_draft_moved_in_without_the_noop_merge(scenario):
    """The same branch (her draft at p9-draft.md, moved to p9.md by 赵磊) with no no-op merge
    before it: her draft commit is among what the approval brings in, DC503."""
    s = scenario
    _draft, approval = her_draft_renamed_in(s, noop=False)
    ok, said = refused(s, approval, "SM-P-09")
    assert ok, said


# --- hole 2: a draft merged (or committed) before control began ----------------------------


@pytest.mark.parametrize("how", ["merge", "direct"])
@pytest.mark.parametrize("kind", ["old", "new"])
def test_a_draft_taken_back_before_control_is_still_hers(scenario, kind, how):
    s = scenario
    draft, approval = her_draft_merged_before_control(s, kind, how)
    _wrote(s, draft)
    path = PATHS[kind]
    # main before the approval does not hold her text (reverted before control began); the
    # approval brings it back
    before = s.git.attempt("show", f"{approval}^1:{path}")
    assert HER_TEXT not in before.stdout
    assert HER_TEXT in s.git.run("show", f"{approval}:{path}")
    ok, said = refused(s, approval, DOC_OF[kind])
    # today: 更改人 赵磊 alone, 批准人 刘静, approved, no problem, trail --strict exits 0
    assert ok, said


@pytest.mark.parametrize("kind", ["old", "new"])
def test_control_a_draft_never_on_main_before(scenario, kind):
    """The same draft commit (dated before control) that never reached main: the branch built
    on it brings it in, DC503."""
    s = scenario
    _draft, approval = her_draft_merged_before_control(s, kind, taken=False)
    ok, said = refused(s, approval, DOC_OF[kind])
    assert ok, said


# --- hole 3: the draft commit as a parent of an octopus -------------------------------------


def test_a_draft_merged_as_an_octopus_parent_is_still_hers(scenario):
    s = scenario
    draft, approval = her_draft_in_an_octopus(s)
    _wrote(s, draft)
    assert draft in s.git.run("rev-list", "--parents", "-1", approval).split()
    # her draft's own version: no merger wrote it
    assert s.git.run("rev-parse", f"{approval}:{NEW}") == s.git.run("rev-parse", f"{draft}:{NEW}")
    ok, said = refused(s, approval, "SM-P-09")
    # today: 更改人 赵磊 alone, 批准人 刘静, approved, no problem, trail --strict exits 0
    assert ok, said


def test_control_an_octopus_with_a_draft_new_to_main(scenario):
    """The same octopus with her draft commit never merged before: it is among what the
    octopus brings in, DC503."""
    s = scenario
    _draft, approval = her_draft_in_an_octopus(s, noop=False)
    ok, said = refused(s, approval, "SM-P-09")
    assert ok, said


# --- what the holes show ---------------------------------------------------------------------


def test_what_the_holes_show(scenario):
    """Hole 1 as every output shows it since the fix (session 40): the trail's event and
    `log` name her beside 赵磊 as 更改人 of her SM-P-09 V1.0, and it is not approved (DC503)."""
    s = scenario
    _draft, approval = her_draft_renamed_in(s, via="forge")
    event = event_of(s, approval)
    assert sorted(p["name"] for p in event["authors"]) == sorted([HER, "赵磊"])
    assert [p["name"] for p in event["approvers"]] == [HER]
    revision = log_json(s, "SM-P-09")[-1]
    assert HER_TITLE in s.git.run("show", f"{approval}:{NEW}")
    assert revision["commit"] == approval
    assert sorted(p["name"] for p in revision["authors"]) == sorted([HER, "赵磊"])
    assert not revision["approved"]
    assert "DC503" in {p["code"] for p in revision["problems"]}
