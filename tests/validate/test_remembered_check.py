"""A check that remembers what it found in unchanged documents (``mkdocs serve`` rebuilds)
finds what a fresh check finds, edit after edit: held to the definition."""

from __future__ import annotations

import json
from pathlib import Path

from builders import SECTIONS, RepoBuilder, procedure, settle
from doccontrol.load import repository
from doccontrol.validate.check import Remembered, check

OTHER = "docs/procedures/other.md"
BODY = "\n".join(f"## {n} {s}\n\n{s}的内容。\n" for n, s in enumerate(SECTIONS, 1))


def found(repo: repository.Repository, remembered: Remembered) -> list[tuple[str, int, str]]:
    fresh = [(p.path, p.line, p.code) for p in check(repo)]
    again = [(p.path, p.line, p.code) for p in check(repo, remembered=remembered)]
    assert again == fresh
    return again


def codes(problems: list[tuple[str, int, str]], path: str) -> set[str]:
    return {code for p, _line, code in problems if p == path}


def test_remembered_findings_follow_every_edit(repo: RepoBuilder) -> None:
    root: Path = repo.root
    repo.write(OTHER, procedure("SM-P-02", body=BODY + "\n<script>alert(1)</script>\n"))
    remembered = Remembered()
    settle()  # a file written just before it is read is read again next time

    first = repository.load(root)
    problems = found(first, remembered)
    assert "DC220" in codes(problems, OTHER)

    # the script removed (the file's size changes, so the loader reads it again)
    repo.write(OTHER, procedure("SM-P-02", body=BODY))
    second = repository.load(root, previous=first)
    assert second.document("SM-P-01") is first.document("SM-P-01")  # reused, unchanged
    assert "DC220" not in codes(found(second, remembered), OTHER)

    # a stricter document schema: the unchanged documents are judged again
    schema_path = root / "schemas/document.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["required"] = [*schema.get("required", []), "site_note"]
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    third = repository.load(root, previous=second)
    assert third.document("SM-P-01") is second.document("SM-P-01")
    problems = found(third, remembered)
    assert "DC101" in codes(problems, "docs/procedures/test.md")

    # active content added to the document that was clean all along
    repo.doc(body=BODY + '\n<iframe src="https://evil.example"></iframe>\n')
    fourth = repository.load(root, previous=third)
    assert "DC220" in codes(found(fourth, remembered), "docs/procedures/test.md")

    # a required section taken out of the same document (DC217), then put back
    repo.doc(body="\n".join(f"## {n} {s}\n\n{s}的内容。\n" for n, s in enumerate(SECTIONS[1:], 1)))
    fifth = repository.load(root, previous=fourth)
    assert "DC217" in codes(found(fifth, remembered), "docs/procedures/test.md")
    repo.doc(body=BODY)
    sixth = repository.load(root, previous=fifth)
    assert "DC217" not in codes(found(sixth, remembered), "docs/procedures/test.md")


def test_remembered_record_findings_follow_the_record_and_its_schema(repo: RepoBuilder) -> None:
    root: Path = repo.root
    record = repo.record(extra="procedure: SM-P-01\n")
    rel = "records/incident/INC-2026-0001.yaml"
    remembered = Remembered()
    settle()  # a file written just before it is read is read again next time
    first = repository.load(root)
    assert codes(found(first, remembered), rel) == set()

    # a value the schema refuses
    record.write_text(record.read_text(encoding="utf-8").replace("P2", "P9"), encoding="utf-8")
    settle()  # so that the next load keeps this very record
    second = repository.load(root, previous=first)
    assert "DC104" in codes(found(second, remembered), rel)

    # the schema widened to accept it: the unchanged record is judged again
    schema_path = root / "schemas/records/incident.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["priority"] = {"type": "string"}
    schema_path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    third = repository.load(root, previous=second)
    assert third.records[0] is second.records[0]  # the record kept, its type read again
    assert codes(found(third, remembered), rel) == set()


def test_the_renderers_verdict_is_remembered_per_text_and_names_the_file_asked(
    repo: RepoBuilder,
) -> None:
    """``check`` and the site's page rule ask the same question of the same text: the verdict
    is the fresh one, follows an edit, and names the file each caller gives."""
    root: Path = repo.root
    deep = BODY + "\n" + "> " * 40 + "深\n"
    repo.write(OTHER, procedure("SM-P-02", body=deep))
    remembered = Remembered()
    settle()
    first = repository.load(root)
    assert "DC223" in codes(found(first, remembered), OTHER)
    other = next(d for d in first.documents if d.path == OTHER)
    # the site names the work tree's file for a text in force read from elsewhere
    moved = remembered.render_problems(other, "docs/procedures/moved.md")
    assert moved and {p.path for p in moved} == {"docs/procedures/moved.md"}
    assert [(p.line, p.code) for p in moved] == [
        (p.line, p.code) for p in remembered.render_problems(other)
    ]
    assert {p.path for p in remembered.render_problems(other)} == {OTHER}

    repo.write(OTHER, procedure("SM-P-02", body=BODY))
    second = repository.load(root, previous=first)
    assert "DC223" not in codes(found(second, remembered), OTHER)
    again = next(d for d in second.documents if d.path == OTHER)
    assert remembered.render_problems(again) == []
