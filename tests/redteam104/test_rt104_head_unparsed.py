"""An evil merge that deletes a document the reviewed head renamed *and* left with front matter
``head_holds`` cannot parse: the reviews approve a withdrawal nobody saw.

GitHub's reviews approved head H, which renames SM-P-01 (``git mv test.md 01-test.md``) and, in
the same commit, writes its front matter so that ``_parse_blob`` reads no mapping from it: a
YAML flow left open (``title: [未闭合 …``), a tab before a key, or the ``id`` key written twice.
The body, the whole text of the procedure, is unchanged. 赵磊 (push access) merges H by hand with
``--no-commit``, removes ``01-test.md`` in the merge commit itself, and pushes; the signed note
names the merge. ``off_head`` (round 101) finds no file at the old path in the head, and
``head_holds`` (round 102) looks for a file whose parsed ``id`` is SM-P-01: the head's file has
no parsed front matter, so it "holds" nothing, and the merge shows as a clean, signed,
forge-approved withdrawal of SM-P-01. With the front matter left readable (control, round 102's
fix) the same merge is flagged."""

from __future__ import annotations

import pytest
from rt99_helpers import codes, signed_note, trusting

DOC = "docs/procedures/test.md"
NEW = "docs/procedures/01-test.md"

EDITS = {
    "open-flow": lambda t: t.replace("title: ", "title: [未闭合 ", 1),
    "tab": lambda t: t.replace("title: ", "\ttitle: ", 1),
    "id-twice": lambda t: t.replace("id: SM-P-01", "id: SM-P-01\nid: SM-P-01", 1),
    "as-is": lambda t: t,
}


def merged_revisions(tmp_path, edit: str):
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    s.git.run("mv", DOC, NEW, who="zhaolei")
    path = s.root / NEW
    before = path.read_text("utf-8")
    path.write_text(EDITS[edit](before), "utf-8")
    assert before.split("\n---\n", 1)[1] == path.read_text("utf-8").split("\n---\n", 1)[1]
    head = s.git.commit("变更 7", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "-q", "cr-7", who="zhaolei")
    s.git.run("rm", "-q", "-f", NEW, who="zhaolei")  # the evil part: not in the reviewed head
    s.git.run("commit", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
              who="zhaolei", date=s.git.next_date())  # fmt: skip
    merged = s.git.head()
    signed_note(s, tmp_path, forge, 7, head, merged)
    return [r for r in s.history().documents["SM-P-01"].revisions if r.commit == merged]


@pytest.mark.parametrize("edit", ["open-flow", "tab", "id-twice"])
def test_evil_merge_removing_a_renamed_unparsed_document_is_not_approved(tmp_path, edit):
    revs = merged_revisions(tmp_path, edit)
    clean = [r for r in revs if r.approved and not codes(r)]
    assert clean == [], [(r.kind, r.removed, r.approved, r.evidence, codes(r)) for r in revs]


def test_control_the_same_merge_with_readable_front_matter_is_flagged(tmp_path):
    revs = merged_revisions(tmp_path, "as-is")
    clean = [r for r in revs if r.approved and not codes(r)]
    assert clean == [], [(r.kind, r.removed, r.approved, r.evidence, codes(r)) for r in revs]
