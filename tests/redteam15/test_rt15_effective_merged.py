"""approve judges the branch's 发布实施日期 but commits the one git's merge leaves."""

from __future__ import annotations

import datetime

from rt15_helpers import (
    DOC,
    approve,
    date_moved_on_main,
    event_for,
    git,
    head,
    make_scenario,
)


def _day(n):
    return (datetime.date.today() + datetime.timedelta(days=n)).isoformat()


def test_approve_commits_the_effective_date_it_judged(tmp_path):
    """FINDING. V1.1 is approved to take effect on D+30. 赵磊's branch bumps to V1.2 (new
    目的) and keeps D+30. Meanwhile an approved change moves V1.1's date forward to D+10
    (``bump --keep-version``). git merges the two cleanly: V1.2 with D+10. approve judges the
    branch's D+30 (the date the reviewer saw), ignores the date line when comparing, and
    commits V1.2 taking effect on D+10, a date nobody reviewed or judged for V1.2; the trail
    accepts it."""
    s = make_scenario(tmp_path)
    d10, d30 = _day(10), _day(30)
    date_moved_on_main(s, d30, d10)
    assert event_for(s, head(s))["problems"] == []
    _result, merged = approve(s, "cr-c", "liujing", "wangfang")
    if merged:
        text = git(s, "show", f"main:{DOC}").stdout
        assert "version: V1.2" in text
        # safe: the date committed is the one approve judged (the branch's), or approve refused
        problems = event_for(s, head(s))["problems"]
        assert f"effective_date: {d30}" in text, (
            f"V1.2 committed with effective_date {d10}; approve judged the branch's {d30}; "
            f"trail problems: {problems}"
        )
