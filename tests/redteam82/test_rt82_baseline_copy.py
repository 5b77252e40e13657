"""A copy of the pre-control baseline, and the adoption approval (a review of V1.0, text
unchanged) that redraws its chart.

SM-P-01 V1.0 (基线正文, chart FLOW-BASE) is on the pre-control baseline (2026-01-01, in force
from 2026-01-05). Copy 02 of V1.0 is issued on 2026-01-10, printed from the baseline with
FLOW-BASE. On 2026-02-01 an approved merge re-approves V1.0 (the same body, ``review_date``
new) and redraws the chart (FLOW-ADOPT).

``copies._prints_in_force`` looks for the approval the copy was printed from among
``doc.revisions`` with a commit (``r.approved and r.commit``): the baseline is
``doc.baseline``, not a revision, and nothing else approved V1.0 by 2026-01-10, so ``printed``
is empty and the copy is kept ("issued ahead of any approval of it on main"). But V1.0 was on
main, in force: the copy embeds FLOW-BASE, while the site and a copy printed now (the images
of the approval the cover names: the adoption review) have FLOW-ADOPT. The same copy issued
after the adoption and redrawn at a later review is recalled (round 81's fix, control)."""

from __future__ import annotations

from rt75_helpers import BOTH, drawn
from rt78_helpers import due_copies, issued_copy

from builders import RepoBuilder, png
from history_helpers import Scenario, body

FLOW = "docs/procedures/flow.png"
TEXT = "见 ![流程](flow.png) 基线正文"


def _baseline(tmp_path) -> Scenario:
    builder = RepoBuilder(tmp_path / "repo")
    builder.write(FLOW, png(b"FLOW-BASE"))
    builder.doc(body=body(TEXT))
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")  # 2026-01-01: the pre-control baseline
    return s


def _review(s, day: str, number: int, redraw: str | None) -> None:
    s.git.branch(f"review-{number}")
    if redraw is not None:
        s.files.write(FLOW, drawn(redraw))
    s.files.doc(body=body(TEXT), extra=f"review_date: {day}\n")
    s.git.commit("定期评审", who="zhaolei", date=f"{day}T08:00:00+08:00")
    s.git.merge(
        f"review-{number}", "定期评审", approvers=BOTH, date=f"{day}T10:00:00+08:00", number=number
    )


def _copied(tmp_path, issued: str, redraw_first: str | None, redraw_second: str | None = None):
    s = _baseline(tmp_path)
    if issued < "2026-02-01":
        issued_copy(s, "V1.0", issued)
    _review(s, "2026-02-01", 1, redraw_first)
    if issued >= "2026-02-01":
        issued_copy(s, "V1.0", issued)
    if redraw_second is not None:
        _review(s, "2026-03-01", 2, redraw_second)
    return s


def test_a_copy_of_the_baseline_with_the_old_chart_is_recalled(tmp_path):
    """Fixed (session 31): Copy 02 holds FLOW-BASE; V1.0 in force has FLOW-ADOPT: due for recall."""
    s = _copied(tmp_path, "2026-01-10", "FLOW-ADOPT")
    assert (s.root / FLOW).read_bytes() == drawn("FLOW-ADOPT")
    assert due_copies(s, "2026-07-01") == ["02"]


def test_control_the_baseline_copy_is_kept_without_a_redraw(tmp_path):
    """Control (passes, right): the adoption without a redraw keeps copy 02."""
    s = _copied(tmp_path, "2026-01-10", None)
    assert due_copies(s, "2026-07-01") == []


def test_control_a_copy_after_the_adoption_is_recalled_by_a_redraw(tmp_path):
    """Control (passes, round 81's fix): copy 02 issued on 2026-02-05, after the adoption, is
    recalled when a review on 2026-03-01 redraws the chart."""
    s = _copied(tmp_path, "2026-02-05", None, redraw_second="FLOW-REVIEW")
    assert due_copies(s, "2026-07-01") == ["02"]
