"""What the round 14 tests share: a free-form controlled file changed on main (approved) and on
a branch ``b`` (another line), which git merges cleanly; approve run as 陈明远 with extra
environment; the trail as JSON with extra environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from disposition_helpers import approved, scenario, strict  # noqa: F401
from merge_helpers import (  # noqa: F401
    CSS,
    LINES,
    both_sides_changed,
    branch_scenario,
    css,
    listing,
    sign_by_configuration,
)
from rules_attacks import approve, identity, keys, last_event, run  # noqa: F401

TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def take_branch_driver(git_dir, s):
    """A merge driver that takes the branch's whole version (undoing main's approved change),
    configured in ``git_dir`` (its config and info/attributes)."""
    (git_dir / "info").mkdir(exist_ok=True)
    (git_dir / "info" / "attributes").write_text("*.css merge=takebranch\n")
    subprocess.run(
        ["git", "config", "-f", str(git_dir / "config"), "merge.takebranch.driver", "cp %B %A"],
        check=True,
    )


def approve_env(s, branch, env, who="chenmy", reviewer="wangfang", *extra):
    """``who`` runs doccontrol approve BRANCH with extra environment; (result, main moved)."""
    identity(s, who)
    before = s.git.run("rev-parse", "main")
    result = cli_env(s.root, env, "approve", branch, "--reviewer", reviewer, *extra)
    return result, s.git.run("rev-parse", "main") != before


def cli_env(root, env, *args):
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "en_US.UTF-8", **env},
    )


def trail_json(s, env=None):
    out = cli_env(s.root, env or {}, "trail", "--format", "json")
    assert out.stdout, out.stderr
    return json.loads(out.stdout)


def last_keys(s, env=None):
    return [p["key"] for p in trail_json(s, env)["events"][-1]["problems"]]


def git(s, *args, env=None, check=True, input=None):
    return subprocess.run(
        ["git", *args],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=check,
        input=input,
        env={**os.environ, **(env or {})},
    )


def clean(s):
    """Nothing half-written: no merge in progress, index and work tree as main has them."""
    assert not (s.root / ".git" / "MERGE_HEAD").exists()
    assert git(s, "status", "--porcelain", "--untracked-files=no").stdout == ""


def no_traceback(result):
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


def event_of(s, sha, env=None):
    """The trail's event for commit ``sha`` (JSON), or None."""
    return next((e for e in trail_json(s, env)["events"] if e["commit"] == sha), None)


def driver_merge(s):
    """陈明远 merges ``b`` with ``git merge`` where a driver takes the branch's whole file: main's
    approved change (line 2 blue) is undone, a version no review showed."""
    take_branch_driver(s.root / ".git", s)
    s.git.run(
        "merge", "--no-ff", "-q", "-m", f"Merge branch 'b'\n\nb\n\n{TRAILERS}", "b",
        who="chenmy", date=s.git.next_date(),
    )  # fmt: skip
    assert "color: blue" not in (s.root / CSS).read_text()
    return s.git.head()


def both_lines(s, rev="main"):
    """Whether ``rev``'s stylesheet is git's clean merge: main's approved line and the branch's."""
    text = git(s, "show", f"{rev}:{CSS}").stdout
    return "color: blue" in text and "color: green" in text
