"""Red team: ways to make an acknowledgement look given, or given on time, when it was not.

The principle: an acknowledgement counts only when the person wrote it and nobody else changed
it, of a version that was approved before they wrote it; its day is when it reached the main
line, which nobody can move back. Each variant is a real Git history."""

from __future__ import annotations

import csv
import io
import json
import subprocess

from ack_helpers import ack_scenario, approve_revision, write_ack
from test_counting import owed

from ack_records import ack_path, ack_text
from history_helpers import cli


def _writers(s, rev: str = "HEAD") -> tuple[str, str]:
    return tuple(s.git.run("log", "-1", "--format=%an%x00%cn", rev).split("\0"))  # type: ignore[return-value]


# --- the day: a time the writer cannot move back ----------------------------------------


def test_a_backdated_acknowledgement_is_dated_when_it_reached_main(tmp_path):
    """王芳 is late (due 2026-01-19); main moved on to the 25th; she commits her record with
    GIT_COMMITTER_DATE set to the 10th. It counts, from the 25th, and the date is reported."""
    s = ack_scenario(tmp_path)
    s.git.commit("其他工作", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    write_ack(s, "wangfang", date="2026-01-10T10:00:00+08:00")
    rows, problems, records = owed(s, "2026-01-26")
    assert problems == ["DC543"]
    assert records[0].counted and records[0].day == "2026-01-25"
    assert rows["wangfang", "V1.0"].acknowledged == "2026-01-25"
    on_the_20th, _, _ = owed(s, "2026-01-20")
    assert on_the_20th["wangfang", "V1.0"].acknowledged == ""
    assert on_the_20th["wangfang", "V1.0"].overdue is True
    (problem,) = records[0].problems
    assert dict(problem.args)["claimed"] == "2026-01-10"
    assert dict(problem.args)["day"] == "2026-01-25"


def test_the_line_date_survives_the_cache(tmp_path):
    """The running maximum is part of the cached state: a backdated commit read on top of a
    cached history is judged as a fresh derivation judges it."""
    from doccontrol.history.derive import derive
    from doccontrol.load import repository

    s = ack_scenario(tmp_path)
    s.git.commit("其他工作", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    s.history()  # written to the cache
    write_ack(s, "wangfang", date="2026-01-10T10:00:00+08:00")
    cached = s.history()  # extended from it
    (change,) = cached.acknowledgements
    assert (change.date, change.claimed) == (
        "2026-01-25T10:00:00+08:00",
        "2026-01-10T10:00:00+08:00",
    )
    fresh = derive(s.root, repository.load(s.root, only=set()).config, use_cache=False)
    assert fresh.acknowledgements == cached.acknowledgements


def test_dates_are_compared_as_moments_not_as_text(tmp_path):
    """A later moment written in another time zone reads as an earlier day: not backdated."""
    s = ack_scenario(tmp_path)
    s.git.commit("其他工作", who="zhaolei", date="2026-01-25T01:00:00+08:00")  # 24th 17:00 UTC
    write_ack(s, "wangfang", date="2026-01-24T20:00:00+00:00")  # 25th 04:00 in +08:00
    rows, problems, _ = owed(s, "2026-01-26")
    assert problems == []
    assert rows["wangfang", "V1.0"].acknowledged == "2026-01-24"  # the day where she was


def test_a_backdated_approval_takes_effect_when_it_reached_main(tmp_path):
    """The same day for approvals: a merge dated before the main line's last commit is
    approved (and takes effect) no earlier than that commit. One answer for every date."""
    s = ack_scenario(tmp_path)
    s.git.commit("其他工作", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    approve_revision(s, "V1.1", "新的目的。", "2026-01-10")  # merged with a date in early January
    history = s.history()
    revision = history.documents["SM-P-01"].revisions[-1]
    assert revision.approved and revision.date == "2026-01-25T10:00:00+08:00"
    assert "DC520" in {p.code for p in revision.problems}  # effective before its approval
    rows, _, _ = owed(s, "2026-02-20")
    assert rows["wangfang", "V1.1"].since == "2026-01-25"


# --- who wrote it --------------------------------------------------------------------------


def test_a_record_amended_by_someone_else_does_not_count(tmp_path):
    """刘静 amends 王芳's commit: git keeps 王芳 as its author, but the text is 刘静's."""
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang")
    s.files.write(ack_path("wangfang"), ack_text("wangfang").replace("已阅读并理解。", "已阅读。"))
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "--amend", "--no-edit", who="liujing", date=s.git.next_date())
    assert _writers(s) == ("王芳", "刘静")
    rows, problems, records = owed(s)
    assert problems == ["DC540"]
    assert rows["wangfang", "V1.0"].acknowledged == ""
    assert records[0].evidence == "none"


def test_a_record_amended_on_its_branch_by_someone_else_does_not_count(tmp_path):
    s = ack_scenario(tmp_path)
    s.git.branch("ack-wangfang")
    write_ack(s, "wangfang")
    s.git.run("commit", "-q", "--amend", "--no-edit", who="zhaolei", date=s.git.next_date())
    s.git.merge("ack-wangfang", "阅知确认")
    rows, problems, _ = owed(s)
    assert problems == ["DC540"]
    assert rows["wangfang", "V1.0"].acknowledged == ""


def test_a_record_cherry_picked_or_rebased_by_someone_else_does_not_count(tmp_path):
    """Author kept, committer differs: whoever made the commit could have changed the text."""
    s = ack_scenario(tmp_path)
    s.git.branch("ack-wangfang")
    mine = write_ack(s, "wangfang")
    s.git.checkout("main")
    s.git.run("cherry-pick", mine, who="liujing", date=s.git.next_date())
    assert _writers(s) == ("王芳", "刘静")
    rows, problems, _ = owed(s)
    assert problems == ["DC540"]
    assert rows["wangfang", "V1.0"].acknowledged == ""
    # rebased onto main by someone else, then merged: the same
    s.git.branch("ack-liujing", start=mine + "~1")
    write_ack(s, "liujing")
    s.git.run("rebase", "-q", "main", who="zhaolei", date=s.git.next_date())
    s.git.merge("ack-liujing", "阅知确认", who="wangfang", approvers=("wangfang",))
    rows, problems, _ = owed(s)
    assert problems == ["DC540", "DC540"]
    assert rows["liujing", "V1.0"].acknowledged == ""


def test_a_squash_merge_by_someone_else_is_that_persons_writing(tmp_path):
    """A squash commit is a new commit by the merger: the person's own commits are gone from
    the line. It counts as the merger's, even when the merger puts the person as its author."""
    s = ack_scenario(tmp_path)
    s.git.branch("ack-wangfang")
    write_ack(s, "wangfang")
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "ack-wangfang", who="liujing")
    s.git.run("commit", "-q", "-m", "阅知确认（压缩合并）", who="liujing", date=s.git.next_date())
    rows, problems, _ = owed(s)
    assert problems == ["DC540"]
    assert rows["wangfang", "V1.0"].acknowledged == ""
    s.git.branch("ack-liujing")
    write_ack(s, "liujing")
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "ack-liujing", who="zhaolei")
    s.git.run(
        "commit",
        "-q",
        "-m",
        "阅知确认（压缩合并）",
        "--author",
        "刘静 <liu.jing@example.com>",
        who="zhaolei",
        date=s.git.next_date(),
    )
    assert _writers(s) == ("刘静", "赵磊")
    rows, problems, _ = owed(s)
    assert problems == ["DC540", "DC540"]
    assert rows["liujing", "V1.0"].acknowledged == ""


def test_revert_and_re_add(tmp_path):
    """Someone else's revert removes the acknowledgement (the person owes again); a revert of
    the revert by them is their writing, not hers; her own re-adding counts."""
    s = ack_scenario(tmp_path)
    mine = write_ack(s, "wangfang")
    s.git.run("revert", "--no-edit", mine, who="liujing", date=s.git.next_date())
    rows, problems, _ = owed(s)
    assert (problems, rows["wangfang", "V1.0"].acknowledged) == ([], "")
    s.git.run("revert", "--no-edit", "HEAD", who="liujing", date=s.git.next_date())
    rows, problems, _ = owed(s)
    assert (problems, rows["wangfang", "V1.0"].acknowledged) == (["DC540"], "")
    s.git.run("rm", "-q", ack_path("wangfang"))
    s.git.commit("撤回", who="liujing")
    write_ack(s, "wangfang")
    rows, problems, _ = owed(s)
    assert problems == []
    assert rows["wangfang", "V1.0"].acknowledged


def test_a_record_renamed_by_someone_else_does_not_count(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang")
    renamed = "records/acknowledgement/ACK-SM-P-01-V1.0-wangfang-2.yaml"
    s.git.run("mv", ack_path("wangfang"), renamed)
    s.git.commit("整理", who="liujing")
    rows, problems, records = owed(s)
    assert problems == ["DC540"]
    assert [r.path for r in records] == [renamed]
    assert rows["wangfang", "V1.0"].acknowledged == ""
    # renamed back by her own hand: hers again
    s.git.run("mv", renamed, ack_path("wangfang"))
    s.git.commit("改回", who="wangfang")
    rows, problems, _ = owed(s)
    assert problems == []
    assert rows["wangfang", "V1.0"].acknowledged


def test_an_acknowledgement_of_a_version_approved_later_does_not_count(tmp_path):
    """王芳 acknowledges V1.1 while it is still a draft on its branch; the text she read is not
    what was approved afterwards."""
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", version="V1.1")
    approve_revision(s, "V1.1", "新的目的。", "2026-01-20")
    rows, problems, records = owed(s, "2026-02-20")
    assert problems == ["DC542"]
    assert records[0].problems[0].key == "problem.DC542.early"
    assert rows["wangfang", "V1.1"].acknowledged == ""
    # acknowledged again after the approval: counts
    s.files.write(ack_path("wangfang", "V1.1"), ack_text("wangfang", "V1.1") + "training: X\n")
    s.git.commit("重新确认", who="wangfang")
    rows, problems, _ = owed(s, "2026-02-20")
    assert problems == ["DC542"]  # the record first named V1.1 before it was approved
    s.git.run("rm", "-q", ack_path("wangfang", "V1.1"))
    s.git.commit("删除", who="wangfang")
    write_ack(s, "wangfang", version="V1.1")
    rows, problems, _ = owed(s, "2026-02-20")
    assert problems == []
    assert rows["wangfang", "V1.1"].acknowledged


def test_an_acknowledgement_by_someone_outside_the_distribution_changes_no_count(tmp_path):
    """赵磊 is not in SM-P-01's distribution (qa): his own record is no problem, and it is
    owed by nobody, so it changes neither the count nor anyone's state."""
    s = ack_scenario(tmp_path)
    write_ack(s, "zhaolei")
    rows, problems, records = owed(s)
    assert problems == []
    assert records[0].counted
    assert set(rows) == {("liujing", "V1.0"), ("wangfang", "V1.0")}
    assert not any(o.done for o in rows.values())


# --- how strong the evidence is ------------------------------------------------------------


def test_evidence_signed_by_the_person_or_unsigned(tmp_path):
    key = tmp_path / "liu"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    liu, liu_pub = key, (tmp_path / "liu.pub").read_text().strip()
    s = ack_scenario(
        tmp_path,
        "department: qa, roles: [management-representative, department-head]}",
        "department: qa, roles: [management-representative, department-head], "
        f'signing_keys: ["{liu_pub}"]}}',
    )
    write_ack(s, "wangfang")
    s.files.write(ack_path("liujing"), ack_text("liujing"))
    s.git.run("add", "-A")
    _signed_commit(s, liu, "阅知确认")
    rows, problems, _ = owed(s)
    assert problems == []
    assert rows["liujing", "V1.0"].evidence == "person-signed"
    assert rows["wangfang", "V1.0"].evidence == "unsigned"
    table = cli(s.root, "ack-due", "--all", "--today", "2026-02-01")
    assert table.returncode == 0, table.stderr
    lines = {line.split()[3]: line for line in table.stdout.splitlines() if "SM-P-01" in line}
    assert "本人签名" in lines["刘静"] and "未签名（依赖分支保护）" in lines["王芳"]
    data = json.loads(cli(s.root, "ack-due", "--all", "--format", "json").stdout)
    assert {o["person"]: o["evidence"] for o in data["owed"]} == {
        "liujing": "person-signed",
        "wangfang": "unsigned",
    }
    csv_text = cli(s.root, "ack-due", "--all", "--format", "csv").stdout
    assert next(csv.reader(io.StringIO(csv_text)))[-1] == "确认证据"
    assert "本人签名" in csv_text
    # someone else's signature on 王芳's record is no evidence that she wrote it
    s.files.write(ack_path("wangfang"), ack_text("wangfang") + "training: X\n")
    s.git.run("add", "-A")
    _signed_commit(s, liu, "代为补充", "--author", "王芳 <wang.fang@example.com>")
    rows, problems, _ = owed(s)
    assert problems == ["DC541"]
    assert rows["wangfang", "V1.0"].evidence == ""


def _signed_commit(s, key, message, *extra):  # type: ignore[no-untyped-def]
    """A commit by 刘静 signed with her SSH key ``key`` (``extra``: more commit options)."""
    s.git.run(
        "-c",
        "gpg.format=ssh",
        "-c",
        f"user.signingkey={key}",
        "commit",
        "-S",
        "-q",
        *extra,
        "-m",
        message,
        who="liujing",
        date=s.git.next_date(),
    )


# --- one truth: the trail reports them like every other history problem ------------------


def test_trail_lists_acknowledgement_problems_and_strict_fails_on_them(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang")
    assert cli(s.root, "trail", "--strict").returncode == 0
    write_ack(s, "liujing", by="zhaolei", date="2026-01-20T10:00:00+08:00")  # forged
    shown = cli(s.root, "trail", "--strict")
    assert shown.returncode == 1
    assert "DC540" in shown.stdout and "ACK-SM-P-01-V1.0-liujing" in shown.stdout
    data = json.loads(cli(s.root, "trail", "--format", "json").stdout)
    assert [p["code"] for p in data["record_problems"]] == ["DC540"]
    assert data["record_problems"][0]["person"] == "liujing"
    # the trail's filters apply: the day the commit reached main, and the person
    for args, expected in [
        (("--since", "2026-01-21"), []),
        (("--until", "2026-01-20"), ["DC540"]),
        (("--person", "王芳"), []),
        (("--person", "liu.jing@example.com"), ["DC540"]),
    ]:
        found = json.loads(cli(s.root, "trail", "--format", "json", *args).stdout)
        assert [p["code"] for p in found["record_problems"]] == expected, args
    # ack-due reports the very same problems
    due = json.loads(cli(s.root, "ack-due", "--format", "json").stdout)
    assert due["problems"] == data["record_problems"]


def test_no_acknowledgement_section_no_acknowledgement_problems(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "liujing", by="zhaolei")
    config = s.root / "doccontrol.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("acknowledgement:")
    end = text.index("\n", text.index("exempt:", start))
    config.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=s.root, check=True)
    shown = cli(s.root, "trail", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["record_problems"] == []


def test_a_direct_commit_taking_acknowledgement_out_does_not_silence_its_problems(tmp_path):
    # the eleventh attacker: the trail asked the work tree's configuration whether
    # acknowledgements are kept; the approved one decides
    s = ack_scenario(tmp_path)
    write_ack(s, "liujing", by="zhaolei", date="2026-01-20T10:00:00+08:00")  # forged
    config = s.root / "doccontrol.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("acknowledgement:")
    end = text.index("\n", text.index("exempt:", start))
    config.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    s.git.commit("精简配置", who="zhaolei", date="2026-01-21T10:00:00+08:00")
    data = json.loads(cli(s.root, "trail", "--format", "json").stdout)
    assert [p["code"] for p in data["record_problems"]] == ["DC540"]
