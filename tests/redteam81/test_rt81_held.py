"""Attacks on round 80's fixes that held (all pass)."""

from __future__ import annotations

from rt74_helpers import run
from rt75_helpers import BOTH, FLOW, built, drawn, flow_chart_site, page_text, picture
from rt78_helpers import due_copies, issued_copy
from rt81_helpers import V11_TEXT, bring_back, ending, withdraw

from history_helpers import body


def test_a_picture_pushed_directly_between_keeps_the_copy(tmp_path):
    """V1.2 approved for 2026-06-01, copy 02 printed 2026-04-12, withdrawn 2026-04-20; on
    2026-04-25 赵磊 pushes a redrawn flow.png straight to main (nobody approved it); brought
    back unchanged on 2026-05-01 (the restore's diff holds no picture). Since session 32 a
    copy printed now embeds the approved chart (approved_images: the push never took effect),
    so copy 02, which holds it, is kept (it was recalled, failing towards a recall); the site
    leaves the unapproved picture out."""
    s = flow_chart_site(tmp_path, "2026-06-01", as_of="2026-07-01")
    issued_copy(s, "V1.2", "2026-04-12")
    withdraw(s, "2026-04-20", 3)
    s.files.write(FLOW, drawn("FLOW-PUSHED"))
    s.git.commit("直接改图", who="zhaolei", date="2026-04-25T09:00:00+08:00")
    bring_back(s, "2026-05-01", 4)
    assert due_copies(s, "2026-07-01") == []
    out = built(s, tmp_path)
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) != drawn("FLOW-PUSHED")


def test_an_ending_dated_ahead_gives_the_picture_in_force(tmp_path):
    """V1.2 (FLOW-V1.2) waits for 2026-06-01; on 2026-04-20 an approved merge makes SM-P-01
    obsolete at V1.3 from 2026-05-01 with V1.1's text. As of 2026-05-10 the page gives V1.1's
    text with FLOW-V1.1: the ending replaced V1.2 (``_superseded``) and gave back the text in
    force (``gives_back``) on its own day."""
    s = flow_chart_site(tmp_path, "2026-06-01", as_of="2026-05-10")
    ending(s, "cr-3", "2026-04-20", 3, effective_date="2026-05-01")
    out = built(s, tmp_path)
    page = page_text(out)
    assert "第一版正文" in page and "第二版正文" not in page
    chart = out / "procedures/flow.png"
    assert not chart.exists() or picture(out) == drawn("FLOW-V1.1")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-10")
    assert shown.returncode == 0 and "第一版正文" in shown.stdout, shown.stdout + shown.stderr


def test_before_an_ending_dated_ahead_v11_stays_with_its_picture(tmp_path):
    """The same ending as of 2026-04-25 (approved, not yet effective): V1.1 in force with
    FLOW-V1.1, the register names V1.3 as upcoming."""
    s = flow_chart_site(tmp_path, "2026-06-01", as_of="2026-04-25")
    ending(s, "cr-3", "2026-04-20", 3, effective_date="2026-05-01")
    out = built(s, tmp_path)
    page = page_text(out)
    assert "第一版正文" in page and "第二版正文" not in page
    assert picture(out) == drawn("FLOW-V1.1")


def test_an_ending_with_v11_text_and_its_own_redraw_gives_the_picture_in_force(tmp_path):
    """An ending that gives back V1.1's body and redraws the chart in its own diff
    (FLOW-END) gives V1.1's text with the picture it had in force, FLOW-V1.1 (session 31,
    after round 81: a text given back is given as it was in force, so that a folder moved by
    the ending cannot carry FLOW-V1.2 past the rule either); neither FLOW-END, never in force
    with that text, nor V1.2's FLOW-V1.2 appears."""
    s = flow_chart_site(tmp_path, "2026-06-01", as_of="2026-05-01")
    s.git.branch("cr-3")
    s.files.write(FLOW, drawn("FLOW-END"))
    s.files.doc(version="V1.3", status="obsolete", body=body(V11_TEXT), effective_date="2026-04-20")
    s.git.commit("作废并重画", who="zhaolei", date="2026-04-12T10:00:00+08:00")
    s.git.merge("cr-3", "作废", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    out = built(s, tmp_path)
    assert "第一版正文" in page_text(out)
    assert picture(out) == drawn("FLOW-V1.1")
