"""The next periodic review (standing.next_review): what a recorded review date counts for."""

from __future__ import annotations

import datetime
from dataclasses import replace

from doccontrol import standing
from doccontrol.history.model import DocumentHistory, Revision, Signature

META = {"review_interval_months": 12, "effective_date": "2026-01-05"}


def test_a_review_date_counts_up_to_the_approval_that_recorded_it():
    """V1.1, approved on 2026-01-20, records 最近评审日期 2030-06-01: a review that had not
    happened. It counts as 2026-01-20, so the next review is a year after the approval."""
    meta = {**META, "review_date": "2030-06-01"}
    assert standing.reviewed(meta, "2026-01-20") == "2026-01-20"
    due = standing.next_review("effective", meta, "2026-01-20", "2026-01-20", "2026-01-20")
    assert due == "2027-01-20"


def test_a_review_date_before_its_approval_counts_as_written():
    meta = {**META, "review_date": "2026-01-10"}
    assert standing.reviewed(meta, "2026-01-20") == "2026-01-10"
    # the pre-control baseline: no approval, its review date counts up to its commit's day
    due = standing.next_review(
        "effective", {**META, "review_date": "2026-03-01"}, "", "", "2026-04-01"
    )
    assert due == "2027-03-01"


def test_a_review_date_no_day_recorded_counts_for_nothing():
    assert standing.reviewed({**META, "review_date": "2026-01-10"}, "") == ""
    assert standing.reviewed(META, "2026-01-20") == ""


def test_the_interval_past_the_calendars_end_is_its_last_day():
    assert standing.add_months(datetime.date(9999, 12, 31), 12) == datetime.date.max


def _revision(seq: int, kind: str, day: str) -> Revision:
    """An approval of SM-P-01 V1.0 merged on ``day`` (its commit named after ``seq``)."""
    return Revision(
        seq=seq,
        kind=kind,  # type: ignore[arg-type]
        version="V1.0",
        commit=f"{seq:040x}",
        date=f"{day}T10:00:00+08:00",
        change="",
        sections=(),
        authors=(),
        author_date=f"{day}T09:00:00+08:00",
        reviewers=(),
        approvers=(),
        merge_request=None,
        signature=Signature("none"),
        approved=True,
        path="docs/procedures/test.md",
        status="effective",
        effective_date=day if seq == 1 else "",
    )


def _doc(*revisions: Revision) -> DocumentHistory:
    return DocumentHistory("SM-P-01", "docs/procedures/test.md", "测试程序", revisions)


def test_a_periodic_review_describes_and_vouches_for_the_version_in_force():
    first, review = _revision(1, "approval", "2026-01-05"), _revision(2, "review", "2026-02-01")
    stand = standing.standing(_doc(first, review), datetime.date(2026, 3, 1), lambda r: {})
    assert stand.in_force == first
    assert stand.described == review and stand.vouched_by == review
    assert standing.published(stand) == review


def test_a_review_after_a_same_version_text_change_describes_nothing_in_force():
    """V1.0 in force; an approved change of its text at V1.0 (DC511) is not in force, and a
    later review (its text the changed one, only the review date new) re-approves that text:
    neither describes the version in force nor vouches for it, an earlier review still does."""
    first, review = _revision(1, "approval", "2026-01-05"), _revision(2, "review", "2026-02-01")
    changed, relaunder = (
        _revision(3, "approval", "2026-03-01"),
        _revision(4, "review", "2026-03-05"),
    )
    doc = _doc(first, review, changed, relaunder)
    stand = standing.standing(doc, datetime.date(2026, 3, 10), lambda r: {})
    assert stand.in_force == first and stand.state == "effective"
    assert stand.described == review and stand.vouched_by == review
    assert standing.published(stand) == review
    alone = standing.standing(_doc(first, changed, relaunder), stand.day, lambda r: {})
    assert alone.described == first and alone.vouched_by == first
    assert standing.published(alone) == first


def test_an_ending_that_changes_the_text_at_the_version_in_force_gives_no_text():
    """V1.0 in force; one approval makes it obsolete and rewrites its text at V1.0 (DC511):
    the document is obsolete, and the text it ended with is not given as its text. Ending it
    with the text unchanged gives that text, and ending it at a new version gives the new
    version's (an approved text)."""
    first = _revision(1, "approval", "2026-01-05")
    day = datetime.date(2026, 3, 10)
    ends = {
        "rewritten": (("目的",), "V1.0", True),
        "as it was": ((), "V1.0", False),
        "a new version": (("目的",), "V1.1", False),
    }
    for case, (changed, version, swapped) in ends.items():
        end = replace(
            _revision(2, "approval", "2026-03-01"),
            status="obsolete",
            sections=changed,
            version=version,
        )
        stand = standing.standing(_doc(first, end), day, lambda r: {})
        assert stand.state == "obsolete" and stand.shown == end, case
        assert stand.text_swapped is swapped, case
        assert standing.published(stand) == (None if swapped else end), case
