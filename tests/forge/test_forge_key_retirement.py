"""A forge key taken out of service: retired (moved to ``retired_forge_keys``) it keeps the
notes it signed while trusted and signs no new one; revoked (taken out of both lists, as for a
leaked key) none of its notes counts. Real repositories, notes signed by real SSH keys, with
``require_signed`` on so that only a note's signed strength approves a merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forge_helpers import change, github_scenario, keypair, liu_signs, reviewed_merge, signed_merge


def _merged(s: Any, tmp_path: Path, number: int, head: str, key: Path) -> str:
    return reviewed_merge(s, tmp_path, number, head, key)


def _keys_change(s: Any, number: int, old: str, new: str, subject: str) -> str:
    s.git.branch(f"cr-{number}")
    s.set_config(old, new)
    return s.git.commit(subject, who="zhaolei")


def _scenario(tmp_path: Path) -> tuple[Any, Path, str, Path, str]:
    """K1 the only trusted forge key, require_signed on, config approvers set; 刘静 (a config
    approver) signs with her own key, kept as ``s.liu``."""
    k1, k1_pub = keypair(tmp_path, "forge")
    k2, k2_pub = keypair(tmp_path, "forge2")
    liu, liu_pub = keypair(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        *liu_signs(liu_pub),
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
    )
    s.liu = liu
    return s, k1, k1_pub, k2, k2_pub


def _approved(s: Any) -> dict[str, bool]:
    return {e.commit: e.approved for e in s.history().events}


def test_an_overlapping_rotation_that_retires_the_old_key_keeps_every_approval(tmp_path):
    s, k1, k1_pub, k2, k2_pub = _scenario(tmp_path)
    m7 = _merged(s, tmp_path, 7, change(s, 7), k1)
    m9 = _rotated(s, tmp_path, k1, k1_pub, k2, k2_pub)
    history = s.history()
    approved = {e.commit: e.approved for e in history.events}
    assert approved[m7] and approved[m9]
    assert all(e.approved for e in history.events if e.commit not in (m7, m9))
    assert history.documents["SM-P-01"].revisions[-1].approved


def _rotated(s: Any, tmp_path: Path, k1: Path, k1_pub: str, k2: Path, k2_pub: str) -> str:
    """The overlapping rotation: #8 adds K2 beside K1, #9 retires K1, each approved by its
    approver's signature (no note counts for a change to the forge keys); returns #9's merge."""
    _keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]', "新增平台签名密钥 K2",
    )  # fmt: skip
    signed_merge(s, 8, s.liu)
    _keys_change(
        s, 9, f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
        "停用平台签名密钥 K1",
    )  # fmt: skip
    return signed_merge(s, 9, s.liu)


def test_no_note_counts_for_a_change_to_the_forge_keys(tmp_path):
    s, k1, k1_pub, k2, k2_pub = _scenario(tmp_path)
    m7 = _merged(s, tmp_path, 7, change(s, 7), k1)
    head8 = _keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]', "新增平台签名密钥 K2",
    )  # fmt: skip
    # signed by K1, trusted before #8: still no evidence, since anyone who can push could
    # rewrite or remove the note, and the keys in force would then rest on that
    m8 = _merged(s, tmp_path, 8, head8, k1)
    history = s.history()
    approved = {e.commit: e.approved for e in history.events}
    assert approved[m7] and not approved[m8]
    (event,) = (e for e in history.events if e.commit == m8)
    assert "problem.DC536.key-change" in [p.key for p in event.problems]
    # K2 never came into force: its note approves nothing, K1's still does
    s.git.checkout("main")
    m10 = _merged(s, tmp_path, 10, change(s, 10, version="V1.2"), k2)
    assert not _approved(s)[m10]
    m11 = _merged(s, tmp_path, 11, change(s, 11, version="V1.3"), k1)
    assert _approved(s)[m11]


def test_a_retired_key_signs_no_note_for_a_later_change(tmp_path):
    s, k1, k1_pub, k2, k2_pub = _scenario(tmp_path)
    m9 = _rotated(s, tmp_path, k1, k1_pub, k2, k2_pub)
    s.git.checkout("main")
    m10 = _merged(s, tmp_path, 10, change(s, 10), k1)  # the retired key, after its retirement
    approved = _approved(s)
    assert approved[m9] and not approved[m10]
    assert not s.history().documents["SM-P-01"].revisions[-1].approved
    m11 = _merged(s, tmp_path, 11, change(s, 11, version="V1.2"), k2)
    assert _approved(s)[m11]


def test_a_revoked_key_vouches_for_no_note_and_a_push_cannot_retire_it_instead(tmp_path):
    s, k1, k1_pub, k2, k2_pub = _scenario(tmp_path)
    m7 = _merged(s, tmp_path, 7, change(s, 7), k1)
    assert _approved(s)[m7]
    # K1 leaked: revoked (in neither list) by a change its approver signed
    _keys_change(
        s, 8, f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]',
        "吊销泄露的平台签名密钥 K1",
    )  # fmt: skip
    m8 = signed_merge(s, 8, s.liu)
    approved = _approved(s)
    assert approved[m8] and not approved[m7]
    # a push nobody approved that lists K1 as retired does not bring its notes back
    s.set_config(
        f'trusted_forge_keys: ["{k2_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
    )
    s.git.commit("恢复 K1", who="zhaolei")
    assert not _approved(s)[m7]
    m10 = _merged(s, tmp_path, 10, change(s, 10, version="V1.2"), k2)
    assert _approved(s)[m10]


def test_under_require_signed_no_note_approves_a_change_to_the_rules(tmp_path):
    """A people change (no key change) reviewed on GitHub, its note signed by the trusted K1:
    with require_signed the rules rest on their approvers' signatures alone (DC536.rules), so
    that no rewrite of a note can undo the signed key changes judged by them."""
    s, k1, _k1_pub, _k2, _k2_pub = _scenario(tmp_path)
    old, new = "emails: [he.wei@example.com]", "emails: [he.wei@example.com, wei.he@example.com]"
    head8 = _keys_change(s, 8, old, new, "何伟新增邮箱")
    m8 = _merged(s, tmp_path, 8, head8, k1)
    history = s.history()
    (event,) = (e for e in history.events if e.commit == m8)
    assert not event.approved
    assert "problem.DC536.rules" in [p.key for p in event.problems]
    # (approved by 刘静's signed merge instead, it counts: tests/redteam55, the control)
