"""What the round 29 tests share (on top of rounds 14 to 28's helpers)."""

from __future__ import annotations

import subprocess

from rt28_helpers import (
    DOC,
    SOON,
    approve,
    check,
    cli_env,
    crafted_branch,
    forge_merge,
    git_out,
    register,
    trail_strict,
    two_doc_scenario,
)

__all__ = [
    "DOC",
    "SOON",
    "approve",
    "check",
    "cli_env",
    "codes_of",
    "crafted_branch",
    "forge_merge",
    "git_out",
    "mktree",
    "register",
    "trail_strict",
    "two_doc_scenario",
]


def codes_of(history, sha):
    """The codes of the problems history finds on the event ``sha`` and on its revisions."""
    found = {p.code for e in history.events if e.commit == sha for p in e.problems}
    return found | {
        p.code
        for d in history.documents.values()
        for r in d.revisions
        if r.commit == sha
        for p in r.problems
    }


def mktree(s, lines: list[str]) -> str:
    """``git mktree`` of ``lines`` (``mode type sha<TAB>name``), kept in the order given."""
    done = subprocess.run(
        ["git", "mktree"],
        cwd=s.root,
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()
