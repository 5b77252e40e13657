"""A version called off (session 32, ``standing._placed``): an approval of the version in force
with its text removes from ``unissued`` only the approvals ``_superseded`` says *it* replaced.

V1.1 (第一版的目的) in force from 2026-02-01. On 2026-03-01 V1.2 is approved for 2026-07-01;
on 2026-03-05 V1.3 for 2026-06-01 (no later than V1.2's day: it replaces V1.2, round 74);
on 2026-03-10 V1.1 is approved back (its very text: a review by digest), which takes V1.3
off main. Nothing waits any more. On 2026-04-01 the document is made obsolete at V1.4 with a
notice of its own (本文件已作废。).

``_superseded`` records V1.2 as replaced by V1.3, not by the review: the review keeps V1.2 in
``unissued`` and the ending is read as one "while an approved later text had not taken
effect": ``show`` refuses the ending's own text."""

from __future__ import annotations

from rt74_helpers import FIRST, SECOND, approve, procedure, register_row, run, scenario

from history_helpers import body

NOTICE = body("本文件已作废。")
THIRD = body("第三版的目的")


def _ended(tmp_path, v12: bool = True):
    s = scenario(tmp_path)
    approve(
        s, "v11", procedure(version="V1.1", effective_date="2026-02-01", body=FIRST), "2026-02-01"
    )
    if v12:
        v12_text = procedure(version="V1.2", effective_date="2026-07-01", body=SECOND)
        approve(s, "v12", v12_text, "2026-03-01", n=2)
    approve(
        s,
        "v13",
        procedure(version="V1.3", effective_date="2026-06-01", body=THIRD),
        "2026-03-05",
        n=3,
    )
    approve(
        s,
        "back",
        procedure(version="V1.1", effective_date="2026-02-01", body=FIRST),
        "2026-03-10",
        n=4,
    )
    obsolete = procedure(
        version="V1.4", status="obsolete", effective_date="2026-04-01", body=NOTICE
    )
    approve(s, "obsolete", obsolete, "2026-04-01", n=5)
    return s


def test_the_endings_own_text_is_given(tmp_path):
    s = _ended(tmp_path)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "本文件已作废" in shown.stdout


def test_control_nothing_waits_after_the_call_off(tmp_path):
    """Control (passes): on 2026-03-20 V1.1 is in force and nothing is upcoming."""
    s = _ended(tmp_path)
    row = register_row(s, "2026-03-20")
    assert row["state"] == "effective" and row["in_force_version"] == "V1.1", row
    assert row["upcoming"] == "", row
    assert register_row(s, "2026-05-01")["state"] == "obsolete"


def test_control_one_version_called_off_gives_the_ending(tmp_path):
    """Control (passes, session 32's fix): without V1.2 (only V1.3, called off by the review)
    the ending's own text is given."""
    s = _ended(tmp_path, v12=False)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0 and "本文件已作废" in shown.stdout, shown.stdout + shown.stderr
