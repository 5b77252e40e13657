"""Held: ``recall-due`` judging a copy by its issue day's holds (round 86, hole 1's fix) with
odd issue days, on round 86's set-up (SM-P-02 V1.0, approved 2026-04-01 for 2026-06-01,
redraws the shared chart blue; a review of SM-P-01 V1.1 on 2026-04-10; copy 02 red,
issued 2026-03-12). Each copy 03 is compared with what ``pdf --as-of <issue day>`` prints."""

from __future__ import annotations

import pytest
from rt78_helpers import due_copies
from rt86_helpers import BLUE, RED, copy_colours, issue, waiting_blue

CASES = [
    # issued, recall day, what pdf printed on the issue day, the copies recall-due lists
    ("2026-04-01", "2026-06-15", RED, ["02", "03"]),  # the day the hold began (after it)
    ("2026-04-10", "2026-06-15", RED, ["02", "03"]),  # the day of the review
    ("2026-06-01", "2026-06-15", BLUE, ["02"]),  # the day the hold was released
    ("2026-06-01", "2026-06-01", BLUE, ["02"]),  # issued and judged on the release day
    ("2026-06-10", "2026-05-20", BLUE, []),  # a record dated after the recall day: not out yet
]


@pytest.mark.parametrize("issued,today,printed,due", CASES)
def test_a_copy_is_judged_by_what_it_was_printed_with(tmp_path, issued, today, printed, due):
    s = waiting_blue(tmp_path)
    issue(s, "03", issued)
    assert copy_colours(s, tmp_path, issued) == {printed}
    assert due_copies(s, today) == due
