"""Round 51: the cycle cc2a3a7 opens. A note signed by a key "in force at the tip" counts for a
commit from before the key came in. Which keys are in force is found by walking with a guess
and keeping the first guess the walk's own approvals confirm; the first guess is the tip's
committed doccontrol.yml, which an author with push access writes.

赵磊 makes his own key KE. #5, pushed straight to main as a pull request's merge, turns
require_signed off (its tree does not list KE); he writes its note himself, signed with KE,
saying 刘静 (a config approver) and 王芳 approved it. #8, also pushed by him, adds KE to
trusted_forge_keys with forged trailers. First walk, by the tip's file (K1, KE): #5's note is
"a key in force now vouching for an older commit", so #5 is approved; under #5's rules #8's
trailers approve it; the configuration in force is then #8's (K1, KE), the guess is
confirmed, and the walk stands. Nobody approved anything: the KE note vouches for #5, #5 lets
#8 in, #8 makes KE trusted."""

from __future__ import annotations

from forge_helpers import capture, change, github_scenario, keypair, pull_request, record, review

T1 = "2026-02-01T10:00:00Z"


def test_a_key_that_vouches_for_the_change_that_lets_it_in_is_not_in_force(tmp_path):
    _k1, k1_pub = keypair(tmp_path, "forge")
    ke, ke_pub = keypair(tmp_path, "zhaolei-own")
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
    )
    # #5: require_signed off, "approved" by a note 赵磊 wrote and signed with his own key
    s.git.branch("cr-5")
    s.set_config("require_signed: true", "require_signed: false")
    head5 = s.git.commit("放宽签名要求", who="zhaolei")
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", "Merge pull request #5 from team/cr-5\n\n放宽签名要求",
        "cr-5", who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    m5 = s.git.head()
    items = [
        review(51, "liu-jing", "APPROVED", head5, T1),
        review(52, "wang-fang", "APPROVED", head5, T1),
    ]
    pull = pull_request(5, "放宽签名要求", head5, m5, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api5", pull, items), 5, "--sign-key", str(ke))
    # #8: his key among the trusted forge keys, approved by trailers he typed
    s.git.branch("cr-8")
    s.set_config(
        f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k1_pub}", "{ke_pub}"]'
    )
    s.git.commit("增加平台密钥", who="zhaolei")
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m",
        "Merge pull request #8 from team/cr-8\n\n增加平台密钥\n\n"
        "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        "cr-8", who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    m8 = s.git.head()
    # and from here on, his trailers approve documents: require_signed is off
    change(s, 9)
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m",
        "Merge pull request #9 from team/cr-9\n\n变更 9\n\n"
        "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        "cr-9", who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    m9 = s.git.head()
    history = s.history()
    approved = {e.commit: (e.approved, e.evidence) for e in history.events}
    got = {name: approved[sha] for name, sha in (("#5", m5), ("#8", m8), ("#9", m9))}
    assert not any(ok for ok, _ in got.values()), (
        f"nobody approved anything, yet (approved, evidence) = {got}"
    )


def test_held_without_the_tip_listing_the_key_the_forged_note_counts_for_nothing(tmp_path):
    """The same #5 and its KE-signed note, but no #8: KE is in nobody's file, #5 stays
    unapproved (as it did before cc2a3a7 with #8 too)."""
    _k1, k1_pub = keypair(tmp_path, "forge")
    ke, _ = keypair(tmp_path, "zhaolei-own")
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
    )
    s.git.branch("cr-5")
    s.set_config("require_signed: true", "require_signed: false")
    head5 = s.git.commit("放宽签名要求", who="zhaolei")
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", "Merge pull request #5 from team/cr-5\n\n放宽签名要求",
        "cr-5", who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    m5 = s.git.head()
    items = [
        review(51, "liu-jing", "APPROVED", head5, T1),
        review(52, "wang-fang", "APPROVED", head5, T1),
    ]
    pull = pull_request(5, "放宽签名要求", head5, m5, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api5", pull, items), 5, "--sign-key", str(ke))
    assert not {e.commit: e.approved for e in s.history().events}[m5]
