"""What the round 24 tests share (on top of rounds 14 to 23's helpers)."""

from __future__ import annotations

from rt21_helpers import forge_approved
from rt23_helpers import (
    DOC,
    DOC_B,
    SOON,
    approve,
    bump_at,
    check,
    cli_env,
    codes,
    events_of,
    head,
    marked,
    mkdocs,
    recorded,
    register,
    site_repo,
    trail_strict,
    two_doc_scenario,
)

__all__ = [
    "DOC",
    "DOC_B",
    "SOON",
    "approve",
    "branch_with",
    "bump_at",
    "check",
    "cli_env",
    "codes",
    "events_of",
    "forge_approved",
    "head",
    "marked",
    "mkdocs",
    "recorded",
    "register",
    "site_repo",
    "state",
    "trail_strict",
    "two_doc_scenario",
]


def state(s, doc_id):
    """The register's state of ``doc_id`` (None when the register does not list it)."""
    return register(s).get(doc_id, {}).get("state")


def branch_with(s, name, files=None, removed=(), who="zhaolei", start="main"):
    """``who``'s branch ``name`` (from ``start``) writes ``files`` and removes ``removed``;
    back on main afterwards. Returns the branch tip."""
    s.git.branch(name, start)
    for path, text in (files or {}).items():
        s.files.write(path, text)
    for path in removed:
        (s.root / path).unlink()
    sha = s.git.commit(f"{name}: 修改", who=who)
    s.git.checkout("main")
    return sha
