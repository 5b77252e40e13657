"""Round 127, hole 2: a draft in a text format whose text an editor shows without its markup.
The index reads a loose file's bytes as text (``loose.file_text``: encodings, line ends, and
office zips since round 125), so a rich-text file (RTF: Word's and WordPad's own text format,
every Chinese character spelt ``\\'hh\\'hh``) or a web page (each line inside ``<p>…</p>``)
indexes units no document ever holds. 刘静 commits her SM-P-09 draft on main as
``drafts/p9.rtf`` or ``drafts/p9.html`` and removes it; 赵磊 opens it in Word or a browser,
copies her text verbatim into SM-P-09 with his scope line, and she approves. Secure outcome:
she is among the writers, DC503, not approved, `trail --strict` fails, `log` shows V1.0 not
approved, `approve` run by her refuses. Today: authors [赵磊], approved, `trail --strict` 0,
`approve` merges."""

from __future__ import annotations

import pytest
from rt127_helpers import DRAFTER, her_draft_marked_up, verdict

VIAS = ["forge", "approve"]


def _judged(scenario, how, via):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_marked_up(scenario, how=how, via=via)
        return
    _draft, approval = her_draft_marked_up(scenario, how=how, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("how", ["rtf", "html"])
def test_a_draft_in_markup_is_still_hers(scenario, how, via):
    _judged(scenario, how, via)


@pytest.mark.parametrize("via", VIAS)
def test_control_a_plain_text_draft_is_hers(scenario, via):
    """The control: the same draft as plain text (``drafts/p9.txt``) names her."""
    _judged(scenario, "txt", via)
