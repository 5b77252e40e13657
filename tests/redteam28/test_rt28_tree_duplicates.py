"""Session 20's DC523 (`rules.event_problems`) counts the paths a merge's raw diff against its
first parent names more than once. ``git diff-tree`` walks both trees in name order: where the
merge's tree lists a path twice and the FIRST entry is main's own blob, that pair is unchanged
and left out, and the diff names the path once (an ``A`` of a file main already holds). So the
duplicate is not counted, while Git's ``rev:path`` (history, `diff`, `show`) reads the first
entry and a checkout (the forge's diff, CI's check, the site's build) the last."""

from __future__ import annotations

import re

from rt28_helpers import (
    DOC,
    SOON,
    check,
    cli_env,
    crafted_branch,
    forge_merge,
    git_out,
    register,
    trail_strict,
    two_doc_scenario,
)


def _listed_twice(s, path):
    folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
    listed = git_out(s, "ls-tree", "main", *([folder] if folder else [])).splitlines()
    return sum(line.endswith(f"\t{path}") for line in listed) == 2


def test_a_duplicate_whose_first_entry_is_mains_does_not_count(tmp_path):
    """赵磊's branch lists docs/procedures/test.md twice: first main's SM-P-01 V1.0 (the blob
    main holds), then a V1.1 whose body says FORGED-TEXT. The forge merges it (赵磊 presses
    merge; 刘静 approved, 王芳 reviewed). Safe: DC523, as for any tree listing a path twice,
    and V1.1 is not an approved version."""
    s = two_doc_scenario(tmp_path)
    old = (s.root / DOC).read_text(encoding="utf-8")
    forged = old.replace("的内容。", "FORGED-TEXT 的内容。").replace(
        "version: V1.0", "version: V1.1"
    )
    forged = re.sub(r"effective_date: \S+", f"effective_date: {SOON}", forged, count=1)
    crafted_branch(s, "cr-dup", [("docs/procedures", "100644", b"test.md", forged.encode())])
    sha = forge_merge(s, "cr-dup")
    assert _listed_twice(s, DOC)
    # the checkout (what CI checks and the site publishes) is the forged text, and check passes
    assert "FORGED-TEXT" in (s.root / DOC).read_text(encoding="utf-8")
    assert check(s)[0] == 0
    code, out = trail_strict(s)
    diff = cli_env(s.root, {"LANG": "en"}, "diff", "SM-P-01", "V1.0", "V1.1")
    row = register(s)["SM-P-01"]
    assert code != 0 and "DC523" in out and sha[:10] in out, (
        "a merge whose tree lists test.md twice (main's blob first) counts as an approval:\n"
        + out
        + f"\nregister: last approved {row['last_approved_version']}, upcoming {row['upcoming']}"
        + f"\ndiff V1.0 V1.1 (Git reads the first entry):\n{diff.stdout[:400]}"
    )
    assert row["last_approved_version"] != "V1.1", row


def test_an_unchanged_file_listed_twice_does_not_count(tmp_path):
    """The same shape with both entries main's own blob: nothing any reader sees differs, but
    main now holds a tree git fsck refuses (duplicateEntries), with an approval on it. Safe:
    DC523 (the trail says a tree listing a path twice never counts)."""
    s = two_doc_scenario(tmp_path)
    old = (s.root / DOC).read_text(encoding="utf-8")
    crafted_branch(s, "cr-same", [("docs/procedures", "100644", b"test.md", old.encode())])
    sha = forge_merge(s, "cr-same")
    assert _listed_twice(s, DOC)
    code, out = trail_strict(s)
    assert code != 0 and "DC523" in out and sha[:10] in out, out


def test_doccontrol_yml_listed_twice_does_not_count(tmp_path):
    """doccontrol.yml listed twice: first main's, then one that gives 赵磊 the general
    manager's and the management representative's roles. A checkout (and `check`) reads the
    second, history the first. Safe: the merge does not count (here DC502: the diff's new blob
    is judged as a change of the rules, which 刘静 may not approve)."""
    s = two_doc_scenario(tmp_path)
    old = (s.root / "doccontrol.yml").read_text(encoding="utf-8")
    forged = old.replace(
        "roles: [service-manager, process-owner,",
        "roles: [general-manager, management-representative, service-manager, process-owner,",
    )
    assert forged != old
    crafted_branch(s, "cr-rules", [("", "100644", b"doccontrol.yml", forged.encode())])
    sha = forge_merge(s, "cr-rules")
    assert _listed_twice(s, "doccontrol.yml")
    code, out = trail_strict(s)
    assert code != 0 and sha[:10] in out and "Not approved" in out, out
