"""What held in round 122 (the most instructive of what was tried)."""

from __future__ import annotations

from rt122_helpers import (
    DRAFT_AT,
    DRAFTER,
    HER_TEXT,
    HER_TITLE,
    NEW,
    ODD,
    approve,
    body,
    cli_env,
    event_of,
    her_draft_at_an_odd_path,
    new_doc,
    trail_strict,
    verdict,
)


def test_held_a_newline_path_merged_by_the_drafter(scenario):
    """Hole 4's history merged by 刘静 herself: no side holds the merge's version at a path
    cat-file cannot name, so the merger is read as its writer (``merger_wrote``): DC503. (It
    holds for the wrong reason: merged by 赵磊, the same history is hole 4.)"""
    s = scenario
    _draft, approval = her_draft_at_an_odd_path(s, ODD, via="forge")
    event = event_of(s, approval)
    codes = {p["code"] for p in event["problems"]}
    code, said = trail_strict(s)
    # (the event's authors list 赵磊 alone: the merger is a writer of that one document only)
    assert "DC503" in codes and not event["approved"] and code != 0, said


def _her_draft_noop_merged(s) -> str:
    s.git.branch("draft")
    s.files.write(DRAFT_AT, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    draft = s.git.commit("起草", who=DRAFTER)
    s.git.run("rm", "-q", DRAFT_AT)
    s.git.commit("撤回草稿", who=DRAFTER)
    s.git.checkout("main")
    s.git.merge_message("Merge branch 'draft'\n\n草稿已撤回，无变化", "draft", who="zhaolei")
    s.git.branch("feat", draft)
    return draft


def _keep_his(s, path: str) -> None:
    s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "main", who="zhaolei")
    s.git.run("checkout", "-q", "HEAD", "--", path)
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", "Merge main into feat", who="zhaolei", date=s.git.next_date())


def test_held_a_copy_whose_source_the_same_commit_removes(scenario):
    """Hole 2's copy made in the commit that also removes her file, with enough of his own
    lines that git sees no rename: `blame -C` looks in files the same commit changed and finds
    her lines there. DC503."""
    s = scenario
    _her_draft_noop_merged(s)
    text = (s.root / DRAFT_AT).read_text("utf-8")
    extra = "".join(f"\n赵磊补充的第{i}条说明。\n" for i in range(80))
    (s.root / NEW).write_text(text + extra, "utf-8")
    s.git.run("rm", "-q", DRAFT_AT)
    s.git.run("add", "-A")
    s.git.commit("重写", who="zhaolei")
    assert "rename" not in s.git.run("show", "--summary", "-M", "HEAD")
    _keep_his(s, NEW)
    approval = s.git.merge("feat", "补充说明", who=DRAFTER)
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert ok, said


def test_held_crlf_line_ends_fool_blame_but_not_check_or_approve(scenario):
    """Hole 2 with CR LF line ends instead of trailing spaces: blame names 赵磊 and a forge
    merge passes `trail --strict`, but `check` (run by CI and the pre-commit hook) reports the
    file (DC003), and `approve` refuses it."""
    s = scenario
    _her_draft_noop_merged(s)
    (s.root / NEW).write_bytes((s.root / DRAFT_AT).read_bytes().replace(b"\n", b"\r\n"))
    s.git.run("rm", "-q", DRAFT_AT)
    s.git.run("add", "-A")
    s.git.commit("换行", who="zhaolei")
    _keep_his(s, NEW)
    s.git.checkout("main")
    result, merged = approve(s, "feat", DRAFTER, "wangfang")
    assert not merged and "DC003" in result.stdout + result.stderr
    s.git.merge("feat", "补充说明", who=DRAFTER)
    checked = cli_env(s.root, {}, "check")
    assert checked.returncode != 0 and "DC003" in checked.stdout + checked.stderr
