"""A rename carries main's edits to the new name (git's merge follows renames). The version in
force of a path first changed as a controlled file is "what it was before" (None for a new
path), so a controlled file born from a rename in an approval takes whatever main's side did to
the old path, though no approved diff showed it: an uncontrolled draft edited after review, or
a controlled file holding a direct change (DC516) whose rename the trail accepts under the new
name."""

from __future__ import annotations

import json

import pytest

from builders import TEST_RECORD_SCHEMA
from history_helpers import make_scenario
from rules_attacks import approve, forge_merge, last_event, pending

NEW = "schemas/records/change.schema.json"
DRAFT = "drafts/change.schema.json"


def _schema() -> str:
    data = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    data["title"] = "变更记录"
    data["x-doccontrol"]["id_pattern"] = "^CHG-\\d{4}-\\d{4}$"
    data["x-doccontrol"]["id_format"] = "CHG-{year}-{n:04d}"
    return json.dumps(data, ensure_ascii=False, indent=2)


def _relaxed(text: str) -> str:
    out = text.replace('"additionalProperties": false', '"additionalProperties": true')
    assert out != text
    return out


@pytest.mark.parametrize("how", ["approve", "forge"])
def test_a_draft_renamed_into_schemas_keeps_an_edit_nobody_reviewed(tmp_path, how):
    """zhaolei's branch moves the reviewed draft schema into schemas/records/ (a pure rename).
    After review, liujing edits the draft on main (uncontrolled: no DC516). The approval's
    merge puts her edit into the controlled schema, and the trail accepts it (nothing pending,
    trail --strict clean)."""
    s = make_scenario(tmp_path)
    text = _schema()
    s.files.write(DRAFT, text)
    s.git.commit("草稿", who="zhaolei")
    s.git.branch("move")
    s.git.run("mv", DRAFT, NEW)
    s.git.commit("发布变更记录模式", who="zhaolei")
    s.git.checkout("main")
    s.files.write(DRAFT, _relaxed(text))
    s.git.commit("改草稿", who="liujing")
    if how == "approve":
        result, merged = approve(s, "move")
        assert not merged, (result.stdout, (s.root / NEW).read_text(encoding="utf-8") == text)
    else:
        forge_merge(s, "move")
        assert (s.root / NEW).read_text(encoding="utf-8") == _relaxed(text)
        last = last_event(s)
        assert NEW not in last["accepted"] or NEW in pending(s), last


def test_a_rename_launders_a_direct_change_to_a_schema(tmp_path):
    """liujing changes incident.schema.json straight on main (DC516, pending). zhaolei's
    branch, reviewed before that, renames it. The forge merge carries her change to the new
    name: the old path is refused (DC516.adopts), the new one accepted. Then the way out
    approve itself gives ("revert them through an approved branch that restores the file")
    clears the pending path, and her unapproved schema is in force under the new name."""
    old = "schemas/records/incident.schema.json"
    new = "schemas/records/incident2.schema.json"
    s = make_scenario(tmp_path)
    original = (s.root / old).read_text(encoding="utf-8")
    s.git.branch("mv")
    s.git.run("mv", old, new)
    s.git.commit("改名", who="zhaolei")
    s.git.checkout("main")
    s.files.write(old, _relaxed(original))
    s.git.commit("直接改模式", who="liujing")
    forge_merge(s, "mv")
    assert (s.root / new).read_text(encoding="utf-8") == _relaxed(original)
    renamed = last_event(s)
    s.git.branch("restore")
    s.files.write(old, original)
    s.git.commit("恢复", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "restore")
    assert merged, result.stdout
    assert new not in renamed["accepted"] or new in pending(s), (renamed, pending(s))
