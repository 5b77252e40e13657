"""A renumbering approved to take effect later (dad3e74 / 5a87fbe): the new id's first version
is pending until its 发布实施日期, but the old id is withdrawn at once, in the approval's
event. A version change to the *same* id keeps the version it replaces in force until the new
one's day (README, The site); a renumbering leaves the procedure with nothing in force, on the
register and on the site, for as long as the author chose."""

from __future__ import annotations

from rt24_helpers import (
    DOC_B,
    SOON,
    approve,
    bump_at,
    events_of,
    forge_approved,
    head,
    mkdocs,
    register,
    site_repo,
    trail_strict,
)
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


def test_a_renumbering_effective_later_merged_without_approve_is_shown_in_the_trail(tmp_path):
    """Hole 4's merge made by a forge (no `approve` to refuse it): SM-P-02 is withdrawn at once
    and SM-P-03 waits for its day. Session 20: the trail names the gap (DC520 on the
    withdrawal), so `trail --strict` fails; the approval still counts, as for any stale date."""
    s = _two(tmp_path)
    s.git.branch("cr-r", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    s.git.commit("cr-r: 改号", who="zhaolei")
    s.git.checkout("main")
    sha = forge_approved(s, "cr-r")
    [event] = events_of(s, sha)
    gap = [p for p in event["problems"] if p["key"] == "problem.DC520.renumber-later"]
    assert [p["document"] for p in gap] == ["SM-P-02"], event["problems"]
    assert "SM-P-03" in gap[0]["message"] and SOON in gap[0]["message"], gap
    reg = register(s)
    assert (reg["SM-P-02"]["state"], reg["SM-P-03"]["state"]) == ("withdrawn", "pending")
    code, out = trail_strict(s)
    assert code != 0 and "DC520" in out, out


def test_a_renumbering_that_takes_effect_at_once_is_no_gap(tmp_path):
    """The same renumbering with the new version in force on the day of its merge: nothing
    is out of force, and the trail says nothing of it."""
    s = _two(tmp_path)
    s.git.branch("cr-r", "main")
    bump_at(s, DOC_B, "V1.0", "V2.0", "id: SM-P-02", "id: SM-P-03")
    text = (s.root / DOC_B).read_text(encoding="utf-8").replace(SOON, "2026-02-01")
    (s.root / DOC_B).write_text(text, encoding="utf-8")
    s.git.commit("cr-r: 改号", who="zhaolei")
    s.git.checkout("main")
    sha = s.git.merge(
        "cr-r",
        "合并",
        approvers=("liujing",),
        reviewers=("wangfang",),
        date="2026-02-01T10:00:00+08:00",
    )
    [event] = events_of(s, sha)
    assert not [p for p in event["problems"] if p["code"] == "DC520"], event["problems"]
    assert register(s)["SM-P-03"]["state"] == "effective"
