"""Round 31, `approve`'s "same version, so its date stands" skip (cli/approve.py, session 21:
``before`` is the id's last approved version, and the same version there skips
``effective_verdict``)."""

from __future__ import annotations

import re

from rt31_helpers import approve, register, trail_strict, two_doc_scenario

from builders import procedure

B = "docs/procedures/b.md"
NEW = "docs/procedures/c.md"
MOVED = "docs/procedures/moved.md"


def test_a_draft_made_effective_at_its_version_keeps_no_stale_date(tmp_path):
    """SM-P-03 V1.0 is approved as a draft (status: draft, effective_date 2026-01-05). Later
    赵磊's branch changes only `status: effective`. `approve` finds ``before`` (the approved
    draft) at the same version and skips the date check as for a review. A new document
    made effective straight away is refused with that date (before its approval; approve asks
    for --effective). Seen: merged; the register dates SM-P-03 from the approval day while
    the published text says 2026-01-05. Right: a draft (or obsolete) version made effective
    is judged like a new version: refused, or given the approver's --effective date."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-draft", "main")
    draft = procedure(doc_id="SM-P-03", title="第三程序", status="draft")
    (s.root / NEW).write_text(draft, encoding="utf-8")
    s.git.commit("草案 SM-P-03", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-draft", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    s.git.branch("cr-live", "main")
    (s.root / NEW).write_text(draft.replace("status: draft", "status: effective"), "utf-8")
    s.git.commit("SM-P-03 生效", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-live", "liujing", "wangfang")
    text = (s.root / NEW).read_text(encoding="utf-8")
    claimed = re.search(r"effective_date: (\S+)", text).group(1)
    assert not merged, (
        f"a draft made effective at V1.0 is merged with the date {claimed} (before its "
        f"approval); the register says {register(s)['SM-P-03']['effective_date']}"
    )


def test_a_plain_move_keeps_its_date_and_the_trail_agrees(tmp_path):
    """Guard (holds): SM-P-02 V1.0, in force, moved b.md → moved.md unchanged through
    `approve`: merged without --effective; the trail has no problem and the register keeps
    the old date."""
    s = two_doc_scenario(tmp_path)
    text = (s.root / B).read_bytes()
    s.git.branch("cr-move", "main")
    (s.root / B).unlink()
    (s.root / MOVED).write_bytes(text)
    s.git.commit("移动 SM-P-02", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-move", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    code, out = trail_strict(s)
    assert code == 0, out
    assert register(s)["SM-P-02"]["effective_date"] == "2026-01-05"


def test_approve_takes_a_swap_of_two_documents_files_as_history_does(tmp_path):
    """b.md and test.md swap their files (SM-P-01 now at b.md, SM-P-02 at test.md), both
    unchanged, V1.0 in force since 2026-01-05. git's diff is two modifications. A forge's merge
    of it is "Approved, 0 problems" and the register keeps both dates (a move). Seen: `approve`
    takes each path for a renumbering in place (main's id there is another) and refuses both
    as stale dates, asking for --effective (which would re-date two documents that did not
    change). Right: approve merges it, as history judges it; the trail stays clean (no
    DC523)."""
    s = two_doc_scenario(tmp_path)
    a, b = (s.root / "docs/procedures/test.md").read_bytes(), (s.root / B).read_bytes()
    s.git.branch("cr-swap", "main")
    (s.root / "docs/procedures/test.md").write_bytes(b)
    (s.root / B).write_bytes(a)
    s.git.commit("互换", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-swap", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    code, out = trail_strict(s)
    assert code == 0 and "DC523" not in out, out
