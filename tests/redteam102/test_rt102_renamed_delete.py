"""An evil merge that deletes a document the reviewed head only *renamed*.

GitHub's reviews approved head H, which renames SM-P-01 (``git mv test.md 01-test.md``, or only
its case: ``Test.md``). 赵磊 (push access) merges H by hand with ``--no-commit``, removes the
renamed file in the merge commit itself, commits and pushes; the signed note names the merge.
Against main, the merge removes ``docs/procedures/test.md``. ``off_head`` (round 101) asks only
whether the head holds a file at that *old path*: it does not (the head moved it), so the
note's reviews approve a withdrawal of SM-P-01 no reviewer saw: the head still holds the
document, under another name."""

from __future__ import annotations

import pytest
from rt99_helpers import codes, signed_note, trusting

DOC = "docs/procedures/test.md"


def scenario(tmp_path, new_name: str | None, evil: bool):
    """``new_name``: the head renames the document there (None: the head deletes it);
    ``evil``: the merge commit removes the renamed file too."""
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    if new_name is None:
        s.git.run("rm", "-q", DOC, who="zhaolei")
    else:
        s.git.run("mv", DOC, new_name, who="zhaolei")
    head = s.git.commit("变更 7", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "-q", "cr-7", who="zhaolei")
    if evil:
        s.git.run("rm", "-q", "-f", new_name, who="zhaolei")
    s.git.run(
        "commit", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
        who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    merged = s.git.head()
    assert s.git.run("rev-parse", f"{merged}^2") == head
    assert s.git.run("ls-tree", "-r", "--name-only", merged, "docs/procedures/").count(".md") == (
        s.git.run("ls-tree", "-r", "--name-only", f"{merged}^1", "docs/procedures/").count(".md")
        - 1
    )
    signed_note(s, tmp_path, forge, 7, head, merged)
    revs = s.history().documents["SM-P-01"].revisions
    return [r for r in revs if r.commit == merged]


@pytest.mark.parametrize("new_name", ["docs/procedures/01-test.md", "docs/procedures/Test.md"])
def test_evil_merge_removing_a_renamed_document_is_not_approved(tmp_path, new_name):
    revs = scenario(tmp_path, new_name, evil=True)
    clean = [r for r in revs if r.approved and not codes(r)]
    assert clean == [], [(r.kind, r.removed, r.approved, r.evidence, codes(r)) for r in revs]


def test_control_a_deletion_the_head_made_is_approved(tmp_path):
    revs = scenario(tmp_path, None, evil=False)
    assert [(r.removed, r.approved, r.evidence, codes(r)) for r in revs] == [
        (True, True, "forge-api-signed", [])
    ]


def squashed(tmp_path, renamed: bool):
    """A squash result on main (``(#7)``) that deletes the document; the reviewed head
    renames it (or deletes it too)."""
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    if renamed:
        s.git.run("mv", DOC, "docs/procedures/01-test.md", who="zhaolei")
    else:
        s.git.run("rm", "-q", DOC, who="zhaolei")
    head = s.git.commit("变更 7", who="zhaolei")
    s.git.checkout("main")
    s.git.run("rm", "-q", DOC, who="zhaolei")
    merged = s.git.commit("变更 7 (#7)", who="zhaolei")
    signed_note(s, tmp_path, forge, 7, head, merged)
    revs = s.history().documents["SM-P-01"].revisions
    return [r for r in revs if r.commit == merged]


def test_squash_removing_a_renamed_document_is_not_approved(tmp_path):
    revs = squashed(tmp_path, renamed=True)
    clean = [r for r in revs if r.approved and not codes(r)]
    assert clean == [], [(r.kind, r.removed, r.approved, r.evidence, codes(r)) for r in revs]


def test_control_a_squash_deleting_what_the_head_deleted_is_approved(tmp_path):
    revs = squashed(tmp_path, renamed=False)
    assert [(r.removed, r.approved, r.evidence, codes(r)) for r in revs] == [
        (True, True, "forge-api-signed", [])
    ]
