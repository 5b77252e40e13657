"""Round 56, question 2/3: ``unrevoked_guess`` leaves out of a first guess a key some committed
doccontrol.yml revoked "in any spelling git's report would match it by". It asks
``trusted_forge_key((spelling,), gone, gone)`` with the revoked key's id standing for git's
report, but git reports a GPG signature by its long key id *and* its fingerprint, and
``signatures._matches`` accepts a configured spelling that merely ends with either
(``wanted.endswith(r)``): ``0x`` + long id (gpg --keyid-format 0xlong, the usual way to write
one) is trusted for K1's signatures, yet is not recognised as the revoked K1 when the revoking
file spelt it as its fingerprint, nor the other way round."""

from __future__ import annotations

from doccontrol.history import signatures
from doccontrol.history.derive import unrevoked_guess

FINGERPRINT = "0123456789ABCDEF0123456789ABCDEF01234567"
LONG_ID = FINGERPRINT[-16:]
OTHER = "89ABCDEF0123456789ABCDEF0123456789ABCDEF"


def test_control_git_reports_k1_and_the_0x_spelling_is_trusted_for_it():
    # what note_signature asks of a notes commit K1 signed (git: %GK long id, %GF fingerprint)
    assert signatures.trusted_forge_key((f"0x{LONG_ID}",), LONG_ID, FINGERPRINT)
    assert signatures.trusted_forge_key((FINGERPRINT,), LONG_ID, FINGERPRINT)
    # the spellings the round's fix covers
    assert unrevoked_guess((LONG_ID, OTHER), {FINGERPRINT}) == (OTHER,)


def test_a_revoked_gpg_key_spelt_0x_long_id_in_the_tips_file_stays_in_the_guess():
    # a committed file revoked K1 (spelt as its fingerprint); the author's pushed tip lists it
    # again as 0x + long id, which git's report matches
    guess = unrevoked_guess((f"0x{LONG_ID}", OTHER), {signatures.key_id(FINGERPRINT)})
    assert guess == (OTHER,), f"the revoked K1 stays in the first guess: {guess}"


def test_a_key_revoked_as_0x_long_id_stays_in_the_guess_under_its_fingerprint():
    # the honest file spelt K1 0x + long id and took it out; the pushed tip lists its fingerprint
    guess = unrevoked_guess((FINGERPRINT, OTHER), {signatures.key_id(f"0x{LONG_ID}")})
    assert guess == (OTHER,), f"the revoked K1 stays in the first guess: {guess}"
