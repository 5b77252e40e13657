"""Round 124, hole 3: before any approval event is on main, `doccontrol approve` asks nothing
of a branch that forks from a line commit (``approve._untaken``: "the line under control: from
the first approval on"), while the trail asks the line question of every line commit under
control (and before control began) that is no approval event. So the drafter's `approve` of a
branch that copies her draft (committed on main and removed) into SM-P-09 merges, and the trail
then reports it as her own approval (DC503). One truth: approve should refuse what the trail
will refuse."""

from __future__ import annotations

import pytest
from rt124_helpers import her_draft_before_any_approval


@pytest.mark.parametrize("when", ["control", "precontrol"])
def test_approve_refuses_before_any_approval_as_the_trail_will(scenario, when):
    _draft, _head, result = her_draft_before_any_approval(scenario, when=when)
    assert "segregation of duties" in result.stdout + result.stderr, result.stdout


@pytest.mark.parametrize("when", ["control", "precontrol"])
def test_control_approve_refuses_after_a_first_approval(scenario, when):
    _draft, _head, result = her_draft_before_any_approval(scenario, when=when, first=True)
    assert "segregation of duties" in result.stdout + result.stderr, result.stdout
