"""What held in round 18 (these pass on the pinned commit)."""

from __future__ import annotations

import re

from rt18_helpers import (
    DOC,
    DOC_B,
    P,
    add_p,
    all_codes,
    approve,
    bump,
    bump_at,
    fresh,
    git,
    head,
    make_scenario,
    take_merge,
    trail_json,
    two_doc_scenario,
)

MOVED = "docs/procedures/moved.md"


def test_held_stale_file_moved_on_the_branch_is_dc522_with_and_without_cache(tmp_path):
    """HELD. cr-b (from M0) bumps SM-P-01 to V1.2 and moves it to moved.md; P is approved on
    main meanwhile; the merger takes cr-b's moved.md (git records test.md → moved.md). DC522
    fresh and cached: lacks() reads the base at the old path."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    git(s, "mv", DOC, MOVED)
    s.git.commit("cr-b: V1.2，移动", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    trail_json(s)
    m = take_merge(s, "cr-b", MOVED)
    assert P not in git(s, "show", f"main:{MOVED}").stdout
    assert "DC522" in all_codes(s, m)
    fresh(s)
    assert "DC522" in all_codes(s, m)


def test_held_branch_updated_by_merging_main_is_no_dc522_with_and_without_cache(tmp_path):
    """HELD (no false accusation). cr-b (from M0) makes V1.2; P is approved on main; 赵磊
    merges main into cr-b (resolving the version line) and keeps P; approve merges cr-b. No
    DC522 on the run extending approve's cache, nor on a fresh run."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    m1 = add_p(s)
    s.git.checkout("cr-b")
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", m1, who="zhaolei")
    text = git(s, "show", f"{m1}:{DOC}").stdout
    ours = (s.root / DOC).read_text(encoding="utf-8")
    assert "<<<<<<<" in ours  # the version lines conflict
    text = text.replace("version: V1.1", "version: V1.2").replace("目的的内容。", "修订的目的。")
    date = re.search(r"effective_date: \S+", git(s, "show", f"HEAD:{DOC}").stdout).group(0)
    text = re.sub(r"effective_date: \S+", date, text, count=1)
    (s.root / DOC).write_text(text, encoding="utf-8")
    git(s, "add", DOC)
    s.git.run("commit", "-q", "-m", "merge main", who="zhaolei", date=s.git.next_date())
    s.git.checkout("main")
    result, merged = approve(s, "cr-b", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m = head(s)
    assert P in git(s, "show", f"main:{DOC}").stdout
    assert all_codes(s, m) == []
    fresh(s)
    assert all_codes(s, m) == []


def test_held_up_to_date_branch_swapping_two_documents_is_no_dc522(tmp_path):
    """HELD (control for the swap finding). After P's approval, cr-c swaps the two procedures'
    files (P goes along with SM-P-01 to b.md) and bumps SM-P-01 to V1.2; merged taking cr-c's
    files: nothing of main's is lost, no DC522 fresh or cached."""
    s = two_doc_scenario(tmp_path)
    add_p(s)
    s.git.branch("cr-c", "main")
    a, b = (s.root / DOC).read_text("utf-8"), (s.root / DOC_B).read_text("utf-8")
    (s.root / DOC).write_text(b, "utf-8")
    (s.root / DOC_B).write_text(a, "utf-8")
    bump_at(s, DOC_B, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-c: 对调", who="zhaolei")
    s.git.checkout("main")
    trail_json(s)
    m = take_merge(s, "cr-c", DOC, DOC_B)
    assert P in git(s, "show", f"main:{DOC_B}").stdout
    assert "DC522" not in all_codes(s, m)
    fresh(s)
    assert "DC522" not in all_codes(s, m)
