"""Hole 2: a chart that came with a version that never took effect is printed on a copy of
another document once a later version of the first document, redrawing the chart again, is
in force.

SM-P-01 V1.1 shows flow.png (red), approved 2026-03-10; copy 02 issued 2026-03-12. On
2026-04-01 SM-P-02 V1.0 (in force from 2026-06-01) redraws the shared chart blue; on
2026-04-10 a periodic review of SM-P-01 V1.1 is approved. On 2026-05-20 SM-P-02 V1.1 (also for
2026-06-01) takes V1.0's place and redraws the chart green. V1.0 never takes effect: the blue
chart is in force on no day (red until 2026-06-01, green from then on; the site gives green).
As of 2026-06-15 ``pdf SM-P-01`` reads the chart as main stood at the review
(``approved_images.source``: SM-P-02 V1.0's merge, blue), and ``assets_ahead`` no longer
holds that merge back (V1.0 is superseded by a text given after it, whose own later change is
the one in force), so nothing makes ``older`` go back: the copy prints the blue chart."""

from __future__ import annotations

from rt78_helpers import due_copies
from rt85_helpers import FLOW, NET, approved, built, net, png, site_colour
from rt86_helpers import BLUE, RED, copy_colours, waiting_blue

GREEN = (0, 160, 0)


def _scenario(tmp_path, redraw: bool = True):
    s = waiting_blue(tmp_path)
    s.git.branch("net-2")
    if redraw:
        s.files.write(FLOW, png(GREEN))
    s.files.write(NET, net("V1.1", day="2026-06-01"))
    approved(s, "net-2", "网络管理程序 V1.1", "2026-05-20", 4)
    return s


def test_setup_the_site_gives_red_then_green(tmp_path):
    s = _scenario(tmp_path)
    assert copy_colours(s, tmp_path, "2026-05-25") == {RED}
    assert copy_colours(s, tmp_path, "2026-06-15", "SM-P-02") == {GREEN}


def test_control_the_site_gives_green_beside_sm_p_01_on_2026_06_15(tmp_path):
    from site_helpers import site_repo

    s = site_repo(_scenario(tmp_path), as_of="2026-06-15")
    assert site_colour(built(s, tmp_path), "procedures/flow.png") == GREEN


def test_pdf_of_sm_p_01_never_prints_the_blue_chart(tmp_path):
    s = _scenario(tmp_path)
    assert BLUE not in copy_colours(s, tmp_path, "2026-06-15")


def test_control_without_the_green_redraw_blue_is_in_force_with_v11(tmp_path):
    """V1.1 carries the blue chart into force: SM-P-01's copy prints it, rightly."""
    s = _scenario(tmp_path, redraw=False)
    assert copy_colours(s, tmp_path, "2026-06-15") == {BLUE}


def test_copy_02_red_is_kept(tmp_path):
    """Fixed (session 32): the blue chart was in force on no day, so a copy of SM-P-01 printed
    now is measured without it (red, as copy 02 holds): copy 02 is kept. (It was recalled,
    measured against blue.)"""
    assert due_copies(_scenario(tmp_path), "2026-06-15") == []
