"""Round 19's finding 1 (a stale edit of a document main withdrew brings it back) was fixed
through the id the merged version claims: a document main no longer holds is judged by
whether a merge base holds it under that id. A stale branch that also renumbers the document
(and moves it, as a renumbering usually does) claims an id main never held: ``undoable()``
finds nothing at its path (the merge adds it), nothing under its id, and no document the
merge deletes (main deleted it before) — nothing is judged, and the withdrawn text is back
in force as a "new" document."""

from __future__ import annotations

from rt20_helpers import (
    DOC_B,
    approve_ok,
    both_runs,
    bump_at,
    event_docs,
    git,
    take_conflicted,
    trail_json,
    two_doc_scenario,
)

C = "docs/procedures/c.md"


def _withdrawn_and_renumbered(s, new_id):
    """赵磊's cr-b (from M0) moves SM-P-02 b.md → c.md, gives it ``new_id`` and bumps it to
    V1.1 (a new 目的); 周强's cr-w withdraws SM-P-02 (deletes b.md), approved by approve."""
    s.git.branch("cr-b", "main")
    git(s, "mv", DOC_B, C)
    bump_at(
        s, C, "V1.0", "V1.1", "id: SM-P-02", f"id: {new_id}", "目的的内容（乙）。", "修订的目的。"
    )
    s.git.commit("cr-b: SM-P-02 迁移、改编号", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    approve_ok(s, "cr-w")
    # what a reviewer of cr-b sees: a move and edit of SM-P-02, never its reinstatement
    reviewed = git(s, "diff", "-M", "--name-status", "main...cr-b").stdout.split()
    assert reviewed[0].startswith("R") and reviewed[1:] == [DOC_B, C], reviewed


def test_a_stale_renumbering_of_a_withdrawn_document_does_not_bring_it_back(tmp_path):
    """FINDING (false negative: an approved withdrawal undone, fresh and cached). Steps: main
    holds SM-P-01 and SM-P-02 (b.md). 赵磊's cr-b (from M0) moves SM-P-02 to c.md, renumbers it
    SM-P-03 and bumps it to V1.1 (a new 目的); the reviewed diff main...cr-b is R091 b.md →
    c.md. 周强's withdrawal of SM-P-02 (b.md deleted) is approved with approve. 刘静 merges cr-b:
    git stops on the rename/delete conflict; she keeps cr-b's c.md.
    What happened: the withdrawn procedure's text is in force again as SM-P-03 V1.1, an
    approved new document, with no problem, fresh or cached. The merge only adds c.md; the
    claimed SM-P-03 was never held; the merge deletes nothing (main deleted b.md earlier),
    so no ``moved`` pairing is tried either.
    Why it matters: the same story keeping SM-P-02 is DC522 since round 19 (finding 1,
    second test: the claimed id is withdrawn on main and a merge base holds it); changing
    the id line in the same branch turns the check off. The reviewed diff showed a move and
    renumbering of SM-P-02, never that a withdrawn procedure comes back.
    Safe behaviour: DC522 — for a version the merge adds, judge also the document the merged
    side's own diff (merge base → branch) moved to this path (git's rename from the base),
    as main holds it now: withdrawn, so the version undoes the withdrawal."""
    s = two_doc_scenario(tmp_path)
    _withdrawn_and_renumbered(s, "SM-P-03")
    trail_json(s)  # a cache, as approve leaves one
    m = take_conflicted(s, "cr-b", C)
    assert git(s, "diff", "--name-status", "HEAD^", "HEAD").stdout.split() == ["A", C]
    docs, approved = event_docs(s, m)
    assert docs == [("SM-P-03", "V1.1", "approval")] and not approved, docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_the_same_keeping_the_id_is_stale(tmp_path):
    """HELD (control, round 19's fix). The same stale move keeping SM-P-02: DC522, fresh and
    cached."""
    s = two_doc_scenario(tmp_path)
    _withdrawn_and_renumbered(s, "SM-P-02")
    trail_json(s)
    m = take_conflicted(s, "cr-b", C)
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_a_stale_branch_adding_a_new_procedure_after_a_withdrawal_is_no_dc522(tmp_path):
    """HELD (control for the fix, session 18). cr-b (from M0, before SM-P-02's withdrawal)
    adds a new procedure SM-P-05 of its own at c.md; main withdraws SM-P-02 meanwhile. The
    merge adds c.md, which no diff moved from b.md: no DC522, with and without the cache."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    import re

    from rt16_helpers import SOON

    from builders import procedure

    text = procedure(doc_id="SM-P-05", title="新程序").replace("的内容。", "（新程序）的内容。")
    text = re.sub(r"effective_date: \S+", f"effective_date: {SOON}", text, count=1)
    (s.root / C).write_text(text, encoding="utf-8")
    s.git.commit("cr-b: 新程序 SM-P-05", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    approve_ok(s, "cr-w")
    approve_ok(s, "cr-b")
    m = git(s, "rev-parse", "main").stdout.strip()
    docs, approved = event_docs(s, m)
    assert docs == [("SM-P-05", "V1.0", "approval")] and approved, docs
    cached, without = both_runs(s, m)
    assert "DC522" not in cached and "DC522" not in without, (cached, without)
