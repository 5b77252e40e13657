"""approve signs as commit.gpgSign says; the trail judges whose key signed."""

from __future__ import annotations

from rt14_helpers import strict
from rt15_helpers import approve, clean, git

from forge_helpers import keypair
from merge_helpers import SIGNED, branch_scenario, listing, sign_by_configuration


def _signed_scenario(tmp_path, listed_key):
    return branch_scenario(tmp_path, *SIGNED, *listing(listed_key))


def test_approve_does_not_make_a_signed_approval_the_trail_refuses(tmp_path):
    """FINDING. ``require_signed: true``; 陈明远's listed key is ``chen``; his git signs with
    another key of his (``laptop``, not in signing_keys) by commit.gpgSign. approve signs,
    says "approved" and moves main; the trail refuses the merge (DC507: not a listed key)."""
    _, listed = keypair(tmp_path, "chen")
    other, _ = keypair(tmp_path, "laptop")
    s = _signed_scenario(tmp_path, listed)
    sign_by_configuration(s, other)
    before = git(s, "rev-parse", "main").stdout.strip()
    result, merged = approve(s, "b")
    if merged:  # safe only if the trail accepts what approve made
        out = strict(s)
        assert out.returncode == 0, out.stdout[-600:]
    else:  # or refused up front, nothing written
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert git(s, "rev-parse", "main").stdout.strip() == before
        clean(s)


def test_held_listed_key_signs_and_trail_agrees(tmp_path):
    """HELD. The listed key, by commit.gpgSign: signed, and the trail accepts."""
    key, listed = keypair(tmp_path, "chen")
    s = _signed_scenario(tmp_path, listed)
    sign_by_configuration(s, key)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    assert strict(s).returncode == 0
