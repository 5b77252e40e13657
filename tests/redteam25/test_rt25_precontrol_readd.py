"""Session 19: a document deleted before control began stands withdrawn in the baseline (a
baseline of kind "withdrawal"). Its id re-added after control began: `approve` reads the id's
"last approved" text from the withdrawal's commit (which no longer holds the file), finds
nothing, and judges the re-added file as a new document (no version rule, its type's default
roles). Does history judge it the same way?"""

from __future__ import annotations

from rt24_helpers import SOON, approve, check, head, register, trail_strict

from builders import procedure

C = "docs/procedures/c.md"
C2 = "docs/procedures/c2.md"
PRE = "2026-01-01T15:00:00+08:00"  # before control began (control_since: 2026-01-02)
GM = ("approver: [management-representative]", "approver: [general-manager]")


def _withdrawn_before_control(tmp_path, text):
    """SM-P-06 (``text``) imported, then deleted before control began."""
    from builders import RepoBuilder
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(C, text)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    (s.root / C).unlink()
    s.git.commit("控制前删除", who="wangfang", date=PRE)
    assert trail_strict(s)[0] == 0
    return s


def _readd(s, text):
    s.git.branch("cr-a", "main")
    s.files.write(C2, text)
    s.git.commit("cr-a: 恢复 SM-P-06", who="zhaolei")
    s.git.checkout("main")
    return approve(s, "cr-a", "liujing", "wangfang")


def _agree(s, result, merged):
    if not merged:
        return
    code, out = trail_strict(s)
    checked = check(s)[0]
    reg = register(s).get("SM-P-06", {})
    assert code == 0, (
        "approve merged what trail --strict rejects:\n"
        + result.stdout
        + out[-1200:]
        + f"\ncheck rc={checked}; register SM-P-06: {reg.get('state')} {reg.get('version')}"
        + head(s)
    )


def test_a_readded_id_withdrawn_before_control_keeps_its_approvers(tmp_path):
    """SM-P-06 was approved by 总经理 (its front matter) and deleted before control began.
    赵磊 re-adds SM-P-06 (V2.0) naming 管理者代表 as approver; 刘静 (管理者代表) runs
    `approve`. Safe: approve and the trail agree on whose role the re-added id needs."""
    s = _withdrawn_before_control(tmp_path, procedure(doc_id="SM-P-06").replace(*GM))
    result, merged = _readd(
        s, procedure(doc_id="SM-P-06", version="V2.0", effective_date=SOON, title="恢复")
    )
    _agree(s, result, merged)


def test_a_readded_id_withdrawn_before_control_needs_a_higher_version(tmp_path):
    """SM-P-06 V3.0 deleted before control began; 赵磊 re-adds SM-P-06 as V1.0 with other
    text. Safe: approve and the trail agree (both take it as new, or both ask for a version
    above V3.0)."""
    s = _withdrawn_before_control(tmp_path, procedure(doc_id="SM-P-06", version="V3.0"))
    text = procedure(doc_id="SM-P-06", version="V1.0", effective_date=SOON, title="恢复")
    result, merged = _readd(s, text.replace("目的的内容。", "另一个目的。"))
    _agree(s, result, merged)
