"""What the round 32 tests share (on top of rounds 14 to 31's helpers)."""

from __future__ import annotations

import datetime
import zipfile

from rt24_helpers import DOC_B
from rt27_helpers import approve, branch_with, cli_env, new_doc, register, trail_strict

from builders import TODAY

__all__ = [
    "DOC_B",
    "TODAY",
    "approve_ok",
    "branch_with",
    "cli_env",
    "new_doc",
    "pack_entries",
    "register",
    "run",
    "trail_strict",
]


def run(s, *args):
    """The real CLI in ``s``'s repository, in English."""
    return cli_env(s.root, {}, *args)


def approve_ok(s, branch, *extra):
    """刘静 approves ``branch`` (王芳 reviewed) with the real `doccontrol approve`."""
    result, merged = approve(s, branch, "liujing", "wangfang", *extra)
    assert merged, result.stdout + result.stderr
    return s.git.head()


def pack_entries(s, out, start="2026-01-01", end=TODAY, *extra):
    """`audit-pack --from start --to end -o out`; {entry name: text}."""
    made = run(s, "audit-pack", "--from", start, "--to", end, "-o", str(out), *extra)
    assert made.returncode == 0, made.stdout + made.stderr
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist()}


def a_later_day() -> str:
    """A day still ahead when the test runs: a week after TODAY, which is read once when the
    tests start, so a run that goes on past midnight does not reach it (TODAY + 1 did)."""
    return (datetime.date.fromisoformat(TODAY) + datetime.timedelta(days=7)).isoformat()
