"""`Revision.removed` / `stored_at` (session 20): the readers of a retired id's text and title
after a renumbering and a move in one approved merge."""

from __future__ import annotations

from history_helpers import body, cli, make_scenario

EN = {"LC_ALL": "en_US.UTF-8"}
DOC = "docs/procedures/test.md"


def test_a_renumbering_with_a_move_in_one_merge_never_shows_another_ids_text(tmp_path):
    """One approved merge copies SM-P-01's text to b.md as SM-P-02 and renumbers test.md in
    place to a new SM-P-03 (git reads it as test.md changed, b.md added). SM-P-01 is withdrawn by it; `show` before the
    merge gives SM-P-01's own text, after it the version it withdrew (said so), and the register keeps its own
    title: never SM-P-02's or SM-P-03's, whichever of the two paths a reader follows."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    (s.root / DOC).rename(s.root / "docs/procedures/b.md")
    s.files.doc(
        "docs/procedures/b.md", doc_id="SM-P-02", title="改号程序", body=body("改号后的目的")
    )
    # unlike the old text, so git pairs test.md → b.md as a rename
    s.files.doc(DOC, doc_id="SM-P-03", title="第三程序", body="## 1 目的\n\n第三份的目的\n")
    s.git.commit("改号并移动", who="zhaolei", date="2026-01-09T10:00:00+08:00")
    s.git.merge("cr-1", "批准改号", date="2026-01-10T10:00:00+08:00")
    before = cli(s.root, "show", "--as-of", "2026-01-09", "SM-P-01", env=EN)
    assert before.returncode == 0, before.stderr
    assert "目的的内容" in before.stdout
    assert "改号后的目的" not in before.stdout and "第三份的目的" not in before.stdout
    after = cli(s.root, "show", "--as-of", "2026-01-12", "SM-P-01", env=EN)
    shown = after.stdout + after.stderr
    assert "改号后的目的" not in shown and "第三份的目的" not in shown, shown
    # withdrawn: the version before the withdrawal, said so (cli show's design)
    assert "withdrawn" in after.stdout and "目的的内容" in after.stdout, shown
    register = cli(s.root, "register", "--as-of", "2026-01-12", env=EN)
    row = next(line for line in register.stdout.splitlines() if "SM-P-01" in line)
    assert "测试程序" in row and "第三程序" not in row and "改号程序" not in row, row
