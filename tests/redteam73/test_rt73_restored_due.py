"""Owed since the day the text first took effect (``acks.status``: ``since =
standing.effective_from(chain[-1])``) even when the document was withdrawn for months in
between. V1.1 in force on 2026-02-01 is withdrawn on 2026-02-03 (two days later, nobody has
yet acknowledged; they had until 2026-02-15) and brought back with the very same text on
2026-09-01. On the very day it is restored, `ack-due` calls 刘静 and 王芳 overdue since
2026-02-15 (due before the approval that put the text back in force), `--fail-on overdue`
fails (the pack reads the same ``status``); the register and `show` say the
version is in force from 2026-09-01. Nobody could have acknowledged between 2026-02-03 and
2026-09-01 (`ack` refuses a version not in force). An honest person is reported late for a
period the document did not exist."""

from __future__ import annotations

from rt73_helpers import FIRST, approve, owed, procedure, run, scenario


def _withdrawn_and_restored(tmp_path, withdraw: bool):
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    if withdraw:
        approve(s, "withdraw", None, "2026-02-03", n=2)
        again = procedure(version="V1.1", effective_date="2026-09-01", body=FIRST)
        approve(s, "again", again, "2026-09-01", n=3)
    return s


def test_restored_text_is_not_overdue_on_the_day_it_is_restored(tmp_path):
    """Restored on 2026-09-01: nobody should be overdue that day, and the due date should not
    precede the approval that put the text back in force."""
    s = _withdrawn_and_restored(tmp_path, withdraw=True)
    reg = run(s, "register", "--format", "json", "--as-of", "2026-09-01")
    assert '"effective_date": "2026-09-01"' in reg.stdout, reg.stdout
    code, rows, problems = owed(s, "2026-09-01", "--fail-on", "overdue")
    row = rows["liujing"]
    assert not row["overdue"], (row, problems)
    assert row["due"] >= "2026-09-01", row
    assert code == 0


def test_control_in_force_throughout_is_overdue(tmp_path):
    """Control (passes): never withdrawn, V1.1 unacknowledged is overdue from 2026-02-15."""
    s = _withdrawn_and_restored(tmp_path, withdraw=False)
    _, rows, _ = owed(s, "2026-09-01")
    assert rows["liujing"]["overdue"] and rows["liujing"]["due"] == "2026-02-15"
