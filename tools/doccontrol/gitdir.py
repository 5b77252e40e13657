"""Where doccontrol keeps what it remembers: inside the Git directory, out of reach of commits."""

from __future__ import annotations

import os
from pathlib import Path


def git_path(root: Path, name: str) -> Path | None:
    """``git rev-parse --git-path NAME`` for the repository at ``root``, found by reading
    ``.git`` (a folder, or a worktree's ``gitdir:`` file) instead of starting git; None
    outside a Git repository."""
    if os.environ.get("GIT_DIR"):
        return Path(os.environ["GIT_DIR"]) / name
    for folder in (root, *root.parents):
        dot_git = folder / ".git"
        if dot_git.is_dir():
            return dot_git / name
        if dot_git.is_file():
            try:
                first = dot_git.read_text(encoding="utf-8").split("\n", 1)[0]
            except (OSError, UnicodeDecodeError):
                return None
            if not first.startswith("gitdir: "):
                return None
            target = Path(first.removeprefix("gitdir: ").strip())
            return (target if target.is_absolute() else folder / target) / name
    return None
