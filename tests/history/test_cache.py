"""The history cache: reused when nothing changed, extended with new commits, rebuilt when
the config or the history itself changed."""

from __future__ import annotations

import json

from doccontrol.history.derive import derive
from doccontrol.load import repository
from history_helpers import body


def merged_change(s, branch, version, when):
    s.git.branch(branch)
    s.files.doc(version=version, body=body(branch))
    s.git.commit(branch, who="zhaolei")
    s.git.merge(
        branch, f"修订 {branch}", approvers=("liujing",), reviewers=("wangfang",), date=when
    )


def as_json(history):
    return {
        "documents": {k: v.to_json() for k, v in history.documents.items()},
        "events": [e.to_json() for e in history.events],
        "head": history.head,
    }


def config(s):
    return repository.load(s.root, only=set()).config


def test_warm_run_reads_the_cache_and_equals_the_cold_run(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    cold = derive(scenario.root, config(scenario))
    cache_file = scenario.root / ".cache/doccontrol/history.json"
    assert json.loads(cache_file.read_text())["history"]["head"] == cold.head
    warm = derive(scenario.root, config(scenario))
    assert as_json(warm) == as_json(cold)


def test_new_commits_extend_the_cache_to_the_same_result_as_a_full_run(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    merged_change(scenario, "cr-2", "V1.2", "2026-03-01T10:00:00+08:00")
    scenario.files.doc(version="V1.3", body=body("直接"))
    scenario.git.commit("直接", who="zhouqiang")
    extended = derive(scenario.root, config(scenario))
    full = derive(scenario.root, config(scenario), use_cache=False)
    assert as_json(extended) == as_json(full)
    assert [r.version for r in full.documents["SM-P-01"].revisions] == ["V1.1", "V1.2", "V1.3"]


def test_rewritten_history_is_derived_afresh(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    scenario.git.run("reset", "-q", "--hard", "HEAD~1")
    scenario.files.doc(version="V1.5", body=body("改写"))
    scenario.git.commit("改写历史", who="zhouqiang")
    after = derive(scenario.root, config(scenario))
    assert as_json(after) == as_json(derive(scenario.root, config(scenario), use_cache=False))
    assert [r.version for r in after.documents["SM-P-01"].revisions] == ["V1.5"]


def test_mailmap_or_config_change_invalidates_the_cache(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("x"))
    scenario.git.commit("x", who="zhaolei")
    scenario.git.checkout("main")
    message = "Merge branch 'cr-1'\n\n修订\n\nApproved-by: Jing <jing@home.example>\nReviewed-by: 王芳 <wang.fang@example.com>"
    scenario.git.merge_message(message, "cr-1", who="liujing", date="2026-02-01T10:00:00+08:00")
    assert not derive(scenario.root, config(scenario)).documents["SM-P-01"].revisions[0].approved
    (scenario.root / ".mailmap").write_text("<liu.jing@example.com> <jing@home.example>\n")
    assert derive(scenario.root, config(scenario)).documents["SM-P-01"].revisions[0].approved
    key = json.loads((scenario.root / ".cache/doccontrol/history.json").read_text())["key"]
    scenario.set_config("site_name: 服务管理体系文件发布平台", "site_name: 新名称")
    derive(scenario.root, config(scenario))
    assert json.loads((scenario.root / ".cache/doccontrol/history.json").read_text())["key"] != key


def test_corrupt_cache_is_ignored(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    (scenario.root / ".cache/doccontrol/history.json").write_text("{not json")
    assert (
        derive(scenario.root, config(scenario)).documents["SM-P-01"].revisions[0].version == "V1.1"
    )
