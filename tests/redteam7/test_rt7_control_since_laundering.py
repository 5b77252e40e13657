"""An approval refused as DC516.adopts still counts, for control_since, as "an approval of where
control begins" (derive.config_changed: ``accepted or approved or first``). But the
control_since it carries may be the one a direct commit wrote (the approval's diff never shows
it): the direct change to control_since, ignored on its own (DC517.not-approved), takes effect
once anyone approves any other change to doccontrol.yml. The rules in force
(History.config_in_force) still name the old start; the history judges from the new one."""

from __future__ import annotations

from history_helpers import Scenario, body, make_scenario
from rules_attacks import SITE, blob, forge_merge, history


def test_a_refused_adoption_does_not_adopt_a_direct_control_since(tmp_path):
    from builders import RepoBuilder

    b = RepoBuilder(tmp_path / "repo")
    b.doc()
    s = Scenario(b)  # control_since: null, every commit is judged (an adopter before baseline)
    s.git.commit("初始导入", who="wangfang")
    s.git.branch("v11")
    s.files.doc(version="V1.1", body=body("正式修订"))
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "v11", approvers=("liujing",))
    # liujing writes her own V2.0 straight to main (DC501), then names it the start of control
    s.files.doc(version="V2.0", body=body("攻击者自己的内容"))
    mine = s.git.commit("直接改文件", who="liujing")
    s.set_config("control_since: null", f"control_since: '{mine}'")
    s.git.commit("设受控起点", who="liujing")  # DC516, DC517.not-approved: no effect
    before = s.summary()
    assert ("unapproved", "V2.0", False, ["DC501"]) in before
    # chenmy approves a site name on the forge; the diff shows nothing else
    s.git.branch("cfg")
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "cfg", "改站名")
    h = history(s)
    assert b"control_since: null" in blob(s, h.config_in_force)
    # her direct V2.0 must still be unapproved, not the approved baseline
    assert s.summary() == before, s.summary()


def test_a_refused_adoption_does_not_move_control_earlier_for_good(tmp_path):
    s = make_scenario(tmp_path)  # the import (2026-01-01) is the baseline: SM-P-01 V1.0 in force
    assert s.summary() == []
    s.set_config("control_since: 2026-01-02", "control_since: 2025-12-01")
    s.git.commit("提前受控起点", who="liujing")  # direct: DC516, no effect
    assert s.summary() == []
    s.git.branch("cfg")
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "cfg", "改站名")  # DC516.adopts: "the rules stay as they were"
    # the baseline import stays the baseline (else every document becomes DC501, unapproved)
    assert s.summary() == [], s.summary()


def test_the_approved_revert_cannot_undo_it(tmp_path):
    """The way out README gives (revert the direct change through an approval) is refused as
    moving control_since later (DC517.moved-later): the damage is permanent."""
    s = make_scenario(tmp_path)
    approved = (s.root / "doccontrol.yml").read_bytes()
    s.set_config("control_since: 2026-01-02", "control_since: 2025-12-01")
    s.git.commit("提前受控起点", who="liujing")
    s.git.branch("cfg")
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "cfg", "改站名")
    s.git.branch("revert")
    (s.root / "doccontrol.yml").write_bytes(approved)
    s.git.commit("撤销未经批准的修改", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "revert", "撤销")
    assert s.summary() == [], s.summary()
