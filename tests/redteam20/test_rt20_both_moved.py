"""A stale branch's move of a document that main moved too. Round 19's fix for a move git
does not see in the merge (D + A) judges the added version against each document the merge
deletes, but only where ``GitReader.renamed(base, branch, held.paths[0], where)``: git's
diff from the merge base to the branch renames *main's current path* to the new one. When
main moved the document after the branch left, main's path (moved.md) is not in the merge
base at all; the branch's rename starts from the path the base holds (test.md), which
``held.paths`` lists further on but ``renamed`` never asks about. Keeping the id instead,
the claimed document would be judged, but ``undoable()`` keeps one entry per id and the
deleted (``moved``) entry replaces it (see test_rt20_rewrite_move.py)."""

from __future__ import annotations

import pytest
from rt20_helpers import (
    DOC,
    approve_ok,
    both_runs,
    bump_at,
    event_docs,
    git,
    make_scenario,
    take_conflicted,
    trail_json,
)

NEW = "docs/procedures/new.md"
MOVED = "docs/procedures/moved.md"
# a long approved paragraph (Chinese text is three bytes a character)
BIG_P = (
    "新增段落P："
    + "本程序所涉及的全部受控文件，在发布前须经质量管理部门逐条核对其适用条款与引用关系，并保留核对记录。"
    * 4
)


def _both_moved(s, new_id):
    """赵磊's cr-b (from M0) moves SM-P-01 test.md → new.md, gives it ``new_id``, bumps it to
    V1.2 and edits four sections (the reviewed diff: a rename, R078/R080). 周强's cr-a moves
    it test.md → moved.md and adds the long paragraph BIG_P (V1.1), approved by approve."""
    s.git.branch("cr-b", "main")
    git(s, "mv", DOC, NEW)
    bump_at(
        s, NEW, "V1.0", "V1.2", "id: SM-P-01", f"id: {new_id}", "title: 测试程序", "title: 新程序",
        "目的的内容。", "新的目的：规定受控文件的编写。", "适用范围的内容。", "新的适用范围：全公司。",
        "术语和定义的内容。", "新的术语。", "角色与职责的内容。", "新的职责。",
    )  # fmt: skip
    s.git.commit("cr-b: 迁移、修订", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    git(s, "mv", DOC, MOVED)
    bump_at(s, MOVED, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n" + BIG_P)
    s.git.commit("cr-a: 迁移并加 P", who="zhouqiang")
    s.git.checkout("main")
    approve_ok(s, "cr-a")
    reviewed = git(s, "diff", "-M", "--name-status", "main...cr-b").stdout.split()
    assert reviewed[0].startswith("R") and reviewed[1:] == [DOC, NEW], reviewed  # a move
    assert "新增段落P" not in git(s, "diff", "main...cr-b").stdout


@pytest.mark.parametrize("new_id", ["SM-P-09", "SM-P-01"])
def test_a_stale_move_of_a_document_main_moved_too_is_stale(tmp_path, new_id):
    """FINDING (false negative, fresh and cached). Steps: 赵磊's cr-b (from M0) moves SM-P-01
    test.md → new.md (renumbered SM-P-09, or keeping SM-P-01), makes V1.2 and edits four
    sections; the reviewed diff main...cr-b is a rename with those edits. 周强's cr-a, approved
    meanwhile, moves SM-P-01 test.md → moved.md and adds the long paragraph P (V1.1). 刘静
    merges cr-b: git stops on the rename/rename conflict; she keeps cr-b's new.md and
    removes moved.md (and the conflicted test.md entry).
    What happened: P is gone from main; the trail records an approved withdrawal of SM-P-01
    V1.1 and an approved V1.2 at new.md, with no problem, fresh or cached. The merge's
    first-parent diff is D moved.md + A new.md. Renumbered: the deleted SM-P-01 is judged
    only if git's diff base → cr-b renames *moved.md* to new.md; the base has no moved.md
    (cr-b's rename is from test.md, SM-P-01's path at the base). Keeping the id: the
    claimed SM-P-01 is replaced by that same ``moved`` entry.
    Why it matters: round 19's finding 2 (a stale move + renumber undoing P) is fixed only
    while main keeps the document where the branch found it; one approved move on main
    reopens it, and the trail calls the undoing a withdrawal nobody reviewed as one.
    Safe behaviour: DC522 on new.md's V1.2 — ask ``renamed`` about every path the deleted
    document had (``held.paths``, or its path at each merge base), and judge a claimed
    document as such even where the merge also deletes it."""
    s = make_scenario(tmp_path)
    _both_moved(s, new_id)
    trail_json(s)  # a cache, as approve leaves one
    m = take_conflicted(s, "cr-b", NEW, remove=[MOVED, DOC])
    fp = git(s, "diff", "-M", "--name-status", "HEAD^", "HEAD").stdout.split()
    assert fp == ["D", MOVED, "A", NEW], fp  # the trail's diff: no rename
    assert "新增段落P" not in (s.root / NEW).read_text("utf-8")
    docs, approved = event_docs(s, m)
    assert (new_id, "V1.2", "approval") in docs, docs
    if new_id != "SM-P-01":  # renumbered: the old id's removal is its withdrawal (approved)
        assert ("SM-P-01", "V1.1", "withdrawal") in docs and approved, docs
    else:  # the id kept: a move (session 18, round 21), not a withdrawal
        assert ("SM-P-01", "V1.1", "withdrawal") not in docs, docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)
