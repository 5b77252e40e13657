"""More renumberings (5a87fbe): onto an id another file holds, with a move and a deletion in
one commit, back and forth across approvals, and pushed straight to main."""

from __future__ import annotations

from rt23_helpers import (
    DOC,
    DOC_B,
    approve,
    bump_at,
    check,
    codes,
    head,
    recorded,
    register,
    trail_strict,
    two_doc_scenario,
)

from builders import TODAY  # a renumbered version takes effect when approved (session 19)


def test_held_a_renumbering_onto_an_id_another_file_holds_is_refused(tmp_path):
    """b.md SM-P-02 → SM-P-01 while test.md keeps SM-P-01: `approve` refuses (a duplicate)."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-d", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-01")
    s.git.commit("cr-d: 改号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-d", "liujing", "wangfang")
    assert not merged, result.stdout


def test_held_renumber_move_and_delete_in_one_commit(tmp_path):
    """One commit: b.md moved to c.md (git pairs the rename) taking id SM-P-01 (V2.0), and
    test.md deleted. SM-P-01 lives on at c.md, SM-P-02 is withdrawn; `register`, `check` and
    `trail --strict` agree."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-m", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-01")
    s.git.run("mv", DOC_B, "docs/procedures/c.md")
    (s.root / DOC).unlink()
    s.git.commit("cr-m: 合并", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-m", "liujing", "wangfang")
    assert merged, result.stdout + result.stderr
    got = recorded(s, head(s))
    assert ("SM-P-02", "withdrawal", True) in got, got
    reg = register(s)
    assert reg["SM-P-02"]["state"] == "withdrawn"
    assert reg["SM-P-01"]["state"] != "withdrawn"
    assert check(s)[0] == 0 and trail_strict(s)[0] == 0


def test_held_renumbering_there_and_back(tmp_path):
    """Approved SM-P-02 → SM-P-03 at b.md, then approved SM-P-03 → SM-P-02 (V3.0): SM-P-03
    withdrawn, SM-P-02 current again; register, check and trail agree."""
    s = two_doc_scenario(tmp_path)
    for name, old, new, v0, v1 in (
        ("cr-1", "SM-P-02", "SM-P-03", "V1.0", "V2.0"),
        ("cr-2", "SM-P-03", "SM-P-02", "V2.0", "V3.0"),
    ):
        s.git.branch(name, "main")
        bump_at(s, DOC_B, v0, v1, f"id: {old}", f"id: {new}")
        s.git.commit(f"{name}: 改号", who="zhaolei")
        s.git.checkout("main")
        result, merged = approve(s, name, "liujing", "wangfang", "--effective", TODAY)
        assert merged, result.stdout + result.stderr
    reg = register(s)
    assert reg["SM-P-03"]["state"] == "withdrawn", reg["SM-P-03"]
    assert reg["SM-P-02"]["state"] != "withdrawn", reg["SM-P-02"]
    assert check(s)[0] == 0 and trail_strict(s)[0] == 0


def test_held_a_renumbering_pushed_to_main_is_dc501(tmp_path):
    """赵磊 pushes the renumbering SM-P-02 → SM-P-03 straight to main: DC501, the trail fails;
    SM-P-03 is not current in the register."""
    s = two_doc_scenario(tmp_path)
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    sha = s.git.commit("直接改号", who="zhaolei")
    assert "DC501" in codes(s, sha)
    assert ("SM-P-02", "unapproved", False) in recorded(s, sha), recorded(s, sha)
    assert trail_strict(s)[0] != 0
    assert register(s).get("SM-P-03", {}).get("state") not in ("effective", "pending")


def test_held_an_id_removed_from_front_matter_is_refused(tmp_path):
    """b.md's `id:` line removed (history would keep SM-P-02 at that path): `approve` refuses
    (check: no id)."""
    s = two_doc_scenario(tmp_path)
    s.git.branch("cr-n", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02\n", "")
    s.git.commit("cr-n: 去掉编号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-n", "liujing", "wangfang")
    assert not merged, result.stdout
    assert "SM-P-02" in result.stdout or "id" in result.stdout, result.stdout
