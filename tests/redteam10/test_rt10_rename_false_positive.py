"""False positive: a reviewed rename of a schema is refused when main approved an edit of it
meanwhile.

Two reviewed, approved branches: `mv` renames incident.schema.json to incident2.schema.json
(nothing else), `edit` changes its retention. `edit` is merged first; then `mv` is merged by the
forge (git's ordinary merge follows the rename and keeps the approved edit) or by `doccontrol
approve`. Main held the renamed file exactly as it is in force, so nothing unreviewed comes in,
yet the new path's version is not the branch's own and main "did not hold" the new path:
DC516.merged on the forge (the old path's deletion is accepted, the new one is not: the schema is
left out of force while the tree holds it) and `approve` refuses. It is the case round 9 fixed
for an in-place edit, left open for a rename (main_clean is asked of the new path only).

Safe: when main holds the rename's source exactly as it is in force, the clean merge of the
reviewed rename takes effect (trail and `approve` alike)."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import approve, forge_merge, last_event

SCHEMA = "schemas/records/incident.schema.json"
NEW = "schemas/records/incident2.schema.json"


def _two_branches(tmp_path):
    s = make_scenario(tmp_path)
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.git.branch("mv")
    s.git.run("mv", SCHEMA, NEW)
    s.git.commit("改名", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("edit")
    s.files.write(SCHEMA, text.replace('"retention_years": 3', '"retention_years": 5'))
    s.git.commit("改保存期", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "edit", title="改保存期")
    assert SCHEMA in last_event(s)["accepted"]
    return s


def test_forge_merge_of_a_reviewed_rename(tmp_path):
    s = _two_branches(tmp_path)
    forge_merge(s, "mv", title="改名")
    assert '"retention_years": 5' in (s.root / NEW).read_text(encoding="utf-8")
    last = last_event(s)
    assert NEW in last["accepted"], last["problems"]


def test_approve_of_a_reviewed_rename(tmp_path):
    s = _two_branches(tmp_path)
    result, merged = approve(s, "mv")
    assert merged, result.stdout + result.stderr
    assert NEW in last_event(s)["accepted"]
