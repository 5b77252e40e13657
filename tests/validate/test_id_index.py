"""`doccontrol check FILE` knows the documents it does not check by their ids alone, remembered
by file stat under the Git directory (load/id_index.py). Held to the definition: the same
problems as a load that reads every document."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from builders import settle
from doccontrol.load import repository
from doccontrol.validate.check import check

REC = "records/incident/INC-2026-0001.yaml"
DOC = "docs/procedures/test.md"
INDEX = ".git/doccontrol/document-ids.json"


def codes(root: Path, only: set[str], ids_only: bool) -> list[tuple[str, int, str]]:
    repo = repository.load(root, only=only, ids_only=ids_only)
    return [(p.path, p.line, p.code) for p in check(repo, only)]


def same_as_full_load(root: Path, only: set[str]) -> list[tuple[str, int, str]]:
    """check's problems through the id index, asserted equal to those of a full read."""
    through_index = codes(root, only, ids_only=True)
    assert through_index == codes(root, only, ids_only=False)
    return through_index


def test_index_remembers_ids_and_notices_every_kind_of_change(repo):
    subprocess.run(["git", "init", "-q", str(repo.root)], check=True)
    repo.record(extra="procedure: SM-P-01\n")
    repo.doc("docs/procedures/other.md", doc_id="SM-P-02")
    repo.write("docs/procedures/no-front-matter.md", "# 无元数据\n")
    settle()
    assert same_as_full_load(repo.root, {REC}) == []
    index = json.loads((repo.root / INDEX).read_text(encoding="utf-8"))
    assert {rel: entry[-1] for rel, entry in index["entries"].items()} == {
        DOC: "SM-P-01",
        "docs/procedures/other.md": "SM-P-02",
        "docs/procedures/no-front-matter.md": None,
    }

    # the id changes in place, same size, the modification time put back: the change time
    # still tells, and the record's link no longer resolves
    path = repo.root / DOC
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("SM-P-01", "SM-P-09"), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert same_as_full_load(repo.root, {REC}) == [(REC, 5, "DC305")]

    # a document just written is read, not remembered (its stamp could still repeat)
    repo.doc("docs/procedures/new.md", doc_id="SM-P-01")
    assert same_as_full_load(repo.root, {REC}) == []
    index = json.loads((repo.root / INDEX).read_text(encoding="utf-8"))
    assert "docs/procedures/new.md" not in index["entries"]

    # a deleted document leaves the index
    (repo.root / "docs/procedures/other.md").unlink()
    assert same_as_full_load(repo.root, {REC}) == []
    index = json.loads((repo.root / INDEX).read_text(encoding="utf-8"))
    assert "docs/procedures/other.md" not in index["entries"]


def test_duplicate_id_of_a_remembered_document_is_reported(repo):
    subprocess.run(["git", "init", "-q", str(repo.root)], check=True)
    repo.doc("docs/procedures/twin.md", doc_id="SM-P-02")
    settle()
    same_as_full_load(repo.root, {REC})  # fills the index
    repo.doc("docs/procedures/twin.md", doc_id="SM-P-01")
    settle()
    assert same_as_full_load(repo.root, {"docs/procedures/twin.md"}) == [
        ("docs/procedures/twin.md", 2, "DC201")
    ]


def test_damaged_or_foreign_index_is_ignored_and_replaced(repo):
    subprocess.run(["git", "init", "-q", str(repo.root)], check=True)
    repo.record(extra="procedure: SM-P-01\n")
    settle()
    for damaged in (
        b"{not json",
        b"[]",
        json.dumps({"format": 1, "entries": {DOC: [0, 0, 0, 0, 7]}}).encode(),
        json.dumps({"format": 1, "entries": {DOC: ["x", 0, 0, 0, "SM-P-01"]}}).encode(),
        json.dumps({"format": 999, "entries": {}}).encode(),
    ):
        (repo.root / INDEX).parent.mkdir(parents=True, exist_ok=True)
        (repo.root / INDEX).write_bytes(damaged)
        assert same_as_full_load(repo.root, {REC}) == []
        index = json.loads((repo.root / INDEX).read_text(encoding="utf-8"))
        assert index["format"] == 1 and index["entries"][DOC][-1] == "SM-P-01"


def test_check_one_file_as_the_hook_runs_it_uses_the_index(repo):
    subprocess.run(["git", "init", "-q", str(repo.root)], check=True)
    repo.record(extra="procedure: SM-P-404\n")
    settle()
    for _ in range(2):  # the first run fills the index, the second reads it
        result = subprocess.run(
            [sys.executable, "-m", "doccontrol", "check", REC],
            cwd=repo.root,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert "DC305" in result.stdout
        assert (repo.root / INDEX).is_file()


def test_without_git_nothing_is_remembered(repo):
    repo.record(extra="procedure: SM-P-01\n")
    assert same_as_full_load(repo.root, {REC}) == []
    assert not (repo.root / ".git").exists()
