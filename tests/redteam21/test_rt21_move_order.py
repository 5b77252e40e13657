"""An honest move-and-rewrite (git: A new path + D old path, below 50% similar) is applied in
git's path order. Since 8c7cbe5, a new path sorting *before* the old one gives one approval
(the deletion is skipped: the same commit placed the document elsewhere); a new path sorting
*after* it still applies the deletion first, so the trail records an approved withdrawal of
the in-force version and then a new version — the same reviewed change, told two ways."""

from __future__ import annotations

from rt20_helpers import (
    DOC,
    add_p,
    approve_ok,
    bump_at,
    event_docs,
    git,
    make_scenario,
    rewrite_body,
)

NEW = "docs/procedures/new.md"  # sorts before test.md
LATER = "docs/procedures/zz.md"  # sorts after test.md


def _moved_and_rewritten(s, path):
    """P approved (V1.1); 赵磊's up-to-date cr-b moves SM-P-01 test.md → ``path``, rewrites every
    section (V2.0, id kept); approve merges it. Returns the event's documents."""
    add_p(s)
    s.git.branch("cr-b", "main")
    git(s, "mv", DOC, path)
    bump_at(s, path, "V1.1", "V2.0")
    rewrite_body(s, path)
    s.git.commit("cr-b: 全面改写并迁移", who="zhaolei")
    s.git.checkout("main")
    m = approve_ok(s, "cr-b")
    listed = git(s, "diff", "-M", "--name-status", "HEAD^", "HEAD").stdout.split()
    assert sorted(listed[0::2]) == ["A", "D"], listed  # git pairs no rename
    return event_docs(s, m)


def test_a_move_to_a_later_path_is_no_withdrawal(tmp_path):
    """FINDING (false record of an honest workflow; order-dependent). Steps: SM-P-01 V1.1 in
    force. 赵磊's up-to-date cr-b moves it test.md → zz.md, keeps the id, rewrites every
    section (V2.0); `approve` merges it (git: D test.md + A zz.md).
    What happened: the event records **SM-P-01 V1.1 withdrawal** (approved) and SM-P-01 V2.0
    approval. The same change to new.md (control below) records only the approval. The
    deletion of test.md is applied before zz.md's addition, so ``apply()``'s new rule (skip
    a deletion when the same commit placed the document elsewhere) cannot see it yet.
    Why it matters: the trail and the document's history say an in-force procedure was
    withdrawn by an approval nobody meant as one; what the record says depends on whether
    the new file name sorts before or after the old one.
    Safe behaviour: one approval of SM-P-01 V2.0, no withdrawal (deletions of a document
    judged after the commit's additions, as for new.md)."""
    s = make_scenario(tmp_path)
    docs, approved = _moved_and_rewritten(s, LATER)
    assert approved
    assert docs == [("SM-P-01", "V2.0", "approval")], docs


def test_held_a_move_to_an_earlier_path_is_one_approval(tmp_path):
    """HELD (control, 8c7cbe5's fix): the same move to new.md is one approval of V2.0."""
    s = make_scenario(tmp_path)
    docs, approved = _moved_and_rewritten(s, NEW)
    assert approved
    assert docs == [("SM-P-01", "V2.0", "approval")], docs
