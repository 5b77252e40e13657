"""Round 45 on hidden_schema_paths (round 44, hole 5's fix): the trail leaves out the schema
path of a hidden record type, as the work tree knows the types."""

from __future__ import annotations

from rt41_helpers import approve, body, leaks, mkdocs, pack_leaks, procedure, site_with_secret
from rt44_helpers import public_with
from test_rt44_records import dd_schema

OLD = "schemas/records/acme-dd.schema.json"
NEW = "schemas/records/due-diligence.schema.json"


def renamed_type(scenario):
    """The secret SM-P-07 is approved with its record type, named after the target
    (acme-dd); a later approved merge renames the type to something neutral."""
    s = site_with_secret(scenario, {OLD: dd_schema()})
    public_with(s, "新的目的。", {}, 2)
    s.git.branch("cr-rename-type")
    s.git.run("mv", OLD, NEW)
    s.git.commit("记录类型改名（草稿）", who="zhaolei")
    s.git.merge("cr-rename-type", "记录类型改名", number=3, approvers=("liujing", "chenmy"))
    return s


def test_the_trail_does_not_name_a_hidden_types_former_schema_path(scenario, tmp_path):
    s = renamed_type(scenario)
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    trail = (tmp_path / "site/registers/approvals/index.html").read_text("utf-8")
    assert "修订 SM-P-01" in trail
    assert "due-diligence" not in trail  # held: the type's path now is left out
    # the path it had is not a record type of the work tree: hidden_schema_paths misses it
    assert leaks(tmp_path / "site", ["acme-dd"]) == []


def test_the_pack_does_not_name_a_hidden_types_former_schema_path(scenario, tmp_path):
    s = renamed_type(scenario)
    found = pack_leaks(s.root, tmp_path / "pack.zip", ["acme-dd"])
    assert found == [], found


def test_the_trail_does_not_name_a_hidden_types_deleted_schema(scenario, tmp_path):
    # the same when the type is retired (its schema deleted, approved): the procedure is
    # still secret, and the deletion's event names the schema
    s = site_with_secret(scenario, {OLD: dd_schema()})
    s.git.branch("cr-retire")
    s.git.run("rm", "-q", OLD)
    s.git.commit("停用记录类型（草稿）", who="zhaolei")
    s.git.merge("cr-retire", "停用记录类型", number=2, approvers=("liujing", "chenmy"))
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    assert leaks(tmp_path / "site", ["acme-dd"]) == []


def test_a_merge_title_naming_a_hidden_record_type_is_redacted(scenario, tmp_path):
    # one approved merge revises the public SM-P-01 and adds the hidden procedure's record
    # type, titled after both. The event stays (SM-P-01 is public) and its schema path is
    # left out, but the title names the type by its id and its name, as a merge title names
    # a secret document by its title (which hidden_names redacts)
    s = site_with_secret(scenario)
    approve(
        s,
        "cr-type",
        {
            "docs/procedures/test.md": procedure(version="V1.1", body=body("新的目的。")),
            OLD: dd_schema(),
        },
        "修订 SM-P-01 并新增并购尽调记录（acme-dd）",
        2,
    )
    result = mkdocs(s.root, tmp_path / "site", True)
    assert result.returncode == 0, result.stderr
    trail = (tmp_path / "site/registers/approvals/index.html").read_text("utf-8")
    assert "修订 SM-P-01" in trail
    assert "forms/acme-dd" not in result.stderr  # the type itself is hidden
    assert leaks(tmp_path / "site", ["acme-dd", "并购尽调记录"]) == []
