"""Round 53: an honest rotation denied by one push. The walk's first guess of the forge keys
in force is the tip's committed doccontrol.yml (``_Deriver.__init__``: ``_unrevoked(config)``).
赵磊 pushes straight to main a doccontrol.yml that lists no forge key at all. First walk, by
(): no note counts, so the change that added K2 is unapproved and K1 alone is in force. Second
walk, by K1: that change is approved again, so K1 and K2 (or K2 with K1 retired) are in
force. That differs from both guesses, and ``_forge_keys_settled`` then keeps only a key every
walk was given: none, since the first was given none. No note counts anywhere; under
``require_signed`` every GitHub-reviewed change, from the first, is unapproved."""

from __future__ import annotations

import pytest
from rt53_helpers import approved, doc_change, keys_change, merged, note, scenario, signed_merge


def _rotated(tmp_path, retire: bool):
    s, k1, k1_pub, k2, k2_pub = scenario(tmp_path)
    m7 = merged(s, tmp_path, 7, doc_change(s, 7, "V1.1"), k1)
    head8 = keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]', "新增平台签名密钥 K2",
    )  # fmt: skip
    m8 = signed_merge(s, 8)  # no note counts for a change to the forge keys (session 25)
    note(s, tmp_path, 8, head8, m8, k1)
    ms = [m7, m8]
    now = f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]'
    if retire:
        keys_change(
            s, 9, now, f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
            "停用平台签名密钥 K1",
        )  # fmt: skip
        ms.append(signed_merge(s, 9))  # no note counts for it (session 25)
        now = f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]'
    s.git.checkout("main")
    ms.append(merged(s, tmp_path, 10, doc_change(s, 10, "V1.2"), k2))
    return s, ms, now


@pytest.mark.parametrize("retire", [False, True], ids=["key-added", "key-retired"])
def test_control_an_honest_rotation_keeps_every_approval(tmp_path, retire):
    s, ms, _now = _rotated(tmp_path, retire)
    got = approved(s)
    assert [got[m] for m in ms] == [True] * len(ms)


@pytest.mark.parametrize("retire", [False, True], ids=["key-added", "key-retired"])
def test_a_pushed_file_with_no_forge_key_unapproves_the_whole_rotation(tmp_path, retire):
    s, ms, now = _rotated(tmp_path, retire)
    got = approved(s)  # a warm cache, and the control: all approved before the push
    assert [got[m] for m in ms] == [True] * len(ms)
    s.git.checkout("main")
    s.set_config(now, "trusted_forge_keys: []")  # no forge key in either list
    s.git.commit("整理配置", who="zhaolei")  # pushed straight to main, nobody approved it
    got = approved(s)
    assert [got[m] for m in ms] == [True] * len(ms), (
        f"one unapproved push un-approves every note-approved change: {[got[m] for m in ms]}"
    )
