"""work_tree_differs asks `git diff <main's tip>`, which trusts the index's flags: a work-tree
doccontrol.yml marked assume-unchanged or skip-worktree is "the same" whatever it holds."""

from __future__ import annotations

import json

import pytest
from rt41_helpers import SECRET_BODY, SECRET_TITLE, leaks, site_with_secret

from site_helpers import mkdocs

LIMIT = "max_confidentiality: internal"


def test_control_a_plain_uncommitted_edit_is_caught(scenario, tmp_path):
    """Session 27's fix: the same edit, unmarked, decides nothing."""
    s = site_with_secret(scenario)
    s.set_config(LIMIT, "max_confidentiality: secret")
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", [SECRET_BODY, SECRET_TITLE]) == []


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
def test_a_marked_uncommitted_edit_does_not_publish_the_secret(scenario, tmp_path, flag):
    """`git update-index <flag> doccontrol.yml`, then the edit: `git diff`/`git status` show
    nothing, the strict desk build publishes SM-P-07 and stamps `level: secret` with main's
    head, as if main's rules had published it."""
    s = site_with_secret(scenario)
    s.git.run("update-index", flag, "doccontrol.yml")
    s.set_config(LIMIT, "max_confidentiality: secret")
    assert s.git.run("status", "--porcelain") == ""
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    stamp = out / "doccontrol-build.json"
    level = json.loads(stamp.read_text("utf-8"))["level"] if stamp.is_file() else None
    found = leaks(out, [SECRET_BODY, SECRET_TITLE])
    assert (found, level) == ([], "internal" if stamp.is_file() else None), sorted(
        {f for f, _ in found}
    )
