"""A merge that brings in more than the head GitHub's reviews approved.

The signed note says pull request #7's final head was H and that 刘静 and 王芳 approved H. The
merge commit it is attached to brings in H *and* a commit after it (or beside it, as an
octopus's third parent) that 赵磊 wrote and nobody reviewed. forge_notes.judge compares each
review's commit with the note's ``head.sha``, but nothing compares ``head.sha`` with what the
merge brought in, so the unreviewed text is in force as approved by 刘静 (forge-api-signed)."""

from __future__ import annotations

import pytest
from rt99_helpers import codes, log_json, pack_trail, signed_note, trusting

from history_helpers import body

REVIEWED = "评审过的文本。"
UNREVIEWED = "评审过的文本。另加一句无人评审的话。"


def reviewed_head(s):
    s.git.branch("cr-7")
    s.files.doc(version="V1.1", body=body(REVIEWED))
    return s.git.commit("变更 7", who="zhaolei")


def merge_as_pr(s, *branches):
    s.git.checkout("main")
    s.git.run(
        "merge", "--no-ff", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
        *branches, who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    return s.git.head()


def beyond(s):
    """赵磊's commit on top of the reviewed head, merged in its place."""
    head = reviewed_head(s)
    s.git.branch("cr-7x")
    s.files.doc(version="V1.1", body=body(UNREVIEWED))
    s.git.commit("再改", who="zhaolei")
    return head, merge_as_pr(s, "cr-7x"), "SM-P-01"


def beside(s):
    """An octopus: the reviewed head, and beside it 赵磊's branch adding SM-P-02 (draft-free,
    effective), which pull request #7 never held."""
    s.git.branch("other")
    s.files.doc("docs/procedures/other.md", doc_id="SM-P-02", title="另一程序", version="V1.0",
                body=body("无人评审的新程序。"))  # fmt: skip
    s.git.commit("新程序", who="zhaolei")
    s.git.checkout("main")
    head = reviewed_head(s)
    return head, merge_as_pr(s, "cr-7", "other"), "SM-P-02"


@pytest.mark.parametrize("shape", [beyond, beside], ids=["after-the-head", "octopus-beside"])
def test_text_nobody_reviewed_is_not_approved_by_the_note(tmp_path, shape):
    s, forge = trusting(tmp_path)
    head, merged, doc = shape(s)
    signed_note(s, tmp_path, forge, 7, head, merged)
    (rev,) = s.history().documents[doc].revisions
    (shown,) = log_json(s, doc)["documents"][0]["revisions"]
    packed = [e for e in pack_trail(s, tmp_path) if e.get("commit") == merged]
    flagged = (
        shown["approved"] is False or bool(shown["problems"]),
        bool(packed) and (packed[0]["approved"] is False or bool(packed[0]["problems"])),
        not rev.approved or bool(codes(rev)),
    )
    # log --format json, the audit pack's history/trail.json, the engine
    assert flagged == (True, True, True), (rev.approved, rev.evidence, packed)


def test_control_the_reviewed_head_merged_as_it_is_approves(tmp_path):
    s, forge = trusting(tmp_path)
    head = reviewed_head(s)
    merged = merge_as_pr(s, "cr-7")
    signed_note(s, tmp_path, forge, 7, head, merged)
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.evidence, codes(rev)) == (True, "forge-api-signed", [])
    (shown,) = log_json(s)["documents"][0]["revisions"]
    assert (shown["approved"], shown["problems"]) == (True, [])
