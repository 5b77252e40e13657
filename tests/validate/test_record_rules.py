"""Record and record-schema rules, asserting the exact code, path and line."""

from __future__ import annotations

import json

from doccontrol.load import repository
from doccontrol.validate.check import check

REC = "records/incident/INC-2026-0001.yaml"


def test_valid_record(repo, check_codes):
    repo.record(extra="assignee: sunyue\nprocedure: SM-P-01\n")
    assert check_codes(repo.root) == []


def test_record_schema_violations(repo, check_codes):
    repo.write(
        REC, "id: INC-2026-0001\ntitle: 超时\npriority: P9\nreported: 2026-13-01\nextra_field: 1\n"
    )
    assert check_codes(repo.root) == [(REC, 3, "DC104"), (REC, 4, "DC106"), (REC, 5, "DC102")]


def test_missing_required_field_points_at_the_mapping(repo, check_codes):
    repo.write(REC, "id: INC-2026-0001\ntitle: 超时\npriority: P2\n")
    assert check_codes(repo.root) == [(REC, 1, "DC101")]


def test_record_id_must_match_file_name_and_pattern(repo, check_codes):
    repo.write(
        "records/incident/INC-2026-0002.yaml",
        "id: INC-2026-0003\ntitle: x\npriority: P2\nreported: 2026-03-09\n",
    )
    repo.write(
        "records/incident/INC-26-2.yaml",
        "id: INC-26-2\ntitle: x\npriority: P2\nreported: 2026-03-09\n",
    )
    assert check_codes(repo.root) == [
        ("records/incident/INC-2026-0002.yaml", 1, "DC302"),
        ("records/incident/INC-26-2.yaml", 1, "DC303"),
    ]


def test_links_to_records_documents_and_people_must_resolve(repo, check_codes):
    repo.record("INC-2026-0002")
    repo.record(
        extra="assignee: nobody\nprocedure: SM-P-99\nrelated: [INC-2026-0002, INC-2026-0404]\n"
    )
    assert check_codes(repo.root) == [(REC, 5, "DC307"), (REC, 6, "DC305"), (REC, 7, "DC304")]
    messages = [p.message for p in check(repository.load(repo.root))]
    assert any("INC-2026-0404" in m for m in messages)


def test_record_folder_without_schema(repo, check_codes):
    repo.write("records/audit/AUD-2026-01.yaml", "id: AUD-2026-01\n")
    repo.write("records/stray.yaml", "id: X\n")
    assert check_codes(repo.root) == [
        ("records/audit/AUD-2026-01.yaml", 1, "DC306"),
        ("records/stray.yaml", 1, "DC308"),
    ]


def test_hostile_record_files(repo, check_codes):
    repo.write("records/incident/INC-2026-0010.yaml", "- just\n- a list\n")
    repo.write("records/incident/INC-2026-0011.yaml", "id: INC-2026-0011\ntitle: [unclosed\n")
    repo.write("records/incident/INC-2026-0012.yaml", "a: &x 1\nb: *x\n")
    assert check_codes(repo.root) == [
        ("records/incident/INC-2026-0010.yaml", 1, "DC012"),
        ("records/incident/INC-2026-0011.yaml", 2, "DC007"),  # where the '[' opens
        ("records/incident/INC-2026-0012.yaml", 2, "DC009"),
    ]


def test_bad_record_schemas(repo, check_codes):
    repo.write("schemas/records/broken.schema.json", '{"title": "x",\n  "type": }\n')
    repo.write("schemas/records/noblock.schema.json", json.dumps({"type": "object"}))
    repo.write(
        "schemas/records/badtype.schema.json",
        json.dumps({"type": "object", "properties": {"a": {"type": "strng"}}}, indent=2),
    )
    repo.write(
        "schemas/records/badrequired.schema.json",
        json.dumps({"type": "object", "required": "id"}, indent=2),
    )
    assert check_codes(repo.root) == [
        ("schemas/records/badrequired.schema.json", 3, "DC403"),  # at the key that is wrong
        ("schemas/records/badtype.schema.json", 5, "DC403"),  # properties.a.type
        ("schemas/records/broken.schema.json", 2, "DC015"),
        ("schemas/records/noblock.schema.json", 1, "DC403"),
    ]
    from doccontrol import catalogue

    texts = {p.path: p.text(catalogue.load("zh")) for p in check(repository.load(repo.root))}
    assert (
        "'type' 的值 'strng' 不是 JSON Schema 的类型"
        in texts["schemas/records/badtype.schema.json"]
    )
    assert "required 不符合" in texts["schemas/records/badrequired.schema.json"]


def test_x_doccontrol_block_is_validated(repo, check_codes):
    from builders import TEST_RECORD_SCHEMA

    schema = json.loads(json.dumps(TEST_RECORD_SCHEMA))
    del schema["x-doccontrol"]["retention_years"]
    schema["x-doccontrol"]["list_fields"].append("nonexistent")
    schema["x-doccontrol"]["clauses"] = ["99.9"]
    repo.write("schemas/records/incident.schema.json", json.dumps(schema, indent=2))
    problems = check(repository.load(repo.root))
    assert [(p.code, p.line) for p in problems] == [("DC403", 5)]
    assert "retention_years" in problems[0].message


def test_checking_one_file_reports_only_that_file(repo, check_codes):
    repo.write("records/incident/INC-2026-0005.yaml", "id: INC-2026-0005\npriority: P0\n")
    good = repo.record()
    rel = good.relative_to(repo.root).as_posix()
    assert check_codes(repo.root, {rel}) == []
    assert check_codes(repo.root, {"records/incident/INC-2026-0005.yaml"}) == [
        ("records/incident/INC-2026-0005.yaml", 1, "DC101"),
        ("records/incident/INC-2026-0005.yaml", 1, "DC101"),
        ("records/incident/INC-2026-0005.yaml", 2, "DC104"),
    ]


def test_a_broken_record_schema_is_reported_once_and_its_type_still_exists(repo, check_codes):
    # a syntax error in schemas/records/incident.schema.json: that file says what is wrong; its
    # records are unchecked (not "without a schema"), and documents naming the type are right
    from builders import SECTIONS

    repo.record()
    body = "\n".join(f"## {s}\n" for s in SECTIONS) + "\n见[事件记录](record:incident)。\n"
    repo.doc(body=body, extra="records: [incident]\n")
    repo.write("schemas/records/incident.schema.json", '{ "a": ')
    found = check_codes(repo.root)
    assert found == [
        (REC, 1, "DC306"),
        ("schemas/records/incident.schema.json", 1, "DC015"),
    ], found
    (unchecked,) = [p for p in check(repository.load(repo.root)) if p.path == REC]
    assert unchecked.key == "problem.DC306.unusable"
