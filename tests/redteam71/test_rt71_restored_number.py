"""One version number, one text: a document withdrawn and brought back at the same number with
another text. README (One answer): "one number names one text in force"; `diff DOC V1 V2`
compares each version's text as it was first approved, and `show` gives the text in force."""

from __future__ import annotations

from rt71_helpers import approve, body, procedure, run, scenario, withdrawn_and_restored


def test_show_and_diff_give_one_text_for_a_number_restored_after_a_withdrawal(tmp_path):
    """V1.1 (目的: 第一版的目的) is in force from 2026-02-01, withdrawn by an approved merge on
    2026-03-01 and brought back by another at V1.1 with 目的 恢复后的新目的 (2026-04-01, DC511
    in the trail, not blocking). `show SM-P-01 --as-of 2026-05-01` prints the restored text
    as "V1.1 in force"; `diff SM-P-01 V1.0 V1.1` calls V1.1 the February text. Two answers
    for what V1.1 says, both approved-looking: `standing._placed` checks the number against
    the text only while a version is in force (`not ended`), so a withdrawal resets it."""
    s = withdrawn_and_restored(tmp_path, "恢复后的新目的。")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    diffed = run(s, "diff", "SM-P-01", "V1.0", "V1.1")
    assert diffed.returncode == 0, diffed.stderr
    assert "第一版的目的" in diffed.stdout, diffed.stdout
    said = shown.stdout if shown.returncode == 0 else ""
    assert "恢复后的新目的" not in said, (
        "show gives the restored text as V1.1, diff gives the first:\n" + said[:400]
    )


def test_control_a_restore_with_the_same_text_is_one_answer(tmp_path):
    """Control: brought back at V1.1 with the very text withdrawn, show and diff agree."""
    s = withdrawn_and_restored(tmp_path, "第一版的目的。")
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert shown.returncode == 0, shown.stderr
    assert "第一版的目的" in shown.stdout
    diffed = run(s, "diff", "SM-P-01", "V1.0", "V1.1")
    assert "第一版的目的" in diffed.stdout, diffed.stdout


def test_a_number_made_obsolete_and_effective_again_keeps_one_text(tmp_path):
    """Fixes (session 29): the same for a document made obsolete at V1.1 with its text
    unchanged, then approved effective again at V1.1 with another 目的: that text never comes
    into force under the number whose text was in force before."""
    s = scenario(tmp_path)
    first = body("第一版的目的。")
    approve(
        s,
        "v11",
        procedure(version="V1.1", effective_date="2026-02-01", body=first),
        "2026-02-01",
        n=1,
    )
    obsolete = procedure(version="V1.1", status="obsolete", effective_date="2026-03-01", body=first)
    approve(s, "obsolete", obsolete, "2026-03-01", n=2)
    again = procedure(version="V1.1", effective_date="2026-04-01", body=body("恢复后的新目的。"))
    approve(s, "again", again, "2026-04-01", n=3)
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-05-01")
    assert "恢复后的新目的" not in (shown.stdout if shown.returncode == 0 else ""), shown.stdout
    diffed = run(s, "diff", "SM-P-01", "V1.0", "V1.1")
    assert "第一版的目的" in diffed.stdout, diffed.stdout
