"""Round 125, holes 1 and 2: the loose index (``history/loose.py``) reads a draft only as UTF-8
text with LF (or CRLF) line ends. 刘静 commits her SM-P-09 draft straight on main at a path
nothing controls and removes it; 赵磊 branches from main afterwards (no tree his branch forks
from holds her draft: only the index can name her), copies her text verbatim into SM-P-09 with
his one scope line, and she approves. Hole 1: the draft is spelt in another encoding every
editor reads (GB18030, UTF-16 with its BOM) or with classic Mac line ends (CR). Hole 2: the
draft is a Word file (``drafts/p9.docx``). Secure outcome: she is among the writers, DC503,
not approved, `trail --strict` fails, `log SM-P-09` shows V1.0 not approved, and `approve`
run by her refuses. Today: authors [赵磊], no problem, approved, `trail --strict` 0, and
`approve` merges."""

from __future__ import annotations

import pytest
from rt125_helpers import DRAFTER, her_draft_typed, verdict

VIAS = ["forge", "approve"]
HOLE2 = (
    "open (round 125): hole 2 (HIGH): a draft committed on main as a Word file (.docx, a zip) "
    "is indexed as its compressed bytes, so a verbatim copy of its paragraphs into a document "
    "owes its writer nothing"
)


def _judged(scenario, how, via, at=None):
    kwargs = {"at": at} if at else {}
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_typed(scenario, how=how, via=via, **kwargs)
        return
    _draft, approval = her_draft_typed(scenario, how=how, via=via, **kwargs)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("how", ["gb18030", "utf-16", "cr"])
def test_a_draft_spelt_otherwise_is_still_hers(scenario, how, via):
    _judged(scenario, how, via)


@pytest.mark.parametrize("via", VIAS)
def test_a_draft_in_a_word_file_is_still_hers(scenario, via):
    _judged(scenario, "docx", via, at="drafts/p9.docx")


@pytest.mark.parametrize("via", VIAS)
def test_control_a_utf8_draft_is_hers(scenario, via):
    """Holes 1 and 2's control: the same draft as UTF-8 with LF line ends names her."""
    _judged(scenario, "utf-8", via)


@pytest.mark.parametrize("how", ["crlf", "utf-8-sig"])
def test_held_windows_line_ends_and_a_bom_are_read(scenario, how):
    """What the index does read: CR before LF is white space it removes, and a BOM only
    spoils the first line (the front matter's opening rule)."""
    _judged(scenario, how, "forge")
