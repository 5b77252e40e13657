"""A rewrite of V1.2 before its day whose front matter spells the number ``V01.2``.

``scheduled_v12``: V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved
2026-03-01 for 2026-06-01. On 2026-03-10 V1.2 is rewritten at its number spelled ``V01.2``
(恢复后的新目的); the version rules read it as V1.2 (``standing.version_number``). On
2026-03-12 王芳 acknowledges V1.2 in her own commit and copy 02 of V1.2 is issued: both are of
恢复后的新目的. On 2026-03-20 V1.2 is rewritten back (第二版的目的) for 2026-06-01.

``acks._version_problems`` finds the approvals of the record's version by the *string*
(``r.version == last.version``): the rewrite spelled ``V01.2`` is not among those it reads the
record by, so the last approval of V1.2 by 2026-03-12 is taken to be the first (第二版的目的)
and her record counts. ``recall-due`` reads numbers as the rules do, takes the rewrite, and
recalls the copy of the same day (round 81's hole 5, by another spelling)."""

from __future__ import annotations

from rt74_helpers import NEW, SECOND, ack_by, approve, owed, pack, procedure, scheduled_v12
from rt78_helpers import due_copies, issued_copy


def _spelled(tmp_path, spelling: str = "V01.2"):
    s = scheduled_v12(tmp_path)
    rewrite = procedure(version=spelling, effective_date="2026-06-01", body=NEW)
    approve(s, "v12b", rewrite, "2026-03-10", n=5)
    ack_by(s, "wangfang", "V1.2", "2026-03-12")
    issued_copy(s, "V1.2", "2026-03-12")
    back = procedure(version="V1.2", effective_date="2026-06-01", body=SECOND)
    approve(s, "v12c", back, "2026-03-20", n=6)
    return s


def test_an_acknowledgement_of_the_spelled_rewrite_does_not_count(tmp_path):
    """Fixed (session 31): 王芳 read 恢复后的新目的, never in force: her record does not count (DC542) and she owes
    V1.2, as with the rewrite spelled V1.2 (control)."""
    s = _spelled(tmp_path)
    _, rows, problems = owed(s, "2026-07-01")
    assert not rows["wangfang"]["done"], rows["wangfang"]
    assert [p for p in problems if p["code"] == "DC542"], problems


def test_the_pack_lists_her_as_outstanding(tmp_path):
    """Fixed (session 31)."""
    s = _spelled(tmp_path)
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-07-01")
    assert "wangfang" in files["acknowledgements/outstanding.csv"]


def test_control_recall_due_recalls_the_copy_of_the_same_day(tmp_path):
    """Control (passes): copy 02, printed the same day from the rewrite, is due for recall:
    recall-due reads V01.2 as V1.2."""
    s = _spelled(tmp_path)
    assert due_copies(s, "2026-07-01") == ["02"]


def test_control_spelled_v12_the_acknowledgement_does_not_count(tmp_path):
    """Control (passes, round 81's fix): the rewrite spelled V1.2 makes her record DC542."""
    s = _spelled(tmp_path, spelling="V1.2")
    _, rows, problems = owed(s, "2026-07-01")
    assert not rows["wangfang"]["done"], rows["wangfang"]
    assert [p for p in problems if p["code"] == "DC542"], problems


def test_control_the_register_reads_v01_2_as_v12(tmp_path):
    """Control (passes): V1.2 (the rewrite back) is in force on 2026-07-01 with 第二版的目的."""
    from rt74_helpers import register_row, run

    s = _spelled(tmp_path)
    row = register_row(s, "2026-07-01")
    assert row["in_force_version"] == "V1.2", row
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0 and "第二版的目的" in shown.stdout, shown.stdout + shown.stderr
