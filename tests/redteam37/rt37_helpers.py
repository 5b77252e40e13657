"""What the round 37 tests share (on top of rounds 14 to 36's helpers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from builders import PROJECT

EN = {"LC_ALL": "en_US.UTF-8"}
TRAILERS = "\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"


def git(root: Path, *args: str) -> str:
    """Plain git in ``root`` as a CI runner or a reviewer runs it (their own identity)."""
    done = subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.com", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def run_cli(root: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The doccontrol command in ``root``, in English, ended after ``timeout`` seconds."""
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env={**os.environ, **EN},
    )


def vendor(root: Path) -> None:
    """Vendored Mermaid in a clone (`make vendor`, as CI runs it before the build)."""
    (root / ".cache/vendor").mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / ".cache/vendor/mermaid.min.js", root / ".cache/vendor/mermaid.min.js")


def site_text(site: Path) -> str:
    """Every HTML page the build wrote, as one text."""
    return "\n".join(p.read_text("utf-8", "replace") for p in sorted(site.rglob("*.html")))
