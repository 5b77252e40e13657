"""What the round 15 tests share (on top of round 14's helpers)."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "redteam14"))

from rt14_helpers import (  # noqa: F401
    approve,
    approve_env,
    clean,
    cli_env,
    git,
    identity,
    no_traceback,
    run,
    trail_json,
)

from history_helpers import body, make_scenario  # noqa: F401

DOC = "docs/procedures/test.md"
SOON = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
LATER = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
TRAILERS = "Approved-by: 刘静 <{}>\nReviewed-by: 王芳 <{}>"


def event_for(s, sha, env=None):
    return next((e for e in trail_json(s, env)["events"] if e["commit"] == sha), None)


def head(s, rev="main"):
    return git(s, "rev-parse", rev).stdout.strip()


def doc_branch(s, name, edit, who="zhaolei", start="main"):
    """``who`` commits ``edit()`` on a new branch ``name`` from ``start``; back on main."""
    s.git.branch(name, start)
    edit()
    s.git.commit(name, who=who)
    s.git.checkout("main")


def rewrite(s, path, *pairs):
    p = s.root / path
    text = p.read_text(encoding="utf-8")
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert old in text, old
        text = text.replace(old, new, 1)
    p.write_text(text, encoding="utf-8")


def date_moved_on_main(s, later, sooner):
    """V1.1 approved to take effect on ``later`` (周强's 适用范围); 赵磊's branch cr-c bumps it
    to V1.2 (new 目的) keeping that date; meanwhile an approved change (cr-b) moves V1.1's date
    to ``sooner``. git merges cr-c cleanly, taking main's date."""
    doc_branch(
        s,
        "cr-a",
        lambda: rewrite(
            s, DOC, "version: V1.0", "version: V1.1", "effective_date: 2026-01-05",
            f"effective_date: {later}", "适用范围的内容。", "适用范围：全公司。",
        ),
        who="zhouqiang",
    )  # fmt: skip
    result, merged = approve(s, "cr-a", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    doc_branch(
        s,
        "cr-c",
        lambda: rewrite(s, DOC, "version: V1.1", "version: V1.2", "目的的内容。", "新目的。"),
    )
    doc_branch(
        s,
        "cr-b",
        lambda: rewrite(s, DOC, f"effective_date: {later}", f"effective_date: {sooner}"),
        who="zhouqiang",
    )
    result, merged = approve(s, "cr-b", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
