"""Round 44 on ack / ack-due judged by what is in force (5ca05fc): the document's own front
matter (its distribution) changed by a commit nobody approved."""

from __future__ import annotations

from rt42_helpers import ack_scenario, owed

from builders import procedure

DOC = "docs/procedures/test.md"


def test_a_direct_commit_emptying_the_distribution_hides_nothing_from_ack_due(tmp_path):
    s = ack_scenario(tmp_path)
    # 刘静 pushes SM-P-01 straight to main with no distribution (nobody approved it)
    s.files.write(DOC, procedure().replace("distribution: [qa]", "distribution: []"))
    s.git.commit("整理", who="liujing", date="2026-01-25T10:00:00+08:00")
    code, rows, _ = owed(s, "2026-02-01", "--fail-on", "overdue")
    assert "liujing" in rows and rows["liujing"]["overdue"] is True
    assert code == 1


def test_an_uncommitted_edit_emptying_the_distribution_hides_nothing_from_ack_due(tmp_path):
    s = ack_scenario(tmp_path)
    s.files.write(DOC, procedure().replace("distribution: [qa]", "distribution: []"))
    code, rows, _ = owed(s, "2026-02-01", "--fail-on", "overdue")
    assert "liujing" in rows and rows["liujing"]["overdue"] is True
    assert code == 1
