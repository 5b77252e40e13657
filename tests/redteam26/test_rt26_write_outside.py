"""Session 20: `approve` writes the merge's files from Git into a temporary folder
(`_write_checked_files`). A crafted tree (``git mktree``) can hold a link ``docs/x`` AND a folder
``docs/x/`` (fsck calls it duplicateEntries; git itself stores, merges and fetches it). The
writer makes the link first, then ``mkdir(exist_ok=True)`` accepts the link to a folder as the
folder and ``write_bytes`` writes through it: anywhere the approver can write."""

from __future__ import annotations

import subprocess

from rt26_helpers import approve, crafted_branch, two_doc_scenario

OK_DOC = b"pwned\n"


def test_approve_writes_nothing_outside_its_temporary_folder(tmp_path):
    """赵磊's branch holds ``docs/x -> <outside>`` (a link) and ``docs/x/pwned.md``. Safe: after
    刘静 runs `approve` (whatever the verdict) nothing is written in the outside folder."""
    s = two_doc_scenario(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    crafted_branch(
        s,
        "cr-x",
        [
            ("docs", "120000", b"x", str(outside).encode()),
            ("docs/x", "100644", b"pwned.md", OK_DOC),
        ],
    )
    result, _ = approve(s, "cr-x", "liujing", "wangfang")
    written = sorted(p.name for p in outside.iterdir())
    assert written == [], (
        f"approve wrote {written} into {outside} through the branch's link docs/x:\n"
        + result.stdout
        + result.stderr
    )


def test_approve_cannot_rewrite_the_approvers_git_config(tmp_path):
    """The link needs no path known in advance: ``docs/x -> /proc/self/cwd/.git`` is the
    approver's own Git directory (approve runs at the repository's top). ``docs/x/config``
    replaces her .git/config with one whose core.fsmonitor runs the branch's command at her
    next `git status`. Safe: .git/config is unchanged and no command of the branch runs."""
    from rules_attacks import identity

    s = two_doc_scenario(tmp_path)
    marker = tmp_path / "ran"
    identity(s, "liujing")  # what approve() below sets in .git/config first (the approver)
    config_before = (s.root / ".git" / "config").read_bytes()
    evil = (
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n"
        f'\tfsmonitor = "touch {marker}; false"\n'
    ).encode()
    crafted_branch(
        s,
        "cr-g",
        [
            ("docs", "120000", b"x", b"/proc/self/cwd/.git"),
            ("docs/x", "100644", b"config", evil),
        ],
    )
    result, _ = approve(s, "cr-g", "liujing", "wangfang")
    subprocess.run(["git", "status"], cwd=s.root, capture_output=True, check=False)
    changed = (s.root / ".git" / "config").read_bytes() != config_before
    assert not changed and not marker.exists(), (
        f".git/config rewritten by approve: {changed}; branch's command ran: {marker.exists()}\n"
        + result.stdout
        + result.stderr
    )


def test_a_link_and_folder_of_one_name_is_refused_with_a_reason(tmp_path):
    """Where the link points nowhere writable (``docs/x -> /nonexistent``), the writer's
    ``mkdir`` fails. Safe: `approve` refuses with a reason (no traceback) and main stays."""
    s = two_doc_scenario(tmp_path)
    crafted_branch(
        s,
        "cr-n",
        [
            ("docs", "120000", b"x", b"/nonexistent-rt26"),
            ("docs/x", "100644", b"a.md", OK_DOC),
        ],
    )
    result, merged = approve(s, "cr-n", "liujing", "wangfang")
    assert not merged
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, (
        result.stderr[-1500:]
    )
