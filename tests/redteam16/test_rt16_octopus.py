"""An octopus approval: contains() takes a branch holding *any* of the octopus's merged sides as
holding the approved version, and, from a cached state, asks git only about its second parent."""

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


def _octopus(s, first, second):
    """cr-a makes V1.1 (适用范围, the approved text); cr-b adds an unrelated file. 刘静 merges
    both in one octopus merge, sides in the order given; trail: approved."""
    s.git.branch("cr-a", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围：全公司（已批准）。")
    s.git.commit("cr-a: 适用范围", who="zhaolei")
    s.git.branch("cr-b", "main")
    (s.root / "notes.txt").write_text("unrelated\n", encoding="utf-8")
    s.git.commit("cr-b: notes", who="zhouqiang")
    s.git.checkout("main")
    m1 = hand_merge(s, first, second)
    assert len(git(s, "rev-list", "--parents", "-1", m1).stdout.split()) == 4  # an octopus
    assert problems(s, m1) == [], trail_json(s)
    return m1


def test_a_stale_branch_holding_only_the_other_side_of_an_octopus_is_stale(tmp_path):
    """FINDING (false negative). The octopus M1 merged cr-a (the document's V1.1) and cr-b (an
    unrelated file). 周强's cr-2 started from cr-b's tip, so it never held V1.1; it makes V1.2
    (目的) from V1.0's text. The merge conflicts on the version line; 刘静 takes cr-2's whole
    file: V1.1's approved 适用范围 text is gone. contains() returns True because cr-2 left at a
    side parent of the approval merge (``point in merged``): any side counts, not the one that
    brought the document. A fresh run of the trail accepts the merge (no DC522); a run
    continuing from a cache written at M1 says DC522 (it asks git about M1^2 only)."""
    s = make_scenario(tmp_path)
    _octopus(s, "cr-a", "cr-b")
    s.git.branch("cr-2", "cr-b")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-2: 目的", who="zhouqiang")
    s.git.checkout("main")
    m2 = hand_merge(s, "cr-2", take="cr-2")
    text = git(s, "show", f"main:{DOC}").stdout
    assert "已批准" not in text and "version: V1.2" in text  # V1.1's approved text is gone
    fresh(s)  # as a clean CI checkout derives it (a run continuing from a cache says DC522)
    assert "DC522" in problems(s, m2), "a stale version slips through the octopus's other side"


def test_the_verdict_on_a_branch_from_an_octopus_third_side_does_not_depend_on_the_cache(
    tmp_path,
):
    """FINDING (cache-dependent verdict). The octopus M1 merged cr-b then cr-a (cr-a, with
    V1.1, is its *third* parent). 周强's cr-2 starts from cr-a's tip (it holds V1.1) and makes
    V1.2; approve merges it cleanly. A fresh run: no problem (cr-a's tip is one of M1's side
    parents). A run continuing from the cache written before cr-2: M1 is not in this run's
    graph, so contains() asks git only about ``M1`` and ``M1^2`` (cr-b), and says DC522."""
    s = make_scenario(tmp_path)
    _octopus(s, "cr-b", "cr-a")  # cr-a is M1^3
    trail_json(s)  # the cache now holds the state at M1 (as on CI after M1's push)
    s.git.branch("cr-2", "cr-a")
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-2: 目的", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-2", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m2 = head(s)
    cached = problems(s, m2)  # continues from the cache
    fresh(s)
    derived = problems(s, m2)  # from scratch
    assert derived == [], derived
    assert cached == derived, f"cached run: {cached}, fresh run: {derived}"
