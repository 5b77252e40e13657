"""What the round 27 tests share (on top of rounds 14 to 26's helpers)."""

from __future__ import annotations

import json
import subprocess

from rt24_helpers import SOON, branch_with, check, cli_env, register, trail_strict
from rt26_helpers import approve, crafted_branch, two_doc_scenario

from builders import TEST_RECORD_SCHEMA, procedure
from gitrepo import ident

__all__ = [
    "SOON",
    "approve",
    "audit_schema",
    "branch_with",
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


def new_doc(doc_id: str, title: str = "新程序", **kwargs) -> str:
    """A valid procedure in force from SOON (a date `approve` accepts for a new document)."""
    return procedure(doc_id=doc_id, title=title, effective_date=SOON, **kwargs)


def audit_schema() -> str:
    """A second record type, 'audit' (records AUD-2026-0001, …)."""
    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    schema["title"] = "审核记录"
    schema["x-doccontrol"].update(
        name="审核记录",
        name_en="Audit",
        id_pattern="^AUD-\\d{4}-\\d{4}$",
        id_format="AUD-{year}-{n:04d}",
    )
    schema["properties"]["related"]["items"]["x-doccontrol-ref"] = "audit"
    return json.dumps(schema, ensure_ascii=False, indent=2)


def git_out(s, *args) -> str:
    out = subprocess.run(["git", *args], cwd=s.root, capture_output=True, text=True, check=False)
    return out.stdout


def forge_merge(s, branch, who="zhaolei", tree=None, date=None, approver="liujing"):
    """``branch`` merged into main as a forge merges on its server (no checkout, the branch's
    tree kept as it is unless ``tree`` is given), the merge commit made by ``who`` (the one who
    pressed "merge"), ``approver``'s approval (刘静's) and 王芳's review in the trailers.
    Returns the merge."""
    message = (
        f"Merge branch '{branch}' into 'main'\n\n合并\n\nSee merge request it/sms!1\n\n"
        f"Approved-by: {ident(approver)}\nReviewed-by: {ident('wangfang')}\n"
    )
    tree = tree or git_out(s, "rev-parse", f"{branch}^{{tree}}").strip()
    when = date or s.git.next_date()
    args = ("commit-tree", tree, "-p", "main", "-p", branch, "-m", message)
    sha = s.git.run(*args, who=who, date=when)
    git_out(s, "update-ref", "refs/heads/main", sha)
    git_out(s, "reset", "-q", "--hard", "main")
    return sha
