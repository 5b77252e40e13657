"""Round 60, question 1 (held): under forced signing, an unsigned merge whose merged branch
commit 刘静 signed herself (her own draft of the rules, signed as her git signs every commit)
does not count as her signature on the rules: ``own_signature`` reads the merge's own
signature, so forced signing does not end and the rules do not change."""

from __future__ import annotations

from rt56_helpers import event_of, in_force_text
from rt60_helpers import recovered, site_start


def test_an_unsigned_merge_of_a_branch_commit_liujing_signed_neither_counts_nor_ends_forcing(
    tmp_path,
):
    s = site_start(tmp_path)
    recovered(s)  # approve_signed left gpg.format=ssh and 刘静's key as user.signingkey
    assert s.history().signing_forced
    s.git.checkout("main")
    s.git.branch("cr-20")
    s.set_config("require_signed: false", "require_signed: true")
    s.git.run("add", "-A", who="liujing")
    date = s.git.next_date()
    s.git.run("commit", "-q", "-S", "-m", "启用签名批准（草稿）", who="liujing", date=date)
    raw = s.git.run("cat-file", "commit", "cr-20")
    assert "gpgsig -----BEGIN SSH SIGNATURE-----" in raw  # her own key signed the branch commit
    s.git.checkout("main")
    attack = s.git.merge(
        "cr-20",
        "启用签名批准",
        who="zhaolei",
        approvers=("liujing",),
        reviewers=("wangfang",),
        platform="github",
        number=20,
    )
    history = s.history()
    event = event_of(s, attack)
    assert not event.approved, [p.key for p in event.problems]
    assert "doccontrol.yml" not in event.accepted
    assert history.signing_forced
    assert "require_signed: false" in in_force_text(s)
