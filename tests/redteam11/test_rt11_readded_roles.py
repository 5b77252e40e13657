"""FOUND: `approve` and the trail disagree on the roles of a document re-added after an
approved withdrawal, whenever its last approved front matter named other roles than its type's
defaults. `approve._approved_roles` takes the last approved revision with a commit, here the
withdrawal, reads the file at that commit (deleted: nothing) and falls back to the type's
defaults (procedure: management-representative); the trail keeps the front matter approved
before the withdrawal (general-manager). Round 9 tested deleted-then-re-added only with roles
equal to the defaults, so it held there.

Steps: SM-P-01's approver roles are changed to [general-manager] by an approved change; its
deletion is approved by 陈明远; 赵磊's branch adds it again (approver: management-representative).
Run by 刘静 (management representative), `approve` merges it and the trail refuses the merge
(DC502: needs general-manager); run by 陈明远 (general manager), `approve` refuses it
("holds none of the approver roles (Management Representative)") and the trail approves it.

Safe behaviour: `approve` merges exactly what the trail approves, in both directions."""

from __future__ import annotations

import pytest
from rt11_helpers import DOC, MR, agree

from builders import procedure
from history_helpers import body, make_scenario
from rules_attacks import SOON, forge_merge, last_event

GM = "approver: [general-manager]"


@pytest.mark.parametrize("who", ["liujing", "chenmy"])
def test_readded_after_an_approved_withdrawal(tmp_path, who):
    s = make_scenario(tmp_path)
    s.git.branch("gm")
    s.files.write(
        DOC, procedure(version="V1.1", body=body("改"), effective_date=SOON).replace(MR, GM)
    )
    s.git.commit("改由总经理批准", who="zhaolei")
    forge_merge(s, "gm", approvers=("liujing",))
    assert last_event(s)["approved"]
    s.git.branch("del")
    s.git.run("rm", "-q", DOC)
    s.git.commit("废止", who="zhaolei")
    forge_merge(s, "del", approvers=("chenmy",))
    assert last_event(s)["approved"]
    s.git.branch("again")
    s.files.write(DOC, procedure(version="V2.0", effective_date=SOON))
    s.git.commit("重新发布", who="zhaolei")
    s.git.checkout("main")
    merged, approved, said = agree(s, "again", who)
    assert merged == approved, said
