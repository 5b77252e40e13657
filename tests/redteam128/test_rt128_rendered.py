"""Round 128, hole 2: a Markdown draft is indexed as its source, while the forge (and MkDocs)
show it rendered. 刘静 commits her SM-P-09 draft on main at ``drafts/p9.md`` with a key term
of each prose line in bold (``**服务级别协议**``) or linked (``[…](https://wiki…)``), as
one writes Markdown, and removes it. 赵磊 reads it on the forge, copies what it shows
verbatim into SM-P-09 with his one scope line, and she approves. No unit of his document
equals a unit of her source (each holds ``**`` or ``](…)``). Secure outcome: she is among
the writers, DC503, not approved, `trail --strict` fails, `log` shows V1.0 not approved,
`approve` run by her refuses. Today: authors [赵磊], approved, `trail --strict` 0, `approve`
merges."""

from __future__ import annotations

import pytest
from rt128_helpers import DRAFTER, her_draft_rendered, verdict

VIAS = ["forge", "approve"]


def _judged(scenario, how, via):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_draft_rendered(scenario, how=how, via=via)
        return
    _draft, approval = her_draft_rendered(scenario, how=how, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
@pytest.mark.parametrize("how", ["strong", "link", "b"])
def test_a_marked_up_markdown_draft_is_still_hers(scenario, how, via):
    _judged(scenario, how, via)


@pytest.mark.parametrize("via", VIAS)
def test_control_a_plain_markdown_draft_is_hers(scenario, via):
    """The control: the same draft without inline markup names her."""
    _judged(scenario, "plain", via)


@pytest.mark.parametrize("via", VIAS)
def test_held_inline_html_the_markup_reader_knows_is_hers(scenario, via):
    """Held: the same draft with its terms in ``<span>…</span>``: ``loose._MARKUP`` knows
    ``span``, so the file is also read as a browser shows it and she is named. With ``<b>``
    (hole 2's third variant) the file is read only as written."""
    _judged(scenario, "span", via)
