"""An ending while a version waits, whose own text is the text in force.

SM-P-01 V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved 2026-03-01
for 2026-06-01 (``rt74_helpers.scheduled_v12``). On 2026-04-01 the approvers drop V1.2 and
make the document obsolete at once at V1.3 with V1.1's text restored (第一版的目的): the
text it ends with *is* the last text in force. ``standing._placed`` sets ``ended_unissued``
for any ending while an approved text waits, whatever the ending's own text, so ``show``
refused and the site withheld a text that was in force (round 78's "Right": no text only
"when the obsolete approval's text differs from it"). Fixed in session 31: revisions carry
their body's digest, and an ending with the very text in force gives it."""

from __future__ import annotations

from rt74_helpers import FIRST, approve, procedure, run, scheduled_v12
from rt75_helpers import drawn, page_text, picture
from rt79_helpers import ended_with_v11_text


def _ended_with(tmp_path, version: str):
    s = scheduled_v12(tmp_path)
    obsolete = procedure(
        version=version, status="obsolete", effective_date="2026-04-01", body=FIRST
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    return s


def test_obsolete_with_the_text_in_force_gives_that_text(tmp_path):
    """Fixed (session 31): ``show --as-of 2026-05-01`` refused, though the obsolete
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


def test_after_the_waiting_day_the_same_text_is_still_given(tmp_path):
    """Fixed (session 31): as of 2026-07-01, past V1.2's day, the obsolete document still
    gives V1.1's 第一版的目的 (V1.2 never took effect) and never V1.2's 第二版的目的."""
    s = _ended_with(tmp_path, "V1.3")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "第一版的目的" in shown.stdout and "第二版的目的" not in shown.stdout, shown.stdout


def test_control_an_ending_with_other_text_is_still_withheld(tmp_path):
    """Control (held, round 78): an ending whose text is neither V1.1's nor V1.2's while V1.2
    waits still gives no text; only the very text in force is given back."""
    s = scheduled_v12(tmp_path)
    obsolete = procedure(
        version="V1.3", status="obsolete", effective_date="2026-04-01", body="第三种说法的目的"
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode != 0 and "第三种说法的目的" not in shown.stdout, shown.stdout


def test_the_obsolete_page_gives_the_text_in_force_with_its_picture(tmp_path):
    """Fixed (session 31): the obsolete page, before and after V1.2's day, gives V1.1's
    第一版正文 with FLOW-V1.1, and never V1.2's text."""
    for as_of in ("2026-05-01", "2026-07-02"):
        out = ended_with_v11_text(tmp_path / as_of, as_of, put_back_picture=True)
        page = page_text(out)
        assert "第一版正文" in page and "第二版正文" not in page, as_of
        assert picture(out) == drawn("FLOW-V1.1"), as_of
