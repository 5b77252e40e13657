"""What the round 30 tests share (on top of rounds 14 to 29's helpers)."""

from __future__ import annotations

import subprocess

from rt29_helpers import (
    DOC,
    FOLDER,
    SOON,
    approve,
    cli_env,
    codes_of,
    crafted_branch,
    folder_approved,
    forge_merge,
    git_out,
    mktree,
    trail_strict,
    two_doc_scenario,
)

__all__ = [
    "DOC",
    "FOLDER",
    "SOON",
    "approve",
    "blob",
    "cli_env",
    "codes_of",
    "crafted_branch",
    "folder_approved",
    "forge_merge",
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
