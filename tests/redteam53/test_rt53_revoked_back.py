"""Round 53: a leaked, revoked key brought back by a push. K1 is revoked (taken out of both
lists) by a change 刘静 signed, resting on no note, as the README says. Whoever holds K1 pushes
straight to main a doccontrol.yml nobody approved that lists K1 under ``retired_forge_keys``
("a push nobody approved neither retires nor revokes a key, nor brings one back"), and adds a
K1-signed note to the revoking change in which 刘静 asked for changes. The first walk takes
the pushed file's keys (K2, K1): K1 was trusted before the revoking change, so its note counts
and blocks the change; the configuration in force is then the one before it, which trusts K1,
and the next walk, by K1, agrees."""

from __future__ import annotations

import pytest
from rt53_helpers import approved, doc_change, keys_change, merged, note, scenario

from forge_helpers import keypair


def _revoked(tmp_path):
    liu, liu_pub = keypair(tmp_path, "liu")
    s, k1, k1_pub, _k2, k2_pub = scenario(
        tmp_path,
        "roles: [management-representative, department-head], forge_accounts",
        f'roles: [management-representative, department-head], signing_keys: ["{liu_pub}"], '
        "forge_accounts",
    )
    head8 = keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]',
        "吊销泄露的平台签名密钥 K1",
    )  # fmt: skip
    m8 = s.git.merge("cr-8", "变更 8", approvers=("liujing",), reviewers=("wangfang",),
                     sign_key=liu, platform="github", number=8)  # fmt: skip
    assert approved(s)[m8]  # control: the revocation is approved
    # the holder of the leaked K1 writes a note on #8, signed with K1
    note(s, tmp_path, 8, head8, m8, k1, ("CHANGES_REQUESTED", "APPROVED"), tag="-k1")
    return s, k1, k1_pub, k2_pub, m8


def test_control_without_the_push_the_revoked_keys_notes_count_for_nothing(tmp_path):
    s, k1, _k1_pub, _k2_pub, m8 = _revoked(tmp_path)
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    got = approved(s)
    assert (got[m8], got[m10]) == (True, False)


@pytest.mark.parametrize("listed", ["retired", "trusted"])
def test_a_pushed_file_listing_the_revoked_key_brings_it_back(tmp_path, listed):
    s, k1, k1_pub, k2_pub, m8 = _revoked(tmp_path)
    s.git.checkout("main")
    if listed == "retired":
        pushed = f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]'
    else:
        pushed = f'trusted_forge_keys: ["{k2_pub}", "{k1_pub}"]'
    s.set_config(f'trusted_forge_keys: ["{k2_pub}"]', pushed)
    s.git.commit("记录已停用的平台密钥", who="zhaolei")  # pushed, nobody approved it
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k1)
    history = s.history()
    got = {e.commit: e.approved for e in history.events}
    assert (got[m8], got[m10]) == (True, False), (
        f"revocation approved {got[m8]}, the revoked key's later note approves {got[m10]}"
    )
