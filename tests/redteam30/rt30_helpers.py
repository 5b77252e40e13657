"""What the round 30 tests share (on top of rounds 14 to 29's helpers)."""

from __future__ import annotations

import subprocess

from rt29_helpers import (
    DOC,
    SOON,
    approve,
    cli_env,
    codes_of,
    crafted_branch,
    forge_merge,
    git_out,
    mktree,
    trail_strict,
    two_doc_scenario,
)

from gitrepo import ident

__all__ = [
    "DOC",
    "SOON",
    "approve",
    "blob",
    "cli_env",
    "codes_of",
    "crafted_branch",
    "forge_merge",
    "forge_merge_by",
    "git_out",
    "mktree",
    "trail_strict",
    "two_doc_scenario",
]


def blob(s, data: bytes) -> str:
    done = subprocess.run(
        ["git", "hash-object", "-w", "--stdin"], cwd=s.root, input=data, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode().strip()


def forge_merge_by(s, branch, approver, tree=None):
    """rt27's ``forge_merge`` with ``approver`` in the Approved-by trailer (王芳 reviewed)."""
    message = (
        f"Merge branch '{branch}' into 'main'\n\n合并\n\nSee merge request it/sms!1\n\n"
        f"Approved-by: {ident(approver)}\nReviewed-by: {ident('wangfang')}\n"
    )
    tree = tree or git_out(s, "rev-parse", f"{branch}^{{tree}}").strip()
    args = ("commit-tree", tree, "-p", "main", "-p", branch, "-m", message)
    sha = s.git.run(*args, who="zhaolei", date=s.git.next_date())
    git_out(s, "update-ref", "refs/heads/main", sha)
    git_out(s, "reset", "-q", "--hard", "main")
    return sha
