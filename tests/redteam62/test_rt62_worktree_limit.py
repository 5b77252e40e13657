"""The publishing limit as the work tree (or a branch) says it, not as main has it in force."""

from __future__ import annotations

import pytest
from rt41_helpers import (
    SECRET_BODY,
    SECRET_ID,
    SECRET_TITLE,
    built_site,
    leaks,
    mkdocs,
    site_with_secret,
)

MARKERS = [SECRET_BODY, SECRET_TITLE, SECRET_ID]
LIMIT = "max_confidentiality: internal"


def test_control_the_secret_is_not_on_the_site(scenario, tmp_path):
    s = site_with_secret(scenario)
    assert leaks(built_site(s, tmp_path / "site"), MARKERS) == []


def test_an_uncommitted_limit_in_the_work_tree_does_not_publish_the_secret(scenario, tmp_path):
    s = site_with_secret(scenario)
    s.set_config(LIMIT, "max_confidentiality: secret")  # never committed, never approved
    assert leaks(built_site(s, tmp_path / "site"), MARKERS) == []


@pytest.mark.parametrize("mode", ["lenient", "strict", "preview"])
def test_a_branch_raising_the_limit_does_not_publish_the_secret_in_its_review_build(
    scenario, tmp_path, mode
):
    s = site_with_secret(scenario)
    s.git.branch("cr-levels")
    s.set_config(LIMIT, "max_confidentiality: secret")
    s.git.commit("调整发布密级", who="zhaolei")  # a review branch, not approved, not on main
    result = mkdocs(s.root, tmp_path / "site", mode == "strict", preview=mode == "preview")
    assert result.returncode == 0, result.stderr
    found = leaks(tmp_path / "site", MARKERS)
    assert sorted({m for _, m in found}) == [], sorted({f for f, _ in found})
