"""Round 47 on unnamed_schema_paths (round 45, hole 3's fix): a hidden procedure's record
type is judged by the work tree's schema and main's tip's, never by the one in force, so one
commit pushed straight to main that repoints it at a public procedure names it again."""

from __future__ import annotations

from rt41_helpers import approve, body, leaks, mkdocs, pack_leaks, procedure, site_with_secret
from test_rt44_records import dd_schema

SCHEMA = "schemas/records/acme-dd.schema.json"


def repointed(scenario):
    # the secret SM-P-07 approved with its record type acme-dd (named after the target); a
    # later approved merge revises the public SM-P-01; then 赵磊 pushes one commit to main
    # that repoints the type at SM-P-01 (DC516: nobody approved it)
    s = site_with_secret(scenario, {SCHEMA: dd_schema()})
    approve(
        s,
        "cr-pub",
        {"docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。"))},
        "修订 SM-P-01",
        2,
    )
    s.files.write(SCHEMA, dd_schema("SM-P-01"))
    s.git.commit("记录类型归属调整", who="zhaolei")
    return s


def test_a_direct_commit_repointing_a_hidden_type_does_not_name_it_on_the_site(scenario, tmp_path):
    s = repointed(scenario)
    result = mkdocs(s.root, tmp_path / "site", False)
    assert result.returncode == 0, result.stderr[-1500:]
    trail = (tmp_path / "site/registers/approvals/index.html").read_text("utf-8")
    assert "修订 SM-P-01" in trail
    assert leaks(tmp_path / "site", ["acme-dd", "并购尽调记录"]) == []


def test_a_direct_commit_repointing_a_hidden_type_does_not_name_it_in_the_pack(scenario, tmp_path):
    s = repointed(scenario)
    found = pack_leaks(s.root, tmp_path / "pack.zip", ["acme-dd", "并购尽调记录"])
    assert found == [], found


def test_a_merge_title_naming_a_hidden_type_by_its_schema_title_is_redacted(scenario, tmp_path):
    # round 45 hole 10's fix redacts a hidden type's id, name and name_en; its schema's own
    # "title" (what the form page's heading gives, here not the same words) is left
    import json

    schema = json.loads(dd_schema())
    schema["title"] = "目标公司尽调底稿"
    s = site_with_secret(scenario)
    approve(
        s,
        "cr-type",
        {
            "docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。")),
            SCHEMA: json.dumps(schema, ensure_ascii=False, indent=2),
        },
        "修订 SM-P-01 并新增目标公司尽调底稿",
        2,
    )
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr[-1500:]
    trail = (tmp_path / "site/registers/approvals/index.html").read_text("utf-8")
    assert "修订 SM-P-01" in trail
    assert leaks(tmp_path / "site", ["目标公司尽调底稿"]) == []


def test_the_direct_commit_repointing_a_hidden_type_stays_listed_with_its_path_redacted(
    scenario, tmp_path
):
    # added by the fix (session 24): the commit nobody approved is the evidence of round 45
    # hole 3; it stays in the 审批记录 and the pack's trail with DC516, its path unnamed
    s = repointed(scenario)
    result = mkdocs(s.root, tmp_path / "site", False)
    assert result.returncode == 0, result.stderr[-1500:]
    trail = (tmp_path / "site/registers/approvals/index.html").read_text("utf-8")
    assert "记录类型归属调整" in trail and "DC516" in trail
    assert "acme-dd" not in trail
    import json
    import zipfile

    assert pack_leaks(s.root, tmp_path / "pack.zip", ["acme-dd"]) == []
    with zipfile.ZipFile(tmp_path / "pack.zip") as pack:
        events = json.loads(pack.read("history/trail.json"))
    direct = [e for e in events if e["summary"] == "记录类型归属调整"]
    assert len(direct) == 1, events
    assert direct[0]["controlled"] == ["（未发布的文件）"]
    assert [p["code"] for p in direct[0]["problems"]] == ["DC516"]
