"""Round 129, hole 2 (a false positive of round 128's side-commit rule): a file a merge on
the line brought is owed to every commit of the merge's side (``GitReader.holding`` with no
path), not only to those that wrote the file. 孙悦 merges a branch of quarterly records; on
it 刘静 corrected a number in another record (the duty log). 赵磊's SM-P-09 quotes 孙悦's
lesson learned from the review record; 刘静 approves. She wrote none of SM-P-09's text.
Secure outcome: authors 赵磊 and 孙悦 (the record's writer), not 刘静; approved,
`trail --strict` 0, `approve` merges. Today: 刘静 among the authors, DC503 (segregation of
duties), `trail --strict` 1, `approve` refuses."""

from __future__ import annotations

import pytest
from rt120_helpers import event_of
from rt129_helpers import DRAFTER, quoted_record

from gitrepo import PEOPLE


def _judged(scenario, hers_on_side, via):
    approval = quoted_record(scenario, hers_on_side=hers_on_side, via=via)
    if via == "approve":
        return  # quoted_record asserts approve merged
    event = event_of(scenario, approval)
    names = sorted(p["name"] for p in event["authors"])
    codes = sorted({p["code"] for p in event["problems"]})
    assert PEOPLE[DRAFTER][0] not in names, (names, codes)
    assert PEOPLE["sunyue"][0] in names, (names, codes)
    assert event["approved"], (names, codes)


@pytest.mark.parametrize("via", ["forge", "approve"])
def test_her_unrelated_commit_on_the_side_makes_her_no_writer(scenario, via):
    _judged(scenario, True, via)


@pytest.mark.parametrize("via", ["forge", "approve"])
def test_control_a_side_without_her_commit_is_approved(scenario, via):
    """The control: the same records branch without her correction: 孙悦 is owed (she wrote
    the quoted record), 刘静 is not, the approval stands."""
    _judged(scenario, False, via)
