"""One answer everywhere: effective dates, the register as of a day (CLI, site, audit pack),
show naming the state, review gates, and the commands that report a stale date. Real Git
repositories, the real CLI, a real `mkdocs build`."""

from __future__ import annotations

import csv
import datetime
import io
import os
import shutil
import subprocess
import sys
import zipfile

from builders import PROJECT
from history_helpers import body
from site_helpers import built, page, table_rows

TODAY = datetime.date.today().isoformat()


def run(cwd, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        # pinned to English: these tests read the catalogue's English texts
        env={**os.environ, "LC_ALL": "en_US.UTF-8", **(env or {})},
    )


def identity(scenario, person):
    from gitrepo import PEOPLE

    name, email = PEOPLE[person]
    subprocess.run(["git", "config", "user.name", name], cwd=scenario.root, check=True)
    subprocess.run(["git", "config", "user.email", email], cwd=scenario.root, check=True)


def register(root, day):
    # the register in Chinese: its headers and labels are what these tests compare
    out = run(root, "register", "--as-of", day, "--format", "csv", env={"LC_ALL": "C.UTF-8"})
    assert out.returncode == 0, out.stderr
    return list(csv.reader(io.StringIO(out.stdout)))


def approved_ahead_of_effect(scenario):
    """SM-P-01 V1.1 approved on 2026-03-10, in force from 2026-03-20."""
    shutil.copy(PROJECT / "mkdocs.yml", scenario.root / "mkdocs.yml")
    scenario.git.commit("站点配置", date="2026-01-01T11:00:00+08:00")
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("新规定"), effective_date="2026-03-20")
    scenario.git.commit("修订", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    scenario.git.merge("cr-1", "修订目的", date="2026-03-10T10:00:00+08:00")


def test_approved_version_is_not_in_force_before_its_effective_date(scenario, tmp_path):
    approved_ahead_of_effect(scenario)
    assert run(scenario.root, "trail", "--strict").returncode == 0
    zh = {"LC_ALL": "C.UTF-8"}  # the default language: Chinese
    before = run(scenario.root, "show", "SM-P-01", "--as-of", "2026-03-15", env=zh)
    before = before.stdout.splitlines()
    assert before[0] == "# SM-P-01 测试程序 — 于 2026-03-15 有效的版本（自 2026-01-05 起实施）"
    assert before[1].startswith("# 版本 V1.0 · 纳入文件控制时的基线")
    assert before[2] == "# 已批准未生效：V1.1 自 2026-03-20 起实施（批准 2026-03-10）"
    assert "新规定" not in "\n".join(before)
    after = run(scenario.root, "show", "SM-P-01", "--as-of", "2026-03-20", env=zh).stdout
    assert (
        after.splitlines()[1].startswith("# 版本 V1.1 · 批准 刘静 2026-03-10") and "新规定" in after
    )

    pending = register(scenario.root, "2026-03-15")
    assert pending[0][-1] == "待生效版本"
    assert pending[1] == [
        *["SM-P-01", "测试程序", "程序文件", "V1.0", "有效", "内部", "体系管理部"],
        # the last approval (03-10) approved V1.1, not the V1.0 this row describes: it says so
        *["2026-01-05", "2026-03-10（批准的是 V1.1）", "2027-03-10", "V1.1（2026-03-20 起）"],
    ]
    assert register(scenario.root, "2026-03-20")[1][3:11] == [
        *["V1.1", "有效", "内部", "体系管理部", "2026-03-20", "2026-03-10", "2027-03-20", ""]
    ]

    pack = tmp_path / "pack.zip"
    made = run(
        scenario.root,
        *("audit-pack", "--from", "2026-01-01", "--to", "2026-03-15", "-o", str(pack)),
        env={"LC_ALL": "C.UTF-8"},  # the same language as the register it is compared with
    )
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(pack) as archive:
        names = archive.namelist()
        rows = list(csv.reader(io.StringIO(archive.read("register/register.csv").decode()[1:])))
    assert "documents/SM-P-01 V1.0.md" in names and "documents/SM-P-01 V1.1.md" not in names
    assert rows == pending

    config = (scenario.root / "mkdocs.yml").read_text()
    (scenario.root / "mkdocs.yml").write_text(
        config.replace(
            "strict: !ENV [DOCCONTROL_STRICT, false]",
            'strict: !ENV [DOCCONTROL_STRICT, false]\n      as_of: "2026-03-15"',
        )
    )
    site = built(scenario.root, tmp_path / "site")
    html = page(site, "procedures/test")
    # the page gives the text in force that day, as `show --as-of` does, and says what
    # replaces it and when; the approved V1.1 is not given before its day
    assert "dc-superseded-soon" in html and "自 2026-03-20 起实施" in html
    assert "新规定" not in html
    cells = [c for row in table_rows(html, "dc-control-table") for c in row]
    assert cells[cells.index("版本") + 1] == "V1.0"
    assert cells[cells.index("状态") + 1] == "有效"
    assert "现行有效版本" not in cells

    (scenario.root / "mkdocs.yml").write_text(
        config.replace(
            "strict: !ENV [DOCCONTROL_STRICT, false]",
            'strict: !ENV [DOCCONTROL_STRICT, false]\n      as_of: "2026-03-20"',
        )
    )
    html = page(built(scenario.root, tmp_path / "site-after"), "procedures/test")
    assert "新规定" in html and "dc-superseded-soon" not in html
    cells = [c for row in table_rows(html, "dc-control-table") for c in row]
    assert cells[cells.index("版本") + 1] == "V1.1"
    site_rows = table_rows(page(site, "registers/documents"), "dc-register")
    assert site_rows[:2] == pending


def test_stale_or_impossible_effective_dates_are_reported_with_the_fix(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("修订"), effective_date="2025-12-01")
    scenario.git.commit("修订", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    # the version-bump hook: before the version it replaces took effect
    hook = run(scenario.root, "check-versions")
    assert hook.returncode == 1
    assert "DC520 SM-P-01 V1.1 has 发布实施日期 2025-12-01, before V1.0's" in hook.stdout
    assert "doccontrol bump SM-P-01 --effective YYYY-MM-DD --keep-version" in hook.stdout
    # the author leaves it to the approver: V1.0's own date is stale, but not impossible
    scenario.files.doc(version="V1.1", body=body("修订"))
    scenario.git.commit("日期", who="zhaolei", date="2026-03-03T10:00:00+08:00")
    assert run(scenario.root, "check-versions").returncode == 0
    scenario.git.checkout("main")
    identity(scenario, "liujing")
    refused = run(scenario.root, "approve", "cr-1", "--reviewer", "wangfang")
    assert refused.returncode == 1
    assert f"before its approval on {TODAY}" in refused.stdout
    assert f"(or approve with --effective {TODAY})" in refused.stdout
    too_early = run(
        scenario.root, "approve", "cr-1", "--reviewer", "wangfang", "--effective", "2026-01-02"
    )
    assert too_early.returncode == 1 and "before V1.0's" in too_early.stdout
    later = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
    done = run(scenario.root, "approve", "cr-1", "--reviewer", "wangfang", "--effective", later)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"effective_date: {later}\n" in (scenario.root / "docs/procedures/test.md").read_text()
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.effective_date, rev.problems) == (True, later, ())
    # a forge merge of an impossible date: the history rule reports it, and why
    sooner = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    scenario.git.branch("cr-2")
    scenario.files.doc(version="V1.2", body=body("再修订"), effective_date=sooner)
    scenario.git.commit("再修订", who="zhaolei")
    scenario.git.merge("cr-2", "再修订")
    trail = run(scenario.root, "trail", "--strict")
    assert trail.returncode == 1
    assert f"DC520 SM-P-01 V1.2 has 发布实施日期 {sooner}, before V1.1's" in trail.stdout


def test_bump_sets_the_effective_date(scenario):
    path = scenario.root / "docs/procedures/test.md"
    later = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    bumped = run(scenario.root, "bump", "SM-P-01", "--effective", later)
    assert (
        bumped.stdout.strip()
        == f"SM-P-01: V1.0 → V1.1, effective {later} (docs/procedures/test.md)"
    )
    assert (
        "version: V1.1\n" in path.read_text() and f"effective_date: {later}\n" in path.read_text()
    )
    plain = run(scenario.root, "bump", "SM-P-01")
    assert "the approver sets it (doccontrol approve BRANCH --effective DATE)" in plain.stderr
    kept = run(scenario.root, "bump", "SM-P-01", "--effective", later, "--keep-version")
    assert kept.stdout.startswith("SM-P-01: V1.2 → V1.2")
    past = run(scenario.root, "bump", "SM-P-01", "--effective", "2020-01-01", "--keep-version")
    assert past.returncode == 2 and "before V1.0's" in past.stderr
    assert run(scenario.root, "bump", "SM-P-01", "--keep-version").returncode == 2
    # in Chinese (the default language), with the same facts
    zh = run(scenario.root, "bump", "SM-P-01", env={"LC_ALL": "C.UTF-8"})
    assert zh.stdout.strip() == "SM-P-01：V1.2 → V1.3（docs/procedures/test.md）"
    assert f"发布实施日期未改变（{later}）" in zh.stderr and "unchanged" not in zh.stderr


def test_log_says_why_there_is_no_approval(scenario):
    untouched = run(scenario.root, "log", "SM-P-01")
    assert "note: no approval yet: SM-P-01 has not changed since control began" in untouched.stdout
    scenario.files.doc(version="V1.1", body=body("直接"))
    scenario.git.commit("直接改", who="zhouqiang")
    direct = run(scenario.root, "log", "SM-P-01")
    assert (
        "note: no approval: SM-P-01 has never been approved; 1 change was committed directly "
        "to main, not merged through an approval" in direct.stdout
    )


def test_review_due_gates_and_the_issue_it_would_post(scenario):
    # SM-P-01 took effect 2026-01-05 and has never been approved: review due 2027-01-05
    base = ("review-due", "--today", "2027-02-01")
    assert run(scenario.root, *base, "--fail-on", "overdue").returncode == 1
    assert run(scenario.root, *base).returncode == 0
    quiet = ("review-due", "--today", "2026-12-01")
    assert run(scenario.root, *quiet, "--fail-on", "overdue").returncode == 0
    assert run(scenario.root, *quiet, "--within", "60", "--fail-on", "due").returncode == 1
    assert run(scenario.root, *quiet, "--within", "60", "--fail-on", "overdue").returncode == 0
    github = run(
        scenario.root,
        *base,
        "--issue",
        "github",
        "--dry-run",
        env={"GITHUB_REPOSITORY": "it/sms"},
    )
    assert (
        "dry run: would open or update the issue '待评审文件 (doccontrol review-due)' on GitHub it/sms"
        in github.stdout
    )
    assert (
        "| SM-P-01 | ` 测试程序 ` | V1.0 | ` 体系管理部 ` | — | 2027-01-05 | 逾期 |"
        in github.stdout
    )
    gitlab = run(
        scenario.root,
        "review-due",
        "--today",
        "2027-02-01",
        "--issue",
        "gitlab",
        "--dry-run",
        env={"CI_PROJECT_ID": "42", "CI_API_V4_URL": "https://gitlab.example.com/api/v4"},
    )
    assert "on GitLab project 42 via https://gitlab.example.com/api/v4" in gitlab.stdout
    assert (
        "| SM-P-01 | ` 测试程序 ` | V1.0 | ` 体系管理部 ` | — | 2027-01-05 | 逾期 |"
        in gitlab.stdout
    )


def test_check_versions_never_passes_without_the_main_branch(scenario, tmp_path):
    scenario.git.run("branch", "-m", "main", "mr-head")
    missing = run(scenario.root, "check-versions")
    assert missing.returncode == 2
    assert "main branch 'main' not found" in missing.stderr
    assert "git fetch origin main:refs/remotes/origin/main" in missing.stderr
    empty = tmp_path / "empty"
    shutil.copytree(scenario.root, empty, ignore=shutil.ignore_patterns(".git"))
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=empty, check=True)
    fresh = run(empty, "check-versions")
    assert fresh.returncode == 0 and "no commits yet" in fresh.stdout


def test_the_register_json_says_which_version_is_in_force_not_only_whether_listed(scenario):
    """``current`` says a row is listed among the current documents; ``in_force_version``
    names the version in force that day, "" when none is, as ``show --as-of`` has it."""
    import json

    approved_ahead_of_effect(scenario)
    scenario.git.branch("cr-2")
    scenario.files.doc("docs/procedures/new.md", doc_id="SM-P-02", effective_date="2026-04-01")
    scenario.git.commit("新程序", who="zhaolei", date="2026-03-11T10:00:00+08:00")
    scenario.git.merge("cr-2", "新程序", date="2026-03-12T10:00:00+08:00", number=2)

    def rows(day):
        out = run(scenario.root, "register", "--as-of", day, "--format", "json")
        assert out.returncode == 0, out.stderr
        return {
            r["id"]: (r["state"], r["current"], r["in_force_version"], r["upcoming"])
            for r in json.loads(out.stdout)
        }

    assert rows("2026-03-15") == {
        "SM-P-01": ("effective", True, "V1.0", "V1.1"),
        "SM-P-02": ("pending", True, "", ""),
    }
    assert rows("2026-04-01") == {
        "SM-P-01": ("effective", True, "V1.1", ""),
        "SM-P-02": ("effective", True, "V1.0", ""),
    }
    assert (
        "in_force" not in json.loads(run(scenario.root, "register", "--format", "json").stdout)[0]
    )


def test_a_relabelling_nobody_approved_does_not_reach_the_register(scenario):
    """A direct commit calls the internal level 公开 and the owner department something else:
    the register shows the approved labels, and says why on stderr."""
    scenario.set_config("{id: internal, label: 内部}", "{id: internal, label: 公开}")
    scenario.set_config("{name: 体系管理部", "{name: 外包商")
    scenario.git.commit("改标签", who="zhaolei", date="2026-03-01T10:00:00+08:00")
    out = run(scenario.root, "register", "--format", "csv", env={"LC_ALL": "C.UTF-8"})
    assert out.returncode == 0, out.stderr
    (row,) = list(csv.reader(io.StringIO(out.stdout)))[1:]
    assert "内部" in row and "体系管理部" in row and "公开" not in row and "外包商" not in row
    assert "按其批准的版本显示" in out.stderr
