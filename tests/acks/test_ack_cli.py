"""``doccontrol ack`` and ``doccontrol ack-due`` as whole processes on real repositories."""

from __future__ import annotations

import csv
import io
import json

from ack_helpers import ack_scenario, approve_revision, write_ack

from history_helpers import cli


def as_user(s, who: str) -> None:
    from gitrepo import PEOPLE

    name, email = PEOPLE[who]
    s.git.run("config", "user.name", name)
    s.git.run("config", "user.email", email)


def test_ack_writes_and_commits_the_record_as_the_user(tmp_path):
    s = ack_scenario(tmp_path)
    as_user(s, "wangfang")
    done = cli(s.root, "ack", "SM-P-01")
    assert done.returncode == 0, done.stderr
    assert "ACK-SM-P-01-V1.0-wangfang" in done.stdout
    record = s.root / "records/acknowledgement/ACK-SM-P-01-V1.0-wangfang.yaml"
    text = record.read_text(encoding="utf-8")
    assert "person: wangfang" in text and 'version: "V1.0"' in text
    # the first line every record has: editors check it against its schema
    assert text.startswith("# yaml-language-server: $schema=../../schemas/records/")
    assert s.git.run("status", "--porcelain") == ""  # committed, nothing left over
    assert s.git.run("log", "-1", "--format=%ae") == "wang.fang@example.com"
    assert cli(s.root, "check", str(record.relative_to(s.root))).returncode == 0
    again = cli(s.root, "ack", "SM-P-01")
    assert again.returncode == 0 and "ACK-SM-P-01-V1.0-wangfang" in again.stdout
    due = cli(s.root, "ack-due", "--person", "wangfang", "--format", "json")
    assert json.loads(due.stdout)["owed"] == []


def test_ack_refuses_people_outside_the_distribution_and_old_versions(tmp_path):
    s = ack_scenario(tmp_path)
    as_user(s, "zhaolei")  # operations: not in the qa distribution
    refused = cli(s.root, "ack", "SM-P-01")
    assert refused.returncode == 2
    assert "zhaolei" in refused.stderr or "赵磊" in refused.stderr
    as_user(s, "liujing")
    approve_revision(s, "V1.1", "新的目的。", "2026-01-20")
    old = cli(s.root, "ack", "SM-P-01", "--version", "V1.0")
    assert old.returncode == 2 and "V1.1" in old.stderr
    assert not (s.root / "records/acknowledgement").exists()
    as_user(s, "outsider")
    nobody = cli(s.root, "ack", "SM-P-01")
    assert nobody.returncode == 2 and "mallory@evil.example" in nobody.stderr
    assert "Traceback" not in refused.stderr + old.stderr + nobody.stderr


def test_a_failed_commit_leaves_nothing_behind(tmp_path):
    # the rules in force (from the start) ask for signatures: ack signs, and the key is missing
    s = ack_scenario(tmp_path, "require_signed: false", "require_signed: true")
    as_user(s, "wangfang")
    hook = s.root / ".git/hooks/pre-commit"  # ack skips hooks; make git itself refuse instead
    hook.unlink(missing_ok=True)
    s.git.run("config", "user.signingkey", str(tmp_path / "no-such-key"))
    s.git.run("config", "gpg.format", "ssh")
    failed = cli(s.root, "ack", "SM-P-01")
    assert failed.returncode == 2, failed.stdout
    assert not (s.root / "records/acknowledgement/ACK-SM-P-01-V1.0-wangfang.yaml").exists()
    assert s.git.run("status", "--porcelain") == ""


def test_ack_due_formats_and_the_overdue_gate(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", date="2026-01-09T10:00:00+08:00")
    table = cli(s.root, "ack-due", "--today", "2026-02-01")
    assert table.returncode == 0
    assert "liujing" in table.stdout and "wangfang" not in table.stdout
    data = json.loads(cli(s.root, "ack-due", "--today", "2026-02-01", "--format", "json").stdout)
    assert [
        (o["person"], o["version"], o["since"], o["due"], o["overdue"]) for o in data["owed"]
    ] == [("liujing", "V1.0", "2026-01-05", "2026-01-19", True)]
    rows = list(
        csv.reader(
            io.StringIO(
                cli(s.root, "ack-due", "--today", "2026-02-01", "--all", "--format", "csv").stdout
            )
        )
    )
    assert len(rows) == 3 and {r[0] for r in rows[1:]} == {"SM-P-01"}
    gate = cli(s.root, "ack-due", "--today", "2026-02-01", "--fail-on", "overdue")
    assert gate.returncode == 1
    early = cli(s.root, "ack-due", "--today", "2026-01-10", "--fail-on", "overdue")
    assert early.returncode == 0
    one = json.loads(
        cli(
            s.root, "ack-due", "--today", "2026-02-01", "--person", "王芳", "--format", "json"
        ).stdout
    )
    assert one["owed"] == []
    unknown = cli(s.root, "ack-due", "--person", "nobody")
    assert unknown.returncode == 2 and "nobody" in unknown.stderr


def test_ack_due_reports_forged_records(tmp_path):
    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", by="liujing")
    result = cli(s.root, "ack-due", "--today", "2026-02-01", "--format", "json")
    data = json.loads(result.stdout)
    assert [p["code"] for p in data["problems"]] == ["DC540"]
    assert {o["person"] for o in data["owed"]} == {"liujing", "wangfang"}
    text = cli(s.root, "ack-due", "--today", "2026-02-01")
    assert "DC540" in text.stderr


def test_audit_pack_holds_the_acknowledgements_of_the_period(tmp_path):
    import zipfile

    s = ack_scenario(tmp_path)
    write_ack(s, "wangfang", date="2026-01-09T10:00:00+08:00")
    write_ack(s, "liujing", by="wangfang", date="2026-01-10T10:00:00+08:00")  # forged
    out = tmp_path / "pack.zip"
    made = cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-01-31", "-o", str(out))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(out) as pack:
        given = pack.read("acknowledgements/acknowledgements.csv").decode("utf-8-sig")
        owed = pack.read("acknowledgements/outstanding.csv").decode("utf-8-sig")
        summary = pack.read("acknowledgements/README.md").decode("utf-8")
    rows = list(csv.reader(io.StringIO(given)))[1:]
    assert [(r[0], r[3], r[4], r[6], r[7], r[8]) for r in rows] == [
        ("ACK-SM-P-01-V1.0-wangfang", "wangfang", "2026-01-09", "是", "", "未签名（依赖分支保护）"),
        ("ACK-SM-P-01-V1.0-liujing", "liujing", "2026-01-10", "否", "DC540", "无"),
    ]
    assert [r[3] for r in list(csv.reader(io.StringIO(owed)))[1:]] == ["liujing"]
    assert "SM-P-01" in summary and "1/2" in summary
    assert cli(s.root, "audit-pack", "--verify", str(out)).returncode == 0


def test_a_title_cannot_write_lines_of_the_packs_acknowledgement_summary(tmp_path):
    """A title with line breaks and an HTML comment added a forged 'all acknowledged' line to
    acknowledgements/README.md and hid the true one when rendered: it stays on its line, as
    typed, and the true count follows it."""
    import shutil
    import zipfile

    from builders import PROJECT, RepoBuilder
    from history_helpers import Scenario

    hostile = '"测试程序 V1.0: 2/2\\n- SM-P-02 其他程序 V2.0: 6/6\\n\\n<!--"'
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc(title=hostile)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        s.root / "schemas/records/acknowledgement.schema.json",
    )
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T10:00:00+08:00")
    out = tmp_path / "pack.zip"
    made = cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-01-31", "-o", str(out))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(out) as pack:
        summary = pack.read("acknowledgements/README.md").decode("utf-8")
    (line,) = [x for x in summary.splitlines() if x.startswith("- ")]
    assert line == (
        "- SM-P-01 ` 测试程序 V1.0: 2/2 - SM-P-02 其他程序 V2.0: 6/6 <!-- ` V1.0: 0/2"
        "（尚未确认：` 刘静 `、` 王芳 `）"
    )
    assert "<!--" not in summary.replace(line, "")


def test_an_acknowledgement_on_a_branch_is_said_to_count_once_it_reaches_main(tmp_path):
    s = ack_scenario(tmp_path)
    as_user(s, "wangfang")
    s.git.branch("ack-branch")
    assert cli(s.root, "ack", "SM-P-01").returncode == 0  # committed on the branch
    again = cli(s.root, "ack", "SM-P-01", env={"LC_ALL": "en_US.UTF-8"})
    assert again.returncode == 2
    assert "is not on the main branch yet" in again.stderr, again.stderr
    assert "does not count" not in again.stderr


def test_what_is_owed_is_judged_by_the_rules_in_force_not_the_work_tree(tmp_path):
    """A direct commit of doccontrol.yml, or an edit not even committed, that exempts every
    version owes nothing new: ack-due still lists 刘静 as overdue."""
    s = ack_scenario(tmp_path)

    def owed() -> list[str]:
        done = cli(s.root, "ack-due", "--today", "2026-02-01", "--format", "json")
        assert done.returncode == 0, done.stderr
        return [o["person"] for o in json.loads(done.stdout)["owed"] if o["overdue"]]

    assert sorted(owed()) == ["liujing", "wangfang"]
    exempt = (
        "exempt: [front-matter, editorial]",
        "exempt: [front-matter, editorial]\n  since: 2099-01-01",
    )
    s.set_config(*exempt)
    assert sorted(owed()) == ["liujing", "wangfang"]  # not committed
    s.git.commit("不再要求阅知确认", who="zhaolei", date="2026-01-25T10:00:00+08:00")
    assert sorted(owed()) == ["liujing", "wangfang"]  # committed, nobody approved it
