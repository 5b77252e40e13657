"""Hole 1: a chart redrawn with another document's version that waits for a later day is
printed on a copy of SM-P-01's text in force once a periodic review of SM-P-01 vouches for it.

SM-P-01 V1.1 shows flow.png (red), approved on 2026-03-10; copy 02 issued 2026-03-12. On
2026-04-01 both roles approve SM-P-02 V1.0, to take effect on 2026-06-01, whose text shows
the same chart (``../procedures/flow.png``), redrawn blue in that merge. Until 2026-06-01
the blue chart is SM-P-02's, not in force (README "Images follow the text": it is published
as it was before that merge until the version takes effect). On 2026-04-10 a periodic review
of SM-P-01 V1.1 (front matter only) is approved. As of 2026-05-01 the site gives the red
chart (``assets_ahead`` holds the merge for SM-P-02, and ``older`` keeps that answer), but
``pdf SM-P-01`` reads each image's last approved change up to the review
(``approved_images.source``), which is SM-P-02's waiting merge: the copy prints the blue
chart beside SM-P-01's text in force, and ``recall-due`` recalls copy 02 (red) for it."""

from __future__ import annotations

from rt85_helpers import (
    BLUE,
    FLOW,
    NET,
    RED,
    approved,
    base,
    built,
    colours,
    due_copies,
    file_colours,
    net,
    png,
    review,
    site_colour,
)


def _scenario(tmp_path, day: str = "2026-06-01", reviewed: bool = True):
    s = base(tmp_path, site_pdf=True)
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    s.files.write(NET, net(day=day))
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    if reviewed:
        review(s)
    return s


def test_setup_sm_p_02_waits_and_sm_p_01_is_reviewed(tmp_path):
    s = _scenario(tmp_path)
    assert [r[:3] for r in s.summary()] == [
        ("approval", "V1.1", True),
        ("review", "V1.1", True),
    ]
    assert [r[:3] for r in s.summary("SM-P-02")] == [("approval", "V1.0", True)]


def test_the_site_gives_the_red_chart_in_force(tmp_path):
    """Held: the site holds SM-P-02's chart back until 2026-06-01."""
    assert site_colour(built(_scenario(tmp_path), tmp_path), "procedures/flow.png") == RED


def test_pdf_prints_the_chart_in_force(tmp_path):
    assert colours(_scenario(tmp_path), tmp_path) == {RED}


def test_copy_02_of_the_chart_in_force_is_kept(tmp_path):
    assert due_copies(_scenario(tmp_path), "2026-05-01") == []


def test_the_sites_pdf_copy_embeds_the_chart_its_page_shows(tmp_path):
    out = built(_scenario(tmp_path), tmp_path)
    assert site_colour(out, "procedures/flow.png") == RED  # set-up: the page is right
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}


def test_control_without_the_review_pdf_prints_red_and_keeps_copy_02(tmp_path):
    s = _scenario(tmp_path, reviewed=False)
    assert colours(s, tmp_path) == {RED}
    assert due_copies(s, "2026-05-01") == []


def test_control_sm_p_02_in_force_at_once_the_blue_chart_is_in_force(tmp_path):
    """SM-P-02 in force on 2026-04-01: the blue chart is approved and in force; after the
    review of SM-P-01 the site and pdf agree on it."""
    s = _scenario(tmp_path, day="2026-04-01")
    assert colours(s, tmp_path) == {BLUE}
    assert site_colour(built(s, tmp_path), "procedures/flow.png") == BLUE
