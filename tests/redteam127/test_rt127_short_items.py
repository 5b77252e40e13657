"""Round 127, hole 3: since round 126 a list item shorter than 16 characters is a name, not
indexed (``loose.SHORTEST_ITEM``); only the list as one paragraph is. A procedure's steps are
such items (a Chinese clause of 12 to 15 characters). 刘静 commits her steps as a Markdown
list on main and removes them; 赵磊 writes his SM-P-09 whose 流程描述 is her list word for
word, spelt as Markdown allows for the same list: a blank line between the items (a loose
list) or ``*`` bullets. No paragraph of his equals hers and no item is indexed, so nobody is
owed. Secure outcome: she is among the writers, DC503, not approved, `trail --strict` fails,
`approve` run by her refuses. Today: authors [赵磊], approved, `trail --strict` 0."""

from __future__ import annotations

import pytest
from rt127_helpers import DRAFTER, her_steps_copied, verdict

VIAS = ["forge", "approve"]


def _judged(scenario, spelt, via):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_steps_copied(scenario, spelt=spelt, via=via)
        return
    _draft, approval = her_steps_copied(scenario, spelt=spelt, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("spelt", ["loose", "star"])
def test_her_steps_respelt_as_the_same_list_are_still_hers(scenario, spelt, via):
    _judged(scenario, spelt, via)


@pytest.mark.parametrize("via", VIAS)
def test_control_her_steps_copied_as_she_spelt_them_are_hers(scenario, via):
    """The control: the list copied as she spelt it is her paragraph: she is named."""
    _judged(scenario, "tight", via)
