"""Round 53: a retired key undoes its own retirement. A retired key K1 was trusted before the
change R that retired it, and retirement (unlike revocation) leaves it unrevoked at the tip,
so a note K1 signs *on R itself* passes both tests of ``_Deriver.note_signature``. Whoever
holds K1 rewrites R's note (a later notes commit, signed with K1) so that R's reviews do not
approve it; R is then unapproved, the configuration in force at the tip is the one before R,
K1 is trusted there, and K1's notes approve changes made after its retirement."""

from __future__ import annotations

from rt53_helpers import (
    approved,
    doc_change,
    keys_change,
    merged,
    note,
    one_step_rotation,
    scenario,
    signed_merge,
)

from forge_helpers import keypair


def test_control_a_retired_key_alone_signs_no_later_note(tmp_path):
    s, k1, k1_pub, _k2, k2_pub = scenario(tmp_path)
    m8 = one_step_rotation(s, tmp_path, k1, k1_pub, k2_pub)
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    got = approved(s)
    assert got[m8] and not got[m10]


def test_a_retired_key_rewrites_the_note_of_its_one_step_retirement_and_signs_again(tmp_path):
    s, k1, k1_pub, _k2, k2_pub = scenario(tmp_path)
    m8 = one_step_rotation(s, tmp_path, k1, k1_pub, k2_pub)
    head8 = s.git.run("rev-parse", f"{m8}^2")
    # the holder of the retired K1 writes #8's note again, signed with K1: 刘静 asked for
    # changes. K1 was trusted before #8 and is only retired at the tip: the note counts
    note(s, tmp_path, 8, head8, m8, k1, ("CHANGES_REQUESTED", "APPROVED"), tag="-k1")
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)  # after K1's retirement
    got = approved(s)
    assert not got[m10], "a note signed by the retired K1 approves a change made after it retired"


def test_a_retired_key_undoes_an_overlapping_rotation_whose_last_step_the_new_key_signed(
    tmp_path,
):
    s, k1, k1_pub, k2, k2_pub = scenario(tmp_path)
    head8 = keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]', "新增平台签名密钥 K2",
    )  # fmt: skip
    m8 = signed_merge(s, 8)  # no note counts for a change to the forge keys (session 25)
    note(s, tmp_path, 8, head8, m8, k1)
    head9 = keys_change(
        s, 9, f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
        "停用平台签名密钥 K1",
    )  # fmt: skip
    # round 53 had K2 sign #9's note, as round 50 did; since session 25 no note counts for a
    # change that takes a key out of trust, so 刘静 signs the merge and K2 the note
    m9 = signed_merge(s, 9)
    note(s, tmp_path, 9, head9, m9, k2)
    assert all(approved(s)[m] for m in (m8, m9))  # control: the rotation is approved
    # K1 (trusted before #9 beside K2) writes #9's note again
    note(s, tmp_path, 9, head9, m9, k1, ("CHANGES_REQUESTED", "APPROVED"), tag="-k1")
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    got = approved(s)
    assert not got[m10], "a note signed by the retired K1 approves a change made after it retired"


def test_a_retired_key_vetoes_a_retirement_its_approver_signed(tmp_path):
    liu, liu_pub = keypair(tmp_path, "liu")
    s, k1, k1_pub, _k2, k2_pub = scenario(
        tmp_path,
        "roles: [management-representative, department-head], forge_accounts",
        f'roles: [management-representative, department-head], signing_keys: ["{liu_pub}"], '
        "forge_accounts",
    )
    head8 = keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
        "以 K2 替换平台签名密钥 K1",
    )  # fmt: skip
    # approved by 刘静's own signed merge (the README's "other evidence"), no note at all
    m8 = s.git.merge("cr-8", "变更 8", approvers=("liujing",), reviewers=("wangfang",),
                     sign_key=liu, platform="github", number=8)  # fmt: skip
    assert approved(s)[m8]  # control
    # K1's holder adds a note to #8, signed with K1: 刘静 "asked for changes"
    note(s, tmp_path, 8, head8, m8, k1, ("CHANGES_REQUESTED", "APPROVED"), tag="-k1")
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    got = approved(s)
    assert (got[m8], got[m10]) == (True, False), (
        f"retirement approved {got[m8]}, the retired key's later note approves {got[m10]}"
    )
