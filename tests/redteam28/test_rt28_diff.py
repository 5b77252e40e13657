"""Session 20's `diff` reads a withdrawn version from its withdrawal's parent
(`content.with_version`, `text_at`). A renumbering's withdrawal commit still holds the file,
with the NEW id's text: reading it there would show another document as the old id's version."""

from __future__ import annotations

from rt24_helpers import DOC_B, branch_with
from rt28_helpers import approve, cli_env, new_doc, register, two_doc_scenario

PRE = "2026-01-01T15:00:00+08:00"  # before control began (control_since: 2026-01-02)


def test_diff_of_an_id_renumbered_before_control_reads_its_own_text(tmp_path):
    """Before control, b.md's SM-P-02 becomes SM-P-09 in place, its body rewritten
    (NEVER-SM-P-02). After control, 赵磊 brings SM-P-02 back at c.md (V2.0); 刘静 approves.
    Safe: `diff SM-P-02 V1.0 V2.0` shows SM-P-02's own V1.0 (the import's text), never
    SM-P-09's."""
    s = two_doc_scenario(tmp_path)
    text = (s.root / DOC_B).read_text(encoding="utf-8")
    text = text.replace("id: SM-P-02", "id: SM-P-09").replace("的内容（乙）。", "NEVER-SM-P-02。")
    (s.root / DOC_B).write_text(text, encoding="utf-8")
    s.git.commit("控制前改号", who="wangfang", date=PRE)
    assert register(s)["SM-P-02"]["state"] == "withdrawn"
    doc = new_doc("SM-P-02", "回来", version="V2.0")
    branch_with(s, "cr-back", {"docs/procedures/c.md": doc})
    _, merged = approve(s, "cr-back", "liujing", "wangfang")
    assert merged
    diff = cli_env(s.root, {"LANG": "en"}, "diff", "SM-P-02", "V1.0", "V2.0")
    assert diff.returncode == 0, diff.stderr
    assert "NEVER-SM-P-02" not in diff.stdout and "的内容（乙）。" in diff.stdout, diff.stdout
