"""approve judges a document by the front matter main holds (or, for a new document, the
branch's own), while the trail judges it by the last approved version's roles (a new one by
its type's default roles: tests/history/test_redteam.py, closed in the trail only). So approve
merges a change the person running it may not approve, which the trail then refuses (DC502)."""

from __future__ import annotations

from builders import procedure
from history_helpers import body, make_scenario
from rules_attacks import SOON, approve, last_event

MR = "approver: [management-representative]"
IM = "approver: [incident-manager]"  # sunyue's role


def test_a_new_document_chooses_its_own_approver_in_approve(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("new")
    text = procedure(doc_id="SM-P-02", title="新程序", effective_date=SOON)
    s.files.write("docs/procedures/new.md", text.replace(MR, IM))
    s.git.commit("新程序", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "new", who="sunyue")
    if merged:
        last = last_event(s)
        assert last["approved"], (last["problems"], result.stdout)


def test_an_unapproved_approver_role_on_main_rules_approve(tmp_path):
    """zhaolei changes SM-P-01's approver straight on main (DC501, not approved); his next
    revision is approved by sunyue through approve, which reads the roles from main."""
    s = make_scenario(tmp_path)
    doc = s.root / "docs/procedures/test.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace(MR, IM), encoding="utf-8")
    s.git.commit("直接改批准角色", who="zhaolei")
    s.git.branch("cr")
    s.files.doc(version="V1.1", body=body("修订"), effective_date=SOON)
    doc.write_text(doc.read_text(encoding="utf-8").replace(MR, IM), encoding="utf-8")
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr", who="sunyue")
    if merged:
        last = last_event(s)
        assert last["approved"], (last["problems"], result.stdout)
