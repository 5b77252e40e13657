"""A waiting version whose day was moved, then rewritten at its number before its new day.

SM-P-01 V1.1 (第一版的目的) is in force from 2026-02-01; V1.2 (第二版的目的) is approved on
2026-03-01 for 2026-06-01 and 王芳 acknowledges V1.2 on 2026-03-05. On 2026-04-01 the
approvers approve V1.2 again, text unchanged, for 2026-09-01 (the go-live put off: a
``review`` that *moves* the first approval, ``standing._superseded``). On 2026-05-01 V1.2 is
rewritten at its number (恢复后的新目的), also for 2026-09-01.

``_superseded`` looks, for each approval, only at the first later approval that decides
about it and ``break``s: the first V1.2 approval meets the review and is put in ``moved``
(its text "is the version's"), never in ``replaced``, although the rewrite then replaced
that text. ``not_its_text`` therefore keeps the first approval as V1.2's text:
``acks._version_problems`` accepts 王芳's record of 2026-03-05 as an acknowledgement of V1.2
(approved 2026-03-01, before she wrote it) and ``acks.status`` counts it for the text in force
from 2026-09-01, which she never read. Round 74 fixed this very case without the move in
between (``test_rt74_superseded_ack``)."""

from __future__ import annotations

from rt74_helpers import NEW, SECOND, approve, owed, pack, pending_v12, procedure, run


def _moved_then(tmp_path, text: str):
    s = pending_v12(tmp_path)  # V1.2 (SECOND) for 2026-06-01, 王芳 acknowledges on 03-05
    moved = procedure(version="V1.2", effective_date="2026-09-01", body=SECOND)
    approve(s, "resched", moved, "2026-04-01", n=3)
    again = procedure(version="V1.2", effective_date="2026-09-01", body=text)
    approve(s, "rewrite", again, "2026-05-01", n=4)
    return s


def test_an_acknowledgement_of_a_moved_text_counts_for_its_rewrite(tmp_path):
    """Hole: on 2026-10-01 V1.2 = 恢复后的新目的 is in force from 2026-09-01, and ``ack-due``
    says 王芳 acknowledged it on 2026-03-05 (done); the audit pack has nobody outstanding
    for her."""
    s = _moved_then(tmp_path, NEW)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-10-01")
    assert shown.returncode == 0 and "恢复后的新目的" in shown.stdout, shown.stdout
    _, rows, problems = owed(s, "2026-10-01")
    row = rows["wangfang"]
    assert row["since"] == "2026-09-01", row
    # right: she read 第二版的目的, never 恢复后的新目的
    assert not row["done"], (row, problems)
    files = pack(s, tmp_path / "pack.zip", "2026-01-01", "2026-10-01")
    assert "wangfang" in files["acknowledgements/outstanding.csv"], files[
        "acknowledgements/outstanding.csv"
    ]


def test_a_moved_then_rewritten_version_diffs_as_its_first_text(tmp_path):
    """Hole: ``diff SM-P-01 V1.1 V1.2`` (each version's text, ``content.with_version``) gives
    V1.2 as 第二版的目的, the text the rewrite replaced before it ever took effect, while
    ``show --as-of`` gives 恢复后的新目的 as V1.2 in force: two texts under one number."""
    s = _moved_then(tmp_path, NEW)
    changed = run(s, "diff", "SM-P-01", "V1.1", "V1.2")
    assert changed.returncode == 0, changed.stdout + changed.stderr
    assert "恢复后的新目的" in changed.stdout, changed.stdout


def test_control_moved_twice_same_text_keeps_the_acknowledgement(tmp_path):
    """Control: the second approval repeats the very text she read (for the same new day): it
    counts, owed from 2026-09-01."""
    s = _moved_then(tmp_path, SECOND)
    _, rows, _ = owed(s, "2026-10-01")
    assert rows["wangfang"]["done"], rows["wangfang"]
    assert rows["wangfang"]["since"] == "2026-09-01", rows["wangfang"]
    assert not rows["liujing"]["done"], rows["liujing"]


def test_a_moved_version_replaced_by_another_number_never_took_effect(tmp_path):
    """(Session 30, the report's low note) V1.2 moved to 2026-09-01, then V1.3 approved on
    2026-05-01 to take effect at once: neither V1.2 approval ever takes effect, so 王芳's
    record of V1.2 is of a version never approved to take effect (DC542), as in round 74."""
    s = pending_v12(tmp_path)
    moved = procedure(version="V1.2", effective_date="2026-09-01", body=SECOND)
    approve(s, "resched", moved, "2026-04-01", n=3)
    approve(
        s,
        "v13",
        procedure(version="V1.3", effective_date="2026-05-01", body=NEW),
        "2026-05-01",
        n=4,
    )
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-10-01")
    assert shown.returncode == 0 and "恢复后的新目的" in shown.stdout, shown.stdout
    _, rows, problems = owed(s, "2026-10-01")
    assert not rows["wangfang"]["done"], rows["wangfang"]
    assert "DC542" in {p["code"] for p in problems}, problems
