"""Found in session 32, after round 82: a chart pushed straight to main (a commit nobody
approved), then a periodic review of V1.1 approved whose diff is the front matter only.

``pdf`` read a copy's images from the tree of the approval its cover names, so a copy printed
after the review embedded the pushed chart (never approved: the review's diff never showed
it), and ``recall-due`` recalled copy 02 (the approved chart) for it. The site leaves the
pushed chart out. Now a copy embeds each image's approved bytes as main stood at its approval
(``approved_images``): the red chart, and copy 02 is kept."""

from __future__ import annotations

from rt75_helpers import BOTH, FLOW, built
from rt78_helpers import due_copies, issued_copy
from test_rt82_picture_alone import BLUE, RED, _pdf_colours, _png

from history_helpers import body, make_scenario
from site_helpers import site_repo

TEXT = "见 ![流程](flow.png) 第一版正文"


def _pushed(tmp_path, in_review: bool = False):
    """V1.1 (red chart) in force from 2026-03-10, copy 02 issued 2026-03-12; the blue chart
    pushed to main on 2026-04-01 (or, with ``in_review``, redrawn in the review's own diff);
    a periodic review of V1.1 approved on 2026-04-10."""
    s = site_repo(make_scenario(tmp_path), as_of="2026-05-01")
    s.git.branch("cr-1")
    s.files.write(FLOW, _png(RED))
    s.files.doc(version="V1.1", body=body(TEXT), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    issued_copy(s, "V1.1", "2026-03-12")
    if not in_review:
        s.files.write(FLOW, _png(BLUE))
        s.git.commit("直接换图", who="zhaolei", date="2026-04-01T10:00:00+08:00")
    s.git.branch("review")
    if in_review:
        s.files.write(FLOW, _png(BLUE))
    s.files.doc(
        version="V1.1",
        body=body(TEXT),
        effective_date="2026-03-10",
        extra="review_date: 2026-04-10\n",
    )
    s.git.commit("定期评审", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("review", "定期评审", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return s


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
