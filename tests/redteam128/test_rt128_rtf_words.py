"""Round 128, hole 3: RTF's control words that stand for a character (``\\ldblquote``,
``\\rdblquote``, ``\\lquote``, ``\\rquote``, ``\\emdash``, ``\\endash``, ``\\bullet``) are read as
nothing by ``formats.rtf_text`` (only ``\\'hh`` and ``\\uN`` give characters). Word writes
curly quotes that way. 刘静's SM-P-09 draft quotes its terms (“服务级别协议”, “服务级别”)
in each line of its purpose clause; she commits it on main as ``drafts/p9.rtf`` and removes
it; 赵磊 opens it in Word, copies her text verbatim (quotes and all) into SM-P-09 with his
scope line, and she approves. The index holds her lines without their quotes; his lines have
them: no hit. Secure outcome: she is among the writers, DC503, not approved, `trail --strict`
fails, `approve` refuses. Today: authors [赵磊], approved, `trail --strict` 0, `approve`
merges."""

from __future__ import annotations

import pytest
from rt128_helpers import DRAFTER, her_quoted_draft_in_rtf, verdict

VIAS = ["forge", "approve"]


def _judged(scenario, quotes, via):
    if via == "approve":  # the secure outcome: run by the drafter, approve refuses
        with pytest.raises(AssertionError, match="segregation of duties"):
            her_quoted_draft_in_rtf(scenario, quotes=quotes, via=via)
        return
    _draft, approval = her_quoted_draft_in_rtf(scenario, quotes=quotes, via=via)
    ok, said = verdict(scenario, approval, DRAFTER, "SM-P-09")
    assert ok, said


@pytest.mark.parametrize("via", VIAS)
def test_a_quoted_rtf_draft_is_still_hers(scenario, via):
    _judged(scenario, "words", via)


@pytest.mark.parametrize("via", VIAS)
def test_control_quotes_spelt_as_unicode_are_hers(scenario, via):
    """The control: the same quotes spelt ``\\u8220``/``\\u8221`` (with their GB18030
    fallback) are read: she is named."""
    _judged(scenario, "unicode", via)
