"""Withdrawn while V1.2 waits, then made obsolete with the text that was in force.

SM-P-01 V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved 2026-03-01
for 2026-06-01; the file deleted by an approved merge on 2026-04-01 (withdrawn: V1.2 never
takes effect); on 2026-04-10 another approved merge puts the file back as V1.3, obsolete at
once, with V1.1's text (第一版的目的): the record of what the document last said.

``standing._placed`` gives an ending's text when ``same_text(revision, reviewed_by or
in_force)``. After the withdrawal ``in_force`` is None, so the obsolete approval is compared
with nothing and withheld (``ended_unissued``: 'the text it ended with was never in force',
which is false). But ``reviewed_by`` is not cleared by an ending: had V1.1 been through a
periodic review before, the stale ``reviewed_by`` still holds V1.1's text and the very same
obsolete approval is given. The answer depends on an unrelated review."""

from __future__ import annotations

from rt74_helpers import FIRST, SECOND, approve, procedure, register_row, run, scenario


def _withdrawn_then_obsolete(tmp_path, reviewed: bool, waiting: bool = True):
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    if reviewed:
        review = procedure(
            version="V1.1",
            effective_date="2026-02-01",
            body=FIRST,
            extra="review_date: 2026-02-20\n",
        )
        approve(s, "review", review, "2026-02-20", n=5)
    if waiting:
        v12 = procedure(version="V1.2", effective_date="2026-06-01", body=SECOND)
        approve(s, "v12", v12, "2026-03-01", n=2)
    approve(s, "withdraw", None, "2026-04-01", n=3)
    obsolete = procedure(version="V1.3", status="obsolete", effective_date="2026-04-10", body=FIRST)
    approve(s, "obsolete", obsolete, "2026-04-10", n=4)
    return s


def test_obsolete_with_the_text_in_force_after_a_withdrawal_is_given(tmp_path):
    """Right: ``show --as-of 2026-05-01`` gives 第一版的目的 (V1.1's text, in force until
    2026-04-01), as it does when V1.1 had a periodic review (control below). Fixed (session
    31): it refused, 'the text it ended with (V1.3) was never in force'."""
    s = _withdrawn_then_obsolete(tmp_path, reviewed=False)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stderr
    assert "第一版的目的" in shown.stdout and "第二版的目的" not in shown.stdout


def test_control_the_same_after_a_periodic_review_is_given(tmp_path):
    """Control (passes): the same history with a periodic review of V1.1 on 2026-02-20 (text
    unchanged): ``show`` gives 第一版的目的."""
    s = _withdrawn_then_obsolete(tmp_path, reviewed=True)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stderr
    assert "第一版的目的" in shown.stdout and "第二版的目的" not in shown.stdout


def test_control_without_a_waiting_version_it_is_given(tmp_path):
    """Control (passes): without V1.2 waiting, withdrawn then obsolete with V1.1's text:
    ``show`` gives it."""
    s = _withdrawn_then_obsolete(tmp_path, reviewed=False, waiting=False)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stderr
    assert "第一版的目的" in shown.stdout


def test_control_the_register_is_the_same_either_way(tmp_path):
    """Control (passes): the register calls it obsolete at V1.3 in both histories; only the
    text given differs."""
    rows = [
        register_row(_withdrawn_then_obsolete(tmp_path / str(r), reviewed=r), "2026-05-01")
        for r in (False, True)
    ]
    for row in rows:
        assert (row["state"], row["version"], row["in_force_version"]) == ("obsolete", "V1.3", "")


def test_control_an_obsolete_approval_with_the_waiting_text_stays_withheld(tmp_path):
    """Control (passes): after the periodic review, an obsolete approval with V1.2's text
    (never in force) is still withheld: the stale ``reviewed_by`` only lets V1.1's text
    through."""
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    review = procedure(
        version="V1.1", effective_date="2026-02-01", body=FIRST, extra="review_date: 2026-02-20\n"
    )
    approve(s, "review", review, "2026-02-20", n=5)
    v12 = procedure(version="V1.2", effective_date="2026-06-01", body=SECOND)
    approve(s, "v12", v12, "2026-03-01", n=2)
    approve(s, "withdraw", None, "2026-04-01", n=3)
    obsolete = procedure(
        version="V1.3", status="obsolete", effective_date="2026-04-10", body=SECOND
    )
    approve(s, "obsolete", obsolete, "2026-04-10", n=4)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode != 0 and "第二版的目的" not in shown.stdout, shown.stdout
