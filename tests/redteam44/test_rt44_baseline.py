"""Round 44 on declares_baseline (round 42 hole 2's fix: only the adoption declares the
baseline, i.e. the rules in force name no start of control yet)."""

from __future__ import annotations

import json

from rt42_helpers import run

from builders import RepoBuilder, procedure
from history_helpers import Scenario, body, make_scenario

DOC = "docs/procedures/test.md"


def _config_merge(s, branch, old, new, title, date=None):
    """liujing edits control_since on a branch; 陈明远 (the configuration's approver) merges
    it, 王芳 reviewed: the same approval round 42 used."""
    s.git.branch(branch)
    s.set_config(old, new)
    s.git.commit(title, who="liujing")
    return s.git.merge(branch, title, approvers=("chenmy",), reviewers=("wangfang",), date=date)


def _register(s, day):
    out = run(s, "register", "--as-of", day, "--format", "json")
    assert out.returncode == 0, out.stdout + out.stderr
    return {r["id"]: r for r in json.loads(out.stdout)}


def _two_steps(s, date=None):
    """First an approved merge clearing control_since (null), then one declaring it again
    at main's tip: the second finds no start in the rules in force, so it is 'the adoption'."""
    _config_merge(s, "unset", "control_since: 2026-01-02", "control_since: null", "暂停受控")
    tip = s.git.head()
    _config_merge(s, "again", "control_since: null", f"control_since: '{tip}'", "基线", date)


def test_clearing_then_redeclaring_control_since_approves_no_direct_change(tmp_path):
    # held: the clearing is applied (the whole history is judged: nothing is in force), and
    # the re-declaration is refused (DC517) and vouches for nothing
    s = make_scenario(tmp_path)
    s.files.write(DOC, procedure(body=body("直接提交的目的：未经批准。")))
    s.git.commit("直接修改", who="zhaolei")
    _two_steps(s)
    row = _register(s, "2026-06-01")["SM-P-01"]
    assert row["last_approval"] == "" and row["pending"] >= 1, row
    assert "DC517" in run(s, "trail", "--format", "json").stdout


def test_the_honest_adoption_still_declares_the_baseline(tmp_path):
    # held: a repository never under control (control_since: null) is adopted by an approved
    # merge setting control_since to main's tip (what `doccontrol baseline` writes)
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    imported = s.git.commit("导入", who="wangfang", date="2026-01-05T10:00:00+08:00")
    s.git.branch("adopt")
    s.set_config("control_since: null", f"control_since: '{imported}'")
    s.git.commit("声明基线", who="liujing", date="2026-01-06T10:00:00+08:00")
    s.git.merge(
        "adopt", "纳入文件控制的基线", approvers=("chenmy",), reviewers=("wangfang",),
        date="2026-01-06T11:00:00+08:00",
    )  # fmt: skip
    row = _register(s, "2026-06-01")["SM-P-01"]
    assert row["last_approval"] == "2026-01-06", row
    assert row["pending"] == 0 and row["state"] == "effective", row
    assert "DC517" not in run(s, "trail", "--format", "json").stdout
