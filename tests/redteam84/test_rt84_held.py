"""What held in round 84: each an attempt to get the blue chart (pushed straight to main,
never approved) onto a copy of SM-P-01 V1.1 printed after a periodic review approved on
2026-04-10 (``pdf``), or copy 02 (the approved red chart, issued 2026-03-12) recalled for it.
Each gives the red chart and keeps copy 02."""

from __future__ import annotations

from rt84_helpers import (
    BLUE,
    BOTH,
    FLOW,
    RED,
    TEXT,
    approved,
    base,
    built,
    colours,
    due_copies,
    png,
    pushed,
    review,
    site_colour,
    v11,
)


def _red_and_kept(s, tmp_path) -> None:
    assert colours(s, tmp_path) == {RED}
    assert due_copies(s, "2026-07-01") == []


def test_deleted_then_added_again_by_direct_commits(tmp_path):
    s = base(tmp_path)
    (s.root / FLOW).unlink()
    s.git.commit("删图", who="zhaolei", date="2026-03-20T10:00:00+08:00")
    pushed(s)
    review(s)
    _red_and_kept(s, tmp_path)


def test_the_same_bytes_approved_under_another_name(tmp_path):
    """The blue bytes are approved as docs/other/blue.png (a merge of their own); the same
    bytes pushed at flow.png are still nobody's approval of flow.png."""
    s = base(tmp_path)
    s.git.branch("other")
    s.files.write("docs/other/blue.png", png(BLUE))
    approved(s, "other", "另一张图", "2026-03-20", 3)
    pushed(s)
    review(s)
    _red_and_kept(s, tmp_path)


def test_the_reviewed_branch_carries_the_pushed_commit(tmp_path):
    """赵磊 commits the blue chart on the review branch and fast-forwards main to it (a
    direct commit on main's line); the review merged after it never shows flow.png."""
    s = base(tmp_path)
    s.git.branch("review-2")
    s.files.write(FLOW, png(BLUE))
    s.git.commit("换图", who="zhaolei", date="2026-04-01T10:00:00+08:00")
    s.git.checkout("main")
    s.git.run("merge", "--ff-only", "-q", "review-2", who="zhaolei")
    s.git.checkout("review-2")
    s.files.write(
        "docs/procedures/test.md",
        v11(text=TEXT).replace("review_interval", "review_date: 2026-04-10\nreview_interval"),
    )
    s.git.commit("定期评审", who="zhaolei", date="2026-04-08T10:00:00+08:00")
    s.git.merge("review-2", "定期评审", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    assert [r[:3] for r in s.summary()][-1] == ("review", "V1.1", True)  # set-up
    _red_and_kept(s, tmp_path)


def test_the_name_spelled_with_dot_dot_and_a_percent_escape(tmp_path):
    text = "见 ![流程](../procedures/flow%2Epng) 第一版正文"
    s = base(tmp_path, text=text)
    pushed(s)
    review(s, text)
    _red_and_kept(s, tmp_path)


def test_a_name_differing_only_in_case_is_another_unapproved_file(tmp_path):
    """V1.1 names Flow.png, which is not there (flow.png is); Flow.png pushed later is left
    out of the copy and the site, never taken as flow.png's approved bytes or its own."""
    text = "见 ![流程](Flow.png) 第一版正文"
    s = base(tmp_path, text=text)
    pushed(s, "docs/procedures/Flow.png")
    review(s, text)
    assert BLUE not in colours(s, tmp_path)
    assert site_colour(built(s, tmp_path), "procedures/Flow.png") is None


def test_a_symlink_pushed_in_the_charts_place(tmp_path):
    s = base(tmp_path)
    s.files.write("docs/other/blue.png", png(BLUE))
    (s.root / FLOW).unlink()
    (s.root / FLOW).symlink_to("../other/blue.png")
    s.git.commit("链接", who="zhaolei", date="2026-04-01T10:00:00+08:00")
    review(s)
    _red_and_kept(s, tmp_path)
