"""FOUND (lower severity: a reviewer sees the diff), DECIDED: once a document is in Git, an
approved change may rewrite, add or erase its paper approvals (`legacy_history`). A correction
of the paper record must stay possible, and each such change is an approval whose diff the
reviewer saw, so it is not a problem (a problem would fail `trail --strict`, refusing the
correction). What is closed: an entry no review could vouch for never counts as an approval:
one dated after the approval that recorded it (the round's example: 陈明远 "before control",
dated after the merge that wrote it) stays in the record as not approved, and `check` reports
a date after today (DC219.future) before it is committed."""

from __future__ import annotations

import datetime

from rt11_helpers import DOC, adopted, legacy, paper

from builders import procedure
from history_helpers import body
from rules_attacks import SOON, forge_merge, history, last_event, run

ADOPTED = paper(approver="刘静")
# days after today, and so after the merge that records them, whenever the test runs
LATER = tuple((datetime.date.today() + datetime.timedelta(days=n)).isoformat() for n in (30, 31))


def _rewritten(text: str) -> str:  # the paper approval is now 陈明远's
    return text.replace('approver: "刘静"', 'approver: "陈明远"')


def _added(text: str) -> str:  # a paper approval dated after control began, and after today
    return text.replace(
        "legacy_history:\n",
        "legacy_history:\n"
        + paper("V1.1", approver="陈明远", date=LATER[0], approval_date=LATER[1]),
    )


def _erased(text: str) -> str:
    return procedure(version="V1.1", body=body("修订"), effective_date=SOON)


def _merged(tmp_path, edit):
    s = adopted(tmp_path, "SM-P-01:\n" + ADOPTED)
    s.git.branch("cr")
    text = procedure(version="V1.1", body=body("修订"), effective_date=SOON, extra=legacy(ADOPTED))
    s.files.write(DOC, edit(text))
    s.git.commit("修订", who="zhaolei")
    forge_merge(s, "cr", approvers=("liujing",))
    event = last_event(s)
    assert event["approved"] and not event["problems"], event  # a proper approval
    return s


def _paper(s):
    return [r for r in history(s).documents["SM-P-01"].revisions if r.kind == "legacy"]


def test_a_correction_of_the_paper_record_takes_effect(tmp_path):
    s = _merged(tmp_path, _rewritten)
    (entry,) = _paper(s)
    assert entry.approved and [p.name for p in entry.approvers] == ["陈明远"]


def test_an_entry_dated_after_the_approval_that_recorded_it_is_no_approval(tmp_path):
    s = _merged(tmp_path, _added)
    entries = {r.version: r.approved for r in _paper(s)}
    assert entries == {"V1.0": True, "V1.1": False}


def test_check_reports_a_paper_entry_dated_in_the_future(tmp_path):
    s = adopted(tmp_path, "SM-P-01:\n" + ADOPTED)
    text = procedure(version="V1.1", body=body("修订"), effective_date=SOON, extra=legacy(ADOPTED))
    s.files.write(DOC, _added(text))
    out = run(s.root, "check", DOC)
    assert out.returncode == 1
    assert "DC219" in out.stdout and LATER[1] in out.stdout


def test_an_erased_paper_record_is_gone(tmp_path):
    s = _merged(tmp_path, _erased)
    assert _paper(s) == []
