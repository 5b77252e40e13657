"""An approved withdrawal is main's approved state of a document too: a stale branch that
edits the document (its diff shows an edit, V1.0 → V1.1) brings it back when the merge's
modify/delete conflict is resolved by taking the branch's file. ``stale()`` judges the version
against what main held at the path (nothing: ``change.old_blob`` is None, so no judgement) and
against the claimed document wherever main held it — but its path is the merge's own path
(``claimed_path in (old_path, new_path)``) or main holds no file there (``read_file_at`` is
None): nothing is judged, and the withdrawn document is in force again with no problem."""

from __future__ import annotations

from rt19_helpers import (
    DOC_B,
    approve,
    both_runs,
    bump_at,
    event_docs,
    git,
    head,
    take_conflicted,
    trail_json,
    two_doc_scenario,
)

MOVED_B = "docs/procedures/b2.md"


def _withdrawn_on_main(s, move=False):
    """赵磊's cr-b (from M0) bumps SM-P-02 to V1.1 (a new 目的), at b.md or, with ``move``,
    moved to b2.md; 周强's cr-w withdraws SM-P-02 (deletes b.md), approved by approve."""
    s.git.branch("cr-b", "main")
    if move:
        git(s, "mv", DOC_B, MOVED_B)
    bump_at(s, MOVED_B if move else DOC_B, "V1.0", "V1.1", "目的的内容（乙）。", "修订的目的。")
    s.git.commit("cr-b: SM-P-02 V1.1", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-w", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    withdrawal = head(s)
    # what a reviewer of cr-b sees: an edit of SM-P-02, never that it comes back into force
    status = git(s, "diff", "-M", "--name-status", "main...cr-b").stdout
    assert status.startswith("R" if move else "M"), status
    return withdrawal


def test_a_stale_edit_of_a_withdrawn_document_does_not_bring_it_back(tmp_path):
    """FINDING (false negative: an approved withdrawal undone, fresh and cached). Steps: main
    holds SM-P-01 (test.md) and SM-P-02 (b.md). 赵磊's cr-b (from M0) bumps SM-P-02 to V1.1.
    周强's cr-w withdraws SM-P-02 (deletes b.md), approved by 刘静 with approve. 刘静 merges
    cr-b by hand: git stops on the modify/delete conflict ("b.md deleted in HEAD and modified
    in cr-b"); she resolves it by taking cr-b's file, as DC522's own case (a conflict resolved
    by taking the branch's file). What happened: SM-P-02 V1.1 is approved and in force again;
    the event has no problem, fresh or cached (the withdrawal approved before stays in the
    record as if superseded). The reviewed diff (main...cr-b) showed an edit of SM-P-02, never
    its reinstatement. Why it matters: an approved withdrawal (the document no longer applies)
    is undone with nothing in the trail; an obsolete procedure is back in force. Safe
    behaviour: DC522 (the merged version lacks what main held: main's approved state of the
    document is "withdrawn" since after the branch left), so V1.1 does not take effect."""
    s = two_doc_scenario(tmp_path)
    _withdrawn_on_main(s)
    trail_json(s)  # a cache, as approve leaves one
    m = take_conflicted(s, "cr-b", DOC_B)
    assert (s.root / DOC_B).exists()
    docs, _ = event_docs(s, m)
    assert docs == [("SM-P-02", "V1.1", "approval")], docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_a_stale_move_and_edit_of_a_withdrawn_document_does_not_bring_it_back(tmp_path):
    """FINDING (same, through a move). Steps: as above, but cr-b also moves SM-P-02 to b2.md
    (git records b.md → b2.md). git stops on the rename/delete conflict; the merger takes
    cr-b's b2.md. What happened: SM-P-02 V1.1 is in force at b2.md, no problem fresh or
    cached: the claimed document's path (b.md) holds no file on main (``read_file_at`` None),
    so nothing is judged. Safe behaviour: DC522."""
    s = two_doc_scenario(tmp_path)
    _withdrawn_on_main(s, move=True)
    trail_json(s)
    m = take_conflicted(s, "cr-b", MOVED_B)
    assert (s.root / MOVED_B).exists() and not (s.root / DOC_B).exists()
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)
