"""Cached and fresh trails agree exactly, with DC516.merged refusals, files brought under
control as the branch held them (mkdocs.yml naming a hook, controlled_paths growing), and
commits added between the cached runs."""

from __future__ import annotations

import shutil

from history_helpers import make_scenario
from rules_attacks import EVIL, HOOK, HOOK_BASE, SITE_OFF, SITE_ON, forge_merge, run

SCHEMA = "schemas/records/incident.schema.json"


def _trail(s):
    out = run(s.root, "trail", "--format", "json")
    assert out.stdout, out.stderr
    return out.stdout


def test_cached_and_fresh_agree(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", SITE_OFF)
    s.files.write(HOOK, HOOK_BASE)
    s.files.write("Makefile", "all:\n\ttrue\n")
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.git.branch("a")
    s.files.write(SCHEMA, text.replace('"title": "测试事件"', '"title": "甲"'))
    s.git.commit("甲", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("b")
    s.files.write(SCHEMA, text.replace('"retention_years": 3', '"retention_years": 5'))
    s.git.commit("乙", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "a")
    first = _trail(s)
    forge_merge(s, "b", title="乙")  # DC516.merged
    s.git.branch("hook")
    s.files.write("mkdocs.yml", SITE_ON)
    s.files.write(HOOK, HOOK_BASE + "# reviewed\n")
    s.git.commit("启用钩子", who="zhaolei")
    s.git.checkout("main")
    s.files.write("Makefile", "all:\n\tfalse\n")
    s.git.commit("直接改", who="liujing")
    _trail(s)
    forge_merge(s, "hook", title="钩子")
    s.git.branch("ctl")
    s.set_config("approval:\n", "approval:\n  controlled_paths: [Makefile]\n")
    s.git.commit("控制 Makefile", who="zhaolei")
    s.git.checkout("main")
    s.files.write("Makefile", "all:\n\tcurl x\n")
    s.git.commit("再直接改", who="liujing")
    _trail(s)
    forge_merge(s, "ctl", title="控制")  # brought under control in main's version: DC516.merged
    s.files.write(HOOK, HOOK_BASE + EVIL)
    s.git.commit("改钩子", who="liujing")
    cached = _trail(s)
    shutil.rmtree(s.root / ".git" / "doccontrol")
    fresh = _trail(s)
    assert first != fresh
    assert cached == fresh
