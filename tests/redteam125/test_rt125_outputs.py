"""What holes 1 and 2 show beyond the trail: `check` finds nothing, the strict site build
(DOCCONTROL_STRICT, as CI publishes) succeeds, and its 审批记录 page lists the approval as
已批准 with 赵磊 alone as 更改人 and 刘静 as 批准人."""

from __future__ import annotations

from rt122_helpers import site_names_her
from rt125_helpers import DRAFTER, her_draft_typed

from gitrepo import PEOPLE
from site_helpers import site_repo

HER = PEOPLE[DRAFTER][0]


def _site(scenario, tmp_path, how: str, at: str = "drafts/p9.md") -> None:
    s = site_repo(scenario)
    her_draft_typed(s, how=how, at=at)
    site_names_her(s, tmp_path / "site")


def test_the_site_shows_her_gb18030_draft_as_approved_by_her(scenario, tmp_path):
    _site(scenario, tmp_path, "gb18030")


def test_the_site_shows_her_word_draft_as_approved_by_her(scenario, tmp_path):
    _site(scenario, tmp_path, "docx", at="drafts/p9.docx")


def test_control_the_site_shows_her_utf8_draft_as_hers(scenario, tmp_path):
    _site(scenario, tmp_path, "utf-8")
