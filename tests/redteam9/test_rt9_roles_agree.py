"""approve's _approved_roles against the trail's roles for a document (DC502): approve must
merge exactly what the trail approves. Each case: sunyue (incident-manager) approves a change
whose front matter names incident-manager as approver, for a document whose approved roles
were management-representative (liujing's)."""

from __future__ import annotations

from builders import procedure
from history_helpers import body, make_scenario
from rules_attacks import SOON, approve, forge_merge, last_event

MR = "approver: [management-representative]"
IM = "approver: [incident-manager]"
DOC = "docs/procedures/test.md"


def _agree(s, branch):
    result, merged = approve(s, branch, who="sunyue")
    if merged:
        s.git.run("reset", "-q", "--hard", "HEAD~1")
    forge_merge(s, branch, approvers=("sunyue",))
    last = last_event(s)
    assert bool(last["approved"]) == merged, (merged, last["problems"], result.stdout)


def test_deleted_then_readded(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("del")
    s.git.run("rm", "-q", DOC)
    s.git.commit("废止", who="zhaolei")
    forge_merge(s, "del", approvers=("liujing",))
    s.git.branch("again")
    text = procedure(version="V2.0", effective_date=SOON)
    s.files.write("docs/procedures/again.md", text.replace(MR, IM))
    s.git.commit("重新发布", who="zhaolei")
    s.git.checkout("main")
    _agree(s, "again")


def test_id_changed(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr")
    text = procedure(doc_id="SM-P-02", version="V1.1", body=body("改编号"), effective_date=SOON)
    s.files.write(DOC, text.replace(MR, IM))
    s.git.commit("改编号", who="zhaolei")
    s.git.checkout("main")
    _agree(s, "cr")


def test_renamed_and_id_changed(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cr")
    s.git.run("rm", "-q", DOC)
    text = procedure(doc_id="SM-P-02", version="V1.1", body=body("改编号"), effective_date=SOON)
    s.files.write("docs/procedures/moved.md", text.replace(MR, IM))
    s.git.commit("改名", who="zhaolei")
    s.git.checkout("main")
    _agree(s, "cr")
