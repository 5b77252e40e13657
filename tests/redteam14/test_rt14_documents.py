"""Documents: approve judges the branch's version of each changed document, but commits the
merge's; and ``--effective`` writes the approver's date into the merge's version."""

from __future__ import annotations

import datetime
import os

from rt14_helpers import approve, clean, git, trail_json

from history_helpers import body, make_scenario

DOC = "docs/procedures/test.md"
SOON = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
LATER = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()


def test_approve_does_not_commit_a_document_version_no_review_showed(tmp_path):
    """FINDING. 周强 pushes a change to SM-P-01's 适用范围 straight to main (DC501, V1.0 kept).
    赵磊's reviewed branch (forked before) bumps V1.1 and changes 目的. git merges both cleanly:
    approve judges the branch's V1.1 and commits a V1.1 holding 周强's unreviewed text. The trail
    refuses that approval (the merger wrote a version no side had: DC503 self-approval);
    approve had said "approved". (For controlled files approve refuses this: adopts-pending.)"""
    s = make_scenario(tmp_path)
    path = s.root / DOC
    s.git.branch("cr-1")
    text = path.read_text()
    path.write_text(
        text.replace("version: V1.0", "version: V1.1")
        .replace("effective_date: 2026-01-05", f"effective_date: {SOON}")
        .replace("目的的内容。", "修订的目的。")
    )
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    path.write_text(
        path.read_text().replace("适用范围的内容。", "适用范围：仅限总部（未经审批）。")
    )
    s.git.commit("直接修改", who="zhouqiang")
    result, merged = approve(s, "cr-1", "liujing", "wangfang")
    if merged:  # safe: what approve said is approved is what the trail approves
        head = git(s, "rev-parse", "main").stdout.strip()
        event = next(e for e in trail_json(s)["events"] if e["commit"] == head)
        assert event["problems"] == [], event["problems"]
    else:
        assert result.returncode == 1 and "Traceback" not in result.stderr
        clean(s)


def _branch(s, write):
    s.git.branch("cr-1")
    write()
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")


def test_held_effective_keeps_an_executable_mode_and_the_trail_agrees(tmp_path):
    """HELD. ``--effective`` on a document committed as 100755: the dated blob keeps the mode,
    the work tree is clean, the trail accepts the approval."""
    s = make_scenario(tmp_path)

    def write():
        s.files.doc(version="V1.1", body=body("修订"))
        os.chmod(s.root / DOC, 0o755)

    _branch(s, write)
    result, merged = approve(s, "cr-1", "liujing", "wangfang", "--effective", LATER)
    assert merged, result.stdout + result.stderr
    assert git(s, "ls-tree", "main", DOC).stdout.startswith("100755 blob ")
    assert f"effective_date: {LATER}\n" in git(s, "show", f"main:{DOC}").stdout
    clean(s)
    head = git(s, "rev-parse", "main").stdout.strip()
    event = next(e for e in trail_json(s)["events"] if e["commit"] == head)
    assert event["problems"] == []


def test_held_effective_on_front_matter_it_cannot_edit_writes_nothing(tmp_path):
    """HELD. effective_date written as a block value (``effective_date:\\n  2026-01-05``):
    set_front_matter refuses; a clear message, exit 2, main unmoved, nothing staged."""
    s = make_scenario(tmp_path)

    def write():
        s.files.doc(version="V1.1", body=body("修订"))
        text = (s.root / DOC).read_text()
        (s.root / DOC).write_text(
            text.replace("effective_date: 2026-01-05\n", "effective_date:\n  2026-01-05\n")
        )

    _branch(s, write)
    before = git(s, "rev-parse", "main").stdout.strip()
    result, merged = approve(s, "cr-1", "liujing", "wangfang", "--effective", LATER)
    assert not merged and result.returncode == 2, result.stdout + result.stderr
    assert "effective_date" in result.stderr and "Traceback" not in result.stderr
    assert git(s, "rev-parse", "main").stdout.strip() == before
    clean(s)
