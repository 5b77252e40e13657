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
