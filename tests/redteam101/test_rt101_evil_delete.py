"""An evil merge that deletes the document: ``off_head`` never judges a deletion.

GitHub's reviews approved head H, which changes SM-P-01 to V1.1. 赵磊 (push access) merges H
by hand with ``--no-commit``, deletes the document in the merge commit itself, commits and
pushes; the signed note names that merge. ``off_head`` returns False when the merge leaves no
blob (``change.new_blob is None``), so the note's reviews approve a removal no reviewer saw
(the head still holds the document)."""

from __future__ import annotations

from rt99_helpers import codes, signed_note, trusting

from history_helpers import body

DOC = "docs/procedures/test.md"


def scenario(tmp_path, evil):
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    if evil:
        s.files.doc(version="V1.1", body=body("评审过的文本。"))
    else:
        s.git.run("rm", "-q", DOC, who="zhaolei")
    head = s.git.commit("变更 7", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "-q", "cr-7", who="zhaolei")
    if evil:
        s.git.run("rm", "-q", "-f", DOC, who="zhaolei")
    s.git.run(
        "commit", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
        who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    merged = s.git.head()
    assert s.git.run("rev-parse", f"{merged}^2") == head
    assert bool(s.git.run("diff", "--stat", head, merged)) == evil
    signed_note(s, tmp_path, forge, 7, head, merged)
    revs = s.history().documents["SM-P-01"].revisions
    return [r for r in revs if r.commit == merged]


def test_evil_merge_deletion_is_not_approved_by_the_note(tmp_path):
    revs = scenario(tmp_path, evil=True)
    clean = [r for r in revs if r.approved and not codes(r)]
    assert clean == [], [(r.kind, r.removed, r.approved, r.evidence, codes(r)) for r in revs]


def test_control_a_deletion_the_head_holds_is_approved(tmp_path):
    revs = scenario(tmp_path, evil=False)
    assert [(r.removed, r.approved, r.evidence, codes(r)) for r in revs] == [
        (True, True, "forge-api-signed", [])
    ]


def squashed(tmp_path, delete_on_head):
    """A squash result on main (``(#7)``) that deletes the document; the reviewed head
    deletes it too, or changes it to V1.1 instead."""
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    if delete_on_head:
        s.git.run("rm", "-q", DOC, who="zhaolei")
    else:
        s.files.doc(version="V1.1", body=body("评审过的文本。"))
    head = s.git.commit("变更 7", who="zhaolei")
    s.git.checkout("main")
    s.git.run("rm", "-q", DOC, who="zhaolei")
    merged = s.git.commit("变更 7 (#7)", who="zhaolei")
    signed_note(s, tmp_path, forge, 7, head, merged)
    revs = s.history().documents["SM-P-01"].revisions
    return [r for r in revs if r.commit == merged]


def test_squash_deletion_is_not_approved_by_the_note(tmp_path):
    revs = squashed(tmp_path, delete_on_head=False)
    clean = [r for r in revs if r.approved and not codes(r)]
    assert clean == [], [(r.kind, r.removed, r.approved, r.evidence, codes(r)) for r in revs]


def test_control_a_squash_deleting_what_the_head_deleted_is_approved(tmp_path):
    revs = squashed(tmp_path, delete_on_head=True)
    assert [(r.removed, r.approved, r.evidence, codes(r)) for r in revs] == [
        (True, True, "forge-api-signed", [])
    ]
