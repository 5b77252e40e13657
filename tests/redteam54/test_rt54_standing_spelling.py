"""Round 54: standing (``standing._placed``, 8ef9e44). A version whose text changed while in
force (DC511) never comes into force again: ``swapped`` holds it, by the version's *text*.
``versions.parse`` reads ``V01.0`` and ``V1.00`` as V1.0 (``\\d{1,4}``), so the version rules
see the same number and no bump is needed; ``swapped`` sees another string, and the revival
with the swapped text is placed in force."""

from __future__ import annotations

import pytest
from rt48_helpers import DOC, merge_dated, run, two_doc_scenario

SWAPPED = "偷换后的适用范围。"
ORIGINAL = "适用范围的内容。"


def _revived(tmp_path, spelling: str):
    s = two_doc_scenario(tmp_path)
    text = (s.root / DOC).read_text("utf-8")
    assert ORIGINAL in text and "version: V1.0\n" in text
    changed = text.replace(ORIGINAL, SWAPPED)
    merge_dated(s, "cr-swap", {DOC: changed}, "2026-03-01")  # DC511: same V1.0, new body
    ended = changed.replace("status: effective", "status: obsolete")
    merge_dated(s, "cr-end", {DOC: ended}, "2026-03-03")
    revived = changed.replace("version: V1.0\n", f"version: {spelling}\n")
    merge_dated(s, "cr-revive", {DOC: revived}, "2026-03-05")
    return s


def test_control_the_same_spelling_stays_obsolete(tmp_path):
    s = _revived(tmp_path, "V1.0")
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    _obsolete_without_its_swapped_text(shown)


def _obsolete_without_its_swapped_text(shown) -> None:
    """Session 26: an obsolete version whose text was swapped in force is given without text;
    `show` says it is obsolete and why (DC511), never the swapped text."""
    assert shown.returncode != 0 and "Traceback" not in shown.stderr, shown.stdout[:300]
    assert "obsolete" in shown.stderr and "DC511" in shown.stderr, shown.stderr
    assert SWAPPED not in shown.stdout + shown.stderr


@pytest.mark.parametrize("spelling", ["V01.0", "V1.00"])
def test_the_swapped_text_comes_into_force_under_another_spelling_of_its_number(tmp_path, spelling):
    s = _revived(tmp_path, spelling)
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert SWAPPED not in shown.stdout, (
        f"{spelling} (= V1.0) in force with the DC511 text:\n" + shown.stdout[:400]
    )
    _obsolete_without_its_swapped_text(shown)
