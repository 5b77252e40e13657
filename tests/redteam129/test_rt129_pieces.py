"""Round 129, hole 1: a writer is owed only when one *source* (a commit, a path) gave the
change 40 characters (``loose.SUBSTANTIAL``) or a "sentence" (``loose.SENTENCE``: punctuation
or 24+ characters). 刘静's SM-P-09 process is nine short steps with no punctuation (99
characters, her whole process design); she drafts it on main three steps at a time, over
three commits or in three files, and removes it. 赵磊 copies her nine steps verbatim into
SM-P-09 with his scope line, and she approves. Each source gave 31 to 33 characters: nobody is
owed. Secure outcome: she is among the writers, DC503, not approved, `trail --strict` fails,
`log` shows V1.0 not approved, `approve` run by her refuses. Today: authors [赵磊], approved,
`trail --strict` 0, `approve` merges."""

from __future__ import annotations

import pytest
from rt129_helpers import DRAFTER, her_steps_in_pieces, verdict

VIAS = ["forge", "approve"]


def _judged(scenario, how, via, end=""):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_steps_in_pieces(scenario, how=how, via=via, end=end)
        return
    _draft, approval = her_steps_in_pieces(scenario, how=how, via=via, end=end)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("how", ["commits", "files"])
def test_her_steps_drafted_in_pieces_are_still_hers(scenario, how, via):
    _judged(scenario, how, via)


@pytest.mark.parametrize("via", VIAS)
def test_control_her_steps_in_one_commit_are_hers(scenario, via):
    """The control: the same nine steps in one commit of one file (99 characters from one
    source) name her."""
    _judged(scenario, "whole", via)


@pytest.mark.parametrize("via", VIAS)
def test_held_steps_in_pieces_written_as_sentences_are_hers(scenario, via):
    """Held: the same pieces (three commits) with each step ending in "。": one unit with
    sentence punctuation counts as SUBSTANTIAL, so her first commit is owed. The bar is
    passed by punctuation, not by how much of her text lands."""
    _judged(scenario, "commits", via, end="。")
