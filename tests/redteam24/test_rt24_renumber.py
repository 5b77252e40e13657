"""Renumbering since round 23 (dad3e74): a renumbered-away id is withdrawn in the event that
renumbers it, and the withdrawal counts only when the renumbering change's revision counted.
Chains, two renumberings in one commit (one counting, one not), a renumbering with the
deletion of the file that held the new id, and a renumbering before control began."""

from __future__ import annotations

from rt23_helpers import state_of
from rt24_helpers import (
    DOC,
    DOC_B,
    approve,
    bump_at,
    check,
    forge_approved,
    head,
    register,
    trail_strict,
    two_doc_scenario,
)
from test_rt23_renumber_roles import _plan


def _approve_ok(s, name):
    # session 19: a renumbered version takes effect on the day it is approved
    from builders import TODAY

    result, merged = approve(s, name, "liujing", "wangfang", "--effective", TODAY)
    assert merged, result.stdout + result.stderr
    return head(s)


def _agree(s):
    """`check` and `trail --strict` both clean."""
    code, out = check(s)
    assert code == 0, out
    code, out = trail_strict(s)
    assert code == 0, out


C = "docs/procedures/c.md"


def _three_docs(tmp_path):
    """two_doc_scenario plus SM-P-06 at c.md, all imported before control began."""
    from builders import RepoBuilder, procedure
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        DOC_B, procedure(doc_id="SM-P-02", title="第二程序").replace("的内容。", "的内容（乙）。")
    )
    builder.write(C, procedure(doc_id="SM-P-06", title="第六程序").replace("的内容。", "（丙）。"))
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def _last(s, doc_id):
    """(kind, approved, codes) of ``doc_id``'s last revision."""
    r = state_of(s, doc_id).revisions[-1]
    return r.kind, r.approved, sorted(p.code for p in r.problems)


def test_held_a_chain_of_renumberings_in_one_commit(tmp_path):
    """One branch: c.md SM-P-06 → SM-P-02 (V2.0, above SM-P-02's V1.0) and b.md SM-P-02 →
    SM-P-03. `approve` merges; SM-P-06 withdrawn, SM-P-02 at c.md, SM-P-03 at b.md;
    register, check and trail agree."""
    s = _three_docs(tmp_path)
    s.git.branch("cr-c", "main")
    bump_at(s, C, "V1.0", "V2.0", "id: SM-P-06", "id: SM-P-02")
    bump_at(s, DOC_B, "V1.0", "V1.1", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-c: 连环改号", who="zhaolei")
    s.git.checkout("main")
    _approve_ok(s, "cr-c")
    assert _last(s, "SM-P-06")[:2] == ("withdrawal", True), _last(s, "SM-P-06")
    reg = register(s)
    assert reg["SM-P-06"]["state"] == "withdrawn", reg["SM-P-06"]
    assert reg["SM-P-02"]["state"] != "withdrawn" and reg["SM-P-03"]["state"] != "withdrawn"
    assert state_of(s, "SM-P-02").path == C
    _agree(s)


def test_held_two_renumberings_one_counting_one_not(tmp_path):
    """One forge merge (刘静 approving, 王芳 reviewing): b.md SM-P-02 → SM-P-03 (a procedure:
    刘静's role) and test.md SM-P-01 → SM-PN-05 (a plan: 总经理's, DC502). SM-P-02's withdrawal
    counts, SM-P-01's does not (its renumbering did not): SM-P-01 stays in force."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-2", "main")
    bump_at(s, DOC_B, "V1.0", "V1.1", "id: SM-P-02", "id: SM-P-03")
    (s.root / DOC).write_text(_plan("SM-PN-05"), "utf-8")
    s.git.commit("cr-2: 两处改号", who="zhaolei")
    s.git.checkout("main")
    forge_approved(s, "cr-2")
    assert _last(s, "SM-P-02")[:2] == ("withdrawal", True), _last(s, "SM-P-02")
    assert _last(s, "SM-P-01")[:2] == ("withdrawal", False), _last(s, "SM-P-01")
    reg = register(s)
    assert reg["SM-P-02"]["state"] == "withdrawn", reg["SM-P-02"]
    assert reg["SM-P-01"]["state"] == "effective", reg["SM-P-01"]


def test_held_renumbering_onto_the_id_of_a_file_deleted_in_the_same_commit(tmp_path):
    """b.md (SM-P-02) deleted; c.md SM-P-06 → SM-P-02 (V2.0). `approve` merges; SM-P-06
    withdrawn, SM-P-02 lives on at c.md; check and trail clean."""
    s = _three_docs(tmp_path)
    s.git.branch("cr-d", "main")
    bump_at(s, C, "V1.0", "V2.0", "id: SM-P-06", "id: SM-P-02")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-d: 合并两份程序", who="zhaolei")
    s.git.checkout("main")
    _approve_ok(s, "cr-d")
    assert _last(s, "SM-P-06")[:2] == ("withdrawal", True), _last(s, "SM-P-06")
    reg = register(s)
    assert reg["SM-P-06"]["state"] == "withdrawn", reg["SM-P-06"]
    assert reg["SM-P-02"]["state"] != "withdrawn", reg["SM-P-02"]
    _agree(s)


def test_held_a_renumbering_onto_a_deleted_id_needs_a_higher_version_than_it_had(tmp_path):
    """The same with test.md taking SM-P-02 at V1.0 — not above SM-P-02's last approved V1.0
    (only its pre-control baseline): `approve` refuses, as history would (DC511)."""
    s = _three_docs(tmp_path)
    s.git.branch("cr-v", "main")
    bump_at(s, C, "V1.0", "V1.0", "id: SM-P-06", "id: SM-P-02", "目的（丙）。", "目的（改）。")
    (s.root / DOC_B).unlink()
    s.git.commit("cr-v: 合并两份程序", who="zhaolei")
    s.git.checkout("main")
    _result, merged = approve(s, "cr-v", "liujing", "wangfang")
    if merged:
        code, out = trail_strict(s)
        assert code == 0, "approve merged what the trail rejects:\n" + out


PRE = "2026-01-01T15:00:00+08:00"  # before control began (control_since: 2026-01-02)


def _site_register(s, out):
    from rt24_helpers import mkdocs, site_repo

    site_repo(s)
    s.git.commit("站点配置", who="wangfang", date="2026-01-01T16:00:00+08:00")
    built = mkdocs(s.root, out)
    assert built.returncode == 0, built.stderr
    return (out / "registers/documents/index.html").read_text("utf-8")


def test_a_renumbering_before_control_began_leaves_the_old_id_out_of_force(tmp_path):
    """Before control began, c.md was renumbered SM-P-06 → SM-P-04 (round 22: "before control,
    simply gone"). No file holds SM-P-06 since, `check` and `trail --strict` are clean. Safe:
    the register (CLI and site) does not list SM-P-06 as in force beside SM-P-04, which holds
    the very same text."""
    s = _three_docs(tmp_path)
    bump_at(s, C, "V1.0", "V1.0", "id: SM-P-06", "id: SM-P-04")
    s.git.commit("控制前改号", who="wangfang", date=PRE)
    html = _site_register(s, tmp_path / "site")
    _agree(s)
    reg = register(s)
    assert "SM-P-04" in reg, sorted(reg)
    assert reg.get("SM-P-06", {}).get("state") not in ("effective", "pending"), (
        reg.get("SM-P-06"),
        "SM-P-06 on the site's register page: " + str("SM-P-06" in html),
    )


def test_a_deletion_before_control_began_leaves_the_id_out_of_force(tmp_path):
    """The same root with a plain deletion: c.md deleted before control began. Safe: the
    register does not list SM-P-06 as in force (it has no file, no page)."""
    s = _three_docs(tmp_path)
    (s.root / C).unlink()
    s.git.commit("控制前删除", who="wangfang", date=PRE)
    _agree(s)
    reg = register(s)
    assert reg.get("SM-P-06", {}).get("state") not in ("effective", "pending"), reg.get("SM-P-06")


def test_held_an_octopus_with_a_counting_and_a_failing_renumbering(tmp_path):
    """An octopus merge (刘静 approving, 王芳 reviewing) of cr-1 (b.md SM-P-02 → SM-P-03) and
    cr-2 (c.md SM-P-06 → SM-PN-05, a plan: 总经理's, DC502). SM-P-02's withdrawal counts,
    SM-P-06's does not: SM-P-06 stays in force."""
    from rt16_helpers import MSG

    s = _three_docs(tmp_path)
    s.git.branch("cr-1", "main")
    bump_at(s, DOC_B, "V1.0", "V1.1", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-1: 改号", who="zhaolei")
    s.git.checkout("main")
    s.git.branch("cr-2", "main")
    (s.root / C).write_text(_plan("SM-PN-05"), "utf-8")
    s.git.commit("cr-2: 改为计划", who="zhouqiang")
    s.git.checkout("main")
    s.git.merge_message(MSG.format("cr-1', 'cr-2"), "cr-1", "cr-2")
    assert _last(s, "SM-P-02")[:2] == ("withdrawal", True), _last(s, "SM-P-02")
    assert _last(s, "SM-P-06")[:2] == ("withdrawal", False), _last(s, "SM-P-06")
    reg = register(s)
    assert reg["SM-P-02"]["state"] == "withdrawn", reg["SM-P-02"]
    assert reg["SM-P-06"]["state"] == "effective", reg["SM-P-06"]
