"""What the round 31 tests share (on top of rounds 14 to 30's helpers)."""

from __future__ import annotations

import subprocess

from rt29_helpers import register
from rt30_helpers import (
    FOLDER,
    SOON,
    approve,
    blob,
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
    "FOLDER",
    "SOON",
    "approve",
    "blob",
    "branch_on_tree",
    "bumped_b",
    "cli_env",
    "codes_of",
    "crafted_branch",
    "docs_last",
    "entries_of",
    "folder_approved",
    "forge_merge",
    "git_out",
    "mktree",
    "raw_tree",
    "register",
    "replace_in",
    "trail_strict",
    "two_doc_scenario",
]


def raw_tree(s, entries: list[tuple[str, str, bytes]]) -> str:
    """A tree object written exactly as ``entries`` (mode, object id, name) lists them: no
    sorting, no checks (``git hash-object -t tree --literally``)."""
    data = b"".join(
        mode.encode() + b" " + name + b"\0" + bytes.fromhex(sha) for mode, sha, name in entries
    )
    done = subprocess.run(
        ["git", "hash-object", "-w", "-t", "tree", "--literally", "--stdin"],
        cwd=s.root,
        input=data,
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode().strip()


def entries_of(s, tree: str) -> list[tuple[str, str, bytes]]:
    """(mode, id, name) of each entry of ``tree``, in its order."""
    out = subprocess.run(
        ["git", "ls-tree", "-z", tree], cwd=s.root, capture_output=True, check=True
    ).stdout
    found = []
    for entry in out.split(b"\0"):
        if entry:
            meta, _, name = entry.partition(b"\t")
            mode, _, sha = meta.decode().split(" ")
            found.append((mode if mode != "040000" else "40000", sha, name))
    return found


def replace_in(s, tree: str, name: bytes, new: str) -> str:
    """``tree`` with its (first) entry ``name`` pointing at ``new``, order kept."""
    out, done = [], False
    for mode, sha, n in entries_of(s, tree):
        if n == name and not done:
            sha, done = new, True
        out.append((mode, sha, n))
    assert done
    return raw_tree(s, out)


def branch_on_tree(s, name: str, tree: str, who: str = "zhaolei") -> str:
    """Branch ``name``: one commit on main with root tree ``tree``, by ``who``."""
    tip = s.git.run("commit-tree", tree, "-p", "main", "-m", f"{name}: 修改", who=who)
    s.git.run("branch", "-f", name, tip)
    return tip


def bumped_b(s, name: str) -> str:
    """赵磊's honest branch ``name``: SM-P-02 (b.md) V1.0 → V1.1 with a changed purpose,
    effective SOON. Returns the tip."""
    import re

    path = s.root / "docs/procedures/b.md"
    s.git.branch(name, "main")
    text = path.read_text(encoding="utf-8")
    text = text.replace("version: V1.0", "version: V1.1").replace(
        "的内容（乙）。", "的内容（丙）。", 1
    )
    text = re.sub(r"effective_date: \S+", f"effective_date: {SOON}", text, count=1)
    path.write_text(text, encoding="utf-8")
    tip = s.git.commit(f"{name}: 修改 SM-P-02", who="zhaolei")
    s.git.checkout("main")
    return tip


def docs_last(s, rev: str) -> str:
    """The root tree of ``rev`` with its ``docs`` entry moved to the end (after ``schemas``):
    the same entries, out of Git's order. Git's lookup of ``rev:docs/...`` stops at
    ``schemas`` (it sorts after ``docs``), so every document reads as missing by path."""
    top = entries_of(s, git_out(s, "rev-parse", f"{rev}^{{tree}}").strip())
    docs = [e for e in top if e[2] == b"docs"]
    return raw_tree(s, [e for e in top if e[2] != b"docs"] + docs)
