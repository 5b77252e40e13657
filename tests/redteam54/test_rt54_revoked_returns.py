"""Round 54: a leaked, revoked key comes back with no push at all. ``forge_dropped`` keeps a
revoked key out of the walk's *first* guess only; the later walks of ``_forge_keys_settled``
take whatever keys the walk before left in force. After the README's two-step rotation
(#8 adds K2 on K1's note; #9 retires K1 by a signed merge) K1 leaks and is revoked (#11, signed
merge, as the README says). Walk 1, by {K2}: K1's notes count for nothing, so #8 is
unapproved and the signed #9 and #11 would put #8's change in force with their own
(``DC516.adopts``): the rules in force are the ones before #8, {K1}. Walk 2, by {K1}, a revoked
key: the holder of K1 has rewritten #8's note with a change request, so #8 is unapproved again
and {K1} is in force again: the walks settle on the revoked key, whose notes approve new
changes."""

from __future__ import annotations

from rt53_helpers import approved, doc_change, keys_change, merged, note, signed_merge
from rt54_helpers import two_step_rotation


def _revoked(tmp_path):
    r = two_step_rotation(tmp_path)
    s = r["s"]
    keys_change(s, 11, r["retired"], f'trusted_forge_keys: ["{r["k2_pub"]}"]', "吊销泄露的 K1")
    r["m11"] = signed_merge(s, 11)
    s.git.checkout("main")
    return r


def test_control_without_the_note_the_revoked_keys_later_note_counts_for_nothing(tmp_path):
    r = _revoked(tmp_path)
    s = r["s"]
    m12 = merged(s, tmp_path, 12, doc_change(s, 12, "V1.2"), r["k1"])
    assert not approved(s)[m12]


def test_a_revoked_key_vetoes_the_rotations_first_step_and_is_back_in_force(tmp_path):
    r = _revoked(tmp_path)
    s = r["s"]
    # the holder of the leaked K1 rewrites #8's note: 刘静 asked for changes
    note(s, tmp_path, 8, r["head8"], r["m8"], r["k1"], ("CHANGES_REQUESTED", "APPROVED"),
         tag="-k1")  # fmt: skip
    s.git.checkout("main")
    m12 = merged(s, tmp_path, 12, doc_change(s, 12, "V1.2"), r["k1"])
    got = approved(s)
    assert not got[m12], (
        f"the revoked K1's note approves #12; revocation #11 approved {got[r['m11']]}"
    )
