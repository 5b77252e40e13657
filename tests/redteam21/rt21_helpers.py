"""What the round 21 tests share (on top of rounds 16 to 20's helpers)."""

from __future__ import annotations

from rt20_helpers import (  # noqa: F401
    DOC,
    DOC_B,
    approve,
    approve_ok,
    bump_at,
    event_docs,
    git,
    head,
    state_of,
    trail_json,
    two_doc_scenario,
)

# a hidden file under docs/: a document to the history walk (DOC_PATH), none to `check` and
# the loader (``_scan`` skips names starting with "."), nor to MkDocs (it excludes dotfiles)
HIDDEN = "docs/procedures/.keep.md"


def hidden_copy(s):
    """赵磊's cr-x (from main) adds HIDDEN, a copy of SM-P-02 (b.md) with its id, the effective
    date set to SOON. Since session 19 `approve` refuses it (check's DC025 and DC201), so the
    branch is merged as a forge would merge it (刘静 approving, 王芳 reviewing in trailers):
    the history walk, which must hold whatever reached main, records it as a review of SM-P-02
    V1.0 and moves SM-P-02 to HIDDEN."""
    s.git.branch("cr-x", "main")
    (s.root / HIDDEN).write_text((s.root / DOC_B).read_text("utf-8"), "utf-8")
    bump_at(s, HIDDEN, "V1.0", "V1.0")
    s.git.commit("cr-x: 归档副本", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-x", "liujing", "wangfang")
    assert not merged and "DC025" in result.stdout + result.stderr, result.stdout
    return forge_approved(s, "cr-x")


def forge_approved(s, branch, date=None):
    """``branch`` merged with 刘静's approval and 王芳's review in the trailers (no `approve`,
    whose check would refuse what these tests need on main); ``date``: the merge's, when it
    follows one `approve` made (dated now)."""
    return s.git.merge(branch, "合并", approvers=("liujing",), reviewers=("wangfang",), date=date)


def events_of(s, sha):
    """The trail's events for commit ``sha`` (none when the walk recorded nothing)."""
    return [e for e in trail_json(s)["events"] if e["commit"] == sha]
