"""Round 55: the keys in force still rest on a note, through a change to doccontrol.yml that is
no key change (people, roles) approved on the old key's note before a signed rotation or
revocation. Round 53's helpers: real repositories, notes written by the real capture and signed
by real SSH keys, ``require_signed`` on."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from rt53_helpers import approved, doc_change, keys_change, merged, note, scenario, signed_merge

PEOPLE_OLD = "emails: [he.wei@example.com]"
PEOPLE_NEW = "emails: [he.wei@example.com, wei.he@example.com]"


def people_then_retire(tmp_path: Path) -> dict[str, Any]:
    """K1 trusted. #8 gives 何伟 a second e-mail address (a people change, no key change),
    approved on GitHub, its note signed with K1, as the README allows ("where you can").
    #9 replaces K1 by K2 and retires K1 (README's rotation, one change, 刘静's signed merge).
    #10 is a document change on K2's note. All three approved (checked)."""
    s, k1, k1_pub, k2, k2_pub = scenario(tmp_path)
    head8 = keys_change(s, 8, PEOPLE_OLD, PEOPLE_NEW, "何伟新增邮箱")
    # session 25: under require_signed no note counts for a change to the rules or identities,
    # so 刘静's signed merge approves #8 and K1's note stands beside it for the attacks
    m8 = signed_merge(s, 8)
    note(s, tmp_path, 8, head8, m8, k1)
    retired = f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]'
    keys_change(s, 9, f'trusted_forge_keys: ["{k1_pub}"]', retired, "以 K2 替换并停用 K1")
    m9 = signed_merge(s, 9)
    s.git.checkout("main")
    m10 = merged(s, tmp_path, 10, doc_change(s, 10, "V1.1"), k2)
    got = approved(s)
    assert (got[m8], got[m9], got[m10]) == (True, True, True)  # control: an honest rotation
    return {
        "s": s, "k1": k1, "k1_pub": k1_pub, "k2": k2, "k2_pub": k2_pub,
        "head8": head8, "m8": m8, "m9": m9, "m10": m10, "retired": retired,
    }  # fmt: skip


def revoke_k1(r: dict[str, Any], number: int = 11) -> str:
    """K1 leaked: #number takes it out of both lists (README's revoke), 刘静's signed merge."""
    s = r["s"]
    keys_change(s, number, r["retired"], f'trusted_forge_keys: ["{r["k2_pub"]}"]', "吊销泄露的 K1")
    sha = signed_merge(s, number)
    s.git.checkout("main")
    return sha


def in_force_text(s: Any) -> str:
    """The doccontrol.yml in force at the tip, as history reads it (History.config_in_force)."""
    blob = s.history().config_in_force
    out = subprocess.run(
        ["git", "cat-file", "blob", blob], cwd=s.root, capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")
