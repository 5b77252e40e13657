"""A merge of a doccontrol.yml change whose Approved-by names someone doccontrol.yml does not
know (DC512, not blocking): the trail does not put the change in force (no approver with a
person id), but publishing.approved_config counts it as approved (controlled_accepted only
looks for blocking codes) and approve uses the work tree's config."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import SELF, own_branch, run, self_approve


def test_config_merge_approved_by_an_unknown_person_does_not_rule_approve(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cfg")
    s.set_config(*SELF)
    s.git.commit("允许自己批准", who="liujing")
    s.git.checkout("main")
    s.git.merge_message(
        "Merge branch 'cfg'\n\n允许自己批准\n\n"
        "Approved-by: Mallory <mallory@evil.example>\n"
        "Reviewed-by: 王芳 <wang.fang@example.com>",
        "cfg",
        who="liujing",
    )
    trail = run(s.root, "trail", "--strict")
    assert "DC512" in trail.stdout and "Not approved" in trail.stdout  # the trail: not in force
    own_branch(s)
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    assert "segregation of duties" in result.stdout
