"""Commands that read YAML outside the checker (the baseline's paper approvals file, a version
bump) use the same guarded parser: a hostile file gets a clear message, never a traceback or a
crash (red-team round 2, hole 8)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

from doccontrol import catalogue
from gitrepo import GitRepo
from history_helpers import body, cli

ZH = catalogue.load("zh")

DEEP = "[" * 100_000 + "]" * 100_000


def _committed(repo) -> GitRepo:  # type: ignore[no-untyped-def]
    git = GitRepo(repo.root)
    git.run("config", "user.email", "liu.jing@example.com")  # 刘静 may declare a baseline
    git.run("add", "-A")
    git.run("commit", "-q", "-m", "导入现有文件")
    return git


def test_baseline_legacy_file_nested_deep_or_with_a_duplicate_key(repo, tmp_path):
    _committed(repo)
    deep = tmp_path / "deep.yml"
    deep.write_text(f"SM-P-01: {DEEP}\n", encoding="utf-8")
    result = cli(repo.root, "baseline", "--legacy", str(deep))
    assert result.returncode == 2, result
    assert "DC016" in result.stderr and "Traceback" not in result.stderr, result.stderr
    twice = tmp_path / "twice.yml"
    entry = "  - {version: V1.0, approver: 刘静, approval_date: 2025-01-01}\n"
    twice.write_text(f"SM-P-01:\n{entry}SM-P-01:\n{entry}", encoding="utf-8")
    result = cli(repo.root, "baseline", "--legacy", str(twice))
    assert result.returncode == 2 and "DC008" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_baseline_legacy_file_refusals_list_every_reason_in_the_repositorys_language(
    repo, tmp_path
):
    _committed(repo)
    legacy = tmp_path / "legacy.yml"
    legacy.write_text(
        "SM-P-99: [{version: V1.0}]\nSM-P-01:\n  - {version: V1.0, colour: 红, approval_date: 昨天}\n",
        encoding="utf-8",
    )
    result = cli(repo.root, "baseline", "--legacy", str(legacy))
    assert result.returncode == 2, result
    for said in ("SM-P-99：基线中没有这份文件", "第 1 条：未知的键 colour", "不是日期"):
        assert said in result.stderr, result.stderr
    english = cli(repo.root, "baseline", "--legacy", str(legacy), env={"LC_ALL": "en_US.UTF-8"})
    assert english.returncode == 2, english
    for said in ("SM-P-99: no such document at the baseline", "entry 1: unknown keys colour"):
        assert said in english.stderr, english.stderr


def test_bump_of_a_document_nested_deep_says_so(repo):
    path = repo.root / "docs/procedures/test.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("version: V1.0\n", f"version: V1.0\nx: {DEEP}\n"), "utf-8")
    result = cli(repo.root, "bump", "SM-P-01")
    assert result.returncode in (1, 2) and result.returncode >= 0, result
    assert "Traceback" not in result.stderr and result.stderr.strip(), result.stderr
    assert path.read_text(encoding="utf-8").count("version: V1.0\n") == 1  # untouched


def test_an_approved_revision_nested_deep_is_reported_and_never_takes_effect(scenario, tmp_path):
    """The revision stays in history for good: every later command reads it. It is a problem
    in the trail (its front matter cannot be read), the version before stays in force, and
    register, review-due and the audit pack run."""
    s = scenario
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", extra=f"x: {DEEP}\n", body=body("修订后的目的。"))
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    s.files.doc(version="V1.2", body=body("再次修订的目的。"))
    s.git.commit("去掉嵌套", who="zhaolei")
    trail = cli(s.root, "trail", "--format", "csv")
    assert trail.returncode in (0, 1) and "DC513" in trail.stdout, trail
    # said for what it is: front matter that cannot be read, not a missing type
    (said,) = [line for line in trail.stdout.splitlines() if "DC513" in line]
    unreadable = ZH.text("problem.DC513.unreadable", id="SM-P-01", sha="\0").split("\0")[1]
    no_type = ZH.text("problem.DC513.type", id="SM-P-01", sha="\0").split("\0")[1]
    assert unreadable in said and no_type not in said, said
    register = cli(s.root, "register", "--as-of", "2026-06-01", "--format", "csv")
    assert register.returncode == 0, register
    row = next(r for r in csv.reader(io.StringIO(register.stdout)) if r[0] == "SM-P-01")
    assert "V1.0" in row, row
    for args in (
        ("review-due",),
        ("audit-pack", "--from", "2026-01-01", "--to", "2026-06-30", "-o", str(tmp_path / "p.zip")),
    ):
        result = cli(s.root, *args)
        assert result.returncode in (0, 1), (args, result)
        assert "Traceback" not in result.stderr, (args, result.stderr)


def test_an_approved_revision_of_no_known_type_says_so(scenario):
    """A revision whose front matter reads but names a type doccontrol.yml does not know: DC513
    says the type is the matter (the text the deep case used to borrow)."""
    s = scenario
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("修订后的目的。"))
    path = s.root / "docs/procedures/test.md"
    path.write_text(path.read_text("utf-8").replace("type: procedure", "type: nonsense"), "utf-8")
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    en = cli(s.root, "trail", "--format", "csv", env={"LC_ALL": "en_US.UTF-8"})
    (said,) = [line for line in en.stdout.splitlines() if "DC513" in line]
    assert "has no valid type in its front matter" in said and "cannot be read" not in said, said


def test_a_review_date_at_the_calendars_end_is_no_crash(scenario, tmp_path):
    """An approved review_date of 9999-12-31: its next review fell past the calendar, which
    broke every register (year 10000). It counts no later than the approval that recorded
    it, so the next review is the interval after that approval (``add_months`` still stops at
    the calendar's end: tests/test_standing.py)."""
    s = scenario
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("修订"), extra="review_date: 9999-12-31\n")
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    for args in (
        ("register", "--as-of", "2026-06-01", "--format", "json"),
        ("review-due", "--today", "2026-06-01"),
        ("review-due", "--today", "2026-06-01", "--issue", "github", "--dry-run"),
        ("audit-pack", "--from", "2026-01-01", "--to", "2026-06-30", "-o", str(tmp_path / "p.zip")),
    ):
        result = cli(s.root, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
    (row,) = json.loads(cli(s.root, "register", "--as-of", "2026-06-01", "--format", "json").stdout)
    # a review date counts no later than the approval that recorded it (standing.reviewed):
    # the next review is a year after the version took effect (2026-01-05, after its approval)
    assert row["last_approval"] < "2026-01-05" and row["next_review"] == "2027-01-05", row


def test_a_file_name_that_is_not_utf8_is_written_as_escapes(scenario, tmp_path):
    """A file under docs/ whose name is not UTF-8 (a direct commit) reaches the trail as the
    path of a controlled change: with a strict UTF-8 output it ended the command with a
    traceback half-way through; it is written as an escape, and the output stays UTF-8."""
    s = scenario
    (s.root / "docs").joinpath(os.fsdecode(b"note\xff.md")).write_text("x\n")
    s.git.commit("直接提交")
    env = {"LC_ALL": "en_US.UTF-8", "PYTHONIOENCODING": "utf-8"}
    for args in (("trail",), ("trail", "--format", "json"), ("log", "--all"), ("register",)):
        result = subprocess.run(
            [sys.executable, "-m", "doccontrol", *args],
            cwd=s.root,
            capture_output=True,
            check=False,
            env={**os.environ, **env},
        )
        assert result.returncode in (0, 1), (args, result.stderr)
        assert b"Traceback" not in result.stderr
        result.stdout.decode("utf-8")  # nothing but UTF-8
    trail = cli(s.root, "trail", env=env).stdout
    assert "note\\udcff.md" in trail
