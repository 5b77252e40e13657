"""Held attacks on round 99's ``brings_only``: a merge whose parents are swapped (the reviewed
head first, so main's line runs through the pull request's commit), and a note whose
``head.sha`` is the head abbreviated or in capitals. None of them is shown approved clean."""

from __future__ import annotations

import pytest
from rt99_helpers import codes, signed_note, trusting
from test_rt100_evil_merge import reviewed_head


def swapped(s):
    """Merge commit with parents (head, old main), made with commit-tree and fast-forwarded."""
    head = reviewed_head(s)
    s.git.checkout("main")
    main = s.git.head()
    tree = s.git.run("rev-parse", f"{head}^{{tree}}")
    merged = s.git.run(
        "commit-tree", tree, "-p", head, "-p", main, "-m",
        "Merge pull request #7 from team/cr-7\n\n变更 7", who="zhaolei",
    )  # fmt: skip
    s.git.run("merge", "--ff-only", "-q", merged)
    return head, merged


def plain(s):
    head = reviewed_head(s)
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
              "cr-7", who="zhaolei", date=s.git.next_date())  # fmt: skip
    return head, s.git.head()


@pytest.mark.parametrize(
    "shape, spell",
    [
        (swapped, lambda h: h),
        (plain, lambda h: h[:12]),
        (plain, lambda h: h.upper()),
    ],
    ids=["parents-swapped", "head-abbreviated", "head-upper-case"],
)
def test_note_is_not_clean_evidence(tmp_path, shape, spell):
    s, forge = trusting(tmp_path)
    head, merged = shape(s)
    signed_note(s, tmp_path, forge, 7, spell(head), merged)
    revs = s.history().documents["SM-P-01"].revisions
    clean = [r for r in revs if r.approved and r.evidence.startswith("forge") and not codes(r)]
    if spell(head) == head.upper():
        # capitals name the same commit: read as it (no forgery, and no approval lost)
        assert [(r.approved, r.evidence, codes(r)) for r in revs] == [
            (True, "forge-api-signed", [])
        ]
        return
    assert clean == [], [(r.approved, r.evidence, codes(r)) for r in revs]
