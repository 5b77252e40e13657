"""Where git's merge (ort: forge merges, `doccontrol approve`) and the trail's per-file
`git merge-file` differ on a controlled file main held as in force.

1. Diff algorithm (`test_git_merge_with_its_own_diff_algorithm_*`): ort merges file contents
   with the histogram diff (git ≥ 2.34 hard-codes it in merge-ort), `git merge-file` with Myers.
   For a stylesheet in `overrides/` (`approval.controlled_paths`) whose approved change on main
   and reviewed branch are the ones below, ort's merge is clean and `git merge-file` conflicts:
   the forge merge and `doccontrol approve b` (exit 0) both end as DC516.merged.
   Safe: git's own clean merge is accepted (e.g. `merge-file --diff-algorithm=histogram`, or
   `git merge-tree` over the parents as approve does).

2. Rename on main (`test_an_edit_merged_after_an_approved_rename_*`): branch `mv` renames the
   incident schema (approved first); branch `edit`, forked before it, changes
   `retention_years` at the old path. Git's merge follows the rename and puts the edit into the
   new path, cleanly. The trail reads the branch's version only at the new path (absent), so the
   result is "no file": DC516.merged; `approve edit` merged it (exit 0). Round 10/12 tested the
   rename on the *branch*; here main renamed. Safe: accepted by both, retention 7 in force.

3. `merge=union` (`test_approve_and_trail_agree_under_a_union_merge_attribute`): an approved
   `.gitattributes` says `overrides/*.css merge=union`. Main's approved change and branch `b`
   change the same line differently. `git merge-tree` (approve) honours the attribute and
   "merges" both lines in; `approve b` merges (exit 0). The trail's `git merge-file` conflicts:
   DC516.merged. Safe: they agree (approve refuses a version that is not a clean merge of the
   reviewed diffs, or the trail accepts what approve made).
"""

from __future__ import annotations

import json

from rt13_helpers import (
    CSS,
    LINES,
    SCHEMA_PATH,
    approve,
    approved,
    blob,
    branch_commit,
    css,
    css_scenario,
    history,
    merge_keys,
    strict,
    with_line,
    write,
)

from rules_attacks import forge_merge

# base, main's approved change, the branch: ort (histogram) clean, merge-file (Myers) conflicts
BASE = "a {\n\n}\n}\n}\n  color: red;\n"
OURS = "\na {\n  color: red;\n}\n}\n  color: red;\n  color: red;\n"
THEIRS = "a {\n\n}\n}\n  margin: 0;\n}\n  color: red;\n"


def _algorithms(tmp_path):
    s = css_scenario(tmp_path, BASE)
    branch_commit(s, "b", "main", CSS, THEIRS)
    approved(s, "e", write(s, CSS, OURS))
    assert strict(s).returncode == 0
    return s


def test_git_merge_with_its_own_diff_algorithm_forge(tmp_path):
    s = _algorithms(tmp_path)
    forge_merge(s, "b", title="b")  # git merge: clean
    assert "<<<<<<<" not in (s.root / CSS).read_text()
    assert "problem.DC516.merged" not in merge_keys(s), "git's clean merge refused"


def test_git_merge_with_its_own_diff_algorithm_approve(tmp_path):
    s = _algorithms(tmp_path)
    result, merged = approve(s, "b")
    assert merged, result.stdout
    assert "problem.DC516.merged" not in merge_keys(s), "approve merged, trail says DC516.merged"


def _renamed_on_main(tmp_path):
    s = css_scenario(tmp_path)
    text = (s.root / SCHEMA_PATH).read_text(encoding="utf-8")
    branch_commit(
        s, "edit", "main", SCHEMA_PATH, text.replace('"retention_years": 3', '"retention_years": 7')
    )
    s.git.branch("mv")
    s.git.run("mv", SCHEMA_PATH, SCHEMA_PATH.replace("incident", "incident2"))
    s.git.commit("mv: 改名", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "mv", title="mv")
    assert strict(s).returncode == 0
    return s


def _in_force_retention(s):
    new = SCHEMA_PATH.replace("incident", "incident2")
    data = blob(s, history(s).in_force_files[new])
    return json.loads(data)["x-doccontrol"]["retention_years"]


def test_an_edit_merged_after_an_approved_rename_forge(tmp_path):
    s = _renamed_on_main(tmp_path)
    forge_merge(s, "edit", title="edit")
    assert '"retention_years": 7' in (
        s.root / SCHEMA_PATH.replace("incident", "incident2")
    ).read_text(encoding="utf-8")  # git followed the rename
    assert "problem.DC516.merged" not in merge_keys(s), "git's clean merge refused"
    assert _in_force_retention(s) == 7


def test_an_edit_merged_after_an_approved_rename_approve(tmp_path):
    s = _renamed_on_main(tmp_path)
    result, merged = approve(s, "edit")
    assert merged, result.stdout
    assert "problem.DC516.merged" not in merge_keys(s), "approve merged, trail says DC516.merged"


def test_approve_and_trail_agree_under_a_union_merge_attribute(tmp_path):
    s = css_scenario(tmp_path)
    approved(s, "attrs", write(s, ".gitattributes", "overrides/*.css merge=union\n"))
    branch_commit(s, "b", "main", CSS, css(with_line(LINES, 5, ".c5 { color: green; }")))
    approved(s, "e", write(s, CSS, css(with_line(LINES, 5, ".c5 { color: blue; }"))))
    assert strict(s).returncode == 0
    _result, merged = approve(s, "b")
    text = (s.root / CSS).read_text()
    if merged:  # approve made the union of both lines
        assert "green" in text and "blue" in text
    problems = merge_keys(s) if merged else []
    assert not (merged and "problem.DC516.merged" in problems), (
        "approve merged a version the trail calls DC516.merged"
    )
