"""FOUND: a `legacy_history` entry that names no approver (the schema requires only version,
change, author and date; `doccontrol baseline` requires approver and approval_date, but a
document may carry the key without it) is derived as an approval: approved=True, evidence
受控前纸质记录, its change date taken as the approval date (derive._legacy_revisions). Written
in a document imported before control began (a legitimate, unattacked path), a plain change
note on paper becomes the document's "last approval" and restarts its review clock, so an
overdue periodic review disappears from `review-due` and the register. `check` says nothing.

Safe behaviour: an entry without an approver and approval date is a change record, not an
approval (or `check` refuses it, as `baseline` does): it never counts as the last approval."""

from __future__ import annotations

from rt11_helpers import due, legacy, log_json, paper, register

from builders import RepoBuilder
from history_helpers import Scenario


def test_a_paper_change_note_is_not_an_approval(tmp_path):
    builder = RepoBuilder(tmp_path / "repo")
    # in force since 2025-01-05, reviewed every 12 months; on paper only a change note of
    # 2025-12-01 (nobody approved anything)
    note = paper(approver=None, date="2025-12-01", change="修改联系人")
    builder.doc(effective_date="2025-01-05", extra=legacy(note))
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")

    (entry,) = [r for r in log_json(s)["revisions"] if r["kind"] == "legacy"]
    seen = {
        "approved": entry["approved"],
        "register last approval": register(s, "2026-06-01")["last_approval"],
        "review-due": [d["id"] for d in due(s, "2026-06-01")],
    }
    # pinned code: approved True, last approval 2025-12-01 (next review 2026-12-01), nothing due
    assert seen == {
        "approved": False,
        "register last approval": "",
        "review-due": ["SM-P-01"],
    }, seen
