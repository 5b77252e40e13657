"""What the round 16 tests share (on top of rounds 14 and 15's helpers)."""

from __future__ import annotations

import re
import shutil

from rt15_helpers import (  # noqa: F401
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
    trail_json,
)

MSG = (
    "Merge branch '{}'\n\n修订\n\n"
    "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def bump(s, old, new, *pairs):
    """The document moved from version ``old`` to ``new`` (effective SOON), plus text edits."""
    rewrite(s, DOC, f"version: {old}", f"version: {new}", *pairs)
    text = (s.root / DOC).read_text(encoding="utf-8")
    text = re.sub(r"effective_date: \S+", f"effective_date: {SOON}", text, count=1)
    (s.root / DOC).write_text(text, encoding="utf-8")


def hand_merge(s, *branches, take=None, who="liujing"):
    """``who`` merges ``branches`` by hand (--no-ff), resolving any conflict on the document by
    taking branch ``take``'s whole file; returns the merge commit."""
    s.git.attempt("merge", "--no-ff", "-q", "--no-commit", *branches, who=who)
    if take is not None:
        git(s, "checkout", take, "--", DOC)
        git(s, "add", DOC)
    s.git.run(
        "commit", "-q", "-m", MSG.format("', '".join(branches)), who=who, date=s.git.next_date()
    )
    return head(s)


def problems(s, sha):
    event = event_for(s, sha)
    assert event is not None, sha
    return sorted({p["code"] for p in event["problems"]})


def fresh(s):
    """Forget the history cache (.git/doccontrol): the next run derives from scratch."""
    shutil.rmtree(s.root / ".git" / "doccontrol", ignore_errors=True)
