"""Records are published by the schemas in force on the main branch
(publishing.unsettled_record_types): a record type whose schema has a change on main nobody
approved, or differs in the work tree from main's tip, is left out with its records, of the
audit pack whatever --max-confidentiality says, and of a site that is not a preview."""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path

from builders import TEST_RECORD_SCHEMA
from doccontrol import publishing
from doccontrol.history.load import load_history
from doccontrol.load import repository
from history_helpers import cli
from site_helpers import built, leaks, mkdocs, site_repo

SCHEMA = "schemas/records/incident.schema.json"
RECORD = "records/incident/INC-2026-0001.yaml"
MARK = "INCIDENTMARK"
NAME = "事件记录"  # the type's name (TEST_RECORD_SCHEMA), in the coverage matrix


def schema(**changes: str) -> str:
    data = copy.deepcopy(TEST_RECORD_SCHEMA)
    data["x-doccontrol"].update(changes)
    return json.dumps(data, ensure_ascii=False, indent=2)


def with_record(scenario):
    """The scenario (the incident type's schema as control began) with mkdocs.yml and one
    incident record of SM-P-01, internal by the schema's default."""
    s = site_repo(scenario)
    s.files.write(
        RECORD, f"id: INC-2026-0001\ntitle: 数据库 {MARK}\npriority: P2\nreported: 2026-03-09\n"
    )
    s.git.commit("登记事件", who="sunyue")
    return s


def unsettled(root: Path) -> frozenset[str]:
    repo = repository.load(root)
    assert repo.config is not None
    history = load_history(root, repo.config)
    return publishing.unsettled_record_types(root, history, repo.record_types)


def pack(root: Path, out: Path, *extra: str) -> tuple[str, bytes]:
    """The audit pack's warnings, and every entry's name and bytes run together."""
    result = cli(
        root, "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(out), *extra
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as z:
        text = b"".join(n.encode() + z.read(n) for n in z.namelist())
    return result.stderr, text


def test_a_schema_as_main_holds_it_in_force_publishes_its_records(scenario, tmp_path):
    s = with_record(scenario)
    assert unsettled(s.root) == frozenset()
    warnings, text = pack(s.root, tmp_path / "pack.zip")
    assert "schemas/records" not in warnings
    assert RECORD.encode() in text and MARK.encode() in text and NAME.encode() in text


def test_a_direct_commit_to_a_schema_leaves_its_type_out_of_the_pack_at_any_level(
    scenario, tmp_path
):
    s = with_record(scenario)
    s.files.write(SCHEMA, schema(name="事件记录（新）"))
    s.git.commit("调整事件记录模式", who="zhaolei")  # straight to main: nobody approved it
    assert unsettled(s.root) == {"incident"}
    for n, extra in enumerate([(), ("--max-confidentiality", "internal")]):
        warnings, text = pack(s.root, tmp_path / f"pack{n}.zip", *extra)
        # said, with the type named, to whoever makes the pack
        assert "incident" in warnings and "schemas/records/" in warnings
        # the record and the type's new name are not in the pack; the direct commit stays in
        # its trail, evidence (the schema is a public procedure's type: its path may be named)
        assert MARK.encode() not in text and RECORD.encode() not in text
        assert "事件记录（新）".encode() not in text and b"incident.schema.json" in text
        # the pack's README counts the types left out (never names them)
        assert "另有 1 个记录类型及其记录未收入".encode() in text


def test_an_approved_schema_change_is_in_force(scenario, tmp_path):
    s = with_record(scenario)
    s.git.branch("cr-schema")
    s.files.write(SCHEMA, schema(name="事件记录（新）"))
    s.git.commit("调整事件记录模式（草稿）", who="zhaolei")
    s.git.merge("cr-schema", "调整事件记录模式", number=2, approvers=("liujing", "chenmy"))
    assert unsettled(s.root) == frozenset()
    warnings, text = pack(s.root, tmp_path / "pack.zip")
    assert "schemas/records" not in warnings
    assert MARK.encode() in text and "事件记录（新）".encode() in text


def test_a_work_tree_edit_or_a_schema_main_does_not_hold_is_unsettled(scenario):
    s = with_record(scenario)
    original = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.files.write(SCHEMA, schema(procedure="SM-P-02"))  # never committed
    assert unsettled(s.root) == {"incident"}
    s.files.write(SCHEMA, original)
    s.files.write("schemas/records/change.schema.json", schema(id_pattern="^CHG-\\d{4}-\\d{4}$"))
    assert unsettled(s.root) == {"change"}  # untracked: main holds no such schema
    s.git.commit("新增变更记录类型", who="zhaolei")  # on main, but nobody approved it
    assert unsettled(s.root) == {"change"}
    s.git.branch("elsewhere")  # a branch that changes a schema main holds
    s.files.write(SCHEMA, schema(name="事件"))
    s.git.commit("分支上的修改", who="zhaolei")
    assert unsettled(s.root) == {"change", "incident"}


def test_the_site_leaves_out_an_unsettled_type_but_a_preview_shows_it(scenario, tmp_path):
    s = with_record(scenario)
    assert leaks(built(s.root, tmp_path / "before"), [MARK]) != []  # published while in force
    s.files.write(SCHEMA, schema(name="事件记录（新）"))
    s.git.commit("调整事件记录模式", who="zhaolei")
    result = mkdocs(s.root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "incident" in result.stderr and "schemas/records/" in result.stderr
    assert leaks(tmp_path / "site", [MARK, "事件记录（新）"]) == []
    # the direct commit stays in the 审批记录, evidence: a public procedure's type is named
    approvals = (tmp_path / "site/registers/approvals/index.html").read_text(encoding="utf-8")
    assert "schemas/records/incident.schema.json" in approvals
    # a preview shows the work tree, schemas too
    assert leaks(built(s.root, tmp_path / "preview", preview=True), [MARK]) != []


def test_a_hidden_types_schema_repointed_by_a_direct_commit_stays_unnamed(scenario):
    """The type belongs to a hidden procedure at main's tip; a direct commit points its
    schema at a public one. The type is unsettled (left out), and its schema's path is still
    never named: judged by main's tip too, not the commit's own word."""
    s = with_record(scenario)
    s.files.write(SCHEMA, schema(procedure="SM-P-07"))
    s.git.commit("归入机密程序", who="zhaolei")  # main's tip now says SM-P-07
    s.files.write(SCHEMA, schema(procedure="SM-P-01"))  # the work tree says public
    repo = repository.load(s.root)
    assert repo.config is not None
    history = load_history(s.root, repo.config)
    hidden = publishing.DocumentIds.of({"SM-P-07"})
    types = repo.record_types
    found = publishing.unsettled_record_types(s.root, history, types)
    assert found == {"incident"}
    assert publishing.unnamed_schema_paths(s.root, history, types, hidden, found) == {SCHEMA}
    # a public procedure at the tip too: named, the direct commit's evidence
    public = publishing.DocumentIds.of({"SM-P-09"})
    assert publishing.unnamed_schema_paths(s.root, history, types, public, found) == set()
