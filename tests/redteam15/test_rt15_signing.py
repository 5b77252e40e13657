"""approve signs as commit.gpgSign says; the trail judges whose key signed."""

from __future__ import annotations

from rt14_helpers import CSS, LINES, css, scenario, strict
from rt15_helpers import approve, clean, git

from forge_helpers import keypair


def _signed_scenario(tmp_path, listed_key):
    s = scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        "  trusted_forge_keys: []\n  controlled_paths: [overrides/]\n",
        "require_signed: false",
        "require_signed: true",
        "department: management, roles: [general-manager]}",
        f'department: management, roles: [general-manager], signing_keys: ["{listed_key}"]}}',
    )
    s.files.write(CSS, "".join(LINES))
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "--amend", "--no-edit", date="2026-01-01T10:00:00+08:00")
    s.git.branch("b", "main")
    s.files.write(CSS, css(10, ".c10 { color: green; }"))
    s.git.commit("b: 修改", who="zhaolei")
    s.git.checkout("main")
    return s


def test_approve_does_not_make_a_signed_approval_the_trail_refuses(tmp_path):
    """FINDING. ``require_signed: true``; 陈明远's listed key is ``chen``; his git signs with
    another key of his (``laptop``, not in signing_keys) by commit.gpgSign. approve signs,
    says "approved" and moves main; the trail refuses the merge (DC507: not a listed key)."""
    _, listed = keypair(tmp_path, "chen")
    other, _ = keypair(tmp_path, "laptop")
    s = _signed_scenario(tmp_path, listed)
    for name, value in (
        ("commit.gpgSign", "true"),
        ("gpg.format", "ssh"),
        ("user.signingkey", str(other)),
    ):
        git(s, "config", name, value)
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
    for name, value in (
        ("commit.gpgSign", "true"),
        ("gpg.format", "ssh"),
        ("user.signingkey", str(key)),
    ):
        git(s, "config", name, value)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    assert strict(s).returncode == 0
