"""Round 37, the history cache after session 22: damaged caches (`cache._read_file`), and the
warm path (`derive._cached`, one `git rev-parse`) against a fresh derivation."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from rt37_helpers import git, run_cli

from history_helpers import body, make_scenario


def _approved(tmp_path):
    """SM-P-01 V1.0 imported, then V1.1 approved by a merge (刘静 approved, 王芳 reviewed)."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("批准的修订"), effective_date="2026-02-01")
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准修订")
    return s


@pytest.mark.parametrize("name", ["history.json", "events", "state.json"])
def test_a_cache_file_that_is_a_fifo_does_not_hang(tmp_path, name):
    """Session 22 reads the cache's files "only as regular files, never through a link"
    (`_read_file`: O_NOFOLLOW, then fstat and S_ISREG). The check comes after `os.open`, and
    opening a named pipe for reading waits for a writer. So `history.json`, the events file
    or `state.json` (read when main moved on) left as a FIFO (a tool, a fault: the same
    standing as round 35's link to /dev/zero) makes every run wait for ever.
    Seen: `trail` is still waiting after 20 s (killed by the test's timeout).
    Right: a fresh derivation (or git.cache-damaged), as for a link or a device: open with
    O_NONBLOCK (reading a regular file ignores it), or lstat before opening."""
    s = _approved(tmp_path)
    assert run_cli(s.root, "trail").returncode == 0  # the cache is written
    folder = s.root / ".git/doccontrol"
    if name == "events":
        target = folder / json.loads((folder / "history.json").read_text())["events"]
    else:
        target = folder / name
    assert target.is_file()
    if name == "state.json":
        s.git.commit("无关的提交", who="wangfang")  # main moves on: the state is read to extend
    target.unlink()
    os.mkfifo(target)
    try:
        done = run_cli(s.root, "trail", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"doccontrol trail waits for ever on .git/doccontrol/{target.name} (a FIFO)")
    assert "Traceback" not in done.stderr, done.stderr
    if name == "events":
        # read after the history was returned: too late to derive again, so the designed
        # answer is git.cache-damaged (the cache removed), and the next run derives afresh
        assert done.returncode == 2 and "was damaged and has been removed" in done.stderr, (
            done.stderr
        )
        done = run_cli(s.root, "trail", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "批准修订" in done.stdout


@pytest.mark.parametrize("checkout", ["detached at the tip", "a linked worktree", "main as a tag"])
def test_the_warm_path_answers_as_a_fresh_clone(tmp_path, checkout):
    """Guard (holds): a cached run at main's tip, checked out three odd ways: HEAD detached
    at the tip; a linked worktree (`git worktree add --detach`, HEAD and the cache its own);
    a tag named `main` at an older commit beside the branch. The warm run (the second, from
    the cache) and a fresh clone give the same trail and log."""
    s = _approved(tmp_path)
    s.git.branch("cr-2")
    s.files.doc(version="V1.2", body=body("未批准的修订"), effective_date="2026-03-01")
    s.git.commit("直接修订", who="zhaolei")  # a direct commit on cr-2, then on main
    s.git.checkout("main")
    s.git.run("merge", "--ff-only", "-q", "cr-2")
    where = s.root
    if checkout == "detached at the tip":
        s.git.run("checkout", "-q", "--detach", "main")
    elif checkout == "a linked worktree":
        where = tmp_path / "wt"
        s.git.run("worktree", "add", "-q", "--detach", str(where), "main")
    else:
        s.git.run("tag", "main", "main~1")
    fresh = tmp_path / "fresh"
    git(tmp_path, "clone", "-q", str(s.root), str(fresh))
    for args in (("trail",), ("log", "SM-P-01")):
        want = run_cli(fresh, *args)
        first, warm = run_cli(where, *args), run_cli(where, *args)
        assert want.returncode == first.returncode == warm.returncode, (args, warm.stderr)
        assert want.stdout == first.stdout == warm.stdout, (args, want.stdout, warm.stdout)
    assert "DC501" in want.stdout  # the direct commit on main is seen, warm or fresh


@pytest.mark.skipif(shutil.which("gpg") is None, reason="needs gpg")
def test_a_signed_history_extended_keeps_its_first_until(tmp_path, monkeypatch):
    """Guard (holds): a history with a GPG-signed approval is cached until a day after it
    was judged (`SIGNED_HOLDS`). Main then moves on twice, and each run extends the cache
    (`read_state`) without judging the old signature again. The extended cache keeps the
    first `until`, so the old verdict is not carried past a day by new commits; and the
    keyring's state is written with it."""
    from test_rt35_cache import signed_approval

    s, _ = signed_approval(tmp_path, monkeypatch, tmp_path / "gnupg", require_signed=False)
    assert "Good signature" in run_cli(s.root, "trail").stdout
    header = s.root / ".git/doccontrol/history.json"
    first = json.loads(header.read_text())
    assert first["until"] and first["keyring"]
    for n in (1, 2):
        (s.root / "notes.txt").write_text(f"main moves on {n}\n", encoding="utf-8")
        s.git.commit(f"无关的提交 {n}", who="zhaolei")
        assert "Good signature" in run_cli(s.root, "trail").stdout
        later = json.loads(header.read_text())
        assert later["head"] == s.git.head() and later["keyring"] == first["keyring"]
        assert later["until"] == first["until"], (first["until"], later["until"])
