"""Renumbering on a stale branch (DC522 and the displaced id's withdrawal, 5a87fbe).

Main approves paragraph P into SM-P-01 (test.md) after 赵磊's branch cr-s left main. cr-s
renumbers test.md to SM-P-04 and rewrites the line P sits beside. 刘静 merges it taking cr-s's
whole file (a conflict resolved as "theirs", or a forge's "use theirs") and commits the merge
with her approval: SM-P-04's version lacks P, approved on main (DC522, judged against SM-P-01
held at that path). The renumbering also withdraws SM-P-01 in the same event."""

from __future__ import annotations

from rt19_helpers import add_p, take_merge
from rt23_helpers import DOC, bump_at, codes, recorded, register, trail_strict, two_doc_scenario


def _stale_renumbering(tmp_path):
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-s", "main")
    bump_at(
        s, DOC, "V1.0", "V1.1", "id: SM-P-01", "id: SM-P-04", "适用范围的内容。", "适用范围（改）。"
    )
    s.git.commit("cr-s: 改号并修订", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    merge = take_merge(s, "cr-s", DOC)
    return s, merge


def test_a_stale_renumbering_that_drops_an_approved_paragraph_is_dc522(tmp_path):
    """DC522 is reported for the merge (SM-P-04's version lacks P, approved in SM-P-01)."""
    s, merge = _stale_renumbering(tmp_path)
    assert "DC522" in codes(s, merge), (codes(s, merge), recorded(s, merge))
    assert trail_strict(s)[0] != 0


def test_a_dc522_renumbering_does_not_withdraw_the_old_number(tmp_path):
    """README: a DC522 merge "does not take effect". Yet the renumbering's other half — the
    withdrawal of SM-P-01 — is recorded as an approved withdrawal in the same event, so the
    register says SM-P-01 is withdrawn while SM-P-04 (DC522) has nothing in force: the
    controlled procedure leaves the register through a merge that did not take effect.
    Safe: SM-P-01 stays in force (its withdrawal is not approved with a DC522 change)."""
    s, merge = _stale_renumbering(tmp_path)
    assert "DC522" in codes(s, merge)
    reg = register(s)
    assert reg.get("SM-P-01", {}).get("state") == "effective", (
        reg.get("SM-P-01"),
        reg.get("SM-P-04"),
        recorded(s, merge),
    )
