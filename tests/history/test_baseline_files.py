"""Two files claiming one id in the tree control began with: the history records each one
(commit, path, confidentiality), for the picture rules to read them all (round 113, hole 3),
the same cold, from the cache, and extended from a cache written before control began."""

from __future__ import annotations

from builders import procedure
from doccontrol.history.derive import derive
from doccontrol.load import repository
from history_helpers import body

SECRET = "docs/procedures/secret.md"
TWIN = "docs/procedures/twin.md"
BEFORE = "2026-01-01T10:00:00+08:00"  # control begins on 2026-01-02


def secret_doc(doc_id: str = "SM-P-07", title: str = "机密程序", text: str = "正文。",
               level: str = "secret") -> str:  # fmt: skip
    return procedure(doc_id=doc_id, title=title, body=body(text)).replace(
        "confidentiality: internal", f"confidentiality: {level}"
    )


def approve(s, branch: str, files: dict[str, str], number: int) -> None:
    s.git.branch(branch)
    for rel, text in files.items():
        s.files.write(rel, text)
    s.git.commit(f"{branch}（草稿）", who="zhaolei")
    s.git.merge(branch, branch, number=number, approvers=("liujing", "chenmy"))


def history(s, cached: bool = True):
    config = repository.load(s.root, only=set()).config
    return derive(s.root, config, use_cache=cached)


def twins(s, *, twin_level: str = "internal") -> str:
    """SM-P-07 at `secret` and a second file claiming it at ``twin_level``, imported before
    control began; returns that commit."""
    s.files.write(SECRET, secret_doc(text="机密正文。"))
    s.files.write(TWIN, secret_doc(text="孪生正文。", level=twin_level))
    return s.git.commit("导入两份同编号文件", who="wangfang", date=BEFORE)


def under_control(s) -> None:
    approve(s, "cr-1", {"docs/procedures/other.md": secret_doc("SM-P-08", "另一份")}, 1)


def test_each_file_claiming_the_id_as_control_began_is_recorded(scenario):
    commit = twins(scenario)
    under_control(scenario)
    found = history(scenario, cached=False).documents["SM-P-07"].baseline_files
    assert found == ((commit, SECRET, "secret"), (commit, TWIN, "internal"))


def test_one_file_per_id_records_none(scenario):
    scenario.files.write(SECRET, secret_doc(text="机密正文。"))
    scenario.git.commit("导入", who="wangfang", date=BEFORE)
    under_control(scenario)
    documents = history(scenario, cached=False).documents
    assert documents["SM-P-07"].baseline_files == ()
    assert documents["SM-P-01"].baseline_files == ()


def test_a_twin_gone_before_control_began_is_recorded_still(scenario):
    """Its version was the id's last before control began (round 114): the record keeps it,
    and the file left in the tree, whatever the baseline revision says."""
    commit = twins(scenario)
    (scenario.root / TWIN).unlink()
    scenario.git.commit("删除多余文件", who="wangfang", date="2026-01-01T10:30:00+08:00")
    under_control(scenario)
    found = history(scenario, cached=False).documents["SM-P-07"].baseline_files
    assert found == ((commit, SECRET, "secret"), (commit, TWIN, "internal"))


def test_a_file_moved_before_control_began_records_both_paths(scenario):
    scenario.files.write(SECRET, secret_doc(text="机密正文。"))
    first = scenario.git.commit("导入", who="wangfang", date=BEFORE)
    scenario.git.run("mv", SECRET, TWIN)
    moved = scenario.git.commit("改名", who="wangfang", date="2026-01-01T10:30:00+08:00")
    under_control(scenario)
    found = history(scenario, cached=False).documents["SM-P-07"].baseline_files
    assert found == ((first, SECRET, "secret"), (moved, TWIN, "secret"))


def test_a_twin_added_under_control_is_no_baseline_file(scenario):
    scenario.files.write(SECRET, secret_doc(text="机密正文。"))
    scenario.git.commit("导入", who="wangfang", date=BEFORE)
    approve(scenario, "cr-1", {TWIN: secret_doc(text="孪生。", level="internal")}, 1)
    assert history(scenario, cached=False).documents["SM-P-07"].baseline_files == ()


def test_the_record_is_the_same_from_the_cache_and_extended_from_it(scenario):
    commit = twins(scenario)
    before = history(scenario)  # every commit pre-control: the cache holds the open record
    assert before.documents["SM-P-07"].baseline_files == (
        (commit, SECRET, "secret"),
        (commit, TWIN, "internal"),
    )
    under_control(scenario)
    extended = history(scenario)
    warm = history(scenario)
    cold = history(scenario, cached=False)
    expected = cold.documents["SM-P-07"].baseline_files
    assert expected == ((commit, SECRET, "secret"), (commit, TWIN, "internal"))
    assert extended.documents["SM-P-07"].baseline_files == expected
    assert warm.documents["SM-P-07"].baseline_files == expected
