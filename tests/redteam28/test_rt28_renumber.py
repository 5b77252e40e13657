"""Session 20's DC520 `renumber-later` and `approve`'s `cli.approve.renumber-later`: an
in-place renumbering withdraws the old id at the merge; a new id that takes effect later
leaves nothing in force in between."""

from __future__ import annotations

import re

from rt24_helpers import DOC_B, events_of, head
from rt28_helpers import SOON, approve, register, trail_strict, two_doc_scenario


def _renumber(s, branch, new_path=DOC_B, version=None):
    """赵磊's ``branch`` makes b.md's SM-P-02 the procedure SM-P-03, effective SOON (at
    ``new_path``; ``version``, else the version kept)."""
    s.git.branch(branch, "main")
    text = (s.root / DOC_B).read_text(encoding="utf-8").replace("id: SM-P-02", "id: SM-P-03")
    text = re.sub(r"effective_date: \S+", f"effective_date: {SOON}", text, count=1)
    if version:
        text = text.replace("version: V1.0", f"version: {version}")
    if new_path != DOC_B:
        (s.root / DOC_B).unlink()
    (s.root / new_path).write_text(text, encoding="utf-8")
    s.git.commit(f"{branch}: 改号", who="zhaolei")
    s.git.checkout("main")


def test_approve_refuses_a_renumbering_that_keeps_its_version_and_starts_later(tmp_path):
    """SM-P-02 V1.0 → SM-P-03 V1.0 in place (the version number kept, a new id starts at
    V1.0), effective in 30 days. Safe: `approve` refuses it as it refuses the same with V2.0
    (rt24), and nothing is left withdrawn with its successor pending."""
    s = two_doc_scenario(tmp_path)
    _renumber(s, "cr-r")
    result, merged = approve(s, "cr-r", "liujing", "wangfang")
    reg = register(s)
    code, out = trail_strict(s)
    assert not merged, (
        "approve merged a renumbering that starts later (the version kept):\n"
        + result.stdout
        + f"\nregister: SM-P-02 {reg['SM-P-02']['state']}, SM-P-03 {reg['SM-P-03']['state']}"
        + f"\ntrail --strict rc={code}:\n{out[-600:]}"
    )
    assert "SM-P-02 is renumbered SM-P-03" in result.stdout, result.stdout


def test_a_renumbering_moved_to_another_file_that_starts_later(tmp_path):
    """SM-P-02 V1.0 at b.md → SM-P-03 V2.0 at b2.md (git pairs them as a rename), effective
    in 30 days. Decided in round 25 (kept in session 20): a renumbering that moves the file is
    shown to the approver as the old number withdrawn and the new one added, and may leave the
    gap the organisation chose; the approver is told both, and the register says so."""
    s = two_doc_scenario(tmp_path)
    _renumber(s, "cr-mv", new_path="docs/procedures/b2.md", version="V2.0")
    result, merged = approve(s, "cr-mv", "liujing", "wangfang")
    assert merged, result.stdout
    assert "SM-P-02 (deleted), SM-P-03 (added)" in result.stdout, result.stdout
    reg = register(s)
    assert (reg["SM-P-02"]["state"], reg["SM-P-03"]["state"]) == ("withdrawn", "pending"), reg
    [event] = events_of(s, head(s))
    assert sorted(d["id"] for d in event["documents"]) == ["SM-P-02", "SM-P-03"], event
