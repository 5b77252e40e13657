"""`acks._in_force_chain` after round 32's fix (an approved draft between two effective
versions stops the chain): a draft approved and then withdrawn, the text put back later."""

from __future__ import annotations

from test_rt32_acks import DOC, NEW_PURPOSE, _ack_scenario, _merged, _owed

from builders import procedure
from history_helpers import body


def test_a_draft_withdrawn_and_its_text_put_back_asks_for_acknowledgement(tmp_path):
    """Held: V1.0 acknowledged by 刘静 and 王芳. V1.1, a draft with a new 目的, is approved; SM-P-01
    is then withdrawn (approved) and put back as V1.2, effective, with the draft's text. V1.2's
    body equals the last approved body, so it is "front-matter only", but the approved draft
    (and the withdrawal) between V1.0 and V1.2 stop the chain: both owe V1.2."""
    s = _ack_scenario(tmp_path)
    draft = procedure(
        version="V1.1", status="draft", effective_date="2026-02-01", body=body(NEW_PURPOSE)
    )
    _merged(s, "rev-draft", draft, "草稿征求意见")
    s.git.branch("rev-out")
    (s.root / DOC).unlink()
    s.git.commit("撤回", who="zhaolei")
    s.git.merge("rev-out", "撤回")
    final = procedure(version="V1.2", effective_date="2026-02-01", body=body(NEW_PURPOSE))
    _merged(s, "rev-back", final, "恢复 V1.2")
    owed = _owed(s, "2026-03-01")
    assert {o["version"] for o in owed.values()} == {"V1.2"}, owed
    assert owed and not any(o["done"] for o in owed.values()), owed
