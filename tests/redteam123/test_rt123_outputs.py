"""What holes 1 and 2 show beyond the trail: `check` finds nothing, the strict site build
(DOCCONTROL_STRICT, as CI publishes) succeeds, and its 审批记录 page lists the approval as
已批准 with 赵磊 alone as 更改人 and 刘静 as 批准人."""

from __future__ import annotations

import pytest
from rt123_helpers import (
    DRAFTER,
    PEOPLE,
    cli_env,
    her_draft_in_an_approval,
    her_draft_taken_by_a_plain_merge,
)

from site_helpers import mkdocs, page, site_repo, table_rows

HER = PEOPLE[DRAFTER][0]
BUILDERS = {"plain-merge": her_draft_taken_by_a_plain_merge, "rules": her_draft_in_an_approval}


def _row(site, summary: str) -> dict[str, str]:
    header, *rows = table_rows(page(site, "registers/approvals"), "dc-trail")
    found = [dict(zip(header, row, strict=True)) for row in rows if row[3] == summary]
    assert len(found) == 1, rows
    return found[0]


@pytest.mark.parametrize(
    "hole",
    [
        "plain-merge",
        "rules",
    ],
)
def test_the_site_shows_her_change_as_approved_by_her(scenario, tmp_path, hole):
    s = site_repo(scenario)
    BUILDERS[hole](s)
    assert cli_env(s.root, {}, "check").returncode == 0  # nothing for CI's check to find
    built = mkdocs(s.root, tmp_path / "site", True)
    if built.returncode != 0:
        return  # right: the strict build stops
    row = _row(tmp_path / "site", "补充说明")
    # today: 更改人 赵磊, 批准人 刘静, 结论 已批准, 问题 —
    assert HER in row["更改人"] and row["结论"] != "已批准" and "DC503" in row["问题"], row
