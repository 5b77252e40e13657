"""Round 123's shared histories. Round 122's fix (``history/untaken.py``) asks who wrote the
text a change brings only where its side forks from a commit in ``unvouched`` (brought off the
line by an earlier merge that did not take its text) or from a line commit that is no
approval event (``line_unvouched``, judged by ``git blame -C``). These histories fork from:
her draft commit that a merge *took* onto the line where that merge was no approval (files
nothing controls: hole 1); an approval event of something else that also held her draft at
a path nothing controls (hole 2); a line commit no approval judged, with her file copied
byte for byte while the copying commit leaves her file alone (``blame -C`` looks for copies
only in files the same commit changed: hole 3). Each time the drafter's text reaches a
document she approves, and she is not among its writers."""

from __future__ import annotations

from rt27_helpers import SOON, cli_env, new_doc, trail_strict
from rt120_helpers import event_of, log_json
from rt122_helpers import (
    CONFIG,
    DRAFTER,
    GM,
    HER_TEXT,
    HER_TITLE,
    NEW,
    UNCONTROLLED,
    first_approval,
    verdict,
)

from gitrepo import PEOPLE, ident
from history_helpers import body
from rules_attacks import approve

__all__ = [
    "CONFIG",
    "DRAFTER",
    "GM",
    "HER_TEXT",
    "NEW",
    "PEOPLE",
    "SOON",
    "UNCONTROLLED",
    "approve",
    "cli_env",
    "event_of",
    "her_draft_copied_from_the_line",
    "her_draft_in_an_approval",
    "her_draft_taken_by_a_plain_merge",
    "ident",
    "log_json",
    "trail_strict",
    "verdict",
]


def _her_draft(s) -> str:
    """刘静 writes a complete SM-P-09 (front matter and all) at ``UNCONTROLLED``, a path no
    rule controls, on the current branch."""
    s.files.write(UNCONTROLLED, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    return s.git.commit("草稿", who=DRAFTER)


def _bring_it(s, start: str, how: str) -> None:
    """赵磊 branches ``feat`` from ``start`` and brings her draft to ``NEW`` with the scope
    line changed (his only line): ``copy`` writes ``NEW`` and leaves her file as it is (the
    branch merges cleanly whether main still holds her file or took it back); ``move`` is a
    `git mv` (git follows it as a rename)."""
    s.git.branch("feat", start)
    text = (s.root / UNCONTROLLED).read_text("utf-8")
    if how == "move":
        s.git.run("rm", "-q", UNCONTROLLED)
    s.files.write(NEW, text.replace("适用范围的内容。", "适用范围：全公司。", 1))
    s.git.commit("补充说明", who="zhaolei")


def _approve(s, via: str) -> str:
    """刘静 approves ``feat``: a forge merge she makes with her Approved-by and 王芳's
    Reviewed-by (where main took her draft back and the branch moved it, git stops on a
    rename/delete: the forge's conflict editor keeps the branch's file), or `doccontrol
    approve feat --reviewer 王芳` run as her."""
    s.git.checkout("main")
    if via == "approve":
        result, merged = approve(s, "feat", DRAFTER, "wangfang")
        assert merged, result.stdout + result.stderr
        return s.git.head()
    message = (
        "Merge branch 'feat' into 'main'\n\n补充说明\n\nSee merge request it/sms!9\n\n"
        f"Approved-by: {ident(DRAFTER)}\nReviewed-by: {ident('wangfang')}"
    )
    if s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "feat", who=DRAFTER).returncode:
        s.git.run("rm", "-q", "--cached", "--ignore-unmatch", UNCONTROLLED)
        (s.root / UNCONTROLLED).unlink(missing_ok=True)
        s.git.run("checkout", "-q", "feat", "--", NEW)
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", message, who=DRAFTER, date=s.git.next_date())
    return s.git.head()


def _take_back(s) -> None:
    """刘静 removes her draft straight on main: no problem (nothing controlled changes)."""
    s.git.run("rm", "-q", UNCONTROLLED)
    s.git.commit("删除草稿", who=DRAFTER)


def her_draft_taken_by_a_plain_merge(
    s, merged: bool = True, how: str = "copy", via: str = "forge"
) -> tuple[str, str]:
    """Hole 1. After an ordinary approval, 刘静 drafts SM-P-09 at ``UNCONTROLLED`` on branch
    ``draft`` and merges ``draft`` into main herself: a merge of files nothing controls, so no
    approval event and no problem, yet it *took* her commit's text (``untaken._taken``). She
    removes the draft straight on main. 赵磊 branches from her draft commit (the tip that
    merge merged), brings it to ``NEW`` (``how``), changes one line, and she approves.
    Without ``merged`` her branch never reached main (the control). Returns (draft,
    approval)."""
    first_approval(s)
    s.git.branch("draft")
    draft = _her_draft(s)
    s.git.checkout("main")
    if merged:
        s.git.merge_message("Merge branch 'draft'\n\n草稿", "draft", who=DRAFTER)
        _take_back(s)
    _bring_it(s, draft, how)
    return draft, _approve(s, via)


def her_draft_in_an_approval(
    s, in_line: bool = True, how: str = "copy", via: str = "forge", fork: str = "approval"
) -> tuple[str, str]:
    """Hole 2. 刘静's commit on branch ``cfg`` carries a comment for doccontrol.yml, which
    陈明远 (the rules' approver) approves with 王芳 reviewing, and her SM-P-09 draft at
    ``UNCONTROLLED``, which no rule asks anyone to judge. The approval merge is an approval
    event on the line, so ``line_unvouched`` never asks about it. She then removes the draft
    straight on main. 赵磊 branches from the approval merge itself, brings the draft to
    ``NEW``, changes one line, and 刘静 approves. Without ``in_line`` he branches from her
    commit on a branch never merged (the control); with ``fork="draft"`` he branches from
    her commit, the tip the approval merged whole (session 41). Returns (draft, approval)."""
    first_approval(s)
    s.git.branch("cfg")
    text = (s.root / CONFIG).read_text("utf-8")
    (s.root / CONFIG).write_text(
        text.replace("schema_version: 1\n", "schema_version: 1\n# 组织的文件控制规则\n", 1),
        "utf-8",
    )
    draft = _her_draft(s)
    if in_line:
        start = s.git.merge("cfg", "规则注释", who=GM, approvers=(GM,))
        _take_back(s)
        start = draft if fork == "draft" else start
    else:
        s.git.checkout("main")
        start = draft
    _bring_it(s, start, how)
    return draft, _approve(s, via)


def her_draft_copied_from_the_line(
    s, line: str = "direct", how: str = "copy", via: str = "forge"
) -> tuple[str, str]:
    """Hole 3. After an ordinary approval, 刘静's SM-P-09 draft reaches main at
    ``UNCONTROLLED`` in a line commit no approval judged: committed straight on main
    (``direct``, round 122's hole 3) or her branch merged by her (``merge``). She removes it
    straight on main. 赵磊 branches from that line commit (``line_unvouched``: judged by
    blame), writes her file's text to ``NEW`` with one line changed and leaves her file
    alone (``copy``), or `git mv`s it (``move``, the control: blame follows the rename), and
    she approves. Returns (draft, approval)."""
    first_approval(s)
    if line == "merge":
        s.git.branch("draft")
        draft = _her_draft(s)
        s.git.checkout("main")
        start = s.git.merge_message("Merge branch 'draft'\n\n草稿", "draft", who=DRAFTER)
    else:
        draft = start = _her_draft(s)
    _take_back(s)
    _bring_it(s, start, how)
    return draft, _approve(s, via)
