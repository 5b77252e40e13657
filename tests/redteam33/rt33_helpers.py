"""What the round 33 tests share (on top of rounds 14 to 32's helpers)."""

from __future__ import annotations

import json

from rt24_helpers import DOC, DOC_B
from rt27_helpers import forge_merge, git_out, new_doc
from rt31_helpers import bumped_b, docs_last, entries_of, raw_tree
from rt32_helpers import TODAY, approve_ok, branch_with, register, run, trail_strict

from builders import RepoBuilder, procedure
from history_helpers import Scenario

__all__ = [
    "DOC",
    "DOC_B",
    "TODAY",
    "approve_ok",
    "branch_with",
    "bumped_b",
    "docs_last",
    "entries_of",
    "forge_merge",
    "git_out",
    "new_doc",
    "procedure",
    "raw_tree",
    "register",
    "run",
    "scenario",
    "trail_codes",
    "trail_strict",
]


def scenario(tmp_path, *edits: str, before=None):
    """rt18's two_doc_scenario (SM-P-01 at DOC, SM-P-02 at DOC_B, control from 2026-01-02),
    with ``edits`` ((old, new) pairs) applied to doccontrol.yml before the import, and
    ``before(s)`` run first: commits made before the import commit (pre-control)."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        DOC_B,
        procedure(doc_id="SM-P-02", title="第二程序").replace("的内容。", "的内容（乙）。"),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    for old, new in zip(edits[::2], edits[1::2], strict=True):
        s.set_config(old, new)
    if before is not None:
        before(s)
    s.git.commit("初始导入", who="wangfang")
    return s


def trail_codes(s) -> set[str]:
    """Every problem code `trail --format json` reports (events and notices)."""
    out = run(s, "trail", "--format", "json")
    data = json.loads(out.stdout)
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            code = node.get("code")
            if isinstance(code, str) and code.startswith("DC"):
                found.add(code)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found
