"""What held in round 17 (these pass on 84349f0)."""

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


def _p_approved(s):
    s.git.branch("cr-b", "main")  # cr-b starts on V1.0, before P
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n新增段落P。")
    s.git.commit("cr-a: P", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    return head(s)


def test_held_merged_main_then_removed_the_paragraph_passes_with_and_without_cache(tmp_path):
    """HELD. cr-b merges main (P arrives) and then removes P in a commit of its own: the reviewed
    diff (main...cr-b, base M1) shows \"-新增段落P\". No DC522 — fresh run and cached run alike."""
    s = make_scenario(tmp_path)
    m1 = _p_approved(s)
    s.git.checkout("cr-b")
    s.git.run(
        "merge", "-q", "--no-ff", "-m", "merge main", m1, who="zhaolei", date=s.git.next_date()
    )
    bump(s, "V1.1", "V1.2", "\n\n新增段落P。", "", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: drop P", who="zhaolei")
    s.git.checkout("main")
    assert "-新增段落P" in git(s, "diff", "main...cr-b", "--", DOC).stdout
    trail_json(s)
    result, merged = approve(s, "cr-b", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m2 = head(s)
    assert problems(s, m2) == []  # extending the cache (text path)
    fresh(s)
    assert problems(s, m2) == []  # fresh (quick path)


def test_held_stale_whole_file_is_dc522_with_and_without_cache(tmp_path):
    """HELD. cr-b (still on V1.0) makes V1.2; the merger resolves the conflict by taking cr-b's
    whole file, undoing P: DC522 on a fresh run and on a run extending a cache."""
    s = make_scenario(tmp_path)
    _p_approved(s)
    s.git.checkout("cr-b")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    trail_json(s)
    m = hand_merge(s, "cr-b", take="cr-b")
    assert "DC522" in problems(s, m)
    fresh(s)
    assert "DC522" in problems(s, m)


def test_held_stale_file_differing_only_in_a_body_version_line_is_dc522(tmp_path):
    """HELD. main's approved change is a body line that starts with ``version:`` (only the
    front matter's lines are set aside): the stale branch's whole file, which lacks it, is
    DC522."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\nversion: 适用于第2版表格\n")
    s.git.commit("cr-a", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    s.git.checkout("cr-b")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b", who="zhaolei")
    s.git.checkout("main")
    m = hand_merge(s, "cr-b", take="cr-b")
    fresh(s)
    assert "DC522" in problems(s, m)


def test_held_an_up_to_date_branch_changing_the_id_is_no_dc522(tmp_path):
    """HELD (control for finding 3's fix). A branch made after P's approval renumbers the
    document (SM-P-01 → SM-P-09) and bumps it; it holds every approved line, so the merge
    undoes nothing: no DC522, fresh run and cached run alike."""
    s = make_scenario(tmp_path)
    _p_approved(s)
    s.git.branch("cr-c", "main")
    s.git.checkout("cr-c")
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。", "id: SM-P-01", "id: SM-P-09")
    s.git.commit("cr-c: renumber", who="zhaolei")
    s.git.checkout("main")
    trail_json(s)
    m = hand_merge(s, "cr-c")
    assert "DC522" not in problems(s, m)
    fresh(s)
    assert "DC522" not in problems(s, m)


def test_held_crisscross_keeping_the_paragraph_is_no_dc522(tmp_path):
    """HELD (control for finding 1's fix). The criss-cross of finding 1 (merge bases b1 and
    M1), but cr-b keeps P: judged against each merge base, it lacks nothing — no DC522, with
    and without the cache."""
    s = make_scenario(tmp_path)
    m1 = _p_approved(s)
    s.git.checkout("cr-b")
    (s.root / "notes.txt").write_text("b1\n", encoding="utf-8")
    s.git.commit("cr-b: notes", who="zhaolei")
    s.git.checkout("main")
    hand_merge(s, "cr-b")  # main takes b1
    s.git.checkout("cr-b")
    s.git.run(
        "merge", "-q", "--no-ff", "-m", "merge main", m1, who="zhaolei", date=s.git.next_date()
    )
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    assert len(git(s, "merge-base", "--all", "main", "cr-b").stdout.split()) == 2
    trail_json(s)
    result, merged = approve(s, "cr-b", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m = head(s)
    assert "新增段落P" in git(s, "show", f"main:{DOC}").stdout
    assert problems(s, m) == []
    fresh(s)
    assert problems(s, m) == []
