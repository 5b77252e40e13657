"""Round 57: the signed switch (``_Deriver.turns_on_signing``, ``signed_whole``), the ended
document whose text was swapped in force (``standing._placed``), and what history reads from
git (``gitread._stream``). Real repositories, real SSH keys, notes written by the real capture,
approvals made by the real ``doccontrol approve``."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from gitrepo import PEOPLE
from history_helpers import cli


def git_config(root: Path, *settings: tuple[str, str]) -> None:
    """Settings in the clone's own .git/config (the reader's configuration)."""
    for key, value in settings:
        subprocess.run(["git", "config", key, value], cwd=root, check=True)


def approve_signed(s: Any, branch: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """刘静 runs ``doccontrol approve BRANCH --reviewer wangfang --sign`` with her own SSH key
    (``s.liu``), dated as the scenario's next day; returns the run and main's tip after it."""
    name, email = PEOPLE["liujing"]
    git_config(
        s.root,
        ("gpg.format", "ssh"),
        ("user.signingkey", str(s.liu)),
        ("user.name", name),
        ("user.email", email),
    )
    s.git.checkout("main")
    date = s.git.next_date()
    env = {"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}
    result = cli(s.root, "approve", branch, "--reviewer", "wangfang", "--sign", env=env)
    return result, s.git.head()


def event_of(s: Any, sha: str) -> Any:
    return next(e for e in s.history().events if e.commit == sha)
