"""Round 61: commits written byte for byte by git fast-import, in a repository and an
environment where git reads no configuration, and what git and history read of them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from gitrepo import plain_git_env

LIU = "刘静 <liu.jing@example.com>"
WANG = "王芳 <wang.fang@example.com>"
# what str.splitlines() breaks a line at, besides LF; git's trailer parser breaks only at LF
LINE_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


plain_env = plain_git_env


def fast_import(tmp_path: Path, messages: list[tuple[bytes, str | None]]) -> Path:
    """One commit per message, branch ``m<n>`` for the n-th (from 1); ``encoding``, when
    given, is written as the commit's encoding header."""
    root = tmp_path / "fi"
    env = plain_env(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True, env=env)
    stream = bytearray()
    for number, (data, encoding) in enumerate(messages, start=1):
        stream += (
            f"commit refs/heads/m{number}\n"
            f"committer T <t@example.com> {1700000000 + number} +0000\n"
        ).encode()
        if encoding:
            stream += f"encoding {encoding}\n".encode()
        stream += f"data {len(data)}\n".encode() + data + b"\n"
    subprocess.run(
        ["git", "fast-import", "--quiet"], input=bytes(stream), cwd=root, check=True, env=env
    )
    return root


def git_trailer_keys(root: Path, ref: str, tmp_path: Path) -> list[str]:
    """The tokens of the trailers git finds (``%(trailers:only,unfold)``), lowered, one per
    trailer whatever its value holds."""
    out = subprocess.run(
        [
            "git",
            "log",
            "-1",
            ref,
            "--encoding=UTF-8",
            "--format=%(trailers:only,unfold,separator=%x00,key_value_separator=%x01)",
        ],
        cwd=root,
        env=plain_env(tmp_path),
        capture_output=True,
        check=True,
    ).stdout[:-1]
    return [
        t.split(b"\x01", 1)[0].decode("utf-8", "replace").lower() for t in out.split(b"\0") if t
    ]


def history_trailer_keys(root: Path, ref: str) -> list[str]:
    """The trailer tokens derive judges a first-parent commit by: GitReader's Commit.trailers
    read back by identities.trailers, exactly as ``_Deriver.commit`` reads them."""
    from doccontrol.history import identities
    from doccontrol.history.gitread import GitReader

    commit = list(GitReader(root).first_parent_commits(ref))[-1]
    return [key.lower() for key, _ in identities.trailers(commit.trailers)]


def git_log(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "log", *args],
        cwd=root,
        env=plain_env(root.parent),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "replace")
