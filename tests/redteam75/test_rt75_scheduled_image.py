"""Two versions scheduled in a row (round 75 hole 2, the image case): V1.2, approved with a
redrawn flow chart, takes effect next month; V1.3, approved after it, the month after. Until
V1.2's day the site gives V1.1's text, so it must give V1.1's picture too. With only the
later of the two pending approvals counted as ahead (``Standing.upcoming``), V1.2's
approval was taken as in force and its picture was published beside V1.1's text."""

from __future__ import annotations

import datetime

from rt75_helpers import built, drawn, flow_chart_site, picture, revised

TODAY = datetime.date.today()
NEXT_MONTH = (TODAY + datetime.timedelta(days=30)).isoformat()
MONTH_AFTER = (TODAY + datetime.timedelta(days=60)).isoformat()


def test_the_first_of_two_scheduled_versions_keeps_its_picture_back(tmp_path):
    s = flow_chart_site(tmp_path, NEXT_MONTH)
    revised(s, "V1.3", "第三版正文", MONTH_AFTER)
    assert picture(built(s, tmp_path, strict=True)) == drawn("FLOW-V1.1")


def test_control_one_scheduled_version_keeps_its_picture_back(tmp_path):
    """Control: with V1.2 alone waiting, its picture waits too."""
    s = flow_chart_site(tmp_path, NEXT_MONTH)
    assert picture(built(s, tmp_path, strict=True)) == drawn("FLOW-V1.1")
