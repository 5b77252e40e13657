"""Round 52: the forge-key walk's first guess (history/derive.py, _Deriver.__init__ and
_forge_keys_settled). A walk judges forge notes by the keys it was given; the first walk is
given the tip's *committed* doccontrol.yml's trusted_forge_keys, which an author with push
access writes, and the walk stands as soon as the keys in force at its end equal that guess.

Which keys are in force depends on which notes count, so there can be two self-consistent
answers: the author's guess picks the one he wants.

The story: forge key K1 leaks to 赵磊. Long before, he had pushed straight to main #5, a
doccontrol.yml change making config_approvers a role only he holds (service-manager); the
team reverted it (#6, 刘静's signed merge with trailers, require_signed on) and, after the
leak, revoked K1 (#8 replaces K1 by K2, approved the same way). Now 赵磊:

1. writes a K1-signed note on #5 (capture-github --from-json --sign-key K1) saying 刘静 and
   王芳 approved pull request #5 (K1 was trusted before #5: it passes that test);
2. pushes straight to main a doccontrol.yml listing K1 again (reported as unapproved);
3. merges his own document change #9 and gives it a K1-signed note too.

First walk, keys {K1}: #5 is approved by its note, so #6 and #8 are judged by #5's rules
(only service-manager approves doccontrol.yml) and neither is approved; the configuration in
force is #5's, which trusts K1, equal to the guess, so the walk stands. K1, revoked by an
approved change, signs anything again; the revert and the revocation are shown unapproved."""

from __future__ import annotations

from forge_helpers import capture, change, github_scenario, keypair, pull_request, record, review

T1 = "2026-02-01T10:00:00Z"
LIU_ROLES = "roles: [management-representative, department-head], forge_accounts"


def _note(s, tmp_path, number, head, merged, key):
    """赵磊's forged note: 刘静 and 王芳 approved pull request ``number``."""
    items = [
        review(number * 10 + 1, "liu-jing", "APPROVED", head, T1),
        review(number * 10 + 2, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(number, f"变更 {number}", head, merged, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / f"api{number}", pull, items), number, "--sign-key", str(key))


def _pushed_merge(s, number, title):
    """A pull request's merge commit 赵磊 pushes himself: no trailers, no signature."""
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", f"Merge pull request #{number} from team/cr-{number}\n\n{title}",
        f"cr-{number}", who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    return s.git.head()


def _rotated(tmp_path, push_tip: bool):
    """The story above; ``push_tip``: whether 赵磊 pushes the tip doccontrol.yml listing K1.
    Returns the scenario and the commits by name."""
    k1, k1_pub = keypair(tmp_path, "forge")
    _k2, k2_pub = keypair(tmp_path, "forge2")
    liu, liu_pub = keypair(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
        LIU_ROLES,
        LIU_ROLES.replace("forge_accounts", f'signing_keys: ["{liu_pub}"], forge_accounts'),
    )
    c = {}
    # #5: 赵磊's push making himself the only approver of doccontrol.yml (DC516, unapproved)
    s.git.branch("cr-5")
    s.set_config(
        "config_approvers: [general-manager, management-representative]",
        "config_approvers: [service-manager]",
    )
    head5 = s.git.commit("调整配置批准人", who="zhaolei")
    c["#5"] = _pushed_merge(s, 5, "调整配置批准人")
    # #6: the team reverts it, 刘静's signed merge with trailers
    s.git.branch("cr-6")
    s.set_config(
        "config_approvers: [service-manager]",
        "config_approvers: [general-manager, management-representative]",
    )
    s.git.commit("撤销未经批准的配置变更", who="zhouqiang")
    c["#6"] = s.git.merge("cr-6", "撤销 #5", who="liujing", approvers=("liujing",),
                          reviewers=("wangfang",), sign_key=liu, platform="github", number=6)  # fmt: skip
    # #8: K1 leaked, the team revokes it (K2 replaces it), approved the same way
    s.git.branch("cr-8")
    s.set_config(f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]')
    s.git.commit("吊销泄露的平台密钥 K1", who="zhouqiang")
    c["#8"] = s.git.merge("cr-8", "吊销 K1", who="liujing", approvers=("liujing",),
                          reviewers=("wangfang",), sign_key=liu, platform="github", number=8)  # fmt: skip
    # 赵磊's document change #9, merged by himself, with a K1 note
    head9 = change(s, 9)
    c["#9"] = _pushed_merge(s, 9, "变更 9")
    if push_tip:
        s.set_config(f'trusted_forge_keys: ["{k2_pub}"]', f'trusted_forge_keys: ["{k1_pub}"]')
        c["tip"] = s.git.commit("恢复平台密钥", who="zhaolei")
    # the forged notes, signed with the leaked K1 (written after the revocation)
    _note(s, tmp_path, 5, head5, c["#5"], k1)
    _note(s, tmp_path, 9, head9, c["#9"], k1)
    return s, c


def _approved(s, c):
    approved = {e.commit: (e.approved, e.evidence) for e in s.history().events}
    return {name: approved.get(sha) for name, sha in c.items() if name != "tip"}


def test_a_revoked_forge_key_is_not_brought_back_by_an_unapproved_tip_file(tmp_path):
    s, c = _rotated(tmp_path, push_tip=True)
    got = _approved(s, c)
    assert got["#6"][0] and got["#8"][0] and not got["#5"][0] and not got["#9"][0], (
        "the revoked K1 approves again: (approved, evidence) = " + repr(got)
    )


def test_held_without_the_tip_push_the_revocation_stands(tmp_path):
    """The control: the same notes, the tip's file as the team left it (K2). The walk is
    given {K2}: #5's K1 note counts for nothing, #6 and #8 are approved, #9 is not."""
    s, c = _rotated(tmp_path, push_tip=False)
    got = _approved(s, c)
    assert got["#6"][0] and got["#8"][0] and not got["#5"][0] and not got["#9"][0], got


def _revoked_with_objection(tmp_path, push_tip: bool, retired: bool = False):
    """No earlier push needed: K1 leaks, #8 (刘静's signed merge with trailers) replaces K1
    by K2. 赵磊 writes a K1-signed note on #8 itself saying 王芳 requested changes on its
    head, merges his own change #9 with a K1 note of 刘静's and 王芳's approvals and
    (``push_tip``) pushes a doccontrol.yml listing K1 again."""
    k1, k1_pub = keypair(tmp_path, "forge")
    _k2, k2_pub = keypair(tmp_path, "forge2")
    liu, liu_pub = keypair(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
        LIU_ROLES,
        LIU_ROLES.replace("forge_accounts", f'signing_keys: ["{liu_pub}"], forge_accounts'),
    )
    c = {}
    s.git.branch("cr-8")
    s.set_config(f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k2_pub}"]')
    head8 = s.git.commit("吊销泄露的平台密钥 K1", who="zhouqiang")
    c["#8"] = s.git.merge("cr-8", "吊销 K1", who="liujing", approvers=("liujing",),
                          reviewers=("wangfang",), sign_key=liu, platform="github", number=8)  # fmt: skip
    head9 = change(s, 9)
    c["#9"] = _pushed_merge(s, 9, "变更 9")
    if push_tip and retired:
        # only "recording" the revoked key as retired (approval.retired_forge_keys, 2eeb7aa)
        s.set_config(
            f'trusted_forge_keys: ["{k2_pub}"]',
            f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
        )
        c["tip"] = s.git.commit("记录已停用的平台密钥", who="zhaolei")
    elif push_tip:
        s.set_config(f'trusted_forge_keys: ["{k2_pub}"]', f'trusted_forge_keys: ["{k1_pub}"]')
        c["tip"] = s.git.commit("恢复平台密钥", who="zhaolei")
    # the revocation's "record": 王芳 asked for changes (signed with the leaked K1)
    items = [review(81, "wang-fang", "CHANGES_REQUESTED", head8, T1)]
    pull = pull_request(8, "吊销 K1", head8, c["#8"], "zhou-qiang", "liu-jing")
    capture(s, record(tmp_path / "api8", pull, items), 8, "--sign-key", str(k1))
    _note(s, tmp_path, 9, head9, c["#9"], k1)
    return s, c


def test_a_revoked_key_cannot_object_to_its_own_revocation(tmp_path):
    s, c = _revoked_with_objection(tmp_path, push_tip=True)
    got = _approved(s, c)
    assert got["#8"][0] and not got["#9"][0], (
        "the revoked K1 vetoes its revocation and approves again: (approved, evidence) = "
        + repr(got)
    )


def test_a_tip_push_listing_the_revoked_key_as_retired_does_not_bring_it_back(tmp_path):
    """The same with the tip's file keeping K2 trusted and only listing K1 under
    retired_forge_keys (as if recording the rotation): the first walk is given {K2, K1}, its
    approvals leave the initial import's file ({K1}) in force, the second walk is given {K1}
    and stands."""
    s, c = _revoked_with_objection(tmp_path, push_tip=True, retired=True)
    got = _approved(s, c)
    assert got["#8"][0] and not got["#9"][0], (
        "K1, revoked, is back after a push listing it as retired: " + repr(got)
    )


def test_held_without_the_tip_push_the_objection_counts_for_nothing(tmp_path):
    s, c = _revoked_with_objection(tmp_path, push_tip=False)
    got = _approved(s, c)
    assert got["#8"][0] and not got["#9"][0], got


def _retired_then_vetoed(tmp_path, veto: bool):
    """A routine rotation as the README (2eeb7aa) describes it: #8 moves K1 to
    retired_forge_keys and trusts K2, approved by 刘静's signed merge with trailers. Later the
    retired K1 (out of service, less guarded) reaches 赵磊. With no push to main at all, he
    writes (``veto``) a K1-signed note on #8, "王芳 requested changes", and merges his own #9
    with a K1 note of 刘静's and 王芳's approvals. K1 was trusted before #8, and the tip's
    file (the team's, approved) still lists it, as retired: its note on #8 counts."""
    k1, k1_pub = keypair(tmp_path, "forge")
    _k2, k2_pub = keypair(tmp_path, "forge2")
    liu, liu_pub = keypair(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
        LIU_ROLES,
        LIU_ROLES.replace("forge_accounts", f'signing_keys: ["{liu_pub}"], forge_accounts'),
    )
    c = {}
    s.git.branch("cr-8")
    s.set_config(
        f'trusted_forge_keys: ["{k1_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
    )
    head8 = s.git.commit("停用平台签名密钥 K1", who="zhouqiang")
    c["#8"] = s.git.merge("cr-8", "停用 K1", who="liujing", approvers=("liujing",),
                          reviewers=("wangfang",), sign_key=liu, platform="github", number=8)  # fmt: skip
    head9 = change(s, 9)
    c["#9"] = _pushed_merge(s, 9, "变更 9")
    if veto:
        items = [review(81, "wang-fang", "CHANGES_REQUESTED", head8, T1)]
        pull = pull_request(8, "停用 K1", head8, c["#8"], "zhou-qiang", "liu-jing")
        capture(s, record(tmp_path / "api8", pull, items), 8, "--sign-key", str(k1))
    _note(s, tmp_path, 9, head9, c["#9"], k1)
    return s, c


def test_a_retired_key_cannot_veto_its_own_retirement(tmp_path):
    """README: a retired key "signs no note for a commit made after that". Its note on the
    retiring change blocks that change (a verified note binds), the configuration in force
    stays the one trusting K1, and K1 then signs #9, made after the retirement."""
    s, c = _retired_then_vetoed(tmp_path, veto=True)
    got = _approved(s, c)
    assert got["#8"][0] and not got["#9"][0], (
        "the retired K1 undid its retirement by a note alone: " + repr(got)
    )


def test_held_a_retired_key_signs_no_note_for_a_later_commit(tmp_path):
    s, c = _retired_then_vetoed(tmp_path, veto=False)
    got = _approved(s, c)
    assert got["#8"][0] and not got["#9"][0], got
