"""The trail's half of the laundering hole (test_rt6_laundering.py is `approve`'s): a merge
request approved on the forge that changes doccontrol.yml while main holds a change to it
nobody approved would put that change in force unseen (its diff never shows it). Such an
approval does not take effect (DC516.adopts); reverting the direct change through an approval,
then approving the wanted change, does."""

from __future__ import annotations

import os
import subprocess
import sys

from history_helpers import make_scenario

SELF = ("allow_self_approval: false", "allow_self_approval: true")
SITE = ("site_name: 服务管理体系文件发布平台", "site_name: 文件平台")


def trail(s):
    env = {**os.environ, "LC_ALL": "en_US.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", "trail", "--format", "json"],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def rules(s):
    from doccontrol.history.derive import derive
    from doccontrol.load import repository

    repo = repository.load(s.root, only=set())
    history = derive(s.root, repo.config)
    blob = history.config_in_force
    return s.git.run("cat-file", "blob", blob) if blob else ""


def test_a_forge_approval_does_not_adopt_a_direct_change_it_never_showed(tmp_path):
    s = make_scenario(tmp_path)
    s.set_config(*SELF)
    s.git.commit("允许自己批准", who="liujing")  # direct: DC516, not in force
    s.git.branch("cfg")
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    s.git.merge("cfg", "改站名", approvers=("chenmy",), reviewers=("wangfang",))
    import json

    events = json.loads(trail(s).stdout)["events"]
    merge = events[-1]
    assert not merge["approved"], merge
    assert any(p["key"] == "problem.DC516.adopts" for p in merge["problems"]), merge
    in_force = rules(s)
    assert "allow_self_approval: false" in in_force and "文件平台" not in in_force


def test_reverting_the_direct_change_first_then_approving_takes_effect(tmp_path):
    s = make_scenario(tmp_path)
    s.set_config(*SELF)
    s.git.commit("允许自己批准", who="liujing")
    # an approved branch that restores the approved doccontrol.yml
    s.git.branch("revert")
    s.set_config(SELF[1], SELF[0])
    s.git.commit("撤销未经批准的修改", who="zhaolei")
    s.git.checkout("main")
    s.git.merge("revert", "撤销", approvers=("chenmy",), reviewers=("wangfang",))
    s.git.branch("cfg")
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    s.git.merge("cfg", "改站名", approvers=("chenmy",), reviewers=("wangfang",))
    import json

    events = json.loads(trail(s).stdout)["events"]
    assert [e["approved"] for e in events[-2:]] == [True, True], events[-2:]
    in_force = rules(s)
    assert "文件平台" in in_force and "allow_self_approval: false" in in_force
