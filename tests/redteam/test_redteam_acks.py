"""Red team: read-and-understood acknowledgements (阅知确认) an author with push access can make
look given, or given on time, in real Git histories. Each test fails while the hole is open."""

from __future__ import annotations

import csv
import io
import zipfile

from redteam_helpers import ack_scenario, owed

from ack_records import ack_path, ack_text
from history_helpers import body, cli

WANG = "王芳 <wang.fang@example.com>"


def _approve_v11(s, text: str, when: str = "2026-01-18") -> None:
    s.git.checkout("rev-V1.1")
    from builders import procedure

    s.files.write(
        "docs/procedures/test.md",
        procedure(version="V1.1", effective_date="2026-01-20", body=body(text)),
    )
    s.git.commit("修订 V1.1 定稿", who="zhaolei", date="2026-01-15T10:00:00+08:00")
    s.git.merge("rev-V1.1", "修订为 V1.1", date=f"{when}T15:00:00+08:00")


def test_backdated_committer_date_makes_a_late_acknowledgement_look_on_time(tmp_path):
    """王芳 acknowledges a month late but commits with GIT_COMMITTER_DATE set before the due day,
    on top of a main line already dated after it. The acknowledgement's day must be no earlier
    than the main-line commit it was pushed onto (2026-02-10), not the date she typed."""
    s = ack_scenario(tmp_path)
    s.git.commit("其他工作", who="liujing", date="2026-02-10T10:00:00+08:00")
    s.files.write(ack_path("wangfang"), ack_text("wangfang"))
    s.git.commit("阅知确认", who="wangfang", date="2026-01-09T10:00:00+08:00")  # backdated
    rows, _, _ = owed(s, "2026-02-20")
    given = rows["wangfang", "V1.0"].acknowledged
    assert given >= "2026-02-10", f"late acknowledgement dated {given}, before it reached main"


def test_acknowledging_a_version_before_it_is_approved_counts_for_the_rewritten_text(tmp_path):
    """王芳 acknowledges V1.1 while it is still a draft on a branch; the author then rewrites V1.1
    completely (same version number) and it is approved. Her acknowledgement of text she never
    read must not count: it was made before the version existed on the main branch."""
    s = ack_scenario(tmp_path)
    from builders import procedure

    s.git.branch("rev-V1.1")
    s.files.write(
        "docs/procedures/test.md",
        procedure(version="V1.1", effective_date="2026-01-20", body=body("初稿：沿用旧规定。")),
    )
    s.git.commit("修订 V1.1 初稿", who="zhaolei", date="2026-01-08T10:00:00+08:00")
    s.git.checkout("main")
    s.files.write(ack_path("wangfang", "V1.1"), ack_text("wangfang", "V1.1"))
    s.git.commit("阅知确认 V1.1", who="wangfang", date="2026-01-10T10:00:00+08:00")
    _approve_v11(s, "全新规定：所有变更须经变更咨询委员会批准。")
    rows, problems, _ = owed(s, "2026-02-20")
    assert rows["wangfang", "V1.1"].acknowledged == "", (
        "an acknowledgement committed before V1.1 was approved counts for V1.1",
        problems,
    )


def test_record_cherry_picked_and_amended_by_someone_else_keeps_counting(tmp_path):
    """赵磊 takes 王芳's acknowledgement commit from her branch, edits the record and amends it
    (git keeps her as the author; he is the committer), and pushes it to main. The text on main
    is his, not hers, so it must not count as her acknowledgement."""
    s = ack_scenario(tmp_path)
    s.git.branch("wf")
    s.files.write(ack_path("wangfang"), ack_text("wangfang"))
    s.git.commit("阅知确认", who="wangfang", date="2026-01-09T10:00:00+08:00")
    s.git.checkout("main")
    s.git.run("cherry-pick", "wf", who="zhaolei", date="2026-01-12T10:00:00+08:00")
    s.files.write(
        ack_path("wangfang"),
        ack_text("wangfang").replace("已阅读并理解。", "已阅读并理解，无异议。")
        + "training: TRN-2026-001\n",
    )
    s.git.run("add", "-A")
    s.git.run(
        "commit", "-q", "--amend", "--no-edit", f"--author={WANG}",
        who="zhaolei", date="2026-01-12T10:00:00+08:00",
    )  # fmt: skip
    assert s.git.run("log", "-1", "--format=%an|%cn") == "王芳|赵磊"
    rows, problems, _ = owed(s, "2026-02-20")
    assert rows["wangfang", "V1.0"].acknowledged == "", (
        "a record committed (and rewritten) by 赵磊 counts as 王芳's",
        problems,
    )


def test_forged_author_acknowledgement_shows_no_evidence_strength_in_the_audit_pack(tmp_path):
    """Without signatures 赵磊 commits an acknowledgement as 王芳 (author and committer typed by
    him); it counts and the audit pack says only 是. The pack must show how strong the evidence
    is (the trail's evidence column: unsigned, self-declared authorship)."""
    s = ack_scenario(tmp_path)
    s.files.write(ack_path("wangfang"), ack_text("wangfang"))
    # typed by 赵磊: GIT_AUTHOR_* and GIT_COMMITTER_* say 王芳, no signature
    s.git.commit("阅知确认", who="wangfang", date="2026-01-09T10:00:00+08:00")
    out = tmp_path / "pack.zip"
    made = cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-02-20", "-o", str(out))
    assert made.returncode == 0, made.stderr
    from doccontrol import catalogue

    cat = catalogue.load("zh")
    with zipfile.ZipFile(out) as pack:
        text = pack.read("acknowledgements/acknowledgements.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    # the column is named for what it proves about an acknowledgement (确认证据), not an
    # approval (批准证据); its values are the trail's evidence labels
    assert cat.text("acks.col.evidence") in header, header
    row = next(r for r in rows[1:] if r[0] == "ACK-SM-P-01-V1.0-wangfang")
    assert row[header.index(cat.text("acks.col.evidence"))] == cat.label(
        "label.evidence", "unsigned"
    ), row
