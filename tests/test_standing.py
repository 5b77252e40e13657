"""The next periodic review (standing.next_review): what a recorded review date counts for."""

from __future__ import annotations

import datetime

from doccontrol import standing

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
