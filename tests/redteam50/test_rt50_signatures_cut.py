"""Round 50: a git process that ends without a word still gives a shorter answer where
its return code is not read: ``GitReader.signatures`` (the side's signers, for DC505)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "history"))

from test_signatures_and_faults import keypair, signed  # noqa: F401

from doccontrol.history.derive import derive
from doccontrol.history.gitread import GitError
from doccontrol.load import repository
from history_helpers import body, cli


def _self_signed_change(s):
    """刘静 writes the change and signs it with her own key, typing 赵磊 as its author, then
    approves it herself (an unsigned merge: signatures are not required here)."""
    s.set_config("require_signed: true", "require_signed: false")
    s.git.commit("签名不强制", who="wangfang", date="2026-01-01T11:00:00+08:00")
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("cr-1"))
    s.git.run("add", "-A")
    s.git.run(
        *("-c", "gpg.format=ssh", "-c", f"user.signingkey={s.keys['liu']}"),
        *("commit", "-S", "-q", "-m", "cr-1"),
        who="zhaolei",
        date="2026-01-20T10:00:00+08:00",
    )
    s.git.checkout("main")
    s.git.merge("cr-1", "批准 cr-1", who="liujing", approvers=("liujing",), reviewers=("wangfang",))


def test_control_the_signer_is_an_author(signed):  # noqa: F811 (the imported fixture)
    """Held: with a working signature program, 刘静's signature makes her an author (DC503)."""
    _self_signed_change(signed)
    (rev,) = signed.history().documents["SM-P-01"].revisions
    assert not rev.approved and "DC503" in [p.code for p in rev.problems]


def test_a_signature_read_cut_short_is_never_an_unsigned_side(signed, tmp_path):  # noqa: F811
    """The same signature program the maintainers' git.ended test uses (it ends git without
    a word, as one that exits unread does with SIGPIPE at random). The first-parent walk
    verifies nothing (no signed commit on the line), so it finishes; ``signatures`` (one
    ``git log --no-walk --stdin`` over the side, through run_git) is killed, its return code
    is never read, and the side reads as unsigned: 刘静 is no longer an author, and her own
    change is approved by her."""
    _self_signed_change(signed)
    killer = tmp_path / "kills-git"
    killer.write_text("#!/bin/sh\nkill -KILL $PPID\n")
    killer.chmod(0o755)
    signed.git.run("config", "gpg.ssh.program", str(killer))
    trail = cli(signed.root, "trail", "--strict")
    assert trail.returncode != 0, "the real CLI reports the self-approved change as approved"
    try:
        history = derive(signed.root, repository.load(signed.root).config, use_cache=False)
    except GitError as error:
        assert error.key in ("git.ended", "git.failed")
        return
    (rev,) = history.documents["SM-P-01"].revisions
    assert not rev.approved, "a killed signature read made 刘静's self-approval count"
    pytest.fail("no error, and the history was derived from a cut-short signature read")
