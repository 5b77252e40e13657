"""The two gaps of round 120's hole the maintainers named as being fixed (brief of round
121): a forge's squash of a pull request whose head descends from the drafter's no-op-merged
draft (``_Deriver.squashed_authors`` reads ``merge-base..head``), and `doccontrol approve`
run by the drafter (``cli/approve.py`` holds ``main..branch`` to segregation of duties)."""

from __future__ import annotations

import pytest
from rt120_helpers import her_text_via_a_noop_merge
from rt121_helpers import DRAFTER, HER_TEXT, OLD, SOON, body

from forge_helpers import capture, github_scenario, keypair, pull_request, record, review

T1 = "2026-02-01T10:00:00Z"


def _squashed(tmp_path, noop: bool = True) -> tuple[object, str]:
    """刘静's V1.1 of SM-P-01 on branch ``draft``, taken back and merged as a no-op (without
    ``noop``: never merged). 赵磊's pull request #7 is built on her draft commit, adds one
    line and merges main (keeping his file); GitHub squashes it onto main, and the forge's
    K1-signed note records 刘静's and 王芳's approving reviews of its head. Returns the
    scenario and the squash."""
    k1, k1_pub = keypair(tmp_path, "forge")
    s = github_scenario(
        tmp_path, "  trusted_forge_keys: []\n", f'  trusted_forge_keys: ["{k1_pub}"]\n'
    )
    s.git.branch("draft")
    s.files.doc(version="V1.1", body=body(HER_TEXT), effective_date=SOON)
    draft = s.git.commit("起草", who=DRAFTER)
    if noop:
        s.git.run("checkout", "-q", "main", "--", OLD)
        s.git.commit("撤回草稿", who=DRAFTER)
        s.git.checkout("main")
        s.git.merge_message("Merge branch 'draft'\n\n草稿已撤回", "draft", who="zhaolei")
    s.git.branch("cr-7", draft)
    file = s.root / OLD
    file.write_text(
        file.read_text("utf-8").replace("适用范围的内容。", "适用范围：全公司。", 1), "utf-8"
    )
    s.git.commit("补充说明", who="zhaolei")
    if noop:
        s.git.attempt("merge", "-q", "--no-ff", "--no-commit", "main", who="zhaolei")
        s.git.run("checkout", "-q", "HEAD", "--", OLD)
        s.git.run("add", "-A")
        s.git.run("commit", "-q", "-m", "Merge main", who="zhaolei", date=s.git.next_date())
    head = s.git.head()
    s.git.checkout("main")
    s.git.run("merge", "--squash", "-q", "cr-7")
    s.git.run("commit", "-q", "-m", "补充说明 (#7)", who="zhaolei", date=s.git.next_date())
    squash = s.git.head()
    assert HER_TEXT in s.git.run("show", f"{squash}:{OLD}")
    items = [
        review(71, "liu-jing", "APPROVED", head, T1),
        review(72, "Wang-Fang", "APPROVED", head, T1),
    ]
    pull = pull_request(7, "补充说明", head, squash, "zhao-lei", "liu-jing")
    capture(s, record(tmp_path / "api7", pull, items), 7, "--sign-key", str(k1))
    return s, squash


def _verdict(s, squash: str) -> tuple[bool, list[str], list[str]]:
    event = {e.commit: e for e in s.history().events}[squash]
    return event.approved, sorted(a.name for a in event.authors), [p.code for p in event.problems]


def test_a_squash_of_a_branch_on_her_draft_is_still_hers(tmp_path):
    s, squash = _squashed(tmp_path)
    approved, authors, codes = _verdict(s, squash)
    # today: approved, 赵磊 its only writer, forge-api-signed
    assert not approved and "DC503" in codes, (approved, authors, codes)


def test_control_a_squash_of_her_draft_new_to_main(tmp_path):
    """The same pull request with her draft commit never merged before: it is in
    merge-base..head, so she is a writer of the squash (DC503)."""
    s, squash = _squashed(tmp_path, noop=False)
    approved, authors, codes = _verdict(s, squash)
    assert not approved and "DC503" in codes, (approved, authors, codes)


@pytest.mark.parametrize("kind", ["new", "old", "config"])
def test_approve_refuses_the_drafter_of_a_branch_on_her_draft(scenario, kind):
    with pytest.raises(AssertionError, match="segregation of duties"):
        her_text_via_a_noop_merge(scenario, kind, via="approve")
