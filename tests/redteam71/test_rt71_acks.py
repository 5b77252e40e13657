"""Acknowledgement status (阅知确认): whether a person read the version in force. README: an
acknowledgement counts only "of a version approved before they wrote it ... one approved only
later (a draft was read, not the approved text) is DC542 too and does not count"."""

from __future__ import annotations

from rt71_helpers import (
    ack_by,
    approve,
    body,
    owed,
    procedure,
    run,
    scenario,
    withdrawn_and_restored,
)


def _draft_then_effective(tmp_path, ack_day: str):
    """V1.1 is merged for comment as an approved draft (2026-02-01, 目的: 草案的目的); 王芳
    acknowledges V1.1 on ``ack_day``; V1.1 is then approved in force (2026-03-01) with its
    目的 rewritten (正式发布的目的)."""
    s = scenario(tmp_path)
    approve(
        s,
        "draft-v11",
        procedure(version="V1.1", status="draft", body=body("草案的目的。")),
        "2026-02-01",
        n=1,
    )
    if ack_day < "2026-03-01":
        ack_by(s, "wangfang", "V1.1", ack_day)
    approve(
        s,
        "v11",
        procedure(version="V1.1", effective_date="2026-03-01", body=body("正式发布的目的。")),
        "2026-03-01",
        n=2,
    )
    if ack_day >= "2026-03-01":
        ack_by(s, "wangfang", "V1.1", ack_day)
    return s


def test_an_acknowledgement_of_the_draft_is_not_one_of_the_version_in_force(tmp_path):
    """王芳 read the draft V1.1 (approved for comment, status draft) and acknowledged "V1.1"
    on 2026-02-05. V1.1 came into force on 2026-03-01 with another 目的. `ack-due` counts her
    February record as her acknowledgement of the text in force: `acks._version_problems`
    takes the first approval of the version string, the draft's, as "approved before she
    wrote it"."""
    s = _draft_then_effective(tmp_path, "2026-02-05")
    reg = run(s, "register", "--format", "json", "--as-of", "2026-04-01")
    assert '"version": "V1.1"' in reg.stdout and '"state": "effective"' in reg.stdout, reg.stdout
    _, rows, problems = owed(s, "2026-04-01")
    assert rows["wangfang"]["version"] == "V1.1"
    assert rows["wangfang"]["acknowledged"] == "", (rows["wangfang"], problems)


def test_control_an_acknowledgement_after_the_approval_counts(tmp_path):
    """Control: the same history, 王芳 acknowledging on 2026-03-05, after V1.1 took effect."""
    s = _draft_then_effective(tmp_path, "2026-03-05")
    _, rows, _ = owed(s, "2026-04-01")
    assert rows["wangfang"]["acknowledged"] == "2026-03-05", rows["wangfang"]


def test_an_acknowledgement_before_a_withdrawal_is_not_one_of_the_restored_text(tmp_path):
    """V1.1 (目的: 第一版的目的) is in force from 2026-02-01; 王芳 acknowledges it on
    2026-02-05. An approved merge withdraws SM-P-01 (2026-03-01); another brings it back at
    V1.1 with another 目的 (2026-04-01). Her February record, of the text withdrawn, counted as
    her acknowledgement of the restored text.

    Fixes (session 29): V1.1 keeps the text it had in force, so the restored text never comes
    into force under it (test_rt71_restored_number.py): nothing is owed for it, and her record
    is counted for no text she did not read."""
    s = withdrawn_and_restored(tmp_path, "恢复后的新目的。", acknowledged=True)
    reg = run(s, "register", "--format", "json", "--as-of", "2026-05-01")
    assert '"state": "effective"' not in reg.stdout, reg.stdout
    _, rows, problems = owed(s, "2026-05-01")
    assert "wangfang" not in rows, (rows, problems)


def test_an_acknowledgement_of_the_very_text_restored_counts_for_it(tmp_path):
    """Decided (session 29, rounds 71 and 72): brought back at V1.1 with the very text
    withdrawn, the text in force is the one she read. Her record counts; the text is owed
    since the day it was issued again (round 73: nobody owes a document while it is not in
    force): ack-due, the pack's records and what it lists as outstanding give one answer."""
    s = withdrawn_and_restored(tmp_path, "第一版的目的。", acknowledged=True)
    _, rows, problems = owed(s, "2026-05-01")
    row = rows["wangfang"]
    assert (row["version"], row["acknowledged"], row["since"]) == (
        "V1.1",
        "2026-02-05",
        "2026-04-01",
    )
    assert not problems, problems
