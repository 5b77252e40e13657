"""A direct change to doccontrol.yml (DC516) is laundered by the next approved change to it:
approve lets the configuration approver merge an unrelated config branch while the file has a
change nobody approved (only a notice on stderr; the diff it judges, main...branch, never shows
the direct change), and the trail then puts the whole merged file, direct change included, in
force. The author's self-approval that follows is merged by approve and called Approved by the
trail."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import SELF, identity, own_branch, run, self_approve


def test_an_unrelated_config_approval_does_not_launder_a_direct_change(tmp_path):
    s = make_scenario(tmp_path)
    s.set_config(*SELF)
    s.git.commit("允许自己批准", who="liujing")  # DC516
    s.git.branch("cfg")
    s.set_config("site_name: 服务管理体系文件发布平台", "site_name: 文件平台")
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    identity(s, "chenmy")
    run(s.root, "approve", "cfg", "--reviewer", "wangfang")  # approves a site name, nothing else
    own_branch(s)
    result, merged = self_approve(s)
    trail = run(s.root, "trail", "--strict")
    assert not merged and result.returncode == 1, result.stdout + result.stderr + trail.stdout
