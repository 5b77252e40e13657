"""The history cache: reused when nothing changed, extended with new commits, rebuilt when
the config or the history itself changed."""

from __future__ import annotations

import json
import subprocess
import sys

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


def cache_file(s):
    """The cache lives in the Git directory, where no commit can put a file."""
    return s.root / ".git/doccontrol/history.json"


def test_warm_run_reads_the_cache_and_equals_the_cold_run(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    cold = derive(scenario.root, config(scenario))
    assert json.loads(cache_file(scenario).read_text())["head"] == cold.head
    assert not (scenario.root / ".cache/doccontrol").exists()
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


def test_state_names_approved_texts_by_blob_and_reads_them_only_when_touched(scenario):
    """The cached state keeps each approved version's blob id, not its text; a later run
    reads the text again for the documents it touches, so 更改处 still compares with the
    approved text (here: a document untouched by two extensions, then edited)."""

    def second(branch: str, version: str, purpose: str, when: str) -> None:
        scenario.git.branch(branch)
        scenario.files.doc(
            "docs/procedures/two.md", doc_id="SM-P-02", version=version, body=body(purpose)
        )
        scenario.git.commit(branch, who="zhaolei")
        scenario.git.merge(
            branch,
            f"修订 SM-P-02 {version}",
            approvers=("liujing",),
            reviewers=("wangfang",),
            date=when,
        )

    second("cr-two", "V1.0", "第二份的目的。", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    state = (scenario.root / ".git/doccontrol/state.json").read_text(encoding="utf-8")
    assert "第二份的目的。" not in state
    merged_change(scenario, "cr-1", "V1.1", "2026-03-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))  # SM-P-02 untouched: its text stays unread
    merged_change(scenario, "cr-3", "V1.2", "2026-03-05T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    second("cr-4", "V1.1", "第二份的新目的。", "2026-04-01T10:00:00+08:00")
    extended = derive(scenario.root, config(scenario))
    assert extended.documents["SM-P-02"].revisions[-1].sections == ("1 目的",)
    assert as_json(extended) == as_json(derive(scenario.root, config(scenario), use_cache=False))


def test_rewritten_history_is_derived_afresh(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    scenario.git.run("reset", "-q", "--hard", "HEAD~1")
    scenario.files.doc(version="V1.5", body=body("改写"))
    scenario.git.commit("改写历史", who="zhouqiang")
    after = derive(scenario.root, config(scenario))
    assert as_json(after) == as_json(derive(scenario.root, config(scenario), use_cache=False))
    assert [r.version for r in after.documents["SM-P-01"].revisions] == ["V1.5"]


def test_config_change_on_main_invalidates_the_cache_and_work_tree_edits_do_not(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    key = json.loads(cache_file(scenario).read_text())["key"]
    # an uncommitted edit is not the rules: the cache and the result stay as they were
    scenario.set_config("site_name: 服务管理体系文件发布平台", "site_name: 新名称")
    derive(scenario.root, config(scenario))
    assert json.loads(cache_file(scenario).read_text())["key"] == key
    scenario.git.branch("cfg")
    scenario.git.commit("改站点名称", who="wangfang")
    scenario.git.merge("cfg", "改站点名称", approvers=("liujing",), reviewers=("wangfang",))
    derive(scenario.root, config(scenario))
    assert json.loads(cache_file(scenario).read_text())["key"] != key


def test_corrupt_cache_is_ignored(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    cache_file(scenario).write_text("{not json")
    assert (
        derive(scenario.root, config(scenario)).documents["SM-P-01"].revisions[0].version == "V1.1"
    )


def test_cache_of_the_wrong_shape_is_discarded_and_rebuilt(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    cold = derive(scenario.root, config(scenario))
    header = json.loads(cache_file(scenario).read_text())
    header["index"] = [["SM-P-01"]]  # the right key, the wrong shape
    cache_file(scenario).write_text(json.dumps(header))
    state_file = cache_file(scenario).with_name("state.json")
    state = json.loads(state_file.read_text())
    state["state"] = {"docs": 7}
    state_file.write_text(json.dumps(state))
    assert as_json(derive(scenario.root, config(scenario))) == as_json(cold)
    merged_change(scenario, "cr-2", "V1.2", "2026-03-01T10:00:00+08:00")
    state = json.loads(state_file.read_text())
    state["state"]["docs"] = {"SM-P-01": {"path": 1}}
    state_file.write_text(json.dumps(state))
    extended = derive(scenario.root, config(scenario))
    assert as_json(extended) == as_json(derive(scenario.root, config(scenario), use_cache=False))


def test_damaged_document_line_is_a_clear_error_once_then_derived_afresh(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    (documents,) = cache_file(scenario).parent.glob("documents-*.jsonl")
    documents.write_text('["SM-P-01", 1, 2]\n' + " " * 500)  # right key, wrong shape
    first = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "SM-P-01"],
        cwd=scenario.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert first.returncode == 2 and "已损坏并已删除" in first.stderr
    assert "Traceback" not in first.stderr and "internal error" not in first.stderr
    second = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "SM-P-01"],
        cwd=scenario.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert second.returncode in (0, 1), second.stderr  # 1: problems of the history itself
    assert "V1.1" in second.stdout and "internal error" not in second.stderr
