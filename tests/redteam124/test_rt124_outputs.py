"""What holes 1 and 2 show beyond the trail: `check` finds nothing, the strict site build
(DOCCONTROL_STRICT, as CI publishes) succeeds, and its 审批记录 page lists the approval as
已批准 with 赵磊 alone as 更改人 and 刘静 as 批准人."""

from __future__ import annotations

from rt122_helpers import site_names_her
from rt124_helpers import DRAFTER, her_draft_beside_an_approval

from gitrepo import PEOPLE
from site_helpers import site_repo

HER = PEOPLE[DRAFTER][0]


def _site(scenario, tmp_path, fork: str) -> None:
    s = site_repo(scenario)
    her_draft_beside_an_approval(s, fork=fork)
    site_names_her(s, tmp_path / "site")


def test_the_site_shows_her_change_as_approved_by_her_tip(scenario, tmp_path):
    _site(scenario, tmp_path, "tip")


def test_the_site_shows_her_change_as_approved_by_her_merge(scenario, tmp_path):
    _site(scenario, tmp_path, "merge")


def test_control_the_site_shows_her_change_as_hers(scenario, tmp_path):
    _site(scenario, tmp_path, "draft")
