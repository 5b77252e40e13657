"""The deletion branch of ``_Deriver.apply()`` (commit 8c7cbe5) no longer withdraws a
document when the deleted path is not the document's current ``state.path`` and another path
in ``path_to_id`` still claims its id: meant for a move git did not pair as a rename within
one commit. It asks nothing about *when* that other path began to claim the id, so a second
file claiming the id, added in any earlier commit, makes every later deletion of the real
file a silent no-op: no revision, no event — neither an approved withdrawal nor a pushed
deletion's DC501. A hidden file (``docs/…/.name.md``) is such a second file that `check`
(DC201, duplicate id) and `approve` never see: the loader skips dotfiles, the walk does not."""

from __future__ import annotations

from rt21_helpers import (
    DOC_B,
    approve,
    event_docs,
    events_of,
    forge_approved,
    git,
    head,
    hidden_copy,
    state_of,
    two_doc_scenario,
)


def _check_output(s):
    from rt14_helpers import cli_env

    return cli_env(s.root, {}, "check").stdout


def test_an_approved_withdrawal_is_recorded_though_a_hidden_copy_claims_the_id(tmp_path):
    """FINDING (an approved withdrawal does not count, fresh). Steps: main holds SM-P-01
    (test.md) and SM-P-02 (b.md). 赵磊's cr-x adds docs/procedures/.keep.md, a copy of
    SM-P-02 with its id ("an archive copy"); `approve` merges it (`check`: no problem — the
    loader skips dotfiles; the trail records a review of SM-P-02 V1.0 and moves SM-P-02's
    path to .keep.md). Later 周强's cr-w withdraws SM-P-02 (b.md deleted); `approve` merges it
    ("Documents changed: SM-P-02 (deleted)").
    What happened: the trail has **no event at all** for the approved withdrawal, and the
    derived SM-P-02 is not withdrawn (in force at .keep.md, a file the site never shows).
    ``apply()`` pops b.md, sees ``state.path`` (.keep.md) differ from b.md and SM-P-02 still
    a value of ``path_to_id``, and returns (None, None) — the same-commit-move rule applied
    to a copy made long before.
    Why it matters: an approved withdrawal is missing from the trail; the obsolete procedure
    stays "in force" for the history (DC522 then judges later merges against .keep.md, so a
    stale branch's edit of b.md taken in a modify/delete conflict brings it back with no
    problem). Before 8c7cbe5 the deletion withdrew it.
    Safe behaviour: the approved merge is an event recording SM-P-02's withdrawal (a
    deletion is skipped only where the *same commit* placed the document at another path,
    or the hidden copy is no document / is a DC201 duplicate)."""
    s = two_doc_scenario(tmp_path)
    mx = hidden_copy(s)
    assert event_docs(s, mx) == ([("SM-P-02", "V1.0", "review")], True)
    assert "DC025" in _check_output(s)  # since session 19, check reads and reports the copy
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    mw = forge_approved(s, "cr-w")  # approve would refuse: the copy is still DC025
    assert not (s.root / DOC_B).exists()
    recorded = [(d["id"], d["kind"]) for e in events_of(s, mw) for d in e["documents"]]
    withdrawn = state_of(s, "SM-P-02").withdrawn
    assert (recorded, withdrawn) == ([("SM-P-02", "withdrawal")], True), (recorded, withdrawn)


def test_a_pushed_deletion_is_flagged_though_a_hidden_copy_claims_the_id(tmp_path):
    """FINDING (an unapproved change of a controlled document the trail does not notice).
    Steps: as above, the hidden copy .keep.md of SM-P-02 approved through cr-x. Then 赵磊
    (push access) pushes a commit straight to main deleting b.md — SM-P-02's page, as
    `check` and the site know it.
    What happened: the trail has no event for the push: no DC501, no revision; SM-P-02 is
    in force as before.
    Why it matters: any direct push changing a document is DC501; this one removes an
    in-force procedure from the site with nothing in the trail (and `trail --strict`
    passes).
    Safe behaviour: DC501 on the push (an unapproved withdrawal of SM-P-02)."""
    s = two_doc_scenario(tmp_path)
    hidden_copy(s)
    (s.root / DOC_B).unlink()
    s.git.commit("删除 b.md", who="zhaolei")
    d = head(s)
    assert git(s, "diff", "--name-status", "HEAD^", "HEAD").stdout.split() == ["D", DOC_B]
    codes = sorted({p["code"] for e in events_of(s, d) for p in e["problems"]})
    assert "DC501" in codes, codes


def test_held_a_deletion_with_no_other_claimant_withdraws(tmp_path):
    """HELD (control). With no hidden copy, the same approved cr-w is an event recording
    SM-P-02's withdrawal, and SM-P-02 is withdrawn."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-w", "main")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-w: 废止 SM-P-02", who="zhouqiang")
    s.git.checkout("main")
    result, merged = approve(s, "cr-w", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    mw = head(s)
    recorded = [(d["id"], d["kind"]) for e in events_of(s, mw) for d in e["documents"]]
    assert recorded == [("SM-P-02", "withdrawal")] and state_of(s, "SM-P-02").withdrawn
