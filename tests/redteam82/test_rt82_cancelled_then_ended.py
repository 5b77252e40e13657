"""V1.2 approved for a later day, then called off by approving V1.1 back (its file on main
again), then the document made obsolete with a notice of its own.

``scheduled_v12``: V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved
2026-03-01 for 2026-06-01. On 2026-03-10 an approved merge puts V1.1 back on main (its very
text and number: V1.2 never takes effect, ``_superseded``, round 74). On 2026-04-01 an
approved merge makes SM-P-01 obsolete at once at V1.3 with its own text (本文件已作废。).

On 2026-04-01 nothing waits: the register of 2026-03-20 has V1.1 in force and no version to
come, and V1.2's text is off main. Yet ``show`` refuses the ending's text, saying "It ended
while an approved later text had not taken effect". ``standing._placed`` sets ``unissued`` at
V1.2's approval and never clears it: the approval that called V1.2 off is read as a periodic
review of V1.1, whose branch keeps ``unissued`` as it was before it (``reviewed_by, unissued =
revision, before``), and only a version coming into force clears it. The same ending without
V1.2, or with V1.2 but no approval calling it off in between, shows that an ending's own text
is given when nothing waits (controls)."""

from __future__ import annotations

from rt74_helpers import FIRST, approve, procedure, register_row, run, scenario, scheduled_v12

from history_helpers import body

NOTICE = body("本文件已作废。")


def _ended(tmp_path, v12: bool = True, called_off: bool = True):
    if v12:
        s = scheduled_v12(tmp_path)
    else:
        s = scenario(tmp_path)
        v11 = procedure(version="V1.1", effective_date="2026-02-01", body=FIRST)
        approve(s, "v11", v11, "2026-02-01")
    if called_off:
        back = procedure(version="V1.1", effective_date="2026-02-01", body=FIRST)
        approve(s, "v11-back", back, "2026-03-10", n=5)
    obsolete = procedure(
        version="V1.3", status="obsolete", effective_date="2026-04-01", body=NOTICE
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    return s


def test_the_endings_own_text_is_given(tmp_path):
    """Nothing waited on 2026-04-01: ``show`` gives the obsolete document's text, as it does
    without V1.2 (control)."""
    s = _ended(tmp_path)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stderr
    assert "本文件已作废" in shown.stdout


def test_control_nothing_waits_after_v12_is_called_off(tmp_path):
    """Control (passes): on 2026-03-20 V1.1 is in force and nothing is pending; on 2026-05-01
    the document is obsolete at V1.3."""
    s = _ended(tmp_path)
    before = register_row(s, "2026-03-20")
    assert before["state"] == "effective" and before["in_force_version"] == "V1.1", before
    assert before["upcoming"] == "", before
    assert register_row(s, "2026-05-01")["state"] == "obsolete"


def test_control_without_v12_the_endings_text_is_given(tmp_path):
    """Control (passes, right): the same two approvals of V1.1 and the ending, without V1.2."""
    s = _ended(tmp_path, v12=False)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0 and "本文件已作废" in shown.stdout, shown.stderr


def test_control_with_v12_still_waiting_the_ending_is_withheld(tmp_path):
    """Control (passes, round 78's rule): V1.2 still waiting at the ending: withheld."""
    s = _ended(tmp_path, called_off=False)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode != 0 and "本文件已作废" not in shown.stdout
