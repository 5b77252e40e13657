"""Round 122: round 121's fix counts, where a side forks from a commit no approval judged
(``unvouched``), the commits ``git blame -C`` gives the lines that land and the line did not
hold (``history/untaken.py``, ``new_text_writers``). Each hole brings the approver's own
unjudged change into an approval she (or he) makes while that question names someone else:
the change is a deletion (holes 1), her lines were copied or re-ended by a colleague (hole 2),
the fork is a line commit under control that changed nothing controlled (hole 3), or the
document's path holds a newline (hole 4). Every control is the same branch judged by the
commits it brings (no no-op merge, no line commit): DC503."""

from __future__ import annotations

import pytest
from rt122_helpers import (
    CONFIG_EDITS,
    DELETED,
    DRAFTER,
    GM,
    HER_TEXT,
    NEW,
    ODD,
    OLD,
    PEOPLE,
    TOOLS_CONTROLLED,
    UNCONTROLLED,
    her_deletion,
    her_draft_at_an_odd_path,
    her_draft_laundered,
    her_draft_on_the_line,
    squashed_deletion,
    verdict,
)

from history_helpers import make_scenario

HER = PEOPLE[DRAFTER][0]
REFUSED = "segregation of duties"  # what `approve` says when the one running it wrote the change


def _hers(s, draft: str, who: str = DRAFTER) -> None:
    """Her draft commit is hers, as git itself tells it."""
    assert s.git.run("log", "-1", "--format=%an", draft) == PEOPLE[who][0]


def _scenario(tmp_path, kind: str):
    return make_scenario(tmp_path, *CONFIG_EDITS) if kind == "config" else None


# --- hole 1: a deletion has no line to blame ------------------------------------------------


@pytest.mark.parametrize("via", ["forge", "approve"])
@pytest.mark.parametrize("kind", ["old", "config"])
def test_a_deletion_is_still_its_drafters(scenario, tmp_path, kind, via):
    s = _scenario(tmp_path / "config", kind) or scenario
    who = GM if kind == "config" else DRAFTER
    if via == "approve":
        # right: `approve` run by the drafter refuses, as history would judge it
        with pytest.raises(AssertionError, match=REFUSED):
            her_deletion(s, kind, via=via)
        return
    draft, approval = her_deletion(s, kind, via=via)
    _hers(s, draft, who)
    kept = True
    if kind == "old":
        # the approved V1.1 lacks the paragraph her commit deleted; main held it before
        assert DELETED.strip() in s.git.run("show", f"{approval}^1:{OLD}")
        assert DELETED.strip() not in s.git.run("show", f"{approval}:{OLD}")
    else:
        # right: the rules in force still control tools/ (the judge's own code)
        kept = TOOLS_CONTROLLED in s.git.run("cat-file", "-p", s.history().config_in_force)
    ok, said = verdict(s, approval, who, "SM-P-01" if kind == "old" else None)
    # today: authors=[赵磊], no problem, approved, trail --strict exits 0; for the rules,
    # tools/ is no longer controlled from the approval on
    assert ok and kept, f"tools/ still controlled: {kept}\n{said}"


@pytest.mark.parametrize("kind", ["old", "config"])
def test_control_a_deletion_brought_in_with_its_commit(scenario, tmp_path, kind):
    """The same branch with her draft commit never merged before: it is among what the
    approval brings in, DC503 (and `approve` refuses)."""
    s = _scenario(tmp_path / "config", kind) or scenario
    who = GM if kind == "config" else DRAFTER
    _draft, approval = her_deletion(s, kind, noop=False)
    ok, said = verdict(s, approval, who, "SM-P-01" if kind == "old" else None)
    assert ok, said


def test_a_squashed_deletion_is_still_hers(tmp_path):
    s, squash = squashed_deletion(tmp_path)
    event = {e.commit: e for e in s.history().events}[squash]
    codes = [p.code for p in event.problems]
    # today: approved, forge-api-signed, authors [赵磊]
    assert not event.approved and "DC503" in codes, (event.approved, event.authors, codes)


def test_control_a_squashed_deletion_new_to_main(tmp_path):
    s, squash = squashed_deletion(tmp_path, noop=False)
    event = {e.commit: e for e in s.history().events}[squash]
    codes = [p.code for p in event.problems]
    assert not event.approved and "DC503" in codes, (event.approved, event.authors, codes)


# --- hole 2: her lines copied, or re-ended, by a colleague ----------------------------------


@pytest.mark.parametrize("via", ["forge", "approve"])
@pytest.mark.parametrize("how", ["copy", "space"])
def test_a_laundered_draft_is_still_hers(scenario, how, via):
    s = scenario
    if via == "approve":
        with pytest.raises(AssertionError, match=REFUSED):
            her_draft_laundered(s, how, via=via)
        return
    draft, approval = her_draft_laundered(s, how, via=via)
    _hers(s, draft)
    # the approved text is hers (byte for byte for copy; but for the trailing spaces)
    landed = s.git.run("show", f"{approval}:{NEW}").replace(" \n", "\n").rstrip(" ")
    drafted = s.git.run(
        "show", f"{draft}:{NEW if how == 'space' else 'docs/procedures/p9-draft.md'}"
    )
    assert landed == drafted and HER_TEXT in landed
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("how", ["copy", "space"])
def test_control_a_laundered_draft_brought_in_with_its_commit(scenario, how):
    s = scenario
    _draft, approval = her_draft_laundered(s, how, noop=False)
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert ok, said


# --- hole 3: a draft on the line under control, at a path nothing controls -----------------


@pytest.mark.parametrize("via", ["forge", "approve"])
def test_a_draft_committed_on_the_line_is_still_hers(scenario, via):
    s = scenario
    if via == "approve":
        with pytest.raises(AssertionError, match=REFUSED):
            her_draft_on_the_line(s, via=via)
        return
    draft, approval = her_draft_on_the_line(s, via=via)
    _hers(s, draft)
    # her commit is on main's first-parent line, and git follows the file back to it
    assert draft in s.git.run("rev-list", "--first-parent", f"{approval}^1").split()
    follow = s.git.run("log", "--follow", "--format=%H", approval, "--", NEW).split()
    assert draft in follow, follow
    assert UNCONTROLLED not in s.git.run("ls-tree", "-r", "--name-only", f"{approval}^1")
    # and git blame (what the fix asks where it asks) names her for her lines
    blame = s.git.run("blame", "--porcelain", "-C", approval, "--", NEW)
    assert draft in blame
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    # today: authors=[赵磊], approved, no problem, trail --strict exits 0
    assert ok, said


def test_control_a_draft_on_a_branch_never_merged(scenario):
    s = scenario
    _draft, approval = her_draft_on_the_line(s, on_line=False)
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert ok, said


# --- hole 4: a document path holding a newline is never blamed -----------------------------


def test_a_draft_at_a_newline_path_is_still_hers(scenario):
    s = scenario
    draft, approval = her_draft_at_an_odd_path(s)
    _hers(s, draft)
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    # today: authors=[赵磊], approved, no problem, trail --strict exits 0
    assert ok, said


@pytest.mark.parametrize(("path", "noop"), [(NEW, True), (ODD, False)])
def test_control_a_plain_path_or_no_noop_merge(scenario, path, noop):
    """The same history at a plain path (blame runs: DC503), or at the newline path with her
    draft commit never merged before (it is brought in: DC503)."""
    s = scenario
    _draft, approval = her_draft_at_an_odd_path(s, path, noop=noop)
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert ok, said
