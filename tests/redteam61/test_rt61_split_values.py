"""Round 61, question 1, hole 1: history judges a merge by ``identities.trailers(
commit.trailers)``, and that reads trailer_block's one-trailer-per-line text with
``str.splitlines()``. A trailer value holding CR, VT, FF, FS/GS/RS, NEL or U+2028/U+2029 is one
trailer to git (its parser breaks lines at LF alone) but two or more to history: a second
``Approved-by:`` hidden inside a ``Reviewed-by:`` value approves the merge, while git (``git log
--format=%(trailers)``, ``git interpret-trailers --parse``, a forge's trailer view) shows no
approver at all."""

from __future__ import annotations

import pytest
from rt57_helpers import event_of
from rt61_helpers import LINE_BREAKS, LIU, WANG, git_log

from history_helpers import make_scenario


def _hidden_approval_merge(s, between: str) -> str:
    """赵磊's change, merged by 赵磊 himself; the last paragraph is one ``Reviewed-by`` trailer
    (to git) whose value goes on, after ``between``, with ``Approved-by: 刘静``."""
    s.git.branch("cr-1")
    s.files.doc(version="V1.1")
    s.git.commit("变更", who="zhaolei")
    s.git.checkout("main")
    return s.git.merge_message(
        f"Merge branch 'cr-1' into 'main'\n\n变更\n\nSee merge request it/sms!1\n\n"
        f"Reviewed-by: {WANG}{between}Approved-by: {LIU}",
        "cr-1",
        who="zhaolei",
    )


@pytest.mark.parametrize("between", LINE_BREAKS, ids=[f"U+{ord(c):04X}" for c in LINE_BREAKS])
def test_an_approval_hidden_in_a_reviewer_value_approves(tmp_path, between):
    s = make_scenario(tmp_path)
    merged = _hidden_approval_merge(s, between)
    # git reads one trailer: a reviewer, no approver
    keys = git_log(
        s.root,
        "-1",
        merged,
        "--format=%(trailers:only,unfold,separator=%x00,key_value_separator=%x01)",
    )
    assert [t.split("\x01")[0] for t in keys.strip("\n").split("\x00") if t] == ["Reviewed-by"]
    assert git_log(s.root, "-1", merged, "--format=%(trailers:key=Approved-by)").strip() == ""
    event = event_of(s, merged)
    assert not event.approved and not event.approvers, (
        f"git reads no Approved-by trailer in {merged[:10]}, only a Reviewed-by whose value "
        f"holds {between!r}; history splits that value with str.splitlines() "
        f"(identities.trailers) and counts 刘静 as approver: approvers="
        f"{[p.name for p in event.approvers]}, approved={event.approved}"
    )


def test_control_the_same_trailers_on_their_own_lines_approve(tmp_path):
    s = make_scenario(tmp_path)
    merged = _hidden_approval_merge(s, "\n")
    assert "刘静" in git_log(s.root, "-1", merged, "--format=%(trailers:key=Approved-by)")
    event = event_of(s, merged)
    assert event.approved and [p.name for p in event.approvers] == ["刘静"]
