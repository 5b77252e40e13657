"""A doccontrol.yml change merged with a change request still outstanding in the forge's note
(DC533): the trail refuses it (forge.objections), publishing.approved_config counts it as
approved (DC533 is not a blocking code) and approve uses the work tree's config.

Round 46: only a note signed by a trusted forge key binds an approval that rests on the
commit's own trailers, so the note here is signed (an unsigned one is a warning)."""

from __future__ import annotations

from forge_helpers import capture, github_scenario, keypair, pull_request, record, review
from rules_attacks import SELF, own_branch, run, self_approve


def test_config_merge_with_an_outstanding_change_request_does_not_rule_approve(tmp_path):
    forge, forge_pub = keypair(tmp_path, "forge")
    s = github_scenario(tmp_path, "trusted_forge_keys: []", f'trusted_forge_keys: ["{forge_pub}"]')
    s.git.branch("cfg")
    s.set_config(*SELF)
    head = s.git.commit("允许自己批准", who="liujing")
    merge = s.git.merge(
        "cfg",
        "允许自己批准",
        who="chenmy",
        approvers=("chenmy",),
        reviewers=("wangfang",),
        platform="github",
        number=7,
    )
    pull = pull_request(7, "允许自己批准", head, merge, "liu-jing", "liu-jing")
    objection = review(100, "zhao-lei", "CHANGES_REQUESTED", head, "2026-01-03T01:00:00Z")
    capture(s, record(tmp_path / "api-7", pull, [objection]), 7, "--sign-key", str(forge))
    trail = run(s.root, "trail", "--strict")
    assert "DC533" in trail.stdout and "Not approved" in trail.stdout  # the trail: not in force
    own_branch(s)
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    assert "segregation of duties" in result.stdout
