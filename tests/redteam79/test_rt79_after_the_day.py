"""An ending while a version waits, read after the waiting version's day.

SM-P-01 V1.1 (第一版的目的) in force from 2026-02-01; V1.2 (第二版的目的) approved 2026-03-01
for 2026-06-01; on 2026-04-01 the approvers make it obsolete at once (the file as it stands on
main: V1.2's text). Round 78's fix (``ended_unissued``) holds as of 2026-05-01. But
``standing._placed`` walks the approvals in merge order, not by day: as of any day from
2026-06-01 on, V1.2 (``starts <= today``) is put in force *before* the obsolete approval is
read, so ``unissued`` is reset and the obsolete approval ends V1.2 "in force" —
``ended_unissued`` is False and the obsolete approval's text (V1.2's, never in force: the
document was obsolete from 2026-04-01) is given for good."""

from __future__ import annotations

from rt74_helpers import SECOND, approve, procedure, register_row, run, scheduled_v12
from rt75_helpers import drawn, page_text, picture
from rt78_helpers import obsolete_site


def _obsolete_while_waiting(tmp_path):
    s = scheduled_v12(tmp_path)  # V1.1 in force; V1.2 approved 2026-03-01 for 2026-06-01
    obsolete = procedure(
        version="V1.2", status="obsolete", effective_date="2026-04-01", body=SECOND
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    return s


def test_control_show_refuses_before_the_waiting_day(tmp_path):
    """Control (held, round 78's fix): as of 2026-05-01 ``show`` gives no text."""
    s = _obsolete_while_waiting(tmp_path)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert "第二版的目的" not in shown.stdout, shown.stdout + shown.stderr


def test_show_after_the_waiting_day_gives_a_text_never_in_force(tmp_path):
    """Hole: as of 2026-07-01 (nothing new happened since 2026-04-01) ``show`` gives V1.2's
    第二版的目的 as the obsolete document's text; it never was in force."""
    s = _obsolete_while_waiting(tmp_path)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert "第二版的目的" not in shown.stdout, shown.stdout + shown.stderr


def test_control_register_says_the_same_thing_both_days(tmp_path):
    """Control (held): the register row is the same as of 2026-05-01 and 2026-07-01 (obsolete
    since 2026-04-01 at V1.2, nothing in force): only ``show`` and the site change their
    answer after V1.2's day."""
    s = _obsolete_while_waiting(tmp_path)
    may, july = register_row(s, "2026-05-01"), register_row(s, "2026-07-01")
    assert may["state"] == july["state"] == "obsolete"
    assert {k: may[k] for k in may if "review" not in k} == {
        k: july[k] for k in july if "review" not in k
    }, (may, july)


def test_control_the_obsolete_page_before_the_day_gives_no_text(tmp_path):
    """Control (held, round 78): as of 2026-05-01 the page withholds the text."""
    out = obsolete_site(tmp_path, "2026-05-01")
    assert "第二版正文" not in page_text(out)


def test_the_obsolete_page_after_the_day_gives_a_text_never_in_force(tmp_path):
    """Hole: the same site built as of 2026-07-02 gives V1.2's 第二版正文 as the obsolete
    document's text (never in force: obsolete since 2026-04-20, before V1.2's day)."""
    out = obsolete_site(tmp_path, "2026-07-02")
    assert "第二版正文" not in page_text(out), "a never-in-force text given as the document's"


def test_the_obsolete_page_after_the_day_gives_a_picture_never_in_force(tmp_path):
    """Hole: and publishes FLOW-V1.2 beside it (V1.2 is no longer in ``superseded``)."""
    out = obsolete_site(tmp_path, "2026-07-02")
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")
