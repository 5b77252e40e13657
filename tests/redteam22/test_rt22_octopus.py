"""DC522 (a merge whose result undoes a version main held) for a merge with more than two
parents, whose result takes a stale side branch's old version of a document at a new path
(``undoable``/``moved_here``/``lacks``/``branch_holding``; ``moved_here``'s quick path is
for two-parent merges only)."""

from __future__ import annotations

from rt16_helpers import MSG
from rt18_helpers import P, add_p
from rt21_helpers import DOC, DOC_B, bump_at, events_of, git, two_doc_scenario
from rt22_helpers import cli_env

MOVED = "docs/procedures/moved.md"


def _stale_move_and_other(s):
    """cr-s (from the initial main) moves test.md → moved.md (V1.0, no P); then cr-a adds P to
    SM-P-01 (V1.1, approved); cr-t (from main) edits SM-P-02. Returns nothing."""
    s.git.branch("cr-s", "main")
    git(s, "mv", DOC, MOVED)
    s.git.commit("cr-s: 移动", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    assert cli_env(s.root, {}, "trail", "--strict").returncode == 0
    s.git.branch("cr-t", "main")
    bump_at(s, DOC_B, "V1.0", "V1.1", "目的的内容（乙）。", "新目的（乙）。")
    s.git.commit("cr-t: 乙", who="zhouqiang")
    s.git.checkout("main")


def _merge_with_tree(s, *sides):
    """刘静's merge of ``sides`` into main whose result is main's tree with test.md removed,
    moved.md taken from cr-s and b.md from cr-t (approval trailers in the message)."""
    git(s, "read-tree", "main")
    git(s, "rm", "-q", "--cached", DOC)
    git(s, "checkout", "cr-s", "--", MOVED)
    git(s, "checkout", "cr-t", "--", DOC_B)
    tree = git(s, "write-tree").stdout.strip()
    parents = [a for side in ("main", *sides) for a in ("-p", side)]
    sha = s.git.run(
        "commit-tree", tree, *parents, "-m", MSG.format("', '".join(sides)),
        who="liujing", date=s.git.next_date(),
    ).strip()  # fmt: skip
    git(s, "update-ref", "refs/heads/main", sha)
    git(s, "reset", "-q", "--hard", "main")
    assert P not in (s.root / MOVED).read_text("utf-8")
    return sha


def test_an_octopus_merge_taking_a_stale_move_is_dc522(tmp_path):
    """Steps: as above; 刘静 makes one three-parent merge (main, cr-s, cr-t) whose result holds
    cr-s's moved.md (V1.0, without the approved paragraph P) and cr-t's b.md. Safe: DC522."""
    s = two_doc_scenario(tmp_path)
    _stale_move_and_other(s)
    sha = _merge_with_tree(s, "cr-s", "cr-t")
    codes = {p["code"] for e in events_of(s, sha) for p in e["problems"]}
    codes |= {
        p["code"] for e in events_of(s, sha) for d in e["documents"] for p in d.get("problems", [])
    }
    assert "DC522" in codes, codes


def test_an_octopus_merge_with_the_stale_branch_last_is_dc522(tmp_path):
    """The same, the stale branch as the third parent."""
    s = two_doc_scenario(tmp_path)
    _stale_move_and_other(s)
    sha = _merge_with_tree(s, "cr-t", "cr-s")
    codes = {p["code"] for e in events_of(s, sha) for p in e["problems"]}
    codes |= {
        p["code"] for e in events_of(s, sha) for d in e["documents"] for p in d.get("problems", [])
    }
    assert "DC522" in codes, codes
