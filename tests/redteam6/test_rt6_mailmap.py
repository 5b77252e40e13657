"""approve reads the branch's authors with git log --format=%aE, which applies the work tree's
.mailmap: a .mailmap nobody approved (a direct commit, DC516, or just an untracked file in the
approver's work tree) turns the approver's own commits into someone else's. The trail maps
identities with the approved .mailmap only and calls the merge DC503."""

from __future__ import annotations

from history_helpers import make_scenario
from rules_attacks import own_branch, self_approve

MAP = "赵磊 <zhao.lei@example.com> <liu.jing@example.com>\n"


def test_direct_mailmap_change_does_not_hide_the_author(tmp_path):
    s = make_scenario(tmp_path)
    own_branch(s)
    s.files.write(".mailmap", MAP)
    s.git.commit("mailmap", who="liujing")  # DC516: not in force for the trail
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    assert "segregation of duties" in result.stdout


def test_untracked_mailmap_does_not_hide_the_author(tmp_path):
    s = make_scenario(tmp_path)
    own_branch(s)
    s.files.write(".mailmap", MAP)  # untracked: approve's clean-tree check ignores it
    result, merged = self_approve(s)
    assert not merged and result.returncode == 1, result.stdout + result.stderr
    assert "segregation of duties" in result.stdout
