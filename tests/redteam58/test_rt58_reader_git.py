"""Round 58, question 3: what a reader's git configuration still changes in what history reads.
Session 26 pins ``core.commentChar`` and ``trailer.separators`` for ``%(trailers)``, but git's
trailer parser also reads ``trailer.<token>.key``: a paragraph that is only partly trailers
(at least a quarter) counts as the trailer block when one of its lines starts with a
*configured* token (or a git-generated one, ``Signed-off-by:``). A reader who configured
``trailer.approved.key = Approved-by`` (as ``git interpret-trailers`` users do) reads typed
approvals that CI does not. Closed in session 27: history reads trailers from the message
itself (trailer_block), with git's defaults whatever the reader configured."""

from __future__ import annotations

import pytest
from rt57_helpers import git_config

from history_helpers import make_scenario


def _mixed_merge(s) -> str:
    """A merge whose last paragraph holds two trailers and two lines of prose."""
    s.git.branch("cr-1")
    s.files.doc(version="V1.1")
    s.git.commit("变更", who="zhaolei")
    s.git.checkout("main")
    return s.git.merge_message(
        "Merge branch 'cr-1' into 'main'\n\n变更\n\nSee merge request it/sms!1\n\n"
        "Approved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>\n"
        "另见变更单 CR-2026-001\n评审记录见附件",
        "cr-1",
    )


@pytest.mark.parametrize("configured", [None, "Approved-by"])
def test_reader_trailer_key_changes_which_trailers_history_reads(tmp_path, configured):
    s = make_scenario(tmp_path)
    merged = _mixed_merge(s)
    if configured:
        git_config(s.root, ("trailer.approved.key", configured))
    got = {e.commit: e.approved for e in s.history().events}[merged]
    assert not got, (
        f"with trailer.approved.key={configured!r} git's parser recognises the mixed last "
        "paragraph as the trailer block, so the typed trailers count and the merge is approved "
        "on this reader only (CI, with no trailer.* set, reads none)"
    )
