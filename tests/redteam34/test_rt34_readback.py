"""`derive._read_back` asks `messages.may_name_request` of a single-parent commit: every
message from which `messages.merge_request` reads a request (a squash, once proven) must pass
it, or a squash of a tree out of Git's order counts without DC523."""

from __future__ import annotations

import pytest
from rt33_helpers import bumped_b, docs_last, git_out, scenario, trail_codes, trail_strict

from gitrepo import ident

TRUST = ("trusted_forge_keys: []", "trusted_forge_keys: []\n  trust_unsigned_squash: true")
EVIDENCE = f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}\n"

MESSAGES = {
    "gitea-odd-case": "修改 SM-P-02\n\n"
    + EVIDENCE
    + "REVIEWED-ON: https://git.example/it/sms/pulls/12\n",
    "gerrit-spaced": "修改 SM-P-02\n\n"
    + EVIDENCE
    + "Reviewed-On:   https://review.example/c/sms/+/12\n",
    "github-suffix-trailing-space": "修改 SM-P-02 (#12)\t \n\n" + EVIDENCE,
    "gitlab-ref-with-url": "修改 SM-P-02\n\nSee merge request it/sms!12 (https://gl.example/it/sms/-/merge_requests/12)\n\n"
    + EVIDENCE,
}


@pytest.mark.parametrize("shape", sorted(MESSAGES))
def test_a_squash_out_of_order_is_read_back_whatever_names_its_request(tmp_path, shape):
    """Round 33's squash (b.md bumped to V1.1, the root tree's `docs` after `schemas`), its
    merge request named in the message in the shape ``shape``. merge_request finds the request
    (a squash, trust_unsigned_squash), so may_name_request must too: DC523, not approved."""
    s = scenario(tmp_path, *TRUST)
    tree = docs_last(s, bumped_b(s, "cr-b"))
    sha = s.git.run(
        "commit-tree",
        tree,
        "-p",
        "main",
        "-m",
        MESSAGES[shape],
        who="zhaolei",
        date=s.git.next_date(),
    )
    git_out(s, "update-ref", "refs/heads/main", sha)
    git_out(s, "reset", "-q", "--hard", "main")
    code, out = trail_strict(s)
    assert "Squash merge" in out, "not taken as a squash at all (test set-up):\n" + out[-600:]
    assert "DC523" in trail_codes(s) and code == 1, out[-600:]
