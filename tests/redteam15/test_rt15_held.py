"""What held: branch names (approve resolves branches only), commit.gpgSign without a key,
``--effective`` on a renamed document beside a second one."""

from __future__ import annotations

import subprocess

import pytest
from rt14_helpers import both_sides_changed
from rt15_helpers import (
    DOC,
    LATER,
    approve,
    body,
    clean,
    doc_branch,
    event_for,
    git,
    head,
    make_scenario,
    no_traceback,
)


@pytest.mark.parametrize(
    "name",
    ["main..b", "@{-1}", "-b", "b\u200b", "refs/tags/b", "refs/remotes/../heads/b", "b:x", ""],
)
def test_held_odd_branch_names_are_refused_cleanly(tmp_path, name):
    """HELD. Odd names: refused with a message, exit non-zero, nothing written."""
    s = both_sides_changed(tmp_path)
    git(s, "tag", "b", "b")
    before = head(s)
    result, merged = approve(s, name)
    assert not merged and result.returncode != 0
    no_traceback(result)
    assert head(s) == before
    clean(s)


def test_held_a_tag_beside_a_remote_tracking_branch_is_not_approved(tmp_path):
    """HELD. ``approve origin/b`` in a clone where a tag ``origin/b`` points at an extra,
    unreviewed commit: the remote-tracking branch is what gets merged."""
    s = both_sides_changed(tmp_path / "src")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(s.root), str(clone)], check=True)

    def g(*args):
        return subprocess.run(["git", "-C", str(clone), *args], capture_output=True, text=True)

    reviewed = g("rev-parse", "origin/b").stdout.strip()
    g("config", "user.name", "陈明远")
    g("config", "user.email", "chen.mingyuan@example.com")
    g("checkout", "-q", "--detach", "origin/b")
    (clone / "extra.txt").write_text("not reviewed\n")
    g("add", "extra.txt")
    g("commit", "-q", "-m", "extra")
    g("tag", "origin/b")
    g("checkout", "-q", "main")
    from rt15_helpers import cli_env

    done = cli_env(clone, {}, "approve", "origin/b", "--reviewer", "wangfang")
    assert done.returncode == 0, done.stdout + done.stderr
    assert g("rev-parse", "main^2").stdout.strip() == reviewed


def test_held_gpgsign_without_a_key_fails_cleanly(tmp_path):
    """HELD. commit.gpgSign=true (no --sign) and no usable key: a clear message, exit 2,
    main unmoved, nothing staged."""
    s = both_sides_changed(tmp_path)
    git(s, "config", "commit.gpgSign", "true")
    git(s, "config", "gpg.format", "ssh")
    git(s, "config", "user.signingkey", str(tmp_path / "no-such-key"))
    before = head(s)
    result, merged = approve(s, "b")
    assert not merged and result.returncode == 2, result.stdout + result.stderr
    no_traceback(result)
    assert head(s) == before
    clean(s)


def test_held_effective_on_a_renamed_document_and_a_second_one(tmp_path):
    """HELD. The branch renames SM-P-01's file and bumps it, and adds a second procedure;
    ``--effective`` dates both, the committed tree is git's merge plus the two dates, and the
    trail accepts the approval."""
    s = make_scenario(tmp_path)

    def edit():
        git(s, "mv", DOC, "docs/procedures/renamed.md")
        s.files.doc("docs/procedures/renamed.md", version="V1.1", body=body("修订"))
        s.files.doc("docs/procedures/second.md", doc_id="SM-P-02", body=body("第二"))

    doc_branch(s, "cr-1", edit)
    result, merged = approve(s, "cr-1", "liujing", "wangfang", "--effective", LATER)
    assert merged, result.stdout + result.stderr
    changed = git(s, "diff", "--name-only", "main^2", "main").stdout.split()
    assert sorted(changed) == ["docs/procedures/renamed.md", "docs/procedures/second.md"]
    for path in changed:
        assert f"effective_date: {LATER}\n" in git(s, "show", f"main:{path}").stdout
    clean(s)
    assert event_for(s, head(s))["problems"] == []
