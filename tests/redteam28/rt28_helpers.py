"""What the round 28 tests share (on top of rounds 14 to 27's helpers)."""

from __future__ import annotations

from rt26_helpers import DOC
from rt27_helpers import (
    SOON,
    approve,
    check,
    cli_env,
    crafted_branch,
    forge_merge,
    git_out,
    new_doc,
    register,
    trail_strict,
    two_doc_scenario,
)

__all__ = [
    "DOC",
    "SOON",
    "approve",
    "check",
    "cli_env",
    "crafted_branch",
    "forge_merge",
    "git_out",
    "new_doc",
    "register",
    "trail_strict",
    "two_doc_scenario",
]
