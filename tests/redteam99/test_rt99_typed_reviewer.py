"""A review the merger typed, carried by the strength of GitHub's signed record.

GitHub's signed note holds 刘静's approving review only. 赵磊, who merges (a squash in GitHub's
UI, whose message the merger edits, or a merge), types ``Reviewed-by: 王芳`` into the message.
王芳 never reviewed. The approval counts her review and shows the event's evidence as
``forge-api-signed`` ("Forge review record (signed)"), with and without ``require_signed``.
The README's rule for typed *approvers* (derive._vouched_by_forge; "shown as unsigned
evidence, never with the note's strength", DC509 under require_signed) is not applied to
typed reviewers."""

from __future__ import annotations

import pytest
from rt99_helpers import codes, log_json, pack_trail, signed_note, trusting

from gitrepo import ident
from history_helpers import body

SIGNED = ("require_signed: false", "require_signed: true")


def typed_review(tmp_path, squash, edits, reviewers=("liu-jing",)):
    s, forge = trusting(tmp_path, *edits)
    s.git.branch("cr-7")
    s.files.doc(version="V1.1", body=body("修订。"))
    head = s.git.commit("变更", who="zhaolei")
    s.git.checkout("main")
    typed = f"Reviewed-by: {ident('wangfang')}"
    if squash:  # GitHub's squash commit, its message edited by the merger
        s.git.run("merge", "--squash", "-q", "cr-7")
        merged = s.git.commit(f"变更 7 (#7)\n\n{typed}", who="zhaolei")
    else:
        s.git.run(
            "merge", "--no-ff", "-q", "-m", f"Merge pull request #7 from team/cr-7\n\n{typed}",
            "cr-7", who="zhaolei", date=s.git.next_date(),
        )  # fmt: skip
        merged = s.git.head()
    signed_note(s, tmp_path, forge, 7, head, merged, reviewers=reviewers)
    return s, merged


CASES = [
    pytest.param(True, (), id="squash"),
    pytest.param(False, (), id="merge"),
    pytest.param(True, SIGNED, id="squash-require-signed"),
    pytest.param(False, SIGNED, id="merge-require-signed"),
]


@pytest.mark.parametrize(("squash", "edits"), CASES)
def test_a_typed_review_is_not_shown_as_the_forges_signed_record(tmp_path, squash, edits):
    s, merged = typed_review(tmp_path, squash, edits)
    (rev,) = s.history().documents["SM-P-01"].revisions
    (shown,) = log_json(s)["documents"][0]["revisions"]
    packed = [e for e in pack_trail(s, tmp_path) if e.get("commit") == merged]

    def clean_and_signed(approved, evidence, problems):
        return approved is True and evidence == "forge-api-signed" and not problems

    assert (
        clean_and_signed(rev.approved, rev.evidence, codes(rev)),
        clean_and_signed(shown["approved"], shown["evidence"], shown["problems"]),
        bool(packed)
        and clean_and_signed(
            packed[0]["approved"], packed[0].get("evidence"), packed[0]["problems"]
        ),
    ) == (False, False, False), (rev.evidence, [a.name for a in rev.reviewers], packed)


@pytest.mark.parametrize(("squash", "edits"), CASES)
def test_control_a_review_github_recorded_is_the_signed_record(tmp_path, squash, edits):
    s, _ = typed_review(tmp_path, squash, edits, reviewers=("liu-jing", "wang-fang"))
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.evidence, codes(rev)) == (True, "forge-api-signed", [])


def test_control_a_typed_approver_is_shown_unsigned(tmp_path):
    """The rule the README states for an approver the merger typed (no require_signed)."""
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    s.files.doc(version="V1.1", body=body("修订。"))
    head = s.git.commit("变更", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    merged = s.git.commit(f"变更 7 (#7)\n\nApproved-by: {ident('liujing')}", who="zhaolei")
    signed_note(s, tmp_path, forge, 7, head, merged, reviewers=("wang-fang",))
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.evidence) == (True, "unsigned")
