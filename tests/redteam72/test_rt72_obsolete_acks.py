"""An acknowledgement from before the document ended (round 71 hole 2's fix): a withdrawal
ends what was read before it, so a record from before it counts for nothing brought back after
it, even with the same text at the same number. An approval that makes the document obsolete
ends it too (standing: ``ended = "obsolete"``, the number ``closed``), but
``acks._in_force_chain`` breaks only on a withdrawal."""

from __future__ import annotations

from rt72_helpers import FIRST, approve, in_force_v11, owed, procedure, run


def _ended_and_revived(tmp_path, how: str, version: str):
    """V1.1 in force (2026-02-01), acknowledged by 王芳 (2026-02-05); ended on 2026-03-01
    (``how``: "obsolete" keeps the file with status obsolete, "withdraw" deletes it); brought
    back in force at ``version`` with the very same text on 2026-04-01."""
    s = in_force_v11(tmp_path)
    if how == "obsolete":
        ended = procedure(
            version="V1.1", status="obsolete", effective_date="2026-03-01", body=FIRST
        )
    else:
        ended = None
    approve(s, how, ended, "2026-03-01", n=2)
    again = procedure(version=version, effective_date="2026-04-01", body=FIRST)
    approve(s, "again", again, "2026-04-01", n=3)
    reg = run(s, "register", "--format", "json", "--as-of", "2026-05-01")
    assert f'"version": "{version}"' in reg.stdout, reg.stdout
    assert '"state": "effective"' in reg.stdout, reg.stdout
    return s


def test_an_acknowledgement_before_an_obsolete_approval_is_not_one_of_the_revived_text(tmp_path):
    """Made obsolete on 2026-03-01 and approved effective again at V1.1 with the same text on
    2026-04-01: a new issue in force from 2026-04-01 (`ack-due` says since 2026-04-01, as it
    does for the withdrawn-and-restored case). 王芳's February record still counts for it:
    the chain walks from the revival (front-matter exempt: no section changed) back over the
    obsolete approval (no section changed either) to the February approval."""
    s = _ended_and_revived(tmp_path, "obsolete", "V1.1")
    _, rows, problems = owed(s, "2026-05-01")
    assert rows["wangfang"]["version"] == "V1.1"
    assert rows["wangfang"]["acknowledged"] == "", f"{rows['wangfang']} {problems}"


def test_an_acknowledgement_before_an_obsolete_approval_is_not_one_of_a_new_number(tmp_path):
    """The same with the revival numbered V1.2 (same text): 王芳's V1.1 record from before the
    document was made obsolete counts as her acknowledgement of V1.2."""
    s = _ended_and_revived(tmp_path, "obsolete", "V1.2")
    _, rows, problems = owed(s, "2026-05-01")
    assert rows["wangfang"]["version"] == "V1.2"
    assert rows["wangfang"]["acknowledged"] == "", f"{rows['wangfang']} {problems}"


def test_control_an_acknowledgement_before_a_withdrawal_does_not_count(tmp_path):
    """Control (passes): the very same history with a withdrawal instead of the obsolete
    approval: her February record does not count for V1.2 (round 71's rule)."""
    s = _ended_and_revived(tmp_path, "withdraw", "V1.2")
    _, rows, _ = owed(s, "2026-05-01")
    assert rows["wangfang"]["version"] == "V1.2"
    assert rows["wangfang"]["acknowledged"] == "", rows["wangfang"]
