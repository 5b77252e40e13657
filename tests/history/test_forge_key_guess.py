"""A forge key some committed doccontrol.yml revoked is never part of a first guess of the keys
in force, however the tip's file spells it (``derive.unrevoked_guess``)."""

from __future__ import annotations

import base64

from doccontrol.history import signatures
from doccontrol.history.derive import unrevoked_guess

FINGERPRINT = "0123456789ABCDEF0123456789ABCDEF01234567"
OTHER = "89ABCDEF0123456789ABCDEF0123456789ABCDEF"
SSH = "ssh-ed25519 " + base64.b64encode(b"\0\0\0\x0bssh-ed25519" + bytes(32)).decode()


def test_a_revoked_gpg_key_is_left_out_under_its_long_id_and_in_lower_case() -> None:
    dropped = {signatures.key_id(FINGERPRINT)}
    for spelling in (FINGERPRINT, FINGERPRINT[-16:], FINGERPRINT.lower()):
        assert unrevoked_guess((spelling, OTHER), dropped) == (OTHER,), spelling
    # dropped under its long id: the full fingerprint is left out too
    assert unrevoked_guess((FINGERPRINT, OTHER), {FINGERPRINT[-16:]}) == (OTHER,)


def test_a_revoked_ssh_key_is_left_out_whatever_its_comment() -> None:
    dropped = {signatures.key_id(SSH)}
    assert unrevoked_guess((SSH + " forge@old", OTHER), dropped) == (OTHER,)
    assert unrevoked_guess((OTHER,), dropped) == (OTHER,)
