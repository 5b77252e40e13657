"""Ideas DC522 handled on the pinned commit (HELD: these pass)."""

from __future__ import annotations

from rt20_helpers import (
    DOC,
    DOC_B,
    P,
    add_p,
    approve_ok,
    both_runs,
    bump,
    commit_merge_as,
    event_docs,
    git,
    make_scenario,
    trail_json,
    two_doc_scenario,
)


def test_held_a_branch_updated_by_merging_main_is_not_accused(tmp_path):
    """HELD (no false positive). 赵磊's cr-b (from M0) edits 目的 (V1.2); P is approved on main;
    赵磊 brings cr-b up to date with `git merge main`, resolving the version conflict by
    keeping P and his 目的; approve merges cr-b. No DC522, fresh or cached, and V1.2 (with
    P) is approved."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    s.git.checkout("cr-b")
    tried = s.git.attempt("merge", "-q", "--no-edit", "main", who="zhaolei")
    assert tried.returncode != 0  # the version lines conflict
    text = (s.root / DOC).read_text("utf-8")
    assert "<<<<<<<" in text
    git(s, "checkout", "main", "--", DOC)
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    git(s, "add", DOC)
    s.git.run("commit", "-q", "--no-edit", who="zhaolei", date=s.git.next_date())
    s.git.checkout("main")
    trail_json(s)
    m = approve_ok(s, "cr-b")
    assert P in (s.root / DOC).read_text("utf-8")
    docs, approved = event_docs(s, m)
    cached, without = both_runs(s, m)
    assert (cached, without, approved) == ([], [], True), docs


def test_held_an_up_to_date_withdrawal_is_not_accused(tmp_path):
    """HELD (no false positive). P approved for SM-P-01; 周强's up-to-date cr-w withdraws
    SM-P-02 (b.md deleted) and edits nothing else; approve merges it: an approved withdrawal,
    no problem, fresh or cached."""
    s = two_doc_scenario(tmp_path)
    add_p(s)
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    trail_json(s)
    m = approve_ok(s, "cr-w")
    docs, approved = event_docs(s, m)
    cached, without = both_runs(s, m)
    assert docs == [("SM-P-02", "V1.0", "withdrawal")] and approved
    assert (cached, without) == ([], [])


def test_held_the_approver_touching_up_a_stale_file_is_blocked(tmp_path):
    """HELD (the "merger wrote it" escape). cr-b (from M0, V1.2) is stale against P; 刘静
    merges it taking cr-b's file and adds a trailing blank line (so no merged side holds
    the merge's version: ``lacks()`` says "the merger wrote it"). She becomes an author of
    her own approval: DC503, and V1.2 is not approved, fresh or cached."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    trail_json(s)
    tried = s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-b", who="liujing")
    assert tried.returncode != 0
    git(s, "checkout", "cr-b", "--", DOC)
    path = s.root / DOC
    path.write_text(path.read_text("utf-8") + "\n", "utf-8")
    git(s, "add", DOC)
    m = commit_merge_as(s, "cr-b")
    assert P not in path.read_text("utf-8")
    _, approved = event_docs(s, m)
    cached, without = both_runs(s, m)
    assert not approved
    assert "DC503" in cached and "DC503" in without, (cached, without)
