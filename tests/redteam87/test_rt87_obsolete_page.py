"""Hole 3: the page an obsolete document keeps on the site shows a shared chart as the site
serves it at its own path, redrawn for another document after this one was withdrawn.

SM-P-01 V1.1 (red flow.png) in force 2026-03-10; SM-P-02 V1.0, whose text shows the same
chart (``../procedures/flow.png``), in force 2026-03-12 and made obsolete 2026-03-20 (its
page stays on the site with its last text, as round 85 found). On 2026-04-01 SM-P-01 V1.2
redraws the chart blue, in force at once. Built as of 2026-05-01, SM-P-02's obsolete page
shows the blue chart: a picture no approval of SM-P-02 ever held, beside SM-P-02's text
with its control block. ``approved_images.pages_in_force`` gives own copies only to
documents in force (``stand.in_force is None`` is skipped), so the obsolete page gets none
and ``_picture_links`` has nothing to point it at."""

from __future__ import annotations

from rt85_helpers import FLOW, RED, approved, base, net_made_obsolete, page_colours, png, v11
from rt87_helpers import BLUE, built


def _scenario(tmp_path, redrawn: bool = True):
    """SM-P-01 V1.1 (red chart) in force 2026-03-10; SM-P-02 V1.0 showing the chart in force
    2026-03-12, made obsolete 2026-03-20; on 2026-04-01 SM-P-01 V1.2 redraws the chart blue
    (in force at once)."""
    s = base(tmp_path)
    net_made_obsolete(s)
    s.git.branch("cr-2")
    if redrawn:
        s.files.write(FLOW, png(BLUE))
    s.files.write("docs/procedures/test.md", v11("V1.2", day="2026-04-01"))
    approved(s, "cr-2", "第二版", "2026-04-01", 5)
    return s


def test_control_without_the_redraw_the_obsolete_page_shows_its_red_chart(tmp_path):
    out = built(_scenario(tmp_path, redrawn=False), tmp_path)
    assert (out / "network/net/index.html").exists()  # set-up: the obsolete page is given
    assert page_colours(out, "SM-P-02") == [RED]


def test_the_obsolete_page_never_shows_a_chart_redrawn_after_it_was_withdrawn(tmp_path):
    out = built(_scenario(tmp_path), tmp_path)
    assert page_colours(out, "SM-P-01") == [BLUE]  # set-up: SM-P-01's page, in force
    assert page_colours(out, "SM-P-02") == [RED]
