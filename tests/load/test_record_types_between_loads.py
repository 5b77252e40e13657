"""A load given the previous one (``mkdocs serve`` rebuilds) reuses a record type whose schema
file did not change, and reads again one that did: the result is what a fresh load finds."""

from __future__ import annotations

import json

from builders import RepoBuilder, settle
from doccontrol.load import repository

SCHEMA = "schemas/records/incident.schema.json"


def test_record_types_follow_their_schema_files(repo: RepoBuilder) -> None:
    path = repo.root / SCHEMA
    settle()  # a file written just before it is read is read again next time
    first = repository.load(repo.root)
    second = repository.load(repo.root, previous=first)
    assert second.record_types["incident"] is first.record_types["incident"]
    assert second.record_types == first.record_types

    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["site_note"] = {"type": "string"}
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    third = repository.load(repo.root, previous=second)
    assert "site_note" in third.record_types["incident"].schema["properties"]
    assert third.record_types == repository.load(repo.root).record_types

    path.write_text("{ not json", encoding="utf-8")
    fourth = repository.load(repo.root, previous=third)
    assert "incident" not in fourth.record_types
    fresh = repository.load(repo.root)
    assert [(p.path, p.code) for p in fourth.problems] == [(p.path, p.code) for p in fresh.problems]
    assert any(p.path == SCHEMA for p in fourth.problems)
    # unchanged since the broken read: the problem stays, the type stays out
    fifth = repository.load(repo.root, previous=fourth)
    assert "incident" not in fifth.record_types
    assert any(p.path == SCHEMA for p in fifth.problems)
