"""The dates history gives the main line's commits (derive._Deriver.on_line): a committer sets
its own date, so a date ahead of the run is not taken, and one ahead of a later commit is
reported (DC524). Real repositories; the dates are set as any committer can set them."""

from __future__ import annotations

import datetime
import json
import subprocess

from builders import RepoBuilder
from doccontrol.history import cache
from history_helpers import Scenario, body, make_scenario


def _notes_commit(s, date: str) -> str:
    (s.root / "notes.txt").write_text(date, encoding="utf-8")
    return s.git.commit("笔记", who="zhaolei", date=date)


def _approved_bump(s, date: str) -> str:
    s.git.branch("cr-bump")
    s.files.doc(version="V1.1", effective_date="2026-04-01", body=body("修订的目的。"))
    s.git.commit("修订", who="zhaolei", date=date)
    return s.git.merge("cr-bump", "修订", date=date)


def test_a_commit_dated_ahead_of_the_one_after_it_is_reported(tmp_path):
    s = make_scenario(tmp_path)
    ahead = _notes_commit(s, "2026-06-01T10:00:00+08:00")
    merge = _approved_bump(s, "2026-03-01T10:00:00+08:00")
    history = s.history()
    found = [p for p in history.notices if p.code == "DC524"]
    assert [(p.key, p.commit) for p in found] == [("problem.DC524.ahead", ahead)]
    assert merge[:10] in found[0].message
    # the approval after it is dated from it, as the line allows (and the notice says why)
    event = next(e for e in history.events if e.commit == merge)
    assert event.date.startswith("2026-06-01")


def test_honest_clocks_a_little_apart_are_no_problem(tmp_path):
    s = make_scenario(tmp_path)
    _notes_commit(s, "2026-03-01T10:20:00+08:00")
    _approved_bump(s, "2026-03-01T10:00:00+08:00")  # twenty minutes behind
    assert not [p for p in s.history().notices if p.code == "DC524"]
    assert cache.open_history(s.root / ".git" / cache.CACHE_NAME) is not None  # kept


def test_a_commit_dated_after_the_run_is_not_taken_and_the_cache_says_until_when(tmp_path):
    s = make_scenario(tmp_path)
    future = _notes_commit(s, "2099-01-01T10:00:00+08:00")
    merge = _approved_bump(s, "2026-03-01T10:00:00+08:00")
    history = s.history()
    found = [p for p in history.notices if p.code == "DC524"]
    assert [(p.key, p.commit) for p in found] == [("problem.DC524.future", future)]
    event = next(e for e in history.events if e.commit == merge)
    assert event.date.startswith("2026-03-01")  # its own date: nothing carried it to 2099
    assert not any(e.date.startswith("2099") for e in history.events)
    # what this run derived holds until 2099 (less the clock allowance), and no longer
    folder = s.root / ".git" / cache.CACHE_NAME
    head = history.head
    key = json.loads((folder / "history.json").read_text(encoding="utf-8"))["key"]
    now = datetime.datetime.now(datetime.UTC)
    assert cache.open_history(folder, key, head, now) is not None
    assert cache.read_state(folder, key, head, now) is not None
    # the commit claims 2099-01-01 10:00 +08:00, 02:00 UTC; an hour earlier its date counts
    before = datetime.datetime(2099, 1, 1, 0, 30, tzinfo=datetime.UTC)
    assert cache.open_history(folder, key, head, before) is not None
    then = datetime.datetime(2099, 1, 1, 1, 30, tzinfo=datetime.UTC)
    assert cache.open_history(folder, key, head, then) is None
    assert cache.read_state(folder, key, head, then) is None
    again = s.history()  # from the cache
    assert [p.key for p in again.notices if p.code == "DC524"] == ["problem.DC524.future"]


def test_a_commit_dated_after_the_run_is_judged_even_before_any_approval(tmp_path):
    """Right after the import, before any commit under control: a direct commit dated 2099 is
    dated as the line was (2026-01-01, before control_since), but it is still judged, never
    taken into the pre-control baseline."""
    s = make_scenario(tmp_path)
    s.files.doc(version="V1.1", body=body("直接改的目的。"))
    future = s.git.commit("直接修改", who="zhaolei", date="2099-01-01T10:00:00+08:00")
    history = s.history()
    assert [(p.key, p.commit) for p in history.notices if p.code == "DC524"] == [
        ("problem.DC524.future", future)
    ]
    (revision,) = [r for r in history.documents["SM-P-01"].revisions if r.commit == future]
    assert revision.kind == "unapproved" and not revision.approved


def test_a_clock_ahead_before_adoption_does_not_date_the_approvals_after_it(tmp_path):
    """The adopted history holds a commit from a machine whose clock said 2026-09-01, before
    the import (2026-01-01) that `control_since` names. Control begins after the import: its
    approvals are dated from the import's date, not carried to September by a clock nobody
    can vouch for, and nothing is reported (the history before control is its own business)."""
    s = Scenario(RepoBuilder(tmp_path / "r"))
    s.files.doc()
    s.files.doc("docs/procedures/b.md", doc_id="SM-P-02", title="第二程序")
    s.git.commit("旧仓库", who="wangfang", date="2025-06-01T10:00:00+08:00")
    _notes_commit(s, "2026-09-01T10:00:00+08:00")
    (s.root / "notes.txt").write_text("导入\n", encoding="utf-8")
    baseline = s.git.commit("导入", who="wangfang", date="2026-01-01T09:00:00+08:00")
    s.git.branch("adopt")
    s.set_config("control_since: null", f"control_since: {baseline}")
    s.git.commit("声明受控起点", who="zhouqiang", date="2026-01-02T09:00:00+08:00")
    s.git.merge("adopt", "批准基线", approvers=("chenmy",), date="2026-01-02T10:00:00+08:00")
    s.git.branch("cr-w")
    (s.root / "docs/procedures/b.md").unlink()
    s.git.commit("撤回", who="zhaolei", date="2026-01-03T09:00:00+08:00")
    withdrawal = s.git.merge("cr-w", "撤回 SM-P-02", date="2026-01-03T10:00:00+08:00")
    history = s.history()
    assert not [p for p in history.notices if p.code == "DC524"]
    event = next(e for e in history.events if e.commit == withdrawal)
    assert event.date.startswith("2026-01-03") and event.approved
    gone = history.documents["SM-P-02"].revisions[-1]
    assert gone.kind == "withdrawal" and gone.date.startswith("2026-01-03")


def _dateless_merge(s, branch_author: bytes, merger: bytes) -> tuple[str, str]:
    """SM-P-01 V1.1 on a side commit by ``branch_author`` merged by ``merger`` (author and
    committer lines written byte for byte, as a server without fsck accepts them)."""

    def git(*args: str, data: bytes | None = None) -> str:
        done = subprocess.run(["git", *args], cwd=s.root, input=data, capture_output=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.decode().strip()

    def commit(parents: list[str], who: bytes, message: str) -> str:
        data = f"tree {tree}\n".encode() + b"".join(f"parent {p}\n".encode() for p in parents)
        data += b"author " + who + b"\ncommitter " + who + b"\n\n" + message.encode()
        return git("hash-object", "-t", "commit", "-w", "--literally", "--stdin", data=data)

    s.files.doc(version="V1.1", effective_date="2026-01-20", body=body("修订的目的。"))
    git("add", "-A")
    tree = git("write-tree")
    head = git("rev-parse", "HEAD")
    one = commit([head], branch_author, "SM-P-01 V1.1\n")
    message = (
        "合并 SM-P-01 V1.1\n\nReviewed-by: 王芳 <wang.fang@example.com>\n"
        "Approved-by: 刘静 <liu.jing@example.com>\n"
    )
    merge = commit([head, one], merger, message)
    git("update-ref", "refs/heads/main", merge)
    git("reset", "-q", "--hard", "main")
    return one, merge


def test_a_date_git_cannot_read_is_reported_of_its_own_commit_and_never_shown(tmp_path):
    """git prints its placeholder (``%cI``, ``%aI``) for a commit line with no date, and
    something no ISO reader takes for a negative one: the commit is reported itself
    (DC524.unreadable: never the honest commit before it as "ahead"), dated as the line was,
    and no placeholder reaches a revision."""
    s = make_scenario(tmp_path)
    honest = s.git.commit("记录模板说明", who="wangfang")
    one, merge = _dateless_merge(
        s, "赵磊 <zhao.lei@example.com> -100 +0000".encode(), "刘静 <liu.jing@example.com>".encode()
    )
    history = s.history()
    found = sorted((p.key, p.commit) for p in history.notices if p.code == "DC524")
    assert found == [
        ("problem.DC524.unreadable", merge),
        ("problem.DC524.unreadable-author", one),
    ]
    assert honest not in {commit for _, commit in found}
    # dated as the line was: the honest commit's own date
    event = next(e for e in history.events if e.commit == merge)
    said = subprocess.run(
        ["git", "log", "-1", "--format=%cI", honest], cwd=s.root, capture_output=True, text=True
    )
    assert event.date == said.stdout.strip()
    (revision,) = [r for r in history.documents["SM-P-01"].revisions if r.commit == merge]
    assert revision.author_date == "" and "%" not in json.dumps(revision.to_json())
    # read again from the cache: the same
    again = s.history()
    assert sorted((p.key, p.commit) for p in again.notices if p.code == "DC524") == found
