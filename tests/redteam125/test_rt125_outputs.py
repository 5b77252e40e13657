"""What holes 1 and 2 show beyond the trail: `check` finds nothing, the strict site build
(DOCCONTROL_STRICT, as CI publishes) succeeds, and its 审批记录 page lists the approval as
已批准 with 赵磊 alone as 更改人 and 刘静 as 批准人."""

from __future__ import annotations

from rt27_helpers import cli_env
from rt125_helpers import DRAFTER, her_draft_typed

from gitrepo import PEOPLE
from site_helpers import mkdocs, page, site_repo, table_rows

HER = PEOPLE[DRAFTER][0]


def _row(site, summary: str) -> dict[str, str]:
    header, *rows = table_rows(page(site, "registers/approvals"), "dc-trail")
    found = [dict(zip(header, row, strict=True)) for row in rows if row[3] == summary]
    assert len(found) == 1, rows
    return found[0]


def _site(scenario, tmp_path, how: str, at: str = "drafts/p9.md") -> None:
    s = site_repo(scenario)
    her_draft_typed(s, how=how, at=at)
    assert cli_env(s.root, {}, "check").returncode == 0  # nothing for CI's check to find
    built = mkdocs(s.root, tmp_path / "site", True)
    if built.returncode != 0:
        return  # right: the strict build stops
    row = _row(tmp_path / "site", "补充说明")
    # today: 更改人 赵磊, 批准人 刘静, 结论 已批准, 问题 —
    assert HER in row["更改人"] and row["结论"] != "已批准" and "DC503" in row["问题"], row


def test_the_site_shows_her_gb18030_draft_as_approved_by_her(scenario, tmp_path):
    _site(scenario, tmp_path, "gb18030")


def test_the_site_shows_her_word_draft_as_approved_by_her(scenario, tmp_path):
    _site(scenario, tmp_path, "docx", at="drafts/p9.docx")


def test_control_the_site_shows_her_utf8_draft_as_hers(scenario, tmp_path):
    _site(scenario, tmp_path, "utf-8")
