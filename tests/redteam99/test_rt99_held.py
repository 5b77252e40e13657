"""Held attacks of round 99 (each passes)."""

from __future__ import annotations

import pytest
from rt93_helpers import forge_merge
from rt99_helpers import codes, signed_note, trusting

from history_helpers import body, make_scenario


@pytest.mark.parametrize(
    ("author", "co_author", "committer"),
    [
        ("刘静 <liujing@gmail.com>", None, "zhaolei"),  # her name, another address
        ("Liu Jing <liujing@gmail.com>", None, "zhaolei"),  # her id's reading
        ("赵磊 <zhao.lei@example.com>", "刘静 <liujing@gmail.com>", "zhaolei"),
        ("赵磊 <zhao.lei@example.com>", None, "liujing"),  # she amended it
    ],
    ids=["name-other-address", "pinyin", "co-author", "committer"],
)
def test_held_her_hand_in_a_squashed_pull_request_is_self_approval(
    tmp_path, author, co_author, committer
):
    """A squash GitHub made, approved by 刘静 in a signed record: her hand in the pull
    request's own commits (refs/pull/7/head in the clone), under any form the name rule
    knows, makes her approval DC503."""
    s, forge = trusting(tmp_path)
    s.git.branch("cr-7")
    s.files.doc(version="V1.1", body=body("修订。"))
    s.git.run("add", "-A")
    message = "变更" + (f"\n\nCo-authored-by: {co_author}" if co_author else "")
    s.git.run("commit", "-q", "-m", message, "--author", author, who=committer,
              date=s.git.next_date())  # fmt: skip
    head = s.git.head()
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    squash = s.git.commit("变更 7 (#7)", who="zhaolei")
    s.git.run("update-ref", "refs/pull/7/head", head)
    signed_note(s, tmp_path, forge, 7, head, squash)
    (rev,) = s.history().documents["SM-P-01"].revisions
    assert (rev.approved, codes(rev)) == (False, ["DC503"])


@pytest.mark.parametrize(
    "key", ["Co-authored-by :", "Co-authored-by\t:", "co-AUTHORED-by:", "Co-authored-by:  "]
)
def test_held_a_co_author_key_spelt_as_git_still_reads_it(tmp_path, key):
    """Spaces before the colon, another case, extra blanks: git reads each as Co-authored-by,
    and so does history (DC503 for the co-author who approves)."""
    s = make_scenario(tmp_path)
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("修订。"))
    s.git.run("add", "-A")
    s.git.run("commit", "-q", "-m", f"修订\n\n{key} 刘静 <liu.jing@example.com>", who="zhaolei",
              date=s.git.next_date())  # fmt: skip
    s.git.checkout("main")
    forge_merge(s)
    rev = s.history().documents["SM-P-01"].revisions[-1]
    assert (rev.approved, codes(rev)) == (False, ["DC503"])
