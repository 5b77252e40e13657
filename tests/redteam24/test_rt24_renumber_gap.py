"""A renumbering approved to take effect later (dad3e74 / 5a87fbe): the new id's first version
is pending until its 发布实施日期, but the old id is withdrawn at once, in the approval's
event. A version change to the *same* id keeps the version it replaces in force until the new
one's day (README, The site); a renumbering leaves the procedure with nothing in force, on the
register and on the site, for as long as the author chose."""

from __future__ import annotations

from rt24_helpers import DOC_B, approve, bump_at, head, mkdocs, register, site_repo
from rt24_helpers import two_doc_scenario as _two


def _site_scenario(tmp_path):
    s = _two(tmp_path)
    site_repo(s)
    s.git.commit("站点配置", who="wangfang", date="2026-01-01T13:00:00+08:00")
    return s


def test_a_renumbering_effective_later_keeps_the_old_number_in_force_until_then(tmp_path):
    """赵磊's cr-r renumbers b.md SM-P-02 → SM-P-03 (V2.0, effective in 30 days); 刘静
    approves. Today the register says SM-P-02 withdrawn and SM-P-03 pending: no version of the
    procedure is in force, and its page gives no text. Safe: until SM-P-03's day something is
    in force — SM-P-02's approved text (as for a new version of one id), or the new id at
    once."""
    s = _site_scenario(tmp_path)
    s.git.branch("cr-r", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-r: 改号", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "cr-r", "liujing", "wangfang")
    if not merged:  # session 19: approve refuses a renumbering that starts later
        assert "SM-P-02" in result.stdout and "SM-P-03" in result.stdout, result.stdout
        assert "--effective" in result.stdout, result.stdout
        return
    reg = register(s)
    states = (reg["SM-P-02"]["state"], reg["SM-P-03"]["state"])
    built = mkdocs(s.root, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site/procedures/b/index.html").read_text("utf-8")
    text_shown = "目的的内容（乙）。" in page
    assert "effective" in states and text_shown, (states, text_shown, head(s))
