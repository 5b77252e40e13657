"""An acknowledgement of an approved version that had not yet taken effect counts for other
text approved at that number before its day. V1.2 (第二版的目的) is approved on 2026-03-01 to
take effect on 2026-06-01; 王芳 acknowledges V1.2 on 2026-03-05 (approved before she wrote
it, so no DC542). On 2026-04-01 the author merges V1.2 again with 恢复后的新目的, effective at
once: ``standing._superseded`` drops the first V1.2 (it never took effect), so V1.2 is in force
from 2026-04-01 with the new text. ``acks.status`` matches records by the version string
(``counted`` keyed by person, document, version) and ``_version_problems`` checks the record
only against V1.2's *first* approval: 王芳 is shown as having acknowledged, on 2026-03-05, a
text that was written on 2026-04-01."""

from __future__ import annotations

from rt74_helpers import NEW, SECOND, approve, owed, pack, pending_v12, procedure, run


def _rewritten_before_its_day(tmp_path, text: str):
    s = pending_v12(tmp_path)
    again = procedure(version="V1.2", effective_date="2026-04-01", body=text)
    approve(s, "v12b", again, "2026-04-01", n=3)
    return s


def test_an_acknowledgement_of_a_superseded_text_counts_for_the_new_one(tmp_path):
    """`show --as-of 2026-07-01` gives V1.2 = 恢复后的新目的 in force from 2026-04-01, and
    `ack-due` says 王芳 acknowledged it on 2026-03-05 (done, no problem); the pack agrees."""
    s = _rewritten_before_its_day(tmp_path, NEW)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0 and "恢复后的新目的" in shown.stdout, shown.stdout
    _, rows, problems = owed(s, "2026-07-01")
    row = rows["wangfang"]
    assert row["since"] == "2026-04-01", row
    # right: she read 第二版的目的, never 恢复后的新目的: she owes the text in force
    assert not row["acknowledged"] or row["acknowledged"] >= row["since"], (row, problems)
    assert not row["done"], (row, problems)
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-07-01")
    assert "wangfang" in files["acknowledgements/outstanding.csv"], files


def test_control_the_same_text_again_keeps_the_acknowledgement(tmp_path):
    """Control (passes): V1.2 approved again before its day with the very text she read (only
    the date moved): her record is of that text and counts."""
    s = _rewritten_before_its_day(tmp_path, SECOND)
    _, rows, _ = owed(s, "2026-07-01")
    assert rows["wangfang"]["done"], rows["wangfang"]
    assert not rows["liujing"]["done"], rows["liujing"]
