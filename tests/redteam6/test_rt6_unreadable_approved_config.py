"""An approved doccontrol.yml that cannot be read, then a direct change that repairs it and
allows self-approval. The trail keeps the last readable approved config (policy_at);
publishing.approved_config reads the version before the direct change, finds it unreadable,
returns None, and approve uses the work tree's (direct) config."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import SELF, own_branch, self_approve


def test_direct_repair_of_an_unreadable_approved_config_does_not_rule_approve(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cfg")
    cfg = s.root / "doccontrol.yml"
    good = cfg.read_text(encoding="utf-8")
    cfg.write_text(good + "\n: : bad [\n", encoding="utf-8")
    s.git.commit("配置笔误", who="zhaolei")
    s.git.checkout("main")
    s.git.merge("cfg", "配置笔误", approvers=("chenmy",), reviewers=("wangfang",))
    cfg.write_text(good.replace(*SELF), encoding="utf-8")
    s.git.commit("修复配置", who="liujing")  # DC516
    own_branch(s)
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    assert "segregation of duties" in result.stdout
