"""Red team: clearing a suspect flag (change impact) without a real review, on real Git
histories and the real `doccontrol suspect` gate. Each test fails while the hole is open."""

from __future__ import annotations

import json

from history_helpers import body, cli

B = "docs/procedures/b.md"


def _suspect_after_approved_change(s):
    """SM-P-02 relates to SM-P-01 (both in the baseline); SM-P-01's text changes by an approval
    on 2026-02-10, so SM-P-02 is suspect."""
    s.files.doc(B, doc_id="SM-P-02", title="乙程序", extra="related: [SM-P-01]\n")
    s.git.commit("乙程序", date="2026-01-01T12:00:00+08:00")
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("新的目的。"), effective_date="2026-02-10")
    s.git.commit("修订 SM-P-01", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    s.git.merge("cr-1", "批准", date="2026-02-10T15:00:00+08:00")
    assert _suspects(s.root) == ["SM-P-02"]


def _suspects(root) -> list[str]:
    out = cli(root, "suspect", "--format", "json")
    assert out.returncode == 0, out.stderr
    return [s["id"] for s in json.loads(out.stdout) if s["kind"] == "document"]


def test_unapproved_commit_dropping_the_reference_clears_the_suspect(scenario):
    """赵磊 commits straight to main (no approval: DC501) a SM-P-02 without `related: [SM-P-01]`.
    The dependency is read from the work tree, so SM-P-02 is no longer suspect and the CI gate
    passes. Dependencies must be those of the approved version, so it stays suspect."""
    s = scenario
    _suspect_after_approved_change(s)
    s.files.doc(B, doc_id="SM-P-02", title="乙程序")
    s.git.commit("整理", who="zhaolei", date="2026-02-12T10:00:00+08:00")
    assert _suspects(s.root) == ["SM-P-02"]
    gate = cli(s.root, "suspect", "--fail-on", "suspect")
    assert gate.returncode == 1


def test_unapproved_status_change_to_obsolete_clears_the_suspect(scenario):
    """赵磊 commits straight to main SM-P-02 with `status: obsolete` (no approval). The suspect
    check reads the status from the work tree and drops SM-P-02, while the register still has
    it in force; an unapproved change must not take a document off the suspect list."""
    s = scenario
    _suspect_after_approved_change(s)
    s.files.doc(
        B, doc_id="SM-P-02", title="乙程序", status="obsolete", extra="related: [SM-P-01]\n"
    )
    s.git.commit("作废", who="zhaolei", date="2026-02-12T10:00:00+08:00")
    register = cli(s.root, "register", "--format", "json")
    row = next(r for r in json.loads(register.stdout) if r["id"] == "SM-P-02")
    assert row["state"] == "effective", row  # still in force: nobody approved its end
    assert _suspects(s.root) == ["SM-P-02"]


def test_unapproved_deletion_of_the_dependent_clears_the_suspect(scenario):
    """赵磊 deletes SM-P-02 by a direct commit on main (an unapproved withdrawal). SM-P-02 drops off
    the suspect list and the gate passes, though nobody approved its withdrawal; until an
    approval withdraws it, it stays suspect."""
    s = scenario
    _suspect_after_approved_change(s)
    (s.root / B).unlink()
    s.git.commit("删除", who="zhaolei", date="2026-02-12T10:00:00+08:00")
    assert _suspects(s.root) == ["SM-P-02"]
