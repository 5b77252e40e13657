"""Renumbering (5a87fbe): a path whose front matter takes another id withdraws the old id
and gives the new one its first revision there. `approve` judges each changed path by the
document main held there (``ruling = old or new``: the OLD id's roles and version), while the
history walk judges the NEW id by its own standing: its type's default roles when it was never
approved, or, when the number belonged to a document withdrawn earlier, that document's last
approved front matter (roles) and version. Where the two differ, `approve` merges a change the
trail then rejects (or the reverse)."""

from __future__ import annotations

from rt23_helpers import (
    DOC_B,
    SOON,
    approve,
    bump_at,
    check,
    head,
    recorded,
    register,
    state_of,
    trail_strict,
    two_doc_scenario,
)

from builders import (
    TODAY,  # a renumbered version takes effect when approved (session 19)
    procedure,
)

C = "docs/procedures/c.md"


def _plan(doc_id, version="V2.0"):
    """A valid plan (type plan: default approver general-manager) with SM-P-02's purpose."""
    body = "".join(
        f"## {n} {s}\n\n{s}的内容（乙）。\n\n"
        for n, s in enumerate(["目的和适用范围", "职责", "相关文件"], 1)
    )
    front = (
        f"id: {doc_id}\ntitle: 第二程序\ntype: plan\nversion: {version}\nstatus: effective\n"
        "control: controlled\nconfidentiality: internal\nowner: qa\n"
        "author: [management-representative]\nreviewer: [qa-manager]\napprover: [general-manager]\n"
        f"effective_date: {SOON}\nreview_interval_months: 12\nclauses: ['7.5.3']\n"
        "distribution: [qa]\n"
    )
    return f"---\n{front}---\n{body}"


def test_a_renumbering_into_another_type_is_judged_by_approve_as_the_trail_judges_it(tmp_path):
    """SM-P-02 (procedure, approver 管理者代表) at b.md is renumbered in place to SM-PN-05, a
    plan (type default approver 总经理). 刘静 (管理者代表, not 总经理) runs `approve`.
    History judges SM-PN-05, never approved, by the plan type's default roles: 刘静 lacks
    them (DC502). `approve` judges b.md by SM-P-02's roles only (the old id at that path).
    Safe: `approve` refuses, or the trail it leaves is clean (they agree)."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-t", "main")
    (s.root / DOC_B).write_text(_plan("SM-PN-05"), "utf-8")
    s.git.commit("cr-t: 改为计划", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-t", "liujing", "wangfang")
    if merged:
        code, out = trail_strict(s)
        assert code == 0, "approve merged what the trail rejects:\n" + result.stdout + out


def _withdrawn_c(s):
    """SM-P-03 at c.md (V3.0, approver 总经理 in its own front matter), imported before
    control, then withdrawn by an approval of 陈明远 (总经理)."""
    s.git.branch("cr-w", "main")
    (s.root / C).unlink()
    s.git.commit("cr-w: 废止 SM-P-03", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-w", "chenmy", "wangfang")
    assert merged, result.stdout + result.stderr
    assert state_of(s, "SM-P-03").withdrawn


def _scenario_with_c(tmp_path):
    from builders import RepoBuilder
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        DOC_B, procedure(doc_id="SM-P-02", title="第二程序").replace("的内容。", "的内容（乙）。")
    )
    builder.write(
        C,
        procedure(doc_id="SM-P-03", title="旧程序", version="V3.0")
        .replace("approver: [management-representative]", "approver: [general-manager]")
        .replace("的内容。", "的内容（丙）。"),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def test_a_renumbering_onto_a_withdrawn_number_is_judged_by_that_documents_roles(tmp_path):
    """SM-P-03 (approver 总经理) was withdrawn by 陈明远. 赵磊's cr-r renumbers b.md from SM-P-02
    to SM-P-03 (V2.0). 刘静 (管理者代表) approves. History revives SM-P-03 and judges the
    revision by SM-P-03's last approved front matter (总经理: DC502) and its version (V3.0:
    V2.0 goes down, DC510); `approve` judged b.md by SM-P-02's roles and version only.
    Safe: `approve` refuses, or the trail is clean afterwards."""
    s = _scenario_with_c(tmp_path)
    _withdrawn_c(s)
    s.git.branch("cr-r", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-r: 启用旧编号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-r", "liujing", "wangfang")
    if merged:
        code, out = trail_strict(s)
        assert code == 0, (
            "approve merged what the trail rejects:\n"
            + result.stdout
            + out
            + repr(recorded(s, head(s)))
        )


def test_held_a_new_file_reusing_a_withdrawn_number_is_judged_by_that_documents_roles(tmp_path):
    """Control: the same number reused by a NEW file (c2.md, SM-P-03, V4.0): `approve` looks
    the id up in history (``_approved_roles``) and refuses 刘静 (SM-P-03 needs 总经理)."""
    s = _scenario_with_c(tmp_path)
    _withdrawn_c(s)
    s.git.branch("cr-n", "main")
    s.files.write(
        "docs/procedures/c2.md",
        procedure(doc_id="SM-P-03", title="新程序", version="V4.0", effective_date=SOON),
    )
    s.git.commit("cr-n: 新程序", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-n", "liujing", "wangfang")
    assert not merged, result.stdout
    assert check(s)[0] == 0


def test_after_an_approved_renumbering_register_and_check_agree(tmp_path):
    """A plain approved renumbering SM-P-02 → SM-P-03 at b.md: `register` lists SM-P-03 (not
    SM-P-02) as current, `check` passes and `trail --strict` is clean."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-r", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-r: 改号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-r", "liujing", "wangfang", "--effective", TODAY)
    assert merged, result.stdout + result.stderr
    assert ("SM-P-02", "withdrawal", True) in recorded(s, head(s))
    reg = register(s)
    assert reg["SM-P-02"]["state"] == "withdrawn", reg["SM-P-02"]
    assert reg["SM-P-03"]["state"] in ("effective", "pending"), reg["SM-P-03"]
    assert check(s)[0] == 0
    assert trail_strict(s)[0] == 0


def test_a_renumbering_onto_a_withdrawn_number_needs_a_higher_version_than_its_last(tmp_path):
    """Session 19: with the right approver (陈明远, 总经理), a file renumbered onto SM-P-03,
    withdrawn at V3.0, is refused at V2.0: history compares the version with SM-P-03's last
    approved one (DC510), and so does `approve` now."""
    s = _scenario_with_c(tmp_path)
    _withdrawn_c(s)
    s.git.branch("cr-r", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-r: 启用旧编号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-r", "chenmy", "wangfang")
    assert not merged, result.stdout
    assert "V3.0" in result.stdout + result.stderr, result.stdout + result.stderr
