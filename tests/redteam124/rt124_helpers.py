"""Round 124's shared histories. Round 123's fix judges a side's forks by what they are:
a fork off the line is vouched when it is the tip an approval merged and that approval holds
every path the fork's *side* changed (``untaken._taken``); a fork on the line is vouched when
it is an approval event (``_Deriver.line_unvouched``, ``approve._untaken``). Neither asks
about the rest of the fork's tree. Here 刘静's SM-P-09 draft stands on main at a path nothing
controls (a line commit no approval judged: no problem), an honest approval of 赵磊's SM-P-08
is made while main holds it, and she takes the draft back on main. A second branch of 赵磊's
forks from that approval (its merged tip: hole 1; the approval merge itself: hole 2) and
brings her draft into a document; she approves it and is no writer. Hole 3: before any
approval event, `approve` asks nothing of a fork on the line, where the trail does."""

from __future__ import annotations

from rt27_helpers import new_doc
from rt121_helpers import PRE
from rt122_helpers import (
    DRAFTER,
    HER_TEXT,
    HER_TITLE,
    NEW,
    UNCONTROLLED,
    _merge_main_keeping,
    first_approval,
    verdict,
)
from rt123_helpers import _approve, _bring_it

from history_helpers import body
from rules_attacks import approve

__all__ = [
    "DRAFTER",
    "NEW",
    "UNCONTROLLED",
    "approve",
    "her_draft_before_any_approval",
    "her_draft_beside_an_approval",
    "verdict",
]


def _her_draft(s, date: str | None = None) -> str:
    """刘静 commits a complete SM-P-09 (front matter and all) at ``UNCONTROLLED`` on the
    current branch: on main, a line commit no approval judges and no problem."""
    s.files.write(UNCONTROLLED, new_doc("SM-P-09", title=HER_TITLE, body=body(HER_TEXT)))
    return s.git.commit("草稿", who=DRAFTER, date=date)


def her_draft_beside_an_approval(
    s, fork: str = "tip", how: str = "copy", via: str = "forge", sync: bool = False
) -> tuple[str, str]:
    """Holes 1 and 2. After an ordinary approval, 刘静 commits her draft on main (D). 赵磊
    branches ``p8`` from main while it holds her draft and adds SM-P-08 (F). For hole 1
    (``fork="tip"``) she first removes her draft on main, then approves ``p8`` (M: git's merge
    drops her file); for hole 2 (``fork="merge"``) she approves ``p8`` (M holds her draft, as
    main did) and then removes it. 赵磊 branches ``feat`` from F (``tip``) or M (``merge``), or
    from D itself (``draft``: the control, a line fork the line question asks about), brings
    her draft into ``NEW`` with one line changed (``how``), and 刘静 approves ``feat``
    (``via``). With ``sync`` 赵磊 merges main into ``feat`` first (its side then also forks
    from main's tip, a line commit no approval judged). Returns (her draft commit, the
    approval)."""
    first_approval(s)
    draft = _her_draft(s)
    s.git.branch("p8")
    s.files.write("docs/procedures/p8.md", new_doc("SM-P-08", title="八"))
    tip = s.git.commit("新增八", who="zhaolei")
    s.git.checkout("main")
    if fork == "tip":
        s.git.run("rm", "-q", UNCONTROLLED)
        s.git.commit("删除草稿", who=DRAFTER)
    merge = s.git.merge("p8", "新增八", who=DRAFTER, approvers=(DRAFTER,))
    if fork != "tip":
        s.git.run("rm", "-q", UNCONTROLLED)
        s.git.commit("删除草稿", who=DRAFTER)
    _bring_it(s, {"tip": tip, "merge": merge, "draft": draft}[fork], how)
    if sync:
        _merge_main_keeping(s, NEW)
    return draft, _approve(s, via)


def her_draft_before_any_approval(
    s, when: str = "control", first: bool = False
) -> tuple[str, str, object]:
    """Hole 3. No approval event on main yet (without ``first``). 刘静 commits her draft on
    main, under control (``control``) or before control began (``precontrol``, 2026-01-01),
    and removes it. 赵磊 branches from her commit, copies her draft into ``NEW`` with one line
    changed, and she runs `doccontrol approve feat --reviewer 王芳`. Returns (her draft
    commit, main after, approve's result)."""
    if first:
        first_approval(s)
    precontrol = when == "precontrol"
    draft = _her_draft(s, PRE.format(1) if precontrol else None)
    s.git.run("rm", "-q", UNCONTROLLED)
    s.git.commit("删除草稿", who=DRAFTER, date=PRE.format(2) if precontrol else None)
    _bring_it(s, draft, "copy")
    s.git.checkout("main")
    result, _merged = approve(s, "feat", DRAFTER, "wangfang")
    return draft, s.git.head(), result
