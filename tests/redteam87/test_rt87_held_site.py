"""Held: SM-P-01's page keeps its own red copy of the shared chart (round 85's two texts)
when its body ends in a construct that runs on past the body (an unclosed fence, comment or
HTML block) and could take the body marks with it (``clean_parts`` → ``None`` would clean
the page without ``_picture_links``)."""

from __future__ import annotations

import pytest
from rt75_helpers import BOTH
from rt85_helpers import BLUE, FLOW, NET, RED, TEXT, approved, net, png
from rt87_helpers import browser_colours, built

from history_helpers import body, make_scenario
from site_helpers import site_repo


@pytest.mark.parametrize("tail", ["```\n尾", "~~~\n尾", "<!--\n尾", "<div>\n尾"])
def test_a_body_running_on_past_its_end_keeps_its_own_chart(tmp_path, tail):
    s = site_repo(make_scenario(tmp_path), as_of="2026-05-01")
    s.git.branch("cr-1")
    s.files.write(FLOW, png(RED))
    s.files.doc(version="V1.1", body=body(TEXT) + "\n\n" + tail + "\n", effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=BOTH, date="2026-03-10T10:00:00+08:00")
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    s.files.write(NET, net(day="2026-04-01"))
    approved(s, "net-1", "网络管理程序", "2026-04-01", 3)
    assert browser_colours(built(s, tmp_path)) == [RED]
