"""Round 127, hole 1: a merge's loose file is blamed line by line as git splits it (at LF),
while the index reads it as an editor does (every line end ``str.splitlines`` knows). 刘静
writes her SM-P-09 draft on a branch with classic Mac line ends (CR) or U+2028 between its
lines; 赵磊 fixes one typo in it on that branch; she merges the branch into main (a merge of a
file nothing controls: no problem) and removes the draft. To git blame the whole draft is one
line, and its last writer is 赵磊's proofreading commit: ``loose._wrote`` finds no line among
the hits and falls back on "every commit blame names", i.e. 赵磊 alone. He then copies her
text verbatim into SM-P-09 with his one scope line, and she approves. Secure outcome: she is
among the writers, DC503, not approved, `trail --strict` fails, `log SM-P-09` shows V1.0 not
approved, `approve` run by her refuses. Today: authors [赵磊], no problem, approved,
`trail --strict` 0, and `approve` merges."""

from __future__ import annotations

import pytest
from rt122_helpers import site_names_her
from rt127_helpers import DRAFTER, her_draft_proofread, verdict

from site_helpers import site_repo

VIAS = ["forge", "approve"]


def _judged(scenario, ends, via):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_proofread(scenario, ends=ends, via=via)
        return
    _draft, approval = her_draft_proofread(scenario, ends=ends, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("ends", ["cr", "u2028"])
def test_a_proofread_draft_with_other_line_ends_is_still_hers(scenario, ends, via):
    _judged(scenario, ends, via)


@pytest.mark.parametrize("via", VIAS)
def test_control_a_proofread_draft_with_lf_is_hers(scenario, via):
    """The control: the same history with LF line ends. Blame gives her lines to her commit
    and the title line to 赵磊's fix: she is named."""
    _judged(scenario, "lf", via)


@pytest.mark.parametrize("via", VIAS)
def test_held_a_proofread_draft_with_windows_line_ends_is_hers(scenario, via):
    """Held: with CRLF git blame still splits the draft into its lines (the CR is white space
    to ``units``), so her unchanged lines are blamed to her commit."""
    _judged(scenario, "crlf", via)


def _site(scenario, tmp_path, ends: str) -> None:
    s = site_repo(scenario)
    her_draft_proofread(s, ends=ends)
    site_names_her(s, tmp_path / "site")


def test_the_site_shows_her_proofread_cr_draft_as_approved_by_her(scenario, tmp_path):
    _site(scenario, tmp_path, "cr")


def test_control_the_site_shows_her_proofread_lf_draft_as_hers(scenario, tmp_path):
    _site(scenario, tmp_path, "lf")
