"""Acknowledgement status (阅知确认): whether a person read the version in force. README: an
acknowledgement counts only "of a version approved before they wrote it ... one approved only
later (a draft was read, not the approved text) is DC542 too and does not count"."""

from __future__ import annotations

from rt71_helpers import ack_by, approve, body, owed, procedure, run, scenario


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
    V1.1 (2026-04-01). Her February record, of the text withdrawn, counted as her
    acknowledgement of the restored one.

    Fixes (session 29): restored with another 目的, V1.1 would name two texts, so the restored
    one never comes into force (test_rt71_restored_number.py), and nobody owes it. Restored
    with the very text withdrawn, it is in force again from 2026-04-01, a new issue: an
    acknowledgement from before the withdrawal does not count for it."""
    s = scenario(tmp_path)
    approve(
        s,
        "v11",
        procedure(version="V1.1", effective_date="2026-02-01", body=body("第一版的目的。")),
        "2026-02-01",
        n=1,
    )
    ack_by(s, "wangfang", "V1.1", "2026-02-05")
    approve(s, "withdraw", None, "2026-03-01", n=2)
    approve(
        s,
        "restore",
        procedure(version="V1.1", effective_date="2026-04-01", body=body("第一版的目的。")),
        "2026-04-01",
        n=3,
    )
    reg = run(s, "register", "--format", "json", "--as-of", "2026-05-01")
    assert '"version": "V1.1"' in reg.stdout and '"state": "effective"' in reg.stdout, reg.stdout
    _, rows, problems = owed(s, "2026-05-01")
    assert rows["wangfang"]["version"] == "V1.1"
    assert rows["wangfang"]["acknowledged"] == "", (rows["wangfang"], problems)
