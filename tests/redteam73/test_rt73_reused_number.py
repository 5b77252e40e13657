"""An older number reused after the document ended. ``standing._placed`` closes only the
number *in force* when an approval withdrew the document or made it obsolete (``closed``); a
number superseded before that (V1.1, replaced by V1.2) is not closed. After the ending the
author brings the document back at V1.1 with other text: nothing stops it (a withdrawal
deleted the file, so there is no approved version to go down from; an obsolete approval is
no bar either), it comes into force, and ``acks.status`` counts every record of "V1.1" for it
(``versions`` are matched by number) while ``_version_problems`` checks the record only
against V1.1's *first* approval. 王芳's February acknowledgement of 第一版的目的 is shown as
her acknowledgement of 恢复后的新目的, a text she never read, dated before the row's own
``since``; and ``diff`` still gives V1.1 as 第一版的目的 (one number, two texts)."""

from __future__ import annotations

import pytest
from rt73_helpers import NEW, approve, owed, pack, procedure, run, v11_then_v12_ended


def _restored_at(tmp_path, how: str, version: str):
    s = v11_then_v12_ended(tmp_path, how)
    again = procedure(version=version, effective_date="2026-05-01", body=NEW)
    approve(s, "again", again, "2026-05-01", n=4)
    return s


@pytest.mark.parametrize("how", ["withdraw", "obsolete"])
def test_an_acknowledgement_of_an_older_text_counts_for_new_text_at_its_number(tmp_path, how):
    """V1.1 is back in force from 2026-05-01 with 恢复后的新目的 (the author's restore at the
    superseded number). `ack-due` says 王芳 acknowledged it on 2026-02-05, three months before
    that text existed, and the pack, register-facing counts and site all follow ``status``."""
    s = _restored_at(tmp_path, how, "V1.1")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-06-01")
    in_force_new = shown.returncode == 0 and "恢复后的新目的" in shown.stdout
    _, rows, problems = owed(s, "2026-06-01")
    row = rows.get("wangfang")
    if not in_force_new:
        return  # fixed in standing: the number never comes back with another text
    assert row is not None, rows
    # right: an acknowledgement is of a text; she never read this one, so she owes it
    assert not row["done"], (row, problems)
    # and never an acknowledgement from before the text it is counted for took effect
    assert not row["acknowledged"] or row["acknowledged"] >= row["since"], row
    # the audit pack follows ``status``: it must list her as owing the new text
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-06-01")
    assert "wangfang" in files["acknowledgements/outstanding.csv"], files


@pytest.mark.parametrize("how", ["withdraw", "obsolete"])
def test_a_reused_number_names_one_text(tmp_path, how):
    """`show --as-of 2026-06-01` gives V1.1 in force as 恢复后的新目的 while `diff V1.0 V1.1`
    gives V1.1 as 第一版的目的: the two outputs disagree about what V1.1 says."""
    s = _restored_at(tmp_path, how, "V1.1")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-06-01")
    diffed = run(s, "diff", "SM-P-01", "V1.0", "V1.1")
    assert "第一版的目的" in diffed.stdout, diffed.stdout + diffed.stderr
    said = shown.stdout if shown.returncode == 0 else ""
    assert "恢复后的新目的" not in said, said


@pytest.mark.parametrize("how", ["withdraw", "obsolete"])
def test_control_new_text_at_a_new_number_is_owed(tmp_path, how):
    """Control (passes): the same restore at a new number V1.3 is owed by 王芳, since
    2026-05-01 (her V1.1 record is of another number)."""
    s = _restored_at(tmp_path, how, "V1.3")
    _, rows, problems = owed(s, "2026-06-01")
    row = rows["wangfang"]
    assert row["version"] == "V1.3", row
    assert not row["done"] and row["since"] == "2026-05-01", (row, problems)
