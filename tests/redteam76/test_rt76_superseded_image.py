"""A picture approved with a version that never takes effect is published at once.

``publishing.assets_ahead`` holds back an image whose change came with an approval in
``Standing.waiting``. An approval ``standing._superseded`` took off (a later approval, made
before its day, of another number due no later than it) is in no list: ``_placed`` skips it
before it reaches ``waiting``. ``assets_ahead`` then counts it as in force, and the picture it
changed is published, beside the text of the version still in force, although the version it
came with never comes into force.

SM-P-01 V1.1 with flow chart FLOW-V1.1 is in force from 2026-03-10. V1.2 (flow chart redrawn,
FLOW-V1.2) is approved on 2026-04-10 for 2026-06-01. Then either V1.3 (text only, the picture
left as V1.2 drew it) is approved on 2026-04-20 for the same day 2026-06-01, which takes V1.2
off; or V1.0 (an old number brought back, round 75's void approval) is approved on 2026-04-20,
which takes V1.2 off and never comes into force itself: V1.1 stays in force for good."""

from __future__ import annotations

from rt75_helpers import built, drawn, flow_chart_site, page_text, picture, revised


def _site(tmp_path, then: str, as_of: str):
    s = flow_chart_site(tmp_path, "2026-06-01", as_of=as_of)
    if then == "v13":
        revised(s, "V1.3", "第三版正文", "2026-06-01")
    elif then == "v10":
        revised(s, "V1.0", "旧号正文", "2026-04-20")
    return built(s, tmp_path)


def test_a_superseded_versions_picture_is_published_before_the_next_ones_day(tmp_path):
    """Hole: on 2026-05-01 V1.1 is in force and V1.3 waits for 2026-06-01, yet FLOW-V1.2
    (approved with V1.2, which V1.3 took off) is on the site beside V1.1's text."""
    out = _site(tmp_path, "v13", "2026-05-01")
    assert "第一版正文" in page_text(out) and "第三版正文" not in page_text(out)
    assert picture(out) == drawn("FLOW-V1.1")


def test_a_void_approval_leaves_the_cancelled_picture_published_for_good(tmp_path):
    """Hole: V1.0 took V1.2 off and never comes into force; V1.1 stays in force for good
    (round 75, decided). On 2026-07-01 the site gives V1.1's text with V1.2's picture, a
    picture no version in force ever had."""
    out = _site(tmp_path, "v10", "2026-07-01")
    assert "第一版正文" in page_text(out) and "第二版正文" not in page_text(out)
    assert picture(out) == drawn("FLOW-V1.1")


def test_control_a_waiting_versions_picture_is_held_back(tmp_path):
    """Control (held): with V1.2 alone waiting on 2026-05-01 its picture waits too."""
    out = _site(tmp_path, "", "2026-05-01")
    assert "第一版正文" in page_text(out) and "第二版正文" not in page_text(out)
    assert picture(out) == drawn("FLOW-V1.1")
