"""A copy issued ahead of a version that never took effect, the number then reused.

SM-P-01 V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved 2026-03-01
for 2026-06-01 (``rt74_helpers.scheduled_v12``); 王芳 issues printed copy 02 of V1.2 ahead on
2026-03-05 (allowed). On 2026-04-01 the document is ended while V1.2 waits (withdrawn, or
made obsolete at once): round 78's fix lists V1.2 in ``Standing.superseded`` (its text never
takes effect) but *not* in ``off_text``. On 2026-05-01 the document is brought back at V1.2
with another text (恢复后的新目的), in force at once — allowed, V1.2 never had a text in force.

``copies._prints_in_force`` decides whether copy 02 holds the text in force by looking for an
approval of V1.2 in ``stand.superseded`` issued before the one in force whose seq is in
``off_text``. Held: the restore, approved before V1.2's first day at the same number, puts
the first approval in ``_superseded``'s ``replaced`` (so ``off_text``): the copy of the
never-in-force text is recalled. But the restore is no ``review`` even with the very text
copied, so a copy of the text now in force was recalled too (low, denial; fixed in session 31:
the copy's text and the text in force are compared by their body digests)."""

from __future__ import annotations

from rt74_helpers import NEW, SECOND, approve, procedure, run, scheduled_v12
from rt78_helpers import due_copies, issued_copy


def _ended_and_restored(tmp_path, how: str, text: str):
    s = scheduled_v12(tmp_path)
    issued_copy(s, "V1.2")
    if how == "obsolete":
        ended = procedure(
            version="V1.2", status="obsolete", effective_date="2026-04-01", body=SECOND
        )
    else:
        ended = None
    approve(s, how, ended, "2026-04-01", n=3)
    back = procedure(version="V1.2", effective_date="2026-05-01", body=text)
    approve(s, "restore", back, "2026-05-01", n=4)
    return s


def test_control_the_copy_is_recalled_while_the_document_is_ended(tmp_path):
    """Control (held): on 2026-04-15 (withdrawn) copy 02 is due for recall."""
    s = _ended_and_restored(tmp_path, "withdraw", NEW)
    assert due_copies(s, "2026-04-15") == ["02"]


def test_control_a_copy_of_a_never_in_force_text_is_recalled_after_a_restore(tmp_path):
    """Control (held): on 2026-07-01 V1.2 = 恢复后的新目的 is in force; copy 02 holds 第二版的目的 (never
    in force) and stays on the recall list (the restore, approved before V1.2's first day,
    puts the first approval in ``_superseded``'s ``replaced``, hence ``off_text``)."""
    s = _ended_and_restored(tmp_path, "withdraw", NEW)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert "恢复后的新目的" in shown.stdout, shown.stdout + shown.stderr
    assert due_copies(s, "2026-07-01") == ["02"]


def test_control_the_same_after_obsolete_and_restore(tmp_path):
    """Control (held): the same with the document made obsolete at once (not withdrawn) on 2026-04-01."""
    s = _ended_and_restored(tmp_path, "obsolete", NEW)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert "恢复后的新目的" in shown.stdout, shown.stdout + shown.stderr
    assert due_copies(s, "2026-07-01") == ["02"]


def test_a_copy_of_the_restored_text_is_not_recalled(tmp_path):
    """Fixed (session 31): brought back at V1.2 with the very text copied (第二版的目的) on
    2026-05-01: copy 02 holds the text in force, yet is listed as superseded by V1.2 (the
    restore is no ``review``, so ``_superseded`` counts the first approval ``replaced`` by
    its own text). Round 78's control (the same text approved again) keeps it."""
    s = _ended_and_restored(tmp_path, "withdraw", SECOND)
    assert due_copies(s, "2026-07-01") == []
