"""``lacks()`` finds the merged side by its exact text with the effective-date line set aside;
no side holding it means "the merger wrote it" and ``lacks()`` answers False — not stale.
A merge that takes the stale branch's whole file and only renumbers its version (two branches
both made V1.1, so the one merged second must say V1.2 — the usual way to resolve that
clash) is therefore never judged for what it undoes: being the merger's only adds the merger
to the document's authors, which blocks nothing when the merger is the branch's own author."""

from __future__ import annotations

import pytest
from rt19_helpers import (
    DOC,
    P,
    add_p,
    all_codes,
    both_runs,
    bump,
    commit_merge_as,
    event_docs,
    git,
    make_scenario,
    rewrite,
    trail_json,
)

Q = "补充说明Q。"


def _both_v11(s):
    """赵磊's cr-b (from M0) makes V1.1 adding paragraph Q where 周强's P goes; P (V1.1) is
    approved on main first."""
    s.git.branch("cr-b", "main")
    bump(s, "V1.0", "V1.1", "适用范围的内容。", "适用范围的内容。\n\n" + Q)
    s.git.commit("cr-b: Q", who="zhaolei")
    s.git.checkout("main")
    add_p(s)
    assert P not in git(s, "diff", "main...cr-b").stdout


def _take_theirs_as_v12(s, who):
    tried = s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-b", who=who)
    assert tried.returncode != 0, tried.stdout  # both added a paragraph at the same place
    git(s, "checkout", "cr-b", "--", DOC)
    rewrite(s, DOC, "version: V1.1", "version: V1.2")  # V1.1 is taken: the next number
    git(s, "add", DOC)
    return commit_merge_as(s, "cr-b", who=who)


def test_stale_file_taken_with_its_version_renumbered_in_the_merge_is_stale(tmp_path):
    """FINDING (false negative, fresh and cached). Steps: 周强's P is approved on main
    (SM-P-01 V1.1). 赵磊's cr-b, made before it, also made V1.1 (adding Q at the same place).
    赵磊 (push access) merges cr-b: git stops on the conflict; he takes cr-b's whole file and,
    V1.1 being taken, sets ``version: V1.2``; the message carries 刘静's approval and 王芳's
    review. What happened: P is gone from main; SM-P-01 V1.2 is approved and in force; no
    problem at all, fresh or cached. ``lacks()`` looks for a merged side holding the version
    (effective date aside) — none has ``version: V1.2`` — and returns False ("the merger wrote
    it"); the merger is added to the authors, and 赵磊 is one already. The reviewed diff
    (main...cr-b) never showed P's removal. Why it matters: the stale whole file escapes DC522
    by a one-line change git's own conflict makes necessary. Safe behaviour: DC522 — find the
    merged side with the version line set aside too (``sans_version``), or judge a version no
    side holds against main's text over the merge bases as well."""
    s = make_scenario(tmp_path)
    _both_v11(s)
    trail_json(s)
    m = _take_theirs_as_v12(s, "zhaolei")
    text = (s.root / DOC).read_text("utf-8")
    assert P not in text and Q in text and "version: V1.2" in text
    docs, approved = event_docs(s, m)
    assert docs == [("SM-P-01", "V1.2", "approval")] and not approved, docs
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)


def test_held_the_approver_making_the_same_merge_is_blocked_as_its_author(tmp_path):
    """HELD (partly). The same merge made by 刘静 herself: V1.2 does not take effect, but as
    self-approval (DC503: the merge's text is hers), not as the stale version it is."""
    s = make_scenario(tmp_path)
    _both_v11(s)
    m = _take_theirs_as_v12(s, "liujing")
    codes = all_codes(s, m)
    assert "DC503" in codes, codes


@pytest.mark.xfail(
    strict=True,
    reason="decided (session 18): text the merger writes into an unsigned merge is the merger's "
    "own change, judged as such (the merger is its author: DC503 when the merger approves); the "
    "Approved-by trailer of another person in an unsigned merge is a claim the merger typed, "
    "which only branch protection or require_signed can vouch for (README, threat model)",
)
def test_up_to_date_branch_with_p_cut_in_the_merge_is_stale(tmp_path):
    """FINDING (same root cause, the quick path's side). Steps: P approved on main (V1.1).
    赵磊's cr-b, made from main's tip (it holds P), makes V1.2 (a new 目的); its diff shows no
    removal. 赵磊 merges it by hand (--no-ff, no conflict) and, in the merge, cuts P from the
    file; the message carries 刘静's approval and 王芳's review. What happened: P gone, V1.2
    approved, no problem, fresh or cached: on a fresh run the quick path says "cr-b left main
    after P, it holds it" — true of cr-b's version, not of the merge's, which no side holds;
    on a cached run ``lacks()`` finds no side holding it and answers False. Safe behaviour:
    DC522 (the quick path vouches only for a version a merged side holds; a version the merger
    wrote is judged against main's text too)."""
    s = make_scenario(tmp_path)
    add_p(s)
    s.git.branch("cr-b", "main")
    bump(s, "V1.1", "V1.2", "目的的内容。", "修订的目的。")
    s.git.commit("cr-b: V1.2", who="zhaolei")
    s.git.checkout("main")
    trail_json(s)
    tried = s.git.attempt("merge", "--no-ff", "-q", "--no-commit", "cr-b", who="zhaolei")
    assert tried.returncode == 0, tried.stdout + tried.stderr
    rewrite(s, DOC, "\n\n" + P, "")
    git(s, "add", DOC)
    m = commit_merge_as(s, "cr-b", who="zhaolei")
    assert P not in (s.root / DOC).read_text("utf-8")
    cached, without = both_runs(s, m)
    assert "DC522" in cached and "DC522" in without, (cached, without)
