"""A partial (blobless) clone: the history reads the same, and the versions the walk reads
are fetched in one go, not one round trip to the remote apiece."""

from __future__ import annotations

import json
import subprocess

from history_helpers import body, cli, make_scenario

VERSIONS = 8


def _history_with_versions(tmp_path):
    """SM-P-01 revised VERSIONS times, and a second procedure added on the way."""
    s = make_scenario(tmp_path)
    for n in range(1, VERSIONS + 1):
        s.files.doc(version=f"V1.{n}", body=body(f"第 {n} 次修订的目的。"))
        if n == 3:
            s.files.doc("docs/procedures/other.md", doc_id="SM-P-02", title="另一程序")
        s.git.commit(f"修订 {n}", who="zhaolei")
    s.git.run("config", "uploadpack.allowFilter", "true")
    return s


def _promisor_packs(clone):
    return sorted((clone / ".git" / "objects" / "pack").glob("*.promisor"))


def _blobless(s, tmp_path):
    clone = tmp_path / "partial"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", "--no-local", f"file://{s.root}", str(clone)],
        check=True,
    )
    return clone


def test_a_blobless_clone_reads_the_history_as_the_full_one_does(tmp_path):
    s = _history_with_versions(tmp_path)
    clone = _blobless(s, tmp_path)
    full = cli(s.root, "log", "--all", "--format", "json")
    partial = cli(clone, "log", "--all", "--format", "json")
    assert partial.returncode == full.returncode, partial.stderr
    assert json.loads(partial.stdout) == json.loads(full.stdout)


def test_the_versions_are_fetched_in_one_go(tmp_path):
    """Each fetch from the promisor remote leaves a pack of its own: one for the clone, one
    for the walk's versions — not one per version read (eight and more here)."""
    s = _history_with_versions(tmp_path)
    clone = _blobless(s, tmp_path)
    before = _promisor_packs(clone)
    out = cli(clone, "log", "--all", "--format", "json")
    assert out.stdout, out.stderr
    fetched = len(_promisor_packs(clone)) - len(before)
    assert 1 <= fetched <= 2, fetched


def test_a_full_clone_fetches_nothing(tmp_path):
    s = _history_with_versions(tmp_path)
    clone = tmp_path / "full"
    subprocess.run(["git", "clone", "-q", "--no-local", str(s.root), str(clone)], check=True)
    packs = sorted((clone / ".git" / "objects" / "pack").iterdir())
    out = cli(clone, "log", "--all", "--format", "json")
    assert out.stdout, out.stderr
    assert sorted((clone / ".git" / "objects" / "pack").iterdir()) == packs
    assert not (clone / ".git" / "FETCH_HEAD").exists()


def test_merged_branches_versions_come_in_the_same_fetch(tmp_path):
    """Merges whose result is not the branch's version (the merger resolved or edited it):
    the history reads each branch's version too (DC522 asks which side holds what). Those
    come in the one fetch with the rest, not one round trip per merge."""
    s = make_scenario(tmp_path)
    for n in range(1, VERSIONS + 1):
        s.git.branch(f"b{n}")
        s.files.doc(version=f"V1.{n}", body=body(f"分支第 {n} 次修订。"))
        s.git.commit(f"修订 {n}", who="zhaolei")
        s.git.checkout("main")
        s.git.run("merge", "--no-ff", "--no-commit", "-q", f"b{n}")
        # the merger's own wording in the merge: the branch's version is not the result
        s.files.doc(version=f"V1.{n}", body=body(f"合并时改写的第 {n} 次修订。"))
        s.git.run("add", "-A")
        s.git.run(
            "commit",
            "-q",
            "-m",
            f"Merge branch 'b{n}'\n\nApproved-by: 刘静 <liu.jing@example.com>\n"
            "Reviewed-by: 王芳 <wang.fang@example.com>",
            who="liujing",
            date=s.git.next_date(),
        )
    s.git.run("config", "uploadpack.allowFilter", "true")
    full = cli(s.root, "log", "--all", "--format", "json")
    assert full.stdout, full.stderr  # (the merger wrote text: problems, exit 1, as intended)
    clone = _blobless(s, tmp_path)
    before = _promisor_packs(clone)
    partial = cli(clone, "log", "--all", "--format", "json")
    assert partial.returncode == full.returncode, partial.stderr
    assert json.loads(partial.stdout) == json.loads(full.stdout)
    fetched = len(_promisor_packs(clone)) - len(before)
    assert 1 <= fetched <= 2, fetched


def test_approve_in_a_blobless_clone_fetches_the_merge_in_one_go(tmp_path):
    """`approve` checks the files of the merge it would commit, written from Git: in a
    partial clone, the versions a fetched branch brings (which the clone's checkout of main
    never fetched) come in one fetch, not one round trip per document."""
    from builders import procedure
    from rules_attacks import SOON

    s = make_scenario(tmp_path)
    for n in range(2, 10):
        s.files.write(f"docs/procedures/p{n}.md", procedure(doc_id=f"SM-P-{n:02d}", title="程序"))
    s.git.commit("更多程序", who="wangfang", date="2026-01-01T12:00:00+08:00")
    s.git.branch("cr")
    for n in range(2, 10):
        s.files.write(
            f"docs/procedures/p{n}.md",
            procedure(doc_id=f"SM-P-{n:02d}", title="程序", version="V1.1", effective_date=SOON),
        )
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    s.git.run("config", "uploadpack.allowFilter", "true")
    clone = _blobless(s, tmp_path)
    for args in (["config", "user.name", "刘静"], ["config", "user.email", "liu.jing@example.com"]):
        subprocess.run(["git", *args], cwd=clone, check=True)
    cli(clone, "log", "--all")  # the history's own prefetch, before counting
    before = _promisor_packs(clone)
    result = cli(clone, "approve", "origin/cr", "--reviewer", "wangfang")
    assert result.returncode == 0, result.stdout + result.stderr
    fetched = len(_promisor_packs(clone)) - len(before)
    assert fetched <= 2, fetched
