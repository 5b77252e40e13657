"""Hole 3: every copy of a version whose approval is on paper (``legacy_history``) is
recalled, although it holds the text in force.

SM-P-01 V1.0 is imported on 2026-01-01, before control began, its front matter recording the
paper approval of V1.0 (老李, 2025-11-10); copy 02 of V1.0 is issued on 2026-01-20. Nothing
changes after. V1.0 is in force (``pdf`` prints it), and copy 02 is its text. But the
approval a copy printed now names (``Standing.vouched_by``) is the paper one, which has no
commit: ``_same_print`` asks ``StoredVersions.pictures`` for its pictures, gets None (no
commit to read), and calls copy 02 a different print. No picture is even involved. Without
the paper record (the same import, vouched by nothing), copy 02 is kept (control)."""

from __future__ import annotations

from rt78_helpers import issued_copy
from rt84_helpers import due_copies

from history_helpers import body, cli, make_scenario

PAPER = (
    "legacy_history:\n"
    "  - {version: V1.0, change: 纸质版, author: 老王, date: 2025-11-01, approver: 老李,"
    " approval_date: 2025-11-10}\n"
)


def _imported(tmp_path, paper: bool = True):
    s = make_scenario(tmp_path)
    s.files.doc(
        version="V1.0", body=body("正文"), effective_date="2025-12-01", extra=PAPER if paper else ""
    )
    s.git.commit("导入", date="2026-01-01T12:00:00+08:00")  # before control began
    issued_copy(s, "V1.0", "2026-01-20")
    return s


def test_set_up_v1_0_is_in_force_and_printed(tmp_path):
    s = _imported(tmp_path)
    kinds = [(r.kind, r.version, r.approved) for r in s.history().documents["SM-P-01"].revisions]
    assert kinds == [("legacy", "V1.0", True)]
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-07-01", "-o", str(tmp_path / "c.pdf"))
    assert made.returncode == 0, made.stderr


def test_copy_02_of_the_version_in_force_is_kept(tmp_path):
    assert due_copies(_imported(tmp_path), "2026-07-01") == []


def test_control_without_the_paper_record_copy_02_is_kept(tmp_path):
    assert due_copies(_imported(tmp_path, paper=False), "2026-07-01") == []
