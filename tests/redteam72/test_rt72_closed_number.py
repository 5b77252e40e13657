"""Round 71 hole 3's fix (`standing._placed`, ``closed``): a number whose text was in force when
an approval withdrew the document or made it obsolete never comes into force again with other
text. The check is ``number in closed and revision.sections``, and ``revision.sections`` is the
change against the *last approved* body (history/derive.py: ``state.approved_body``), which an
approved draft moves. An approved draft at the closed number carrying the new text, then an
approval making it effective (no section changed against the draft), brings the number back
with the other text."""

from __future__ import annotations

import pytest
from rt72_helpers import FIRST, approve, body, procedure, run, scenario

NEW = body("恢复后的新目的。")


def _closed_then_restored(tmp_path, how: str, through_draft: bool):
    """V1.1 (第一版的目的) in force from 2026-02-01; ended on 2026-03-01 (``how``: withdrawn or
    made obsolete with its text unchanged); with ``through_draft``, an approved draft V1.1 with
    目的 恢复后的新目的 on 2026-03-15; then V1.1 approved effective with that 目的 on
    2026-04-01."""
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    if how == "obsolete":
        ended = procedure(
            version="V1.1", status="obsolete", effective_date="2026-03-01", body=FIRST
        )
    else:
        ended = None
    approve(s, how, ended, "2026-03-01", n=2)
    if through_draft:
        approve(s, "draft", procedure(version="V1.1", status="draft", body=NEW), "2026-03-15", n=3)
    again = procedure(version="V1.1", effective_date="2026-04-01", body=NEW)
    approve(s, "again", again, "2026-04-01", n=4)
    return s


@pytest.mark.parametrize("how", ["withdraw", "obsolete"])
def test_a_closed_number_brought_back_through_a_draft_keeps_one_text(tmp_path, how):
    """`show SM-P-01 --as-of 2026-05-01` prints V1.1 in force with 恢复后的新目的, while
    `diff SM-P-01 V1.0 V1.1` gives V1.1 as 第一版的目的: one number, two texts."""
    s = _closed_then_restored(tmp_path, how, through_draft=True)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    diffed = run(s, "diff", "SM-P-01", "V1.0", "V1.1")
    assert "第一版的目的" in diffed.stdout, diffed.stdout
    # Fixes (session 29): the new text never comes into force under V1.1; `show` may give the
    # approved draft, as a draft, with no version in force (and the register agrees)
    said = shown.stdout if shown.returncode == 0 else ""
    assert "恢复后的新目的" not in said or "no version was in force" in said, said
    reg = run(s, "register", "--format", "json", "--as-of", "2026-05-01")
    assert '"state": "effective"' not in reg.stdout, reg.stdout


@pytest.mark.parametrize("how", ["withdraw", "obsolete"])
def test_control_a_closed_number_brought_back_directly_keeps_one_text(tmp_path, how):
    """Control (passes, round 71's fix): the same without the draft step."""
    s = _closed_then_restored(tmp_path, how, through_draft=False)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert "恢复后的新目的" not in (shown.stdout if shown.returncode == 0 else ""), shown.stdout
