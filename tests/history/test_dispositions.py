"""Past problems handled as nonconformities (approval.dispositions, history/dispositions.py):
the trail keeps them, marked with their disposition, and `trail --strict` stops failing on
them, but only for a disposition an independent approver added and only once the change is
undone."""

from __future__ import annotations

import json

from disposition_helpers import (
    SCHEMA,
    approved,
    dispose,
    entry,
    record,
    revert,
    strict,
    trail,
)
from disposition_helpers import direct_schema_change as _direct_schema_change
from history_helpers import make_scenario
from rules_attacks import run


def test_a_reverted_direct_change_handled_by_an_approved_disposition_passes_strict(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    assert strict(s).returncode == 1
    revert(s, text)
    assert strict(s).returncode == 1  # the past problem stays until it is handled
    disposing = dispose(s, direct)
    result = strict(s)
    assert result.returncode == 0, result.stdout
    # the problem is still shown, with its disposition
    assert "DC516" in result.stdout
    assert "NC-2026-001" in result.stdout
    data = trail(s)
    event = next(e for e in data["events"] if e["commit"] == direct)
    assert [p["code"] for p in event["problems"]] == ["DC516"]
    assert event["disposition"]["record"] == "NC-2026-001"
    assert event["disposition"]["approval"]["commit"] == disposing
    assert event["disposition"]["counts"] is True
    assert [d["counts"] for d in data["dispositions"]] == [True]


def test_the_csv_names_the_disposition(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    revert(s, text)
    dispose(s, direct)
    out = run(s.root, "trail", "--format", "csv")
    header, *rows = out.stdout.splitlines()
    assert header.endswith('"Disposition"')
    row = next(r for r in rows if direct in r)
    assert "nonconformity NC-2026-001" in row


def test_a_change_still_on_main_cannot_be_disposed_of(tmp_path):
    s = make_scenario(tmp_path)
    direct, _ = _direct_schema_change(s)
    dispose(s, direct)
    result = strict(s)
    assert result.returncode == 1
    data = trail(s)
    (found,) = data["dispositions"]
    assert found["counts"] is False
    assert found["refusal"]["key"] == "problem.DC521.in-force"
    assert SCHEMA in found["refusal"]["message"]


def test_a_disposition_written_directly_never_counts(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    revert(s, text)
    s.set_config("approval:\n", entry(direct))
    s.git.commit("自行处置", who="zhaolei")
    result = strict(s)
    assert result.returncode == 1
    data = trail(s)
    # the direct change to doccontrol.yml is not in force: no disposition is read from it
    assert data["dispositions"] == []
    event = next(e for e in data["events"] if e["commit"] == direct)
    assert event["disposition"] is None


def test_nobody_disposes_of_their_own_problem(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s, who="chenmy")
    revert(s, text)
    dispose(s, direct, approvers=("chenmy",))
    assert strict(s).returncode == 1
    (found,) = trail(s)["dispositions"]
    assert found["refusal"]["key"] == "problem.DC521.own"


def test_an_entry_the_first_config_held_was_never_approved(tmp_path):
    # the first commit's doccontrol.yml is the set-up, in force unreviewed: an entry there is
    # no decision anyone approved, even for a problem that came later
    s = make_scenario(tmp_path, "approval:\n", entry("ab" * 20))
    record(s)
    s.git.commit("不符合记录", who="wangfang")
    (found,) = trail(s)["dispositions"]
    assert found["refusal"]["key"] == "problem.DC521.not-approved"
    assert strict(s).returncode == 1


def test_a_commit_not_on_main_before_the_approval_is_refused(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("elsewhere")
    s.files.write("notes.txt", "x")
    off_line = s.git.commit("不在主线", who="zhaolei")
    s.git.checkout("main")
    dispose(s, off_line)
    (found,) = trail(s)["dispositions"]
    assert found["refusal"]["key"] == "problem.DC521.not-before"
    assert strict(s).returncode == 1


def test_a_commit_without_problems_is_refused(tmp_path):
    s = make_scenario(tmp_path)
    _, text = _direct_schema_change(s)
    fine = revert(s, text)
    dispose(s, fine)
    (found,) = trail(s)["dispositions"]
    assert found["refusal"]["key"] == "problem.DC521.no-problem"


def test_an_entry_removed_and_added_again_counts_from_its_latest_approval(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    revert(s, text)
    dispose(s, direct)
    approved(s, "drop", lambda: s.set_config(entry(direct), "approval:\n"), who="liujing")
    data = trail(s)
    assert data["dispositions"] == []
    assert strict(s).returncode == 1
    again = dispose(s, direct, name="nc-2")
    (found,) = trail(s)["dispositions"]
    assert found["counts"] and found["approval"]["commit"] == again
    assert strict(s).returncode == 0


def test_check_names_an_unknown_nonconformity_record(tmp_path):
    s = make_scenario(tmp_path)
    s.set_config("approval:\n", entry("a" * 40, "NC-2026-099"))
    out = run(s.root, "check")
    assert out.returncode == 1
    line = next(line for line in out.stdout.splitlines() if "NC-2026-099" in line)
    assert "doccontrol.yml:" in line and "DC402" in line
    s.set_config("commit: " + "a" * 40, "commit: abc123")
    out = run(s.root, "check")
    assert "doccontrol.yml:" in out.stdout and "dispositions[0].commit" in out.stdout


def test_an_uncommitted_entry_in_the_work_tree_is_not_read(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    revert(s, text)
    record(s)
    s.set_config("approval:\n", entry(direct))  # edited, never committed
    assert strict(s).returncode == 1
    assert trail(s)["dispositions"] == []


def test_the_site_and_the_audit_pack_show_the_disposition(tmp_path):
    from site_helpers import built, page, site_repo, table_rows

    s = site_repo(make_scenario(tmp_path))
    direct, text = _direct_schema_change(s)
    revert(s, text)
    dispose(s, direct)
    site = built(s.root, tmp_path / "site")
    rows = table_rows(page(site, "registers/approvals"), "dc-trail")
    header, *body = rows
    assert header[-1] == "问题的处置"
    handled = [r for r in body if "DC516" in r[-2]]
    assert handled and all("NC-2026-001" in r[-1] for r in handled), handled
    assert all(r[-1] == "—" for r in body if "DC516" not in r[-2])

    pack = tmp_path / "pack.zip"
    made = run(s.root, "audit-pack", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(pack))
    assert made.returncode == 0, made.stderr
    import zipfile

    with zipfile.ZipFile(pack) as z:
        listed = json.loads(z.read("history/dispositions.json"))
        trail = json.loads(z.read("history/trail.json"))
    assert [d["record"] for d in listed] == ["NC-2026-001"] and listed[0]["counts"]
    event = next(e for e in trail if e["commit"] == direct)
    assert event["disposition"]["record"] == "NC-2026-001"


def test_a_disposition_naming_the_problems_it_handles(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    revert(s, text)
    dispose(s, direct, problems=["DC516"])
    result = strict(s)
    assert result.returncode == 0, result.stdout
    assert (
        "NC-2026-001 (DC516; approved by" in result.stdout
        or "NC-2026-001 处置（DC516；" in result.stdout
    )
    event = next(e for e in trail(s)["events"] if e["commit"] == direct)
    assert event["disposition"]["problems"] == ["DC516"]


def test_a_disposition_naming_problems_the_commit_does_not_have_is_refused(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    revert(s, text)
    dispose(s, direct, problems=["DC503"])
    (found,) = trail(s)["dispositions"]
    assert found["refusal"]["key"] == "problem.DC521.no-problem"
    result = strict(s)
    assert result.returncode == 1
    assert "DC516" in result.stdout and "DC521" in result.stdout


def test_a_problem_of_another_kind_on_the_same_commit_stays_open():
    """A disposition that names its codes leaves a problem of another code on its commit open
    (one found there later, say: a recall record added after the nonconformity closed)."""
    from doccontrol.history.dispositions import Disposition, Dispositions
    from doccontrol.history.model import HistoryProblem

    commit = "a" * 40
    handled = HistoryProblem.of("problem.DC516", commit, "", "", sha=commit[:10], what="x")
    later = HistoryProblem.of("problem.DC551.missing", commit, "SM-P-01", "")
    named = Dispositions((Disposition(commit, "NC-2026-001", None, None, ("DC516",)),))
    assert named.open([handled, later]) == [later]
    assert named.handling([handled, later]) is named.entries[0]
    every = Dispositions((Disposition(commit, "NC-2026-001", None, None),))
    assert every.open([handled, later]) == []


def _closed_then(s, edit):
    """A handled DC516, then ``edit`` of its nonconformity record committed directly (records
    are not controlled files): the verdict as the record at the tip of main makes it."""
    direct, text = _direct_schema_change(s)
    revert(s, text)
    dispose(s, direct)
    assert strict(s).returncode == 0
    edit()
    s.git.commit("改不符合记录", who="zhaolei")
    (found,) = trail(s)["dispositions"]
    return found


def test_a_disposition_needs_its_nonconformity_record_on_main(tmp_path):
    s = make_scenario(tmp_path)
    found = _closed_then(s, lambda: (s.root / "records/nonconformity/NC-2026-001.yaml").unlink())
    assert found["refusal"]["key"] == "problem.DC521.no-record"
    assert "records/nonconformity/" in found["refusal"]["message"]
    assert strict(s).returncode == 1


def test_a_disposition_needs_its_nonconformity_closed(tmp_path):
    s = make_scenario(tmp_path)
    found = _closed_then(s, lambda: record(s, status="reopened"))
    assert found["refusal"]["key"] == "problem.DC521.open"
    assert "reopened" in found["refusal"]["message"]
    assert strict(s).returncode == 1


def test_a_disposition_needs_a_record_of_that_id(tmp_path):
    s = make_scenario(tmp_path)
    found = _closed_then(
        s,
        lambda: s.files.write(
            "records/nonconformity/NC-2026-001.yaml", "id: NC-2026-002\nstatus: closed\n"
        ),
    )
    assert found["refusal"]["key"] == "problem.DC521.not-record"


def test_a_disposition_reads_the_record_committed_not_the_work_tree(tmp_path):
    s = make_scenario(tmp_path)
    direct, text = _direct_schema_change(s)
    revert(s, text)
    dispose(s, direct)
    record(s, status="open")  # edited, never committed
    assert strict(s).returncode == 0


def test_a_yml_nonconformity_record_counts(tmp_path):
    s = make_scenario(tmp_path)

    def to_yml():
        path = s.root / "records/nonconformity/NC-2026-001.yaml"
        path.rename(path.with_suffix(".yml"))

    found = _closed_then(s, to_yml)
    assert found["counts"], found["refusal"]
