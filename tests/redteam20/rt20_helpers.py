"""What the round 20 tests share (on top of rounds 16, 18 and 19's helpers)."""

from __future__ import annotations

import re

from rt19_helpers import (  # noqa: F401
    DOC,
    DOC_B,
    MSG,
    P,
    add_p,
    all_codes,
    approve,
    both_runs,
    bump,
    bump_at,
    commit_merge_as,
    event_docs,
    fresh,
    git,
    head,
    make_scenario,
    rewrite,
    take_conflicted,
    take_merge,
    trail_json,
    two_doc_scenario,
)

LONG = "本节全面改写：规定受控文件的编写、审核、批准与发布的要求，并保留记录。" * 3


def rewrite_body(s, path):
    """Every section's text of the document at ``path`` rewritten at length (its headings
    kept): git's diff no longer pairs the old file with the new one (below 50% similar)."""
    text = (s.root / path).read_text("utf-8")
    text = re.sub(r"(?m)^(.+)的内容(（.）)?。$", lambda m: m.group(1) + "：" + LONG, text)
    (s.root / path).write_text(text, "utf-8")


def state_of(s, doc_id):
    """The derived history's document ``doc_id`` (fresh: no cache read or written)."""
    from doccontrol.history.derive import derive
    from doccontrol.load import repository

    config = repository.load(s.root, only=set()).config
    return derive(s.root, config, use_cache=False).documents[doc_id]


def approve_ok(s, branch):
    """刘静 approves ``branch`` (王芳 reviewed) with the real CLI; returns the merge."""
    result, merged = approve(s, branch, "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    return head(s)
