"""What held in round 123 (the most instructive of what was tried against 3a5a1b8)."""

from __future__ import annotations

from rt27_helpers import new_doc
from rt122_helpers import HER_TEXT, HER_TITLE, first_approval
from rt123_helpers import (
    DRAFTER,
    NEW,
    UNCONTROLLED,
    her_draft_copied_from_the_line,
    trail_strict,
    verdict,
)

from history_helpers import body


def test_held_a_cache_from_before_the_approval_extends_to_the_same_verdict(scenario):
    """Hole 3's control (her draft committed on the line, moved by 赵磊) with the cache
    written by a trail run before the approval: the extending run restores ``approvals`` and
    ``unvouched`` and still blames her (DC503), as a fresh run does."""
    s = scenario
    _draft, approval = her_draft_copied_from_the_line(s, how="move")
    s.git.run("reset", "-q", "--hard", f"{approval}^1")
    code, out = trail_strict(s)
    assert code == 0, out
    s.git.run("reset", "-q", "--hard", approval)
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert ok, said


def test_held_a_branch_that_merges_main_after_the_draft_was_taken_back(scenario):
    """Hole 1's history (her draft taken onto main by her plain merge, then removed on main,
    赵磊's branch from her draft commit moving it), but 赵磊 merges main into his branch before
    the approval: main's removal is now a fork too, a line commit no approval judged, so the
    lines are blamed and blame follows his `git mv` to her commit (DC503). Hole 1 needs the
    branch not to merge main (the forge's merge resolves the rename/delete, or she copies)."""
    s = scenario
    first_approval(s)
    s.git.branch("draft")
    s.files.write(UNCONTROLLED, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    draft = s.git.commit("草稿", who=DRAFTER)
    s.git.checkout("main")
    s.git.merge_message("Merge branch 'draft'\n\n草稿", "draft", who=DRAFTER)
    s.git.run("rm", "-q", UNCONTROLLED)
    s.git.commit("删除草稿", who=DRAFTER)
    s.git.branch("feat", draft)
    s.git.run("mv", UNCONTROLLED, NEW)
    text = (s.root / NEW).read_text("utf-8")
    (s.root / NEW).write_text(text.replace("适用范围的内容。", "适用范围：全公司。", 1), "utf-8")
    s.git.commit("补充说明", who="zhaolei")
    s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "main", who="zhaolei")
    s.git.run("rm", "-q", "--cached", "--ignore-unmatch", UNCONTROLLED)
    (s.root / UNCONTROLLED).unlink(missing_ok=True)
    s.git.run("checkout", "-q", "HEAD", "--", NEW)
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", "Merge main into feat", who="zhaolei", date=s.git.next_date())
    approval = s.git.merge("feat", "补充说明", who=DRAFTER, approvers=(DRAFTER,))
    ok, said = verdict(s, approval, DRAFTER, "SM-P-09")
    assert ok, said
