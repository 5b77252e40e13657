"""Round 54: the retirement is undone through the note of the rotation's *first* step.

Session 25 made no note count for or against a change that takes a forge key out of trust
(``_Deriver.takes_out_of_trust``), so that a note can no longer "undo the change and bring the
key back" (README). But the README's rotation is two steps, and step (1), the change that adds
K2 beside K1, rests on K1's note. Whoever rewrites that note (K1's holder with a change
request, or anyone with push access, unsigned) makes step (1) unapproved; the signed
retirement (step 3) would then put step (1)'s unapproved change in force with its own, so it
is refused (``DC516.adopts``); the configuration in force is the one before the rotation,
which trusts K1 alone: K1 is back, K2 is out.
"""

from __future__ import annotations

from rt53_helpers import approved, doc_change, keys_change, merged, note, signed_merge
from rt54_helpers import two_step_rotation


def test_control_the_retired_key_alone_signs_no_later_note(tmp_path):
    r = two_step_rotation(tmp_path)
    s = r["s"]
    m11 = merged(s, tmp_path, 11, doc_change(s, 11, "V1.2"), r["k1"])
    got = approved(s)
    assert (got[r["m9"]], got[r["m10"]], got[m11]) == (True, True, False)


def test_a_retired_key_vetoes_the_rotations_first_step_and_approves_later_changes(tmp_path):
    r = two_step_rotation(tmp_path)
    s = r["s"]
    # the holder of the retired K1 writes #8's note again (K1 was trusted before #8 and is only
    # retired at the tip, so the note counts): 刘静 asked for changes
    note(s, tmp_path, 8, r["head8"], r["m8"], r["k1"], ("CHANGES_REQUESTED", "APPROVED"),
         tag="-k1")  # fmt: skip
    s.git.checkout("main")
    m11 = merged(s, tmp_path, 11, doc_change(s, 11, "V1.2"), r["k1"])  # after the retirement
    got = approved(s)
    assert (got[r["m9"]], got[r["m10"]], got[m11]) == (True, True, False), (
        f"retirement approved {got[r['m9']]}, K2's #10 approved {got[r['m10']]}, "
        f"the retired K1's note approves #11 {got[m11]}"
    )


def test_an_unsigned_rewrite_of_the_first_steps_note_undoes_a_signed_retirement(tmp_path):
    """No forge key at all: 赵磊 (push access) rewrites #8's note unsigned."""
    r = two_step_rotation(tmp_path)
    s = r["s"]
    note(s, tmp_path, 8, r["head8"], r["m8"], None, ("CHANGES_REQUESTED", "APPROVED"),
         tag="-unsigned")  # fmt: skip
    got = approved(s)
    # session 25: step (1) rests on 刘静's signed merge (no note counts for a change to the
    # forge keys), so a rewritten note takes nothing away
    assert got[r["m8"]]
    history = s.history()
    in_force = [e for e in history.events if e.commit == r["m9"]]
    assert (got[r["m9"]], got[r["m10"]]) == (True, True), (
        f"the signed retirement approved {got[r['m9']]}, K2's #10 approved {got[r['m10']]}; "
        f"#9 problems: {[p.code for e in in_force for p in e.problems]}"
    )


def test_revoking_the_old_key_after_the_readmes_two_step_rotation_loses_everything(tmp_path):
    """Honest: K1 turns out leaked after the rotation and is revoked by 刘静's signed merge, as
    the README says. Round 53 hole 4 was fixed only for the one-step rotation."""
    r = two_step_rotation(tmp_path)
    s = r["s"]
    keys_change(s, 11, r["retired"], f'trusted_forge_keys: ["{r["k2_pub"]}"]', "吊销 K1")
    m11 = signed_merge(s, 11)
    s.git.checkout("main")
    m12 = merged(s, tmp_path, 12, doc_change(s, 12, "V1.2"), r["k2"])
    got = approved(s)
    # the README: "the approvals resting on them [K1's notes] are lost" -- #8 only
    assert (got[r["m9"]], got[r["m10"]], got[m11], got[m12]) == (True, True, True, True), (
        f"#9 {got[r['m9']]}, #10 {got[r['m10']]}, revocation #11 {got[m11]}, #12 {got[m12]}"
    )
