"""`Revision.removed`/`stored_at` after a renumbering that also moves the file, or one made
before control began; and `approve`'s swap rule (`placed`) with three documents."""

from __future__ import annotations

from rt27_helpers import approve
from rt32_helpers import pack_entries
from rt33_helpers import (
    DOC,
    DOC_B,
    TODAY,
    approve_ok,
    git_out,
    register,
    run,
    scenario,
    trail_strict,
)

SECRET = "并购谈判预案"  # SM-P-03's title: confidential, never published
C = "docs/procedures/c.md"


def _renumbered(b_text: str, level: str = "confidential") -> str:
    """b.md's SM-P-02 text made SM-P-03 (title SECRET, ``level``, in force today, its purpose
    rewritten): close enough to b.md's text that git pairs the two."""
    text = b_text.replace("id: SM-P-02", "id: SM-P-03").replace(
        "title: 第二程序", f"title: {SECRET}"
    )
    text = text.replace("confidentiality: internal", f"confidentiality: {level}")
    text = text.replace("effective_date: 2026-01-05", f"effective_date: {TODAY}")
    return text.replace("目的的内容（乙）", "目的的内容（丙）", 1)


def _withdrawn_row_is_its_own(s, tmp_path):
    row = register(s)["SM-P-02"]
    assert row["state"] == "withdrawn" and row["title"] == "第二程序", row
    assert row["confidentiality"] == "internal", row
    entries = pack_entries(s, tmp_path / "pack.zip")
    leaked = sorted(n for n, text in entries.items() if SECRET in text)
    assert not leaked, f"SM-P-03's confidential title is in the pack: {leaked}"


def test_a_renumbering_that_also_moves_the_file_reads_the_old_id_from_its_old_path(tmp_path):
    """Held: one approved merge renames b.md to c.md and makes it SM-P-03 (confidential). git
    shows `R b.md -> c.md`; SM-P-02 is withdrawn, read from the first parent at b.md: its own
    title, level and text in the register, `show` and the audit pack."""
    s = scenario(tmp_path)
    s.git.branch("cr-r")
    s.git.run("mv", DOC_B, C)
    s.files.write(C, _renumbered((s.root / C).read_text("utf-8")))
    s.git.commit("改号并移动", who="zhaolei")
    s.git.checkout("main")
    approve_ok(s, "cr-r", "--effective", TODAY)
    assert "R" in git_out(s, "diff", "-M", "--name-status", "main^", "main")
    shown = run(s, "show", "SM-P-02", "--as-of", TODAY)
    assert shown.returncode == 0 and "（乙）" in shown.stdout and SECRET not in shown.stdout
    _withdrawn_row_is_its_own(s, tmp_path)


def test_a_renumbering_before_control_began_reads_the_old_id_as_it_was(tmp_path):
    """Held: before control began b.md was renumbered in place to SM-P-03 (confidential).
    SM-P-02 is withdrawn before control, its baseline read where it last stood: no title or
    level of SM-P-03 under SM-P-02 in the register or the audit pack."""

    def before(s):
        s.git.commit("旧仓库", who="wangfang", date="2025-06-01T10:00:00+08:00")
        s.files.write(DOC_B, _renumbered((s.root / DOC_B).read_text("utf-8")))
        s.git.commit("旧仓库：改号", who="wangfang", date="2025-07-01T10:00:00+08:00")

    s = scenario(tmp_path, before=before)
    _withdrawn_row_is_its_own(s, tmp_path)


def test_approve_takes_a_move_into_a_renumbered_file_as_history_does(tmp_path):
    """Round 31 hole 6 with three documents. 赵磊's branch puts SM-P-01 (unchanged, V1.0, in
    force since 2026-01-05) into b.md, which withdraws SM-P-02, and makes test.md a new SM-P-03.
    History: SM-P-01 moved (date kept), SM-P-02 withdrawn, SM-P-03 new; a forge merge of it is
    clean. `approve` counts b.md as renumbered (SM-P-02, main's id there, is placed nowhere), so
    it skips the kept-date rule for SM-P-01 and refuses its date as stale; the `--effective` it
    suggests would re-date a document that did not change."""
    s = scenario(tmp_path)
    a_text = (s.root / DOC).read_text("utf-8")
    b_text = (s.root / DOC_B).read_text("utf-8")
    s.git.branch("cr-rot")
    s.files.write(DOC_B, a_text)
    s.files.write(DOC, _renumbered(b_text, "internal"))
    s.git.commit("轮换", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-rot", "liujing", "wangfang")
    assert merged, "approve refuses a move history accepts:\n" + result.stdout + result.stderr
    code, out = trail_strict(s)
    assert code == 0, out[-600:]
    rows = register(s)
    assert rows["SM-P-01"]["path"] == DOC_B and rows["SM-P-01"]["effective_date"] == "2026-01-05"
    assert rows["SM-P-02"]["state"] == "withdrawn"
