"""What holes 1 and 2 show beyond the trail: `check` finds nothing, the strict site build
(DOCCONTROL_STRICT, as CI publishes) succeeds, and its 审批记录 page lists the approval as
已批准 with 赵磊 alone as 更改人 and 刘静 as 批准人."""

from __future__ import annotations

import pytest
from rt122_helpers import site_names_her
from rt123_helpers import (
    DRAFTER,
    PEOPLE,
    her_draft_in_an_approval,
    her_draft_taken_by_a_plain_merge,
)

from site_helpers import site_repo

HER = PEOPLE[DRAFTER][0]
BUILDERS = {"plain-merge": her_draft_taken_by_a_plain_merge, "rules": her_draft_in_an_approval}


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
    site_names_her(s, tmp_path / "site")
