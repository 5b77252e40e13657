"""Whether the trail sees a move at all is git's rename detection on the merge's first-parent
diff (``git log -M``, 50% similar), and main's own approved text counts against it: a stale
branch that moves and renumbers the document is a rename in the reviewed diff (base → branch,
78% similar), but main's version holds a long approved paragraph P the branch's lacks, so main
→ merge is below 50%: a deletion of test.md (an approved *withdrawal* of SM-P-01) and an added
new.md claiming a new id (SM-P-09). ``stale()`` then has nothing to judge: no ``old_blob``
(added), no ``held`` (no old path), and the claimed id is new. Round 17's finding 3 (a stale
file changing its id) was fixed for a file at the same path (``held``); a move whose rename
main's own text hides escapes it."""

from __future__ import annotations

from rt19_helpers import (
    DOC,
    approve,
    both_runs,
    bump_at,
    event_docs,
    git,
    make_scenario,
    take_conflicted,
    trail_json,
)

NEW = "docs/procedures/new.md"
# a long approved paragraph (Chinese text is three bytes a character)
BIG_P = (
    "新增段落P："
    + "本程序所涉及的全部受控文件，在发布前须经质量管理部门逐条核对其适用条款与引用关系，并保留核对记录。"
    * 4
)


def _moved_and_renumbered(s, new_id):
    """赵磊's cr-b (from M0) moves SM-P-01 to new.md, gives it ``new_id``, bumps it to V1.2 and
    rewrites four sections' text; 周强's cr-a adds the long paragraph BIG_P (V1.1), approved
    by approve."""
    s.git.branch("cr-b", "main")
    git(s, "mv", DOC, NEW)
    bump_at(
        s, NEW, "V1.0", "V1.2", "id: SM-P-01", f"id: {new_id}", "title: 测试程序", "title: 新程序",
        "目的的内容。", "新的目的：规定受控文件的编写。", "适用范围的内容。", "新的适用范围：全公司。",
        "术语和定义的内容。", "新的术语。", "角色与职责的内容。", "新的职责。",
    )  # fmt: skip
    s.git.commit("cr-b: 迁移、改编号并修订", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    bump_at(s, DOC, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n" + BIG_P)
    s.git.commit("cr-a: P", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    reviewed = git(s, "diff", "-M", "--name-status", "main...cr-b").stdout
    assert reviewed.startswith("R") and NEW in reviewed, reviewed  # the review shows a move
    assert "新增段落P" not in git(s, "diff", "main...cr-b").stdout


def test_a_stale_move_whose_rename_main_text_hides_is_stale(tmp_path):
    """FINDING (false negative, fresh and cached). Steps: 赵磊's cr-b (from M0) moves SM-P-01
    (test.md → new.md), renumbers it SM-P-09, bumps it to V1.2 and edits four sections; the
    reviewed diff main...cr-b shows a rename (R078) with those edits. 周强's long paragraph P
    is approved on main meanwhile (SM-P-01 V1.1). 刘静 merges cr-b: git stops on the conflict
    in new.md (git's merge follows the rename and brings P there); she takes cr-b's new.md.
    What happened: P is gone from main; the trail records an approved withdrawal of SM-P-01
    (V1.1) and an approved new document SM-P-09 V1.2, with no problem, fresh or cached. The
    merge's first-parent diff is D test.md + A new.md (P makes main's file too unlike cr-b's
    for git's 50% rename threshold), so nothing is judged. Why it matters: DC522's case (a
    conflict resolved by taking the stale branch's file, an approved paragraph undone with no
    reviewed diff showing it), reached by a move + renumber and a paragraph long enough; the
    trail even calls it a withdrawal nobody reviewed as one. Safe behaviour: DC522 on SM-P-09's
    V1.2 (e.g. judge a merge's added document against the documents the same merge deletes,
    or follow the move as the merged side's own diff records it)."""
    s = make_scenario(tmp_path)
    _moved_and_renumbered(s, "SM-P-09")
    trail_json(s)  # a cache, as approve leaves one
    m = take_conflicted(s, "cr-b", NEW, remove=[DOC])
    fp = git(s, "diff", "-M", "--name-status", "HEAD^", "HEAD").stdout.split()
    assert fp[0] in ("A", "D") and "R" not in fp[0], fp  # the trail's diff: no rename
    assert "新增段落P" not in (s.root / NEW).read_text("utf-8") and not (s.root / DOC).exists()
    docs, _ = event_docs(s, m)
    assert docs == [("SM-P-01", "V1.1", "withdrawal"), ("SM-P-09", "V1.2", "approval")], docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_the_same_move_keeping_the_id_is_stale(tmp_path):
    """HELD (control). The same stale move with the id kept (SM-P-01 at new.md): the merge's
    diff is still D + A, but the added version claims SM-P-01, which main held at test.md
    (``claimed_path``): DC522, fresh and cached."""
    s = make_scenario(tmp_path)
    _moved_and_renumbered(s, "SM-P-01")
    trail_json(s)
    m = take_conflicted(s, "cr-b", NEW, remove=[DOC])
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)
