"""Round 57, question 1: the signed change that turns require_signed on (``signed_whole`` in
``_Deriver.commit``) adopts the doccontrol.yml it starts from, so that a note removed from a
rules change before it cannot undo it (round 56 hole 2). Two gaps:

- the adoption skips only ``adopts_unapproved`` (DC516.adopts); ``merge_made`` (DC516.merged)
  still asks whether main's file before the merge was the one in force. A switch branch that
  is behind main (a people change merged while it waited) is merged by ``approve --sign`` as
  git's clean merge, which is no branch's own version: once the earlier change loses its note,
  the switch is refused and require_signed is off again;
- a signed switch merged by hand (README: "or a merge its approver signs") adopts a change
  nobody approved that main holds, with no problem on the switch: the author's pushed key for
  刘静 comes into force with it."""

from __future__ import annotations

from rt56_helpers import (
    approved,
    in_force_text,
    liu_signed,
    on_github,
    people_change,
    remove_note,
    switch_on,
    typed_merge,
    unsigned_start,
)
from rt57_helpers import approve_signed, event_of

from forge_helpers import change, keypair


def _stale_switch(tmp_path):
    """#9 (the switch) branched from main; #8 (a people change, approved on GitHub, note signed
    with K1) merged while #9 waited; 刘静 then approves #9 with ``approve --sign`` (git's clean
    merge of the two doccontrol.yml changes); the attacker's typed merge #10."""
    s, k1, _ = unsigned_start(tmp_path)
    switch_on(s, 9)
    s.git.checkout("main")
    m8 = on_github(s, tmp_path, 8, people_change(s, 8), k1)
    result, m9 = approve_signed(s, "cr-9")
    assert result.returncode == 0, result.stdout + result.stderr
    m10 = typed_merge(s, 10)
    return s, m8, m9, m10


def test_control_a_switch_approved_from_a_stale_branch_holds(tmp_path):
    s, m8, m9, m10 = _stale_switch(tmp_path)
    got = approved(s)
    assert (got[m8], got[m9], got[m10]) == (True, True, False)
    assert "require_signed: true" in in_force_text(s)


def test_removing_a_note_undoes_a_signed_switch_approved_from_a_stale_branch(tmp_path):
    s, m8, m9, m10 = _stale_switch(tmp_path)
    remove_note(s, m8)  # no key, no push to main
    got = approved(s)
    problems = [p.key for p in event_of(s, m9).problems]
    # session 26: the switch's file cannot come into force over #8's (now unapproved), but
    # its signature keeps require_signed in force (DC536.forced)
    assert s.history().signing_forced and "problem.DC536.forced" in problems
    assert not got[m10], (
        f"#8 lost its note, so main's doccontrol.yml before #9 is not the one in force and "
        f"merge_made judges #9's clean merge as made by hand ({problems}): the signed switch "
        f"is refused (approved: {got[m9]}), require_signed is off in force and the attacker's "
        f"typed 'Approved-by: 刘静' approves #10 (approved: {got[m10]})"
    )


def _pushed_key(tmp_path):
    """The attacker pushes (directly, DC516) his own SSH key into 刘静's signing_keys; the
    switch branch #9 is made from main after it."""
    s, _, _ = unsigned_start(tmp_path)
    evil, evil_pub = keypair(tmp_path, "evil")
    liu_pub = (tmp_path / "liu.pub").read_text().strip()
    s.set_config(f'signing_keys: ["{liu_pub}"]', f'signing_keys: ["{liu_pub}", "{evil_pub}"]')
    pushed = s.git.commit("整理人员", who="zhaolei")
    switch_on(s, 9)
    s.git.checkout("main")
    return s, evil, evil_pub, pushed


def test_control_approve_sign_refuses_the_switch_while_main_holds_the_push(tmp_path):
    s, _, _, pushed = _pushed_key(tmp_path)
    result, tip = approve_signed(s, "cr-9")
    assert result.returncode == 1 and tip == pushed, result.stdout
    assert pushed[:10] in result.stdout


def test_a_hand_signed_switch_adopts_an_authors_pushed_signing_key(tmp_path):
    s, evil, evil_pub, pushed = _pushed_key(tmp_path)
    m9 = liu_signed(s, 9)  # 刘静's own signed merge, made by hand (git merge -S)
    # the attacker signs his own merge with his key, typing 刘静's approval
    change(s, 10, version="V1.10")
    m10 = s.git.merge(
        "cr-10",
        "变更 10",
        who="zhaolei",
        approvers=("liujing",),
        reviewers=("wangfang",),
        sign_key=evil,
        platform="github",
        number=10,
    )
    switch, attack = event_of(s, m9), event_of(s, m10)
    assert not event_of(s, pushed).approved
    # session 26: a signed switch never adopts a direct change main holds (DC516.adopts, as
    # any approval): revert the push through an approval first, then switch
    assert "problem.DC516.adopts" in {p.key for p in switch.problems}
    assert evil_pub not in in_force_text(s) and attack.signature.verified_for != "liujing", (
        f"the signed switch adopted the author's push (its problems: "
        f"{[p.key for p in switch.problems]}): his key signs for 刘静, and his own merge is "
        f"approved (approved: {attack.approved}, evidence {attack.evidence}) under require_signed"
    )
