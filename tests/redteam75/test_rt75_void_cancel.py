"""A pending version cancelled by an approval that itself never comes into force.

SM-P-01 V1.0 is the pre-control baseline; V1.1 takes effect on 2026-02-01; V1.2 is approved on
2026-03-01 to take effect on 2026-06-01. On 2026-04-01 the approvers merge the V1.0 number
back (a closed number: it was in force and replaced, and the text changed since, so by the
round 71–73 rule it never comes into force again: ``standing._placed`` puts it in
``swapped``/``off_text``). ``standing._superseded`` runs before that and counts every
effective-status approval of another number that takes effect no later than the pending day,
whether or not it will ever be in force: V1.2 is marked superseded.

Result: V1.1 stays in force for good, V1.2 (approved) never takes effect, and the register row
names V1.1 in force with V1.0 as the last approved version: the mixed row round 74 hole 2 was
decided to remove. README "Effective dates" says the pending version is cancelled by a later
approval that "puts another text in force no later than it"; the V1.0 approval puts no text
in force. Either the void approval should leave V1.2 to take effect on its day, or the row
should not claim an approved version in force that no decision left in force."""

from __future__ import annotations

import pytest
from rt74_helpers import (
    FIRST,
    SECOND,
    ack_by,
    approve,
    owed,
    procedure,
    register_row,
    run,
    scheduled_v12,
)

_row = register_row
_pending_v12 = scheduled_v12


def _bring_back_v10(s):
    """V1.0 merged back on 2026-04-01: a closed number with other text."""
    approve(
        s,
        "v10",
        procedure(version="V1.0", effective_date="2026-04-01", body=FIRST),
        "2026-04-01",
        n=3,
    )


@pytest.mark.xfail(
    strict=True,
    reason="decided (session 30): the approvers' last decision took V1.2 off main, so V1.2 never "
    "takes effect, even though that decision (V1.0, an old number with other text) can never "
    "come into force itself; V1.1 stays in force, and the register's last approval says it "
    "approved V1.0 (README, Effective dates). The trail reports the V1.0 merge",
)
def test_a_void_approval_of_a_closed_number_cancels_the_pending_version(tmp_path):
    """V1.0 merged back on 2026-04-01 never comes into force (closed number), yet V1.2 never
    takes effect either: on 2026-07-01 the row says V1.1 in force, V1.0 last approved."""
    s = _pending_v12(tmp_path)
    _bring_back_v10(s)
    row = _row(s, "2026-07-01")
    assert row["in_force_version"] != "V1.0", row  # the closed number stays out of force
    # hole: the approved V1.2 vanished because of an approval that put nothing in force
    assert row["in_force_version"] == row["last_approved_version"], row


def test_control_the_version_in_force_approved_again_cancels_it_consistently(tmp_path):
    """Control (the decided rule, passes): V1.1 approved again on 2026-04-01 with its file back
    cancels V1.2, and the row names one version, in force and last approved."""
    s = _pending_v12(tmp_path)
    again = procedure(
        version="V1.1", effective_date="2026-02-01", body=FIRST, extra="review_date: 2026-04-01\n"
    )
    approve(s, "rev", again, "2026-04-01", n=3)
    row = _row(s, "2026-07-01")
    assert row["in_force_version"] == row["last_approved_version"] == "V1.1", row


def test_control_an_ack_of_the_cancelled_text_counts_for_nothing(tmp_path):
    """Control (held): 王芳 acknowledges V1.2 on 2026-03-05; V1.1 approved again on 2026-04-01
    cancels V1.2. Her V1.2 acknowledgement does not stand for V1.1 (she still owes V1.1 on
    2026-07-01, as 刘静 does): the cancelled text's ack is counted for no text in force."""
    s = _pending_v12(tmp_path)
    ack_by(s, "wangfang", "V1.2", "2026-03-05")
    again = procedure(
        version="V1.1", effective_date="2026-02-01", body=FIRST, extra="review_date: 2026-04-01\n"
    )
    approve(s, "rev", again, "2026-04-01", n=3)
    _, rows, _ = owed(s, "2026-07-01")
    assert "王芳" in rows or "wangfang" in rows, rows
    assert all(r.get("version") in (None, "V1.1") for r in rows.values()), rows


def test_control_two_versions_scheduled_in_a_row_both_take_effect(tmp_path):
    """Control (honest flow, held): V1.2 for 2026-06-01 approved on 2026-03-01, V1.3 approved
    on 2026-04-01 for 2026-08-01: V1.2 in force in July, V1.3 in September."""
    s = _pending_v12(tmp_path)
    later = procedure(version="V1.3", effective_date="2026-08-01", body=SECOND + "\n补充。\n")
    approve(s, "v13", later, "2026-04-01", n=3)
    assert _row(s, "2026-07-01")["in_force_version"] == "V1.2"
    assert _row(s, "2026-09-01")["in_force_version"] == "V1.3"


def test_two_versions_scheduled_in_a_row_the_register_names_the_later_one_next(tmp_path):
    """Hole: with V1.2 due on 2026-06-01 and V1.3 due on 2026-08-01 (both approved, V1.3 on
    2026-04-01), the register and ``show`` as of 2026-05-01 give V1.3 from 2026-08-01 as the
    upcoming version and say nothing of V1.2, which takes effect first."""
    s = _pending_v12(tmp_path)
    later = procedure(version="V1.3", effective_date="2026-08-01", body=SECOND + "\n补充。\n")
    approve(s, "v13", later, "2026-04-01", n=3)
    row = _row(s, "2026-05-01")
    assert row["in_force_version"] == "V1.1", row
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stderr
    # today both say "V1.3 from 2026-08-01" and nothing of V1.2
    assert "V1.2 from 2026-06-01" in shown.stdout, shown.stdout[:400]
    assert row["upcoming"] == "V1.2" and row["upcoming_from"] == "2026-06-01", row


def test_the_void_approval_leaves_the_version_in_force_and_says_what_it_approved(tmp_path):
    """The decided rule: V1.1 stays in force, V1.2 never takes effect, and the row says the
    last approval approved V1.0."""
    s = _pending_v12(tmp_path)
    _bring_back_v10(s)
    row = _row(s, "2026-07-01")
    assert row["in_force_version"] == "V1.1", row
    assert row["last_approved_version"] == "V1.0" and row["upcoming"] == "", row
    assert _row(s, "2026-05-01")["upcoming"] == "", "V1.2 is no longer waiting"
