"""A removal is no withdrawal where the same commit placed the document at another path
(``_Deriver.placed``, 7f56e61). Renumbering — a file keeping its path while its front matter
takes another id — places the *new* id there and leaves the old id's state as it was: no
path holds it, yet it is neither withdrawn nor reported."""

from __future__ import annotations

import json

from rt21_helpers import DOC, DOC_B, bump_at, events_of, head, state_of, two_doc_scenario
from rt22_helpers import cli_env

from builders import TODAY  # a renumbered version takes effect when approved (session 19)
from rules_attacks import approve


def _register(s):
    out = cli_env(s.root, {}, "register", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    return {r["id"]: r for r in data}


def _baseline(s):
    assert cli_env(s.root, {}, "trail", "--strict").returncode == 0
    assert cli_env(s.root, {}, "check").returncode == 0


def test_a_renumbered_away_document_is_not_left_in_force(tmp_path):
    """HOLE. Steps: SM-P-01 (test.md) and SM-P-02 (b.md) in force. 赵磊's cr-r, one commit:
    b.md's id becomes SM-P-01 (V2.0), test.md is deleted — "SM-P-01 now lives in b.md".
    `approve` merges it; it lists "SM-P-01 (front matter only…), SM-P-01 (deleted)" and
    nothing about SM-P-02. What happened: the deletion of test.md is no withdrawal (SM-P-01 was
    placed at b.md in the same commit: correct), and SM-P-02 — renumbered away, held by no
    file — is neither withdrawn nor mentioned: `register` lists SM-P-02 V1.0 Effective, `log
    SM-P-02` shows it unchanged, `trail --strict` has 0 problems, while `check` and the site
    know no SM-P-02. A procedure disappears from the controlled set with no record.
    Safe behaviour: the approval records SM-P-02's withdrawal (or a renumbering event), and
    the register does not list it as effective."""
    s = two_doc_scenario(tmp_path)
    _baseline(s)
    s.git.branch("cr-r", "main")
    (s.root / DOC).unlink()
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-01")
    s.git.commit("cr-r: 合并两个程序", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-r", "liujing", "wangfang", "--effective", TODAY)
    assert merged, result.stdout + result.stderr
    assert "SM-P-02" in result.stdout  # the approver is told it leaves (change impact)
    assert cli_env(s.root, {}, "check").returncode == 0  # check: SM-P-01 only
    recorded = [(d["id"], d["kind"]) for e in events_of(s, head(s)) for d in e["documents"]]
    assert ("SM-P-02", "withdrawal") in recorded or state_of(s, "SM-P-02").withdrawn, recorded
    assert _register(s).get("SM-P-02", {}).get("state") != "effective"


def test_a_plain_renumbering_does_not_leave_the_old_id_in_force(tmp_path):
    """HOLE (the same root, no deletion). 赵磊's cr-r changes b.md's id SM-P-02 → SM-P-03
    (V2.0); `approve` says only "SM-P-03 (front matter only…)". Afterwards the register lists
    both SM-P-02 (Effective, V1.0) and SM-P-03 though one file holds them; history's SM-P-02
    keeps path b.md, not withdrawn. Safe: SM-P-02 is recorded as withdrawn/renumbered."""
    s = two_doc_scenario(tmp_path)
    _baseline(s)
    s.git.branch("cr-r", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-r: 改号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-r", "liujing", "wangfang", "--effective", TODAY)
    assert merged, result.stdout + result.stderr
    assert state_of(s, "SM-P-02").withdrawn
    assert _register(s).get("SM-P-02", {}).get("state") != "effective"


def test_held_a_move_git_did_not_pair_is_one_approval(tmp_path):
    """DEFENDED (control, 7f56e61): cr-m deletes b.md and adds c.md holding SM-P-02 rewritten
    (git does not pair them): one approval of SM-P-02 at c.md, no withdrawal."""
    from rt20_helpers import rewrite_body

    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-m", "main")
    c = "docs/procedures/c.md"
    (s.root / c).write_text((s.root / DOC_B).read_text("utf-8"), "utf-8")
    (s.root / DOC_B).unlink()
    rewrite_body(s, c)
    bump_at(s, c, "V1.0", "V2.0")
    s.git.commit("cr-m: 移动并改写", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-m", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    recorded = [(d["id"], d["kind"]) for e in events_of(s, head(s)) for d in e["documents"]]
    assert recorded == [("SM-P-02", "approval")], recorded
    assert not state_of(s, "SM-P-02").withdrawn


def test_a_renumbering_is_approved_by_the_roles_of_both_ids(tmp_path):
    """Session 19: a file renumbered withdraws its old id and starts the new one, so `approve`
    asks for the roles of both: 刘静 (management representative) may approve a procedure,
    not a new manual (the general manager's), and history would say so (DC502)."""
    s = two_doc_scenario(tmp_path)
    _baseline(s)
    s.git.branch("cr-m", "main")
    bump_at(s, DOC_B, "V1.0", "A/0", "id: SM-P-02", "id: SM-A")
    bump_at(s, DOC_B, "A/0", "A/0", "type: procedure", "type: manual")
    s.git.commit("cr-m: 改为手册", who="zhaolei")
    assert cli_env(s.root, {}, "check").returncode == 0  # a valid manual
    s.git.checkout("main")
    result, merged = approve(s, "cr-m", "liujing", "wangfang")
    assert not merged, result.stdout
    refusal = result.stdout + result.stderr
    assert "SM-A" in refusal and "DC" not in refusal, refusal  # refused for roles alone
