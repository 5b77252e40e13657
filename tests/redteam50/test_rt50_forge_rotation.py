"""Round 50: the forge key in force at the tip (round 49 hole 4's fix) after an honest,
overlapping key rotation done as the README describes: #8 adds K2 beside K1 (its note signed
with K1, the only key then trusted), #9 retires K1 (its note signed with K2, trusted by then:
no rotation "approved only by a note the retired key signed").

The round found every approval resting on a note lost after such a rotation, and re-signing
the old notes under K2 (the README's remedy then) could not bring them back. Fixed in session
25 by telling a retired key from a revoked one: #9 moves K1 to ``retired_forge_keys``, and
the notes K1 signed while trusted keep their strength. #8 and #9 are approved by 刘静's signed
merges: no note counts for a change to the forge keys, since anyone who can push could rewrite
or remove it (tests/forge/test_forge_key_retirement.py
holds the rest: a retired key signs no later note, a revoked one no note at all)."""

from __future__ import annotations

from forge_helpers import capture, change, github_scenario, keypair, pull_request, record, review

T1 = "2026-02-01T10:00:00Z"


def _pr(s, tmp_path, number, head, key, merged=None):
    if merged is None:
        s.git.checkout("main")
        s.git.run(
            "merge", "--no-ff", "-q", "-m",
            f"Merge pull request #{number} from team/cr-{number}\n\n变更 {number}", f"cr-{number}",
            who="liujing", date=s.git.next_date(),
        )  # fmt: skip
        merged = s.git.head()
    items = [
        review(number * 10 + 1, "liu-jing", "APPROVED", head, T1),
        review(number * 10 + 2, "wang-fang", "APPROVED", head, T1),
    ]
    pull = pull_request(number, f"变更 {number}", head, merged, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / f"api{number}", pull, items), number, "--sign-key", str(key),
            "--force")  # fmt: skip
    return merged


def test_an_overlapping_rotation_that_retires_the_old_key_keeps_history_approved(tmp_path):
    k1, k1_pub = keypair(tmp_path, "forge")
    _k2, k2_pub = keypair(tmp_path, "forge2")
    liu, liu_pub = keypair(tmp_path, "liu")
    s = github_scenario(
        tmp_path,
        "roles: [management-representative, department-head], forge_accounts",
        f'roles: [management-representative, department-head], signing_keys: ["{liu_pub}"], '
        "forge_accounts",
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
        "require_signed: false",
        "require_signed: true",
    )
    head7 = change(s, 7)
    _pr(s, tmp_path, 7, head7, k1)
    assert s.history().documents["SM-P-01"].revisions[0].approved

    s.git.branch("cr-8")
    s.set_config(
        f'trusted_forge_keys: ["{k1_pub}"]', f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]'
    )
    head8 = s.git.commit("新增平台签名密钥 K2", who="zhaolei")
    # no note counts for a change to the forge keys (session 25): 刘静 signs both steps
    m8 = s.git.merge("cr-8", "变更 8", approvers=("liujing",), reviewers=("wangfang",),
                     sign_key=liu, platform="github", number=8)  # fmt: skip
    _pr(s, tmp_path, 8, head8, k1, merged=m8)
    assert {e.commit: e.approved for e in s.history().events}[m8]  # K2 now trusted beside K1

    s.git.branch("cr-9")
    s.set_config(
        f'trusted_forge_keys: ["{k1_pub}", "{k2_pub}"]',
        f'trusted_forge_keys: ["{k2_pub}"]\n  retired_forge_keys: ["{k1_pub}"]',
    )
    s.git.commit("停用平台签名密钥 K1", who="zhaolei")
    m9 = s.git.merge("cr-9", "变更 9", approvers=("liujing",), reviewers=("wangfang",),
                     sign_key=liu, platform="github", number=9)  # fmt: skip
    history = s.history()
    approved = {e.commit: e.approved for e in history.events}
    assert (approved.get(m8), approved.get(m9)) == (True, True), "the rotation is not approved"
    assert history.documents["SM-P-01"].revisions[0].approved, "#7 lost its approval"
