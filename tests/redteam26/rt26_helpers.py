"""What the round 26 tests share: Git trees crafted with ``git mktree`` (entries no ``git add``
makes: a link and a folder of the same name, a '.GIT' folder, a gitlink), committed on a
branch by its author."""

from __future__ import annotations

import os
import subprocess

from rt24_helpers import DOC, SOON, check, cli_env, head, trail_strict, two_doc_scenario
from rt24_helpers import approve as _approve


def approve(s, branch, *args):
    """rt24's ``approve``, its answer printed (seen with ``-s`` or when a test fails)."""
    result, merged = _approve(s, branch, *args)
    print(f"== approve {branch}: {'merged' if merged else 'refused'}")
    print(result.stdout[-1500:], result.stderr[-1500:])
    return result, merged


__all__ = [
    "DOC",
    "SOON",
    "approve",
    "check",
    "cli_env",
    "crafted_branch",
    "head",
    "trail_strict",
    "two_doc_scenario",
]


def _git(root, *args, input=None, env=None):
    out = subprocess.run(
        ["git", *args],
        cwd=root,
        input=input,
        capture_output=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    return out.stdout.decode("utf-8", "surrogateescape").strip()


def _blob(root, data: bytes) -> str:
    return _git(root, "hash-object", "-w", "--stdin", input=data)


def _with_entries(root, tree: str, folder: list[str], entries: list[bytes]) -> str:
    """``tree`` with the raw mktree ``entries`` added in ``folder`` (made if missing)."""
    listed = subprocess.run(
        ["git", "ls-tree", "-z", tree], cwd=root, capture_output=True, check=True
    ).stdout
    lines = [e for e in listed.split(b"\0") if e]
    if folder:
        name = folder[0].encode()
        sub = next((e for e in lines if e.split(b"\t", 1)[1] == name and b" tree " in e), None)
        lines = [e for e in lines if e is not sub]
        inner = (
            sub.split(b" ")[2].split(b"\t")[0].decode() if sub else _git(root, "mktree", input=b"")
        )
        new = _with_entries(root, inner, folder[1:], entries)
        lines.append(b"040000 tree " + new.encode() + b"\t" + name)
    else:
        lines += entries
    return _git(root, "mktree", "-z", "--missing", input=b"\0".join(lines) + b"\0")


def crafted_branch(s, name, entries, start="main", who_commit=None):
    """Branch ``name``: one commit on ``start`` whose tree is ``start``'s plus ``entries``,
    a list of (folder, mode, name bytes, content bytes or an object id for a gitlink),
    authored like the scenario's commits by 赵磊 (the author of the commit ``who_commit``,
    else of a throwaway commit). Returns the new tip."""
    root = s.root
    if who_commit is None:
        s.git.branch(f"{name}-who", start)
        (root / "who.txt").write_text("x")
        who_commit = s.git.commit("who", who="zhaolei")
        s.git.checkout("main")
    fmt = "%an%x00%ae%x00%ad%x00%cn%x00%ce%x00%cd"
    an, ae, ad, cn, ce, cd = _git(root, "log", "-1", f"--format={fmt}", who_commit).split("\0")
    env = {
        "GIT_AUTHOR_NAME": an,
        "GIT_AUTHOR_EMAIL": ae,
        "GIT_AUTHOR_DATE": ad,
        "GIT_COMMITTER_NAME": cn,
        "GIT_COMMITTER_EMAIL": ce,
        "GIT_COMMITTER_DATE": cd,
    }
    tree = _git(root, "rev-parse", f"{start}^{{tree}}")
    by_folder: dict[str, list[bytes]] = {}
    for folder, mode, entry, content in entries:
        if mode == "160000":
            sha, kind = content, "commit"
        else:
            sha, kind = _blob(root, content), "blob"
        by_folder.setdefault(folder, []).append(f"{mode} {kind} {sha}\t".encode() + entry)
    for folder, lines in by_folder.items():
        tree = _with_entries(root, tree, [p for p in folder.split("/") if p], lines)
    tip = _git(root, "commit-tree", "-p", start, "-m", f"{name}: 修改", tree, env=env)
    _git(root, "branch", "-f", name, tip)
    return tip
