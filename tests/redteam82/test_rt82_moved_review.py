"""A copy of V1.2 in force, and a periodic review of V1.2 that moves the procedures folder
(``git mv docs/procedures docs/archive``: the same body, the same chart, only the place).

The flow-chart site with V1.2 (第二版正文, FLOW-V1.2) in force from its approval on
2026-04-10; copy 02 of V1.2 issued 2026-04-12. On 2026-05-01 an approved periodic review of
V1.2 (text unchanged, ``review_date`` new) moves the folder.

``StoredVersions.pictures`` keys each image by its repository path, resolved from the
document's path: the copy's source names ``docs/procedures/flow.png``, the review
``docs/archive/flow.png``. ``copies._prints_in_force`` compares the two mappings whole, so the
bytes being the same does not matter: copy 02 is recalled as superseded, though it holds
exactly the text and chart in force (the site gives them)."""

from __future__ import annotations

from rt75_helpers import BOTH, drawn, flow_chart_site
from rt78_helpers import due_copies, issued_copy
from rt81_helpers import V12_TEXT

from history_helpers import body


def _reviewed(tmp_path, move: bool = True, other_chart: bool = False):
    s = flow_chart_site(tmp_path, "2026-04-10")
    issued_copy(s, "V1.2", "2026-04-12")
    s.git.branch("review")
    folder = "docs/procedures"
    if other_chart:
        # only the document moves, into a folder whose flow.png is another drawing
        folder = "docs/archive"
        s.files.write(f"{folder}/flow.png", drawn("FLOW-ARCHIVE"))
        s.git.run("mv", "docs/procedures/test.md", f"{folder}/test.md")
    elif move:
        s.git.run("mv", "docs/procedures", "docs/archive")
        folder = "docs/archive"
    s.files.doc(
        f"{folder}/test.md",
        version="V1.2",
        body=body(V12_TEXT),
        effective_date="2026-04-10",
        extra="review_date: 2026-05-01\n",
    )
    s.git.commit("定期评审，内容无变化", who="zhaolei", date="2026-04-30T08:00:00+08:00")
    s.git.merge("review", "定期评审", approvers=BOTH, date="2026-05-01T10:00:00+08:00", number=4)
    return s, folder


def test_a_copy_of_the_text_in_force_is_kept_after_a_move(tmp_path):
    """Copy 02 holds 第二版正文 with FLOW-V1.2, which V1.2 still has in force: kept."""
    s, folder = _reviewed(tmp_path)
    assert (s.root / folder / "flow.png").read_bytes() == drawn("FLOW-V1.2")
    assert due_copies(s, "2026-07-01") == []


def test_control_the_review_in_place_keeps_the_copy(tmp_path):
    """Control (passes): the same review without the move keeps copy 02."""
    s, _ = _reviewed(tmp_path, move=False)
    assert due_copies(s, "2026-07-01") == []


def test_control_the_moved_review_is_the_version_in_force(tmp_path):
    """Control (passes): V1.2 stays in force after the moved review, with its text."""
    from rt74_helpers import register_row, run

    s, _ = _reviewed(tmp_path)
    row = register_row(s, "2026-07-01")
    assert row["in_force_version"] == "V1.2", row
    shown = run(s, "show", "SM-P-01", "--as-of", "2026-07-01")
    assert shown.returncode == 0 and "第二版正文" in shown.stdout, shown.stdout + shown.stderr


# Fix (session 32): pictures are named as the text names them, from the document's folder.


def test_a_review_moving_the_text_beside_another_chart_recalls_the_copy(tmp_path):
    """The same text moved beside another flow.png shows another chart: copy 02, printed with
    FLOW-V1.2, is no longer what the page gives, and is recalled."""
    s, _ = _reviewed(tmp_path, other_chart=True)
    assert due_copies(s, "2026-07-01") == ["02"]
