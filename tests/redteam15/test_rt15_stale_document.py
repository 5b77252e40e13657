"""A document changed on main (approved) and on a stale branch: the conflict resolved by taking
the branch's whole file drops main's approved change, with no review showing the removal."""

from __future__ import annotations

from rt15_helpers import (
    DOC,
    SOON,
    approve,
    clean,
    doc_branch,
    event_for,
    git,
    head,
    make_scenario,
    rewrite,
)


def test_a_stale_branch_taken_whole_does_not_silently_undo_an_approved_version(tmp_path):
    """FINDING. 赵磊's reviewed branch cr-2 forks at V1.0, edits 目的 and bumps to V1.2.
    Meanwhile V1.1 (周强's 适用范围 text) is approved on main with ``approve``. approve refuses
    cr-2 (git's merge conflicts on the version line). 刘静 merges by hand, resolving with
    ``git checkout --theirs`` (the branch's whole file): V1.1's approved text is gone, and no
    review showed its removal (the reviewed diff is merge-base..cr-2). The trail accepts the
    merge (0 problems): for documents it only asks that the version be a merged side's.
    For controlled files the same "stale branch's whole file" is DC516.merged."""
    s = make_scenario(tmp_path)
    # 赵磊's reviewed branch cr-2 forks at V1.0 and edits 目的 (V1.2 so it is above main's V1.1)
    doc_branch(
        s,
        "cr-2",
        lambda: rewrite(
            s, DOC, "version: V1.0", "version: V1.2", "effective_date: 2026-01-05",
            f"effective_date: {SOON}", "目的的内容。", "修订的目的。",
        ),
    )  # fmt: skip
    # meanwhile main approves V1.1 (周强 adds 适用范围 text; 刘静 approves via approve)
    doc_branch(
        s,
        "cr-1",
        lambda: rewrite(
            s, DOC, "version: V1.0", "version: V1.1", "effective_date: 2026-01-05",
            f"effective_date: {SOON}", "适用范围的内容。", "适用范围：全公司（已批准）。",
        ),
        who="zhouqiang",
    )  # fmt: skip
    result, merged = approve(s, "cr-1", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    v11 = head(s)
    assert event_for(s, v11)["problems"] == []
    # approve refuses cr-2 (git's merge conflicts on the version line)
    result, merged = approve(s, "cr-2", "liujing", "wangfang")
    assert not merged
    clean(s)
    # 刘静 merges by hand, resolving the conflict with the branch's whole file
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-2", who="liujing")
    git(s, "checkout", "--theirs", DOC)
    git(s, "add", DOC)
    msg = (
        "Merge branch 'cr-2'\n\n修订\n\n"
        "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
    )
    s.git.run("commit", "-q", "-m", msg, who="liujing", date=s.git.next_date())
    text = git(s, "show", f"main:{DOC}").stdout
    assert "已批准" not in text and "version: V1.2" in text  # V1.1's approved text is gone
    event = event_for(s, head(s))
    assert event["problems"], "the trail accepts a merge that drops V1.1's approved change"
