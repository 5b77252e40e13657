"""Session 19: `approve` refuses a renumbered version that takes effect after the day it is
approved (`cli.approve.renumber-later`): the old number leaves with the merge, so the new one
must start then. The check runs only for a new version with `status: effective`, and only
where main's and the merge's files share a path."""

from __future__ import annotations

from rt24_helpers import (
    DOC_B,
    SOON,
    approve,
    bump_at,
    register,
    trail_strict,
    two_doc_scenario,
)

MOVED = "docs/procedures/b-new.md"


def _gap(s, result, merged, old, new):
    """Decided (session 19): where the old number leaves as a deletion the approver is shown
    (a move, or a new version that is a draft), the merge may withdraw it while the new number
    starts later or as a draft: approve lists "{old} (deleted)" and "{new} (added)", and the
    organisation chose that gap. Only an in-place renumbering starting later, whose change
    reads as front matter, is refused. What is held: the approver is told, and the register
    and the trail agree."""
    if not merged:
        return
    shown = result.stdout
    assert f"{old} (deleted)" in shown and f"{new} (added)" in shown, shown
    assert trail_strict(s)[0] == 0
    assert register(s)[old]["state"] == "withdrawn"


def test_a_renumbering_to_a_draft_is_shown_as_a_withdrawal(tmp_path):
    """赵磊's cr-d renumbers b.md SM-P-02 → SM-P-07 (V1.1) as `status: draft`. Decided
    (``_gap``): approve shows SM-P-02 withdrawn, and the register and trail agree."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-d", "main")
    bump_at(
        s, DOC_B, "V1.0", "V1.1", "id: SM-P-02", "id: SM-P-07", "status: effective", "status: draft"
    )
    s.git.commit("cr-d: 改号（草稿）", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-d", "liujing", "wangfang")
    _gap(s, result, merged, "SM-P-02", "SM-P-07")


def test_a_renumbering_with_a_move_starting_later_is_shown_as_a_withdrawal(tmp_path):
    """cr-m moves b.md to b-new.md and renumbers it SM-P-02 → SM-P-07 (V1.1, effective in 30
    days). `approve` reads main's and the merge's file at each path of the branch's diff: at
    b.md the merge holds nothing, at b-new.md main holds nothing, so no "old id" is seen.
    Decided (``_gap``): approve shows SM-P-02 deleted and SM-P-07 added."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-m", "main")
    bump_at(s, DOC_B, "V1.0", "V1.1", "id: SM-P-02", "id: SM-P-07")
    assert SOON in (s.root / DOC_B).read_text("utf-8")
    s.git.run("mv", DOC_B, MOVED)
    s.git.commit("cr-m: 改名并改号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-m", "liujing", "wangfang")
    _gap(s, result, merged, "SM-P-02", "SM-P-07")
