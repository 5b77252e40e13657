"""approved_config: when the first event touching doccontrol.yml is a direct commit whose parent
has no doccontrol.yml (a repository without control_since, whose first config was committed
directly), it returns None for ever after, and approve falls back to the work tree's config,
including every later direct change. The trail keeps the first committed config."""

from __future__ import annotations

from builders import RepoBuilder
from history_helpers import Scenario
from rules_attacks import SELF, own_branch, run, self_approve


def test_later_direct_change_is_not_used_when_first_config_came_in_directly(tmp_path):
    b = RepoBuilder(tmp_path / "repo")
    b.doc()
    s = Scenario(b)
    s.git.commit("初始导入", who="wangfang")  # control_since: null: the config arrives directly
    s.set_config(*SELF)
    s.git.commit("允许自己批准", who="liujing")  # DC516: not in force for the trail
    own_branch(s)
    result, merged = self_approve(s)
    trail = run(s.root, "trail", "--strict")
    # the trail judges a self-approved merge DC503: approve must refuse it, as the trail would
    assert not merged and result.returncode == 1, result.stdout + result.stderr + trail.stdout
    assert "segregation of duties" in result.stdout
