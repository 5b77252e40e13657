"""Round 52: standing (tools/doccontrol/standing.py ``_placed``). Once an approval changes the
text of the version in force at that version (DC511), neither it nor later approvals of that
version describe or vouch for it: the swapped text is never the one in force.

``_placed`` forgets that as soon as the document is ended: an approval that makes the version
``status: obsolete`` (the text left as it is) ends it, and a later approval that makes it
``status: effective`` again, at the same version, is placed in force like a new version. Its
text is the swapped one; both pull requests' diffs show one front-matter line each. The same
version number V1.0 now names two texts, and `show` gives the one never in force."""

from __future__ import annotations

from rt48_helpers import DOC, merge_dated, run, two_doc_scenario

SWAPPED = "偷换后的适用范围。"
ORIGINAL = "适用范围的内容。"


def _flipped(tmp_path, flip=True):
    s = two_doc_scenario(tmp_path)
    text = (s.root / DOC).read_text("utf-8")
    assert ORIGINAL in text
    changed = text.replace(ORIGINAL, SWAPPED)
    merge_dated(s, "cr-swap", {DOC: changed}, "2026-03-01")  # DC511: same V1.0, new body
    if flip:
        ended = changed.replace("status: effective", "status: obsolete")
        merge_dated(s, "cr-end", {DOC: ended}, "2026-03-03")
        merge_dated(s, "cr-revive", {DOC: changed}, "2026-03-05")
    return s


def test_held_dc511_text_is_not_in_force(tmp_path):
    s = _flipped(tmp_path, flip=False)
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert shown.returncode == 0, shown.stderr
    assert SWAPPED not in shown.stdout and ORIGINAL in shown.stdout


def test_an_obsolete_then_effective_flip_does_not_put_the_dc511_text_in_force(tmp_path):
    s = _flipped(tmp_path)
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert SWAPPED not in shown.stdout, (
        "V1.0 in force with the DC511 text after an obsolete/effective flip:\n" + shown.stdout
    )


def test_an_obsolete_version_is_not_shown_with_the_dc511_text(tmp_path):
    """Without the revival: once V1.0 is made obsolete, `show` gives it (the last approval,
    ``_placed``: ``shown = last_git``) with the swapped text, under the number whose text in
    force was the original one (as `show --as-of 2026-03-02` still says)."""
    s = _flipped(tmp_path, flip=False)
    text = (s.root / DOC).read_text("utf-8")
    merge_dated(s, "cr-end", {DOC: text.replace("status: effective", "status: obsolete")},
                "2026-03-03")  # fmt: skip
    before = run(s, "show", "--as-of", "2026-03-02", "SM-P-01")
    assert ORIGINAL in before.stdout and SWAPPED not in before.stdout, before.stdout
    after = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert SWAPPED not in after.stdout, (
        "the obsolete V1.0 is shown with a text V1.0 never had in force:\n" + after.stdout[:400]
    )


def test_the_flip_leaves_the_document_obsolete(tmp_path):
    """Session 25: a version whose text changed while in force (DC511) never comes into force
    again; the approval that makes it effective once more is no approval of a text in force,
    and the document stays as the approval that ended it left it. Session 26: its text is not
    given (the one it ended with was never in force under that number); `show` says why and
    how to see the text in force."""
    s = _flipped(tmp_path)
    shown = run(s, "show", "--as-of", "2026-03-10", "SM-P-01")
    assert shown.returncode != 0 and "Traceback" not in shown.stderr
    assert "SM-P-01" in shown.stderr and "DC511" in shown.stderr, shown.stderr
    assert "show --as-of 2026-03-02 SM-P-01" in shown.stderr, shown.stderr
    before = run(s, "show", "--as-of", "2026-03-02", "SM-P-01")
    assert before.returncode == 0 and ORIGINAL in before.stdout, before.stderr
    register = run(s, "register", "--as-of", "2026-03-10", "--format", "json")
    assert register.returncode == 0, register.stderr
    assert '"effective"' not in register.stdout.split("SM-P-01", 1)[1].split("}", 1)[0]
    assert '"obsolete"' in register.stdout.split("SM-P-01", 1)[1].split("}", 1)[0]
