"""What the tests of git's merge of a controlled file share (tests/cli/test_approve_judged_tree.py,
tests/redteam14–16): a free-form controlled file (a stylesheet in a folder
`approval.controlled_paths` names) in the pre-control import, a branch ``b`` changing one of its
lines, and, for signed approvals, 陈明远's key listed and his git signing by configuration."""

from __future__ import annotations

import subprocess

from disposition_helpers import approved, scenario, strict

CSS = "overrides/extra.css"
LINES = [f".c{n} {{ color: #{n:06d}; }}\n" for n in range(14)]
CONTROLLED = (
    "  trusted_forge_keys: []\n",
    "  trusted_forge_keys: []\n  controlled_paths: [overrides/]\n",
)
SIGNED = ("require_signed: false", "require_signed: true")


def css(line: int, text: str, lines=LINES) -> str:
    return "".join(text + "\n" if n == line else old for n, old in enumerate(lines))


def listing(public_key: str) -> tuple[str, str]:
    """The doccontrol.yml edit that lists ``public_key`` as 陈明远's signing key."""
    return (
        "department: management, roles: [general-manager]}",
        f'department: management, roles: [general-manager], signing_keys: ["{public_key}"]}}',
    )


def branch_scenario(
    tmp_path, *edits, branch_line=10, branch_text=".c10 { color: green; }", more=None
):
    """The scenario (``edits`` to its doccontrol.yml) with the stylesheet imported before
    control began and branch ``b`` (by 赵磊) changing one line of it (``more``: anything else
    the branch's commit changes); main checked out."""
    s = scenario(tmp_path, *CONTROLLED, *edits)
    s.files.write(CSS, "".join(LINES))
    s.git.run("add", "-A")  # part of the pre-control import
    s.git.run("commit", "-q", "--amend", "--no-edit", date="2026-01-01T10:00:00+08:00")
    s.git.branch("b", "main")
    s.files.write(CSS, css(branch_line, branch_text))
    if more is not None:
        more(s)
    s.git.commit("b: 修改", who="zhaolei")
    s.git.checkout("main")
    return s


def both_sides_changed(tmp_path, branch_line=10, branch_text=".c10 { color: green; }"):
    """Main's approved change (line 2 blue) and branch ``b`` (line 10 green, by 赵磊) change
    different lines of a controlled file: git merges them cleanly into one holding both."""
    s = branch_scenario(tmp_path, branch_line=branch_line, branch_text=branch_text)
    approved(s, "e", lambda: s.files.write(CSS, css(2, ".c2 { color: blue; }")))
    assert strict(s).returncode == 0
    return s


def sign_by_configuration(s, key) -> None:
    """陈明远's git signs every commit with ``key`` (commit.gpgSign, SSH)."""
    for name, value in (
        ("commit.gpgSign", "true"),
        ("gpg.format", "ssh"),
        ("user.signingkey", str(key)),
    ):
        subprocess.run(["git", "config", name, value], cwd=s.root, check=True)
