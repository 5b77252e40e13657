"""An acknowledgement of a rewrite of V1.2 counts once V1.2's first text is brought back.

``scheduled_v12``: V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved
2026-03-01 for 2026-06-01. On 2026-03-10 V1.2 is rewritten before its day (恢复后的新目的, same
day). On 2026-03-12 王芳 acknowledges V1.2 in her own commit and copy 02 of V1.2 is issued to
赵磊: both are of 恢复后的新目的, the approved text of V1.2 that day. Then V1.2's first text
(第二版的目的) comes back: rewritten back on 2026-03-20 for 2026-06-01, or the document withdrawn
(2026-04-01) and brought back at V1.2 with the first text (2026-05-01).

``acks._version_problems`` (round 80's fix) counts every approval of V1.2 whose digest is the
text in force (``its[0]``) as an approval of that text, whatever the record's day: the first
approval (2026-03-01) qualifies, so the record of 2026-03-12 is after "the first approval" and
counts. But what she read on 2026-03-12 was the rewrite, which never was in force.
``recall-due`` judges the copy of the same day by the last approval of V1.2 by its day
(round 80's hole 5 fix) and recalls it as superseded. Before round 80's fix ack-due reported
DC542 and listed her as owing V1.2."""

from __future__ import annotations

import pytest
from rt74_helpers import NEW, SECOND, ack_by, approve, owed, pack, procedure, scheduled_v12
from rt78_helpers import due_copies, issued_copy


def _read_the_rewrite(tmp_path, how: str, day: str = "2026-03-12"):
    s = scheduled_v12(tmp_path)
    if day < "2026-03-10":
        ack_by(s, "wangfang", "V1.2", day)
        issued_copy(s, "V1.2", day)
    approve(
        s,
        "v12b",
        procedure(version="V1.2", effective_date="2026-06-01", body=NEW),
        "2026-03-10",
        n=5,
    )
    if day >= "2026-03-10":
        ack_by(s, "wangfang", "V1.2", day)
        issued_copy(s, "V1.2", day)
    if how == "rewritten-back":
        back = procedure(version="V1.2", effective_date="2026-06-01", body=SECOND)
        approve(s, "v12c", back, "2026-03-20", n=6)
    else:
        approve(s, "withdraw", None, "2026-04-01", n=3)
        back = procedure(version="V1.2", effective_date="2026-05-01", body=SECOND)
        approve(s, "restore", back, "2026-05-01", n=4)
    return s


HOW = ["rewritten-back", "withdrawn-and-restored"]


@pytest.mark.parametrize("how", HOW)
def test_an_acknowledgement_of_the_rewrite_does_not_count(tmp_path, how):
    """Fixed (session 31): 王芳 read 恢复后的新目的, never in force; the text in force is 第二版的目的. Her
    record does not count (DC542, as before round 80's fix) and she owes V1.2."""
    s = _read_the_rewrite(tmp_path, how)
    _, rows, problems = owed(s, "2026-07-01")
    assert not rows["wangfang"]["done"], rows["wangfang"]
    assert [p for p in problems if p["code"] == "DC542"], problems


@pytest.mark.parametrize("how", HOW)
def test_the_pack_does_not_count_it(tmp_path, how):
    """Fixed (session 31): the pack lists 王芳 as outstanding for V1.2."""
    s = _read_the_rewrite(tmp_path, how)
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-07-01")
    assert "wangfang" in files["acknowledgements/outstanding.csv"]


@pytest.mark.parametrize("how", HOW)
def test_control_recall_due_recalls_the_copy_of_the_same_day(tmp_path, how):
    """Control (passes): copy 02, printed the same day from the same approval, is due for
    recall as not the text in force."""
    s = _read_the_rewrite(tmp_path, how)
    assert due_copies(s, "2026-07-01") == ["02"]


@pytest.mark.parametrize("how", HOW)
def test_control_read_before_the_rewrite_counts_and_the_copy_is_kept(tmp_path, how):
    """Control (passes, right): read on 2026-03-05 (第二版的目的, the text brought back), the
    acknowledgement counts and copy 02 is kept."""
    s = _read_the_rewrite(tmp_path, how, day="2026-03-05")
    _, rows, problems = owed(s, "2026-07-01")
    assert rows["wangfang"]["done"], rows["wangfang"]
    assert not [p for p in problems if p["code"] == "DC542"], problems
    assert due_copies(s, "2026-07-01") == []
