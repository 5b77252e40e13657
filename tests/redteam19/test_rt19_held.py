"""Ideas that round 18's DC522 handled (HELD: these pass on the pinned commit)."""

from __future__ import annotations

from rt16_helpers import SOON
from rt19_helpers import (
    DOC,
    DOC_B,
    MSG,
    P,
    add_p,
    approve,
    both_runs,
    bump,
    bump_at,
    git,
    head,
    take_conflicted,
    take_merge,
    trail_json,
    two_doc_scenario,
)

DOC_C = "docs/procedures/c.md"


def _three_doc_scenario(tmp_path):
    from builders import RepoBuilder, procedure
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    for path, doc_id, mark in ((DOC_B, "SM-P-02", "乙"), (DOC_C, "SM-P-03", "丙")):
        text = procedure(doc_id=doc_id, title=f"程序{mark}")
        builder.write(path, text.replace("的内容。", f"的内容（{mark}）。"))
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def test_held_a_three_way_rotation_on_a_stale_branch_is_stale(tmp_path):
    """HELD. cr-b (from M0) rotates three procedures' files (test.md ← c.md's, b.md ←
    test.md's, c.md ← b.md's) and bumps SM-P-01 (now at b.md) to V1.2; P is approved on main
    for SM-P-01 meanwhile; the merger takes cr-b's three files. SM-P-01's V1.2 lacks P:
    DC522 for it, fresh and cached (``claimed_path`` is read before any of the merge's changes
    moves the claimed document)."""
    s = _three_doc_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    a, b, c = ((s.root / p).read_text("utf-8") for p in (DOC, DOC_B, DOC_C))
    for path, text in ((DOC, c), (DOC_B, a), (DOC_C, b)):
        (s.root / path).write_text(text, "utf-8")
    bump_at(s, DOC_B, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: 轮换三份程序", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    trail_json(s)
    m = take_merge(s, "cr-b", DOC, DOC_B, DOC_C)
    assert P not in "".join((s.root / p).read_text("utf-8") for p in (DOC, DOC_B, DOC_C))
    event = next(e for e in trail_json(s)["events"] if e["commit"] == m)
    assert "SM-P-01" in {p["document"] for p in event["problems"] if p["code"] == "DC522"}
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_an_octopus_taking_the_stale_file_is_stale(tmp_path):
    """HELD. An octopus of an unrelated up-to-date branch (cr-c, SM-P-02's 目的) and the stale
    cr-b (SM-P-01 V1.2 from M0), taking cr-b's file: no quick path, ``lacks()`` finds cr-b by
    its text and judges over its merge base: DC522, fresh and cached."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    s.git.branch("cr-c", "main")
    bump_at(s, DOC_B, "V1.0", "V1.1", "目的的内容（乙）。", "乙的新目的。")
    s.git.commit("cr-c: SM-P-02 V1.1", who="zhouqiang")
    s.git.checkout("main")
    trail_json(s)
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-c", "cr-b", who="liujing")
    git(s, "checkout", "cr-b", "--", DOC)
    git(s, "checkout", "cr-c", "--", DOC_B)
    git(s, "add", DOC, DOC_B)
    s.git.run("commit", "-q", "-m", MSG.format("cr-c', 'cr-b"), who="liujing",
              date=s.git.next_date())  # fmt: skip
    m = head(s)
    assert len(git(s, "rev-parse", f"{m}^@").stdout.split()) == 3
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_withdrawn_and_re_added_elsewhere_under_the_same_id(tmp_path):
    """HELD. Main withdraws SM-P-02 at b.md and re-adds it (same id, new text, V2.0) at b2.md
    in one approved change; cr-b (from M0) bumps the old b.md to V1.1; the merger resolves the
    modify/delete conflict by taking cr-b's b.md. The claimed SM-P-02 is judged at b2.md:
    DC522, fresh and cached."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump_at(s, DOC_B, "V1.0", "V1.1", "目的的内容（乙）。", "修订的目的。")
    s.git.commit("cr-b: SM-P-02 V1.1", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-w", "main")
    old = (s.root / DOC_B).read_text("utf-8")
    (s.root / DOC_B).unlink()
    new = old.replace("version: V1.0", "version: V2.0").replace("（乙）", "（新版，全部重写）")
    new = new.replace("effective_date: 2026-01-05", f"effective_date: {SOON}")
    (s.root / "docs/procedures/b2.md").write_text(new, "utf-8")
    s.git.commit("cr-w: 重写 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-w", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    trail_json(s)
    m = take_conflicted(s, "cr-b", DOC_B)
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_an_up_to_date_move_renumber_and_rewrite_is_not_stale(tmp_path):
    """HELD (no false positive). 周强's cr-d, from main's tip, moves SM-P-02 to d.md,
    renumbers it SM-P-04 and rewrites most of it (git sees a deletion and an addition),
    approved by approve: no DC522 on the run extending approve's cache, nor fresh."""
    s = two_doc_scenario(tmp_path)
    add_p(s)
    s.git.branch("cr-d", "main")
    text = (s.root / DOC_B).read_text("utf-8")
    (s.root / DOC_B).unlink()
    text = text.replace("id: SM-P-02", "id: SM-P-04").replace(
        "（乙）", "：本程序全部重写后的新内容"
    )
    text = text.replace("effective_date: 2026-01-05", f"effective_date: {SOON}")
    (s.root / "docs/procedures/d.md").write_text(text, "utf-8")
    s.git.commit("cr-d: SM-P-04", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-d", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m = head(s)
    status = git(s, "diff", "-M", "--name-status", f"{m}^", m).stdout.split()
    assert status[0] in ("A", "D"), status  # no rename: a withdrawal and a new document
    cached, without = both_runs(s, m)
    assert "DC522" not in cached and "DC522" not in without, (cached, without)
