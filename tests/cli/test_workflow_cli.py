"""Author, approver and auditor workflows as people run them, on real Git repositories."""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builders import PROJECT, SECTIONS
from history_helpers import body

# approve merges now: the 发布实施日期 it sets is today
TODAY = datetime.date.today().isoformat()


def run(cwd, *args, env=None):
    # pinned to English: these tests read the catalogue's English texts
    full = {**os.environ, "LC_ALL": "en_US.UTF-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env=full,
    )


# --- new, new-record, bump ------------------------------------------------------------


def test_new_document_gets_next_id_skeleton_and_validates(repo):
    result = run(repo.root, "new", "procedure", "服务退出管理程序", "--owner", "business")
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip()
        == "created SM-P-02 服务退出管理程序 (V0.1 draft) at docs/procedures/sm-p-02.md"
    )
    text = (repo.root / "docs/procedures/sm-p-02.md").read_text()
    assert (
        "version: V0.1\nstatus: draft\n" in text and "approver: [management-representative]" in text
    )
    assert [line for line in text.splitlines() if line.startswith("## ")] == [
        f"## {n} {s}" for n, s in enumerate(SECTIONS, 1)
    ]
    assert run(repo.root, "check", "docs/procedures/sm-p-02.md").returncode == 0


def test_new_work_instruction_needs_its_procedure(repo):
    missing = run(repo.root, "new", "work-instruction", "重大事件通报")
    assert missing.returncode == 2
    assert "give --parent N" in missing.stderr
    made = run(
        repo.root,
        "new",
        "work-instruction",
        "重大事件通报",
        "--parent",
        "21",
        "--owner",
        "service-desk",
    )
    assert "created SM-W-21-01" in made.stdout


def test_new_with_unknown_type_or_department(repo):
    assert run(repo.root, "new", "memo", "x").stderr.startswith(
        "doccontrol: error: unknown document type 'memo'"
    )
    assert run(repo.root, "new", "procedure", "x", "--owner", "legal").stderr.startswith(
        "doccontrol: error: unknown department 'legal'"
    )


def test_new_writes_any_title_as_text_that_reads_back_equal(repo):
    # a plain scalar would read as null, a number, a date, a boolean (YAML 1.1's yes)
    from doccontrol.load.frontmatter import split_text
    from doccontrol.load.yaml_source import safe_load

    titles = ("null", "123", "2026-01-01", "yes", "~", "a: b", "#注释", "'x", '服务 "退出"')
    for n, title in enumerate(titles, 2):
        made = run(repo.root, "new", "procedure", title)
        assert made.returncode == 0, made.stderr
        path = repo.root / f"docs/procedures/sm-p-{n:02d}.md"
        cut = split_text(path.read_text(encoding="utf-8"))
        assert cut is not None and safe_load(cut[0])["title"] == title
    checked = run(repo.root, "check", "docs/procedures")
    assert checked.returncode == 0, checked.stdout
    # the writer itself, for text the command refuses: escaped, still one line, read back
    from doccontrol.authoring import _yaml_scalar

    for text in ("第一行\n第二行", "x\x1b[31m", "\u2028", " 前后 ", "1e3", ".inf", "0x1F"):
        written = _yaml_scalar(text)
        assert "\n" not in written and safe_load(f"v: {written}\n") == {"v": text}


def test_new_refuses_a_title_with_control_characters_and_writes_nothing(repo):
    before = sorted((repo.root / "docs").rglob("*"))
    for title in ("第一行\n第二行", "标题\x1b[31m", "a\tb", "\u202e反转"):
        refused = run(repo.root, "new", "procedure", title)
        assert refused.returncode == 2 and refused.stdout == ""
        assert refused.stderr.startswith(f"doccontrol: error: the title {title!r} holds a control")
    assert sorted((repo.root / "docs").rglob("*")) == before


def test_new_record_stubs_required_fields_with_next_id(repo):
    repo.record("INC-2026-0001")
    repo.record("INC-2026-0099")  # numbers are never reused: the next is after the highest
    repo.record("INC-2025-0400")  # another year's sequence
    result = run(repo.root, "new-record", "incident", "--date", "2026-05-01")
    assert result.returncode == 0
    text = (repo.root / "records/incident/INC-2026-0100.yaml").read_text()
    assert "id: INC-2026-0100  # 编号" in text and "reported: 2026-05-01  # 报告日期" in text
    # nothing that reads as an assessment (no P1): empty, and check asks for it
    assert "priority:  # 优先级" in text and "title:  # 标题" in text
    check = run(repo.root, "check", "records/incident/INC-2026-0100.yaml")
    assert check.returncode == 1
    assert "'priority' (优先级) must be one of P1, P2, P3, P4" in check.stdout
    assert "'title' (标题) must be text, not empty" in check.stdout
    assert run(repo.root, "new-record", "nope").stderr.startswith(
        "doccontrol: error: unknown record type 'nope'"
    )
    assert run(repo.root, "new-record", "incident", "--date", "2026-13-01").returncode == 2


def test_bump_changes_only_the_version_keeping_comments_and_quotes(repo):
    path = repo.root / "docs/procedures/test.md"
    original = (
        path.read_text()
        .replace("version: V1.0", "version: 'V1.0'  # 修订时升版")
        .replace("title: 测试程序", 'title: "测试程序"  # 名称')
    )
    path.write_text(original)
    result = run(repo.root, "bump", "SM-P-01")
    assert result.stdout.strip() == "SM-P-01: V1.0 → V1.1 (docs/procedures/test.md)"
    assert path.read_text() == original.replace("'V1.0'", "'V1.1'")
    assert (
        run(repo.root, "bump", "SM-P-01", "--major")
        .stdout.strip()
        .endswith("V1.1 → V2.0 (docs/procedures/test.md)")
    )
    wrong = run(repo.root, "bump", "SM-P-01", "--edition")
    assert wrong.returncode == 2 and "is bumped with --minor / --major" in wrong.stderr
    assert (
        run(repo.root, "bump", "SM-P-77").stderr.strip()
        == "doccontrol: error: no document SM-P-77 in docs/"
    )


def test_bump_never_leaves_a_half_written_file(repo, monkeypatch):
    from doccontrol.cli import output

    path = repo.root / "docs/procedures/test.md"
    before = path.read_bytes()

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(output.os, "replace", failing_replace)
    # said as a usage error naming the file and the system's reason, never a traceback
    with pytest.raises(output.UsageError) as raised:
        output.write_atomic(path, b"half")
    assert raised.value.key == "cli.error.output-failed"
    assert raised.value.values == {"path": str(path), "detail": "disk full"}
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


# --- the version-bump hook through the real pre-commit ------------------------------------


def _with_hooks(scenario):
    root = scenario.root
    shutil.copytree(
        PROJECT / "tools/doccontrol",
        root / "tools/doccontrol",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(PROJECT / "tools/run-doccontrol.py", root / "tools/run-doccontrol.py")
    shutil.copy(PROJECT / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")
    scenario.git.commit("hooks", date="2026-01-01T11:00:00+08:00")
    pre_commit = Path(sys.executable).parent / "pre-commit"
    env = {**os.environ, "PATH": f"{pre_commit.parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([str(pre_commit), "install"], cwd=root, check=True, capture_output=True, env=env)


def test_version_bump_hook_through_pre_commit(scenario):
    _with_hooks(scenario)
    scenario.git.branch("cr-1")
    scenario.files.doc(body=body("改了正文却没升版"))
    scenario.git.run("add", "-A")
    blocked = scenario.git.attempt("commit", "-m", "改正文", who="zhaolei")
    assert blocked.returncode != 0
    assert (
        # the hook runs under the tests' pinned locale (Chinese)
        "DC511 SM-P-01 的正文自 main（V1.0）以来有改动，但版本仍是 V1.0；请运行：doccontrol bump SM-P-01 --minor"
        in blocked.stdout + blocked.stderr
    )
    assert run(scenario.root, "bump", "SM-P-01").returncode == 0
    scenario.git.run("add", "-A")
    passed = scenario.git.attempt("commit", "-m", "改正文并升版", who="zhaolei")
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_draft_made_effective_on_main_is_refused(scenario):
    scenario.files.doc(version="V0.1", status="draft", body=body("草稿"))
    scenario.git.commit("草稿", date="2026-01-01T12:00:00+08:00")
    scenario.files.doc(version="V1.0", status="effective", body=body("草稿"))
    result = run(scenario.root, "check-versions", "docs/procedures/test.md")
    assert result.returncode == 1
    assert (
        "docs/procedures/test.md:6:1: DC515 SM-P-01 becomes effective only through approval"
        in result.stdout
    )
    scenario.git.branch("release-v1")
    assert run(scenario.root, "check-versions", "docs/procedures/test.md").returncode == 0


# --- approve ------------------------------------------------------------------------------


def _branch_with_change(scenario, who="zhaolei", version="V1.1", effective="2026-03-10"):
    scenario.git.branch("cr-9")
    scenario.files.doc(version=version, body=body("批准前的修订"), effective_date=effective)
    scenario.git.commit("修订目的", who=who)
    scenario.git.checkout("main")


def _approved_change(scenario):
    """SM-P-01 V1.1, changed by zhaolei and approved by merge on 2026-03-10."""
    _branch_with_change(scenario)
    scenario.git.merge(
        "cr-9",
        "修订",
        approvers=("liujing",),
        reviewers=("wangfang",),
        date="2026-03-10T10:00:00+08:00",
    )


def _identity(scenario, person):
    from gitrepo import PEOPLE

    name, email = PEOPLE[person]
    subprocess.run(["git", "config", "user.name", name], cwd=scenario.root, check=True)
    subprocess.run(["git", "config", "user.email", email], cwd=scenario.root, check=True)


def test_approve_merges_with_trailers_and_the_history_counts_it(scenario):
    _branch_with_change(scenario)
    _identity(scenario, "liujing")
    result = run(
        scenario.root,
        "approve",
        "cr-9",
        "--reviewer",
        "wangfang",
        "--title",
        "修订测试程序",
        "--effective",
        TODAY,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "Approved-by: 刘静 <liu.jing@example.com>; Reviewed-by: 王芳 <wang.fang@example.com>"
        in result.stdout
    )
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert (rev.kind, rev.version, rev.approved, rev.change, rev.problems) == (
        "approval",
        "V1.1",
        True,
        "修订测试程序",
        (),
    )


def test_approve_takes_a_document_moved_to_another_file_with_its_date(scenario):
    # the version and its 发布实施日期 stand (history keeps them); approve asked for
    # --effective, taking the move for a new version with a stale date
    scenario.git.branch("cr-mv")
    (scenario.root / "docs/procedures/test.md").rename(scenario.root / "docs/procedures/moved.md")
    scenario.git.commit("移动", who="zhaolei")
    scenario.git.checkout("main")
    _identity(scenario, "liujing")
    result = run(scenario.root, "approve", "cr-mv", "--reviewer", "wangfang")
    assert result.returncode == 0, result.stdout + result.stderr
    history = scenario.history()
    doc = history.documents["SM-P-01"]
    assert doc.path == "docs/procedures/moved.md"
    assert not [p for e in history.events for p in e.problems], history.events[-1].problems


def test_approve_refuses_self_approval_missing_role_and_missing_bump(scenario):
    _branch_with_change(scenario, who="liujing", version="V1.0")
    _identity(scenario, "liujing")
    refused = run(scenario.root, "approve", "cr-9", "--reviewer", "wangfang")
    assert refused.returncode == 1
    assert refused.stdout.splitlines() == [
        "not approved: cr-9",
        "  - 刘静 wrote commits on cr-9; someone else must approve it (segregation of duties)",
        "  - SM-P-01: text changed but the version did not go up from V1.0 (doccontrol bump SM-P-01)",
    ]
    _identity(scenario, "sunyue")
    no_role = run(scenario.root, "approve", "cr-9", "--reviewer", "wangfang")
    assert (
        # the role by its name, never its id
        "  - SM-P-01: 孙悦 holds none of the approver roles (Management Representative)"
        in no_role.stdout
    )
    assert scenario.git.run("rev-list", "--count", "main") == "1"  # nothing was merged


def test_approve_refuses_a_reviewer_who_is_the_approver(scenario):
    """The review require_review asks for is a second person's: the approver naming herself
    (or a co-approver) as reviewer is refused, as history would not count it (DC505)."""
    _branch_with_change(scenario)
    _identity(scenario, "liujing")
    refused = run(scenario.root, "approve", "cr-9", "--reviewer", "liujing")
    assert refused.returncode == 1
    assert "  - reviewer 刘静 is also an approver; the review must be someone else's" in (
        refused.stdout.splitlines()
    )
    refused = run(
        scenario.root, "approve", "cr-9", "--reviewer", "chenmy", "--co-approver", "chenmy"
    )
    assert "  - reviewer 陈明远 is also an approver; the review must be someone else's" in (
        refused.stdout.splitlines()
    )
    assert scenario.git.run("rev-list", "--count", "main") == "1"  # nothing was merged


def test_approve_refuses_an_invalid_branch_and_bad_usage(scenario):
    scenario.git.branch("cr-bad")
    scenario.files.doc(version="V1.1", status="efective", body=body("x"))
    scenario.git.commit("坏的状态", who="zhaolei")
    scenario.git.checkout("main")
    _identity(scenario, "liujing")
    bad = run(scenario.root, "approve", "cr-bad", "--reviewer", "wangfang")
    assert bad.returncode == 1 and "DC104 'status' (状态) must be one of" in bad.stdout
    assert (
        run(scenario.root, "approve", "nope", "--reviewer", "wangfang").stderr.strip()
        == "doccontrol: error: no branch 'nope'"
    )
    assert "name the reviewer with --reviewer" in run(scenario.root, "approve", "cr-bad").stderr
    scenario.git.checkout("cr-bad")
    assert (
        run(scenario.root, "approve", "cr-bad", "--reviewer", "wangfang").stderr.strip()
        == "doccontrol: error: check out main first: approval merges into main"
    )


# --- show, diff -------------------------------------------------------------------------------


def test_show_as_of_and_diff(scenario):
    _approved_change(scenario)
    before = run(scenario.root, "show", "SM-P-01", "--as-of", "2026-03-01")
    assert before.returncode == 0
    assert before.stdout.splitlines()[1].startswith(
        "# version V1.0 · the baseline taken into control on 2026-01-01"
    )
    after = run(scenario.root, "show", "SM-P-01", "--as-of", "2026-03-10")
    assert after.stdout.splitlines()[1].startswith(
        "# version V1.1 · approved by 刘静 on 2026-03-10"
    )
    assert "批准前的修订" in after.stdout and "批准前的修订" not in before.stdout
    early = run(scenario.root, "show", "SM-P-01", "--as-of", "2025-12-01").stderr
    assert "no approved version in force on 2025-12-01" in early
    assert "first appears on 2026-01-01" in early  # the baseline's day, not the first approval's
    assert run(scenario.root, "show", "SM-P-01", "--as-of", "2026-02-30").returncode == 2
    diff = run(scenario.root, "diff", "SM-P-01", "V1.0", "V1.1")
    assert diff.returncode == 0
    # each side says whether its text was approved
    header = diff.stdout.splitlines()[0]
    assert header.startswith("SM-P-01 测试程序: V1.0 (")
    assert header.endswith(", 2026-03-10, approved)")
    assert ", 2026-01-01, pre-control baseline, never approved) → V1.1 (" in header
    assert diff.stdout.splitlines()[2:] == [
        "## Changed: 1 目的",
        "  @@ -1 +1 @@",
        "  -目的的内容。",
        "  +批准前的修订",
    ]
    assert (
        "has no version V3.0 in Git (versions: V1.0, V1.1)"
        in run(scenario.root, "diff", "SM-P-01", "V1.0", "V3.0").stderr
    )


def test_diff_reads_a_withdrawn_version_from_before_its_withdrawal(scenario):
    # the withdrawal carries the version it withdrew (V1.1), whose text its commit no longer
    # holds: diff chose that revision and said the version was unreadable
    _approved_change(scenario)
    scenario.git.branch("cr-10")
    (scenario.root / "docs/procedures/test.md").unlink()
    scenario.git.commit("废止", who="zhaolei")
    scenario.git.checkout("main")
    scenario.git.merge(
        "cr-10",
        "废止测试程序",
        approvers=("liujing",),
        reviewers=("wangfang",),
        date="2026-04-01T10:00:00+08:00",
    )
    diff = run(scenario.root, "diff", "SM-P-01", "V1.0", "V1.1")
    assert diff.returncode == 0, diff.stderr
    # the approval of V1.1, not its withdrawal
    assert diff.stdout.splitlines()[0].endswith(", 2026-03-10, approved)")
    assert "  +批准前的修订" in diff.stdout


def test_a_baseline_not_yet_in_effect_is_never_called_approved(scenario):
    # the pre-control import (2026-01-01) takes effect on 2026-01-05: before that it is
    # pending like an approved version, but nobody approved it (an auditor read 已批准未生效
    # as an approval)
    shown = run(scenario.root, "show", "SM-P-01", "--as-of", "2026-01-03")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[0].endswith(
        "not yet effective on 2026-01-03: the pre-control baseline, never approved"
        " (effective from 2026-01-05); no version was in force that day"
    )
    rows = list(
        csv.reader(
            io.StringIO(
                run(scenario.root, "register", "--as-of", "2026-01-03", "--format", "csv").stdout
            )
        )
    )
    assert rows[1][rows[0].index("Status")] == (
        "Not yet effective (pre-control baseline, never approved)"
    )
    listed = json.loads(
        run(scenario.root, "register", "--as-of", "2026-01-03", "--format", "json").stdout
    )
    assert listed[0]["state"] == "pending"  # what it is, for programs, as before
    assert "state_key" not in listed[0]  # how the catalogue is asked stays inside
    assert listed[0]["state_label"] == "Not yet effective (pre-control baseline, never approved)"
    # once in effect, the baseline is the version in force, as before
    later = run(scenario.root, "register", "--as-of", "2026-01-06", "--format", "json").stdout
    assert json.loads(later)[0]["state_label"] == "Effective"


# --- registers ----------------------------------------------------------------------------------


def test_register_formats_and_review_due(scenario, tmp_path):
    _approved_change(scenario)
    zh = {"LC_ALL": "C.UTF-8"}  # the register in Chinese: its headers are compared below
    rows = list(
        csv.reader(io.StringIO(run(scenario.root, "register", "--format", "csv", env=zh).stdout))
    )
    assert rows[0] == [
        "文件编号",
        "文件名称",
        "类型",
        "版本",
        "状态",
        "密级",
        "归口部门",
        "发布实施日期",
        "最近批准",
        "下次评审",
        "待生效版本",
    ]
    assert rows[1] == [
        "SM-P-01",
        "测试程序",
        "程序文件",
        "V1.1",
        "有效",
        "内部",
        "体系管理部",
        "2026-03-10",
        "2026-03-10",
        "2027-03-10",
        "",
    ]
    data = json.loads(run(scenario.root, "register", "--format", "json").stdout)
    assert data[0]["last_approval"] == "2026-03-10"
    xlsx = tmp_path / "register.xlsx"
    assert (
        run(scenario.root, "register", "--format", "xlsx", "-o", str(xlsx), env=zh).returncode == 0
    )
    sheet = load_workbook(xlsx).active
    assert (
        sheet.title == "受控文件清单"
        and sheet["A1"].value == "文件编号"
        and sheet["D2"].value == "V1.1"
    )
    assert run(scenario.root, "register", "--format", "xlsx").returncode == 2
    due = run(scenario.root, "review-due", "--today", "2027-03-01", "--within", "30")
    assert "SM-P-01" in due.stdout
    assert "1 document due for review by 2027-03-31, 0 of them already overdue on 2027-03-01" in (
        due.stdout
    )
    assert "0 documents" in run(scenario.root, "review-due", "--today", "2026-06-01").stdout


# --- audit pack -------------------------------------------------------------------------------


def test_audit_pack_is_deterministic_complete_and_verifiable(scenario, tmp_path):
    _approved_change(scenario)
    scenario.files.record("INC-2026-0001")
    scenario.git.commit("记录", date="2026-03-11T10:00:00+08:00")
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    for out in (first, second):
        result = run(
            scenario.root,
            "audit-pack",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
            "-o",
            str(out),
        )
        assert result.returncode == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    for expected in (
        "MANIFEST.sha256",
        "README.txt",
        "coverage.csv",
        "documents/SM-P-01 V1.1.md",
        "history/revisions.csv",
        "history/revisions.json",
        "history/trail.csv",
        "history/trail.json",
        "history/signatures.csv",
        "records/incident/INC-2026-0001.yaml",
        "register/register.csv",
        "register/register.xlsx",
    ):
        assert expected in names
    trail = json.loads(zipfile.ZipFile(first).read("history/trail.json"))
    assert [e["documents"][0]["version"] for e in trail] == ["V1.1"]
    ok = run(scenario.root, "audit-pack", "--verify", str(first))
    assert ok.returncode == 0
    assert ok.stdout.strip().endswith(
        "does not prove the pack unaltered (verify signed packs with --require-signed)"
    )
    tampered = tmp_path / "t.zip"
    with zipfile.ZipFile(first) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "register/register.csv":
                data = data.replace(b"V1.1", b"V9.9")
            target.writestr(item, data)
        target.writestr("extra.txt", b"planted")
    bad = run(scenario.root, "audit-pack", "--verify", str(tampered))
    assert bad.returncode == 1
    assert bad.stdout.splitlines()[:2] == [
        f"{tampered}: register/register.csv: content differs from the manifest (changed after the pack was made)",
        f"{tampered}: extra.txt: not in the manifest (added after the pack was made)",
    ]
    assert (
        "--to 2026-01-01 is before --from 2026-06-30"
        in run(
            scenario.root, "audit-pack", "--from", "2026-06-30", "--to", "2026-01-01", "-o", "x.zip"
        ).stderr
    )
    # no pack to judge is a usage error, not a pack found "not intact"
    missing = run(scenario.root, "audit-pack", "--verify", str(tmp_path / "missing.zip"))
    assert missing.returncode == 2 and "missing.zip: no such file" in missing.stderr


# --- CI templates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        (".github/workflows/doccontrol.yml", "vendor.github-workflows"),
        (".gitlab-ci.yml", "vendor.gitlab-ci"),
    ],
)
def test_ci_templates_are_valid_for_their_platform(path, schema):
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", schema, str(PROJECT / path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = (PROJECT / path).read_text()
    assert (
        "doccontrol trail --strict" in text
        and "pre-commit run --all-files" in text
        and "DOCCONTROL_STRICT" in text
    )
    assert "fetch-depth: 0" in text or 'GIT_DEPTH: "0"' in text


def test_approve_sign_makes_a_verified_approval(scenario, tmp_path):
    key = tmp_path / "liu"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "liu", "-f", str(key)], check=True
    )
    public = (tmp_path / "liu.pub").read_text().strip()
    scenario.set_config("require_signed: false", "require_signed: true")
    scenario.set_config(
        "department: qa, roles: [management-representative, department-head]}",
        f'department: qa, roles: [management-representative, department-head], signing_keys: ["{public}"]}}',
    )
    scenario.git.commit("要求签名", date="2026-01-01T12:00:00+08:00")
    _branch_with_change(scenario)
    _identity(scenario, "liujing")
    for setting in (("gpg.format", "ssh"), ("user.signingkey", str(key))):
        subprocess.run(["git", "config", *setting], cwd=scenario.root, check=True)
    result = run(
        scenario.root, "approve", "cr-9", "--reviewer", "wangfang", "--sign", "--effective", TODAY
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.signature.status, rev.signature.verified_for, rev.problems) == (
        True,
        "good",
        "liujing",
        (),
    )


def test_approve_turns_require_signed_on_only_when_signing(scenario, tmp_path):
    """The change that turns require_signed on takes effect only by its approver's signed
    merge (DC536.switch): approve refuses to make it unsigned, and signed it comes into force."""
    key = tmp_path / "chen"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "chen", "-f", str(key)], check=True
    )
    public = (tmp_path / "chen.pub").read_text().strip()
    scenario.set_config(
        "department: management, roles: [general-manager]}",
        f'department: management, roles: [general-manager], signing_keys: ["{public}"]}}',
    )
    scenario.git.commit("陈明远的签名密钥", date="2026-01-01T12:00:00+08:00")
    scenario.git.branch("cfg")
    scenario.set_config("require_signed: false", "require_signed: true")
    scenario.git.commit("启用签名批准", who="zhaolei")
    scenario.git.checkout("main")
    _identity(scenario, "chenmy")
    refused = run(scenario.root, "approve", "cfg", "--reviewer", "wangfang")
    assert refused.returncode == 1 and "--sign" in refused.stdout, refused.stdout
    assert "require_signed" in refused.stdout
    for setting in (("gpg.format", "ssh"), ("user.signingkey", str(key))):
        subprocess.run(["git", "config", *setting], cwd=scenario.root, check=True)
    signed = run(scenario.root, "approve", "cfg", "--reviewer", "wangfang", "--sign")
    assert signed.returncode == 0, signed.stdout + signed.stderr
    history = scenario.history()
    event = history.events[-1]
    assert (event.controlled, event.approved, event.problems) == (("doccontrol.yml",), True, ())
    in_force = subprocess.run(
        ["git", "cat-file", "blob", history.config_in_force],
        cwd=scenario.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "require_signed: true" in in_force


def test_approve_asks_the_configuration_roles_for_a_config_change(scenario):
    scenario.git.branch("cfg")
    scenario.set_config("require_review: true", "require_review: false")
    scenario.git.commit("不再强制审核", who="zhaolei")
    scenario.git.checkout("main")
    _identity(scenario, "liujing")  # approves procedures, not the configuration
    refused = run(scenario.root, "approve", "cfg", "--reviewer", "wangfang")
    assert refused.returncode == 1
    assert (
        "  - doccontrol.yml: 刘静 holds none of the configuration approver roles (General Manager)"
        in refused.stdout
    )
    _identity(scenario, "chenmy")
    approved = run(scenario.root, "approve", "cfg", "--reviewer", "wangfang")
    assert approved.returncode == 0, approved.stdout + approved.stderr
    (event,) = scenario.history().events
    assert (event.controlled, event.approved) == (("doccontrol.yml",), True)


def test_approve_judges_by_the_approved_rules_not_a_direct_change_to_them(scenario):
    # an author's own branch, then a direct commit on main allowing self-approval: approve
    # must judge by the rules as approved, as the trail does, and make no merge
    _branch_with_change(scenario, who="liujing")
    scenario.set_config("allow_self_approval: false", "allow_self_approval: true")
    scenario.git.commit("允许自己批准", who="liujing")
    _identity(scenario, "liujing")
    refused = run(scenario.root, "approve", "cr-9", "--reviewer", "wangfang")
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert (
        "  - 刘静 wrote commits on cr-9; someone else must approve it (segregation of duties)"
        in refused.stdout
    )
    assert "doccontrol.yml has changes on the main branch nobody approved" in refused.stderr
    assert scenario.git.run("rev-list", "--count", "main") == "2"  # nothing was merged
    # once the rules are approved as they stand, they are the ones approve applies
    scenario.git.run("reset", "--hard", "HEAD~1")
    again = run(scenario.root, "approve", "cr-9", "--reviewer", "wangfang")
    assert again.returncode == 1 and "segregation of duties" in again.stdout
    assert "nobody approved" not in again.stderr


def test_approve_without_history_is_refused(scenario, tmp_path):
    # a shallow clone cannot show which rules were approved: approve says so, merges nothing
    _branch_with_change(scenario)
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--no-single-branch", scenario.root.as_uri(), clone],
        check=True,
    )
    subprocess.run(["git", "branch", "cr-9", "origin/cr-9"], cwd=clone, check=True)
    for key, value in (("user.name", "刘静"), ("user.email", "liu.jing@example.com")):
        subprocess.run(["git", "config", key, value], cwd=clone, check=True)
    refused = run(clone, "approve", "cr-9", "--reviewer", "wangfang")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "needs the Git history" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_baseline_names_who_else_may_approve_it(tmp_path):
    # the declarer may neither approve nor review the baseline: the next step names the others,
    # and says so when nobody else holds the configuration's approver role
    from builders import RepoBuilder
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    scenario = Scenario(builder)  # not under control yet: no control_since
    scenario.git.commit("初始导入", who="wangfang")
    _identity(scenario, "liujing")
    declared = run(scenario.root, "baseline")
    assert declared.returncode == 0, declared.stdout + declared.stderr
    assert "an approver (General Manager: 陈明远) merges it" in declared.stdout
    assert "cannot be approved yet" not in declared.stderr
    scenario.git.run("checkout", "-q", "main")
    scenario.git.run("branch", "-D", declared.stdout.split("branch ")[1].split(":")[0])
    _identity(scenario, "chenmy")  # the only general manager
    alone = run(scenario.root, "baseline")
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert "(General Manager: nobody but you)" in alone.stdout
    assert "nobody but 陈明远 holds the roles" in alone.stderr
