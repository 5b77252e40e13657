"""DC516.merged refuses a clean three-way merge: two reviewed, approved branches change
different parts of the same schema; after the first is merged, the second (now behind main)
is merged by the forge (git's ordinary merge) or by doccontrol approve. The merge's version of
the schema is neither branch's own (it holds both reviewed changes), so the second approval
never takes effect (DC516.merged) and approve refuses it: every branch touching a controlled
file must be rebased before each merge, and the forge's ordinary merge leaves the trail
failing. Safe: a merge whose result is main's in-force version plus the branch's reviewed diff
(what the reviewer saw, main...branch) takes effect."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import approve, forge_merge, last_event

SCHEMA = "schemas/records/incident.schema.json"


def _two_branches(tmp_path):
    s = make_scenario(tmp_path)
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.git.branch("a")
    s.files.write(SCHEMA, text.replace('"title": "测试事件"', '"title": "测试事件（甲）"'))
    s.git.commit("改标题", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("b")
    s.files.write(SCHEMA, text.replace('"retention_years": 3', '"retention_years": 5'))
    s.git.commit("改保存期", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "a")
    assert SCHEMA in last_event(s)["accepted"]
    return s


def test_forge_merge_of_a_branch_behind_main_takes_effect(tmp_path):
    s = _two_branches(tmp_path)
    forge_merge(s, "b", title="合并乙")
    merged = (s.root / SCHEMA).read_text(encoding="utf-8")
    assert "（甲）" in merged and '"retention_years": 5' in merged
    last = last_event(s)
    assert SCHEMA in last["accepted"], last["problems"]


def test_approve_of_a_branch_behind_main(tmp_path):
    s = _two_branches(tmp_path)
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    assert SCHEMA in last_event(s)["accepted"]


# what held: the remedy DC516.merged names works for approve and the forge alike
def test_merging_main_into_the_branch_then_approving(tmp_path):
    s = _two_branches(tmp_path)
    s.git.checkout("b")
    s.git.run("merge", "-q", "--no-edit", "main", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "b")
    assert merged, result.stdout + result.stderr
    assert SCHEMA in last_event(s)["accepted"]
