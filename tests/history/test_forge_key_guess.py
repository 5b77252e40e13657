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


def test_a_gpg_key_spelt_with_0x_is_the_same_key_and_a_longer_string_is_none() -> None:
    """Round 56 hole 6: ``0x`` + long id is the key git reports (and was trusted as it), so it
    is left out of a guess in either direction; a string that merely ends with a key's
    fingerprint names no key at all."""
    long_id = "0x" + FINGERPRINT[-16:]
    assert unrevoked_guess((long_id, OTHER), {signatures.key_id(FINGERPRINT)}) == (OTHER,)
    assert unrevoked_guess((FINGERPRINT, OTHER), {signatures.key_id(long_id)}) == (OTHER,)
    report = (FINGERPRINT[-16:], FINGERPRINT)  # git's %GK and %GF
    assert signatures.trusted_forge_key((long_id,), *report)
    assert signatures.trusted_forge_key((FINGERPRINT.lower(),), *report)
    assert not signatures.trusted_forge_key(("FF" + FINGERPRINT,), *report)
    assert not signatures.trusted_forge_key((FINGERPRINT[-8:],), *report)  # a short id
