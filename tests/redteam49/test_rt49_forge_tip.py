"""Round 49: a note's forge key must also be trusted by the *tip's* committed doccontrol.yml
(round 46 hole 4's fix). The tip's file is whatever the last commit on main holds, approved
or not: a direct push that takes the key out (or breaks the file) un-approves every approval
that rests on a signed note, back to the start. An unapproved change should move nothing."""

from __future__ import annotations

from forge_helpers import capture, change, github_scenario, keypair, pull_request, record, review
from history_helpers import cli

T1 = "2026-02-01T10:00:00Z"


def _approved_by_notes(tmp_path):
    forge, forge_pub = keypair(tmp_path, "forge")
    s = github_scenario(
        tmp_path,
        "trusted_forge_keys: []",
        f'trusted_forge_keys: ["{forge_pub}"]',
        "require_signed: false",
        "require_signed: true",
    )
    head = change(s, 7)
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7", "cr-7",
        who="liujing", date=s.git.next_date(),
    )  # fmt: skip
    merged = s.git.head()
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(7, "变更 7", head, merged, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api", pull, items), 7, "--sign-key", str(forge))
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert rev.approved, (rev.evidence, [p.code for p in rev.problems])
    return s, forge_pub


def test_a_direct_push_that_drops_the_forge_key_does_not_unapprove_history(tmp_path):
    s, forge_pub = _approved_by_notes(tmp_path)
    s.set_config(f'trusted_forge_keys: ["{forge_pub}"]', "trusted_forge_keys: []")
    s.git.commit("整理配置", who="zhaolei")  # straight to main: DC516, approved by nobody
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert rev.approved, (rev.evidence, [(p.code, p.message) for p in rev.problems][:3])
    out = cli(s.root, "register", "--format", "json")
    assert '"SM-P-01"' in out.stdout and "V1.1" in out.stdout, out.stdout[-600:]


def test_the_approval_stands_in_a_history_extended_from_the_cache(tmp_path):
    """The key set a cached walk judged notes by is kept with it: a later commit extends
    that walk, and the approval resting on the note still stands."""
    s, forge_pub = _approved_by_notes(tmp_path)
    s.set_config(f'trusted_forge_keys: ["{forge_pub}"]', "trusted_forge_keys: []")
    s.git.commit("整理配置", who="zhaolei")
    assert s.history().documents["SM-P-01"].revisions[0].approved
    (s.root / "notes.txt").write_text("备忘\n", encoding="utf-8")
    s.git.commit("备忘", who="zhaolei")  # the tip's doccontrol.yml unchanged: the cache goes on
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert rev.approved, (rev.evidence, [(p.code, p.message) for p in rev.problems][:3])


def test_a_direct_push_that_brings_back_a_retired_key_revives_no_note(tmp_path):
    """The other half of the rule: K1 is retired for K2 in an approved change; 赵磊 then
    pushes K1 back into trusted_forge_keys straight to main (DC516) and signs a note with
    K1 for his old direct push. The configuration in force still trusts only K2: the note
    vouches for nothing, before and after the cache has the history."""
    from rt46_helpers import keypair as kp

    from history_helpers import body

    k1, k1_pub = keypair(tmp_path, "forge")
    s = github_scenario(tmp_path, "trusted_forge_keys: []", f'trusted_forge_keys: ["{k1_pub}"]')
    _k2, k2_pub = kp(tmp_path, "forge2")
    s.files.doc(version="V1.1", body=body("直接推送"))
    pushed = s.git.commit("修订 (#12)", who="zhaolei")
    s.git.branch("rotate")
    s.set_config(f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]')
    s.git.commit("更换平台签名密钥", who="zhouqiang")
    s.git.merge("rotate", "更换密钥", approvers=("chenmy",), reviewers=("wangfang",), number=13)
    assert s.history().events[-1].approved
    s.set_config(
        f'trusted_forge_keys: ["{k2_pub}"]', f'trusted_forge_keys: ["{k2_pub}", "{k1_pub}"]'
    )
    s.git.commit("恢复旧密钥", who="zhaolei")  # straight to main: approved by nobody
    items = [
        review(1, "liu-jing", "APPROVED", pushed, T1),
        review(2, "wang-fang", "APPROVED", pushed, T1),
    ]
    pull = pull_request(12, "修订", pushed, pushed, "zhao-lei", "zhao-lei")
    capture(s, record(tmp_path / "api", pull, items), 12, "--sign-key", str(k1))
    revs = s.history().documents["SM-P-01"].revisions
    assert not revs[0].approved, (revs[0].kind, revs[0].evidence, revs[0].approvers)
    (s.root / "notes.txt").write_text("备忘\n", encoding="utf-8")
    s.git.commit("备忘", who="zhaolei")
    assert not s.history().documents["SM-P-01"].revisions[0].approved
    assert cli(s.root, "trail", "--strict").returncode == 1


def test_a_rotation_approved_only_by_a_note_the_retired_key_signed_settles_closed(tmp_path):
    """Pull request #8 replaces the capture key K1 with K2, approved on GitHub; its note is
    signed with K1. With K2 in force K1 vouches for no note, so #8 would not be approved and
    K1 would stay in force, which approves #8: the keys never settle. Then only a key every
    walk trusted counts (none): no note vouches, as before round 49 (README: approve the change
    that retires a key by other evidence, its approvers' signed commits)."""
    k1, k1_pub = keypair(tmp_path, "forge")
    _k2, k2_pub = keypair(tmp_path, "forge2")
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
    )
    s.git.branch("cr-8")
    s.set_config(f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]')
    head = s.git.commit("更换平台签名密钥", who="zhaolei")
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", "Merge pull request #8 from team/cr-8\n\n更换密钥", "cr-8",
        who="liujing", date=s.git.next_date(),
    )  # fmt: skip
    merged = s.git.head()
    items = [
        review(1, "liu-jing", "APPROVED", head, T1),
        review(2, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(8, "更换密钥", head, merged, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api", pull, items), 8, "--sign-key", str(k1))
    history = s.history()
    (event,) = [e for e in history.events if e.commit == merged]
    assert not event.approved, (event.evidence, [p.code for p in event.problems])
