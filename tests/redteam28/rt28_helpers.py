"""What the round 28 tests share (on top of rounds 14 to 27's helpers)."""

from __future__ import annotations

import os
import subprocess

from rt26_helpers import DOC
from rt27_helpers import (
    SOON,
    approve,
    check,
    cli_env,
    crafted_branch,
    git_out,
    new_doc,
    register,
    trail_strict,
    two_doc_scenario,
)

from gitrepo import PEOPLE, ident

__all__ = [
    "DOC",
    "SOON",
    "approve",
    "check",
    "cli_env",
    "crafted_branch",
    "forge_merge",
    "git_out",
    "new_doc",
    "register",
    "trail_strict",
    "two_doc_scenario",
]


def forge_merge(s, branch, who="zhaolei", tree=None, date=None):
    """``branch`` merged into main as a forge merges on its server (no checkout, the branch's
    tree kept as it is unless ``tree`` is given), the merge commit made by ``who`` (the one who
    pressed "merge"), 刘静's approval and 王芳's review in the trailers. Returns the merge."""
    name, email = PEOPLE[who]
    when = date or s.git.next_date()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": when,
    }
    message = (
        f"Merge branch '{branch}' into 'main'\n\n合并\n\nSee merge request it/sms!1\n\n"
        f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}\n"
    )
    tree = tree or git_out(s, "rev-parse", f"{branch}^{{tree}}").strip()
    made = subprocess.run(
        ["git", "commit-tree", tree, "-p", "main", "-p", branch, "-m", message],
        cwd=s.root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    sha = made.stdout.strip()
    git_out(s, "update-ref", "refs/heads/main", sha)
    git_out(s, "reset", "-q", "--hard", "main")
    return sha
