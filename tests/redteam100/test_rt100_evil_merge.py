"""An evil merge: the merge's second and only other parent is the reviewed head (so round 99's
``brings_only`` holds), but the merge commit itself carries text neither parent has.

GitHub's reviews approved head H. 赵磊 (push access) merges H by hand with ``--no-commit``,
edits the document in the merge, commits and pushes; GitHub marks the pull request merged with
that commit as ``merge_commit_sha`` and the capture workflow signs a note naming it. The note
vouches for H; the text in force is not H's."""

from __future__ import annotations

import pytest
from rt99_helpers import codes, log_json, signed_note, trusting

from history_helpers import body

REVIEWED = "评审过的文本。"
EVIL = "评审过的文本。合并时另加一句无人评审的话。"


def reviewed_head(s):
    s.git.branch("cr-7")
    s.files.doc(version="V1.1", body=body(REVIEWED))
    return s.git.commit("变更 7", who="zhaolei")


def merge(s, evil):
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "-q", "cr-7", who="zhaolei")
    if evil:
        s.files.doc(version="V1.1", body=body(EVIL))
        s.git.run("add", "-A", who="zhaolei")
    s.git.run(
        "commit", "-q", "-m", "Merge pull request #7 from team/cr-7\n\n变更 7",
        who="zhaolei", date=s.git.next_date(),
    )  # fmt: skip
    return s.git.head()


SIGNED = ("require_signed: false", "require_signed: true")


def scenario(tmp_path, evil, signed=False):
    s, forge = trusting(tmp_path, *(SIGNED if signed else ()))
    head = reviewed_head(s)
    merged = merge(s, evil)
    assert s.git.run("rev-parse", f"{merged}^2") == head
    differs = s.git.run("diff", "--stat", head, merged)
    assert bool(differs) == evil, differs  # the merge's tree is the head's, or not
    signed_note(s, tmp_path, forge, 7, head, merged)
    (rev,) = s.history().documents["SM-P-01"].revisions
    (shown,) = log_json(s)["documents"][0]["revisions"]
    return s, rev, shown


@pytest.mark.parametrize("signed", [False, True], ids=["plain", "require-signed"])
def test_evil_merge_text_is_not_approved_by_the_note(tmp_path, signed):
    _, rev, shown = scenario(tmp_path, evil=True, signed=signed)
    flagged = (
        not rev.approved or bool(codes(rev)),
        shown["approved"] is False or bool(shown["problems"]),
    )
    assert flagged == (True, True), (rev.approved, rev.evidence, codes(rev))


@pytest.mark.parametrize("signed", [False, True], ids=["plain", "require-signed"])
def test_control_clean_merge_of_the_head_approves(tmp_path, signed):
    _, rev, shown = scenario(tmp_path, evil=False, signed=signed)
    assert (rev.approved, rev.evidence, codes(rev)) == (True, "forge-api-signed", [])
    assert (shown["approved"], shown["problems"]) == (True, [])


def squash(s, text):
    """A squash result on main (``(#7)``) whose tree is ``text``, not necessarily the head's."""
    s.git.checkout("main")
    s.files.doc(version="V1.1", body=body(text))
    return s.git.commit("变更 7 (#7)", who="zhaolei")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            EVIL,
            id="squash-other-text",
        ),
        pytest.param(REVIEWED, id="control-squash-of-the-head"),
    ],
)
def test_squash_text_is_the_reviewed_heads(tmp_path, text):
    s, forge = trusting(tmp_path)
    head = reviewed_head(s)
    merged = squash(s, text)
    signed_note(s, tmp_path, forge, 7, head, merged)
    (rev,) = s.history().documents["SM-P-01"].revisions
    (shown,) = log_json(s)["documents"][0]["revisions"]
    # the right answer: approved only where the squash brings the head's text
    clean = rev.approved and not codes(rev) and shown["approved"] and not shown["problems"]
    assert clean == (text == REVIEWED), (rev.approved, rev.evidence, codes(rev))
