"""Criss-cross history: main had merged an early commit (b1) of branch cr-b, and cr-b later
merged main's approval M1 (which added paragraph P) and then removed P. The approval merge of
cr-b has two merge bases, M1 and b1; git lists b1 first (the newer), so ``git diff
main...cr-b`` — the reviewed diff, and the base ``lacks()`` takes (``merge_bases()[:1]``) —
starts from b1, which never had P: the removal of P is in no reviewed diff. git's own merge
(a virtual base of M1 and b1, holding P) removes P cleanly, so approve merges it.

Without a cache the quick path (cr-b's merge commit has M1, main's last change, as a parent)
passes it; a run extending a cache (line_index does not know M1) takes the text path and says
DC522. The verdict depends on .git/doccontrol."""

from __future__ import annotations

from rt16_helpers import (
    DOC,
    approve,
    bump,
    fresh,
    git,
    hand_merge,
    head,
    make_scenario,
    problems,
    trail_json,
)


def _history(s, cache_before_approval):
    s.git.branch("cr-b", "main")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")  # cr-a adds paragraph P (approved: M1)
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n新增段落P。")
    s.git.commit("cr-a: P", who="zhouqiang")
    s.git.checkout("main")
    m1 = hand_merge(s, "cr-a")  # 刘静's approval merge (trailers), at the history's dates
    s.git.checkout("cr-b")  # b1: an unrelated commit on cr-b (still on M0), after M1
    (s.root / "notes.txt").write_text("b1\n", encoding="utf-8")
    s.git.commit("cr-b: notes", who="zhaolei")
    s.git.checkout("main")
    hand_merge(s, "cr-b")  # M2: main takes b1 — the criss-cross
    s.git.checkout("cr-b")  # cr-b merges M1 (P arrives), then drops P with its V1.2 edit
    s.git.run(
        "merge", "-q", "--no-ff", "-m", "merge main", m1, who="zhaolei", date=s.git.next_date()
    )
    bump(s, "V1.1", "V1.2", "\n\n新增段落P。", "", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    if cache_before_approval:
        trail_json(s)  # CI (or anyone) ran the trail here: .git/doccontrol holds the state
    bases = git(s, "merge-base", "--all", "main", "cr-b").stdout.split()
    assert len(bases) == 2, bases
    diff = git(s, "diff", "main...cr-b", "--", DOC).stdout
    assert "新增段落P" not in diff  # the reviewed diff never shows P's removal
    result, merged = approve(s, "cr-b", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr  # git removes P cleanly; approve merges
    assert "新增段落P" not in git(s, "show", f"main:{DOC}").stdout  # M1's P is gone from main
    return head(s)


def test_crisscross_verdict_is_the_same_with_and_without_the_cache(tmp_path):
    """FINDING (cache dependence). With a cache from a run before the approval: DC522; with
    .git/doccontrol removed: nothing. CI on a fresh clone and a user's local trail disagree."""
    s = make_scenario(tmp_path)
    m3 = _history(s, cache_before_approval=True)
    with_cache = problems(s, m3)
    fresh(s)
    without = problems(s, m3)
    assert with_cache == without, (with_cache, without)


def test_crisscross_removal_no_review_showed_is_stale(tmp_path):
    """FINDING (false negative through the quick path; fixed in session 18). A fresh run passes the merge that
    removed main's approved paragraph P although no reviewed diff (main...cr-b) showed the
    removal: left_after() trusts "a side commit's parent is at/after main's last change"
    while the merge base git (and the forge) diff from is b1, which never held P. Safe:
    DC522 (or the text judged against every merge base), the same with or without a cache."""
    s = make_scenario(tmp_path)
    m3 = _history(s, cache_before_approval=False)
    fresh(s)
    assert "DC522" in problems(s, m3)
