"""`approve` judges each path the branch's own diff (main...branch) names, reading main's and
the merge's versions *at that path*. When main moved the document after the branch left it,
git's merge carries the branch's edit to the new path: at the old path neither main nor the
merge holds anything (``ruling = old or new`` is None, the path is skipped), and the new path
is not in the branch's diff at all. A renumbering (or any edit) made that way is judged by no
roles and no version rule in `approve`; history judges it at the new path."""

from __future__ import annotations

import datetime

from rt24_helpers import (
    DOC_B,
    approve,
    forge_approved,
    head,
    register,
    trail_strict,
    two_doc_scenario,
)
from test_rt23_renumber_roles import _plan

Z = "docs/procedures/z.md"


def _moved_on_main(s, date=None):
    """周强's cr-m moves b.md to z.md (a pure rename), approved by 刘静 (on ``date``: one
    after an `approve`, which dates its merge now)."""
    s.git.branch("cr-m", "main")
    s.git.run("mv", DOC_B, Z)
    s.git.commit("cr-m: 改名", who="zhouqiang", date=date)
    s.git.checkout("main")
    # merged as a forge would (a pure move keeps the effective date line as it is; `approve`
    # would ask for a new date, and that line would then conflict with the branches below)
    forge_approved(s, "cr-m", date=date)
    code, out = trail_strict(s)
    assert code == 0, out


def test_a_renumbering_carried_to_a_path_main_moved_it_to_is_judged_by_approve(tmp_path):
    """赵磊's cr-t (from before the move) rewrites b.md as SM-PN-05, a plan (总经理 approves
    plans). 刘静 (管理者代表) runs `approve` after main moved b.md to z.md: git's merge puts
    the plan at z.md. Safe: `approve` refuses (刘静 lacks the plan's role), as it does when
    nothing moved (round 23), or the trail it leaves is clean."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-t", "main")
    (s.root / DOC_B).write_text(_plan("SM-PN-05"), "utf-8")
    s.git.commit("cr-t: 改为计划", who="zhaolei")
    s.git.checkout("main")
    _moved_on_main(s)
    result, merged = approve(s, "cr-t", "liujing", "wangfang")
    if merged:
        code, out = trail_strict(s)
        reg = register(s)
        assert code == 0, (
            "approve merged what the trail rejects:\n"
            + result.stdout
            + out[-1500:]
            + f"\nregister: SM-P-02 {reg.get('SM-P-02', {}).get('state')}, SM-PN-05 "
            + f"{reg.get('SM-PN-05', {}).get('state')}"
        )


def test_an_edit_carried_to_a_path_main_moved_it_to_needs_a_new_version(tmp_path):
    """赵磊's cr-e edits b.md's text without raising its version (V1.0). Main meanwhile moved
    b.md to z.md. Safe: `approve` refuses (not bumped), as it does when nothing moved."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-e", "main")
    text = (s.root / DOC_B).read_text("utf-8").replace("目的的内容（乙）。", "目的（改，未升版）。")
    (s.root / DOC_B).write_text(text, "utf-8")
    s.git.commit("cr-e: 改文字", who="zhaolei")
    s.git.checkout("main")
    _moved_on_main(s)
    result, merged = approve(s, "cr-e", "liujing", "wangfang")
    if merged:
        code, out = trail_strict(s)
        raise AssertionError(
            f"approve merged an edit without a new version (trail --strict rc={code}):\n"
            + result.stdout
            + out[-1500:]
            + head(s)
        )


def test_a_small_renumbering_carried_to_a_moved_path_is_judged_by_the_new_ids_roles(tmp_path):
    """SM-P-03 (V3.0, approver 总经理 in its own front matter) was withdrawn by 陈明远. 赵磊's
    cr-r changes only b.md's id line, SM-P-02 → SM-P-03 (V2.0), so git merges it cleanly onto
    z.md after main moved b.md there. 刘静 (管理者代表) runs `approve`. Safe: refused (SM-P-03
    needs 总经理, and V2.0 is below its V3.0), as round 23's fix refuses it when nothing
    moved."""
    from test_rt23_renumber_roles import _scenario_with_c, _withdrawn_c

    s = _scenario_with_c(tmp_path)
    _withdrawn_c(s)
    s.git.branch("cr-r", "main")
    text = (s.root / DOC_B).read_text("utf-8")
    text = text.replace("id: SM-P-02", "id: SM-P-03").replace("version: V1.0", "version: V2.0")
    (s.root / DOC_B).write_text(text, "utf-8")
    s.git.commit("cr-r: 改号", who="zhaolei")
    s.git.checkout("main")
    _moved_on_main(s, date=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"))
    result, merged = approve(s, "cr-r", "liujing", "wangfang")
    if merged:
        code, out = trail_strict(s)
        reg = register(s)
        raise AssertionError(
            f"approve merged the renumbering (trail --strict rc={code}):\n"
            + result.stdout
            + out[-1200:]
            + f"\nregister: SM-P-02 {reg.get('SM-P-02', {}).get('state')}, SM-P-03 "
            + f"{reg.get('SM-P-03', {}).get('state')}"
        )
