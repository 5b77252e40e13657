"""--co-approver records another person's approval that person never gave: sunyue, who holds
none of the roles a procedure revision needs (management-representative), runs approve naming
刘静 as co-approver; the merge carries "Approved-by: 刘静" and the trail counts it as liujing's
approval. With --co-approver the person running approve no longer has to hold any role the
change needs: anyone in doccontrol.yml can make a fully approved merge by naming the people who
do. Safe: approve refuses unless the person running it holds a role the change needs (a
co-approver only supplies the second role of a change needing two)."""

from __future__ import annotations

from history_helpers import body, make_scenario
from rules_attacks import SOON, approve, last_event


def test_a_person_without_the_role_approves_by_naming_who_has_it(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr")
    s.files.doc(version="V1.1", body=body("修订"), effective_date=SOON)
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    alone, merged = approve(s, "cr", "sunyue")
    assert not merged, alone.stdout  # sunyue alone: no role
    result, merged = approve(s, "cr", "sunyue", "wangfang", "--co-approver", "刘静")
    if merged:
        last = last_event(s)
        assert not last["approved"], ("liujing counted as approver", last.get("approvers"))
    assert not merged, result.stdout + result.stderr
