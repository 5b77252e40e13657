"""A review of a waiting version that postpones its day.

SM-P-01 V1.1 is in force from 2026-02-01; V1.2 is approved on 2026-03-01 to take effect on
2026-06-01. On 2026-04-01 the approvers approve V1.2 again, text unchanged (History calls it a
``review``), with 发布实施日期 2026-09-01: the go-live is put off (training not ready).
``standing._superseded`` never counts a review of the same number as replacing the waiting
approval, and ``_placed`` takes the first approval into force on 2026-06-01, treating the
review as a periodic review of the version in force."""

from __future__ import annotations

from rt74_helpers import SECOND, approve, owed, procedure, register_row, run, scheduled_v12

_row = register_row


def _rescheduled(tmp_path, new_day: str):
    s = scheduled_v12(tmp_path)
    again = procedure(version="V1.2", effective_date=new_day, body=SECOND)
    approve(s, "resched", again, "2026-04-01", n=3)
    return s


def test_a_postponed_version_still_takes_effect_on_its_first_day(tmp_path):
    """Hole: the approvers' last decision says V1.2 takes effect on 2026-09-01; on 2026-07-01
    the register says V1.2 in force since 2026-06-01 (no problem in the trail)."""
    s = _rescheduled(tmp_path, "2026-09-01")
    row = _row(s, "2026-07-01")
    assert row["in_force_version"] == "V1.1", row


def test_a_postponed_version_is_announced_for_its_old_day(tmp_path):
    """Hole: on 2026-05-01 the register names V1.2 upcoming from 2026-06-01, the date the
    approvers replaced (``upcoming`` is the earliest of ``waiting``, the stale approval)."""
    s = _rescheduled(tmp_path, "2026-09-01")
    row = _row(s, "2026-05-01")
    assert row["upcoming"] == "V1.2", row
    assert row["upcoming_from"] == "2026-09-01", row


def test_show_contradicts_itself_on_a_postponed_version(tmp_path):
    """Hole: ``show --as-of 2026-07-01`` heads the text "effective from 2026-06-01" and gives
    the approved front matter with ``effective_date: 2026-09-01`` beneath it."""
    s = _rescheduled(tmp_path, "2026-09-01")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0, shown.stderr
    head = shown.stdout.splitlines()[0]
    assert not ("2026-06-01" in head and "effective_date: 2026-09-01" in shown.stdout), head


def test_control_a_version_brought_forward_takes_effect_on_the_new_day(tmp_path):
    """Control: the same review bringing the day forward to 2026-04-15 is obeyed."""
    s = _rescheduled(tmp_path, "2026-04-15")
    row = _row(s, "2026-05-01")
    assert row["in_force_version"] == "V1.2", row


def test_a_postponed_version_is_owed_from_its_new_day(tmp_path):
    """(Session 30, beside the fix) ``ack-due`` owes the postponed V1.2 from the day it took
    effect, 2026-09-01, not from the day the approvers replaced."""
    s = _rescheduled(tmp_path, "2026-09-01")
    _, rows, _ = owed(s, "2026-10-01")
    assert {row["since"] for row in rows.values()} == {"2026-09-01"}, rows
