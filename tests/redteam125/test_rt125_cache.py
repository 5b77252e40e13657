"""Session 41: the loose index is cached (``_encode_loose``); a history extended from a cache
written before the approval judges it as a fresh run does."""

from __future__ import annotations

import shutil

from rt27_helpers import cli_env
from rt122_helpers import DRAFTER, NEW, UNCONTROLLED, first_approval, verdict
from rt123_helpers import _approve
from rt125_helpers import SCOPE_NEW, SCOPE_OLD, draft_text


def test_held_a_cache_from_before_the_approval_extends_to_the_same_verdict(scenario):
    s = scenario
    first_approval(s)
    s.files.write(UNCONTROLLED, draft_text())
    s.git.commit("草稿", who=DRAFTER)
    s.git.run("rm", "-q", UNCONTROLLED)
    s.git.commit("删除草稿", who=DRAFTER)
    # the cache now holds her draft's units, indexed by the walk up to here
    assert cli_env(s.root, {}, "trail").returncode == 0
    cached = s.root / ".git" / "doccontrol"
    assert (cached / "state.json").is_file()
    assert "本程序规定服务级别协议的策划" in (cached / "state.json").read_text("utf-8")
    s.git.branch("feat")
    s.files.write(NEW, draft_text().replace(SCOPE_OLD, SCOPE_NEW, 1))
    s.git.commit("补充说明", who="zhaolei")
    approval = _approve(s, "forge")
    extended = verdict(s, approval, DRAFTER, "SM-P-09")
    assert extended[0], extended[1]
    shutil.rmtree(cached)
    fresh = verdict(s, approval, DRAFTER, "SM-P-09")
    assert fresh == extended
