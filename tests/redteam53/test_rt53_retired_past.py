"""Round 53: what a retired key can still do to the past, and a revocation after a one-step
rotation.

1. A retired key signs no note for a later commit, but nothing dates a note: it can still sign
   one, today, for any commit made while it was trusted, one nobody approved included. The
   README says a retired key's "notes it signed while it was trusted keep their strength",
   and offers retirement for "routine rotation", never saying the retired key must be
   destroyed.
2. The README allows a one-step rotation resting on the retiring key's own note. If that key
   later turns out leaked and is revoked as the README says (by signed commits), the README
   says the approvals "resting on them" (its notes) are lost. In fact every approval resting
   on the *new* key's notes between the rotation and the revocation is lost too: the rotation
   itself rested on a revoked key's note, so the new key was never in force before them.
3. Held: commit dates play no part (a note is judged by the place of its commit on the line),
   and a key an approved change lists only as retired, never trusted, vouches for nothing.
"""

from __future__ import annotations

import pytest
from rt53_helpers import (
    approved,
    doc_change,
    keys_change,
    merge_pr,
    merged,
    note,
    one_step_rotation,
    scenario,
)

from forge_helpers import keypair


@pytest.mark.xfail(
    strict=True,
    reason="by design (session 25): a note has no date, so whoever holds a retired key can still "
    "sign one for a commit of the key's time; README says to destroy a retired key's private "
    "half, and to revoke (not retire) a key that may be held by anyone else",
)
def test_a_retired_key_approves_today_an_old_merge_nobody_approved(tmp_path):
    s, k1, k1_pub, _k2, k2_pub = scenario(tmp_path)
    head7 = doc_change(s, 7, "V1.1")
    m7 = merge_pr(s, 7, who="zhaolei")  # 赵磊 merges his own change: no review, no note
    m8 = one_step_rotation(s, tmp_path, k1, k1_pub, k2_pub)
    got = approved(s)
    assert got[m8] and not got[m7]  # control: #7 was never approved
    # long after K1's retirement, its holder writes #7's note: 刘静 and 王芳 approved
    note(s, tmp_path, 7, head7, m7, k1)
    got = approved(s)
    assert not got[m7], "a note the retired key signed after its retirement approves #7"


def test_revoking_a_key_after_a_one_step_rotation_loses_the_new_keys_approvals(tmp_path):
    liu, liu_pub = keypair(tmp_path, "liu")
    s, k1, k1_pub, k2, k2_pub = scenario(
        tmp_path,
        "roles: [management-representative, department-head], forge_accounts",
        f'roles: [management-representative, department-head], signing_keys: ["{liu_pub}"], '
        "forge_accounts",
    )
    s.liu = liu  # her signature approves the rotation (session 25: no note counts for it)
    one_step_rotation(s, tmp_path, k1, k1_pub, k2_pub)
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k2)  # the new key's note
    assert approved(s)[m10]  # control
    # K1 turns out leaked: revoked by a change 刘静 signed (README: "other evidence")
    keys_change(
        s, 11, f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]', "吊销平台签名密钥 K1",
    )  # fmt: skip
    m11 = s.git.merge("cr-11", "变更 11", approvers=("liujing",), reviewers=("wangfang",),
                      sign_key=liu, platform="github", number=11)  # fmt: skip
    got = approved(s)
    # what happens: #11 is DC516 (#8, resting on the revoked K1's note, is now an unapproved
    # change to doccontrol.yml before it), the keys never settle, and no note counts at all
    assert (got[m11], got[m10]) == (True, True), (
        f"the revocation approved {got[m11]}; #10, resting on K2's note, approved {got[m10]}"
    )


def test_held_a_backdated_commit_after_the_retirement_gets_no_help_from_the_retired_key(
    tmp_path,
):
    s, k1, k1_pub, _k2, k2_pub = scenario(tmp_path)
    m8 = one_step_rotation(s, tmp_path, k1, k1_pub, k2_pub)
    s.git.branch("cr-10")
    s.files.doc(version="V1.1")
    s.git.commit("变更 10", who="zhaolei", date="2026-01-02T10:00:00+08:00")
    s.git.checkout("main")
    m10 = merge_pr(s, 10, date="2026-01-02T11:00:00+08:00")  # dated before #8
    note(s, tmp_path, 10, s.git.run("rev-parse", "cr-10"), m10, k1)
    got = approved(s)
    assert got[m8] and not got[m10]


def test_held_a_key_only_ever_listed_as_retired_vouches_for_nothing(tmp_path):
    liu, liu_pub = keypair(tmp_path, "liu")
    ke, ke_pub = keypair(tmp_path, "zhaolei-own")
    s, _k1, k1_pub, _k2, _k2_pub = scenario(
        tmp_path,
        "roles: [management-representative, department-head], forge_accounts",
        f'roles: [management-representative, department-head], signing_keys: ["{liu_pub}"], '
        "forge_accounts",
    )
    head7 = doc_change(s, 7, "V1.1")
    m7 = merge_pr(s, 7, who="zhaolei")  # nobody approved it
    # an approved change lists 赵磊's key as "retired" (it looks harmless: it signs nothing new)
    keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k1_pub}"]\n  retired_forge_keys: ["{ke_pub}"]', "记录旧密钥",
    )  # fmt: skip
    m8 = s.git.merge("cr-8", "变更 8", approvers=("liujing",), reviewers=("wangfang",),
                     sign_key=liu, platform="github", number=8)  # fmt: skip
    note(s, tmp_path, 7, head7, m7, ke)  # an old commit
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.2"), ke)  # a later one
    got = approved(s)
    assert (got[m8], got[m7], got[m10]) == (True, False, False)
