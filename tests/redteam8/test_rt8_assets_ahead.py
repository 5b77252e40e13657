"""publishing.assets_ahead: an image whose last approved change came with a version not yet in
force is published from the first parent of that approval ("the bytes in force"). When that
approval is the documented way out of a direct change to the image (an approved branch that
restores it) and also carries a revision taking effect later, its first parent holds the
direct change: the strict, stamped site publishes an image nobody approved, and nothing is
pending."""

from __future__ import annotations

from history_helpers import body, make_scenario
from rules_attacks import SOON, last_event, pending, png
from site_helpers import mkdocs, site_repo

FLOW = "docs/procedures/flow.png"


def test_the_revert_of_a_direct_image_change_publishes_the_direct_change(tmp_path):
    s = site_repo(make_scenario(tmp_path))
    both = ("liujing", "chenmy")  # the procedure's approver and the image's
    s.git.branch("cr-1")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(version="V1.1", body=body("见 ![流程](flow.png)"), effective_date="2026-03-10")
    s.git.commit("流程图", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "流程图", approvers=both, date="2026-03-10T10:00:00+08:00")
    s.files.write(FLOW, png(b"UNAPPROVED"))
    s.git.commit("直接改图", who="liujing", date="2026-03-20T10:00:00+08:00")
    assert FLOW in pending(s)
    # the approved branch restores the approved picture and revises the text from next month
    s.git.branch("cr-2")
    s.files.write(FLOW, png(b"FLOW-V1.1"))
    s.files.doc(version="V1.2", body=body("见 ![流程](flow.png) 修订"), effective_date=SOON)
    s.git.commit("撤销误推并修订", who="zhaolei", date="2026-04-02T10:00:00+08:00")
    s.git.merge(
        "cr-2", "撤销误推并修订", approvers=both, date="2026-04-10T10:00:00+08:00", number=2
    )
    assert FLOW in last_event(s)["accepted"] and pending(s) == []
    out = tmp_path / "site"
    result = mkdocs(s.root, out, True)
    assert result.returncode == 0, result.stderr
    assert (out / "doccontrol-build.json").is_file()  # stamped: the plugin vouches for it
    assert b"UNAPPROVED" not in (out / "procedures/flow.png").read_bytes()
