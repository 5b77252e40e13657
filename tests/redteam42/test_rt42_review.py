"""Periodic review (定期评审): can a document be made to look reviewed, or its next review be
pushed out, without a review of the version in force?

SM-P-01 V1.0 is the pre-control baseline, in force from 2026-01-05, reviewed every 12 months:
by 2027-03-01 its review is overdue unless someone reviewed it."""

from __future__ import annotations

import json

from rt42_helpers import run

from builders import procedure
from history_helpers import body, make_scenario

DOC = "docs/procedures/test.md"


def _due(s, today="2027-03-01"):
    out = run(s, "review-due", "--today", today, "--format", "json")
    assert out.returncode in (0, 1), out.stdout + out.stderr
    return {r["id"]: r for r in json.loads(out.stdout)}


def _merged(s, branch, text, title, who="zhaolei"):
    s.git.branch(branch)
    s.files.write(DOC, text)
    s.git.commit(title, who=who)
    return s.git.merge(branch, title)


def test_the_baseline_is_overdue_without_a_review(tmp_path):
    s = make_scenario(tmp_path)
    assert _due(s)["SM-P-01"]["overdue"] is True


def test_a_direct_commit_of_a_review_date_reviews_nothing(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write(DOC, procedure(extra="review_date: 2027-02-01\n"))
    s.git.commit("评审", who="zhaolei")
    assert _due(s)["SM-P-01"]["overdue"] is True


def test_a_review_date_after_the_approval_that_recorded_it_pushes_nothing_out(tmp_path):
    """V1.1, approved in January 2026, records 最近评审日期 2030-06-01: a review that has not
    happened. Paper approvals dated after the approval that recorded them count
    for nothing (README, *Last approval*); a review date should be held to the same: at most
    the day of the approval that recorded it. V1.1 was approved in January 2026, so the
    next one is due in January 2027 and is overdue by March 2027."""
    s = make_scenario(tmp_path)
    text = procedure(version="V1.1", extra="review_date: 2030-06-01\n", body=body("新的目的。"))
    _merged(s, "v11", text, "修订 V1.1")
    found = _due(s)
    assert "SM-P-01" in found, found
    assert found["SM-P-01"]["next_review"] < "2027-03-01"
    assert found["SM-P-01"]["overdue"] is True


def test_check_reports_a_review_date_after_today(tmp_path):
    """`check` reports a paper approval dated after today (DC219); a 最近评审日期 after today
    is as impossible, and pushes the next review out by as much."""
    s = make_scenario(tmp_path)
    s.files.write(DOC, procedure(extra="review_date: 2099-06-01\n"))
    out = run(s, "check", DOC)
    assert out.returncode == 1, out.stdout + out.stderr


def test_an_approved_draft_is_no_review_of_the_version_in_force(tmp_path):
    """V1.1, a draft for comment, is approved in 2026. V1.0 stays the version in force and
    nobody reviewed it: its periodic review is still overdue by March 2027."""
    s = make_scenario(tmp_path)
    draft = procedure(version="V1.1", status="draft", body=body("征求意见的目的。"))
    _merged(s, "draft", draft, "草稿征求意见")
    found = _due(s)
    assert "SM-P-01" in found and found["SM-P-01"]["overdue"] is True, found
