"""A version approved to take effect later, then the version in force approved again with
its own text (V1.1 re-reviewed, which puts the V1.1 file back on ``main``). The latest
approval is of V1.1 in force; ``standing._placed`` takes the review as a same-version change
(its sections are counted from V1.2, the last approved text: ``drifted``), leaves V1.2
``upcoming`` and puts it in force on 2026-06-01. The register row on 2026-07-01 then says
``version``/``in_force_version`` V1.2 and ``last_approved_version`` V1.1 in one line: the
text the approvers last approved (V1.1, on 2026-04-01) is not the one in force, and the V1.2
text is no longer on ``main``. Judgement call (low): either the later approval of the
version in force withdraws the pending one (as a later approval of another number clears
``upcoming``) or the review is refused/reported; the outputs should not mix the two.

Decided (session 30): the approvers' last decision is what comes into force. An approval
made before a pending version's day, of another number, that takes effect no later than
the pending one, supersedes it (``standing._superseded``): V1.1 stays in force, V1.2 never
takes effect, and the trail still reports the number going down (DC510) for the team to
handle."""

from __future__ import annotations

from rt74_helpers import FIRST, SECOND, approve, procedure, register_row, run, scheduled_v12


def _pending_then_reviewed(tmp_path, review: bool):
    s = scheduled_v12(tmp_path)
    if review:
        again = procedure(
            version="V1.1",
            effective_date="2026-02-01",
            body=FIRST,
            extra="review_date: 2026-04-01\n",
        )
        approve(s, "rev", again, "2026-04-01", n=3)
    return s


_row = register_row


def test_the_register_names_one_approved_version_in_force(tmp_path):
    """On 2026-07-01 the row says V1.1 in force and V1.1 last approved (2026-04-01); nothing
    is upcoming on 2026-05-01 either, and ``show`` gives V1.1's text."""
    s = _pending_then_reviewed(tmp_path, review=True)
    row = _row(s, "2026-07-01")
    assert row["in_force_version"] == row["last_approved_version"] == "V1.1", row
    assert _row(s, "2026-05-01")["upcoming"] == ""
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0, shown.stderr
    assert "第一版的目的" in shown.stdout and "第二版的目的" not in shown.stdout
    trail = run(s, "trail")
    assert "DC510" in trail.stdout


def test_control_a_review_of_the_pending_version_keeps_it(tmp_path):
    """Control: the pending V1.2 approved again at its own text and day before that day
    still takes effect on it."""
    s = _pending_then_reviewed(tmp_path, review=False)
    again = procedure(
        version="V1.2", effective_date="2026-06-01", body=SECOND, extra="review_date: 2026-04-01\n"
    )
    approve(s, "rev12", again, "2026-04-01", n=3)
    assert _row(s, "2026-05-01")["upcoming"] == "V1.2"
    row = _row(s, "2026-07-01")
    assert row["in_force_version"] == row["last_approved_version"] == "V1.2", row


def test_control_a_later_number_for_a_later_day_leaves_the_pending_one(tmp_path):
    """Control: V1.3 approved before V1.2's day but for a day after it leaves V1.2 in force
    between the two days."""
    s = _pending_then_reviewed(tmp_path, review=False)
    later = procedure(version="V1.3", effective_date="2026-08-01", body=FIRST + "\n补充。\n")
    approve(s, "v13", later, "2026-04-01", n=3)
    assert _row(s, "2026-07-01")["in_force_version"] == "V1.2"
    assert _row(s, "2026-09-01")["in_force_version"] == "V1.3"


def test_control_without_the_review_v12_takes_effect(tmp_path):
    """Control (passes): without the re-review V1.2 is in force and last approved."""
    s = _pending_then_reviewed(tmp_path, review=False)
    row = _row(s, "2026-07-01")
    assert row["in_force_version"] == row["last_approved_version"] == "V1.2", row
