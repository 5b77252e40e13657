"""A merged version that claims the id of a document the history already knows (another
document, or the one the path held before main renumbered it). ``stale()`` takes
``prior = state if state.revisions or state.baseline else held``: the claimed document's
state wins whenever it has any revision, so the quick path (``left_after``) is asked whether
the branch left main after THAT document's last change — not after main's last change to the
file at this path. On a fresh run (CI) the quick path answers "holds it" and main's approved
text is undone with no problem; a run extending a cache (line_index does not know the old
commit) falls to ``lacks()``, which reads main's version at the path, and says DC522."""

from __future__ import annotations

from rt18_helpers import (
    DOC,
    DOC_B,
    P,
    add_p,
    all_codes,
    approve,
    bump_at,
    fresh,
    git,
    take_merge,
    trail_json,
    two_doc_scenario,
)

from builders import TODAY  # a renumbered version takes effect when approved (session 19)


def _swapped(s):
    """赵磊's cr-b (from M0, before P) swaps the two procedures' files (SM-P-01 to b.md,
    SM-P-02 to test.md) and bumps SM-P-01 to V1.2. 周强's P is approved meanwhile (V1.1)."""
    s.git.branch("cr-b", "main")
    s.git.checkout("main")
    add_p(s)
    s.git.checkout("cr-b")
    a, b = (s.root / DOC).read_text("utf-8"), (s.root / DOC_B).read_text("utf-8")
    (s.root / DOC).write_text(b, "utf-8")
    (s.root / DOC_B).write_text(a, "utf-8")
    bump_at(s, DOC_B, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: 对调两份程序的位置", who="zhaolei")
    s.git.checkout("main")
    diff = git(s, "diff", "main...cr-b").stdout
    assert P not in diff  # the reviewed diff never shows P's removal


def test_two_documents_swapping_paths_on_a_stale_branch_are_stale_with_and_without_cache(
    tmp_path,
):
    """FINDING (false negative on a fresh run; cache dependence). Steps: main holds SM-P-01 at
    test.md and SM-P-02 at b.md. cr-b (from M0) swaps the two files and bumps SM-P-01 to V1.2;
    周强's cr-a adds paragraph P to SM-P-01 (V1.1, approved by approve). The merger takes
    cr-b's two files (approve itself refuses: git's path-wise merge mixes P into SM-P-02).
    What happened: main's SM-P-01 (now at b.md, V1.2) has no P; git's diff main...cr-b never
    showed P's removal. A run extending a cache: DC522 (named after SM-P-02, with SM-P-02's
    V1.0 — the held document is not named). A fresh run (CI): no problem at all. For
    test.md, prior = SM-P-02's state (it has a baseline), so the quick path asks whether cr-b
    left main after SM-P-02's last change — it did; for b.md, SM-P-01's state is used, the
    quick path says no, and lacks() compares with main's version of b.md (SM-P-02's, unchanged
    since the base) and finds nothing lacking. Why it matters: SM-P-01's approved paragraph is
    silently undone on CI while a local run blocks the same merge. Safe: DC522 on both runs,
    naming SM-P-01 (judge against what main held at the path — ``held`` — whenever it differs
    from the claimed document, and judge the claimed document's text wherever main held it)."""
    s = two_doc_scenario(tmp_path)
    _swapped(s)
    trail_json(s)  # a cache, as approve leaves one
    m = take_merge(s, "cr-b", DOC, DOC_B)
    assert P not in git(s, "show", f"main:{DOC}").stdout + git(s, "show", f"main:{DOC_B}").stdout
    cached = all_codes(s, m)
    fresh(s)
    without = all_codes(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def _renumbered_on_main(s):
    """周强's cr-a renumbers SM-P-02 to SM-P-09 and adds P to it (V1.1, approved by approve);
    赵磊's cr-b (from M0) bumps the old SM-P-02 to V1.2 with a new 目的."""
    s.git.branch("cr-b", "main")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    bump_at(
        s, DOC_B, "V1.0", "V1.1",
        "适用范围的内容（乙）。", "适用范围的内容（乙）。\n\n" + P, "id: SM-P-02", "id: SM-P-09",
    )  # fmt: skip
    s.git.commit("cr-a: P，改编号", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-a", "liujing", "wangfang", "--effective", TODAY)
    assert merged, result.stdout + result.stderr
    s.git.checkout("cr-b")
    bump_at(s, DOC_B, "V1.0", "V1.2", "目的的内容（乙）。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    assert P not in git(s, "diff", "main...cr-b").stdout


def test_a_stale_file_bringing_back_the_old_id_is_stale_with_and_without_cache(tmp_path):
    """FINDING (false negative on a fresh run; cache dependence). Steps: main's approved cr-a
    renumbers SM-P-02 → SM-P-09 at b.md and adds P (V1.1). cr-b, made before that, still says
    SM-P-02 and bumps it to V1.2; the merger takes cr-b's whole file. What happened: P (and the
    approved renumbering) are gone from main. Cached run: DC522; fresh run: nothing. The merged
    version claims SM-P-02, whose state has a baseline, so prior = SM-P-02 (last change: the
    initial import), not SM-P-09 (held, last change: the approval of P); on a fresh run the
    quick path finds cr-b left main after the initial import and says it holds main's text.
    Safe: DC522 on both runs (the quick path's target is main's last change to the file at
    this path, i.e. held's, when held is not the claimed document)."""
    s = two_doc_scenario(tmp_path)
    _renumbered_on_main(s)
    trail_json(s)
    m = take_merge(s, "cr-b", DOC_B)
    assert P not in git(s, "show", f"main:{DOC_B}").stdout
    cached = all_codes(s, m)
    fresh(s)
    without = all_codes(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_the_swapped_documents_stale_version_does_not_take_effect(tmp_path):
    """FINDING (session 18, found while fixing the one above). In the swap, DC522 was laid on
    SM-P-02's version only (the text at test.md), while SM-P-01's V1.2 (at b.md), which lacks
    P, took effect: its own text was judged against main's b.md (SM-P-02's). Safe: SM-P-01's
    V1.2 is judged against SM-P-01 as main held it (at test.md) and does not take effect; the
    message names SM-P-01's approved V1.1, not a version of this very merge."""
    import json
    import subprocess
    import sys

    s = two_doc_scenario(tmp_path)
    _swapped(s)
    m = take_merge(s, "cr-b", DOC, DOC_B)
    fresh(s)
    out = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "--all", "--format", "json"],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=False,  # exit 1: the history has problems
    )
    assert out.stdout, out.stderr
    data = json.loads(out.stdout)
    docs = {d["id"]: d for d in (data["documents"] if isinstance(data, dict) else data)}
    at_merge = [r for r in docs["SM-P-01"]["revisions"] if r["commit"] == m]
    assert at_merge and not at_merge[0]["approved"], docs["SM-P-01"]["revisions"]
    event = next(e for e in trail_json(s)["events"] if e["commit"] == m)
    stale = [p for p in event["problems"] if p["code"] == "DC522"]
    assert {p["document"] for p in stale} == {"SM-P-01", "SM-P-02"}, stale
    assert all(
        "V1.1" in p["message"] and m[:10] not in p["message"].split("提交")[1] for p in stale
    ), stale
