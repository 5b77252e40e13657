"""Red team: controlled PDF copies (受控副本) and the recall list (回收) an author with push
access can make lie, with the real CLI and real PDFs. Each test fails while the hole is open."""

from __future__ import annotations

import json

from redteam_helpers import SECRET_ID, copy_schemas, secret_scenario

from history_helpers import body, cli, make_scenario


def _distribution(record_id, version, day, copies, by="wangfang"):
    return (
        f"id: {record_id}\ntitle: SM-P-01 测试程序 {version} 发放受控副本\n"
        f"document: SM-P-01\nversion: {version}\nreason: revision\ncopy_type: printed-controlled\n"
        f"distributed_by: {by}\ndistributed_date: {day}\ncopies:\n{copies}status: distributed\n"
    )


def _copies_scenario(tmp_path):
    """SM-P-01 V1.0 (the baseline, in force from 2026-01-05) and the distribution schema."""
    s = make_scenario(tmp_path)
    copy_schemas(s, "document-distribution")
    s.git.commit("发放记录模式", date="2026-01-01T12:00:00+08:00")
    return s


def _v11(s):
    """V1.1 approved 2026-03-10, in force from 2026-03-20."""
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("新规定"), effective_date="2026-03-20")
    s.git.commit("修订", who="zhaolei", date="2026-03-02T10:00:00+08:00")
    s.git.merge("cr-1", "修订目的", date="2026-03-10T10:00:00+08:00")


def test_pdf_level_comes_from_an_unapproved_change_to_doccontrol_yml(tmp_path):
    """赵磊 commits straight to main a doccontrol.yml that raises publish.max_confidentiality to
    secret (DC516, never approved). `doccontrol pdf` of the secret document must still refuse
    without an explicit --max-confidentiality, as the site and the audit pack do."""
    s = secret_scenario(tmp_path)
    s.set_config("max_confidentiality: internal", "max_confidentiality: secret")
    s.git.commit("发布设置", who="zhaolei", date="2026-01-20T10:00:00+08:00")
    out = tmp_path / "secret.pdf"
    made = cli(s.root, "pdf", SECRET_ID, "--as-of", "2026-02-01", "-o", str(out))
    assert made.returncode == 2 and not out.exists(), (made.returncode, made.stdout)


def test_controlled_copy_issued_by_a_record_that_is_only_in_the_work_tree(tmp_path):
    """An author writes a 文件发放与签收 record in their work tree (never committed, never on
    main) and prints 受控副本 No. 09 to themselves. A numbered copy must be issued by a record on
    the main branch, or the recall list (read on main) never knows the copy exists."""
    s = _copies_scenario(tmp_path)
    s.files.write(
        "records/document-distribution/DST-2026-009.yaml",
        _distribution("DST-2026-009", "V1.0", "2026-02-01", "  - {copy_number: '09', holder: zhaolei}\n"),
    )  # fmt: skip
    out = tmp_path / "copy-09.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-02-01", "--copy", "09", "-o", str(out))
    assert made.returncode == 2 and not out.exists(), (made.returncode, made.stdout)


def test_controlled_copy_with_a_future_issue_date_never_reaches_the_recall_list(tmp_path):
    """A record issues copy 07 of V1.0 with distributed_date 2099-01-01; `pdf --copy 07` prints
    it today, while recall-due skips a copy "not issued yet" forever after V1.1 takes effect.
    A copy may only be printed on or after the day it was issued."""
    s = _copies_scenario(tmp_path)
    s.files.write(
        "records/document-distribution/DST-2026-007.yaml",
        _distribution("DST-2026-007", "V1.0", "2099-01-01", "  - {copy_number: '07', holder: zhaolei}\n"),
    )  # fmt: skip
    s.git.commit("发放", who="wangfang", date="2026-02-01T10:00:00+08:00")
    out = tmp_path / "copy-07.pdf"
    made = cli(s.root, "pdf", "SM-P-01", "--as-of", "2026-02-01", "--copy", "07", "-o", str(out))
    _v11(s)
    due = cli(s.root, "recall-due", "--today", "2026-04-01", "--format", "json")
    listed = [d["copy_number"] for d in json.loads(due.stdout)]
    assert (made.returncode == 2 and not out.exists()) or "07" in listed, (
        made.returncode,
        listed,
    )


def test_copy_marked_returned_by_its_holder_drops_off_the_recall_list(tmp_path):
    """赵磊 keeps his V1.0 copy 01 but commits a returned_date into 王芳's distribution record
    himself. A return written by someone other than the record's writer (distributed_by, the
    document controller) must not take the copy off the recall list."""
    s = _copies_scenario(tmp_path)
    path = "records/document-distribution/DST-2026-001.yaml"
    s.files.write(
        path,
        _distribution("DST-2026-001", "V1.0", "2026-02-01", "  - {copy_number: '01', holder: zhaolei}\n"),
    )  # fmt: skip
    s.git.commit("发放 V1.0", who="wangfang", date="2026-02-01T10:00:00+08:00")
    _v11(s)
    before = cli(s.root, "recall-due", "--today", "2026-04-01", "--format", "json")
    assert [d["copy_number"] for d in json.loads(before.stdout)] == ["01"]
    s.files.write(
        path,
        _distribution(
            "DST-2026-001", "V1.0", "2026-02-01",
            "  - {copy_number: '01', holder: zhaolei, returned_date: 2026-03-21, disposition: destroyed}\n",
        ),
    )  # fmt: skip
    s.git.commit("回收", who="zhaolei", date="2026-03-25T10:00:00+08:00")
    after = cli(s.root, "recall-due", "--today", "2026-04-01", "--format", "json")
    assert [d["copy_number"] for d in json.loads(after.stdout)] == ["01"], after.stdout
