"""What held on b9b0c8d (all pass): dispositions that must not count do not, hostile values
are refused with file and line, the audit pack redacts a secret id in a refusal, and cached and
fresh runs agree."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest

from builders import procedure
from disposition_helpers import (
    approved,
    direct_schema_change,
    dispose,
    entry,
    record,
    revert,
    scenario,
    strict,
    trail,
)
from rules_attacks import run


def test_held_an_upper_case_commit_id_is_read_as_the_commit(tmp_path):
    s = scenario(tmp_path)
    push, text = direct_schema_change(s)
    revert(s, text)
    dispose(s, push.upper())
    (verdict,) = trail(s)["dispositions"]
    assert verdict["counts"] and verdict["commit"] == push
    assert strict(s).returncode == 0


def test_held_an_abbreviated_commit_id_does_not_count(tmp_path):
    s = scenario(tmp_path)
    push, text = direct_schema_change(s)
    revert(s, text)
    dispose(s, push[:12])
    # the config schema wants 40 hex digits: check names the line, trail refuses to run
    checked = run(s.root, "check")
    assert "doccontrol.yml:" in checked.stdout and "dispositions[0].commit" in checked.stdout
    ran = strict(s)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert "doccontrol.yml has problems" in ran.stderr


def test_held_a_commit_of_the_disposing_branch_itself_does_not_count(tmp_path):
    s = scenario(tmp_path)
    push, text = direct_schema_change(s)
    revert(s, text)
    s.git.branch("nc")
    s.files.write("notes.txt", "x")
    own = s.git.commit("分支上的提交", who="liujing")
    record(s)
    s.set_config("approval:\n", entry(own) + f"    - commit: {push}\n      record: NC-2026-001\n")
    s.git.commit("处置", who="liujing")
    s.git.checkout("main")
    s.git.merge("nc", "nc", approvers=("chenmy",))
    verdicts = {d["commit"]: d for d in trail(s)["dispositions"]}
    assert verdicts[own]["refusal"]["key"] == "problem.DC521.not-before"
    assert verdicts[push]["counts"]
    assert strict(s).returncode == 1


def test_held_the_merger_of_the_problem_cannot_dispose_of_it(tmp_path):
    """陈明远 merges 赵磊's schema change with only 刘静 (no config-approver role) as approver:
    a problem. After an approved revert, 陈明远 approves its disposition: DC521.own."""
    s = scenario(tmp_path)
    text = (s.root / "schemas/records/incident.schema.json").read_text(encoding="utf-8")
    s.git.branch("friend")
    s.files.write(
        "schemas/records/incident.schema.json",
        text.replace('"retention_years": 3', '"retention_years": 1'),
    )
    s.git.commit("朋友的分支", who="zhaolei")
    bad = s.git.merge("friend", "friend", who="chenmy", approvers=("liujing",))
    assert next(e for e in trail(s)["events"] if e["commit"] == bad)["problems"]
    revert(s, text, approvers=("chenmy",))
    dispose(s, bad, approvers=("chenmy",))
    (verdict,) = trail(s)["dispositions"]
    assert verdict["refusal"]["key"] == "problem.DC521.own"
    assert strict(s).returncode == 1


def test_held_an_entry_in_a_refused_approval_is_not_in_force(tmp_path):
    """The disposing branch forks after a direct change to doccontrol.yml: its merge adopts
    it (DC516.adopts), so the entry never comes into force."""
    s = scenario(tmp_path)
    push, text = direct_schema_change(s)
    revert(s, text)
    s.set_config("require_review: true", "require_review: true  # x")
    s.git.commit("直接改配置", who="zhaolei")
    dispose(s, push)
    data = trail(s)
    assert data["dispositions"] == []
    assert strict(s).returncode == 1


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "\n    - null",
        "\n    - 5",
        "\n    - {commit: [1, 2], record: {a: 1}}",
        "\n    - {commit: 0123456701234567012345670123456701234567, record: NC-2026-001}",
        "",
    ],
    ids=["text", "null-entry", "number-entry", "wrong-types", "octal-commit", "empty"],
)
def test_held_hostile_values_get_a_message_with_file_and_line(tmp_path, value):
    s = scenario(tmp_path)
    s.set_config("approval:\n", f"approval:\n  dispositions: {value}\n")
    checked = run(s.root, "check")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert any(line.startswith("doccontrol.yml:14") and "DC103" in line
               for line in checked.stdout.splitlines()), checked.stdout  # fmt: skip
    s.git.commit("直接改配置", who="zhaolei")
    ran = run(s.root, "trail", "--strict")
    assert ran.returncode != 0 and "Traceback" not in ran.stderr


def test_held_control_characters_in_a_record_are_escaped_in_the_trail(tmp_path):
    """(Bidi characters such as U+202E are printed as written, in the table and in the
    disposition line, like every other text from history: an observation, not a test.)"""
    s = scenario(tmp_path)
    push, text = direct_schema_change(s)
    revert(s, text)
    dispose(s, push, rec='"NC-2026-001\\e[31m"')
    out = run(s.root, "trail")
    assert "\x1b" not in out.stdout and "Traceback" not in out.stderr
    assert "NC-2026-001\\x1b[31m" in out.stdout
    assert "DC402" in run(s.root, "check").stdout


def test_held_a_secret_id_in_a_refusal_is_redacted_in_the_audit_pack(tmp_path):
    s = scenario(tmp_path)
    secret = procedure(doc_id="SM-P-09").replace(
        "confidentiality: internal", "confidentiality: secret"
    )
    s.files.write("docs/procedures/secret.md", secret)
    push = s.git.commit("直接加入机密文件", who="zhaolei")
    dispose(s, push)
    (verdict,) = trail(s)["dispositions"]
    assert verdict["refusal"]["key"] == "problem.DC521.in-force"
    assert "SM-P-09" in verdict["refusal"]["message"]
    pack = tmp_path / "pack.zip"
    made = run(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(pack))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(pack) as z:
        for name in z.namelist():
            assert b"SM-P-09" not in z.read(name), name


def test_held_cached_and_fresh_trails_agree(tmp_path):
    s = scenario(tmp_path)
    push, text = direct_schema_change(s)
    revert(s, text)
    dispose(s, push)
    first = run(s.root, "trail", "--format", "json").stdout
    cached = run(s.root, "trail", "--format", "json").stdout
    shutil.rmtree(s.root / ".git" / "doccontrol", ignore_errors=True)
    fresh = run(s.root, "trail", "--format", "json").stdout
    assert first == cached == fresh
    assert json.loads(fresh)["dispositions"][0]["counts"]
    _ = approved


@pytest.mark.parametrize("how", ["forge", "approve"])
def test_held_rename_and_edit_on_both_sides_is_accepted_by_both(tmp_path, how):
    """No false positive: the branch renames the schema and edits its title, main's approved
    change edits retention_years; git's merge (forge) and `approve` both keep both edits, and
    the trail accepts them."""
    from disposition_helpers import SCHEMA, git
    from rules_attacks import approve, forge_merge, keys, last_event

    s = scenario(tmp_path)
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    moved = "schemas/records/incident2.schema.json"
    s.git.branch("mv")
    s.git.run("mv", SCHEMA, moved)
    s.files.write(moved, text.replace('"title": "测试事件"', '"title": "测试事件（甲）"'))
    s.git.commit("改名并改标题", who="zhaolei")
    s.git.checkout("main")
    edited = text.replace('"retention_years": 3', '"retention_years": 7')
    approved(s, "edit", lambda: s.files.write(SCHEMA, edited))
    if how == "forge":
        forge_merge(s, "mv", title="mv")
    else:
        result, merged = approve(s, "mv")
        assert merged, result.stdout + result.stderr
    event = last_event(s)
    assert moved in event["accepted"] and not keys(event)
    assert '"retention_years": 7' in git(s, "show", f"HEAD:{moved}").stdout
    assert strict(s).returncode == 0
