"""Copies and acknowledgements of a waiting V1.2, the document then withdrawn and brought
back at V1.2: ``copies._prints_in_force`` now keeps a copy when the text in force has the
digest of an approval it was printed from (session 31). Three ways that answer is wrong or
disagrees with another output.

- The digest covers the Markdown body only: a copy printed with V1.2's picture is kept after
  V1.2 is brought back with the same body and a redrawn picture (a PDF copy embeds the
  pictures read at its revision's commit, ``pdf/render.py``).
- ``_prints_in_force`` refuses the copy if *any* approval of the number before the copy is
  another text, not only the one the copy was printed from: a copy of V1.2 as rewritten
  before its day is recalled when exactly that text is brought back.
- ``acks._version_problems`` never compares digests: an acknowledgement written the same day
  as the kept copy was printed is refused as 'a draft, not the approved text' (DC542.early).
"""

from __future__ import annotations

from rt74_helpers import NEW, SECOND, ack_by, approve, owed, pack, procedure, run, scheduled_v12
from rt75_helpers import BOTH, FLOW, drawn, flow_chart_site
from rt78_helpers import due_copies, issued_copy

from history_helpers import body

DOC = "docs/procedures/test.md"


def _picture_restored(tmp_path, redrawn: bool):
    """The flow-chart repository (V1.1 + FLOW-V1.1 in force from 2026-03-10; V1.2 + FLOW-V1.2
    approved 2026-04-10 for 2026-06-01); copy 02 of V1.2 issued on 2026-04-12; the document
    withdrawn on 2026-04-20; brought back at V1.2 with V1.2's very body on 2026-05-01, in
    force at once, with the flow chart redrawn (FLOW-V1.2b) when ``redrawn``."""
    s = flow_chart_site(tmp_path, "2026-06-01")
    issued_copy(s, "V1.2", "2026-04-12")
    s.git.branch("withdraw")
    (s.root / DOC).unlink()
    s.git.commit("撤回", who="zhaolei", date="2026-04-15T09:00:00+08:00")
    s.git.merge("withdraw", "撤回", approvers=BOTH, date="2026-04-20T10:00:00+08:00", number=3)
    s.git.branch("restore")
    if redrawn:
        s.files.write(FLOW, drawn("FLOW-V1.2b"))
    s.files.doc(
        version="V1.2", body=body("见 ![流程](flow.png) 第二版正文"), effective_date="2026-05-01"
    )
    s.git.commit("恢复", who="zhaolei", date="2026-04-28T09:00:00+08:00")
    s.git.merge("restore", "恢复", approvers=BOTH, date="2026-05-01T10:00:00+08:00", number=4)
    return s


def test_a_copy_with_a_picture_never_in_force_is_recalled(tmp_path):
    """Fixed (session 31): copy 02 holds FLOW-V1.2, which was never in force (V1.2 in force
    from 2026-05-01 has FLOW-V1.2b): it is due for recall, as it was before session 31."""
    s = _picture_restored(tmp_path, redrawn=True)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0 and "第二版正文" in shown.stdout, shown.stdout + shown.stderr
    assert due_copies(s, "2026-07-01") == ["02"]


def test_control_a_copy_of_the_same_text_and_picture_is_kept(tmp_path):
    """Control (passes): brought back with the same body and the same picture, copy 02 holds
    the text in force and is not recalled."""
    s = _picture_restored(tmp_path, redrawn=False)
    assert due_copies(s, "2026-07-01") == []


def test_control_the_copy_is_recalled_while_withdrawn(tmp_path):
    """Control (passes): while the document is withdrawn the copy is due."""
    s = _picture_restored(tmp_path, redrawn=True)
    assert due_copies(s, "2026-04-25") == ["02"]


def _rewritten_then_restored(tmp_path, restored: str):
    """``scheduled_v12`` (V1.2 = 第二版的目的 approved 2026-03-01 for 2026-06-01); V1.2
    rewritten before its day (恢复后的新目的, approved 2026-03-10, same day); copy 02 of V1.2
    issued on 2026-03-15 (so it holds 恢复后的新目的); withdrawn 2026-04-01; brought back at
    V1.2 with ``restored`` on 2026-05-01, in force at once."""
    s = scheduled_v12(tmp_path)
    again = procedure(version="V1.2", effective_date="2026-06-01", body=NEW)
    approve(s, "v12b", again, "2026-03-10", n=5)
    issued_copy(s, "V1.2", "2026-03-15")
    approve(s, "withdraw", None, "2026-04-01", n=3)
    back = procedure(version="V1.2", effective_date="2026-05-01", body=restored)
    approve(s, "restore", back, "2026-05-01", n=4)
    return s


def test_a_copy_of_the_rewritten_text_brought_back_is_kept(tmp_path):
    """Fixed (session 31): copy 02 (printed 2026-03-15, after the rewrite) holds 恢复后的新目的,
    the text in force from 2026-05-01: not due. It was listed as superseded, because V1.2's
    first approval (第二版的目的, 2026-03-01) is also before the copy and is another text."""
    s = _rewritten_then_restored(tmp_path, NEW)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert "恢复后的新目的" in shown.stdout, shown.stdout + shown.stderr
    assert due_copies(s, "2026-07-01") == []


def test_control_a_copy_of_the_rewritten_text_is_recalled_after_the_first_is_restored(tmp_path):
    """Control (passes, right): brought back with the *first* text (第二版的目的) instead,
    copy 02 (恢复后的新目的) holds a text never in force and is recalled."""
    s = _rewritten_then_restored(tmp_path, SECOND)
    assert due_copies(s, "2026-07-01") == ["02"]


def _acknowledged_copy_restored(tmp_path):
    """``scheduled_v12``; on 2026-03-05 王芳 acknowledges V1.2 (after its approval) and copy
    02 of V1.2 is issued; withdrawn 2026-04-01; brought back at V1.2 with the very text
    (第二版的目的) on 2026-05-01, in force at once."""
    s = scheduled_v12(tmp_path)
    ack_by(s, "wangfang", "V1.2", "2026-03-05")
    issued_copy(s, "V1.2", "2026-03-05")
    approve(s, "withdraw", None, "2026-04-01", n=3)
    back = procedure(version="V1.2", effective_date="2026-05-01", body=SECOND)
    approve(s, "restore", back, "2026-05-01", n=4)
    return s


def test_control_recall_due_keeps_the_copy_of_the_text_brought_back(tmp_path):
    """Control (passes, session 31): recall-due says copy 02, issued on 2026-03-05, holds the
    text in force (第二版的目的)."""
    s = _acknowledged_copy_restored(tmp_path)
    assert due_copies(s, "2026-07-01") == []


def test_ack_due_counts_what_recall_due_keeps(tmp_path):
    """Right: 王芳 read 第二版的目的 after its approval on 2026-03-01; it is the text in force
    since 2026-05-01 (recall-due keeps the copy printed that day): her acknowledgement counts
    and no DC542 is reported. Fixed (session 31): ack-due owed it ('确认的是草稿而非批准的文本')."""
    s = _acknowledged_copy_restored(tmp_path)
    _, rows, problems = owed(s, "2026-07-01")
    assert not [p for p in problems if p["code"] == "DC542"], problems
    assert rows["wangfang"]["done"], rows["wangfang"]


def test_the_pack_agrees_with_ack_due(tmp_path):
    """The audit pack agrees with ack-due (it listed 王芳 as outstanding with ack-due, before
    session 31): her acknowledgement counts there too, and 刘静, who gave none, owes it."""
    s = _acknowledged_copy_restored(tmp_path)
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-07-01")
    outstanding = files["acknowledgements/outstanding.csv"]
    assert "wangfang" not in outstanding and "liujing" in outstanding, outstanding


def test_control_the_same_text_approved_again_keeps_the_acknowledgement(tmp_path):
    """Control (passes, round 74): V1.2 approved again with the very text, for 2026-04-01,
    without a withdrawal in between: the same acknowledgement of 2026-03-05 counts. Only the
    withdrawal (which puts the first approval in ``off_text``) makes ack-due refuse it."""
    s = scheduled_v12(tmp_path)
    ack_by(s, "wangfang", "V1.2", "2026-03-05")
    again = procedure(version="V1.2", effective_date="2026-04-01", body=SECOND)
    approve(s, "v12b", again, "2026-04-01", n=3)
    _, rows, _ = owed(s, "2026-07-01")
    assert rows["wangfang"]["done"], rows["wangfang"]
