"""What the round 38 tests share (on top of rounds 14 to 37's helpers)."""

from __future__ import annotations

from rt37_helpers import git, run_cli

from history_helpers import body
from rules_attacks import SOON, approve, forge_merge, identity

__all__ = ["approve", "forge_merge", "git", "identity", "own_branch", "run_cli", "tag_as"]


def own_branch(s, name="cr-9", who="liujing", text="作者自己的修订"):
    """An author's branch changing SM-P-01 (V1.1, valid); back on main. Returns its tip."""
    s.git.branch(name)
    s.files.doc(version="V1.1", body=body(text), effective_date=SOON)
    tip = s.git.commit("修订", who=who)
    s.git.checkout("main")
    return tip


def tag_as(root, name, target):
    """A tag named ``name`` (refs/tags/<name>) at ``target``: what a pusher of tags leaves in
    every clone that fetches tags (`git clone`, `fetch-depth: 0`, `git fetch --tags`)."""
    git(root, "tag", name, target)
