"""Round 56, question 1: under require_signed no note counts for or against a change to the
rules (DC536.rules), but "under require_signed" is asked of the rules *before* each change. The
change that turns require_signed on, and every rules change before it, were judged without it,
so a note still decides them. Removing such a note (no key needed: anyone who can push may
write refs/notes/doccontrol) leaves require_signed off in force, and then typed trailers that
anyone can write approve again."""

from __future__ import annotations

from rt56_helpers import (
    PEOPLE_NEW,
    PEOPLE_OLD,
    approved,
    event_of,
    in_force_text,
    liu_signed,
    on_github,
    people_change,
    remove_note,
    switch_on,
    typed_merge,
    unsigned_start,
)


def test_control_once_require_signed_is_on_typed_trailers_approve_nothing(tmp_path):
    """Session 26: the switch comes into force by 刘静's signed merge; typed trailers then
    approve nothing."""
    s, _, _ = unsigned_start(tmp_path)
    switch_on(s, 8)
    m8 = liu_signed(s, 8)
    m9 = typed_merge(s, 9)
    got = approved(s)
    assert got[m8]
    assert "require_signed: true" in in_force_text(s)
    assert not got[m9]


def test_removing_the_note_of_the_change_that_turned_require_signed_on_turns_it_off(tmp_path):
    """The hole: the switch, approved on GitHub, rested on its note, which anyone may remove.
    Session 26: no note counts for a change that turns require_signed on (DC536.rules), and
    it takes effect only by its approvers' signature (DC536.switch): the note-approved switch
    never comes into force, and the adopter is told why, before anyone relies on it."""
    s, k1, _ = unsigned_start(tmp_path)
    m8 = on_github(s, tmp_path, 8, switch_on(s, 8), k1)
    event = next(e for e in s.history().events if e.commit == m8)
    # no note counts for it (DC536.rules), and the merge's own evidence is no signature
    assert {p.key for p in event.problems} & {"problem.DC536.rules", "problem.DC536.switch"}
    assert not approved(s)[m8] and "require_signed: false" in in_force_text(s)
    # 刘静 then signs a change to the rules over main's unapproved file: its file does not come
    # into force (it would adopt #8), but her signature brings require_signed into force on
    # the rules in force (DC536.forced), and removing #8's note changes nothing
    people_change(s, 9)
    m9 = liu_signed(s, 9)
    m10 = typed_merge(s, 10)
    remove_note(s, m8)  # no key, no push to main
    got = approved(s)
    assert s.history().signing_forced
    assert "problem.DC536.forced" in {p.key for p in event_of(s, m9).problems}
    assert not got[m10], (
        f"removing #8's note leaves require_signed off in force (#9 approved: {got[m9]}), "
        "so the attacker's typed 'Approved-by: 刘静' approves his own change"
    )


def test_a_switch_approved_by_typed_trailers_does_not_come_into_force(tmp_path):
    """Session 26: typed trailers are text anyone with push access can write; the change that
    turns require_signed on takes effect only by its approvers' signature (DC536.switch)."""
    s, _, _ = unsigned_start(tmp_path)
    switch_on(s, 8)
    m8 = s.git.merge(
        "cr-8", "启用签名批准", who="liujing", approvers=("liujing",), reviewers=("wangfang",)
    )
    event = next(e for e in s.history().events if e.commit == m8)
    assert "problem.DC536.switch" in {p.key for p in event.problems}
    assert not approved(s)[m8] and "require_signed: false" in in_force_text(s)


def test_control_a_signed_switch_after_a_note_approved_people_change_holds(tmp_path):
    s, k1, _ = unsigned_start(tmp_path)
    m8 = on_github(s, tmp_path, 8, people_change(s, 8), k1)
    switch_on(s, 9)
    m9 = liu_signed(s, 9)
    m10 = typed_merge(s, 10)
    got = approved(s)
    assert (got[m8], got[m9], got[m10]) == (True, True, False)


def test_removing_an_earlier_people_changes_note_undoes_a_signed_switch(tmp_path):
    # the careful adopter signs the switch itself (刘静's signed merge); an earlier people change
    # (mapping a login, an address) was approved on GitHub, as README's set-up step 1 says
    s, k1, _ = unsigned_start(tmp_path)
    m8 = on_github(s, tmp_path, 8, people_change(s, 8), k1)
    switch_on(s, 9)
    m9 = liu_signed(s, 9)
    m10 = typed_merge(s, 10)
    remove_note(s, m8)
    got = approved(s)
    # session 26: #9 cannot adopt #8's file once its note is gone (from Git alone that looks
    # like a change nobody approved), but its signature keeps require_signed in force
    assert s.history().signing_forced and not got[m10], (
        f"#8 lost its note, so the signed switch #9 is refused (approved: {got[m9]}, "
        "DC516.adopts), require_signed is off in force and the typed trailers of #10 approve "
        f"(approved: {got[m10]})"
    )


def test_forced_signing_ends_only_with_an_approved_file_that_asks_for_signatures(tmp_path):
    """Session 26: once a signed switch forced signatures (#8's note removed), 刘静 restores the
    file in force by a signed change. That file says require_signed: false, but it was made
    over the file in force, not to turn signatures off: they stay forced, and typed trailers
    still approve nothing."""
    s, k1, _ = unsigned_start(tmp_path)
    m8 = on_github(s, tmp_path, 8, people_change(s, 8), k1)
    switch_on(s, 9)
    liu_signed(s, 9)
    remove_note(s, m8)
    assert s.history().signing_forced
    s.git.branch("cr-11")
    s.set_config("require_signed: true", "require_signed: false")
    s.set_config(PEOPLE_NEW, PEOPLE_OLD)
    s.git.commit("恢复在用的配置", who="zhaolei")
    m11 = liu_signed(s, 11)
    m12 = typed_merge(s, 12)
    got = approved(s)
    assert got[m11] and not got[m12] and s.history().signing_forced
