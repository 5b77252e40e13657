"""Records that name a secret document."""

from __future__ import annotations

import pytest
from rt41_helpers import leaks, mkdocs, site_with_secret


@pytest.mark.parametrize("spelt", ["sm-p-07", "SM-P-07 ", "ＳＭ-Ｐ-０７"])
def test_a_public_record_naming_a_secret_document_spelt_otherwise_is_left_out(
    scenario, tmp_path, spelt
):
    # ids "are compared after NFKC and case folding, so two ids that print alike are
    # duplicates" (README): a record naming SM-P-07 so names the secret document
    s = site_with_secret(scenario)
    s.files.record(extra=f"confidentiality: public\nprocedure: '{spelt}'\n")
    s.git.commit("登记事件", who="sunyue")
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    found = leaks(tmp_path / "site", [spelt.strip(), spelt.strip().upper()])
    assert found == [], sorted(found)


def test_a_record_missing_the_level_its_schema_requires_is_not_packed_as_internal(
    scenario, tmp_path
):
    # security incidents must state their level (the schema requires it: "涉及个人信息、客户
    # 数据或未公开漏洞的为 confidential 及以上"); one that does not is not known to be internal
    import shutil

    from rt41_helpers import pack_leaks

    from builders import PROJECT

    s = site_with_secret(scenario)
    shutil.copy(
        PROJECT / "schemas/records/security-incident.schema.json",
        s.root / "schemas/records/security-incident.schema.json",
    )
    s.files.write(
        "records/security-incident/SEC-2026-001.yaml",
        "id: SEC-2026-001\ntitle: 客户数据库泄露SECRECORDMARK\nclassification: data-breach\n"
        "severity: high\ndetected_at: 2026-03-01T10:00:00+08:00\n"
        "reported_at: 2026-03-01T10:30:00+08:00\nreported_by: wuting\nhandler: wuting\n"
        "description: 泄露了客户名单SECRECORDMARK\nstatus: open\n",
    )
    s.git.commit("登记安全事件", who="wuting")
    found = pack_leaks(s.root, tmp_path / "pack.zip", ["SECRECORDMARK"])
    assert found == [], found


def test_the_form_of_a_record_type_only_a_secret_procedure_uses_is_not_published(
    scenario, tmp_path
):
    # the secret procedure SM-P-07 keeps its own records (x-doccontrol.procedure names it);
    # their type's name and field help describe the secret process, as the procedure does
    import copy
    import json

    from builders import TEST_RECORD_SCHEMA

    schema = copy.deepcopy(TEST_RECORD_SCHEMA)
    schema["title"] = "并购尽调记录SECRETTYPEMARK"
    schema["x-doccontrol"].update(
        name="并购尽调记录SECRETTYPEMARK",
        name_en="Due diligence SECRETTYPEMARK",
        id_pattern="^DD-\\d{4}-\\d{4}$",
        id_format="DD-{year}-{n:04d}",
        procedure="SM-P-07",
    )
    schema["properties"]["title"]["description"] = "目标公司名称SECRETFIELDMARK"
    s = site_with_secret(
        scenario,
        {
            "schemas/records/due-diligence.schema.json": json.dumps(
                schema, ensure_ascii=False, indent=2
            )
        },
    )
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    found = leaks(tmp_path / "site", ["SECRETTYPEMARK", "SECRETFIELDMARK"])
    assert found == [], sorted(found)
