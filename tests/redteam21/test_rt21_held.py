"""Ideas the pinned commit (8c7cbe5) handled (HELD: these pass)."""

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


def test_held_a_withdrawn_document_moved_in_one_commit_and_renumbered_in_another(tmp_path):
    """HELD (``moved_here`` over a branch of several commits). 赵磊's cr-b (from M0) moves
    SM-P-02 b.md → c.md in one commit, then renumbers it SM-P-03 and edits 目的 (V1.1) in
    another; 周强's withdrawal of SM-P-02 is approved; 刘静 merges cr-b by hand keeping c.md
    (rename/delete conflict). The reviewed diff (base → cr-b) is one rename: DC522, fresh and
    cached."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    git(s, "mv", DOC_B, C)
    s.git.commit("cr-b: 迁移", who="zhaolei")
    bump_at(
        s, C, "V1.0", "V1.1", "id: SM-P-02", "id: SM-P-03", "目的的内容（乙）。", "修订的目的。"
    )
    s.git.commit("cr-b: 改编号", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    approve_ok(s, "cr-w")
    trail_json(s)
    m = take_conflicted(s, "cr-b", C)
    docs, _ = event_docs(s, m)
    assert docs == [("SM-P-03", "V1.1", "approval")], docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_an_up_to_date_branch_after_the_withdrawal_is_not_accused(tmp_path):
    """HELD (no false positive; ``moved_here``'s quick path). After SM-P-02's approved
    withdrawal, 赵磊's up-to-date cr-n adds a new procedure SM-P-05 at c.md whose text starts
    from SM-P-02's last version (restored with `git show`, new id, new 目的); approve merges
    it: the reviewed diff shows the whole file, no DC522, fresh or cached."""
    s = two_doc_scenario(tmp_path)
    old = (s.root / DOC_B).read_text("utf-8")
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    approve_ok(s, "cr-w")
    s.git.branch("cr-n", "main")
    (s.root / C).write_text(old, "utf-8")
    bump_at(s, C, "V1.0", "V1.0", "id: SM-P-02", "id: SM-P-05", "目的的内容（乙）。", "新的目的。")
    s.git.commit("cr-n: 新程序 SM-P-05", who="zhaolei")
    s.git.checkout("main")
    trail_json(s)
    m = approve_ok(s, "cr-n")
    docs, approved = event_docs(s, m)
    cached, without = both_runs(s, m)
    assert (docs, approved, cached, without) == (
        [("SM-P-05", "V1.0", "approval")],
        True,
        [],
        [],
    )
