"""Round 44 on record types of a hidden procedure (c916146) and record levels from the schema
(6d56952): where the tip's unapproved schema decides, and where the type's name still shows."""

from __future__ import annotations

import copy
import json

from rt41_helpers import leaks, mkdocs, pack_leaks, site_with_secret

from builders import TEST_RECORD_SCHEMA

SCHEMA = "schemas/records/due-diligence.schema.json"
RECORD = "records/due-diligence/DD-2026-0001.yaml"
MARK = "DDRECORDMARK"


def dd_schema(procedure: str = "SM-P-07") -> str:
    schema = copy.deepcopy(TEST_RECORD_SCHEMA)
    schema["title"] = "并购尽调记录"
    schema["x-doccontrol"].update(
        name="并购尽调记录",
        name_en="Due diligence",
        id_pattern="^DD-\\d{4}-\\d{4}$",
        id_format="DD-{year}-{n:04d}",
        procedure=procedure,
    )
    return json.dumps(schema, ensure_ascii=False, indent=2)


def with_dd_records(scenario):
    """The secret SM-P-07 approved with its own record type (due-diligence), and one record
    of it (internal by the schema's default) committed as records are."""
    s = site_with_secret(scenario, {SCHEMA: dd_schema()})
    s.files.write(
        RECORD,
        f"id: DD-2026-0001\ntitle: 目标公司ACME {MARK}\npriority: P2\nreported: 2026-03-09\n",
    )
    s.git.commit("登记尽调记录", who="sunyue")
    return s


def test_a_default_pack_leaves_out_a_hidden_procedures_records(scenario, tmp_path):
    # held: c916146 leaves the type and its records out
    s = with_dd_records(scenario)
    assert pack_leaks(s.root, tmp_path / "pack.zip", [MARK, "并购尽调记录"]) == []


def test_a_direct_commit_repointing_the_types_procedure_does_not_free_its_records(
    scenario, tmp_path
):
    # 赵磊 pushes one commit straight to main: the schema (a controlled file) now says its
    # procedure is the public SM-P-01. Nobody approved it, but the pack reads record types
    # from the work tree (repo.record_types), not the schemas in force
    s = with_dd_records(scenario)
    s.files.write(SCHEMA, dd_schema("SM-P-01"))
    s.git.commit("调整记录归属", who="zhaolei")
    found = pack_leaks(s.root, tmp_path / "pack.zip", [MARK, "并购尽调记录"])
    assert found == [], found


def test_a_direct_commit_giving_the_schema_a_lower_default_does_not_free_a_record(
    scenario, tmp_path
):
    # a record type whose schema requires the level: a record without one ranks highest
    # (6d56952). A direct commit drops the requirement and defaults the level to internal
    schema = json.loads(dd_schema("SM-P-01"))
    schema["required"].append("confidentiality")
    del schema["properties"]["confidentiality"]["default"]
    s = site_with_secret(scenario, {SCHEMA: json.dumps(schema, ensure_ascii=False)})
    s.files.write(
        RECORD,
        f"id: DD-2026-0001\ntitle: 目标公司ACME {MARK}\npriority: P2\nreported: 2026-03-09\n",
    )
    s.git.commit("登记尽调记录", who="sunyue")
    assert pack_leaks(s.root, tmp_path / "p0.zip", [MARK]) == []  # ranks highest: left out
    schema["required"].remove("confidentiality")
    schema["properties"]["confidentiality"]["default"] = "internal"
    s.files.write(SCHEMA, json.dumps(schema, ensure_ascii=False))
    s.git.commit("放宽记录模式", who="zhaolei")
    found = pack_leaks(s.root, tmp_path / "pack.zip", [MARK])
    assert found == [], found


def test_the_trail_does_not_name_a_hidden_procedures_record_type(scenario, tmp_path):
    # the type is hidden (no form, no navigation entry), but the merge that approved the
    # secret procedure with it lists schemas/records/due-diligence.schema.json
    s = with_dd_records(scenario)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", ["due-diligence"]) == []


def test_the_pack_does_not_name_a_hidden_procedures_record_type(scenario, tmp_path):
    s = with_dd_records(scenario)
    assert pack_leaks(s.root, tmp_path / "pack.zip", ["due-diligence"]) == []
