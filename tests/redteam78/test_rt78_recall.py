"""``copies.recall_due`` compares version strings as written.

SM-P-01 V1.1 (第一版的目的) is in force from 2026-02-01; V1.2 (第二版的目的) is approved on
2026-03-01 for 2026-06-01 (``rt74_helpers.scheduled_v12``). 王芳 issues printed controlled
copy 02 ahead of the day (2026-03-05).

- ``recall_due`` skips a copy whose ``version`` string equals ``in_force.version``: a copy of
  V1.2's first text, issued ahead, is never recalled once V1.2 is rewritten at its number
  before its day (``_superseded`` ``replaced``: that text was never in force) — the copy
  holder keeps a text never in force, and the recall list says nothing.
- ``recall_due`` compares ``copy.version`` with ``r.version`` / ``in_force.version`` as
  written, not ``standing.version_number``: a copy recorded as ``V01.2`` (the same version
  to the version rules) is listed as superseded before V1.2's day, and a ``V01.1`` copy of
  the version in force is listed for recall."""

from __future__ import annotations

from rt74_helpers import NEW, SECOND, approve, procedure, run, scheduled_v12
from rt78_helpers import due_copies, issued_copy


def _rewritten(tmp_path, text: str):
    s = scheduled_v12(tmp_path)
    issued_copy(s, "V1.2")
    again = procedure(version="V1.2", effective_date="2026-06-01", body=text)
    approve(s, "rewrite", again, "2026-04-01", n=3)
    return s


def test_a_copy_of_a_text_rewritten_before_its_day_is_never_recalled(tmp_path):
    """Hole: on 2026-07-01 V1.2 = 恢复后的新目的 is in force; copy 02 holds V1.2's first text
    (第二版的目的), never in force, and ``recall-due`` does not list it."""
    s = _rewritten(tmp_path, NEW)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert "恢复后的新目的" in shown.stdout, shown.stdout + shown.stderr
    assert due_copies(s, "2026-07-01") == ["02"]


def test_control_a_copy_of_the_same_text_approved_again_is_kept(tmp_path):
    """Control (held): approved again with the very text copied (a review): nothing to
    recall."""
    s = _rewritten(tmp_path, SECOND)
    assert due_copies(s, "2026-07-01") == []


def test_a_copy_spelt_v01_2_is_recalled_before_its_day(tmp_path):
    """Hole (low, an honest flow): copy of V1.2 recorded as ``V01.2`` on 2026-04-01 (V1.2
    waiting) is listed as superseded by V1.1, as if it were an old copy."""
    s = scheduled_v12(tmp_path)
    issued_copy(s, "V01.2")
    assert due_copies(s, "2026-04-01") == []


def test_a_copy_spelt_v01_1_of_the_version_in_force_is_recalled(tmp_path):
    """Hole (low): copy of V1.1 recorded as ``V01.1`` while V1.1 is in force is listed for
    recall (current V1.1)."""
    s = scheduled_v12(tmp_path)
    issued_copy(s, "V01.1")
    assert due_copies(s, "2026-04-01") == []


def test_control_a_copy_of_the_waiting_version_as_written_is_not_recalled(tmp_path):
    """Control (held): the copy recorded as ``V1.2`` waits with its version."""
    s = scheduled_v12(tmp_path)
    issued_copy(s, "V1.2")
    assert due_copies(s, "2026-04-01") == []
    assert due_copies(s, "2026-07-01") == []
