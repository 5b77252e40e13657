"""An obsolete approval made while a version waits for its day, dated before that day.

SM-P-01 V1.1 (第一版正文, flow chart FLOW-V1.1) is in force from 2026-03-10; V1.2 (第二版正文,
chart redrawn FLOW-V1.2) is approved on 2026-04-10 for 2026-06-01. On 2026-04-20 the
approvers make the document obsolete at once (``status: obsolete``), the file as it stands on
main: V1.2's text. ``standing._placed`` ends the document (``waiting`` cleared) and
``shown`` is the obsolete approval, whose file is V1.2's text; ``standing.published`` gives
``shown`` for an obsolete document, so the site's obsolete page gives 第二版正文 — a text that
never was in force (V1.1 was the last text in force) — and, since ``waiting`` and
``superseded`` are empty, ``publishing.assets_ahead`` no longer holds FLOW-V1.2 back. The
obsolete approval is no ``effective`` approval, so ``_superseded`` never lists V1.2."""

from __future__ import annotations

from rt74_helpers import SECOND, approve, procedure, run, scheduled_v12
from rt75_helpers import drawn, page_text, picture
from rt78_helpers import obsolete_site


def test_the_obsolete_page_gives_a_text_never_in_force(tmp_path):
    """Hole: on 2026-05-01 the document is obsolete; its page gives V1.2's 第二版正文, which
    never took effect (the last text in force was V1.1's 第一版正文)."""
    out = obsolete_site(tmp_path, "2026-05-01")
    assert "第二版正文" not in page_text(out), "a never-in-force text given as the document's"


def test_the_obsolete_page_gives_a_picture_never_in_force(tmp_path):
    """Hole: FLOW-V1.2 came with V1.2, which never took effect; on 2026-05-01 it is published
    beside the obsolete document (FLOW-V1.1 was the last picture in force)."""
    out = obsolete_site(tmp_path, "2026-05-01")
    # (session 30) the page gives no text now, so no page shows the chart: left out, or V1.1's
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")


def test_control_obsolete_after_the_waiting_day_gives_the_text_in_force(tmp_path):
    """Control (held): made obsolete for 2026-07-01 (after V1.2's day), on 2026-07-02 the
    page gives V1.2's text, which was in force from 2026-06-01, and its picture."""
    out = obsolete_site(tmp_path, "2026-07-02", day="2026-07-01")
    assert "第二版正文" in page_text(out)
    assert picture(out) == drawn("FLOW-V1.2")


def test_show_as_of_gives_a_text_never_in_force(tmp_path):
    """Hole (CLI): ``show SM-P-01 --as-of 2026-05-01`` gives the obsolete document's text as
    V1.2's 第二版的目的, never in force; it should give V1.1's text (the last in force) or
    refuse as for ``text_swapped``."""
    s = scheduled_v12(tmp_path)  # V1.1 in force; V1.2 approved 2026-03-01 for 2026-06-01
    obsolete = procedure(
        version="V1.2", status="obsolete", effective_date="2026-04-01", body=SECOND
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=3)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert "第二版的目的" not in shown.stdout, shown.stdout + shown.stderr
