"""Dispositions (approval.dispositions): a past problem handled as a nonconformity. Can an
entry close a problem with a nonconformity record that does not exist, or that says the
nonconformity is still open?"""

from __future__ import annotations

from disposition_helpers import approved, direct_schema_change, entry, revert, strict


def _nc(status):
    return (
        "id: NC-2026-001\ntitle: 直接修改记录模式\nsource: internal-audit\nclause: '7.5.3'\n"
        "grade: minor\nraised_date: 2026-01-20\nraised_by: wangfang\ndepartment: qa\n"
        "description: 直接推送到 main。\nevidence: 提交记录。\nowner: liujing\n"
        f"due_date: 2026-02-20\nstatus: {status}\n"
    )


def _dispose(s, direct, with_record=None):
    def edit():
        if with_record is not None:
            s.files.write("records/nonconformity/NC-2026-001.yaml", with_record)
        s.set_config("approval:\n", entry(direct))

    return approved(s, "nc-1", edit, who="liujing")


def test_a_disposition_naming_a_record_that_does_not_exist_does_not_count(tmp_path):
    """An approved entry names NC-2026-001, but no such record was ever committed: nothing
    records the nonconformity, yet `trail --strict` passes. (`check` says DC402 on the work
    tree; the trail, the site and the audit pack show the problem as handled.)"""
    from history_helpers import make_scenario

    s = make_scenario(tmp_path)
    direct, text = direct_schema_change(s)
    revert(s, text)
    _dispose(s, direct)
    assert not (s.root / "records/nonconformity").exists()
    result = strict(s)
    assert result.returncode == 1, result.stdout


def test_a_disposition_whose_record_was_deleted_afterwards_does_not_count(tmp_path):
    from history_helpers import make_scenario

    s = make_scenario(tmp_path)
    direct, text = direct_schema_change(s)
    revert(s, text)
    _dispose(s, direct, _nc("closed"))
    assert strict(s).returncode == 0  # handled as designed
    (s.root / "records/nonconformity/NC-2026-001.yaml").unlink()
    s.git.commit("删除不符合项记录", who="zhaolei")  # records are not controlled files
    result = strict(s)
    assert result.returncode == 1, result.stdout


def test_a_disposition_naming_an_open_nonconformity_does_not_count(tmp_path):
    """The nonconformity record says status: open (no correction yet, nothing verified)."""
    from history_helpers import make_scenario

    s = make_scenario(tmp_path)
    direct, text = direct_schema_change(s)
    revert(s, text)
    _dispose(s, direct, _nc("open"))
    result = strict(s)
    assert result.returncode == 1, result.stdout
