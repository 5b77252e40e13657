"""Bad input to the auditors' commands: a clear one-line message, exit 2, never a traceback
nor an "internal error" (README: "2 usage or environment error (with one clear line, never a
traceback)")."""

from __future__ import annotations

import pytest
from rt27_helpers import two_doc_scenario
from rt32_helpers import run

GOOD = [
    ("show", "SM-P-01", "--as-of", "2026-02-30"),
    ("show", "SM-P-01", "--as-of", "2026-03-01T10:00"),
    ("show", "SM-P-01", "--as-of", ""),
    ("show", "SM-P-99", "--as-of", "2026-03-01"),
    ("show", "SM-P-01", "--as-of", "0001-01-01"),
    ("diff", "SM-P-01", "V1.0", "V9.9"),
    ("diff", "SM-P-99", "V1.0", "V1.0"),
    ("log", "SM-P-99"),
    ("trail", "--since", "2026-13-01"),
    ("review-due", "--within", "-5"),
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return two_doc_scenario(tmp_path_factory.mktemp("inputs"))


def _clear_refusal(out):
    return (
        out.returncode == 2
        and "Traceback" not in out.stderr
        and "internal error" not in out.stderr
        and len(out.stderr.strip().splitlines()) == 1
    )


def test_bad_dates_ids_and_versions_are_refused_in_one_line(repo):
    """Held: every shape in GOOD is refused with one line and exit 2."""
    bad = [
        (c, out.returncode, out.stderr) for c in GOOD if not _clear_refusal(out := run(repo, *c))
    ]
    assert not bad, bad


def test_review_due_with_a_huge_within_is_a_usage_error(repo):
    """`review-due --within 99999999999` (a typo of days) ends in "internal error:
    OverflowError: Python int too large to convert to C int ... This is a bug in doccontrol"."""
    out = run(repo, "review-due", "--within", "99999999999")
    assert _clear_refusal(out) or out.returncode == 0, out.stderr
