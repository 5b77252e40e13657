"""Session 20: `approve` checks the merge's files written from Git into a temporary folder.
Does that folder hold what `check` on a real clone of the merged main sees? Trees crafted with
``git mktree`` (names and modes no `git add` makes)."""

from __future__ import annotations

import os
import subprocess

from rt26_helpers import approve, check, crafted_branch, head, trail_strict, two_doc_scenario

from builders import procedure


def _clean_on_main(s, result):
    code, out = check(s)
    trail = trail_strict(s)
    assert code == 0 and trail[0] == 0, (
        "approve merged what check / trail --strict refuse on main:\n"
        + result.stdout
        + out[-1200:]
        + f"\ntrail --strict rc={trail[0]}\n"
        + trail[1][-1200:]
        + head(s)
    )


def _recommit(s, branch, tree, parent):
    """``branch`` pointed at one commit of ``tree`` on ``parent``, made as its tip was (the
    tip's author and date)."""
    fmt = subprocess.run(
        ["git", "log", "-1", "--format=%an%n%ae%n%ad", branch],
        cwd=s.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    who = {"NAME": fmt[0], "EMAIL": fmt[1], "DATE": fmt[2]}
    env = {**os.environ} | {
        f"GIT_{r}_{k}": v for r in ("AUTHOR", "COMMITTER") for k, v in who.items()
    }
    tip = subprocess.run(
        ["git", "commit-tree", "-p", parent, "-m", branch, tree],
        cwd=s.root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run(["git", "branch", "-f", branch, tip], cwd=s.root, check=True)


def test_a_page_linked_outside_is_refused_and_never_read(tmp_path):
    """赵磊 adds ``docs/procedures/c.md`` as a link to a FIFO outside the repository (reading it
    would hang). Safe: `approve` answers in time, refuses (DC020)."""
    s = two_doc_scenario(tmp_path)
    fifo = tmp_path / "pipe"
    subprocess.run(["mkfifo", str(fifo)], check=True)
    crafted_branch(s, "cr-l", [("docs/procedures", "120000", b"c.md", str(fifo).encode())])
    result, merged = approve(s, "cr-l", "liujing", "wangfang")
    assert not merged and "DC020" in result.stdout, result.stdout + result.stderr


def test_a_config_linked_to_the_approvers_own_config_is_refused(tmp_path):
    """赵磊's branch makes doccontrol.yml a link to ``/proc/self/cwd/doccontrol.yml``: in
    `approve`'s temporary folder it reads the approver's work-tree configuration (valid); in a
    clone of the merged main it points at itself (a loop). 刘静 approves with 陈明远 (the
    configuration's role). Safe: refused, or check / trail --strict on main are clean."""
    s = two_doc_scenario(tmp_path)
    crafted_branch(s, "cr-c", [("", "120000", b"doccontrol.yml", b"/proc/self/cwd/doccontrol.yml")])
    # crafted_branch appends: drop main's regular doccontrol.yml from the branch's tree
    root = s.root
    tree = subprocess.run(
        ["git", "ls-tree", "-z", "cr-c"], cwd=root, capture_output=True, check=True
    ).stdout
    kept = [
        e
        for e in tree.split(b"\0")
        if e and not (e.endswith(b"\tdoccontrol.yml") and b" 100644 " in b" " + e)
    ]
    new = (
        subprocess.run(
            ["git", "mktree", "-z"],
            cwd=root,
            input=b"\0".join(kept) + b"\0",
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    parent = subprocess.run(
        ["git", "rev-parse", "cr-c^"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()
    _recommit(s, "cr-c", new, parent)
    result, merged = approve(s, "cr-c", "chenmy", "wangfang")
    if merged:
        _clean_on_main(s, result)


def test_a_dotgit_folder_under_docs_is_refused_not_skipped(tmp_path):
    """``docs/.GIT/x.md`` (any case): `_write_checked_files` leaves it out, and no checkout will
    write it (git refuses the path). Safe: `approve` refuses the merge with a reason (a path no
    checkout writes), before making a merge commit; or a clone of the merged main checks out."""
    s = two_doc_scenario(tmp_path)
    crafted_branch(s, "cr-d", [("docs/.GIT", "100644", b"x.md", b"not a document\n")])
    result, merged = approve(s, "cr-d", "liujing", "wangfang")
    assert "git merge --ff-only failed" not in result.stderr, (
        "check passed what no checkout writes; only git's own path check in the approver's"
        " work tree stopped the fast-forward:\n" + result.stdout + result.stderr
    )
    if merged:
        clone = tmp_path / "clone"
        out = subprocess.run(
            ["git", "clone", "-q", str(s.root), str(clone)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 0, (
            "approve merged a tree no clone checks out:\n" + result.stdout + out.stderr
        )


def test_a_name_too_long_to_write_is_refused_with_a_reason(tmp_path):
    """A 300-byte file name under docs/ (git stores it; no file system writes it). Safe:
    `approve` refuses with a reason, no traceback."""
    s = two_doc_scenario(tmp_path)
    crafted_branch(s, "cr-long", [("docs", "100644", b"a" * 300 + b".md", b"x\n")])
    result, merged = approve(s, "cr-long", "liujing", "wangfang")
    assert not merged
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, (
        result.stderr[-1500:]
    )


def test_docs_as_a_submodule_leaves_nothing_unchecked(tmp_path):
    """赵磊's branch replaces docs/ by a gitlink (a submodule). The writer skips it; a clone shows
    an empty docs/. Safe: refused, or check and trail --strict on main are clean."""
    s = two_doc_scenario(tmp_path)
    main_tip = head(s)
    root = s.root
    tree = subprocess.run(
        ["git", "ls-tree", "-z", "main"], cwd=root, capture_output=True, check=True
    ).stdout
    kept = [e for e in tree.split(b"\0") if e and not e.endswith(b"\tdocs")]
    kept.append(f"160000 commit {main_tip}\tdocs".encode())
    new = (
        subprocess.run(
            ["git", "mktree", "-z", "--missing"],
            cwd=root,
            input=b"\0".join(kept) + b"\0",
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    crafted_branch(s, "cr-s", [])
    _recommit(s, "cr-s", new, "main")
    result, merged = approve(s, "cr-s", "chenmy", "wangfang")
    if merged:
        _clean_on_main(s, result)


def test_case_twins_are_checked_as_a_clone_sees_them(tmp_path):
    """``docs/procedures/C.md`` and ``docs/procedures/c.md``, two procedures with one id. Safe:
    refused (check on the written folder sees both, as a Linux clone does)."""
    s = two_doc_scenario(tmp_path)
    text = procedure(doc_id="SM-P-07", title="孪生").encode()
    crafted_branch(
        s,
        "cr-t",
        [
            ("docs/procedures", "100644", b"C.md", text),
            ("docs/procedures", "100644", b"c.md", text),
        ],
    )
    result, merged = approve(s, "cr-t", "liujing", "wangfang")
    if merged:
        _clean_on_main(s, result)
