"""An evil merge that deletes a document the reviewed head only *renamed*, where main
already holds the renamed file, byte for byte, at the new path.

GitHub's reviews approved head H, which renames SM-P-01 (``git mv test.md 01-test.md``).
Before merging, 赵磊 (push access) puts the same bytes at ``01-test.md`` on main (a direct push,
or an approved merge of a "copy"). He then merges H by hand with ``--no-commit``, removes
``01-test.md`` in the merge commit itself, commits and pushes; the signed note names the merge.

``head_holds`` (round 102) looks for the document only among the head's paths whose file
differs from the merge's first parent (``ours.get(p) != e``): ``01-test.md`` is the same file
on both sides, so it is skipped, the head "holds no SM-P-01 elsewhere", and the removal of
``test.md`` is read as a withdrawal the reviews approved: a clean, forge-signed withdrawal
of SM-P-01 that no reviewer saw (they saw it kept, renamed)."""

from __future__ import annotations

import json

import pytest
from rt41_helpers import approve
from rt99_helpers import codes, signed_note, trusting

from rules_attacks import run

DOC = "docs/procedures/test.md"
NEW = "docs/procedures/01-test.md"


def evil_merge(tmp_path, copy: str | None):
    """``copy``: how the same bytes reach ``NEW`` on main before the merge ("push": a direct
    commit; "approved": a merge with approvals; None: they do not)."""
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    s.git.run("mv", DOC, NEW, who="zhaolei")
    head = s.git.commit("变更 7", who="zhaolei")
    s.git.checkout("main")
    if copy == "push":
        s.files.write(NEW, (s.root / DOC).read_bytes())
        s.git.commit("副本", who="zhaolei")
    elif copy == "approved":
        approve(s, "cr-6", {NEW: (s.root / DOC).read_bytes()}, "副本", 6)
        s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "-q", "cr-7", who="zhaolei")
    s.git.run("rm", "-q", "-f", NEW, who="zhaolei")
    s.git.run(
        "commit", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
        who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    merged = s.git.head()
    assert s.git.run("rev-parse", f"{merged}^2") == head
    listed = s.git.run("ls-tree", "-r", "--name-only", merged, "docs/procedures/")
    assert DOC not in listed and NEW not in listed
    signed_note(s, tmp_path, forge, 7, head, merged)
    revs = s.history().documents["SM-P-01"].revisions
    return [r for r in revs if r.commit == merged], state(s)


def state(s) -> str:
    """Where SM-P-01 stands in ``register --format json``."""
    result = run(s.root, "register", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return {row["id"]: row["state"] for row in json.loads(result.stdout)}["SM-P-01"]


def shown(revs):
    return [(r.kind, r.path, r.removed, r.approved, r.evidence, codes(r)) for r in revs]


@pytest.mark.parametrize("copy", ["push", "approved"])
def test_evil_merge_removing_a_renamed_document_main_also_holds_is_not_approved(tmp_path, copy):
    revs, stands = evil_merge(tmp_path, copy)
    clean = [r for r in revs if r.removed and r.approved and not codes(r)]
    # today: one clean forge-signed withdrawal beside the flagged one, and the register
    # lists SM-P-01 as withdrawn
    assert (clean, stands) == ([], "effective"), (shown(revs), stands)


def test_control_without_the_copy_the_removal_is_flagged(tmp_path):
    revs, stands = evil_merge(tmp_path, None)
    assert revs
    assert [r for r in revs if r.approved and not codes(r)] == [], shown(revs)
    assert stands == "effective"
