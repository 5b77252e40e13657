"""An approved deletion of doccontrol.yml (the trail: "a deleted config cannot relax the rules",
the previous one stays in force), then a direct re-add with self-approval allowed.
publishing.approved_config sees the deletion as accepted, the re-add as the first pending
change, finds no doccontrol.yml before it and returns None: approve uses the re-added file."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import SELF, own_branch, self_approve


def test_direct_readd_after_an_approved_deletion_does_not_rule_approve(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cfg")
    s.git.run("rm", "-q", "doccontrol.yml")
    s.git.commit("删除配置", who="zhaolei")
    s.git.checkout("main")
    s.git.merge("cfg", "删除配置", approvers=("chenmy",), reviewers=("wangfang",))
    s.git.run("checkout", "HEAD~1", "--", "doccontrol.yml")
    s.set_config(*SELF)
    s.git.commit("恢复配置", who="liujing")  # DC516
    own_branch(s)
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    assert "segregation of duties" in result.stdout
