"""Hole 2: a picture in force from before control began is lost to every copy once a commit
nobody approved changes it.

SM-P-01 V1.0 with flow.png (red) is imported on 2026-01-01, before control began (the
baseline: in force as it stands); copy 02 of V1.0 is issued on 2026-01-20. 赵磊 pushes a blue
flow.png straight to main on 2026-04-01; a periodic review of V1.0 (front matter only) is
approved on 2026-04-10. The red chart is still the one in force: the commit since changed
nothing anyone approved. But ``approved_images`` indexes only main's *events*, and the
commits before control are none: flow.png's only indexed change is the pushed one, so
``source`` answers "" (nothing approved). ``pdf`` prints V1.0 without its chart, and
``recall-due`` recalls copy 02, which holds the text and the chart in force. Without the
push, both are right (control)."""

from __future__ import annotations

from rt78_helpers import issued_copy
from rt84_helpers import BOTH, FLOW, RED, built, colours, due_copies, png, pushed, site_colour

from history_helpers import body, make_scenario
from site_helpers import site_repo

TEXT = "见 ![流程](flow.png) 正文"


def _imported(tmp_path, push: bool = True):
    s = site_repo(make_scenario(tmp_path), as_of="2026-05-01")
    s.files.write(FLOW, png(RED))
    s.files.doc(version="V1.0", body=body(TEXT), effective_date="2025-12-01")
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")  # before control began
    issued_copy(s, "V1.0", "2026-01-20")
    if push:
        pushed(s)
    s.git.branch("review")
    s.files.doc(
        version="V1.0",
        body=body(TEXT),
        effective_date="2025-12-01",
        extra="review_date: 2026-04-10\n",
    )
    s.git.commit("定期评审", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("review", "定期评审", approvers=BOTH, date="2026-04-10T10:00:00+08:00", number=2)
    return s


def test_set_up_the_review_vouches_for_v1_0(tmp_path):
    s = _imported(tmp_path)
    assert [r[:3] for r in s.summary()] == [("review", "V1.0", True)]
    # the pushed chart is the last change of flow.png on main
    assert s.git.run("log", "-1", "--first-parent", "--format=%s", "--", FLOW) == "直接换图"


def test_a_copy_printed_after_the_review_embeds_the_chart_in_force(tmp_path):
    assert colours(_imported(tmp_path), tmp_path) == {RED}


def test_copy_02_holding_the_chart_in_force_is_kept(tmp_path):
    assert due_copies(_imported(tmp_path), "2026-07-01") == []


def test_control_without_the_push_the_chart_is_printed_and_the_copy_kept(tmp_path):
    s = _imported(tmp_path, push=False)
    assert colours(s, tmp_path) == {RED}
    assert due_copies(s, "2026-07-01") == []


def test_held_the_site_never_publishes_the_pushed_chart(tmp_path):
    """Held (the site's own rule): the chart whose last change nobody approved is left out."""
    assert site_colour(built(_imported(tmp_path), tmp_path), "procedures/flow.png") is None
