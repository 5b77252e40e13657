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
    gone = dataclasses.replace(revision, commit=deleting, kind="withdrawal", removed=True)
    with StoredVersions(s.root) as stored:
        assert stored.document(gone) is not None
        assert stored.meta(gone)["version"] == "V1.0"  # the withdrawal shows what it ended


def test_a_path_given_to_another_id_is_read_from_before(tmp_path) -> None:
    """A renumbering in place: the withdrawing commit's path holds the new document, which
    the withdrawn id must never be shown as (its title, its confidentiality)."""
    s = make_scenario(tmp_path)
    revision = _baseline(s)
    s.files.write("docs/procedures/test.md", procedure(doc_id="SM-P-09", title="另一程序"))
    renumbering = s.git.commit("改号", who="wangfang")
    gone = dataclasses.replace(revision, commit=renumbering, kind="withdrawal", removed=True)
    with StoredVersions(s.root) as stored:
        document = stored.document(gone)
        assert document is not None and document.id == "SM-P-01"
        assert stored.meta(gone)["id"] == "SM-P-01"
    history = s.history()
    withdrawal = history.documents["SM-P-01"].revisions[-1]
    assert withdrawal.kind in ("withdrawal", "unapproved") and withdrawal.removed


def _one_at_a_time(root, revisions):
    with StoredVersions(root) as stored:
        return [(stored.document(r), dict(stored.meta(r))) for r in revisions]


def test_reading_ahead_finds_what_one_at_a_time_finds(tmp_path) -> None:
    # every kind of answer in one batch: a version, a work-tree twin, a commit without the
    # file (read from its parent afterwards), a path that is a folder, and a commit git lacks
    s = make_scenario(tmp_path)
    repo = repository.load(s.root)
    revision = _baseline(s)
    s.files.doc(version="V1.1", title="改过的标题")
    edited = s.git.commit("直接提交", who="wangfang")
    (s.root / "docs/procedures/test.md").unlink()
    deleting = s.git.commit("删除", who="wangfang")
    asked = [
        revision,
        dataclasses.replace(revision, commit=edited),
        dataclasses.replace(revision, commit=deleting, kind="withdrawal", removed=True),
        dataclasses.replace(revision, path="docs/procedures"),
        dataclasses.replace(revision, commit="0" * 40),
        revision,
    ]
    expected = _one_at_a_time(s.root, asked)
    with StoredVersions(s.root) as stored:
        stored.know(repo.documents, repo.digests)
        stored.prefetch([*asked, None])
        found = [(stored.document(r), dict(stored.meta(r))) for r in asked]
        assert found[0][0] is repo.document("SM-P-01")  # the work tree's twin, as before
    assert [(d.version if d else None, d.title if d else None, m) for d, m in found] == [
        (d.version if d else None, d.title if d else None, m) for d, m in expected
    ]
    assert found[1][1]["version"] == "V1.1"
    assert found[2][1]["version"] == "V1.1"  # from the parent
    assert found[3] == (None, {}) and found[4] == (None, {})


def test_what_was_read_ahead_is_not_asked_of_git_again(tmp_path) -> None:
    s = make_scenario(tmp_path)
    revision = _baseline(s)
    stored = StoredVersions(s.root)
    stored.prefetch([revision])
    stored.close()
    shutil.move(s.root / ".git", tmp_path / "moved-git")
    assert stored.meta(revision)["id"] == "SM-P-01"
    stored.close()


def test_reading_ahead_without_git_leaves_the_questions_to_later(tmp_path) -> None:
    s = make_scenario(tmp_path)
    revision = _baseline(s)
    shutil.move(s.root / ".git", tmp_path / "moved-git")
    with StoredVersions(s.root) as stored:
        stored.prefetch([revision])  # no exception, nothing remembered
        shutil.move(tmp_path / "moved-git", s.root / ".git")
        assert stored.meta(revision)["id"] == "SM-P-01"
