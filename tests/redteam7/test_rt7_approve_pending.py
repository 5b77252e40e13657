"""approve's _adopting_pending and the trail's DC516.adopts answer different questions:
approve calls a controlled file pending when its latest change on main was not accepted
(rules.pending_controlled) and wants the merge to leave it as the last *accepted event* had it
(None when no event accepted it); the trail compares blobs with the version in force. Where they
differ, approve refuses what the trail accepts (a denial of service on every change to the
rules, even the documented adoption and the documented way out) or merges what the trail
refuses. Safe: approve merges exactly what the trail will accept."""

from __future__ import annotations

import re

import pytest

from builders import RepoBuilder
from history_helpers import Scenario, make_scenario
from rules_attacks import SELF, SITE, approve, blob, events, forge_merge, history, identity, run


def _trail_accepts(s, branch, path):
    """Whether the trail accepts the change to ``path`` when the forge merges ``branch``."""
    forge_merge(s, branch)
    last = events(s)[-1]
    s.git.run("reset", "-q", "--hard", "HEAD~1")
    return path in last["accepted"]


def test_the_documented_adoption_is_approvable(tmp_path):
    """A new repository (control_since: null, its first doccontrol.yml committed directly, in
    force because trust begins there), adopted as README says: `doccontrol baseline`, then
    `doccontrol approve`. The first commit is an unaccepted event for doccontrol.yml, so approve
    calls it pending and refuses; the trail approves the same merge with no problem."""
    b = RepoBuilder(tmp_path / "repo")
    b.doc()
    s = Scenario(b)
    s.git.commit("初始导入", who="wangfang")
    identity(s, "liujing")
    declared = run(s.root, "baseline")
    assert declared.returncode == 0, declared.stdout + declared.stderr
    branch = re.search(r"\bbaseline-[0-9a-f]{8}\b", declared.stdout)[0]
    assert _trail_accepts(s, branch, "doccontrol.yml")
    result, merged = approve(s, branch)
    assert merged and result.returncode == 0, result.stdout + result.stderr


def test_a_direct_change_reverted_directly_does_not_block_every_config_change(tmp_path):
    """main holds the approved doccontrol.yml again (a mistaken push, reverted). The trail
    accepts the next approved config change; approve refuses every branch that changes
    doccontrol.yml, telling the approver to revert what is already reverted (no branch can
    restore a file main already holds: no way out)."""
    s = make_scenario(tmp_path)
    s.set_config(*SELF)
    s.git.commit("误推", who="liujing")
    s.set_config(SELF[1], SELF[0])
    s.git.commit("撤销误推", who="liujing")
    s.git.branch("cfg")
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    assert _trail_accepts(s, "cfg", "doccontrol.yml")
    result, merged = approve(s, "cfg")
    assert merged, result.stdout + result.stderr


FILES = {
    ".mailmap": "刘静 <liu.jing@example.com> <jing@old.example>\n",
    "mkdocs.yml": "site_name: 文件\n",
    "schemas/records/incident.schema.json": None,  # the builder's schema
}


def _precontrol(tmp_path, path):
    """The import (pre-control) holds ``path``; liujing then changes it directly (DC516)."""
    s = make_scenario(tmp_path)
    if FILES[path] is not None:
        s.files.write(path, FILES[path])
        s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")
    assert not [e for e in events(s) if path in e["controlled"]]  # still pre-control
    original = (s.root / path).read_text(encoding="utf-8")
    s.files.write(path, original.replace("\n", "\n\n", 1))
    s.git.commit("误推", who="liujing")
    return s, original


@pytest.mark.parametrize("path", list(FILES))
def test_the_revert_of_a_direct_change_to_a_precontrol_rules_file_is_approvable(tmp_path, path):
    """The way out README and approve give: 'revert them through an approved branch that
    restores the file'. approve takes the version in force from the last accepted event, and
    the pre-control import is none, so it wants the file absent and refuses the revert."""
    s, original = _precontrol(tmp_path, path)
    s.git.branch("revert")
    s.files.write(path, original)
    s.git.commit("撤销", who="zhaolei")
    s.git.checkout("main")
    assert _trail_accepts(s, "revert", path)
    result, merged = approve(s, "revert")
    assert merged, result.stdout + result.stderr


@pytest.mark.parametrize("path", [".mailmap", "mkdocs.yml"])
def test_approve_does_not_merge_a_deletion_the_trail_refuses(tmp_path, path):
    """…and the one merge it allows (the file absent, as it thinks it was approved) is the
    trail's DC516.adopts."""
    s, _ = _precontrol(tmp_path, path)
    s.git.branch("rm")
    s.git.run("rm", "-q", path)
    s.git.commit("删除", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "rm")
    if merged:
        last = events(s)[-1]
        assert path in last["accepted"], (last["problems"], result.stdout)


def test_an_approved_unreadable_config_then_a_direct_change(tmp_path):
    """An approved doccontrol.yml with a YAML slip (in force, unreadable: the last readable one
    rules), then a direct change. approve's version in force is the last readable one
    (History.config_in_force), the trail's the unreadable one (config_blob): approve merges the
    branch restoring the last readable config, which the trail refuses (DC516.adopts), and from
    then on refuses every config change (main already holds what it wants restored)."""
    s = make_scenario(tmp_path)
    cfg = s.root / "doccontrol.yml"
    good = cfg.read_text(encoding="utf-8")
    s.git.branch("slip")
    cfg.write_text(good + "\n: : bad [\n", encoding="utf-8")
    s.git.commit("配置笔误", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "slip")
    cfg.write_text(good.replace(*SELF), encoding="utf-8")
    s.git.commit("直接修复", who="liujing")  # DC516
    assert blob(s, history(s).config_in_force) == good.encode()
    s.git.branch("fix")
    cfg.write_text(good, encoding="utf-8")
    s.git.commit("恢复已批准的配置", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "fix")
    if merged:
        last = events(s)[-1]
        assert "doccontrol.yml" in last["accepted"], (last["problems"], result.stdout)
