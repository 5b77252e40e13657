"""After a withdrawal and a restore with the same text at V1.1, 王芳's record from before the
withdrawal no longer counts for the text in force (round 71 hole 2's fix in `acks.status`),
but `acks.ledger` still judges it counted with no problem. The audit pack then says both
"counted: yes, no problem" (acknowledgements.csv) and "owed, overdue" (outstanding.csv) for the
same person and version, and nothing in it (nor in `ack-due`'s problems) says why."""

from __future__ import annotations

import csv
import io

from rt72_helpers import FIRST, approve, in_force_v11, owed, pack, procedure


def _withdrawn_and_restored(tmp_path):
    s = in_force_v11(tmp_path)
    approve(s, "withdraw", None, "2026-03-01", n=2)
    again = procedure(version="V1.1", effective_date="2026-04-01", body=FIRST)
    approve(s, "restore", again, "2026-04-01", n=3)
    return s


def test_the_pack_does_not_call_a_record_counted_that_is_owed_again(tmp_path):
    """Fixes (session 29): the record of the very text restored counts for it (ack-due), so
    the pack lists it as counted and her as owing nothing."""
    s = _withdrawn_and_restored(tmp_path)
    _, rows, problems = owed(s, "2026-05-01")
    assert rows["wangfang"]["acknowledged"] == "2026-02-05", (rows, problems)
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-05-01")
    given = list(csv.reader(io.StringIO(files["acknowledgements/acknowledgements.csv"])))
    outstanding = files["acknowledgements/outstanding.csv"]
    mine = [r for r in given[1:] if r[0] == "ACK-SM-P-01-V1.1-wangfang"]
    assert mine, given
    assert "wangfang" not in outstanding and "王芳" not in outstanding, outstanding
    assert not mine[0][7] and not problems, (mine[0][6:], problems)
