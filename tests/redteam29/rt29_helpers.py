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

from history_helpers import make_scenario

__all__ = [
    "DOC",
    "FOLDER",
    "SOON",
    "TOOLS",
    "approve",
    "check",
    "cli_env",
    "codes_of",
    "crafted_branch",
    "folder_approved",
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


FOLDER = "tools/release"
TOOLS = ("trusted_forge_keys: []", "trusted_forge_keys: []\n  controlled_paths: [tools/]")


def folder_approved(tmp_path):
    """The README's advice: a repository whose CI runs its own scripts adds them to
    ``approval.controlled_paths`` (here ``tools/``). 陈明远 (general manager, who approves
    controlled files) approves 赵磊's branch adding the folder tools/release/ (a script and
    its helper) with `doccontrol approve`."""
    s = make_scenario(tmp_path, *TOOLS)
    s.git.branch("cr-tools")
    (s.root / FOLDER).mkdir(parents=True)
    (s.root / FOLDER / "main.sh").write_text("#!/bin/sh\n. ./helpers.sh\nrelease\n")
    (s.root / FOLDER / "helpers.sh").write_text("release() { echo release; }\n")
    s.git.commit("发布脚本", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-tools", "chenmy", "wangfang")
    assert merged, result.stdout + result.stderr
    return s
