"""Round 54: the README's two-step forge-key rotation, built with round 53's helpers (real
repositories, notes written by the real capture and signed by real SSH keys,
``require_signed`` on)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rt53_helpers import approved, doc_change, keys_change, merged, note, scenario, signed_merge


def two_step_rotation(tmp_path: Path) -> dict[str, Any]:
    """The README's steps: (1) #8 adds K2 beside K1, its note signed with K1 (since session 25
    no note counts for a change to the forge keys: 刘静's signed merge approves it); (3) #9 moves K1
    to ``retired_forge_keys``, approved by 刘静's signed merge; then #10, a document change
    approved on GitHub, its note signed with K2. Every one of them is approved (checked)."""
    s, k1, k1_pub, k2, k2_pub = scenario(tmp_path)
    head8 = keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]', "新增平台签名密钥 K2",
    )  # fmt: skip
    m8 = signed_merge(s, 8)
    note(s, tmp_path, 8, head8, m8, k1)
    retired = f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]'
    keys_change(
        s, 9, f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]', retired, "停用平台签名密钥 K1"
    )  # fmt: skip
    m9 = signed_merge(s, 9)
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k2)
    got = approved(s)
    assert (got[m8], got[m9], got[m10]) == (True, True, True)  # control: an honest rotation
    return {
        "s": s, "k1": k1, "k1_pub": k1_pub, "k2": k2, "k2_pub": k2_pub,
        "head8": head8, "m8": m8, "m9": m9, "m10": m10, "retired": retired,
    }  # fmt: skip
