"""The metaschema check of record schemas runs once per content: a schema found valid is
remembered by the hash of its bytes under the Git directory, never in the work tree."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from builders import TEST_RECORD_SCHEMA
from doccontrol.load import repository
from doccontrol.validate.check import check
from doccontrol.validate.schema import git_path


def marks_dir(root: Path) -> Path:
    out = subprocess.run(
        ["git", "rev-parse", "--git-path", "doccontrol/valid-schemas"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return root / out


def codes(root: Path) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in check(repository.load(root))]


def test_valid_schema_marked_under_the_git_dir_and_an_edit_is_checked_again(repo):
    subprocess.run(["git", "init", "-q"], cwd=repo.root, check=True)
    assert git_path(repo.root, "doccontrol/valid-schemas") == marks_dir(repo.root)
    assert codes(repo.root) == []
    marks = list(marks_dir(repo.root).iterdir())
    assert len(marks) == 1 and marks[0].stat().st_size == 0
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "valid-schemas" not in status  # nothing in the work tree
    # the marked schema made invalid: new bytes, no mark, the metaschema check reports it
    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    schema["properties"]["priority"]["type"] = "strng"
    repo.write("schemas/records/incident.schema.json", json.dumps(schema, indent=2))
    assert codes(repo.root) == [("schemas/records/incident.schema.json", "DC403")]
    assert len(list(marks_dir(repo.root).iterdir())) == 1  # an invalid schema is never marked


def test_worktree_keeps_its_marks_in_its_own_git_dir(repo, tmp_path):
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo.root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo.root, check=True)
    subprocess.run(
        ["git", "-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "-qm", "x"],
        cwd=repo.root,
        check=True,
    )
    other = tmp_path / "other"
    subprocess.run(["git", "worktree", "add", "-q", str(other)], cwd=repo.root, check=True)
    assert codes(other) == []
    assert git_path(other, "doccontrol/valid-schemas") == marks_dir(other)
    assert len(list(marks_dir(other).iterdir())) == 1


def test_outside_git_every_schema_is_checked_and_nothing_is_written(repo):
    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    schema["properties"]["priority"]["type"] = "strng"
    repo.write("schemas/records/incident.schema.json", json.dumps(schema, indent=2))
    before = sorted(p for p in repo.root.rglob("*"))
    if git_path(repo.root, "x") is None:  # tmp_path is not inside a Git repository
        assert codes(repo.root) == [("schemas/records/incident.schema.json", "DC403")]
        assert sorted(p for p in repo.root.rglob("*")) == before


def configs_dir(root: Path) -> Path:
    return marks_dir(root).parent / "valid-configs"


def test_a_valid_config_is_remembered_parsed_and_an_edit_or_damage_is_read_again(repo):
    subprocess.run(["git", "init", "-q"], cwd=repo.root, check=True)
    first = repository.read_config(repo.root)
    assert first is not None
    kept = list(configs_dir(repo.root).iterdir())
    assert len(kept) == 1
    # the remembered copy gives the same configuration as parsing the file
    assert repository.read_config(repo.root) == first
    # an edit is new bytes: parsed again, and the new value is what the next run sees
    config_file = repo.root / "doccontrol.yml"
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("main_branch: main", "main_branch: trunk"),
        encoding="utf-8",
    )
    edited = repository.read_config(repo.root)
    assert edited is not None and edited.main_branch == "trunk"
    assert len(list(configs_dir(repo.root).iterdir())) == 2
    # a damaged copy is never trusted as it stands: the file is parsed again
    for path in configs_dir(repo.root).iterdir():
        path.write_bytes(b'{"main_branch": ')
    again = repository.read_config(repo.root)
    assert again == edited
    # an invalid configuration is never remembered
    config_file.write_text("main_branch: [\n", encoding="utf-8")
    assert repository.read_config(repo.root) is None
    assert len(list(configs_dir(repo.root).iterdir())) == 2
