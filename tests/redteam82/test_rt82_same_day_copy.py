"""A copy issued on a day two approvals of its version were made: judged by the last approval
of that day, though the record was written (and the copy handed out) between them.

``scheduled_v12``: V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved
2026-03-01 for 2026-06-01. On 2026-03-12:
- 10:00 V1.2 is rewritten before its day (恢复后的新目的);
- 11:00 王芳 acknowledges V1.2 in her own commit; 12:00 copy 02 of V1.2 is issued to 赵磊 (the
  record committed by 王芳): both are of 恢复后的新目的, V1.2's approved text at that hour;
- 15:00 V1.2 is rewritten back to 第二版的目的, which takes effect on 2026-06-01.

``copies._prints_in_force`` takes the last approval of V1.2 by the copy's *day*
(``approval_day(r) <= copy.issued``): the 15:00 rewrite back, whose text is the text in force,
so copy 02 is kept. ``acks._version_problems`` takes the last approval by the record's
*instant*: the 10:00 rewrite, another text, so her acknowledgement is DC542.early (right)."""

from __future__ import annotations

from rt74_helpers import NEW, SECOND, ack_by, owed, procedure, scheduled_v12
from rt78_helpers import due_copies, issued_copy
from rt82_helpers import approve_at


def _same_day(tmp_path, back_day: str = "2026-03-12"):
    s = scheduled_v12(tmp_path)
    rewrite = procedure(version="V1.2", effective_date="2026-06-01", body=NEW)
    approve_at(s, "v12b", rewrite, "2026-03-12", "10:00", 5)
    ack_by(s, "wangfang", "V1.2", "2026-03-12")  # 11:00
    issued_copy(s, "V1.2", "2026-03-12")  # 12:00
    back = procedure(version="V1.2", effective_date="2026-06-01", body=SECOND)
    approve_at(s, "v12c", back, back_day, "15:00", 6)
    return s


def test_a_copy_of_the_rewrite_is_recalled(tmp_path):
    """Fixed (session 31): Copy 02 holds 恢复后的新目的, never in force: due for recall, as 王芳's acknowledgement
    of the same hour does not count."""
    s = _same_day(tmp_path)
    assert due_copies(s, "2026-07-01") == ["02"]


def test_control_the_acknowledgement_of_the_same_hour_does_not_count(tmp_path):
    """Control (passes, right): ack-due judges 王芳's record of 11:00 by the rewrite of 10:00
    (DC542) and lists her as owing V1.2."""
    s = _same_day(tmp_path)
    _, rows, problems = owed(s, "2026-07-01")
    assert not rows["wangfang"]["done"], rows["wangfang"]
    assert [p for p in problems if p["code"] == "DC542"], problems


def test_control_rewritten_back_the_next_day_the_copy_is_recalled(tmp_path):
    """Control (passes, right): the same history with the rewrite back on 2026-03-13 recalls
    copy 02."""
    s = _same_day(tmp_path, back_day="2026-03-13")
    assert due_copies(s, "2026-07-01") == ["02"]
