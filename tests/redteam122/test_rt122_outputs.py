"""What holes 1 and 3 show beyond the trail: `check` finds nothing, the strict site build
(DOCCONTROL_STRICT, as CI publishes) succeeds, and its 审批记录 page lists the approval as
已批准 with 赵磊 alone as 更改人 and 刘静 as 批准人; the register lists the version."""

from __future__ import annotations

import pytest
from rt122_helpers import (
    DRAFTER,
    PEOPLE,
    her_deletion,
    her_draft_on_the_line,
    site_names_her,
)

from site_helpers import site_repo

HER = PEOPLE[DRAFTER][0]
BUILDERS = {"deletion": her_deletion, "line": her_draft_on_the_line}


@pytest.mark.parametrize("hole", ["deletion", "line"])
def test_the_site_shows_her_change_as_approved_by_her(scenario, tmp_path, hole):
    s = site_repo(scenario)
    BUILDERS[hole](s)
    site_names_her(s, tmp_path / "site")
