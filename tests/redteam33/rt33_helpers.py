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
    "SQUASH",
    "TODAY",
    "TRUST",
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
    "squash_out_of_order",
    "trail_codes",
    "trail_strict",
    "trail_values",
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


def trail_values(s, field: str, prefix: str) -> list[str]:
    """Every ``field`` (``code``, ``key``) starting with ``prefix`` in what `trail --format
    json` reports (events and notices), in order."""
    out = run(s, "trail", "--format", "json")
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            value = node.get(field)
            if isinstance(value, str) and value.startswith(prefix):
                found.append(value)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(json.loads(out.stdout))
    return found


def trail_codes(s) -> set[str]:
    """Every problem code `trail --format json` reports (events and notices)."""
    return set(trail_values(s, "code", "DC"))


TRUST = ("trusted_forge_keys: []", "trusted_forge_keys: []\n  trust_unsigned_squash: true")
SQUASH = "修改 SM-P-02 (!12)\n\nSee merge request it/sms!12\n\n"


def squash_out_of_order(s) -> str:
    """赵磊's honest bump of SM-P-02 (V1.1), written again with the root tree's `docs` entry
    after `schemas` (treeNotSorted), put on main as a squash: one parent, `See merge request
    it/sms!12`, 刘静's approval and 王芳's review in the trailers. Returns the commit."""
    from gitrepo import ident

    tree = docs_last(s, bumped_b(s, "cr-b"))
    message = SQUASH + f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}\n"
    sha = s.git.run(
        "commit-tree", tree, "-p", "main", "-m", message, who="zhaolei", date=s.git.next_date()
    )
    git_out(s, "update-ref", "refs/heads/main", sha)
    git_out(s, "reset", "-q", "--hard", "main")
    return sha
