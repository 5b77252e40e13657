"""An extra parent already on main passes DC516.merged for a file brought under control.

The reviewed branch makes mkdocs.yml name the existing, benign hooks/site.py. After the review
刘静 pushes an evil hooks/site.py straight to main (not controlled yet: no problem) and one more
commit on top. A plain two-parent merge of the branch now gets DC516.merged (the merge's hook is
main's, not the branch's). The approval merge is instead written with a third parent: 刘静's
direct commit, already on main's first-parent line, so it brings nothing in
(`git commit-tree TREE -p main -p branch -p <direct commit>`, the tree of the ordinary merge).
`brought_under_control` asks whether the merge's version is *any* non-first parent's own; the
direct commit's is, so the evil hook is taken as "reviewed", comes into force with mkdocs.yml,
and `trail --strict` exits 0 (the merger is not counted as an author either: the merge does
bring the branch in).

Safe: only a parent that brings commits into the line (is no ancestor of the first parent) is a
merged branch whose version was reviewed; the hook's version here is nobody's reviewed version
(DC516.merged, as for the two-parent merge)."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import (
    EVIL,
    HOOK,
    HOOK_BASE,
    SITE_OFF,
    SITE_ON,
    events,
    history,
    keys,
    strict_trail,
)

TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def _scenario(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", SITE_OFF)
    s.files.write(HOOK, HOOK_BASE)
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")
    s.git.branch("hook")
    s.files.write("mkdocs.yml", SITE_ON)
    s.git.commit("启用钩子", who="zhaolei")
    s.git.checkout("main")
    s.files.write(HOOK, HOOK_BASE + EVIL)
    direct = s.git.commit("改钩子", who="liujing")
    s.files.write("notes.txt", "杂项\n")
    s.git.commit("杂项", who="liujing")
    # the ordinary merge's tree (the same whichever way the merge is recorded)
    s.git.run("merge", "--no-ff", "--no-commit", "hook", who="chenmy")
    tree = s.git.run("write-tree")
    s.git.run("merge", "--abort")
    return s, direct, tree


def _merge_commit(s, tree, *parents):
    """陈明远's merge commit of ``tree`` with ``parents``, written with git commit-tree (git
    merge drops a parent already merged), made main's tip."""
    made = s.git.run(
        "commit-tree",
        tree,
        *(arg for parent in parents for arg in ("-p", parent)),
        "-m",
        "Merge\n\n钩子\n\n" + TRAILERS,
        who="chenmy",
    )
    s.git.run("reset", "-q", "--hard", made)


def test_two_parent_merge_is_refused(tmp_path):
    """What held: the ordinary merge of the branch is DC516.merged."""
    s, _, tree = _scenario(tmp_path)
    _merge_commit(s, tree, "HEAD", "hook")
    assert "problem.DC516.merged" in keys(events(s)[-1])


def test_a_third_parent_already_on_main_does_not_vouch_for_the_hook(tmp_path):
    s, direct, tree = _scenario(tmp_path)
    _merge_commit(s, tree, "HEAD", "hook", direct)
    last = events(s)[-1]
    evil = s.git.run("rev-parse", f"{direct}:{HOOK}")
    assert history(s).in_force_files.get(HOOK) != evil, last
    assert "problem.DC516.merged" in keys(last), last
    assert strict_trail(s) != 0
