"""The claimed-document judgement (round 18, ``claimed_path``) reads main's file at the path
where the claimed document was last applied, but its quick path (``left_after``) targets the
claimed document's own last change. When main renumbered the document at that path (SM-P-02
→ SM-P-09, with P), the file there is SM-P-09's, changed after SM-P-02's last change: a fresh
run's quick path says "the branch left main after it, it holds it" and skips; a run extending
a cache (``line_index`` does not know the old commits) asks ``lacks()``, which finds P
missing. Same merge, two verdicts."""

from __future__ import annotations

from rt19_helpers import (
    DOC_B,
    P,
    approve,
    both_runs,
    bump_at,
    commit_merge_as,
    event_docs,
    git,
    trail_json,
    two_doc_scenario,
)

from builders import TODAY  # a renumbered version takes effect when approved (session 19)

NEW = "docs/procedures/new.md"


def test_a_stale_move_bringing_back_a_renumbered_id_has_one_verdict(tmp_path):
    """FINDING (cache dependence; false negative on a fresh run). Steps: main holds SM-P-02 at
    b.md. 赵磊's cr-b (from M0) moves it to new.md and bumps it to V1.2. 周强's cr-a renumbers
    SM-P-02 → SM-P-09 at b.md and adds P (V1.1), approved by approve. 刘静 merges cr-b: git
    follows the rename and stops on the conflict in new.md (main's renumbered text against
    cr-b's); she keeps both documents — main's SM-P-09 at b.md, cr-b's SM-P-02 at new.md.
    What happened: SM-P-02, retired by the approved renumbering, is back at new.md as V1.2
    without P. A run extending a cache: DC522 (V1.2 does not take effect); a fresh run (CI):
    no problem, V1.2 approved. The merge's diff adds new.md (no old blob, no ``held``); the
    claimed SM-P-02 was last applied at b.md, so main's b.md (SM-P-09 with P) is judged, but
    the fresh run's quick path targets SM-P-02's last change (the initial import), which cr-b
    left main after. Why it matters: the verdict depends on .git/doccontrol; CI lets the
    retired number return in force without the approved paragraph while a local run blocks
    it. Safe behaviour: the same verdict on both runs — DC522 (the quick path's target for
    the claimed path is main's last change to the file there, SM-P-09's, or none)."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    git(s, "mv", DOC_B, NEW)
    bump_at(s, NEW, "V1.0", "V1.2", "目的的内容（乙）。", "修订的目的。")
    s.git.commit("cr-b: 迁移 V1.2", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    bump_at(
        s, DOC_B, "V1.0", "V1.1", "适用范围的内容（乙）。", "适用范围的内容（乙）。\n\n" + P,
        "id: SM-P-02", "id: SM-P-09",
    )  # fmt: skip
    s.git.commit("cr-a: P，改编号", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-a", "liujing", "wangfang", "--effective", TODAY)
    assert merged, result.stdout + result.stderr
    assert P not in git(s, "diff", "main...cr-b").stdout
    trail_json(s)  # a cache, as approve leaves one
    tried = s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-b", who="liujing")
    assert tried.returncode != 0 and "new.md" in tried.stdout, tried.stdout
    git(s, "checkout", "cr-b", "--", NEW)
    git(s, "checkout", "HEAD", "--", DOC_B)
    git(s, "add", NEW, DOC_B)
    m = commit_merge_as(s, "cr-b")
    docs, _ = event_docs(s, m)
    assert docs == [("SM-P-02", "V1.2", "approval")], docs
    cached, without = both_runs(s, m)
    assert cached == without, (cached, without)
    assert "DC522" in without, without
