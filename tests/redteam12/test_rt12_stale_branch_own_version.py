"""A merge takes a stale branch's own version of a controlled file, silently undoing an approved
change made on main after the branch forked.

Attack: 赵磊's branch `b` (forked from main) changes only the incident schema's title; 王芳
reviews that diff. Meanwhile an approved change puts `retention_years: 7` into force (variant:
`publish.site_name` in doccontrol.yml). 陈明远 merges `b` by hand
(`git merge --no-ff --no-commit b`, then `git checkout b -- <file>`) and commits with
`Approved-by: 陈明远` / `Reviewed-by: 王芳`.
On b9b0c8d: the merge is accepted, no problem, `trail --strict` exits 0, and the version in force
has `retention_years: 3` again (variant: the old site name): `merge_made` returns False as soon
as the result equals a merged branch's own version, whatever main changed since the fork. No
review showed the undoing of the approved change (the branch's diff is the title only; git's
merge keeps both changes).

Safe: a branch's own version vouches only when main's version in force is the merge base's
(otherwise only git's clean merge of the branch into the version in force does): DC516.merged,
the approved change stays in force.
"""

from __future__ import annotations

import json

import pytest

from disposition_helpers import SCHEMA, approved, git, scenario, strict
from rules_attacks import SITE, blob, history, keys, last_event

TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)


def _schema(s):
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    return (
        SCHEMA,
        lambda: s.files.write(
            SCHEMA, text.replace('"title": "测试事件"', '"title": "测试事件（甲）"')
        ),
        lambda: s.files.write(SCHEMA, text.replace('"retention_years": 3', '"retention_years": 7')),
        lambda data: json.loads(data)["x-doccontrol"]["retention_years"] == 7,
    )


def _config(s):
    return (
        "doccontrol.yml",
        lambda: s.set_config("require_review: true", "require_review: true  # 必须评审"),
        lambda: s.set_config(*SITE),
        lambda data: SITE[1].encode() in data,
    )


@pytest.mark.parametrize("variant", [_schema, _config], ids=["schema", "config"])
def test_a_stale_branch_version_does_not_undo_an_approved_change(tmp_path, variant):
    s = scenario(tmp_path)
    path, branch_edit, main_edit, has_main_change = variant(s)
    s.git.branch("b")
    branch_edit()
    s.git.commit("分支修改", who="zhaolei")
    s.git.checkout("main")
    approved(s, "harden", main_edit, approvers=("chenmy",))
    assert has_main_change(blob(s, history(s).in_force_files[path]))

    s.git.run("merge", "--no-ff", "--no-commit", "b", who="chenmy")
    git(s, "checkout", "b", "--", path)  # the branch's own version, main's change dropped
    s.git.run("add", "-A")
    s.git.run(
        "commit", "-q", "-m", "Merge branch 'b'\n\n分支修改\n\n" + TRAILERS,
        who="chenmy", date=s.git.next_date(),
    )  # fmt: skip
    in_force = blob(s, history(s).in_force_files[path])
    assert has_main_change(in_force), "the approved change was undone by a merge nobody reviewed"
    assert "problem.DC516.merged" in keys(last_event(s))
    assert strict(s).returncode != 0
