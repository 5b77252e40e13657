"""Controlled copies judged from main's history, with real git and the real CLI: who may issue,
return and recall a numbered copy (the distributor or a document controller), and what a change
by anyone else leaves (the copy on the recall list, a DC550/DC551 problem)."""

from __future__ import annotations

import json
import shutil
import zipfile

from builders import PROJECT
from history_helpers import body, cli, make_scenario

RECORD = "records/document-distribution/DST-2026-001.yaml"


def _distribution(record_id, version, copies, by="wangfang", day="2026-02-01", extra=""):
    return (
        f"id: {record_id}\ntitle: SM-P-01 测试程序 {version} 发放受控副本\n"
        f"document: SM-P-01\nversion: {version}\nreason: revision\ncopy_type: printed-controlled\n"
        f"distributed_by: {by}\ndistributed_date: {day}\ncopies:\n{copies}{extra}status: distributed\n"
    )


def _scenario(tmp_path, by="wangfang"):
    """SM-P-01 V1.0 (baseline), copy 01 issued to 赵磊 on 2026-02-01 by ``by``'s record,
    V1.1 approved on 2026-03-10 and in force from 2026-03-20."""
    s = make_scenario(tmp_path)
    shutil.copy(
        PROJECT / "schemas/records/document-distribution.schema.json",
        s.root / "schemas/records/document-distribution.schema.json",
    )
    s.git.commit("发放记录模式", date="2026-01-01T12:00:00+08:00")
    s.files.write(
        RECORD, _distribution("DST-2026-001", "V1.0", "  - {copy_number: '01', holder: zhaolei}\n", by)
    )  # fmt: skip
    s.git.commit("发放 V1.0", who=by, date="2026-02-01T10:00:00+08:00")
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("新规定"), effective_date="2026-03-20")
    s.git.commit("修订", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "修订目的", date="2026-03-10T10:00:00+08:00")
    return s


def _returned(by="wangfang"):
    return _distribution(
        "DST-2026-001", "V1.0",
        "  - {copy_number: '01', holder: zhaolei, returned_date: 2026-03-21, disposition: destroyed}\n",
        by,
    )  # fmt: skip


def _due(s, today="2026-04-01"):
    done = cli(s.root, "recall-due", "--today", today, "--format", "json")
    assert done.returncode == 0, done.stderr
    return [d["copy_number"] for d in json.loads(done.stdout)], done.stderr


def test_a_return_by_a_document_controller_counts_though_someone_else_distributed(tmp_path):
    """孙悦 distributed the copy; 王芳 (文控管理员) records its return: it counts."""
    s = _scenario(tmp_path, by="sunyue")
    assert _due(s) == (["01"], "")
    s.files.write(RECORD, _returned(by="sunyue"))
    s.git.commit("回收", who="wangfang", date="2026-03-25T10:00:00+08:00")
    assert _due(s) == ([], "")


def test_a_return_by_the_holder_stays_on_the_list_until_the_distributor_writes_it(tmp_path):
    s = _scenario(tmp_path)
    s.files.write(RECORD, _returned())
    s.git.commit("回收", who="zhaolei", date="2026-03-25T10:00:00+08:00")
    listed, stderr = _due(s)
    assert listed == ["01"]
    assert "DC550" in stderr and "DST-2026-001" in stderr and "王芳" in stderr, stderr
    # 王芳 touching another part of the record does not adopt 赵磊's return
    s.files.write(RECORD, _returned().replace("status: distributed", "status: acknowledged"))
    s.git.commit("签收", who="wangfang", date="2026-03-26T10:00:00+08:00")
    assert _due(s)[0] == ["01"]
    # she undoes it and records the return herself: now it counts
    s.files.write(
        RECORD, _distribution("DST-2026-001", "V1.0", "  - {copy_number: '01', holder: zhaolei}\n")
    )
    s.git.commit("撤销", who="wangfang", date="2026-03-27T10:00:00+08:00")
    s.files.write(RECORD, _returned())
    s.git.commit("回收", who="wangfang", date="2026-03-28T10:00:00+08:00")
    assert _due(s)[0] == []


def test_the_holder_deleting_the_record_or_dropping_the_copy_returns_nothing(tmp_path):
    s = _scenario(tmp_path)
    s.files.write(
        RECORD, _distribution("DST-2026-001", "V1.0", "  - {copy_number: '02', holder: wuting}\n")
    )
    s.git.commit("改号", who="zhaolei", date="2026-03-24T10:00:00+08:00")
    assert _due(s)[0] == ["01"]  # and copy 02 was never issued
    (s.root / RECORD).unlink()
    s.git.commit("删除", who="zhaolei", date="2026-03-25T10:00:00+08:00")
    listed, stderr = _due(s)
    assert listed == ["01"] and stderr.count("DC550") == 2, stderr


def test_a_recall_in_another_record_counts_only_from_the_distributor(tmp_path):
    """赵磊 writes a V1.1 distribution of his own whose obsolete_recall names copy 01."""
    s = _scenario(tmp_path)
    recall = (
        "obsolete_recall:\n  - {description: V1.0 受控副本 01, copy_number: '01', holder: operations,"
        " recalled_date: 2026-03-20, disposition: destroyed}\n"
    )
    s.files.write(
        "records/document-distribution/DST-2026-002.yaml",
        _distribution(
            "DST-2026-002", "V1.1", "  - {copy_number: '01', holder: zhaolei}\n",
            by="zhaolei", day="2026-03-20", extra=recall,
        ),
    )  # fmt: skip
    s.git.commit("换版", who="zhaolei", date="2026-03-21T10:00:00+08:00")
    listed, stderr = _due(s)
    assert listed == ["01"] and "DC551" in stderr, stderr
    # the same exchange recorded by 王芳 returns the old copy
    s.files.write(
        "records/document-distribution/DST-2026-003.yaml",
        _distribution(
            "DST-2026-003", "V1.1", "  - {copy_number: '01', holder: zhaolei}\n",
            day="2026-03-20", extra=recall,
        ),
    )  # fmt: skip
    s.git.commit("换版", who="wangfang", date="2026-03-22T10:00:00+08:00")
    assert _due(s)[0] == []


def test_a_recall_from_a_distribution_of_a_version_never_approved_counts_for_nothing(tmp_path):
    s = _scenario(tmp_path)
    s.files.write(
        "records/document-distribution/DST-2026-002.yaml",
        _distribution(
            "DST-2026-002", "V9.9", "  - {copy_number: '01', holder: zhaolei}\n",
            day="2026-03-20",
            extra="obsolete_recall:\n  - {description: 旧副本, copy_number: '01', holder: operations,"
            " recalled_date: 2026-03-20, disposition: destroyed}\n",
        ),
    )  # fmt: skip
    s.git.commit("换版", date="2026-03-21T10:00:00+08:00")
    rows = json.loads(cli(s.root, "recall-due", "--today", "2026-04-01", "--format", "json").stdout)
    # the V1.0 copy is still out (and so is the copy of the draft, never in force)
    assert [(r["copy_number"], r["version"]) for r in rows] == [("01", "V1.0"), ("01", "V9.9")]


def test_a_record_forged_in_the_distributors_name_issues_no_copy(tmp_path):
    """赵磊 commits a record that says 王芳 issued him copy 09: no PDF, no copy."""
    s = _scenario(tmp_path)
    s.files.write(
        "records/document-distribution/DST-2026-009.yaml",
        _distribution("DST-2026-009", "V1.1", "  - {copy_number: '09', holder: zhaolei}\n",
                      day="2026-03-20"),
    )  # fmt: skip
    s.git.commit("发放", who="zhaolei", date="2026-03-21T10:00:00+08:00")
    out = tmp_path / "copy-09.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-03-25", "--copy", "09", "-o", str(out))
    assert made.returncode == 2 and not out.exists()
    assert "受控号 09 未由任何文件发放与签收记录发放给 SM-P-01" in made.stderr, made.stderr
    assert "DC550" in _due(s)[1]


def test_a_copy_printed_before_its_issue_date_is_refused(tmp_path):
    s = _scenario(tmp_path)
    s.files.write(
        "records/document-distribution/DST-2026-002.yaml",
        _distribution("DST-2026-002", "V1.1", "  - {copy_number: '05', holder: wuting}\n",
                      day="2026-03-28"),
    )  # fmt: skip
    s.git.commit("发放", date="2026-03-21T10:00:00+08:00")
    out = tmp_path / "copy-05.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-03-25", "--copy", "05", "-o", str(out))
    assert made.returncode == 2 and not out.exists()
    assert "于 2026-03-28 发放，晚于打印日 2026-03-25" in made.stderr, made.stderr
    assert "Traceback" not in made.stderr


def test_a_return_nobody_may_write_is_a_problem_of_the_trail_and_the_site(tmp_path):
    """One list of history problems: the holder's own return (DC550) fails `trail --strict`,
    is in its JSON, and is on the site's 审批记录 page."""
    from site_helpers import built

    s = _scenario(tmp_path)
    clean = cli(s.root, "trail", "--strict")
    assert clean.returncode == 0 and "DC550" not in clean.stdout, clean.stdout + clean.stderr
    s.files.write(RECORD, _returned())
    s.git.commit("回收", who="zhaolei", date="2026-03-25T10:00:00+08:00")
    strict = cli(s.root, "trail", "--strict")
    assert strict.returncode == 1 and "DC550" in strict.stdout, strict.stdout + strict.stderr
    found = json.loads(cli(s.root, "trail", "--format", "json").stdout)
    assert [p["code"] for p in found["record_problems"]] == ["DC550"]
    # the --since filter knows the day the distribution change reached main
    later = json.loads(cli(s.root, "trail", "--format", "json", "--since", "2026-03-26").stdout)
    assert later["record_problems"] == []
    pack = tmp_path / "pack.zip"
    made = cli(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-04-01", "-o", str(pack))
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(pack) as z:
        in_pack = json.loads(z.read("register/recall-problems.json"))
    assert [(p["code"], p["record"]) for p in in_pack] == [("DC550", "DST-2026-001")]
    shutil.copy(PROJECT / "mkdocs.yml", s.root / "mkdocs.yml")
    site = built(s.root, tmp_path / "site")
    approvals = (site / "registers/approvals/index.html").read_text("utf-8")
    assert "DC550" in approvals and "DST-2026-001" in approvals


def test_a_copy_of_the_first_of_two_scheduled_versions_is_not_recalled_before_its_day(tmp_path):
    """V1.1 (from 2026-05-01) and V1.2 (from 2026-06-01) approved in a row, a copy of V1.1
    issued ahead of its day: on 2026-04-01 neither is in force yet, and the copy is no
    superseded one (round 75: only the later of the two counted as waiting)."""
    s = make_scenario(tmp_path)
    shutil.copy(
        PROJECT / "schemas/records/document-distribution.schema.json",
        s.root / "schemas/records/document-distribution.schema.json",
    )
    s.git.commit("发放记录模式", date="2026-01-01T12:00:00+08:00")
    for n, (version, effective) in enumerate((("V1.1", "2026-05-01"), ("V1.2", "2026-06-01"))):
        s.git.branch(f"cr-{n + 1}")
        s.files.doc(version=version, body=body(f"规定 {version}"), effective_date=effective)
        s.git.commit(f"修订 {version}", who="zhaolei", date=f"2026-03-0{n + 2}T10:00:00+08:00")
        s.git.merge(f"cr-{n + 1}", f"修订 {version}", date=f"2026-03-1{n}T10:00:00+08:00")
    s.files.write(
        RECORD,
        _distribution(
            "DST-2026-001", "V1.1", "  - {copy_number: '02', holder: zhaolei}\n", day="2026-03-12"
        ),
    )
    s.git.commit("提前发放 V1.1", who="wangfang", date="2026-03-12T10:00:00+08:00")
    assert _due(s, "2026-04-01")[0] == []
    assert _due(s, "2026-06-02")[0] == ["02"]  # V1.2 in force: the V1.1 copy is superseded
