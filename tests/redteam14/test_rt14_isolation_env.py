"""git's merge made "in an empty Git directory of its own": the environment variables it keeps
still point git at a configuration, attributes or a commit graph of someone's choosing."""

from __future__ import annotations

import pytest
from rt14_helpers import (
    approve,
    approve_env,
    both_lines,
    both_sides_changed,
    clean,
    cli_env,
    driver_merge,
    git,
    last_keys,
    take_branch_driver,
)


def _common_dir(s):
    # the approver's own set-up: a driver in .git/config and .git/info/attributes, which the
    # isolated merge must not see; GIT_COMMON_DIR names that very directory (so every other
    # git command of doccontrol still reads the same repository)
    take_branch_driver(s.root / ".git", s)
    return {"GIT_COMMON_DIR": str(s.root / ".git")}


def _graft_file(s, onto):
    # a graft file outside the repository: the branch's commit "descends" from ``onto``, so the
    # merge base is ``onto`` and the merge takes the branch's whole file
    graft = s.root.parent / "grafts"
    tip = git(s, "rev-parse", "b").stdout.strip()
    graft.write_text(f"{tip} {git(s, 'rev-parse', onto).stdout.strip()}\n")
    return {"GIT_GRAFT_FILE": str(graft)}


SHAPES = {
    "GIT_COMMON_DIR": lambda s, onto: _common_dir(s),
    "GIT_GRAFT_FILE": _graft_file,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_approve_commits_gits_merge_whatever_the_environment(tmp_path, shape):
    """FINDING. Run with GIT_COMMON_DIR (naming the repository's own .git, whose config and
    info/attributes hold a merge driver) or GIT_GRAFT_FILE, approve judges and commits a merge
    that undoes main's approved change; the trail on a clean machine says DC516.merged."""
    s = both_sides_changed(tmp_path)
    env = SHAPES[shape](s, "main")
    result, merged = approve_env(s, "b", env)
    if merged:  # safe: git's own merge, holding main's approved line and the branch's
        assert both_lines(s), git(s, "show", "main:overrides/extra.css").stdout
        assert "problem.DC516.merged" not in last_keys(s)
    else:
        assert result.returncode != 0 and "Traceback" not in result.stderr
        clean(s)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_trails_merge_check_is_not_shaped_by_the_environment(tmp_path, shape):
    """FINDING. A merge made by a driver that undid main's approved change is DC516.merged on a
    clean machine; with GIT_COMMON_DIR or GIT_GRAFT_FILE in the environment the trail accepts
    it (git's "own" merge then takes the driver / the graft too)."""
    s = both_sides_changed(tmp_path)
    before = git(s, "rev-parse", "main").stdout.strip()
    driver_merge(s)
    env = SHAPES[shape](s, before)
    assert "problem.DC516.merged" in last_keys(s, env)


def test_a_relative_git_dir_does_not_turn_a_clean_merge_into_a_problem(tmp_path):
    """FINDING. ``GIT_DIR=.git`` (a common shell idiom; git itself hands hooks ``GIT_DIR=.``):
    merge_tree runs its ``rev-parse`` with the Git directory as working directory, where
    ``.git`` names nothing, so the trail finds no merge and reports a clean ``approve`` merge
    (DC516); approve, likewise, refuses it as conflicting."""
    s = both_sides_changed(tmp_path)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    strict = cli_env(s.root, {"GIT_DIR": ".git"}, "trail", "--strict")
    assert strict.returncode == 0, strict.stdout[-600:] + strict.stderr


def test_approve_with_a_relative_git_dir_is_not_refused_as_conflicting(tmp_path):
    """FINDING (same cause). ``GIT_DIR=.git doccontrol approve b`` refuses a clean merge with
    "cannot be merged"; without the variable it is approved."""
    s = both_sides_changed(tmp_path)
    result, merged = approve_env(s, "b", {"GIT_DIR": ".git"})
    assert merged, result.stdout + result.stderr
    assert both_lines(s)


def test_held_a_config_env_handed_down_plays_no_part_in_approve(tmp_path):
    """HELD. GIT_CONFIG_COUNT/KEY/VALUE (driver) + .git/info/attributes: approve commits
    git's own merge."""
    s = both_sides_changed(tmp_path)
    take_branch_driver(s.root / ".git", s)
    git(s, "config", "--unset", "merge.takebranch.driver")
    env = {
        "GIT_CONFIG_COUNT": "2",
        "GIT_CONFIG_KEY_0": "merge.takebranch.driver",
        "GIT_CONFIG_VALUE_0": "cp %B %A",
        "GIT_CONFIG_KEY_1": "core.attributesFile",
        "GIT_CONFIG_VALUE_1": str(s.root / ".git" / "info" / "attributes"),
    }
    result, merged = approve_env(s, "b", env)
    assert merged, result.stdout + result.stderr
    assert both_lines(s)
    assert "problem.DC516.merged" not in last_keys(s)
