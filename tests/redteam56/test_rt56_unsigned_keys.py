"""Round 56, question 2: without require_signed, do the forge keys in force still rest on a
note? The README: "no note counts for or against a change that adds, retires or revokes a key
… so that the keys in force rest on no note" (said without condition). ``rests_on_no_note``
withholds notes from the key change itself, and from the other rules changes only under
require_signed. A people change before a signed revocation still rests on its note: once that
note is gone, the signed revocation adopts a change nobody approved (DC516.adopts) and is
refused, and the revoked key is trusted again in the rules in force."""

from __future__ import annotations

import pytest
from rt53_helpers import approved, doc_change, keys_change
from rt56_helpers import (
    in_force_text,
    liu_signed,
    on_github,
    people_change,
    remove_note,
    unsigned_start,
)

from forge_helpers import keypair


def _revoked(tmp_path):
    """K1 trusted; #8 a people change approved on GitHub (K1's note); #9 revokes K1 for K2
    by 刘静's signed merge, as the README says a key change must be approved."""
    s, k1, k1_pub = unsigned_start(tmp_path)
    k2, k2_pub = keypair(tmp_path, "forge2")
    m8 = on_github(s, tmp_path, 8, people_change(s, 8), k1)
    keys_change(s, 9, f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]',
                "吊销泄露的 K1")  # fmt: skip
    m9 = liu_signed(s, 9)
    return s, k1, k1_pub, k2, k2_pub, m8, m9


def _evidence(s, sha):
    return next(e.evidence for e in s.history().events if e.commit == sha)


def test_control_a_signed_revocation_holds_and_the_revoked_keys_note_is_unsigned_evidence(
    tmp_path,
):
    s, k1, k1_pub, _k2, k2_pub, _m8, _m9 = _revoked(tmp_path)
    m10 = on_github(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    text = in_force_text(s)
    assert k2_pub in text and k1_pub not in text
    assert _evidence(s, m10) == "forge-api"


@pytest.mark.xfail(
    strict=True,
    reason="decided (session 26): without require_signed a change to the rules before a key "
    "change may rest on a note (or on trailers anyone can type), and a signed key change made "
    "after it is refused (DC516.adopts) once it loses its approval: from Git alone a change "
    "whose note was removed and one nobody approved look alike, so no change adopts either. "
    "Only the signed switch keeps its effect (require_signed forced, DC536.forced). README: "
    "the keys rest on no note once require_signed is on",
)
def test_removing_a_people_changes_note_brings_a_revoked_key_back_without_require_signed(
    tmp_path,
):
    s, k1, k1_pub, _k2, _k2_pub, m8, m9 = _revoked(tmp_path)
    # the holder of the leaked K1 merges #10 and signs its note with K1, then removes #8's note
    m10 = on_github(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    remove_note(s, m8)
    text = in_force_text(s)
    shown = _evidence(s, m10)
    assert k1_pub not in text and shown == "forge-api", (
        f"the signed revocation #9 is refused (approved: {approved(s)[m9]}; DC516.adopts of "
        "#8, whose note is gone): the revoked K1 is trusted in the rules in force and its note "
        f"on #10 shows as {shown!r}"
    )
