"""Things tried against session 32's call-off (``standing._placed``: a review by digest of the
version in force removes from ``unissued`` the approvals it replaced) that held.

The flow-chart site: V1.1 (第一版正文, FLOW-V1.1) in force from 2026-03-10; V1.2 (第二版正文,
FLOW-V1.2) approved 2026-04-10 for 2026-06-01. Copy 02 of V1.2 issued 2026-04-12 (ahead of
its day). On 2026-04-15 V1.1 is approved back (its very body, the chart drawn back)."""

from __future__ import annotations

from rt74_helpers import register_row, run
from rt75_helpers import BOTH, FLOW, drawn, flow_chart_site
from rt78_helpers import due_copies, issued_copy

from history_helpers import body


def _called_off(tmp_path, front: str = ""):
    s = flow_chart_site(tmp_path, "2026-06-01")
    issued_copy(s, "V1.2", "2026-04-12")
    s.git.branch("back")
    s.files.write(FLOW, drawn("FLOW-V1.1"))
    s.files.doc(
        version="V1.1",
        body=body("见 ![流程](flow.png) 第一版正文"),
        effective_date="2026-03-10",
        extra=front,
    )
    s.git.commit("撤回 V1.2", who="zhaolei", date="2026-04-14T10:00:00+08:00")
    s.git.merge("back", "撤回 V1.2", approvers=BOTH, date="2026-04-15T10:00:00+08:00", number=3)
    return s


def test_the_copy_of_the_called_off_version_is_recalled(tmp_path):
    """Held: copy 02 of V1.2 (never in force) is listed by ``recall-due`` after the call-off."""
    s = _called_off(tmp_path)
    assert due_copies(s, "2026-07-01") == ["02"]


def test_after_v12s_day_v11_is_still_in_force(tmp_path):
    """Held: on 2026-07-01 (after V1.2's day) V1.1 is in force and ``show`` gives 第一版正文."""
    s = _called_off(tmp_path)
    row = register_row(s, "2026-07-01")
    assert row["in_force_version"] == "V1.1" and row["upcoming"] == "", row
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0 and "第一版正文" in shown.stdout, shown.stderr
    assert "第二版正文" not in shown.stdout


def test_a_new_review_interval_in_the_call_off_is_a_review(tmp_path):
    """Held: the call-off with a review_date (front matter only) is still a review of V1.1:
    V1.1 stays in force from 2026-03-10, V1.2 never comes."""
    s = _called_off(tmp_path, "review_date: 2026-04-15\n")
    row = register_row(s, "2026-07-01")
    assert row["in_force_version"] == "V1.1" and row["upcoming"] == "", row
