"""The repository's shape: a blobless (partial) clone, a shallow clone read with
--allow-shallow, a linked worktree, a sha256 repository, a ``clone --shared``."""

from __future__ import annotations

import json
import subprocess

from rt14_helpers import (
    approve,
    both_lines,
    both_sides_changed,
    cli_env,
    driver_merge,
    git,
    last_keys,
)


def _approved(tmp_path):
    s = both_sides_changed(tmp_path)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    assert cli_env(s.root, {}, "trail", "--strict").returncode == 0
    return s


def _objects(root):
    return sorted(p.name for p in (root / ".git" / "objects").rglob("*") if p.is_file())


def test_a_blobless_clone_judges_a_clean_merge_as_clean(tmp_path):
    """FINDING. CI checks out with ``--filter=blob:none`` (actions/checkout ``filter:``).
    merge_tree's own Git directory has none of the repository's promisor configuration, so
    git cannot fetch the blobs the merge needs: no merge, and the trail reports DC516.merged
    on a clean ``approve`` merge; ``--strict`` fails the build."""
    s = _approved(tmp_path)
    git(s, "config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "partial"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", "--no-local", f"file://{s.root}", str(clone)],
        check=True,
    )
    out = cli_env(clone, {}, "trail", "--strict")
    assert out.returncode == 0, out.stdout[-700:] + out.stderr


def test_a_shallow_clone_does_not_accuse_a_merge_it_cannot_judge(tmp_path):
    """FINDING (low). ``git clone --depth 2`` + ``trail --allow-shallow``: the merge base lies
    past the shallow boundary, git cannot merge, and the trail says the approval merge "mixed in
    content no review showed" (DC516.merged) instead of saying it cannot judge it."""
    s = _approved(tmp_path)
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{s.root}", str(clone)], check=True
    )
    out = cli_env(clone, {}, "trail", "--format", "json", "--allow-shallow")
    events = {e["commit"]: e for e in json.loads(out.stdout)["events"]}
    merge = git(s, "rev-parse", "main").stdout.strip()
    if merge in events:
        assert "problem.DC516.merged" not in [p["key"] for p in events[merge]["problems"]]


def test_held_approve_and_trail_in_a_linked_worktree_of_main(tmp_path):
    """HELD. main checked out in a linked worktree (the main one detached): approve commits
    git's merge there, nothing is left staged, the trail accepts it."""
    s = both_sides_changed(tmp_path)
    git(s, "checkout", "-q", "--detach")
    tree = tmp_path / "wt"
    git(s, "worktree", "add", "-q", str(tree), "main")
    git(s, "config", "user.name", "陈明远")
    git(s, "config", "user.email", "chen.mingyuan@example.com")
    done = cli_env(tree, {}, "approve", "b", "--reviewer", "wangfang")
    assert done.returncode == 0, done.stdout + done.stderr
    assert both_lines(s)
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tree, capture_output=True)
    assert status.stdout == b""
    assert cli_env(tree, {}, "trail", "--strict").returncode == 0


def test_held_a_sha256_repository(tmp_path, monkeypatch):
    """HELD. A sha256 repository: approve commits git's merge, the trail accepts it, and a
    driver-made merge is still DC516.merged."""
    monkeypatch.setenv("GIT_DEFAULT_HASH", "sha256")
    s = both_sides_changed(tmp_path / "a")
    assert git(s, "rev-parse", "--show-object-format").stdout.strip() == "sha256"
    result, merged = approve(s, "b")
    assert merged and both_lines(s), result.stdout + result.stderr
    assert cli_env(s.root, {}, "trail", "--strict").returncode == 0
    other = both_sides_changed(tmp_path / "b")
    driver_merge(other)
    assert "problem.DC516.merged" in last_keys(other)


def test_held_a_shared_clone_is_judged_and_nothing_written(tmp_path):
    """HELD. ``git clone --shared`` (objects through info/alternates): the trail accepts the
    approve merge and writes no object into the clone."""
    s = _approved(tmp_path)
    clone = tmp_path / "shared"
    subprocess.run(["git", "clone", "-q", "--shared", str(s.root), str(clone)], check=True)
    before = _objects(clone)
    out = cli_env(clone, {}, "trail", "--strict")
    assert out.returncode == 0, out.stdout[-500:] + out.stderr
    assert _objects(clone) == before
