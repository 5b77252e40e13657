"""HELD: `approve` and the trail judge a document whose only approvals are on paper by the same
roles, and neither lets the author's friend approve through roles the change itself writes.
Paper entries carry no roles: both take the roles from the front matter the baseline approved
(or the pre-control import), else the type's defaults. Each case: `approve` is run (and
undone), then the forge merges the same branch; both verdicts must be the same."""

from __future__ import annotations

import pytest
from rt11_helpers import DOC, IM, MR, adopted, agree, legacy, paper

from builders import procedure
from history_helpers import body, make_scenario
from rules_attacks import SOON


def _change(s, path=DOC, doc_id="SM-P-01", roles=MR, extra=""):
    s.git.branch("cr")
    text = procedure(
        doc_id=doc_id, version="V1.1", body=body("修订"), effective_date=SOON, extra=extra
    )
    s.files.write(path, text.replace(MR, roles))
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")


def test_held_adopted_with_paper_history_change_writes_its_own_roles(tmp_path):
    # adopted by the baseline with a paper approval by 刘静 (management representative); 赵磊's
    # change names incident-manager (孙悦's role) as approver: 孙悦 may not approve it
    s = adopted(tmp_path, "SM-P-01:\n" + paper(approver="刘静"))
    _change(s, roles=IM)
    assert agree(s, "cr", "sunyue")[:2] == (False, False)


@pytest.mark.parametrize("who, expected", [("liujing", False), ("sunyue", True)])
def test_held_adopted_with_roles_other_than_the_defaults(tmp_path, who, expected):
    # the adopted front matter names incident-manager: that role, not the type's default
    s = adopted(tmp_path, "SM-P-01:\n" + paper(approver="孙悦"), roles=IM)
    _change(s, roles=IM)
    assert agree(s, "cr", who)[:2] == (expected, expected)


@pytest.mark.parametrize("who, expected", [("liujing", True), ("sunyue", False)])
def test_held_paper_only_document_committed_directly(tmp_path, who, expected):
    # SM-P-02 committed directly after control began, with paper approvals and its own roles
    # (incident-manager): nothing approved it in Git, so both use the type's defaults
    s = make_scenario(tmp_path)
    two = "docs/procedures/two.md"
    paper_history = legacy(paper(approver="孙悦"))
    s.files.write(two, procedure(doc_id="SM-P-02", extra=paper_history).replace(MR, IM))
    s.git.commit("补入纸质文件", who="zhaolei")
    _change(s, path=two, doc_id="SM-P-02", roles=IM, extra=paper_history)
    assert agree(s, "cr", who)[:2] == (expected, expected)


def test_held_a_branch_adding_paper_history_gains_no_roles(tmp_path):
    # 赵磊's branch adds a paper approval "by 孙悦" and names incident-manager: 孙悦 still may not
    s = make_scenario(tmp_path)
    _change(s, roles=IM, extra=legacy(paper(approver="孙悦")))
    assert agree(s, "cr", "sunyue")[:2] == (False, False)
