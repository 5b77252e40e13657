"""Round 59, question 1: the way out of DC536.forced that the README gives ("revert, then
approve the change again") is an approved doccontrol.yml change, so it ends signing_forced.
The only doccontrol.yml that revert can restore is the one in force, which says
``require_signed: false`` (the switch never came into force); a revert that keeps signing on
is refused as DC516.adopts. Between the revert and the new switch typed trailers approve
again, and the attacker, who caused DC536.forced (a push, or a note removed), chooses when
to push."""

from __future__ import annotations

import pytest
from rt56_helpers import switch_on
from rt59_helpers import (
    approve_signed,
    approve_unsigned,
    event_of,
    evil_key_for_liu,
    forced,
    forced_by_note_removal,
    in_force_text,
    revert_branch,
    typed_merge,
)

CAUSES = {"pushed": forced, "note-removed": forced_by_note_removal}


def _recovered(tmp_path, cause="pushed"):
    """DC536.forced (``cause``: round 58's push under a hand-signed switch, or round 56's note
    removed under a switch made by ``approve --sign``), then 刘静's recovery as the README
    says: cr-11 restores the doccontrol.yml in force, and she approves it with ``doccontrol
    approve --sign``."""
    s, _, _ = CAUSES[cause](tmp_path)
    assert s.history().signing_forced
    revert_branch(s, 11, in_force_text(s))
    result, revert = approve_signed(s, "cr-11")
    assert result.returncode == 0, result.stdout + result.stderr
    return s, revert


def test_control_while_forced_typed_trailers_approve_nothing(tmp_path):
    s, _, _ = forced(tmp_path)
    attack = typed_merge(s, 12)
    event = event_of(s, attack)
    assert not event.approved
    assert "problem.DC507" in {p.key for p in event.problems}


def test_control_approve_demands_sign_while_forced(tmp_path):
    """Question 4: ``approve`` reads the forced rules (publishing.approved_config)."""
    s, _, _ = forced(tmp_path)
    revert_branch(s, 11, in_force_text(s))
    result = approve_unsigned(s, "cr-11")
    assert result.returncode == 1, result.stdout
    assert "--sign" in result.stdout


def test_control_no_revert_can_keep_signing_on(tmp_path):
    """The revert 刘静 would rather make (the file in force with require_signed: true) is
    refused: main holds the switch's file, not the one in force, and this one is neither
    (``adopts_unapproved``), and it is no switch (the forced rules already ask for
    signatures), so nothing forces anything either. ``approve --sign`` refuses it too."""
    s, _, _ = forced(tmp_path)
    text = in_force_text(s)
    assert "require_signed: false" in text
    revert_branch(s, 11, text.replace("require_signed: false", "require_signed: true"))
    result, _ = approve_signed(s, "cr-11")
    assert result.returncode == 1, result.stdout


@pytest.mark.parametrize("cause", sorted(CAUSES))
def test_the_recovery_revert_turns_signatures_off(tmp_path, cause):
    s, revert = _recovered(tmp_path, cause)
    attack = typed_merge(s, 12)  # 赵磊's unsigned merge, 刘静 and 王芳 typed
    history = s.history()
    event = event_of(s, attack)
    assert history.signing_forced and not event.approved, (
        f"刘静's signed revert {revert[:10]} restores the doccontrol.yml in force, as the "
        "README says to recover from DC536.forced; being an approved doccontrol.yml change it "
        f"ends signing_forced (now {history.signing_forced}), and the file it restores says "
        "require_signed: false. 赵磊's next merge, unsigned with typed trailers, is approved "
        f"({event.approved}, evidence {event.evidence}, problems "
        f"{[p.key for p in event.problems]})"
    )


def test_the_recovery_window_lets_a_typed_merge_plant_a_key_that_outlives_the_new_switch(
    tmp_path,
):
    """The window's worst use: a typed-trailer merge of doccontrol.yml giving 赵磊's key to
    刘静, then 刘静's new signed switch (approve --sign, made from main) puts it in force
    under require_signed, and 赵磊 signs as 刘静 from then on."""
    from rt58_helpers import evil_signed_merge

    s, _ = _recovered(tmp_path)
    evil, evil_pub = evil_key_for_liu(s, tmp_path, 12)
    planted = s.git.merge(
        "cr-12",
        "整理人员",
        who="zhaolei",
        approvers=("liujing",),
        reviewers=("wangfang",),
        platform="github",
        number=12,
    )
    s.git.checkout("main")
    # session 26: the signed revert leaves signatures forced (the file it restores does not
    # ask for them), so the typed merge is refused, and approve refuses a new switch over it
    assert not event_of(s, planted).approved and s.history().signing_forced
    switch_on(s, 13)
    result, _ = approve_signed(s, "cr-13")
    assert result.returncode == 1 and planted[:10] in result.stdout, result.stdout
    attack = evil_signed_merge(s, evil, 14)
    event = event_of(s, attack)
    assert evil_pub not in in_force_text(s) and event.signature.verified_for != "liujing"
    assert not event.approved
