"""Round 43: bad input through the real CLI. Small real repositories and the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from builders import RepoBuilder, procedure
from history_helpers import Scenario, body
from site_helpers import adopted_site

BAD = ("Traceback", "内部错误", "internal error")


def approved_doc(tmp_path: Path, extra_body: str, version: str = "V1.1") -> Scenario:
    """SM-P-01 imported before control, then changed on a branch by 赵磊 (its body plus
    ``extra_body``), reviewed by 王芳 and merged by 刘静: an approved version in force."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    s = adopted_site(builder)
    s.git.branch("cr-1")
    builder.doc(version=version, effective_date="2026-01-20", body=body() + "\n" + extra_body)
    s.git.commit("SM-P-01 修订", who="zhaolei")
    s.git.merge("cr-1", "SM-P-01 修订")
    return s


def run(
    root: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None, **kw
) -> subprocess.CompletedProcess[str]:
    """The doccontrol command as a user runs it, in ``root``."""
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        **kw,
    )


def crashed(text: str) -> bool:
    return any(b in text for b in BAD)


def plain_procedure(**kw: str) -> str:
    return procedure(**kw)


def git_bytes(root: Path, *args: str, data: bytes | None = None) -> str:
    return (
        subprocess.run(["git", *args], cwd=root, input=data, capture_output=True, check=True)
        .stdout.decode()
        .strip()
    )


def raw_commit(
    root: Path,
    tree: str,
    parents: list[str],
    author: bytes,
    committer: bytes,
    message: bytes,
    headers: bytes = b"",
) -> str:
    """A commit object written byte for byte (`git hash-object --literally`): the author and
    committer lines, extra headers and message exactly as a crafted push would carry them."""
    data = f"tree {tree}\n".encode() + b"".join(f"parent {p}\n".encode() for p in parents)
    data += b"author " + author + b"\ncommitter " + committer + b"\n" + headers + b"\n" + message
    return git_bytes(root, "hash-object", "-t", "commit", "-w", "--literally", "--stdin", data=data)


def crafted_merge(
    s: Scenario,
    extra_body: str,
    branch_author: bytes,
    merger: bytes,
    message: bytes | None = None,
    headers: bytes = b"",
) -> tuple[str, str]:
    """SM-P-01 V1.1 on a commit by ``branch_author``, merged to main by a commit whose
    author and committer are ``merger``, with the usual trailers unless ``message`` is given.
    Returns (branch commit, merge commit)."""
    s.files.doc(version="V1.1", effective_date="2026-01-20", body=body() + "\n" + extra_body)
    git_bytes(s.root, "add", "-A")
    tree = git_bytes(s.root, "write-tree")
    head = git_bytes(s.root, "rev-parse", "HEAD")
    one = raw_commit(s.root, tree, [head], branch_author, branch_author, b"SM-P-01 V1.1\n")
    if message is None:
        message = (
            "合并 SM-P-01 V1.1\n\nReviewed-by: 王芳 <wang.fang@example.com>\n"
            "Approved-by: 刘静 <liu.jing@example.com>\n"
        ).encode()
    merge = raw_commit(s.root, tree, [head, one], merger, merger, message, headers)
    git_bytes(s.root, "update-ref", "refs/heads/main", merge)
    git_bytes(s.root, "reset", "-q", "--hard", "main")
    return one, merge
