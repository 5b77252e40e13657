"""``stale()`` judges the merge's version against main's *file* (the first parent's blob), not
against the version in force (the last approved one). The two differ whenever main holds a
change nobody approved (a direct push, flagged DC501, which never takes effect): then a merge
can put an approved paragraph's removal in force with no problem on the approval (the push
removed it from the file, the stale branch never had it), and a merge that drops only the
unapproved change is accused of undoing approved text. Controlled files have this guard
(``adopts_unapproved`` → DC516.adopts: "a change reaches force only through a diff someone
approved"); documents do not."""

from __future__ import annotations

import pytest
from rt19_helpers import (
    DOC,
    P,
    add_p,
    approve,
    both_runs,
    bump,
    event_docs,
    git,
    head,
    make_scenario,
    rewrite,
    take_merge,
    trail_json,
)

U = "未经批准的段落U。"


@pytest.mark.xfail(
    strict=True,
    reason="decided (session 18): a later approval adopts a change nobody approved that is on "
    "main (as tests/history/test_attacks.py holds for an untrusted merge); the push itself stays "
    "in the trail as an open problem (DC501), so trail --strict fails until it is handled as a "
    "nonconformity; DC522 asks what the merge drops of main's version",
)
def test_a_stale_branch_approved_after_a_pushed_revert_of_p_is_stale(tmp_path):
    """FINDING (false negative, fresh and cached; through ``doccontrol approve``). Steps:
    赵磊's cr-b (from M0) bumps SM-P-01 to V1.2 (a new 目的). 周强's P is approved on main
    (V1.1, in force). 赵磊 (push access) pushes ``git revert -m 1`` of that approval to main: a
    direct commit, flagged (DC501, unapproved) and never in force — V1.1 with P stays the
    version in force. 刘静 then runs ``doccontrol approve cr-b``: main's file equals the base
    again, git merges cleanly to cr-b's own file, approve merges (no warning). What happened:
    SM-P-01 V1.2, without P, is approved and in force; the approval event has no problem, fresh
    or cached. No reviewed diff showed P's removal (main...cr-b starts at M0; the revert was
    never reviewed). Why it matters: an approved paragraph is removed from force by an
    unapproved push plus an honest approval of a stale branch; the push's own flag says "not in
    force", which was true until this approval made its effect permanent. Safe behaviour:
    DC522 on V1.2 (judge the merged version against the version in force — SM-P-01's approved
    V1.1 — as well as against main's file), so V1.2 does not take effect."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    m1 = add_p(s)
    s.git.run("revert", "--no-edit", "-m", "1", m1, who="zhaolei", date=s.git.next_date())
    revert = head(s)
    result, merged = approve(s, "cr-b", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m = head(s)
    assert P not in (s.root / DOC).read_text("utf-8")
    assert P not in git(s, "diff", f"{m1}...cr-b").stdout
    docs, approved = event_docs(s, m)
    assert docs == [("SM-P-01", "V1.2", "approval")] and not approved, docs
    assert "DC501" in [p["code"] for e in trail_json(s)["events"] if e["commit"] == revert
                       for p in e["problems"]]  # fmt: skip
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_a_reviewed_branch_dropping_only_an_unapproved_push_is_not_stale(tmp_path):
    """FINDING (false positive, fresh and cached). Steps: 周强's cr-b (from M0) bumps SM-P-01
    to V1.1 (a new 目的), reviewed. Meanwhile 赵磊 pushes paragraph U straight to main (DC501:
    unapproved, not in force; V1.0 stays in force). 刘静 merges cr-b taking its whole file
    (approve would refuse: git's merge mixes U in), which leaves U out. What happened: DC522
    ("would undo approved content"), and V1.1 does not take effect. The version in force goes
    from V1.0 to exactly the V1.1 that was reviewed; the only text the merge drops was never
    approved. Why it matters: a blocking, false accusation for doing the right thing with an
    unapproved push, and the message names approved text that is not undone. Safe behaviour:
    no DC522 — text main's file holds that is not in the version in force is not main's
    approved text (judge against the version in force)."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.1", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.1", who="zhouqiang")
    s.git.checkout("main")
    rewrite(s, DOC, "附则的内容。", "附则的内容。\n\n" + U)
    s.git.commit("直接推送 U", who="zhaolei")
    trail_json(s)
    m = take_merge(s, "cr-b", DOC)
    assert U not in (s.root / DOC).read_text("utf-8")
    cached, without = both_runs(s, m)
    assert "DC522" not in cached and "DC522" not in without, (cached, without)


@pytest.mark.xfail(
    strict=True,
    reason="decided (session 18): a later approval adopts a change nobody approved that is on "
    "main (as tests/history/test_attacks.py holds for an untrusted merge); the push itself stays "
    "in the trail as an open problem (DC501), so trail --strict fails until it is handled as a "
    "nonconformity; DC522 asks what the merge drops of main's version",
)
def test_a_stale_edit_approved_after_a_pushed_restore_of_a_withdrawn_document_is_stale(
    tmp_path,
):
    """FINDING (false negative, fresh and cached; through ``doccontrol approve``; the same
    root cause for a withdrawal). Steps: main holds SM-P-01 and SM-P-02 (b.md). 赵磊's cr-b
    (from M0) bumps SM-P-02 to V1.1. 周强's withdrawal of SM-P-02 is approved (b.md deleted).
    赵磊 pushes ``git revert -m 1`` of it straight to main (DC501: unapproved; SM-P-02 stays
    withdrawn). 刘静 runs ``doccontrol approve cr-b``: git merges cleanly, approve merges.
    What happened: SM-P-02 V1.1 is approved and in force again; the approval has no problem,
    fresh or cached. Safe behaviour: DC522 — the version in force before the merge is
    "withdrawn", and no reviewed diff showed the document coming back."""
    from rt19_helpers import DOC_B, bump_at, two_doc_scenario

    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-b", "main")
    bump_at(s, DOC_B, "V1.0", "V1.1", "目的的内容（乙）。", "修订的目的。")
    s.git.commit("cr-b: SM-P-02 V1.1", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-w", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    s.git.run("revert", "--no-edit", "-m", "1", head(s), who="zhaolei", date=s.git.next_date())
    result, merged = approve(s, "cr-b", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    m = head(s)
    docs, approved = event_docs(s, m)
    assert docs == [("SM-P-02", "V1.1", "approval")] and not approved, docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)
