"""HELD: DC522 verdicts that came out right on 08ea729, fresh and continuing from the cache."""

from __future__ import annotations

from rt16_helpers import (
    DOC,
    MSG,
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

NEW = "docs/procedures/test-renamed.md"


def _approved_v11(s, cache=True):
    """cr-1 (周强) makes V1.1 (适用范围, the approved text); approve merges it (刘静)."""
    s.git.branch("cr-1", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围：全公司（已批准）。")
    s.git.commit("cr-1: 适用范围", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-1", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    if cache:
        trail_json(s)  # a cache at M1
    return head(s)


def both_ways(s, sha):
    cached = problems(s, sha)
    fresh(s)
    derived = problems(s, sha)
    assert cached == derived, (cached, derived)
    return derived


def test_held_a_branch_merged_twice_is_not_stale(tmp_path):
    """HELD. cr-1 is approved (V1.1), then goes on to V1.2 and is approved again: no DC522,
    with and without the cache."""
    s = make_scenario(tmp_path)
    _approved_v11(s)
    s.git.checkout("cr-1")
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-1: 目的", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-1", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    assert both_ways(s, head(s)) == []


def test_held_a_branch_rebased_onto_the_approval_is_not_stale(tmp_path):
    """HELD. cr-2 started before V1.1's approval and was rebased onto main after it (its
    conflict resolved keeping both texts): no DC522, with and without the cache."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-2", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-2: 目的", who="zhaolei")
    s.git.checkout("main")
    _approved_v11(s)
    s.git.checkout("cr-2")
    s.git.attempt("rebase", "-q", "main", who="zhaolei")
    text = (s.root / DOC).read_text(encoding="utf-8")
    assert "<<<<<<<" in text  # the version line conflicts
    (s.root / DOC).write_text(
        git(s, "show", f"main:{DOC}")
        .stdout.replace("version: V1.1", "version: V1.2")
        .replace("目的的内容。", "修订的目的。"),
        encoding="utf-8",
    )
    git(s, "add", DOC)
    s.git.run("-c", "core.editor=true", "rebase", "--continue", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-2", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    assert both_ways(s, head(s)) == []


def test_held_a_stale_branch_that_merged_an_older_main_is_stale(tmp_path):
    """HELD. cr-2 merged main *before* V1.1's approval; taking its whole file after V1.1 is
    approved drops V1.1's text: DC522, with and without the cache."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-2", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-2: 目的", who="zhaolei")
    s.git.checkout("main")
    (s.root / "notes.txt").write_text("main moves on\n", encoding="utf-8")
    s.git.commit("notes", who="wangfang")
    s.git.checkout("cr-2")
    s.git.run("merge", "-q", "--no-edit", "main", who="zhaolei", date=s.git.next_date())
    s.git.checkout("main")
    _approved_v11(s)
    m2 = hand_merge(s, "cr-2", take="cr-2")
    assert "已批准" not in git(s, "show", f"main:{DOC}").stdout
    assert "DC522" in both_ways(s, m2)


def test_held_a_stale_branch_that_renamed_the_document_is_stale(tmp_path):
    """HELD. cr-2 (from before V1.1) renames the document and makes V1.2; the merge is resolved
    with cr-2's whole file at the new path, dropping V1.1's text: DC522 on either run."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-2", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    git(s, "mv", DOC, NEW)
    s.git.commit("cr-2: 目的, renamed", who="zhaolei")
    s.git.checkout("main")
    _approved_v11(s)
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-2", who="liujing")
    git(s, "checkout", "cr-2", "--", NEW)
    git(s, "rm", "-q", "--cached", "--ignore-unmatch", DOC)
    git(s, "add", NEW)
    (s.root / DOC).unlink(missing_ok=True)
    s.git.run("commit", "-q", "-m", MSG.format("cr-2"), who="liujing", date=s.git.next_date())
    m2 = head(s)
    assert "已批准" not in git(s, "show", f"main:{NEW}").stdout
    assert "DC522" in both_ways(s, m2)
