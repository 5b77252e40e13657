"""A branch based on another feature branch, before that branch's last commit (which did not
touch the document): the later branch holds main's approved version of the document exactly,
and git merges it cleanly; it only misses a commit that changed another file."""

from __future__ import annotations

from rt16_helpers import DOC, approve, bump, git, hand_merge, head, make_scenario, problems


def test_a_branch_stacked_on_an_earlier_commit_of_the_approved_branch_is_not_stale(tmp_path):
    """FINDING (false positive; approve and the trail disagree). 赵磊's branch cr-1 makes V1.1
    (适用范围) in commit c1, then adds an unrelated file in c2. 周强 started cr-2 from c1 (a
    stacked branch) and makes V1.2 (目的). cr-1 is approved (刘静, approve). Then approve cr-2:
    git merges it cleanly, the result is cr-2's own file, which holds V1.1's approved text; approve
    exits 0. The trail then says DC522 (\"the branch does not hold the approved version\") and
    the revision is not approved: contains() asks only whether the branch holds the approval
    merge or its tip c2, never whether it holds the approved *document*."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-1", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围：全公司（已批准）。")
    c1 = s.git.commit("cr-1: 适用范围", who="zhaolei")
    s.git.branch("cr-2", c1)  # stacked on cr-1 as it stood then
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-2: 目的", who="zhouqiang")
    s.git.checkout("cr-1")
    (s.root / "notes.txt").write_text("unrelated\n", encoding="utf-8")
    s.git.commit("cr-1: notes", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-1", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    assert problems(s, head(s)) == []
    result, merged = approve(s, "cr-2", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr  # approve: a clean merge, judged fine
    text = git(s, "show", f"main:{DOC}").stdout
    assert "已批准" in text and "修订的目的" in text  # nothing approved was undone
    assert problems(s, head(s)) == [], "the trail refuses what approve just approved (DC522)"


def test_a_branch_stacked_on_the_approved_branch_before_its_rebase_is_not_stale(tmp_path):
    """FINDING (false positive, same cause). 周强's cr-2 is stacked on 赵磊's cr-1 (V1.1,
    适用范围) and makes V1.2 (目的). cr-1 is then rebased onto main (main had moved) and
    approved. cr-2 now holds V1.1's text through the pre-rebase commit only: git's merge
    conflicts on the version line alone, and 刘静 resolves it with cr-2's file, which holds
    every approved line. The trail says DC522 (\"would undo the approved content\"), though
    nothing is undone: it looks for the approval's commits, not for the approved text."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-1", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围：全公司（已批准）。")
    c1 = s.git.commit("cr-1: 适用范围", who="zhaolei")
    s.git.branch("cr-2", c1)
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-2: 目的", who="zhouqiang")
    s.git.checkout("main")
    (s.root / "notes.txt").write_text("main moves on\n", encoding="utf-8")
    s.git.commit("notes", who="wangfang")
    s.git.checkout("cr-1")
    s.git.run("rebase", "-q", "main", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-1", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m2 = hand_merge(s, "cr-2", take="cr-2")
    text = git(s, "show", f"main:{DOC}").stdout
    assert "已批准" in text and "修订的目的" in text and "version: V1.2" in text
    assert problems(s, m2) == [], "DC522 for a branch that holds every approved line"
