"""Round 59, questions 1 and 2: a merge signed by a trusted forge key (GitHub's web-flow key on
a merge made in its UI, GitLab's or Gitea's signing key: README "forge-signed", "a trusted
forge signed the merge it made") whose typed trailers name the approvers, with no note.

The switch itself refuses such a signature (``signed`` wants ``verified_for`` not FORGE). But
under the forced rules (and under require_signed itself) a doccontrol.yml change counts on it:
``rests_on_no_note`` withholds only notes, ``rules.event_problems`` accepts a FORGE signer, and
``_Deriver.evidence`` keeps every typed approver when the signer is the forge. The merger, who
wrote the message the forge signed, ends signing_forced (or turns require_signed off, or gives
himself a key) with a signature that is no approver's. The README says "With
approval.require_signed, a change to doccontrol.yml or .mailmap counts only on its approvers'
own signatures"."""

from __future__ import annotations

from rt58_helpers import evil_signed_merge
from rt59_helpers import (
    approve_signed,
    event_of,
    evil_key_for_liu,
    forced,
    in_force_text,
    revert_branch,
)

from doccontrol.history import signatures


def _forge_signed_merge(s, number, **kw):
    """赵磊 merges cr-N in the forge's UI, typing 刘静's approval and 王芳's review into the
    message; the forge signs its merge with its key (K1, trusted), no note is captured (or the
    attacker removed it: anyone who can push may)."""
    sha = s.git.merge(
        f"cr-{number}",
        "整理人员",
        who="zhaolei",
        approvers=("liujing",),
        reviewers=("wangfang",),
        sign_key=s.k1,
        platform="github",
        number=number,
        **kw,
    )
    s.git.checkout("main")
    return sha


def test_control_the_switch_itself_does_not_count_forge_signed(tmp_path):
    from rt56_helpers import switch_on, unsigned_start

    s, k1, _ = unsigned_start(tmp_path)
    s.k1 = k1
    switch_on(s, 9)
    sha = _forge_signed_merge(s, 9)
    event = event_of(s, sha)
    assert event.signature.verified_for != "liujing"
    assert "problem.DC536.switch" in {p.key for p in event.problems}


def _planting_branch(s, tmp_path, number):
    """cr-N from main (holding the doccontrol.yml in force) adding 赵磊's key to 刘静's."""
    return evil_key_for_liu(s, tmp_path, number)


def test_a_forge_signed_revert_with_typed_trailers_ends_forced_signing(tmp_path):
    """赵磊 restores the doccontrol.yml in force (cr-11, what the README's recovery does) and
    merges it in the forge's UI with 刘静 typed: no approver signed it, and it ends
    signing_forced; his next typed-trailer merge, unsigned, gives his key to 刘静."""
    s, _, _ = forced(tmp_path)
    revert_branch(s, 11, in_force_text(s), who="zhaolei")
    revert = _forge_signed_merge(s, 11)
    evil, evil_pub = _planting_branch(s, tmp_path, 12)
    planted = s.git.merge(
        "cr-12", "整理人员", who="zhaolei", approvers=("liujing",), reviewers=("wangfang",),
        platform="github", number=12,
    )  # fmt: skip
    s.git.checkout("main")
    attack = evil_signed_merge(s, evil, 14)
    history = s.history()
    revert_event, event = event_of(s, revert), event_of(s, attack)
    assert revert_event.signature.verified_for == signatures.FORGE
    assert history.signing_forced and evil_pub not in in_force_text(s), (
        f"#11 {revert[:10]}: merged by 赵磊, signed by the forge's key, 刘静 typed, no "
        f"approver's signature: approved {revert_event.approved} (evidence "
        f"{revert_event.evidence}, problems {[p.key for p in revert_event.problems]}), "
        f"signing_forced now {history.signing_forced}; #12 {planted[:10]} (typed, unsigned) "
        f"approved {event_of(s, planted).approved}; 赵磊's own signed merge #14 verifies as "
        f"{event.signature.verified_for!r}, approved {event.approved}"
    )


def test_under_require_signed_a_forge_signed_merge_with_typed_trailers_changes_the_rules(
    tmp_path,
):
    """The same without DC536.forced: 刘静's honest switch by ``approve --sign`` is in force,
    then 赵磊's forge-signed merge with 刘静 typed gives his key to 刘静."""
    from rt56_helpers import switch_on, unsigned_start

    s, k1, _ = unsigned_start(tmp_path)
    s.k1 = k1
    switch_on(s, 9)
    result, _ = approve_signed(s, "cr-9")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "require_signed: true" in in_force_text(s)
    evil, evil_pub = _planting_branch(s, tmp_path, 12)
    planted = _forge_signed_merge(s, 12)
    attack = evil_signed_merge(s, evil, 14)
    planted_event, event = event_of(s, planted), event_of(s, attack)
    assert evil_pub not in in_force_text(s) and event.signature.verified_for != "liujing", (
        f"#12 {planted[:10]}: a doccontrol.yml change under require_signed, signed by the "
        f"forge's key only, 刘静 typed: approved {planted_event.approved} (evidence "
        f"{planted_event.evidence}, problems {[p.key for p in planted_event.problems]}); "
        f"赵磊's own signed merge #14 verifies as {event.signature.verified_for!r}, approved "
        f"{event.approved}, evidence {event.evidence}"
    )


def _forge_merge_with_note(s, tmp_path, number):
    """cr-N merged in the forge's UI by 赵磊 (signed with the forge's key K1, 刘静 typed), and
    the capture's note, signed by K1 too, recording the one approving review GitHub has: 王芳's
    (she holds no approver role)."""
    from forge_helpers import capture, pull_request, record, review

    head = s.git.run("rev-parse", f"cr-{number}")
    sha = _forge_signed_merge(s, number)
    items = [review(number * 10 + 2, "wang-fang", "APPROVED", head, "2026-02-01T10:00:00Z")]
    pull = pull_request(number, "整理", head, sha, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / f"api{number}", pull, items), number, "--sign-key", str(s.k1))
    return sha


def _switched(tmp_path):
    from rt56_helpers import switch_on, unsigned_start

    s, k1, _ = unsigned_start(tmp_path)
    s.k1 = k1
    switch_on(s, 9)
    result, _ = approve_signed(s, "cr-9")
    assert result.returncode == 0, result.stdout + result.stderr
    return s


def test_control_a_document_merge_signed_by_the_forge_counts_only_what_its_note_recorded(
    tmp_path,
):
    """Round 46 hole 2's fix: the note GitHub's record is in vouches for its reviews only, and
    刘静 typed is refused (DC509.typed)."""
    from forge_helpers import change

    s = _switched(tmp_path)
    change(s, 12, version="V1.2")
    sha = _forge_merge_with_note(s, tmp_path, 12)
    event = event_of(s, sha)
    assert not event.approved
    assert "problem.DC509.typed" in {p.key for p in event.problems}


def test_a_rules_merge_signed_by_the_forge_counts_typed_approvers_its_note_contradicts(tmp_path):
    """For doccontrol.yml the note is withheld (DC536.rules), and with it the check that keeps
    typed names out: the same merge that is refused for a document approves a change of the
    rules, though GitHub's signed record says 刘静 never approved it."""
    s = _switched(tmp_path)
    _, evil_pub = _planting_branch(s, tmp_path, 12)
    sha = _forge_merge_with_note(s, tmp_path, 12)
    event = event_of(s, sha)
    assert evil_pub not in in_force_text(s), (
        f"#12 {sha[:10]}: 赵磊's key for 刘静, merged by him in the forge's UI with 刘静 typed; "
        f"the forge's signed note holds only 王芳's review. Approved {event.approved}, "
        f"evidence {event.evidence}, problems {[p.key for p in event.problems]}"
    )
