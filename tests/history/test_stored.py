"""history/stored.py: each stored version read and parsed once, shared by the register and the
impact analysis, on real Git repositories."""

from __future__ import annotations

import dataclasses
import shutil

from builders import procedure
from doccontrol.history.stored import StoredVersions
from doccontrol.load import repository
from history_helpers import Scenario, make_scenario


def _baseline(s: Scenario):
    revision = s.history().documents["SM-P-01"].baseline
    assert revision is not None
    return revision


def test_the_same_bytes_as_the_work_tree_are_the_work_trees_document(tmp_path) -> None:
    s = make_scenario(tmp_path)
    repo = repository.load(s.root)
    revision = _baseline(s)
    with StoredVersions(s.root) as stored:
        stored.know(repo.documents, repo.digests)
        document = stored.document(revision)
        # not parsed again: the very object the work tree's load made
        assert document is repo.document("SM-P-01")
        assert stored.meta(revision) is document.meta


def test_a_work_tree_edit_is_not_taken_for_the_stored_version(tmp_path) -> None:
    s = make_scenario(tmp_path)
    s.files.doc(version="V9.9", title="工作区里改过的标题")
    repo = repository.load(s.root)
    revision = _baseline(s)
    with StoredVersions(s.root) as stored:
        stored.know(repo.documents, repo.digests)
        document = stored.document(revision)
        assert document is not None and document is not repo.document("SM-P-01")
        assert (document.version, document.title) == ("V1.0", "测试程序")
        assert stored.meta(revision)["version"] == "V1.0"


def test_versions_read_stay_known_after_git_is_gone(tmp_path) -> None:
    # `mkdocs serve` keeps the reader: what a rebuild asked before is not read from Git again
    s = make_scenario(tmp_path)
    revision = _baseline(s)
    stored = StoredVersions(s.root)
    first = stored.document(revision)
    stored.close()
    shutil.move(s.root / ".git", tmp_path / "moved-git")
    assert stored.document(revision) is first
    assert stored.meta(revision)["id"] == "SM-P-01"
    stored.close()


def test_a_version_the_strict_reader_refuses_still_has_front_matter(tmp_path) -> None:
    s = make_scenario(tmp_path)
    # a byte that is not UTF-8 in the title: the work tree's load refuses the file, the
    # register still shows what the version says
    text = procedure(version="V1.1", title="坏字节").encode("utf-8").replace("坏".encode(), b"\xff")
    s.files.write("docs/procedures/test.md", text)
    s.git.commit("直接提交", who="wangfang")
    history = s.history()
    revision = next(r for r in history.documents["SM-P-01"].revisions if r.version == "V1.1")
    with StoredVersions(s.root) as stored:
        assert stored.document(revision) is None
        meta = stored.meta(revision)
        assert meta["version"] == "V1.1" and meta["id"] == "SM-P-01"


def test_a_deleting_commit_is_read_from_its_parent(tmp_path) -> None:
    s = make_scenario(tmp_path)
    revision = _baseline(s)
    (s.root / "docs/procedures/test.md").unlink()
    deleting = s.git.commit("删除", who="wangfang")
    gone = dataclasses.replace(revision, commit=deleting)
    with StoredVersions(s.root) as stored:
        assert stored.document(gone) is None  # the commit holds no such file
        assert stored.meta(gone)["version"] == "V1.0"  # the withdrawal shows what it ended
