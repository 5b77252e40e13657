"""approve's commit: ``git commit-tree`` (not ``git merge``) with the approver's configuration
for signing, then ``git merge --ff-only``."""

from __future__ import annotations

from rt14_helpers import (
    approve,
    both_lines,
    both_sides_changed,
    branch_scenario,
    clean,
    git,
    listing,
    sign_by_configuration,
    strict,
)

from forge_helpers import keypair
from merge_helpers import SIGNED


def test_commit_gpgsign_still_signs_the_approval_merge(tmp_path):
    """FINDING. ``require_signed: true``; 陈明远 signs every commit by configuration
    (commit.gpgSign, gpg.format=ssh, user.signingkey, his key in signing_keys), which
    ``git merge`` obeyed. ``git commit-tree`` ignores commit.gpgSign: approve says "approved",
    the merge is unsigned and the trail refuses it (DC507)."""
    key, pub = keypair(tmp_path, "chen")
    s = branch_scenario(tmp_path, *SIGNED, *listing(pub))
    sign_by_configuration(s, key)
    result, merged = approve(s, "b")
    if merged:  # safe: signed as configured, and so accepted
        assert "\ngpgsig " in git(s, "cat-file", "commit", "main").stdout
        assert strict(s).returncode == 0, strict(s).stdout[-400:]
    else:  # or refused up front (unsigned where signatures are required)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        clean(s)


def test_held_sign_without_a_key_fails_cleanly(tmp_path):
    """HELD. ``approve --sign`` with no key: a clear message, exit 2, main unmoved, nothing
    staged, no MERGE_HEAD."""
    s = both_sides_changed(tmp_path)
    before = git(s, "rev-parse", "main").stdout.strip()
    result, merged = approve(s, "b", "chenmy", "wangfang", "--sign")
    assert not merged and result.returncode == 2
    assert "commit-tree -S failed" in result.stderr and "Traceback" not in result.stderr
    assert git(s, "rev-parse", "main").stdout.strip() == before
    clean(s)


def test_held_merge_verify_signatures_refuses_cleanly_and_merge_ff_false_is_ignored(tmp_path):
    """HELD. merge.verifySignatures=true: ``merge --ff-only`` refuses the unsigned commit, a
    clear message, main unmoved. merge.ff=false: still a fast-forward to the two-parent merge."""
    s = both_sides_changed(tmp_path / "verify")
    before = git(s, "rev-parse", "main").stdout.strip()
    git(s, "config", "merge.verifySignatures", "true")
    result, merged = approve(s, "b")
    assert not merged and result.returncode != 0 and "Traceback" not in result.stderr
    assert "does not have a GPG signature" in result.stderr
    assert git(s, "rev-parse", "main").stdout.strip() == before
    clean(s)
    s = both_sides_changed(tmp_path / "noff")
    before = git(s, "rev-parse", "main").stdout.strip()
    git(s, "config", "merge.ff", "false")
    result, merged = approve(s, "b")
    assert merged and both_lines(s)
    assert git(s, "log", "-1", "--format=%P").stdout.split() == [
        before,
        git(s, "rev-parse", "b").stdout.strip(),
    ]


def test_an_unsigned_approval_is_refused_up_front_where_signatures_are_required(tmp_path):
    """FIX. ``require_signed: true`` and neither ``--sign`` nor commit.gpgSign: approve refuses
    before making anything (the trail would refuse the unsigned merge: DC507)."""
    s = branch_scenario(tmp_path, *SIGNED)
    before = git(s, "rev-parse", "main").stdout.strip()
    result, merged = approve(s, "b")
    assert not merged and result.returncode == 1
    assert "approval.require_signed" in result.stdout
    assert git(s, "rev-parse", "main").stdout.strip() == before
    clean(s)
