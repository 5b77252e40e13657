"""A document saved with a UTF-8 byte-order mark (the history's parser strips it and reads the
front matter as usual). ``rules.sans_version`` looks for the front matter only when the bytes
start with ``---``: behind a BOM it finds none and leaves the ``version:`` and
``effective_date:`` lines in, so two versions that differ only in their numbers conflict."""

from __future__ import annotations

from rt16_helpers import DOC, bump, git, hand_merge, make_scenario, problems

BOM = "\ufeff"


def _stacked_rebased(s, bom):
    s.git.branch("cr-1", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围：全公司（已批准）。")
    if bom:
        p = s.root / DOC
        p.write_text(BOM + p.read_text(encoding="utf-8"), encoding="utf-8")
    c1 = s.git.commit("cr-1: 适用范围", who="zhaolei")
    s.git.branch("cr-2", c1)  # stacked on cr-1
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-2: 目的", who="zhouqiang")
    s.git.checkout("main")
    (s.root / "notes.txt").write_text("main moves on\n", encoding="utf-8")
    s.git.commit("notes", who="wangfang")
    s.git.checkout("cr-1")
    s.git.run("rebase", "-q", "main", who="zhaolei")
    s.git.checkout("main")
    m1 = hand_merge(s, "cr-1")  # approve refuses a BOM (DC002); a hand/forge merge does not
    assert problems(s, m1) == []  # the trail takes the BOM version as approved
    m2 = hand_merge(s, "cr-2", take="cr-2")
    text = git(s, "show", f"main:{DOC}").stdout
    assert "已批准" in text and "修订的目的" in text and "version: V1.2" in text
    assert text.startswith(BOM) == bom
    return m2


def test_held_stacked_rebased_branch_without_bom(tmp_path):
    """HELD (control): rt16's stacked-and-rebased branch holds every approved line: no DC522."""
    s = make_scenario(tmp_path)
    assert problems(s, _stacked_rebased(s, bom=False)) == []


def test_stacked_rebased_branch_of_a_bom_document_is_not_stale(tmp_path):
    """FINDING (false positive). The same history, the approved V1.1 saved with a BOM: cr-2
    holds every approved line, yet DC522 — the version lines (V1.0→V1.1 on main, V1.0→V1.2 on
    the branch) were not set aside, and git's merge conflicts on them."""
    s = make_scenario(tmp_path)
    assert problems(s, _stacked_rebased(s, bom=True)) == []
