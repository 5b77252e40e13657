"""Ideas that held: approve refuses the author's self-approval in each (these pass today)."""

from __future__ import annotations

import os

import pytest

from history_helpers import body, make_scenario
from rules_attacks import SELF, SOON, own_branch, self_approve


def _several(s):
    for pair in (SELF, SELF[::-1], SELF):
        s.set_config(*pair)
        s.git.commit("直接改配置", who="liujing")


def _plain_merge(s):
    s.git.branch("cfg")
    s.set_config(*SELF)
    s.git.commit("a", who="liujing")
    s.git.checkout("main")
    s.git.merge_message("Merge branch 'cfg'", "cfg", who="liujing")


def _with_other(s):
    s.set_config(*SELF)
    s.files.write("docs/note.txt", "x")
    s.git.commit("配置和别的", who="liujing")


def _rename(s):
    s.git.run("mv", "doccontrol.yml", "old.yml")
    s.git.commit("mv", who="liujing")
    s.git.run("mv", "old.yml", "doccontrol.yml")
    s.set_config(*SELF)
    s.git.commit("back", who="liujing")


def _symlink(s):
    text = (s.root / "doccontrol.yml").read_text(encoding="utf-8").replace(*SELF)
    s.files.write("cfg/real.yml", text)
    os.remove(s.root / "doccontrol.yml")
    os.symlink("cfg/real.yml", s.root / "doccontrol.yml")
    s.git.commit("link", who="liujing")


def _fake_squash(s):
    s.set_config(*SELF)
    s.git.commit(
        "改配置 (!12)\n\nSee merge request it/sms!12\n\n"
        "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        who="liujing",
    )


def _later_control_since(s):
    s.set_config(*SELF)
    s.set_config("control_since: 2026-01-02", "control_since: 2026-06-01")
    s.git.commit("推迟受控起点", who="liujing")


@pytest.mark.parametrize(
    "attack",
    [_several, _plain_merge, _with_other, _rename, _symlink, _fake_squash, _later_control_since],
)
def test_held(tmp_path, attack):
    s = make_scenario(tmp_path)
    own_branch(s)
    attack(s)
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    assert "segregation of duties" in result.stdout


def test_branch_own_config_cannot_allow_self_approval(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr-9")
    s.files.doc(version="V1.1", body=body("x"), effective_date=SOON)
    s.set_config(*SELF)
    s.set_config("require_review: true", "require_review: false")
    s.git.commit("修订并放宽规则", who="liujing")
    s.git.checkout("main")
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1
    assert "segregation of duties" in result.stdout
    assert "configuration approver roles" in result.stdout
