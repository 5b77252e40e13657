"""Round 55, question 2: session 25 keeps notes off every change to the forge keys, so that
"the keys in force rest on no note". They still do, one step removed: a signed rotation is
refused (``DC516.adopts``, ``_Deriver.adopts_unapproved``) when the change to doccontrol.yml
before it is unapproved, and that change may be a people/roles change approved on the old
key's note (the README only asks to sign those "where you can"). Rewrite that note and the
rotation falls, and the old key is in force again."""

from __future__ import annotations

from rt53_helpers import approved, doc_change, keys_change, merged, note, scenario, signed_merge
from rt55_helpers import PEOPLE_NEW, PEOPLE_OLD, in_force_text, people_then_retire


def test_control_the_retired_key_alone_approves_no_later_change(tmp_path):
    r = people_then_retire(tmp_path)
    s = r["s"]
    m11 = merged(s, tmp_path, 11, doc_change(s, 11, "V1.2"), r["k1"])
    got = approved(s)
    assert (got[r["m9"]], got[r["m10"]], got[m11]) == (True, True, False)


def test_a_retired_key_vetoes_a_people_change_and_takes_power_back(tmp_path):
    r = people_then_retire(tmp_path)
    s = r["s"]
    # whoever still holds the retired K1 writes #8's note again: 刘静 asked for changes. A
    # note on a commit of K1's time, which the README says K1 may still sign.
    note(s, tmp_path, 8, r["head8"], r["m8"], r["k1"], ("CHANGES_REQUESTED", "APPROVED"),
         tag="-k1")  # fmt: skip
    s.git.checkout("main")
    m11 = merged(s, tmp_path, 11, doc_change(s, 11, "V1.2"), r["k1"])
    got = approved(s)
    assert not got[m11], (
        f"the retired K1's note approves #11 (signed rotation #9 approved: {got[r['m9']]}, "
        f"#10 on K2's note approved: {got[r['m10']]})"
    )


def test_an_unsigned_rewrite_of_a_people_changes_note_undoes_a_signed_rotation(tmp_path):
    r = people_then_retire(tmp_path)
    s = r["s"]
    # 赵磊 (push access, no key at all) captures #8 again, unsigned, with a change request:
    # the README says #8's approval may be lost so, but nothing about the rotation
    note(s, tmp_path, 8, r["head8"], r["m8"], None, ("CHANGES_REQUESTED", "APPROVED"),
         tag="-unsigned")  # fmt: skip
    s.git.checkout("main")
    got = approved(s)
    assert got[r["m8"]]  # session 25: #8 rests on 刘静's signature, no note
    text = in_force_text(s)
    assert (got[r["m9"]], r["k1_pub"] in text.split("retired_forge_keys")[0]) == (True, False), (
        "an unsigned note rewrite refuses the signed rotation #9: K1 is trusted again "
        f"(K2's #10 approved: {got[r['m10']]})"
    )


def test_control_a_signed_people_change_holds_against_an_unsigned_rewrite(tmp_path):
    # the README's advice followed: #8 merged by 刘静's signature, K1's note beside it
    s, k1, k1_pub, k2, k2_pub = scenario(tmp_path)
    head8 = keys_change(s, 8, PEOPLE_OLD, PEOPLE_NEW, "何伟新增邮箱")
    m8 = signed_merge(s, 8)
    note(s, tmp_path, 8, head8, m8, k1)
    retired = f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]'
    keys_change(s, 9, f'trusted_forge_keys: ["{k1_pub}"]', retired, "以 K2 替换并停用 K1")
    m9 = signed_merge(s, 9)
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k2)
    note(s, tmp_path, 8, head8, m8, None, ("CHANGES_REQUESTED", "APPROVED"), tag="-unsigned")
    s.git.checkout("main")
    got = approved(s)
    assert (got[m8], got[m9], got[m10]) == (True, True, True)
