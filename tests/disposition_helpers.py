"""What the tests of dispositions (tests/history/test_dispositions.py, tests/redteam12) share: a
direct push to a schema, its approved revert, a nonconformity record and the doccontrol.yml entry
naming it, approved by a config approver, and the trail as JSON."""

from __future__ import annotations

import json
import subprocess

from history_helpers import make_scenario
from rules_attacks import forge_merge, run

SCHEMA = "schemas/records/incident.schema.json"
TWO_CONFIG_APPROVERS = (
    "  trusted_forge_keys: []\n",
    "  trusted_forge_keys: []\n  config_approvers: [general-manager, management-representative]\n",
)


def scenario(tmp_path, *edits):
    return make_scenario(tmp_path, *edits)


def direct_schema_change(s, who="zhaolei", author=None):
    """A direct push to a controlled file (DC516)."""
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.files.write(SCHEMA, text.replace('"retention_years": 3', '"retention_years": 1'))
    return s.git.commit("直接修改保存期", who=who), text


def approved(s, branch, edit, who="zhaolei", approvers=("chenmy",), start="main"):
    s.git.branch(branch, start)
    edit()
    s.git.commit(branch, who=who)
    s.git.checkout("main")
    return forge_merge(s, branch, title=branch, approvers=approvers)


def revert(s, text, approvers=("chenmy",), name="revert"):
    return approved(s, name, lambda: s.files.write(SCHEMA, text), approvers=approvers)


def record(s, rec="NC-2026-001", status="closed"):
    # closed: a disposition counts only with the nonconformity closed (DC521.open)
    s.files.write(f"records/nonconformity/{rec}.yaml", f"id: {rec}\nstatus: {status}\n")


def entry(commit, rec="NC-2026-001", problems=None):
    codes = f"      problems: [{', '.join(problems)}]\n" if problems else ""
    return f"approval:\n  dispositions:\n    - commit: {commit}\n      record: {rec}\n{codes}"


def dispose(
    s, commit, rec="NC-2026-001", who="liujing", approvers=("chenmy",), name="nc-1", problems=None
):
    def edit():
        record(s, rec)
        s.set_config("approval:\n", entry(commit, rec, problems))

    return approved(s, name, edit, who=who, approvers=approvers)


def trail(s):
    out = run(s.root, "trail", "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def strict(s):
    return run(s.root, "trail", "--strict")


def git(s, *args, check=True):
    return subprocess.run(["git", *args], cwd=s.root, capture_output=True, text=True, check=check)
