"""Copies and pictures after round 80's fix (``copies._prints_in_force``,
``_pictures_changed``).

The flow-chart repository: V1.1 (FLOW-V1.1) in force from 2026-03-10; V1.2 (第二版正文, chart
redrawn FLOW-V1.2) approved 2026-04-10. Copy 02 of V1.2 issued on 2026-04-12.

1. V1.2 takes effect on its approval day (2026-04-10), so copy 02 is printed from V1.2 *in
   force* with FLOW-V1.2. The document is withdrawn on 2026-04-20 and brought back at V1.2 on
   2026-05-01 with the same body and the chart redrawn (FLOW-V1.2b); or, without a withdrawal,
   a periodic review of V1.2 on 2026-05-01 redraws it. ``_prints_in_force`` looks for the
   approval the copy was printed from only among ``stand.superseded``: V1.2's first approval
   took effect, so ``printed`` is empty and the copy is kept, though the version in force
   (what the site shows, and what a copy printed today embeds: the images of the approval
   the cover names, ``standing.vouched_by``) has FLOW-V1.2b. Round 80's fix recalls the same
   copy when it was printed while V1.2 still waited (control).
2. ``_pictures_changed`` counts a change of *any* image under docs/: another document's
   picture added between the withdrawal and the restore gets copy 02 (same body, same chart)
   recalled."""

from __future__ import annotations

import pytest
from rt74_helpers import run
from rt75_helpers import BOTH, drawn, flow_chart_site
from rt78_helpers import due_copies, issued_copy
from rt81_helpers import bring_back, withdraw

from builders import procedure
from history_helpers import body


def _printed_in_force(tmp_path, how: str, redraw: str | None):
    s = flow_chart_site(tmp_path, "2026-04-10")
    issued_copy(s, "V1.2", "2026-04-12")
    if how == "restore":
        withdraw(s, "2026-04-20", 3)
        bring_back(s, "2026-05-01", 4, redraw=redraw)
    else:
        bring_back(
            s,
            "2026-05-01",
            4,
            redraw=redraw,
            effective_date="2026-04-10",
            extra="review_date: 2026-05-01\n",
        )
    return s


@pytest.mark.parametrize("how", ["restore", "review"])
def test_a_copy_with_the_chart_no_longer_in_force_is_recalled(tmp_path, how):
    """Fixed (session 31): copy 02 holds FLOW-V1.2; V1.2 in force has FLOW-V1.2b: due for recall, as the
    same copy printed while V1.2 waited is (control)."""
    s = _printed_in_force(tmp_path, how, redraw="FLOW-V1.2b")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0 and "第二版正文" in shown.stdout, shown.stdout + shown.stderr
    assert (s.root / "docs/procedures/flow.png").read_bytes() == drawn("FLOW-V1.2b")
    assert due_copies(s, "2026-07-01") == ["02"]


@pytest.mark.parametrize("how", ["restore", "review"])
def test_control_brought_back_with_the_same_chart_the_copy_is_kept(tmp_path, how):
    """Control (passes, right): the same history without the redraw keeps copy 02."""
    s = _printed_in_force(tmp_path, how, redraw=None)
    assert due_copies(s, "2026-07-01") == []


def test_control_printed_while_v12_waited_the_copy_is_recalled(tmp_path):
    """Control (passes, round 80's fix): V1.2 approved for 2026-06-01, copy 02 printed on
    2026-04-12 while it waited, withdrawn and brought back with the chart redrawn: recalled."""
    s = flow_chart_site(tmp_path, "2026-06-01")
    issued_copy(s, "V1.2", "2026-04-12")
    withdraw(s, "2026-04-20", 3)
    bring_back(s, "2026-05-01", 4, redraw="FLOW-V1.2b")
    assert due_copies(s, "2026-07-01") == ["02"]


def _another_document_drawn(tmp_path, other: bool):
    """V1.2 approved for 2026-06-01, copy 02 printed 2026-04-12 while it waited, withdrawn
    2026-04-20, brought back unchanged (same body, same chart) on 2026-05-01; when ``other``,
    SM-P-02 with its own picture docs/network/topology.png approved on 2026-04-22."""
    s = flow_chart_site(tmp_path, "2026-06-01")
    issued_copy(s, "V1.2", "2026-04-12")
    withdraw(s, "2026-04-20", 3)
    if other:
        s.git.branch("other")
        s.files.write("docs/network/topology.png", drawn("TOPOLOGY"))
        s.files.write(
            "docs/network/net.md",
            procedure(
                doc_id="SM-P-02",
                title="网络管理程序",
                version="V1.0",
                effective_date="2026-04-22",
                body=body("见 ![拓扑](topology.png)"),
            ),
        )
        s.git.commit("网络管理程序", who="zhaolei", date="2026-04-21T09:00:00+08:00")
        s.git.merge(
            "other", "网络管理程序", approvers=BOTH, date="2026-04-22T10:00:00+08:00", number=5
        )
    bring_back(s, "2026-05-01", 4)
    return s


def test_another_documents_picture_does_not_recall_the_copy(tmp_path):
    """Fixed (session 31): copy 02 holds V1.2's body and FLOW-V1.2, exactly what is in force: kept."""
    s = _another_document_drawn(tmp_path, other=True)
    assert due_copies(s, "2026-07-01") == []


def test_control_without_another_documents_picture_the_copy_is_kept(tmp_path):
    """Control (passes): the same history without SM-P-02 keeps copy 02."""
    s = _another_document_drawn(tmp_path, other=False)
    assert due_copies(s, "2026-07-01") == []
