"""Round 57, question 2: an approval that changes the text of the version in force at that
version (DC511) leaves the number naming a text never in force. Session 26
(``Standing.text_swapped``) withholds that text when the document ends obsolete at that
version. It does not when the document ends by a withdrawal (``_placed`` leaves
``ended_by.kind == "withdrawal"`` out) — ``show`` then gives the swapped text as the version
before the withdrawal — nor in ``diff``, which takes a version's text from the last approved
revision carrying it (``content.with_version``)."""

from __future__ import annotations

from rt48_helpers import DOC, merge_dated, run, two_doc_scenario

SWAPPED = "偷换后的适用范围。"
ORIGINAL = "适用范围的内容。"


def _swapped(tmp_path):
    """SM-P-01 V1.0 (text ORIGINAL) in force; on 2026-03-01 an approval changes its text at
    V1.0 (DC511: SWAPPED, never in force)."""
    s = two_doc_scenario(tmp_path)
    text = (s.root / DOC).read_text("utf-8")
    assert ORIGINAL in text
    changed = text.replace(ORIGINAL, SWAPPED)
    merge_dated(s, "cr-swap", {DOC: changed}, "2026-03-01")
    return s, text, changed


def test_control_ended_obsolete_the_swapped_text_is_withheld(tmp_path):
    s, _, changed = _swapped(tmp_path)
    merge_dated(
        s, "cr-end", {DOC: changed.replace("status: effective", "status: obsolete")}, "2026-03-03"
    )
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert shown.returncode != 0 and SWAPPED not in shown.stdout and "DC511" in shown.stderr


def test_withdrawn_the_swapped_text_is_shown_as_the_version_before_the_withdrawal(tmp_path):
    s, _, _ = _swapped(tmp_path)
    merge_dated(s, "cr-end", {}, "2026-03-03", removed=(DOC,))  # withdrawn: the file deleted
    before = run(s, "show", "--as-of", "2026-03-02", "SM-P-01")
    assert before.returncode == 0 and ORIGINAL in before.stdout  # V1.0's text in force
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert SWAPPED not in shown.stdout, (
        "withdrawn, SM-P-01 is shown as 'the version before the withdrawal', V1.0, with the "
        "text V1.0 never had in force: " + shown.stdout[:160]
    )


def test_diff_gives_the_swapped_text_as_the_versions_text(tmp_path):
    s, text, _ = _swapped(tmp_path)
    # V1.1 keeps the text V1.0 had in force, only the version changes
    v11 = text.replace("version: V1.0", "version: V1.1")
    merge_dated(s, "cr-v11", {DOC: v11.replace("2026-01-05", "2026-03-03")}, "2026-03-03")
    before = run(s, "show", "--as-of", "2026-03-02", "SM-P-01")
    assert before.returncode == 0 and ORIGINAL in before.stdout and "V1.0" in before.stdout
    diff = run(s, "diff", "SM-P-01", "V1.0", "V1.1")
    assert diff.returncode == 0, diff.stderr
    assert SWAPPED not in diff.stdout, (
        "diff takes V1.0's text from the DC511 approval, a text V1.0 never had in force, and so "
        "shows V1.1 changing a section it left as it was:\n" + diff.stdout
    )
