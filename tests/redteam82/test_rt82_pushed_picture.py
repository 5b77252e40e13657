"""Found in session 32, after round 82: a chart pushed straight to main (a commit nobody
approved), then a periodic review of V1.1 approved whose diff is the front matter only.

``pdf`` read a copy's images from the tree of the approval its cover names, so a copy printed
after the review embedded the pushed chart (never approved: the review's diff never showed
it), and ``recall-due`` recalled copy 02 (the approved chart) for it. The site leaves the
pushed chart out. Now a copy embeds each image's approved bytes as main stood at its approval
(``approved_images``): the red chart, and copy 02 is kept."""

from __future__ import annotations

from rt75_helpers import built
from rt78_helpers import due_copies
from rt82_helpers import copy_then_review
from test_rt82_picture_alone import BLUE, RED, _pdf_colours, _png

TEXT = "见 ![流程](flow.png) 第一版正文"


def _pushed(tmp_path, in_review: bool = False):
    """V1.1 (red chart) in force from 2026-03-10, copy 02 issued 2026-03-12; the blue chart
    pushed to main on 2026-04-01 (or, with ``in_review``, redrawn in the review's own diff);
    a periodic review of V1.1 approved on 2026-04-10; the site as of 2026-05-01."""
    return copy_then_review(
        tmp_path,
        TEXT,
        charts=(_png(RED), _png(BLUE)),
        pushed=not in_review,
        as_of="2026-05-01",
    )


def test_a_copy_printed_after_the_review_embeds_the_approved_chart(tmp_path):
    assert _pdf_colours(_pushed(tmp_path), tmp_path) == {RED}


def test_the_copy_of_the_approved_chart_is_kept(tmp_path):
    assert due_copies(_pushed(tmp_path), "2026-07-01") == []


def test_the_site_leaves_the_pushed_chart_out(tmp_path):
    """Control (unchanged): the site never publishes the pushed chart."""
    out = built(_pushed(tmp_path), tmp_path)
    assert not (out / "procedures/flow.png").exists()


def test_control_a_chart_redrawn_in_the_review_is_printed_and_recalls(tmp_path):
    s = _pushed(tmp_path, in_review=True)
    assert _pdf_colours(s, tmp_path) == {BLUE}
    assert due_copies(s, "2026-07-01") == ["02"]
