"""Two versions scheduled in a row (round 75 hole 2, the image case): V1.2, approved with a
redrawn flow chart, takes effect next month; V1.3, approved after it, the month after. Until
V1.2's day the site gives V1.1's text, so it must give V1.1's picture too. With only the
later of the two pending approvals counted as ahead (``Standing.upcoming``), V1.2's
approval was taken as in force and its picture was published beside V1.1's text."""

from __future__ import annotations

import datetime

from history_helpers import body, make_scenario
from rules_attacks import png
from site_helpers import mkdocs, site_repo

FLOW = "docs/procedures/flow.png"
TODAY = datetime.date.today()
NEXT_MONTH = (TODAY + datetime.timedelta(days=30)).isoformat()
MONTH_AFTER = (TODAY + datetime.timedelta(days=60)).isoformat()


def _scheduled(tmp_path, v13: bool):
    s = site_repo(make_scenario(tmp_path))
    both = ("liujing", "chenmy")  # the procedure's approver and the image's
    s.git.branch("cr-1")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(version="V1.1", body=body("见 ![流程](flow.png)"), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=both, date="2026-03-10T10:00:00+08:00")
    s.git.branch("cr-2")
    s.files.write(FLOW, png(b"FLOW-V1.2"))
    s.files.doc(version="V1.2", body=body("见 ![流程](flow.png) 修订"), effective_date=NEXT_MONTH)
    s.git.commit("改流程图", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge("cr-2", "改流程图", approvers=both, date="2026-04-10T10:00:00+08:00", number=2)
    if v13:
        s.git.branch("cr-3")
        s.files.doc(
            version="V1.3", body=body("见 ![流程](flow.png) 再修订"), effective_date=MONTH_AFTER
        )
        s.git.commit("再修订", who="zhaolei", date="2026-04-12T10:00:00+08:00")
        s.git.merge("cr-3", "再修订", approvers=both, date="2026-04-20T10:00:00+08:00", number=3)
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    return out


def test_the_first_of_two_scheduled_versions_keeps_its_picture_back(tmp_path):
    out = _scheduled(tmp_path, v13=True)
    assert (out / "procedures/flow.png").read_bytes() == png(b"FLOW-V1.1")


def test_control_one_scheduled_version_keeps_its_picture_back(tmp_path):
    """Control: with V1.2 alone waiting, its picture waits too."""
    out = _scheduled(tmp_path, v13=False)
    assert (out / "procedures/flow.png").read_bytes() == png(b"FLOW-V1.1")
