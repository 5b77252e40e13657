"""`doccontrol approve` commits the tree it judged: git's own merge of the two tips, with no
merge driver or strategy option from the approver's configuration, plus the approver's dates.
Before, it judged that tree and then ran ``git merge``, which merged again by the approver's
attributes and configuration (a ``.git/info/attributes`` merge driver, say) and could commit a
version nobody judged; the trail then refused the approval (DC516.merged)."""

from __future__ import annotations

import json

from disposition_helpers import strict
from history_helpers import cli
from merge_helpers import CSS
from merge_helpers import both_sides_changed as _both_sides_changed
from rules_attacks import approve, keys, last_event

TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def _take_branch_driver(s):
    # the approver's own set-up, out of any commit's reach: a driver that takes the branch's
    # whole version (and so undoes main's approved change to the file)
    (s.root / ".git" / "info").mkdir(exist_ok=True)
    (s.root / ".git" / "info" / "attributes").write_text("*.css merge=takebranch\n")
    s.git.run("config", "merge.takebranch.driver", "cp %B %A")


def test_approve_commits_gits_own_merge_not_the_approvers_merge_driver(tmp_path):
    s = _both_sides_changed(tmp_path)
    _take_branch_driver(s)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    committed = s.git.run("show", f"main:{CSS}")
    assert "color: green" in committed and "color: blue" in committed, committed
    assert (s.root / CSS).read_text().strip() == committed.strip()  # checked out
    assert "problem.DC516.merged" not in keys(last_event(s))
    assert strict(s).returncode == 0


def test_approve_makes_a_two_parent_merge_of_the_judged_tips(tmp_path):
    s = _both_sides_changed(tmp_path)
    main_before = s.git.run("rev-parse", "main")
    branch_tip = s.git.run("rev-parse", "b")
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    parents = s.git.run("log", "-1", "--format=%P", "main").split()
    assert parents == [main_before, branch_tip]
    # the work tree and the index follow main: nothing left staged or changed
    assert s.git.run("status", "--porcelain", "--untracked-files=no") == ""
    message = s.git.run("log", "-1", "--format=%B", "main")
    assert message.startswith("Merge branch 'b'\n")
    assert "Approved-by: 陈明远 <chen.mingyuan@example.com>" in message
    assert "Reviewed-by: 王芳 <wang.fang@example.com>" in message


def test_a_refused_approval_writes_nothing(tmp_path):
    s = _both_sides_changed(tmp_path)
    before = s.git.run("rev-parse", "main")
    result, merged = approve(s, "b", "zhaolei")  # the author approving their own change
    assert result.returncode != 0 and not merged
    assert s.git.run("rev-parse", "main") == before
    assert s.git.run("status", "--porcelain", "--untracked-files=no") == ""
    assert not (s.root / ".git" / "MERGE_HEAD").exists()


def _driver_merge(s):
    """chenmy merges ``b`` with ``git merge`` on a machine whose driver takes the branch's."""
    s.git.run(
        "merge", "--no-ff", "-q", "-m", f"Merge branch 'b'\n\nb\n\n{TRAILERS}", "b",
        who="chenmy", date=s.git.next_date(),
    )  # fmt: skip
    assert "color: blue" not in (s.root / CSS).read_text()  # main's approved change undone


def test_the_trail_judges_a_merge_by_gits_merge_on_the_machine_that_made_it(tmp_path):
    """A merge made by a local driver that undid main's approved change is not git's merge:
    the trail says so where that configuration is, not only on a clean clone."""
    s = _both_sides_changed(tmp_path)
    _take_branch_driver(s)
    _driver_merge(s)
    assert "problem.DC516.merged" in keys(last_event(s))


def test_configuration_from_the_environment_plays_no_part_in_gits_merge(tmp_path):
    s = _both_sides_changed(tmp_path)
    _take_branch_driver(s)
    _driver_merge(s)
    s.git.run("config", "--unset", "merge.takebranch.driver")
    handed_down = {
        "LC_ALL": "en_US.UTF-8",
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": "merge.takebranch.driver",
        "GIT_CONFIG_VALUE_0": "cp %B %A",
    }
    out = cli(s.root, "trail", "--format", "json", env=handed_down)
    last = json.loads(out.stdout)["events"][-1]
    assert "problem.DC516.merged" in [p["key"] for p in last["problems"]]
