"""Session 20's `_write_checked_files` writes the merge tree from ``ls-tree -r`` into a
temporary folder and runs `check` on it. Trees crafted with ``git mktree`` whose entries Git
reads differently in different places: ``git cat-file <tree>:<path>`` (what history, the
register and the site read) takes the FIRST of two entries of one name, a checkout and
``tree_files`` (a dict) the LAST."""

from __future__ import annotations

import unicodedata

from rt27_helpers import (
    approve,
    check,
    crafted_branch,
    forge_merge,
    git_out,
    new_doc,
    register,
    trail_strict,
    two_doc_scenario,
)

C = "docs/procedures/c.md"


def _listed_twice(tmp_path):
    """赵磊's branch cr-dup adds SM-P-07 at c.md twice in one tree: first a text `check`
    refuses (no sections), then a valid one."""
    s = two_doc_scenario(tmp_path)
    unchecked = new_doc("SM-P-07", "未检查", body="UNCHECKED-TEXT\n").encode()
    checked = new_doc("SM-P-07", "检查过的").encode()
    crafted_branch(
        s,
        "cr-dup",
        [
            ("docs/procedures", "100644", b"c.md", unchecked),
            ("docs/procedures", "100644", b"c.md", checked),
        ],
    )
    return s


def test_a_path_listed_twice_is_refused(tmp_path):
    """赵磊's branch adds SM-P-07 at docs/procedures/c.md twice in one tree (git fsck:
    duplicateEntries): first a text `check` refuses (no sections), then a valid one. Safe:
    `approve` refuses the tree (no checkout writes it as Git reads it), or what main holds
    in Git at that path is what `check` judged, and the approver's work tree is clean."""
    s = _listed_twice(tmp_path)
    result, merged = approve(s, "cr-dup", "liujing", "wangfang")
    if not merged:
        # refused by name (session 20): the path listed twice, nothing left staged
        assert f"{C}: the merge's or the branch's tree lists this path twice" in result.stdout, (
            result.stdout
        )
        status = git_out(s, "status", "--porcelain", "--untracked-files=no")
        assert not status.strip(), status
        return
    in_git = git_out(s, "show", f"main:{C}")
    status = git_out(s, "status", "--porcelain", "--untracked-files=no")
    code, out = check(s)
    trail = trail_strict(s)
    assert "UNCHECKED-TEXT" not in in_git and not status.strip(), (
        "approve merged a tree listing c.md twice: check judged the last entry, Git (history,"
        " register, site) reads the first:\n"
        + result.stdout
        + f"\nmain:{C} holds:\n{in_git[-400:]}\ngit status: {status!r}\n"
        + f"check rc={code}: {out[-300:]}\ntrail --strict rc={trail[0]}:\n{trail[1][-700:]}"
    )


def test_a_forge_merge_of_a_tree_listing_a_path_twice_does_not_count(tmp_path):
    """The same tree merged without `approve` (a forge, whose diff and CI checkout show the
    last entry). Session 20: the trail reports the merge (DC523) and its approval does not
    count, so neither entry is in force or published as approved."""
    s = _listed_twice(tmp_path)
    sha = forge_merge(s, "cr-dup")
    listed = git_out(s, "ls-tree", "main", "docs/procedures/").splitlines()
    assert sum(line.endswith("\tdocs/procedures/c.md") for line in listed) == 2, listed
    code, out = trail_strict(s)
    assert code != 0 and "DC523" in out and sha[:10] in out, out
    assert register(s)["SM-P-07"]["state"] != "pending", register(s)["SM-P-07"]


def test_a_folder_listed_twice_is_refused(tmp_path):
    """The top tree lists ``docs`` twice: main's folder first, then one with a new procedure
    (Git's lookup of ``docs/procedures/c.md`` finds the first folder and no such file; a
    checkout writes both). Safe: `approve` refuses the branch by the folder's name."""
    import os
    import subprocess

    s = two_doc_scenario(tmp_path)

    from gitrepo import PEOPLE

    name, email = PEOPLE["zhaolei"]
    env = {**os.environ, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email}
    env |= {"GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}

    def run(*args, stdin=None):
        done = subprocess.run(
            ["git", *args], cwd=s.root, input=stdin, capture_output=True, check=True, env=env
        )
        return done.stdout

    main_tree = run("rev-parse", "main^{tree}").decode().strip()
    docs = run("rev-parse", "main:docs").decode().strip()
    procedures = run("rev-parse", "main:docs/procedures").decode().strip()
    blob = run("hash-object", "-w", "--stdin", stdin=new_doc("SM-P-08").encode()).decode()
    listing = run("ls-tree", procedures) + f"100644 blob {blob.strip()}\tc.md\n".encode()
    more = run("mktree", stdin=listing).decode().strip()
    docs_listing = run("ls-tree", docs).replace(procedures.encode(), more.encode())
    second = run("mktree", stdin=docs_listing).decode().strip()
    top = run("ls-tree", main_tree) + f"040000 tree {second}\tdocs\n".encode()
    tree = run("mktree", stdin=top).decode().strip()
    tip = run("commit-tree", tree, "-p", "main", "-m", "cr-dup-folder").decode().strip()
    run("branch", "cr-dup-folder", tip)
    result, merged = approve(s, "cr-dup-folder", "liujing", "wangfang")
    # git's merge writes the folder once, but history reads the branch's tip by rev:path (the
    # first folder: no c.md there), and would take the merge's c.md for the merger's own
    assert not merged, result.stdout
    assert "docs: the merge's or the branch's tree lists this path twice" in result.stdout, (
        result.stdout
    )


def test_unicode_twins_and_control_characters_are_refused(tmp_path):
    """Two pages named é.md, NFC and NFD (one file on a Mac's disk, two on Linux), and a
    page whose name holds a newline. Safe: both branches refused (DC026, DC021)."""
    s = two_doc_scenario(tmp_path)
    nfc = unicodedata.normalize("NFC", "é.md").encode()
    nfd = unicodedata.normalize("NFD", "é.md").encode()
    assert nfc != nfd
    crafted_branch(
        s,
        "cr-nf",
        [
            ("docs/procedures", "100644", nfc, new_doc("SM-P-13").encode()),
            ("docs/procedures", "100644", nfd, new_doc("SM-P-14").encode()),
        ],
    )
    result, merged = approve(s, "cr-nf", "liujing", "wangfang")
    assert not merged and "DC026" in result.stdout, result.stdout + result.stderr
    crafted_branch(
        s, "cr-nl", [("docs/procedures", "100644", b"a\nb.md", new_doc("SM-P-15").encode())]
    )
    result, merged = approve(s, "cr-nl", "liujing", "wangfang")
    assert not merged and "DC021" in result.stdout, result.stdout + result.stderr


def test_a_folder_spelled_like_docs_in_another_case_is_refused(tmp_path):
    """``Docs/procedures/c.md``: nothing `check` reads on Linux, but a checkout on a disk that
    ignores letter case (macOS, Windows) writes it into docs/. Safe: `approve` refuses it."""
    s = two_doc_scenario(tmp_path)
    crafted_branch(
        s, "cr-case", [("Docs/procedures", "100644", b"c.md", new_doc("SM-P-09").encode())]
    )
    result, merged = approve(s, "cr-case", "liujing", "wangfang")
    assert not merged, result.stdout
    assert "Docs/procedures/c.md: the merge's tree holds a path no checkout" in result.stdout
