"""Held: a draft merged for comment that redraws the shared chart. SM-P-02 V1.0 (status
draft) is merged, approved, on 2026-04-01 with the chart redrawn blue. As of 2026-05-01 the
site serves blue at the chart's path (the draft's page shows it), SM-P-01's page shows its own
red copy, ``pdf SM-P-01`` and the site's copy print red, and copy 02 (issued 2026-03-12) is
not due for recall."""

from __future__ import annotations

from rt85_helpers import FLOW, NET, approved, base, colours, due_copies, file_colours, net, png
from rt88_helpers import BLUE, RED, browser_colours, built


def test_a_draft_merged_for_comment_leaves_sm_p_01_red_everywhere(tmp_path):
    s = base(tmp_path, site_pdf=True)
    s.git.branch("net-1")
    s.files.write(FLOW, png(BLUE))
    s.files.write(NET, net(day="2026-04-01", status="draft"))
    approved(s, "net-1", "征求意见", "2026-04-01", 3)
    out = built(s, tmp_path)
    assert browser_colours(out, "network/net/index.html") == [BLUE]  # the draft's own text
    assert browser_colours(out) == [RED]
    assert colours(s, tmp_path) == {RED}
    assert file_colours(out / "pdf/SM-P-01.pdf") == {RED}
    assert due_copies(s, "2026-05-01") == []
