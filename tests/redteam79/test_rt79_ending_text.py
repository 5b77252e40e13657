"""An ending while a version waits, whose own text is the text in force.

SM-P-01 V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved 2026-03-01
for 2026-06-01 (``rt74_helpers.scheduled_v12``). On 2026-04-01 the approvers drop V1.2 and
make the document obsolete at once at V1.3 with V1.1's text restored (第一版的目的): the
text it ends with *is* the last text in force. ``standing._placed`` sets ``ended_unissued``
for any ending while an approved text waits, whatever the ending's own text, so ``show``
refuses and the site withholds a text that was in force (round 78's "Right": no text only
"when the obsolete approval's text differs from it")."""

from __future__ import annotations

import pytest
from rt74_helpers import FIRST, approve, procedure, run, scheduled_v12


def _ended_with(tmp_path, version: str):
    s = scheduled_v12(tmp_path)
    obsolete = procedure(
        version=version, status="obsolete", effective_date="2026-04-01", body=FIRST
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    return s


@pytest.mark.xfail(
    strict=True,
    reason="open (session 30, low, a denial that fails closed): an ending while a later text "
    "waits gives no text even when the ending restored the text in force; standing reads "
    "approvals, not texts, so it cannot tell the two apart (the page says why; show names the "
    "day to ask for)",
)
def test_obsolete_with_the_text_in_force_is_refused(tmp_path):
    """Hole (low, denial): ``show --as-of 2026-05-01`` refuses, though the obsolete
    approval's text is V1.1's 第一版的目的, in force until 2026-04-01."""
    s = _ended_with(tmp_path, "V1.3")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0 and "第一版的目的" in shown.stdout, shown.stdout + shown.stderr


def test_control_obsolete_with_the_text_in_force_without_a_waiting_version(tmp_path):
    """Control (held): without V1.2 waiting, the same obsolete approval gives its text."""
    from rt72_helpers import in_force_v11

    s = in_force_v11(tmp_path)
    obsolete = procedure(version="V1.3", status="obsolete", effective_date="2026-04-01", body=FIRST)
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0 and "第一版的目的" in shown.stdout, shown.stdout + shown.stderr


def test_control_obsolete_right_after_a_periodic_review(tmp_path):
    """Control (held, honest flow): V1.1 reviewed on 2026-03-01 (text unchanged, only
    ``review_date`` new), made obsolete at V1.2 with the same text on 2026-04-01: ``show``
    gives the text."""
    from rt72_helpers import in_force_v11

    s = in_force_v11(tmp_path)
    review = procedure(
        version="V1.1", effective_date="2026-02-01", body=FIRST, extra="review_date: 2026-03-01\n"
    )
    approve(s, "review", review, "2026-03-01", n=2)
    obsolete = procedure(version="V1.2", status="obsolete", effective_date="2026-04-01", body=FIRST)
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0 and "第一版的目的" in shown.stdout, shown.stdout + shown.stderr
