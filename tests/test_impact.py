"""Change impact on real repositories: dependencies of each kind, suspect after an approved
change, cleared by an approval and by a review, a branch's impact before it is merged, the
command formats, the audit pack's list, and a secret source never named on the site."""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile

from builders import RepoBuilder, procedure
from doccontrol import impact
from doccontrol.load import repository
from history_helpers import Scenario, body, cli
from site_helpers import mkdocs, page, site_repo

B = "docs/procedures/b.md"
C = "docs/procedures/c.md"


def _with_dependents(scenario: Scenario) -> Scenario:
    """SM-P-01 (test.md), SM-P-02 related to it, SM-P-03 linking to it in its body; the
    incident record type is governed by SM-P-01 (its schema's procedure)."""
    files = scenario.files
    files.doc(B, doc_id="SM-P-02", title="乙程序", extra="related: [SM-P-01]\n")
    files.doc(
        C,
        doc_id="SM-P-03",
        title="丙程序",
        body=body("按 [SM-P-01 测试程序](doc:SM-P-01) 执行。"),
    )
    scenario.git.commit("引用 SM-P-01 的文件", date="2026-01-01T12:00:00+08:00")
    return scenario


def _approve(
    s: Scenario, branch: str, path: str, when: str, number: int, who: str = "sunyue", **doc: str
) -> None:
    s.git.branch(branch)
    s.files.doc(path, **doc)
    s.git.commit(f"修订 {doc.get('doc_id', 'SM-P-01')}", who=who, date=f"{when}T10:00:00+08:00")
    s.git.merge(branch, f"{branch} 批准", number=number, date=f"{when}T15:00:00+08:00")


def _suspects(root) -> dict[str, list[str]]:
    out = cli(root, "suspect", "--format", "json")
    assert out.returncode == 0, out.stderr
    return {s["id"]: [c["source"] for c in s["causes"]] for s in json.loads(out.stdout)}


def test_dependencies_of_each_kind(repo: RepoBuilder):
    repo.doc(B, doc_id="SM-P-02", extra="related: [SM-P-01]\nsupersedes: [SM-P-09]\n")
    repo.doc(C, doc_id="SM-P-03", body=body("见 [SM-P-01](doc:SM-P-01)。"))
    repo.doc("docs/procedures/old.md", doc_id="SM-P-09", status="obsolete")
    manual = procedure(
        doc_id="SM-A", body="## 附录\n\n| 流程 | 主责 |\n|---|---|\n| SM-P-01 测试 | 体系经理 |\n"
    )
    repo.write("docs/manual/manual.md", manual.replace("type: procedure", "type: manual"))
    repo.record(extra="procedure: SM-P-01\n")  # a record's document field
    loaded = repository.load(repo.root)
    graph = impact.graph_of(loaded)
    found = {(d.kind, d.id): d for d in graph.dependents("SM-P-01")}
    assert found[("document", "SM-P-02")].via == ("related",)
    assert found[("document", "SM-P-03")].via == ("link",)
    assert found[("document", "SM-A")].via == ("mapping",)
    incident = found[("record-type", "incident")]
    assert incident.via == ("procedure", "record-field") and incident.records == ("INC-2026-0001",)
    assert [(d.id, d.via) for d in graph.dependents("SM-P-09")] == [("SM-P-02", ("supersedes",))]
    assert ("document", "SM-P-01") not in found  # never its own dependent


def test_suspect_after_a_change_cleared_by_approval_and_by_review(scenario):
    s = _with_dependents(scenario)
    assert _suspects(s.root) == {}
    # SM-P-01's text changes, approved: both documents and its record type are suspect
    _approve(
        s,
        "cr-1",
        "docs/procedures/test.md",
        "2026-02-02",
        1,
        version="V1.1",
        body=body("目的改了。"),
    )
    assert _suspects(s.root) == {
        "SM-P-02": ["SM-P-01"],
        "SM-P-03": ["SM-P-01"],
        "incident": ["SM-P-01"],
    }
    table = cli(s.root, "suspect")
    assert "SM-P-02" in table.stdout and "V1.1" in table.stdout and "3 项可疑" in table.stdout
    assert cli(s.root, "suspect", "--fail-on", "suspect").returncode == 1
    rows = list(csv.reader(io.StringIO(cli(s.root, "suspect", "--format", "csv").stdout)))
    assert rows[0][:4] == ["类型", "编号", "名称", "起因文件"]
    assert rows[1][:6] == ["文件", "SM-P-02", "乙程序", "SM-P-01", "V1.1", "2026-02-02"]
    # a spreadsheet gets the whole commit id: a short one of digits would become a number
    assert rows[1][6] == s.git.head()
    # a new version of SM-P-02 clears it
    _approve(
        s,
        "cr-2",
        B,
        "2026-02-09",
        2,
        doc_id="SM-P-02",
        title="乙程序",
        version="V1.1",
        extra="related: [SM-P-01]\n",
        body=body("乙的目的。"),
    )
    assert set(_suspects(s.root)) == {"SM-P-03", "incident"}
    # a periodic review of SM-P-03 (review_date only, same version) clears it
    _approve(
        s,
        "cr-3",
        C,
        "2026-02-16",
        3,
        doc_id="SM-P-03",
        title="丙程序",
        extra="review_date: 2026-02-16\n",
        body=body("按 [SM-P-01 测试程序](doc:SM-P-01) 执行。"),
    )
    assert set(_suspects(s.root)) == {"incident"}
    # as of a day before the change, nothing was suspect
    before = cli(s.root, "suspect", "--as-of", "2026-02-01", "--format", "json")
    assert json.loads(before.stdout) == []
    # a front-matter-only change (new version, same text) makes nothing suspect again
    _approve(
        s,
        "cr-4",
        "docs/procedures/test.md",
        "2026-02-23",
        4,
        version="V1.2",
        body=body("目的改了。"),
        effective_date="2026-03-01",
    )
    assert set(_suspects(s.root)) == {"incident"}
    assert cli(s.root, "suspect", "--fail-on", "suspect").returncode == 1


def test_an_unapproved_change_makes_nothing_suspect(scenario):
    s = _with_dependents(scenario)
    s.files.doc("docs/procedures/test.md", version="V1.1", body=body("直接改。"))
    s.git.commit("直接提交", who="sunyue", date="2026-02-02T10:00:00+08:00")
    assert _suspects(s.root) == {}


def test_branch_impact_before_merging(scenario):
    s = _with_dependents(scenario)
    s.git.branch("cr-9")
    s.files.doc("docs/procedures/test.md", version="V1.1", body=body("分支上改的。"))
    s.files.doc(
        B,
        doc_id="SM-P-02",
        title="乙程序",
        version="V1.1",
        extra="related: [SM-P-01]\n",
        body=body("一起改的。"),
    )
    s.git.commit("分支", who="sunyue", date="2026-02-02T10:00:00+08:00")
    s.git.checkout("main")
    out = cli(s.root, "impact", "--branch", "cr-9", "--format", "json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert {c["id"]: c["text_changed"] for c in result["changed"]} == {
        "SM-P-01": True,
        "SM-P-02": True,
    }
    assert [(d["kind"], d["id"], d["sources"]) for d in result["suspect"]] == [
        ("document", "SM-P-03", ["SM-P-01"]),
        ("record-type", "incident", ["SM-P-01"]),
    ]
    assert result["reviewed_with"] == ["SM-P-02"]  # changed on the branch: approved with it
    table = cli(s.root, "impact", "--branch", "cr-9")
    assert "SM-P-03" in table.stdout and "批准后，2 项将成为可疑" in table.stdout
    # one document, as it stands
    one = json.loads(cli(s.root, "impact", "SM-P-01", "--format", "json").stdout)
    assert [d["id"] for d in one["suspect"]] == ["SM-P-02", "SM-P-03", "incident"]
    # bad input: one clear line, exit 2
    for args in (("impact",), ("impact", "SM-P-77"), ("impact", "--branch", "nope")):
        bad = cli(s.root, *args)
        assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


def test_front_matter_only_branch_leaves_dependents_alone(scenario):
    s = _with_dependents(scenario)
    s.git.branch("cr-5")
    s.files.doc("docs/procedures/test.md", version="V1.1", effective_date="2026-03-01")
    s.git.commit("只改元数据", who="sunyue", date="2026-02-02T10:00:00+08:00")
    s.git.checkout("main")
    result = json.loads(cli(s.root, "impact", "--branch", "cr-5", "--format", "json").stdout)
    assert result["changed"][0]["text_changed"] is False and result["suspect"] == []
    assert "仅元数据" in cli(s.root, "impact", "--branch", "cr-5").stdout


def test_approve_prints_the_impact(scenario):
    s = _with_dependents(scenario)
    s.git.branch("cr-7")
    s.files.doc("docs/procedures/test.md", version="V1.1", body=body("审批前看影响。"))
    s.git.commit("修订", who="sunyue", date="2026-02-02T10:00:00+08:00")
    s.git.checkout("main")
    s.git.run("config", "user.email", "liu.jing@example.com")
    s.git.run("config", "user.name", "刘静")
    out = cli(
        s.root,
        "approve",
        "cr-7",
        "--reviewer",
        "wangfang",
        "--effective",
        str(datetime.date.today()),
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "影响分析：" in out.stdout and "SM-P-02" in out.stdout and "SM-P-03" in out.stdout
    assert set(_suspects(s.root)) == {"SM-P-02", "SM-P-03", "incident"}


def test_audit_pack_lists_what_was_suspect_at_the_end(scenario, tmp_path):
    s = _with_dependents(scenario)
    _approve(
        s,
        "cr-1",
        "docs/procedures/test.md",
        "2026-02-02",
        1,
        version="V1.1",
        body=body("目的改了。"),
    )
    pack = tmp_path / "pack.zip"
    out = cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(pack))
    assert out.returncode == 0, out.stderr
    with zipfile.ZipFile(pack) as archive:
        listed = json.loads(archive.read("impact/suspect.json"))
        readme = archive.read("README.txt").decode()
        rows = list(csv.reader(io.StringIO(archive.read("impact/suspect.csv").decode("utf-8-sig"))))
    assert [r["id"] for r in listed] == ["SM-P-02", "SM-P-03", "incident"]
    assert listed[0]["causes"][0]["source"] == "SM-P-01"
    assert rows[1][1:5] == ["SM-P-02", "乙程序", "SM-P-01", "V1.1"]
    assert rows[1][6] == listed[0]["causes"][0]["commit"] and len(rows[1][6]) == 40
    assert "期末可疑的文件和记录类型：3 项（impact/suspect.csv）" in readme
    early = tmp_path / "early.zip"
    cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-01-31", "-o", str(early))
    with zipfile.ZipFile(early) as archive:
        assert json.loads(archive.read("impact/suspect.json")) == []


def test_site_banner_and_review_list_never_name_a_secret_source(scenario, tmp_path):
    s = _with_dependents(scenario)
    site_repo(s)
    # SM-P-05 is confidential (above the publishing level); SM-P-02 also refers to it
    secret = procedure(doc_id="SM-P-05", title="机密程序甲").replace(
        "confidentiality: internal", "confidentiality: confidential"
    )
    s.files.write("docs/procedures/secret.md", secret)
    s.files.doc(B, doc_id="SM-P-02", title="乙程序", extra="related: [SM-P-01, SM-P-05]\n")
    s.git.commit("机密程序", date="2026-01-01T13:00:00+08:00")
    s.git.branch("cr-8")
    s.files.write(
        "docs/procedures/secret.md",
        procedure(
            doc_id="SM-P-05", title="机密程序甲", version="V1.1", body=body("机密改动。")
        ).replace("confidentiality: internal", "confidentiality: confidential"),
    )
    s.git.commit("机密修订", who="sunyue", date="2026-02-02T10:00:00+08:00")
    s.git.merge("cr-8", "机密修订", number=8, date="2026-02-02T15:00:00+08:00")
    _approve(
        s,
        "cr-1",
        "docs/procedures/test.md",
        "2026-02-09",
        1,
        version="V1.1",
        body=body("目的改了。"),
    )
    out = tmp_path / "site"
    result = mkdocs(s.root, out)
    assert result.returncode == 0, result.stderr
    secret_page = page(out, "procedures/b")  # SM-P-02: suspect since the secret change
    assert "dc-suspect" in secret_page and "未发布的文件已于 2026-02-02 更改" in secret_page
    assert "SM-P-05" not in secret_page and "机密程序甲" not in secret_page
    assert "此后另有 1 项" in secret_page  # and since SM-P-01's change
    named = page(out, "procedures/c")  # SM-P-03: suspect since SM-P-01's change, named
    assert "dc-suspect" in named and 'href="../test/">SM-P-01</a>' in named and "V1.1" in named
    review = page(out, "registers/review-due")
    assert "dc-suspect" in review and "SM-P-03" in review and "（未发布的文件）" in review
    assert "SM-P-05" not in review
    assert "dc-suspect" not in page(out, "procedures/test")


# --- judged as approved: an unapproved commit on main clears nothing (red-team holes 9-11) ---


def _suspect_since_approved_change(s: Scenario) -> Scenario:
    """SM-P-02 (related), SM-P-03 (link) and the incident type depend on SM-P-01, whose text
    changes by an approval on 2026-02-02: all three are suspect."""
    _with_dependents(s)
    _approve(
        s, "cr-1", "docs/procedures/test.md", "2026-02-02", 1, version="V1.1", body=body("改了。")
    )
    assert set(_suspects(s.root)) == {"SM-P-02", "SM-P-03", "incident"}
    return s


def test_unapproved_edits_of_every_kind_clear_nothing_in_the_cli_pack_and_preview(
    scenario, tmp_path
):
    s = _suspect_since_approved_change(scenario)
    # SM-P-02 drops its reference, SM-P-03 is made obsolete, both straight on main
    s.files.doc(B, doc_id="SM-P-02", title="乙程序")
    s.files.doc(C, doc_id="SM-P-03", title="丙程序", status="obsolete")
    s.git.commit("整理", who="zhaolei", date="2026-02-03T10:00:00+08:00")
    assert set(_suspects(s.root)) == {"SM-P-02", "SM-P-03", "incident"}
    # the audit pack asks the same computation
    pack = tmp_path / "pack.zip"
    out = cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(pack))
    assert out.returncode == 0, out.stderr
    with zipfile.ZipFile(pack) as archive:
        listed = [r["id"] for r in json.loads(archive.read("impact/suspect.json"))]
    assert listed == ["SM-P-02", "SM-P-03", "incident"]
    # and so does the preview of a change: SM-P-02 still refers to SM-P-01 as approved
    one = json.loads(cli(s.root, "impact", "SM-P-01", "--format", "json").stdout)
    assert [d["id"] for d in one["suspect"]] == ["SM-P-02", "SM-P-03", "incident"]
    s.git.branch("cr-2")
    s.files.doc("docs/procedures/test.md", version="V1.2", body=body("又改了。"))
    s.git.commit("再改", who="sunyue", date="2026-02-04T10:00:00+08:00")
    s.git.checkout("main")
    branch = json.loads(cli(s.root, "impact", "--branch", "cr-2", "--format", "json").stdout)
    assert [d["id"] for d in branch["suspect"]] == ["SM-P-02", "SM-P-03", "incident"]
    # deleting them without approval clears nothing either, and the gate still fails
    (s.root / B).unlink()
    (s.root / C).unlink()
    s.git.commit("删除", who="zhaolei", date="2026-02-05T10:00:00+08:00")
    found = json.loads(cli(s.root, "suspect", "--format", "json").stdout)
    assert {f["id"]: f["title"] for f in found} == {
        "SM-P-02": "乙程序",
        "SM-P-03": "丙程序",
        "incident": "事件记录",
    }
    assert cli(s.root, "suspect", "--fail-on", "suspect").returncode == 1


def test_unapproved_schema_edits_do_not_clear_a_record_type(scenario):
    """The incident type is governed by SM-P-01 as its approved schema says: pointing the
    schema at another procedure, or deleting it, by a direct commit changes nothing."""
    s = _suspect_since_approved_change(scenario)
    path = s.root / "schemas/records/incident.schema.json"
    schema = json.loads(path.read_text())
    schema["x-doccontrol"]["procedure"] = "SM-P-02"
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2))
    s.git.commit("改依据文件", who="zhaolei", date="2026-02-03T10:00:00+08:00")
    assert _suspects(s.root)["incident"] == ["SM-P-01"]
    path.unlink()
    s.git.commit("删除记录类型", who="zhaolei", date="2026-02-04T10:00:00+08:00")
    assert _suspects(s.root)["incident"] == ["SM-P-01"]


def test_approved_changes_of_the_dependent_count(scenario):
    """An approval that drops the reference clears SM-P-02 for good (a later change of SM-P-01
    leaves it alone); an approval that withdraws SM-P-03 takes it off the list; as of a day
    before those approvals, the references and the presence then approved are judged."""
    s = _suspect_since_approved_change(scenario)
    _approve(s, "cr-2", B, "2026-02-09", 2, doc_id="SM-P-02", title="乙程序", version="V1.1")
    s.git.branch("cr-3")
    (s.root / C).unlink()
    s.git.commit("撤回丙程序", who="sunyue", date="2026-02-10T10:00:00+08:00")
    s.git.merge("cr-3", "撤回丙程序", number=3, date="2026-02-10T15:00:00+08:00")
    assert set(_suspects(s.root)) == {"incident"}
    _approve(
        s, "cr-4", "docs/procedures/test.md", "2026-02-16", 4, version="V1.2", body=body("再改。")
    )
    assert _suspects(s.root) == {"incident": ["SM-P-01", "SM-P-01"]}
    before = cli(s.root, "suspect", "--as-of", "2026-02-05", "--format", "json")
    assert {f["id"] for f in json.loads(before.stdout)} == {"SM-P-02", "SM-P-03", "incident"}


def test_a_withdrawn_source_makes_its_dependents_suspect(scenario):
    """SM-P-01 withdrawn by an approval: the documents still referring to it must be reviewed,
    though its file is gone from the work tree."""
    s = _with_dependents(scenario)
    s.git.branch("cr-1")
    (s.root / "docs/procedures/test.md").unlink()
    s.git.commit("撤回测试程序", who="sunyue", date="2026-02-02T10:00:00+08:00")
    s.git.merge("cr-1", "撤回测试程序", number=1, date="2026-02-02T15:00:00+08:00")
    found = json.loads(cli(s.root, "suspect", "--format", "json").stdout)
    assert {f["id"]: f["since"]["withdrawal"] for f in found if f["kind"] == "document"} == {
        "SM-P-02": True,
        "SM-P-03": True,
    }


def test_site_keeps_the_banner_after_an_unapproved_status_change(scenario, tmp_path):
    """The site asks the same computation: SM-P-02 made obsolete straight on main is still in
    force as approved, so its page keeps the suspect banner and the review page lists it."""
    s = _with_dependents(scenario)
    site_repo(s)
    s.git.commit("站点", date="2026-01-01T13:00:00+08:00")
    _approve(
        s, "cr-1", "docs/procedures/test.md", "2026-02-02", 1, version="V1.1", body=body("改了。")
    )
    s.files.doc(B, doc_id="SM-P-02", title="乙程序", status="obsolete")
    s.git.commit("作废", who="zhaolei", date="2026-02-03T10:00:00+08:00")
    out = tmp_path / "site"
    result = mkdocs(s.root, out)
    assert result.returncode == 0, result.stderr
    assert "dc-suspect" in page(out, "procedures/b")
    review = page(out, "registers/review-due")
    assert "SM-P-02" in review and "dc-suspect" in review
