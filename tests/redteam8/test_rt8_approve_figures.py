"""Since images under docs/ need the configuration's approver (round 7), and approve names only
the person running it, no one can approve a procedure revision that redraws its own flow chart
with doccontrol approve: the management representative lacks the configuration role, the
general manager the procedure's. An everyday change of the local-merge workflow is refused
whoever runs it (a forge merge naming both is accepted)."""

from __future__ import annotations

from history_helpers import body, make_scenario
from rules_attacks import SOON, approve, forge_merge, last_event, png

FLOW = "docs/procedures/flow.png"


def test_someone_can_approve_a_revision_with_its_figure(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write(FLOW, png(b"old"))
    s.git.commit("流程图", who="wangfang", date="2026-01-01T12:00:00+08:00")  # pre-control
    s.git.branch("cr")
    s.files.write(FLOW, png(b"new"))
    s.files.doc(version="V1.1", body=body("见 ![流程](flow.png)"), effective_date=SOON)
    s.git.commit("修订流程图", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "cr", approvers=("liujing", "chenmy"))
    assert last_event(s)["accepted"] == [FLOW] and last_event(s)["approved"]
    s.git.run("reset", "-q", "--hard", "HEAD~1")
    # neither holds both roles alone: each refuses, and the two together approve it
    for who in ("liujing", "chenmy"):
        alone, merged = approve(s, "cr", who)
        assert not merged and alone.returncode == 1, alone.stdout
    both, merged = approve(s, "cr", "liujing", "wangfang", "--co-approver", "陈明远")
    assert merged, both.stdout + both.stderr
    assert last_event(s)["approved"] and last_event(s)["accepted"] == [FLOW]
