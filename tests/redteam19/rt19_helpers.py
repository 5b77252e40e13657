"""What the round 19 tests share (on top of rounds 16 and 18's helpers)."""

from __future__ import annotations

from rt18_helpers import (  # noqa: F401
    DOC,
    DOC_B,
    MSG,
    P,
    add_p,
    all_codes,
    approve,
    bump,
    bump_at,
    fresh,
    git,
    head,
    make_scenario,
    rewrite,
    take_merge,
    trail_json,
    two_doc_scenario,
)


def both_runs(s, sha, before=True):
    """The problem codes for ``sha`` on a run extending a cache made before it (``before``: the
    caller ran ``trail_json`` before making ``sha``) and on a fresh run (no .git/doccontrol)."""
    cached = all_codes(s, sha)
    fresh(s)
    return cached, all_codes(s, sha)


def event_docs(s, sha):
    """(id, version, kind, approved) of each document revision the event ``sha`` records."""
    event = next(e for e in trail_json(s)["events"] if e["commit"] == sha)
    return sorted((d["id"], d["version"], d["kind"]) for d in event["documents"]), event["approved"]


def commit_merge_as(s, branch, who="liujing"):
    """Commit the merge in progress (``git merge --no-commit branch`` already run and
    resolved) with 刘静's approval and 王芳's review in the message; returns the merge."""
    s.git.run("commit", "-q", "-m", MSG.format(branch), who=who, date=s.git.next_date())
    return head(s)


def take_conflicted(s, branch, *paths, who="liujing", remove=()):
    """``take_merge``, asserting that git's own merge stopped on a conflict (the merger had to
    resolve it): each of ``paths`` is taken whole from ``branch``, each of ``remove`` removed.
    Returns the merge commit."""
    tried = s.git.attempt("merge", "--no-ff", "-q", "--no-commit", branch, who=who)
    assert tried.returncode != 0, tried.stdout + tried.stderr  # a conflict, as the story says
    for path in paths:
        git(s, "checkout", branch, "--", path)
        git(s, "add", path)
    for path in remove:
        git(s, "rm", "-q", "--cached", "--ignore-unmatch", path)
        (s.root / path).unlink(missing_ok=True)
    return commit_merge_as(s, branch, who=who)
