"""An acknowledgement from before the document ended (round 71 hole 2's fix): a withdrawal
ends what was read before it, so a record from before it counts for nothing brought back after
it, even with the same text at the same number. An approval that makes the document obsolete
ends it too (standing: ``ended = "obsolete"``, the number ``closed``), but
``acks._in_force_chain`` breaks only on a withdrawal.

Fixes (session 29): one rule for both endings, the other way. An acknowledgement is of a
text: the same text back in force is the text read (a withdrawal no longer ends the chain),
and another text never comes into force under a number that had one (standing)."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize("how", ["obsolete", "withdraw"])
@pytest.mark.parametrize("version", ["V1.1", "V1.2"])
def test_an_acknowledgement_of_the_text_revived_counts_for_it(tmp_path, how, version):
    """Decided (session 29): made obsolete or withdrawn on 2026-03-01 and brought back with the
    very same text on 2026-04-01, at V1.1 or V1.2 (an exempt front-matter change): the text in
    force is the one 王芳 read in February. Her record counts, whichever ending came between
    (one rule for both: a number keeps its text across an ending, standing). The row says it
    is owed since the day the text was issued again (round 73), though she read it before."""
    s = _ended_and_revived(tmp_path, how, version)
    _, rows, problems = owed(s, "2026-05-01")
    row = rows["wangfang"]
    assert row["version"] == version
    assert (row["acknowledged"], row["since"]) == ("2026-02-05", "2026-04-01"), (row, problems)
