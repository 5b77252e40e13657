"""The history cache after the session-21 fixes (`cache._expired`, `until`, the cache key):
whether a cache is reused once what it derived no longer holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from rt14_helpers import cli_env
from rt33_helpers import (
    TRUST,
    git_out,
    scenario,
    squash_out_of_order,
    trail_codes,
    trail_strict,
    trail_values,
)

REPO = Path(__file__).resolve().parents[2]
BEFORE_FIX = "f0bb190"  # the commit before session 21's fixes (5d63756)


def _old_tools(tmp_path: Path) -> Path:
    """The doccontrol package as it was before session 21 (git archive of this repository)."""
    out = tmp_path / "old"
    out.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", BEFORE_FIX, "tools"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out / "tools"


def _run_old(s, tools: Path, *args):
    env = {**os.environ, "LC_ALL": "en_US.UTF-8", "PYTHONPATH": str(tools)}
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_a_cache_from_before_the_squash_read_back_is_not_reused(tmp_path):
    """Round 33 hole 1's squash (a tree out of Git's order, one parent, `See merge request`,
    trust_unsigned_squash) on main. A clone (a CI runner, a reviewer's laptop) ran `doccontrol
    trail` with the version before session 21: it said "approved" and wrote the cache
    (format 32). After upgrading, the fixed version reads the same tip with the same cache key
    (FORMAT is still 32 and `__version__` is still 0.1.0), so it reuses that cache and the
    squash is still approved: no DC523, `trail --strict` passes. A fresh clone says DC523."""
    s = scenario(tmp_path, *TRUST)
    squash_out_of_order(s)
    old = _old_tools(tmp_path)
    before = _run_old(s, old, "trail", "--strict")
    assert before.returncode == 0, "the old version already saw it:\n" + before.stdout[-400:]
    assert list(s.root.joinpath(".git").rglob("history.json")), "the old version wrote no cache"
    # the same repository, cloned without the cache: the fixed version says DC523
    fresh = tmp_path / "fresh"
    subprocess.run(["git", "clone", "-q", str(s.root), str(fresh)], check=True)
    subprocess.run(["git", "-C", str(fresh), "branch", "-f", "main", "origin/main"], check=False)
    clean = cli_env(fresh, {}, "trail", "--strict")
    assert clean.returncode == 1 and "DC523" in clean.stdout, clean.stdout[-500:]
    code, out = trail_strict(s)
    assert "DC523" in trail_codes(s) and code == 1, (
        "the upgraded doccontrol reuses the old version's cache: the squash out of Git's order "
        "still counts as approved (a clone without the cache says DC523)\n" + out[-500:]
    )


def _future_commit(s, seconds_after_allowance: int) -> None:
    """A controlled change on main (a direct commit of a file outside docs/) whose committer
    date is the clock allowance (1 h) plus ``seconds_after_allowance`` after now."""
    import datetime

    when = datetime.datetime.now(datetime.UTC) + datetime.timedelta(
        hours=1, seconds=seconds_after_allowance
    )
    (s.root / "notes.txt").write_text("x\n", encoding="utf-8")
    git_out(s, "add", "notes.txt")
    stamp = when.isoformat(timespec="seconds")
    env = {**os.environ, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_DATE": stamp}
    subprocess.run(
        ["git", "commit", "-q", "-m", "笔记"], cwd=s.root, env=env, check=True, capture_output=True
    )


def _keys(s) -> list[str]:
    return trail_values(s, "key", "problem.DC524")


def test_an_extended_cache_still_expires_when_the_date_comes(tmp_path):
    """Under control, main gets a commit dated 1 h 25 s after now (DC524.future; the cache
    holds until now + 25 s). A later honest commit is added and a run extends the cache from
    its state (`restore` / `export`: `valid_until`). The extended cache must still say until
    when it holds, and not be used from then on (asked of the cache with that moment, rather
    than waited for: no timed tests)."""
    import datetime

    from doccontrol.history import cache

    s = scenario(tmp_path)
    _future_commit(s, 25)
    assert "problem.DC524.future" in _keys(s)
    header = json.loads(next(s.root.joinpath(".git").rglob("history.json")).read_text("utf-8"))
    assert header.get("until"), header.get("until")
    (s.root / "more.txt").write_text("y\n", encoding="utf-8")
    git_out(s, "add", "more.txt")
    subprocess.run(
        ["git", "commit", "-q", "-m", "更多"], cwd=s.root, check=True, capture_output=True
    )
    assert "problem.DC524.future" in _keys(s)  # the extension (date not come yet)
    path = next(s.root.joinpath(".git").rglob("history.json"))
    header = json.loads(path.read_text("utf-8"))
    assert header.get("until"), "the extended cache lost its `until`: " + repr(header.get("until"))
    until = datetime.datetime.fromisoformat(header["until"])
    key, head = header["key"], header["head"]
    assert cache.open_history(path.parent, key, head, until - datetime.timedelta(seconds=1))
    assert cache.open_history(path.parent, key, head, until) is None
    assert cache.read_state(path.parent, key, head, until) is None
