"""FOUND: history reads `legacy_history` from the document's front matter as it stands at
main's tip, approved or not (derive._history: ``_legacy_revisions(state.meta, …)``; a direct
commit updates ``state.meta``). So a direct commit nobody approved can plant, rewrite or remove
paper (legacy) approvals, and every output shows them as approvals with evidence 受控前纸质记录:
`log`, `register` (last approval, next review), `review-due` (an overdue review vanishes, so
`--fail-on overdue` passes), the PDF copy's cover ("Approved 陈明远"), the site's control block
(standing.vouched_by) and the audit pack's register. The direct commit itself is reported
(DC501), but what it wrote is taken as the record.

Safe behaviour: paper approvals are read from the document's last approved front matter (the
pre-control baseline's, or an approval's), like its roles; a change nobody approved adds,
rewrites or removes none of them."""

from __future__ import annotations

import zipfile

from rt11_helpers import DOC, adopted, due, legacy, log_json, paper, register

from builders import RepoBuilder, procedure
from history_helpers import Scenario
from rules_attacks import run

# a paper approval that never happened, in the name of the general manager
FORGED = paper(
    approver="陈明远", approval_date="2025-12-20", reviewer="王芳", review_date="2025-12-19"
)


def _old_doc(tmp_path) -> Scenario:
    """SM-P-01 imported before control began (2026-01-01), in force since 2025-01-05 with a
    12-month review interval: its periodic review was due on 2026-01-05."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc(effective_date="2025-01-05")
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def test_a_direct_commit_plants_a_paper_approval(tmp_path):
    s = _old_doc(tmp_path)
    assert [d["id"] for d in due(s, "2026-06-01")] == ["SM-P-01"]  # overdue before the attack
    # 赵磊 commits a forged paper approval straight to main
    s.files.doc(effective_date="2025-01-05", extra=legacy(FORGED))
    s.git.commit("补录纸质履历", who="zhaolei")

    seen = {
        "log": [r["approvers"] for r in log_json(s)["revisions"] if r["approved"]],
        "register last approval": register(s, "2026-06-01")["last_approval"],
        "review-due": [d["id"] for d in due(s, "2026-06-01")],
    }
    # pinned code: log names 陈明远 (2025-12-20, Paper record before control), the register's
    # last approval is 2025-12-20 (next review 2026-12-20), review-due lists nothing
    assert seen == {"log": [], "register last approval": "", "review-due": ["SM-P-01"]}, seen


def test_the_planted_approval_reaches_the_pdf_copy_and_the_audit_pack(tmp_path):
    s = _old_doc(tmp_path)
    s.files.doc(effective_date="2025-01-05", extra=legacy(FORGED))
    s.git.commit("补录纸质履历", who="zhaolei")

    from pypdf import PdfReader

    out = tmp_path / "copy.pdf"
    made = run(s.root, "pdf", "SM-P-01", "-o", str(out))
    assert made.returncode == 0, made.stderr
    cover = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "陈明远" not in cover, (
        cover
    )  # "Approved 陈明远 2025-12-20 … Paper record before control"

    pack = tmp_path / "pack.zip"
    made = run(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-06-01", "-o", str(pack))
    assert made.returncode == 0, made.stderr
    csv = zipfile.ZipFile(pack).read("register/register.csv").decode("utf-8-sig")
    assert "2025-12-20" not in csv, csv  # "Last approved" 2025-12-20, next review 2026-12-20


def test_a_direct_commit_rewrites_the_adopted_paper_record(tmp_path):
    # adopted the documented way: 刘静 approved V1.0 on paper, and the baseline carried it
    s = adopted(tmp_path, "SM-P-01:\n" + paper(approver="刘静"))
    before = [
        (r["version"], [a["name"] for a in r["approvers"]])
        for r in log_json(s)["revisions"]
        if r["kind"] == "legacy"
    ]
    assert before == [("V1.0", ["刘静"])]
    # a direct commit puts the general manager's name on that paper approval and adds another
    text = (s.root / DOC).read_text(encoding="utf-8")
    text = text.replace('approver: "刘静"', 'approver: "陈明远"').replace(
        "legacy_history:\n", "legacy_history:\n" + paper("V0.9", approver="陈明远")
    )
    s.files.write(DOC, text)
    s.git.commit("更正纸质履历", who="zhaolei")
    after = [
        (r["version"], [a["name"] for a in r["approvers"]])
        for r in log_json(s)["revisions"]
        if r["kind"] == "legacy"
    ]
    assert after == before, after  # [("V0.9", ["陈明远"]), ("V1.0", ["陈明远"])]


def test_a_direct_commit_removes_the_adopted_paper_record(tmp_path):
    s = adopted(tmp_path, "SM-P-01:\n" + paper(approver="刘静"))
    s.files.write(DOC, procedure())  # the front matter without legacy_history
    s.git.commit("删除纸质履历", who="zhaolei")
    kinds = [r["kind"] for r in log_json(s)["revisions"]]
    assert "legacy" in kinds, kinds  # the paper approval is gone from the record
