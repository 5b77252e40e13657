"""Round 55, question 2 (revoked) and 3 (denial): after the rotation of rt55_helpers (#8 a
people change on K1's note, #9 a signed rotation to K2), K1 leaks and #11 revokes it by a signed
merge, as the README says. The README: "None of its notes counts any more … the approvals
resting on them are lost" (#8), and "A key some committed doccontrol.yml took out of both
lists is never taken on trust from the tip's file". But #9 and #11 are refused when #8 is lost
(``DC516.adopts``), which leaves the file before #8, trusting K1, in force: the walks of
``_forge_keys_settled`` go round ({K2} → {K1} → {K2}) and no note counts at all (denial), or,
once K1's holder has rewritten #8's note with a change request, they settle on the revoked
K1, whose notes approve new changes."""

from __future__ import annotations

from rt53_helpers import approved, doc_change, merged, note
from rt55_helpers import people_then_retire, revoke_k1


def test_control_without_the_note_the_revoked_keys_later_note_counts_for_nothing(tmp_path):
    r = people_then_retire(tmp_path)
    revoke_k1(r)
    s = r["s"]
    m12 = merged(s, tmp_path, 12, doc_change(s, 12, "V1.2"), r["k1"])
    assert not approved(s)[m12]


def test_a_revoked_key_vetoes_a_people_change_before_its_revocation_and_is_back(tmp_path):
    r = people_then_retire(tmp_path)
    m11 = revoke_k1(r)
    s = r["s"]
    # the holder of the leaked K1 rewrites #8's note (a people change): 刘静 asked for changes
    note(s, tmp_path, 8, r["head8"], r["m8"], r["k1"], ("CHANGES_REQUESTED", "APPROVED"),
         tag="-k1")  # fmt: skip
    s.git.checkout("main")
    m12 = merged(s, tmp_path, 12, doc_change(s, 12, "V1.2"), r["k1"])
    got = approved(s)
    assert not got[m12], (
        f"the revoked K1's note approves #12; signed revocation #11 approved {got[m11]}, "
        f"signed rotation #9 approved {got[r['m9']]}"
    )


def test_revoking_a_key_that_approved_a_people_change_loses_every_approval(tmp_path):
    # honest: everything as the README says, except that #8 (people) rested on K1's note
    r = people_then_retire(tmp_path)
    m11 = revoke_k1(r)
    s = r["s"]
    m12 = merged(s, tmp_path, 12, doc_change(s, 12, "V1.2"), r["k2"])
    got = approved(s)
    assert got[r["m8"]]  # session 25: #8 rests on 刘静's signature, not on K1's note
    assert (got[r["m9"]], got[r["m10"]], got[m11], got[m12]) == (True, True, True, True), (
        "revoking K1 refuses the signed rotation and revocation (DC516.adopts of #8's change) "
        "and no note of K2 counts"
    )
