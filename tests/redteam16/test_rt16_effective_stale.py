"""approve's own remedy for a merge that takes main's effective date (--effective) makes a merge
the trail refuses as DC522: approve and the trail disagree."""

from __future__ import annotations

import datetime

from rt15_helpers import date_moved_on_main
from rt16_helpers import DOC, approve, git, head, make_scenario, problems


def _day(n):
    return (datetime.date.today() + datetime.timedelta(days=n)).isoformat()


def test_approve_with_effective_after_a_date_only_approval_agrees_with_the_trail(tmp_path):
    """FINDING (false positive; approve and the trail disagree). V1.1 is approved to take
    effect on D+30 (cr-a). 赵磊's cr-c (from there) makes V1.2 (新目的), keeping D+30. Then an
    approved change (cr-b) moves V1.1's date to D+10 (same version). git's merge of cr-c takes
    main's D+10, so approve refuses unless the approver sets the date; 刘静 does so
    (``--effective D+40``), as approve's message suggests. approve exits 0, committing cr-c's
    text dated D+40. The trail says DC522: cr-c does not hold cr-b's merge, the last approved
    revision. Nothing approved is undone (cr-b changed only V1.1's date; V1.2 has the date the
    approver set), yet V1.2 does not come into force."""
    s = make_scenario(tmp_path)
    d10, d30, d40 = _day(10), _day(30), _day(40)
    date_moved_on_main(s, d30, d10)
    assert problems(s, head(s)) == []
    result, merged = approve(s, "cr-c", "liujing", "wangfang")
    assert not merged  # cli.approve.merged-date: git's merge took main's date
    result, merged = approve(s, "cr-c", "liujing", "wangfang", "--effective", d40)
    assert merged, result.stdout + result.stderr
    text = git(s, "show", f"main:{DOC}").stdout
    assert "version: V1.2" in text and f"effective_date: {d40}" in text and "全公司" in text
    assert problems(s, head(s)) == [], "approve merged it; the trail says it is not approved"
