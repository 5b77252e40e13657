"""A stale branch's whole file that also changes the document's ``id:``: the merge's version
is read as another document (a new _DocState with no revisions and no baseline), so
``stale()`` returns at ``last is None`` and main's approved text is undone with no problem."""

from __future__ import annotations

from rt16_helpers import DOC, approve, bump, fresh, git, hand_merge, make_scenario, problems


def test_a_stale_whole_file_with_a_new_id_is_stale(tmp_path):
    """FINDING (false negative; fixed in session 18). 周强's cr-a adds paragraph P (V1.1,
    approved by approve). 赵磊's cr-b, still on V1.0, makes V1.2 and changes the id SM-P-01 → SM-P-09 at the same
    path. git conflicts (the version/id lines); the merger takes cr-b's whole file. P — approved
    text — is gone from main, and the reviewed diff (main...cr-b) never showed its removal;
    the trail reports nothing at all (no DC522, no other problem). Safe: DC522 (the merge's
    file is judged against main's version at that path, whatever id it now claims)."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    s.git.checkout("main")
    s.git.branch("cr-a", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n新增段落P。")
    s.git.commit("cr-a: P", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    s.git.checkout("cr-b")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。", "id: SM-P-01", "id: SM-P-09")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    assert "新增段落P" not in git(s, "diff", "main...cr-b", "--", DOC).stdout
    m = hand_merge(s, "cr-b", take="cr-b")
    assert "新增段落P" not in git(s, "show", f"main:{DOC}").stdout  # approved P undone
    fresh(s)
    assert "DC522" in problems(s, m), problems(s, m)
